"""The employer's name, as a person would write it in a tracker.

The subject line is the most reliable source: its parts are read as a company once the interview
words are off. Then the longest name in the text that spells the writer's own domain (signatures
give "Fernway Travel" where the text says "Fernway"), labelled fields and phrases in the text
("the Data Engineer role at Acme"), and last the sender's display name ("Acme Robotics Recruiting").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.extract.alternation import factored
from assistant.extract.domains import EMAIL_ADDRESS, organisation_label
from assistant.extract.naming import (
    COMPANY_TEXT,
    JOB_WORDS,
    ROLE_AT_COMPANY,
    STAGE,
    clean,
    letters,
    named_by_initials,
    subject_parts,
    without_stage,
)
from assistant.model import Envelope

_COMPANY_PATTERNS = [
    re.compile(r"(?:^|\n)\s*(?:company|employer|organization|unternehmen|entreprise|empresa)\s*[:|]\s*(?P<company>[^\n|]{2,60})", re.IGNORECASE),
    re.compile(rf"\b(?:interview|call|chat|conversation)\s+with\s+(?P<company>{COMPANY_TEXT})\s+for\b", re.IGNORECASE),
    re.compile(rf"\b(?:invitation|invite|message|news|update|offer)\s+from\s+(?P<company>{COMPANY_TEXT})\s*$", re.IGNORECASE),
    re.compile(rf"\b(?:at|bei|chez|en)\s+(?P<company>{COMPANY_TEXT})(?=\s*(?:[.,!?;:()\n|–—]|\s-\s|$|\s+(?:is|has|on|for|and|team|via|@|am|le|el)\b))"),
    re.compile(rf"\b(?:interest in|applying to|applied to|application to|joining|join)\s+(?P<company>{COMPANY_TEXT})(?=[\s.,!]|$)"),
    re.compile(rf"\b(?:the\s+)?(?P<company>{COMPANY_TEXT})\s+(?:team|Team|recruiting team|Recruiting Team|Talent Team|hiring team)\b"),
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
    r"re|fwd?|invitation.*|updated invitation.*|(?:your|votre|vos|ihre?|tu|su|sus|uw|je|jouw|sua|seu) .*|"
    r"(?:votre|vos|ihre?|uw|jouw|sua|seu)|"
    r"next steps|thank you|thanks|quick .*|hello|hi|hey|dear|application.*|offer|schedule|"
    r"confirmed|confirmation|reminder|technical|onsite|panel|final round|masterclass|webinar|workshop|events?|"
    r"casual|informal|intro|introductory|first|second|third|next|schedule .*|confirma[cç][aã]o.*|cancela[cç]i[oó]n.*|cancelamento.*|cancellation.*|frontend|backend|full ?stack|"
    r"(?:today|tomorrow|tonight|yesterday|upcoming|rescheduled|updated|cancell?ed|new)(?:['’]s)?)$",
    re.IGNORECASE,
)
# A day named inside a capitalised run is a sentence, not a firm: "Daniel last Wednesday", "Thursday's".
_WHEN = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|last|tonight)\b",
    re.IGNORECASE,
)
_RECRUITING_SUBJECT = re.compile(
    factored(
        r"interview|screen|onsite|on-site|application|applying|position|role\b|job|offer|candida|bewerbung|"
        r"vorstellungsgespräch|entretien|entrevista|poste|puesto|stelle"
    ),
    re.IGNORECASE,
)
_NAME = re.compile(r"[A-Z0-9][\w&'’-]*(?: [A-Z0-9&][\w&'’-]*)*")
# Legal forms a tracker leaves off: "Thistle Bank plc", "Tulipa Payments B.V.", "Nordlicht Logistik AG".
LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:inc|llc|llp|lp|ltd|limited|plc|corp|corporation|co|gmbh|ag|se|kg|sas|sa|sarl|s\.?l|s\.?a|b\.?v|n\.?v|"
    r"pvt|pte|pty|oy|oyj|ab|as|aps|a/s|asa|spa|s\.?r\.?l|n\.a|kk|k\.k|sp\. z o\.o|hq|headquarters)\.?)+$",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?] .*$|\s+(?:and|of|de|&)$")


def employer_labels(envelope: Envelope) -> frozenset[str]:
    """The name-bearing labels of the writers' domains, as letters ("meridiangrid")."""
    writers = (*envelope.reply_to, *([envelope.sender] if envelope.sender else []))
    return frozenset(letters(label) for a in writers if (label := organisation_label(a.email)))


def without_employer_name(text: str, labels: frozenset[str]) -> str:
    """The text with the writer's organisation named in full taken out, so the words of a name
    ("Summit Ridge Energy", "Podcast Partners") are not read as what the mail is about.

    Only capitalised runs that begin where the label's first letters occur are examined: a
    callback on every capitalised run of every message costs more than the rest of the check."""
    low = text.lower()
    spans: list[tuple[int, int]] = []
    for label in labels:
        index = low.find(label[:4]) if len(label) >= 5 else -1
        while index >= 0:
            match = _NAME.match(text, index) if index == 0 or not text[index - 1].isalnum() else None
            words = match.group(0).split() if match else []
            start = letters("".join(words[:2]))
            if match and len(words) >= 2 and len(start) >= 5 and label.startswith(start):
                spans.append(match.span())
            index = low.find(label[:4], index + 1)
    for begin, end in sorted(spans, reverse=True):
        text = text[:begin] + " " * (end - begin) + text[end:]
    return text


def _valid_company(candidate: str) -> str | None:
    name = clean(_SENTENCE_BREAK.sub("", clean(candidate)))
    name = clean(LEGAL_FORM.sub("", clean(_NAME_SUFFIX.sub("", name))))
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    if not name or not name[0].isupper() or _NOT_COMPANY.match(name) or len(name) > 50 or _WHEN.search(name):
        return None
    if JOB_WORDS.search(name) or sum(c.isdigit() for c in name) > sum(c.isalpha() for c in name):
        return None
    return name


def _company_from_subject(envelope: Envelope, role: str | None) -> str | None:
    """A subject part that is only a name once the interview words are off, and not the candidate's."""
    if not _RECRUITING_SUBJECT.search(envelope.subject):
        return None
    parts = subject_parts(envelope.subject)
    recipients = {letters(a.name or "") for a in envelope.to} | {
        letters(a.email.split("@")[0]) for a in envelope.to
    }
    for part in parts:
        bare = without_stage(part)
        if at := ROLE_AT_COMPANY.match(bare):
            bare = at.group("company")
        if (len(parts) < 2 and bare == part) or not re.fullmatch(COMPANY_TEXT, bare):
            continue
        found = _valid_company(bare)
        if found and found != role and letters(found) not in recipients and len(found.split()) <= 5:
            return found
    return None


_ACRONYM = re.compile(r"^[A-Z]{2,4}$")


def spells(words: list[str], label: str) -> bool:
    """Whether the words spell a domain label the way companies shorten their names to one.

    The first word in full, each next word by a prefix ("Kestrel Security" → kestrelsec,
    "Tulipa Payments" → tulipapay), and at most one word past the end ("Meridian Grid Energy" →
    meridiangrid, "Sprocket AI" → sprocket).
    """
    rest = label
    first = letters(words[0])
    if not first or not rest.startswith(first):
        return False
    rest = rest[len(first) :]
    for index, word in enumerate(words[1:], start=1):
        spelled = letters(word)
        if not spelled:  # "Orchard & Vale": the ampersand is not in the domain, or is "and" in it
            if word == "&" and rest.startswith("and"):
                rest = rest[3:]
            continue
        if not rest:
            # one word past the domain: "Sprocket AI", "Greyhaven Security", but not "Acme on"
            return (
                index == len(words) - 1
                and not STAGE.search(word)
                and (bool(_ACRONYM.match(word)) or not _NOT_COMPANY.match(word))
            )
        shared = next(
            (i for i, (a, b) in enumerate(zip(spelled, rest, strict=False)) if a != b),
            min(len(spelled), len(rest)),
        )
        if shared == 0:
            return False
        rest = rest[shared:]
    return not rest


def _company_of_domain(subject: str, text: str, labels: frozenset[str]) -> str | None:
    """The longest name in the subject or text spelling one of the domain labels ("Lumen Freight" for
    lumenfreight.io): signatures give the full name ("Fernway Travel") where the text says "Fernway"."""
    best: str | None = None
    for source in (subject, text[:3000]) if labels else ():
        for match in _NAME.finditer(source):
            words = match.group(0).split()
            for first, word in enumerate(words):
                spelled = letters(word)
                if not spelled or not any(label.startswith(spelled) for label in labels):
                    continue
                for size in range(min(len(words) - first, 4), 0, -1):
                    part = words[first : first + size]
                    if any(spells(part, label) for label in labels) and (
                        found := _valid_company(" ".join(part))
                    ):
                        best = found if best is None or len(found.split()) > len(best.split()) else best
                        break
    return best


def _company_by_initials(envelope: Envelope, text: str) -> str | None:
    """The name a writer's domain abbreviates ("Bundesamt für digitale Verwaltungsdienste" for
    bdvd.bund.de), as the mail spells it out."""
    said = f"{envelope.subject}\n{text[:3000]}"
    for writer in (*envelope.reply_to, *([envelope.sender] if envelope.sender else [])):
        name = named_by_initials(said, organisation_label(writer.email) or "")
        if name and (found := _valid_company(name)):
            return found
    return None


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


def _stands_alone(name: str, text: str) -> bool:
    """The name ends where it is written, as in a signature ("Greyhaven Security" at a line's end), so
    the subject's short form may give way to it; "Brightlane Virtual Onsite" is no company name."""
    return bool(re.search(re.escape(name) + r"(?=[ \t]*(?:$|[|.,;·–—]))", text, re.MULTILINE))


def find_company(envelope: Envelope, text: str, role: str | None) -> str | None:
    agency = _agency_labels(envelope, text)
    if agency:
        return _client_of_agency(envelope, text, role, agency)
    by_domain = _company_of_domain(envelope.subject, text, employer_labels(envelope)) or _company_by_initials(
        envelope, text
    )
    if found := _company_from_subject(envelope, role):
        longer = by_domain and by_domain.startswith(found + " ") and _stands_alone(by_domain, text)
        return by_domain if longer else found
    if by_domain:
        return by_domain
    return next(_named_in_text(envelope.subject, text, role), None) or _company_from_sender(envelope)


# What follows the role's first mention: "Data Engineer at Acme", "Data Engineer – Acme".
_AFTER_ROLE = re.compile(rf"\s*(?:at|with|bei|chez|en|[–—|-])\s*(?P<company>{COMPANY_TEXT})")


def _named_in_text(subject: str, text: str, role: str | None) -> Iterator[str]:
    """Companies the subject and text name: after the role ("Data Engineer at Acme") and in
    phrases ("your interest in Acme", "the Acme team")."""
    for source in (subject, text[:3000]):
        at = source.find(role) if role else -1
        match = _AFTER_ROLE.match(source, at + len(role)) if role and at >= 0 else None
        if match and (found := _valid_company(match.group("company"))):
            yield found
        for pattern in _COMPANY_PATTERNS:
            for match in pattern.finditer(source):
                if found := _valid_company(match.group("company")):
                    yield found


# Recruiting agencies: their domain says so ("talentbridgesearch", "bellwetherrecruiting"), or the
# writer speaks of a client.
_AGENCY_LABEL = re.compile(
    r"recruit|(?<!re)search|staffing|talent|headhunt|placement|personnel|werving|personalberatung|recrutement|reclutamiento"
)
_CLIENT = re.compile(r"\b(?:my|our) client\b|\bon behalf of (?:my|our|a) client\b", re.IGNORECASE)


def _client_of_agency(envelope: Envelope, text: str, role: str | None, agency: frozenset[str]) -> str | None:
    """An agency recruiter writes about a client: the name spelling the domain of someone at the
    client (a forwarded confirmation's sender), else a company the text names. The agency's own
    name is never the answer, and a client kept anonymous ("my client, a Series C fintech") gives none."""
    others = frozenset(
        letters(label) for email in EMAIL_ADDRESS.findall(text) if (label := organisation_label(email))
    )
    named = (
        _company_of_domain(envelope.subject, text, others - agency),
        _company_from_subject(envelope, role),
        *_named_in_text(envelope.subject, text, role),
    )
    return next((c for c in named if c and not any(spells(c.split(), label) for label in agency)), None)


def writes_for_agency(envelope: Envelope, text: str) -> bool:
    """The writer is an agency recruiter: their calls around a client's interview are not seats in it."""
    return bool(_agency_labels(envelope, text))


def _agency_labels(envelope: Envelope, text: str) -> frozenset[str]:
    """The writers' domain labels when the writer is an agency recruiter, else nothing."""
    labels = employer_labels(envelope)
    if any(_AGENCY_LABEL.search(label) for label in labels) or _CLIENT.search(text[:3000]):
        return labels
    return frozenset()
