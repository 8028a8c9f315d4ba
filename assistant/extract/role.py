"""The role applied for, as a person would write it in a tracker.

The subject line first (its parts read as titles once the stage words are off, also the part in
parentheses of a calendar title), then labelled fields ("Position: …") and phrases in the text
("the Data Engineer role at Acme"); the team written after the title is kept ("Backend Engineer
(Payments)") unless it is the employer's own name.
"""

from __future__ import annotations

import re

from assistant.extract.company import LEGAL_FORM, spells
from assistant.extract.naming import (
    COMPANY_TEXT,
    JOB_WORDS,
    ROLE_AT_COMPANY,
    ROLE_TEXT,
    clean,
    subject_asides,
    subject_parts,
    without_stage,
)

# A specialty after a comma belongs to the title when "role"/"position" closes it: "the Senior
# Software Engineer, Frontend role".
_ROLE_WITH_SPECIALTY = rf"{ROLE_TEXT}(?:, [A-Z][\w/&+#.'-]*(?: [A-Z][\w/&+#.'-]*){{0,3}})?"
_ROLE_WORD_TAIL = re.compile(r"\s+(?:role|position|opening)$", re.IGNORECASE)
_ROLE_PATTERNS = [
    re.compile(r"(?:^|\n)\s*(?:role|position|job|job title|title|stelle|poste|puesto|vacante)\s*[:|]\s*(?P<role>[^\n|]{3,80})", re.IGNORECASE),
    re.compile(rf"\b(?:the|our|an?|le\s+poste\s+de|la\s+posición\s+de|el\s+puesto\s+de|die\s+Stelle\s+als)\s+(?P<role>{_ROLE_WITH_SPECIALTY})\s+(?:position|role|opening|opportunity|job|req)\b"),
    re.compile(rf"\b(?:for|as|of|about|für|pour|para)\s+(?P<role>{ROLE_TEXT})\s+(?:position|role|opening|opportunity|job|req)\b"),
    re.compile(rf"\b(?:position|role|poste|puesto|Stelle|Position|[Bb]ewerbung|[Aa]pplication|candidature)\s+(?:of|as|als|de|for the|for|pour)\s+(?:an?\s+)?(?P<role>{ROLE_TEXT})"),
    re.compile(rf"\bdie Position\s+(?P<role>{ROLE_TEXT})"),
    re.compile(rf"\b(?:the |a |our )?(?:position|role|vacancy)\s+(?P<role>{_ROLE_WITH_SPECIALTY})\s+(?:at|with|bei|chez|in)\s+{COMPANY_TEXT}"),
    re.compile(rf"\b(?:for|für|pour|para)\s+(?:the\s+|our\s+|an?\s+)?(?P<role>{ROLE_TEXT})\s+(?:at|with|bei|chez|en)\s+{COMPANY_TEXT}"),
    re.compile(rf"\b(?:interview|call|chat|conversation)\s+with\s+{COMPANY_TEXT}\s+for\s+(?:the\s+)?(?P<role>{ROLE_TEXT})", re.IGNORECASE),
    re.compile(rf"(?P<role>{ROLE_TEXT})\s+(?:interview|Interview|phone screen|Phone Screen|onsite|Onsite)\b"),
    re.compile(rf"\b(?:interview|Interview|[Pp]hone [Ss]creen|[Ss]creen|[Oo]nsite|Vorstellungsgespräch|entretien|entrevista)\s*(?:[:–—-]|for|für|pour|para)\s*(?:the\s+)?(?P<role>{ROLE_TEXT})"),
    re.compile(rf"\b(?:join|joining) {COMPANY_TEXT} as an?\s+(?P<role>{ROLE_TEXT})"),
]  # fmt: skip
_STAGE_ROLE = re.compile(r"^(?:hiring manager|recruiter|technical|final|panel|team|hr)$", re.IGNORECASE)


def _trim_role(role: str) -> str:
    """Cut a role at the first word that cannot belong to a job title."""
    role = re.split(r"\s+(?:at|with|on|for|bei|chez|en|@|interview|Interview)\s+|[.!?](?:\s|$)", role)[0]
    role = _ROLE_WORD_TAIL.sub("", role)
    role = re.sub(r"\s*\((?:m/w/d|w/m/d|f/m/d|h/f|m/f/d)\)", "", role, flags=re.IGNORECASE)
    # German gender endings and a workload: "Controller/in", "Controller:in", "(80–100 %)"
    role = re.sub(
        r"(?<=[a-zäöü])(?:/|:|\*)in(?:nen)?\b|\s*\(?\b\d{2,3}\s*(?:[–-]\s*\d{2,3})?\s*%?\)?$", "", role
    )
    # a requisition number or an unclosed parenthesis is not part of the title: "(R-0043127"
    return clean(re.sub(r"\s*\((?:[^()]*\d[^()]*\)?|[^()]*)$", "", role))


def _valid_role(candidate: str) -> str | None:
    role = _trim_role(candidate)
    words = role.split()
    if not role or not 1 <= len(words) <= 8 or not JOB_WORDS.search(role) or _STAGE_ROLE.match(role):
        return None
    return role


def _role_from_subject(subject: str) -> str | None:
    for part in (*subject_parts(subject), *subject_asides(subject)):
        # "Staff Software Engineer, Platform": the title before the comma; `_with_specialty` adds the rest.
        bare = without_stage(part).split(", ")[0]
        if at := ROLE_AT_COMPANY.match(bare):
            bare = _ROLE_WORD_TAIL.sub("", at.group("role"))
        if _title_shaped(bare) and (role := _valid_role(bare)):
            return role
    return None


# French, Spanish and Portuguese titles go on in lower case after a preposition: "Chef de projet
# digital", "Analista de datos".
_SENTENCE_CASE_TITLE = re.compile(
    r"[A-ZÀ-Ý][\w'-]*(?: [A-ZÀ-Ý][\w'-]*)* (?:de|du|des|de la|del|d'|da|do|of|en) [\w'-]+(?: [\w'-]+)?"
)
_SENIORITY = re.compile(r"^(?:senior|junior|lead|staff|principal|head|chef|jefe|leiter)\b", re.IGNORECASE)


def _title_shaped(part: str) -> bool:
    """A subject part that reads as a job title: title case, or sentence case led by a job word."""
    if re.fullmatch(ROLE_TEXT, part):
        return True
    first = part.split(" ", 1)[0]
    return bool(_SENTENCE_CASE_TITLE.fullmatch(part)) and bool(
        _SENIORITY.match(first) or JOB_WORDS.fullmatch(first)
    )


def find_role(subject: str, text: str, employer_labels: frozenset[str] = frozenset()) -> str | None:
    """The role; `employer_labels` (see `employer_labels`) keep the company out of its specialty."""
    role = _role_from_subject(subject) or _role_in_text(subject, text)
    return _with_specialty(role, f"{subject}\n{text[:3000]}", employer_labels) if role else None


def _role_in_text(subject: str, text: str) -> str | None:
    for source in (subject, text[:3000]):
        for pattern in _ROLE_PATTERNS:
            for match in pattern.finditer(source):
                if role := _valid_role(match.group("role")):
                    return role
    return None


# The team or product area written after a title: "Backend Engineer (Payments)", "Product Manager,
# Clinical Platforms" at the end of a subject or before the verb. Not codes ("(R-0043127)"), zones
# ("(EST)") or gender markers, and not a company after the comma ("Data Engineer, Acme Robotics").
_SPECIALTY = re.compile(
    r" \((?P<paren>(?![A-Z]{2,4}\))(?![HhMmFfWwDdXx](?:/[HhMmFfWwDdXx]){1,2}\))[A-Z][A-Za-z&/ -]{2,30})\)"
    r"|, (?P<comma>[A-Z][\w&/-]*(?: [A-Z&][\w&/-]*){0,2})(?=[ \t]*(?:$|\(|\s(?:has|is|was|role|position|opening)\b))",
    re.MULTILINE,
)


def _with_specialty(role: str, source: str, employer_labels: frozenset[str]) -> str:
    """The role with the specialty written after it the first time it appears, if any."""
    at = source.find(role)
    while at >= 0 and source[at + len(role) : at + len(role) + 1] not in (" ", ","):
        at = source.find(role, at + 1)
    tail = _SPECIALTY.match(source, at + len(role)) if at >= 0 else None
    if tail is None:
        return role
    specialty = tail.group("paren") or tail.group("comma")
    words = specialty.split()
    if LEGAL_FORM.search(f"x {specialty}") or any(spells(words, label) for label in employer_labels):
        return role
    return f"{role} ({specialty})" if tail.group("paren") else f"{role}, {specialty}"
