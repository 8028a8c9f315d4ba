"""Message → facts: kind, interview time, interviewers, company, role, stated timeline.

Pure functions of a parsed `Message` and the owner's addresses.
"""

from assistant.extract.facts import extract_facts
from assistant.extract.prefilter import wants_body

__all__ = ["extract_facts", "wants_body"]
