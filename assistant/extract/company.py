"""Company and role, as a person would write them in a tracker.

The subject line is the most reliable source: ATS and calendar subjects are short lists of parts
("Interview Confirmation: Senior Data Engineer – Northwind Analytics", "Brightpath phone screen -
Product Analyst", Google's "Invitation: Technical interview: Jordan Lee <> Tessellate @ …"), so
they are cut at their separators and each part is read as a role or a company once the interview
words are taken off. Then come labelled fields ("Position: …"), phrases in the text ("the Data
Engineer role at Acme"), and last the sender's display name ("Acme Robotics Recruiting").
"""

from __future__ import annotations

import re

from assistant.extract.domains import organisation_label
from assistant.model import Envelope

JOB_WORDS = re.compile(
    r"\b(?:engineer|engineering|developer|manager|analyst|designer|scientist|lead|director|"
    r"specialist|architect|consultant|coordinator|associate|intern|administrator|officer|head|"
    r"product|researcher|writer|marketer|marketing|sales|accountant|recruiter|representative|"
    r"technician|programmer|sre|devops|strategist|editor|advisor|partner|executive|assistant|"
    r"owner|operations|support|counsel|principal|staff|ingénieur\w*|développeu\w*|chef|responsable|"
    r"desarrollador\w*|ingeniero\w*|analista|jefe|gerente|diseñador\w*)\b"
    # German compounds: "Softwareentwickler", "Projektleiter", "Produktmanager"
    r"|\w*(?:entwickler|ingenieur|berater|leiter|manager|architekt|administrator)\w*",
    re.IGNORECASE,
)
_ROLE_TEXT = (
    r"[A-Z][\w/&+#.'()-]*(?: (?:[A-Z0-9][\w/&+#.'()-]*|of|and|for|de|du|des|la|le|y|und|&|I{1,3}|\d))*"
)
_COMPANY_TEXT = r"[A-Z0-9][\w&.'’-]*(?: (?:[A-Z0-9&][\w&.'’-]*|of|and|de|&))*"

_REPLY_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|aw|wg|tr|rv|sv|antw|vs)\s*(?:\[\d+\])?\s*:\s*|\[[^\]]{1,30}\]\s*)+", re.IGNORECASE
)
# Google Calendar: "Invitation: <title> @ <when> (<guest>)", also updates and cancellations.
_CALENDAR_SUBJECT = re.compile(
    r"^(?:updated\s+|new\s+)?(?:invitation|invitación|einladung|canceled event|cancelled event|"
    r"event canceled|event cancelled|abgesagter termin|accepted|declined)(?:\s+with\s+note)?\s*:\s*"
    r"(?P<title>.+?)\s+@\s+.+$",
    re.IGNORECASE,
)
_TRAILING_PARENS = re.compile(r"(?:\s*\([^()]*\))+\s*$")
_SEPARATORS = re.compile(r"\s+[–—|-]\s+|:\s+|\s+<>\s+|\s+[x×]\s+|\s+/\s+")
# Interview stages and mail labels: what is left of a subject part without them names the party.
_STAGE = re.compile(
    r"\b(?:(?:phone|video|virtual|technical|tech|onsite|on-site|final|first|second|third|panel|"
    r"hiring manager|recruiter|behaviou?ral|coding|system design|culture|hr|initial)\s+)*"
    r"(?:interviews?|screen|screening|onsite|on-site|round|call|conversation)"
    r"(?:\s+(?:confirmation|confirmed|invitation|invite|request|reminder|scheduled|rescheduled|update|"
    r"details|availability|schedule))*\b"
    r"|\b(?:confirmation|invitation|reminder|next steps|availability|scheduling|update|follow[- ]up|"
    r"vorstellungsgespräch|einladung(?: zum)?|entretien|entrevista)\b",
    re.IGNORECASE,
)
_LEADING_CONNECTOR = re.compile(
    r"^(?:for|as|als|für|pour|para|with)\s+(?:the\s+|an?\s+|le poste de\s+|el puesto de\s+)?", re.IGNORECASE
)
_ROLE_AT_COMPANY = re.compile(r"^(?P<role>.+?)\s+(?:at|bei|chez|@)\s+(?P<company>.+)$")

# A specialty after a comma belongs to the title when "role"/"position" closes it: "the Senior
# Software Engineer, Frontend role".
_ROLE_WITH_SPECIALTY = rf"{_ROLE_TEXT}(?:, [A-Z][\w/&+#.'-]*(?: [A-Z][\w/&+#.'-]*){{0,3}})?"
_ROLE_WORD_TAIL = re.compile(r"\s+(?:role|position|opening)$", re.IGNORECASE)
_ROLE_PATTERNS = [
    re.compile(r"(?:^|\n)\s*(?:role|position|job|job title|title|stelle|poste|puesto|vacante)\s*[:|]\s*(?P<role>[^\n|]{3,80})", re.IGNORECASE),
    re.compile(rf"\b(?:the|our|an?|le\s+poste\s+de|la\s+posición\s+de|el\s+puesto\s+de|die\s+Stelle\s+als)\s+(?P<role>{_ROLE_WITH_SPECIALTY})\s+(?:position|role|opening|opportunity|job|req)\b"),
    re.compile(rf"\b(?:for|as|of|about|für|pour|para)\s+(?P<role>{_ROLE_TEXT})\s+(?:position|role|opening|opportunity|job|req)\b"),
    re.compile(rf"\b(?:position|role|poste|puesto|Stelle|Position|[Bb]ewerbung|[Aa]pplication|candidature)\s+(?:of|as|als|de|for the|for|pour)\s+(?:an?\s+)?(?P<role>{_ROLE_TEXT})"),
    re.compile(rf"\bdie Position\s+(?P<role>{_ROLE_TEXT})"),
    re.compile(rf"\b(?:for|für|pour|para)\s+(?:the\s+|our\s+|an?\s+)?(?P<role>{_ROLE_TEXT})\s+(?:at|with|bei|chez|en)\s+{_COMPANY_TEXT}"),
    re.compile(rf"\b(?:interview|call|chat|conversation)\s+with\s+{_COMPANY_TEXT}\s+for\s+(?:the\s+)?(?P<role>{_ROLE_TEXT})", re.IGNORECASE),
    re.compile(rf"(?P<role>{_ROLE_TEXT})\s+(?:interview|Interview|phone screen|Phone Screen|onsite|Onsite)\b"),
    re.compile(rf"\b(?:interview|Interview|[Pp]hone [Ss]creen|[Ss]creen|[Oo]nsite|Vorstellungsgespräch|entretien|entrevista)\s*(?:[:–—-]|for|für|pour|para)\s*(?:the\s+)?(?P<role>{_ROLE_TEXT})"),
    re.compile(rf"\b(?:join|joining) {_COMPANY_TEXT} as an?\s+(?P<role>{_ROLE_TEXT})"),
]  # fmt: skip
_COMPANY_PATTERNS = [
    re.compile(r"(?:^|\n)\s*(?:company|employer|organization|unternehmen|entreprise|empresa)\s*[:|]\s*(?P<company>[^\n|]{2,60})", re.IGNORECASE),
    re.compile(rf"\b(?:interview|call|chat|conversation)\s+with\s+(?P<company>{_COMPANY_TEXT})\s+for\b", re.IGNORECASE),
    re.compile(rf"\b(?:invitation|invite|message|news|update|offer)\s+from\s+(?P<company>{_COMPANY_TEXT})\s*$", re.IGNORECASE),
    re.compile(rf"\b(?:at|bei|chez|en)\s+(?P<company>{_COMPANY_TEXT})(?=\s*(?:[.,!?;:()\n|–—]|\s-\s|$|\s+(?:is|has|on|for|and|team|via|@|am|le|el)\b))"),
    re.compile(rf"\b(?:interest in|applying to|applied to|application to|joining|join)\s+(?P<company>{_COMPANY_TEXT})(?=[\s.,!]|$)"),
    re.compile(rf"\b(?:the\s+)?(?P<company>{_COMPANY_TEXT})\s+(?:team|Team|recruiting team|Recruiting Team|Talent Team|hiring team)\b"),
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
    r"pm|am|hiring manager|(?:\w+ )?interview.*|action required|offer .*|confirmaci[oó]n.*|termin\w*|"
    r"re|fwd?|invitation.*|updated invitation.*|your .*|"
    r"next steps|thank you|thanks|quick .*|hello|hi|hey|dear|application.*|offer|schedule|"
    r"confirmed|confirmation|reminder|technical|onsite|panel|final round|masterclass|webinar|workshop|events?|"
    r"(?:today|tomorrow|tonight|yesterday|upcoming|rescheduled|updated|cancell?ed|new)(?:['’]s)?)$",
    re.IGNORECASE,
)
_RECRUITING_SUBJECT = re.compile(
    r"interview|screen|onsite|on-site|application|applying|position|role\b|job|offer|candida|bewerbung|"
    r"vorstellungsgespräch|entretien|entrevista|poste|puesto|stelle",
    re.IGNORECASE,
)
_NAME = re.compile(r"[A-Z0-9][\w&'’-]*(?: [A-Z0-9&][\w&'’-]*)*")
# Legal forms a tracker leaves off: "Thistle Bank plc", "Tulipa Payments B.V.", "Nordlicht Logistik AG".
_LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:inc|llc|llp|lp|ltd|limited|plc|corp|corporation|co|gmbh|ag|se|kg|sas|sa|sarl|s\.?l|s\.?a|b\.?v|n\.?v|"
    r"pvt|pte|pty|oy|ab|as|spa|s\.?r\.?l|n\.a)\.?)+$",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?] .*$|\s+(?:and|of|de|&)$")
_STAGE_ROLE = re.compile(r"^(?:hiring manager|recruiter|technical|final|panel|team|hr)$", re.IGNORECASE)


def _clean(value: str) -> str:
    return " ".join(value.strip(" \t-–—|:,.;!?\"'()").split())


def _subject_parts(subject: str) -> list[str]:
    """The subject without reply prefixes and calendar wrapping, cut at its separators."""
    core = _REPLY_PREFIX.sub("", subject)
    if calendar := _CALENDAR_SUBJECT.match(core):
        core = calendar.group("title")
    core = _TRAILING_PARENS.sub("", core)
    return [part for part in (_clean(p) for p in _SEPARATORS.split(core)) if part]


def _without_stage(part: str) -> str:
    return _clean(_LEADING_CONNECTOR.sub("", _clean(_STAGE.sub(" ", part))))


def _trim_role(role: str) -> str:
    """Cut a role at the first word that cannot belong to a job title."""
    role = re.split(r"\s+(?:at|with|on|for|bei|chez|en|@|interview|Interview)\s+", role)[0]
    role = _ROLE_WORD_TAIL.sub("", role)
    return _clean(re.sub(r"\s*\((?:m/w/d|w/m/d|f/m/d|h/f|m/f/d)\)", "", role, flags=re.IGNORECASE))


def _valid_role(candidate: str) -> str | None:
    role = _trim_role(candidate)
    words = role.split()
    if not role or not 1 <= len(words) <= 8 or not JOB_WORDS.search(role) or _STAGE_ROLE.match(role):
        return None
    return role


def _role_from_subject(subject: str) -> str | None:
    for part in _subject_parts(subject):
        bare = _without_stage(part)
        if at := _ROLE_AT_COMPANY.match(bare):
            bare = _ROLE_WORD_TAIL.sub("", at.group("role"))
        if re.fullmatch(_ROLE_TEXT, bare) and (role := _valid_role(bare)):
            return role
    return None


def find_role(subject: str, text: str) -> str | None:
    if role := _role_from_subject(subject):
        return role
    for source in (subject, text[:3000]):
        for pattern in _ROLE_PATTERNS:
            for match in pattern.finditer(source):
                if role := _valid_role(match.group("role")):
                    return role
    return None


def _letters(value: str) -> str:
    return "".join(c for c in value.lower() if c.isalpha())


def _valid_company(candidate: str) -> str | None:
    name = _clean(_SENTENCE_BREAK.sub("", _clean(candidate)))
    name = _clean(_LEGAL_FORM.sub("", _clean(_NAME_SUFFIX.sub("", name))))
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    if not name or not name[0].isupper() or _NOT_COMPANY.match(name) or len(name) > 50:
        return None
    if JOB_WORDS.search(name) or sum(c.isdigit() for c in name) > sum(c.isalpha() for c in name):
        return None
    return name


def _company_from_subject(envelope: Envelope, role: str | None) -> str | None:
    """A subject part that is only a name once the interview words are off, and not the candidate's."""
    if not _RECRUITING_SUBJECT.search(envelope.subject):
        return None
    parts = _subject_parts(envelope.subject)
    recipients = {_letters(a.name or "") for a in envelope.to} | {
        _letters(a.email.split("@")[0]) for a in envelope.to
    }
    for part in parts:
        bare = _without_stage(part)
        if at := _ROLE_AT_COMPANY.match(bare):
            bare = at.group("company")
        if (len(parts) < 2 and bare == part) or not re.fullmatch(_COMPANY_TEXT, bare):
            continue
        found = _valid_company(bare)
        if found and found != role and _letters(found) not in recipients and len(found.split()) <= 5:
            return found
    return None


def _spells(words: list[str], label: str) -> bool:
    """Whether the words spell a domain label the way companies shorten their names to one.

    The first word in full, each next word by a prefix ("Kestrel Security" → kestrelsec,
    "Tulipa Payments" → tulipapay), and at most one word past the end ("Meridian Grid Energy" →
    meridiangrid, "Sprocket AI" → sprocket).
    """
    rest = label
    first = _letters(words[0])
    if not first or not rest.startswith(first):
        return False
    rest = rest[len(first) :]
    for index, word in enumerate(words[1:], start=1):
        letters = _letters(word)
        if not rest:
            return index == len(words) - 1 and not _STAGE.search(word) and not _NOT_COMPANY.match(word)
        shared = next(
            (i for i, (a, b) in enumerate(zip(letters, rest, strict=False)) if a != b),
            min(len(letters), len(rest)),
        )
        if shared == 0:
            return False
        rest = rest[shared:]
    return not rest


def _company_of_domain(envelope: Envelope, text: str) -> str | None:
    """The longest name in the subject or text spelling the writer's own domain ("Lumen Freight" for
    lumenfreight.io): signatures give the full name ("Fernway Travel") where the text says "Fernway"."""
    writers = (*envelope.reply_to, *([envelope.sender] if envelope.sender else []))
    labels = {_letters(label) for a in writers if (label := organisation_label(a.email))}
    best: str | None = None
    for source in (envelope.subject, text[:3000]) if labels else ():
        for match in _NAME.finditer(source):
            words = match.group(0).split()
            for first, word in enumerate(words):
                letters = _letters(word)
                if not letters or not any(label.startswith(letters) for label in labels):
                    continue
                for size in range(min(len(words) - first, 4), 0, -1):
                    part = words[first : first + size]
                    if any(_spells(part, label) for label in labels) and (
                        found := _valid_company(" ".join(part))
                    ):
                        best = found if best is None or len(found.split()) > len(best.split()) else best
                        break
    return best


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
    if found := _company_from_subject(envelope, role):
        return found
    if found := _company_of_domain(envelope, text):
        return found
    for source in (envelope.subject, text[:3000]):
        if role:
            # "Senior Data Engineer at Acme" / "Senior Data Engineer – Acme Robotics"
            match = re.search(
                re.escape(role) + rf"\s*(?:at|with|bei|chez|en|[–—|-])\s*(?P<company>{_COMPANY_TEXT})", source
            )
            if match and (found := _valid_company(match.group("company"))):
                return found
        for pattern in _COMPANY_PATTERNS:
            for match in pattern.finditer(source):
                if found := _valid_company(match.group("company")):
                    return found
    return _company_from_sender(envelope)
