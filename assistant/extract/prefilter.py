"""Which messages are worth fetching in full, judged from headers alone.

A first scan of a large mailbox must not download every body; this keeps bodies to mail that
might be about an application, at the cost of reading a few newsletters too many.
"""

from __future__ import annotations

import re

from assistant.model import Envelope

_SUBJECT = re.compile(
    r"interview|invitation|invite|updated|confirm|schedul|screen|call|chat|meeting|application|"
    r"candida|position|role|opportunit|offer|next steps|follow|thank|update|decision|"
    r"your (?:time|availability)|availability|cancel|reschedul|onsite|on-site|assessment|"
    r"gespräch|einladung|bewerbung|termin|entretien|candidature|rendez-vous|entrevista|"
    r"candidatura|reunión|\bre:|\bfwd?:|\baw:|\btr:",
    re.IGNORECASE,
)


def wants_body(envelope: Envelope, known_thread: bool) -> bool:
    """Fetch the body when the subject suggests recruiting mail or the thread is already tracked."""
    return known_thread or bool(_SUBJECT.search(envelope.subject))
