"""How job titles, company names and recruiting subject lines are written.

Shared by `role` and `company`: the words that make a job title, the shapes of a title and of a
company name in running text, and the subject line cut into its parts ("Interview Confirmation:
Senior Data Engineer – Northwind Analytics", Google's "Invitation: Technical interview: Jordan Lee
<> Tessellate @ …") with the interview-stage words taken off.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.extract.alternation import factored

_NOT_LETTERS = re.compile(r"[^a-z]")


def letters(value: str) -> str:
    """The letters of a name without accents: "Atelier Lumière" spells atelier-lumiere.fr, "Elin
    Nyström" spells elin.nystrom@."""
    lowered = value.lower()
    if lowered.isascii():
        return _NOT_LETTERS.sub("", lowered)
    return "".join(c for c in unicodedata.normalize("NFKD", lowered) if c.isalpha() and c.isascii())


JOB_WORDS = re.compile(
    r"\b(?:engineer|engineering|developer|manager|analyst|designer|scientist|lead|director|"
    r"specialist|architect|consultant|coordinator|associate|intern|administrator|officer|head|"
    r"product|researcher|writer|marketer|marketing|sales|accountant|recruiter|representative|"
    r"technician|programmer|sre|devops|strategist|editor|advisor|partner|executive|assistant|"
    r"owner|operations|support|counsel|principal|staff|ingénieur\w*|développeu\w*|chef|responsable|"
    r"desarrollador\w*|ingeniero\w*|analista|jefe|gerente|diseñador\w*|leitung|nurse|teacher|"
    r"lecturer|professor|pharmacist|buyer|planner|auditor|economist|statistician|tester|responsabile|"
    r"specialista|analityk|kierownik|specjalista|medewerker|adviseur|handläggare|samordnare|científic[oa]|"
    r"l[ií]der|referent\w*)\b"
    # German compounds: "Softwareentwickler", "Projektleiter", "Produktmanager", "Konzerncontroller"
    r"|\w*(?:entwickler|ingenieur|berater|leiter|manager|architekt|administrator|controller|controlling)\w*",
    re.IGNORECASE,
)
ROLE_TEXT = (
    r"[A-Z][\w/&+#.'()-]*(?: (?:[A-Z0-9][\w/&+#.'()-]*|of|and|for|de|du|des|la|le|y|und|&|I{1,3}|\d))*"
)
COMPANY_TEXT = r"[A-Z0-9][\w&.'’-]*(?: (?:[A-Z0-9&][\w&.'’-]*|of|and|de|&))*"
# A subject that answers ("Re:", "AW:", "SV:") or passes on ("Fwd:", "WG:", "TR:") another message.
REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|sv|antw|rv|r|vs)\s*:", re.IGNORECASE)
FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|wg|tr|rv|enc|i)\s*:", re.IGNORECASE)
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
STAGE = re.compile(
    factored(
        r"\b(?:(?:phone|video|virtual|technical|tech|onsite|on-site|final|first|second|third|panel|"
        r"hiring manager|recruiter|behaviou?ral|coding|system design|culture|hr|initial)\s+)*"
        r"(?:interviews?|screen|screening|onsite|on-site|round|call|conversation)"
        r"(?:\s+(?:confirmation|confirmed|invitation|invite|request|reminder|scheduled|rescheduled|update|"
        r"details|availability|schedule))*\b"
        r"|\b(?:confirmation|invitation|reminder|next steps|availability|scheduling|update|follow[- ]up|"
        r"application|candidature|bewerbung|candidatura|submitted|submission|status|"
        r"einladung(?: zum)?|entretien|entrevista|\w*gespräch|terminvorschläge|termin|"
        r"colloquio|intervju|rozmowa|sollicitatiegesprek)\b"
    ),
    re.IGNORECASE,
)
_LEADING_CONNECTOR = re.compile(
    r"^(?:for|as|als|für|pour|para|with)\s+(?:the\s+|an?\s+|le poste de\s+|el puesto de\s+)?", re.IGNORECASE
)
ROLE_AT_COMPANY = re.compile(r"^(?P<role>.+?)\s+(?:at|bei|chez|@)\s+(?P<company>.+)$")


def clean(value: str) -> str:
    return " ".join(value.strip(" \t-–—|:,.;!?\"'()").split())


def _subject_core(subject: str) -> str:
    """The subject without reply prefixes and calendar wrapping."""
    core = _REPLY_PREFIX.sub("", subject)
    if calendar := _CALENDAR_SUBJECT.match(core):
        core = calendar.group("title")
    return core


def subject_parts(subject: str) -> list[str]:
    """The subject's parts, cut at its separators, without trailing parentheses."""
    core = _TRAILING_PARENS.sub("", _subject_core(subject))
    return [part for part in (clean(p) for p in _SEPARATORS.split(core)) if part]


def subject_asides(subject: str) -> list[str]:
    """What the subject says in parentheses: calendar titles put the role there ("Jo Lee (Data Engineer)")."""
    return [clean(inner) for inner in re.findall(r"\(([^()]+)\)", _subject_core(subject))]


def without_stage(part: str) -> str:
    return clean(_LEADING_CONNECTOR.sub("", clean(STAGE.sub(" ", part))))


# Words an organisation's initials pass over: "Innovation and Regional Growth Canada" is irgc,
# "Agence wallonne de la Mobilité durable" awmd.
_CONNECTOR = (
    r"(?:and|of|for|the|on|in|für|und|der|die|de|des|du|la|le|les|et|pour|à|au|aux|sur|y|del|van|voor|en)"
)
_INITIALISMS: dict[str, re.Pattern[str]] = {}


def _letter_class(letter: str, lower: bool = True) -> str:
    """A character class for a letter and its accented forms ("e" also matches "É" in "Évaluation")."""
    forms = {c for c in map(chr, range(0xC0, 0x17F)) if letters(c) == letter}
    chosen = {letter.upper(), *(c for c in forms if c.isupper())}
    if lower:
        chosen |= {letter, *(c for c in forms if c.islower())}
    return "[" + "".join(sorted(chosen)) + "]"


def spelled_by_initials(text: str, acronym: str) -> str | None:
    """The name whose initials spell a domain label ("Canadian Water Stewardship Agency" for
    cwsa-acge.gc.ca, "Bundesamt für wirtschaftliche Resilienz" for bwr-bund.ch): public bodies
    and many firms take their domain from their initials. The name stays on one line, starts with
    a capital and has capitals on at least half its words ("Can we set aside" is no name); an
    elided article is passed over ("l'Innovation"). Labels shorter than three letters match too
    much to count."""
    if not 3 <= len(acronym) <= 6 or not acronym.isalpha() or not acronym.isascii():
        return None
    pattern = _INITIALISMS.get(acronym)
    if pattern is None:
        words = [_letter_class(acronym[0], lower=False), *(_letter_class(c) for c in acronym[1:])]
        # words part at spaces, or at a hyphen inside a compound ("Meuse-Ourthe")
        gap = rf"(?:[ \t]+(?:{_CONNECTOR}[ \t]+)*|-)(?:[ld]['’])?"
        pattern = re.compile(r"\b" + gap.join(rf"{w}[\w'’-]*" for w in words) + r"\b")
        _INITIALISMS[acronym] = pattern
    for match in pattern.finditer(text):
        words = [w for w in re.split(r"[ \t-]+", match.group(0)) if not re.fullmatch(_CONNECTOR, w)]
        if 2 * sum(w.lstrip("ld'’")[:1].isupper() for w in words) >= len(words):
            return match.group(0)
    return None


def named_by_initials(text: str, label: str) -> str | None:
    """The name a domain label abbreviates, part by part: "cwsa-acge" is "Canadian Water Stewardship
    Agency" in an English signature."""
    return next((name for part in label.split("-") if (name := spelled_by_initials(text, part))), None)
