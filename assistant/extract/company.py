"""Company and role, as a person would write them in a tracker.

The subject line is the most reliable source (ATS subjects name both), then labelled fields
("Position: …"), then phrases in the text ("the Data Engineer role at Acme"), then the sender's
display name ("Acme Robotics Recruiting").
"""

from __future__ import annotations

import re

from assistant.model import Envelope

_JOB_WORDS = re.compile(
    r"\b(?:engineer|engineering|developer|manager|analyst|designer|scientist|lead|director|"
    r"specialist|architect|consultant|coordinator|associate|intern|administrator|officer|head|"
    r"product|researcher|writer|marketer|marketing|sales|accountant|recruiter|representative|"
    r"technician|programmer|sre|devops|strategist|editor|advisor|partner|executive|assistant|"
    r"owner|operations|support|counsel|principal|staff|entwickler\w*|ingenieur\w*|berater\w*|"
    r"leiter\w*|ingénieur\w*|développeu\w*|chef|responsable|desarrollador\w*|ingeniero\w*|"
    r"analista|jefe|gerente|diseñador\w*)\b",
    re.IGNORECASE,
)
_ROLE_TEXT = (
    r"[A-Z][\w/&+#.'()-]*(?:[ -](?:[A-Z0-9][\w/&+#.'()-]*|of|and|for|de|du|des|la|le|y|und|&|-|–|I{1,3}|\d))*"
)
_COMPANY_TEXT = r"[A-Z0-9][\w&.'’-]*(?:\s(?:[A-Z0-9&][\w&.'’-]*|of|and|de|&))*"

_ROLE_PATTERNS = [
    re.compile(r"(?:^|\n)\s*(?:role|position|job|job title|title|stelle|poste|puesto|vacante)\s*[:|]\s*(?P<role>[^\n|]{3,80})", re.IGNORECASE),
    re.compile(rf"\b(?:for|as|of|für|pour|para)\s+(?:the\s+|our\s+|an?\s+|le\s+poste\s+de\s+|la\s+posición\s+de\s+|el\s+puesto\s+de\s+|die\s+Stelle\s+als\s+)?(?P<role>{_ROLE_TEXT})\s+(?:position|role|opening|opportunity|job|req)\b"),
    re.compile(rf"\b(?:position|role|poste|puesto|Stelle)\s+(?:of|as|als|de)\s+(?:an?\s+)?(?P<role>{_ROLE_TEXT})"),
    re.compile(rf"\b(?:for|für|pour|para)\s+(?:the\s+|our\s+|an?\s+)?(?P<role>{_ROLE_TEXT})\s+(?:at|with|bei|chez|en)\s+{_COMPANY_TEXT}"),
    re.compile(rf"(?P<role>{_ROLE_TEXT})\s+(?:interview|Interview|phone screen|Phone Screen|onsite|Onsite)\b"),
    re.compile(rf"\b(?:interview|Interview|[Pp]hone [Ss]creen|[Ss]creen|Vorstellungsgespräch|entretien|entrevista)\s*(?:[:–—-]|for|für|pour|para)\s*(?:the\s+)?(?P<role>{_ROLE_TEXT})"),
]  # fmt: skip
_COMPANY_PATTERNS = [
    re.compile(r"(?:^|\n)\s*(?:company|employer|organization|unternehmen|entreprise|empresa)\s*[:|]\s*(?P<company>[^\n|]{2,60})", re.IGNORECASE),
    re.compile(rf"^(?P<company>{_COMPANY_TEXT})\s+(?:[Ii]nterview|[Pp]hone [Ss]creen|[Oo]nsite)\b"),
    re.compile(rf"\b(?:at|bei|chez|en)\s+(?P<company>{_COMPANY_TEXT})(?=\s*(?:[.,!?;:()\n|–—]|\s-\s|$|\s+(?:is|has|on|for|and|team|via|@|am|le|el)\b))"),
    re.compile(rf"\b(?:interest in|applying to|applied to|joining|join)\s+(?P<company>{_COMPANY_TEXT})(?=[\s.,!]|$)"),
    re.compile(rf"\b(?:the\s+)?(?P<company>{_COMPANY_TEXT})\s+(?:team|Team|recruiting team|Recruiting Team|Talent Team|hiring team)\b"),
    re.compile(rf"[–—|-]\s*(?P<company>{_COMPANY_TEXT})\s*$"),
]  # fmt: skip
_NAME_SUFFIX = re.compile(
    r"\s*(?:[-–|,]\s*)?(?:\b(?:recruiting|recruitment|talent(?: acquisition)?|careers?|hiring|"
    r"hr|people|team|jobs|via \w+|scheduling|notifications?)\b\s*)+$",
    re.IGNORECASE,
)
_NOT_COMPANY = re.compile(
    r"^(?:the|our|your|you|us|me|my|we|i|a|an|this|that|it|zoom|google meet|microsoft teams|teams|"
    r"greenhouse|lever|ashby|workday|calendly|goodtime|icims|smartrecruiters|linkedin|indeed|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+.*|\w{1,2}|"
    r"pm|am|hiring manager|interview.*|re|fwd?|invitation.*|updated invitation.*)$",
    re.IGNORECASE,
)


def _clean(value: str) -> str:
    return " ".join(value.strip(" \t-–—|:,.;!?\"'()").split())


def _trim_role(role: str) -> str:
    """Cut a role at the first word that cannot belong to a job title."""
    role = re.split(r"\s+(?:at|with|on|for|bei|chez|en|@|interview|Interview)\s+", role)[0]
    return _clean(re.sub(r"\s*\((?:m/w/d|w/m/d|f/m/d|h/f|m/f/d)\)", "", role, flags=re.IGNORECASE))


def find_role(subject: str, text: str) -> str | None:
    for source in (subject, text[:3000]):
        for pattern in _ROLE_PATTERNS:
            for match in pattern.finditer(source):
                role = _trim_role(match.group("role"))
                words = role.split()
                if role and 1 <= len(words) <= 8 and _JOB_WORDS.search(role):
                    return role
    return None


def _valid_company(candidate: str) -> str | None:
    name = _clean(_NAME_SUFFIX.sub("", _clean(candidate)))
    if not name or not name[0].isupper() or _NOT_COMPANY.match(name) or len(name) > 50:
        return None
    if _JOB_WORDS.search(name):
        return None
    return name


def _company_from_sender(envelope: Envelope) -> str | None:
    sender = envelope.sender
    if sender is None or not sender.name:
        return None
    name = sender.name
    at = re.search(r"\b(?:at|from|@|via)\s+(.+)$", name)
    if at:
        return _valid_company(at.group(1))
    suffixed = _NAME_SUFFIX.search(name)
    if suffixed and suffixed.start() > 0:
        return _valid_company(name[: suffixed.start()])
    return None


def find_company(envelope: Envelope, text: str, role: str | None) -> str | None:
    subject = envelope.subject
    if role:
        # "Senior Data Engineer at Acme" / "Senior Data Engineer – Acme Robotics"
        for source in (subject, text[:3000]):
            match = re.search(
                re.escape(role) + rf"\s*(?:at|with|bei|chez|en|[–—|,-]|\()\s*(?P<company>{_COMPANY_TEXT})",
                source,
            )
            if match and (found := _valid_company(match.group("company"))):
                return found
    for source in (subject, text[:3000]):
        for pattern in _COMPANY_PATTERNS:
            for match in pattern.finditer(source):
                found = _valid_company(match.group("company"))
                if found:
                    return found
    return _company_from_sender(envelope)
