"""Split a body into what the sender wrote now and the history quoted below it.

A reply that moves an interview quotes the old time; only the fresh part may decide. No
maintained library does this for the attribution lines of several languages and clients, so it is
written here: a small list of the attribution and separator shapes that mail clients produce.
"""

from __future__ import annotations

import re

_ATTRIBUTION = re.compile(
    r"""^\s*(?:
        on\s.{6,200}?\bwrote:                         # Gmail, Apple Mail, Thunderbird
      | am\s.{6,200}?\bschrieb.{0,80}:                # German
      | le\s.{6,200}?\ba\s+écrit\s*:                  # French
      | el\s.{6,200}?\bescribió\s*:                   # Spanish
      | op\s.{6,200}?\bschreef.{0,80}:                # Dutch
      | em\s.{6,200}?\bescreveu\s*:                   # Portuguese
      | den\s.{6,200}?\bskrev.{0,80}:                 # Swedish, Danish, Norwegian
      | w\s+dniu\s.{6,200}?\bnapisał.{0,80}:          # Polish
      | il\s+giorno\s.{6,200}?\bha\s+scritto\s*:       # Italian
      | -{2,}\s*(?:original\s+message|original\s+appointment|forwarded\s+message|message\s+d'origine|
                  rendez-vous\s+d'origine|message\s+transféré|ursprüngliche\s+nachricht|
                  ursprünglicher\s+termin|weitergeleitete\s+nachricht|mensaje\s+original|
                  cita\s+original|mensaje\s+reenviado|oorspronkelijk\s+bericht|doorgestuurd\s+bericht|
                  mensagem\s+original|mensagem\s+encaminhada|ursprungligt\s+meddelande|oprindelig\s+meddelelse|
                  opprinnelig\s+melding|wiadomość\s+oryginalna|messaggio\s+originale|
                  vidarebefordrat\s+meddelande|videresendt\s+\w+|wiadomość\s+przekazana|messaggio\s+inoltrato)\s*-{2,}
      | begin\s+forwarded\s+message:
      | _{10,}                                        # Outlook's rule above the quoted header
    )\s*$""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
# What a forward puts above the message it passes on (a reply's attribution line is not one of them).
_FORWARD = re.compile(
    r"^\s*(?:-{2,}\s*(?:forwarded\s+message|original\s+appointment|message\s+transféré|rendez-vous\s+d'origine|"
    r"weitergeleitete\s+nachricht|ursprünglicher\s+termin|mensaje\s+reenviado|cita\s+original|doorgestuurd\s+bericht|"
    r"mensagem\s+encaminhada|vidarebefordrat\s+meddelande|videresendt\s+\w+|wiadomość\s+przekazana|messaggio\s+inoltrato)\s*-{2,}"
    r"|begin\s+forwarded\s+message:)",
    re.IGNORECASE,
)
_OUTLOOK_FROM = re.compile(r"^\s*\*?(from|von|de|van|från|fra|od|da)\s*:\*?\s+\S", re.IGNORECASE)
_OUTLOOK_NEXT = re.compile(
    r"^\s*\*?(sent|date|gesendet|envoyé|enviado|enviada|verzonden|to|an|à|para|aan|subject|betreff|objet|asunto|onderwerp|assunto|"
    r"skickat|sendt|wysłane|inviato|till|til|do|a|ämne|emne|temat|oggetto)\s*:",
    re.IGNORECASE,
)


_OPENERS = ("on ", "am ", "le ", "el ", "op ", "em ", "den ", "w dniu", "il giorno")


def _outlook_header_at(lines: list[str], index: int) -> bool:
    """A "From: …" line followed closely by "Sent:/To:/Subject:" lines starts a quoted message."""
    if not _OUTLOOK_FROM.match(lines[index]):
        return False
    following = [line for line in lines[index + 1 : index + 5] if line.strip()]
    return sum(1 for line in following if _OUTLOOK_NEXT.match(line)) >= 2


def split_quoted(text: str) -> tuple[str, str]:
    """(fresh, quoted). Attribution lines that wrap over two lines are recognised too."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        joined = line + " " + lines[index + 1] if index + 1 < len(lines) else line
        if (
            _ATTRIBUTION.match(line)
            or (line.lstrip().lower().startswith(_OPENERS) and _ATTRIBUTION.match(joined))
            or _outlook_header_at(lines, index)
            or line.startswith(">")
        ):
            return "\n".join(lines[:index]).rstrip(), "\n".join(lines[index:])
    return text.rstrip(), ""


def is_attribution(line: str) -> bool:
    """ "On Thu, 3 Dec 2026 at 18:40, Tom Ashby <tom@…> wrote:": the line that introduces a quote."""
    return bool(_ATTRIBUTION.match(line.lstrip("> ")))


def is_forward(quoted: str) -> bool:
    """The history below is a message passed on (its content is this mail's content), not a reply's."""
    return bool(_FORWARD.match(quoted))


_HEADER_LINE = re.compile(
    r"^[>\s]*\*?(?:date|sent|gesendet|datum|envoyé|date d'envoi|enviado(?: el)?|enviada(?: el)?|fecha|verzonden|skickat|sendt|wysłane|inviato|data)\s*:\*?.*$",
    re.IGNORECASE | re.MULTILINE,
)


_SENT_LINE = re.compile(
    r"^[>\s]*\*?(?:sent|gesendet|envoyé|date d'envoi|enviad[oa](?: el)?)\s*:", re.IGNORECASE
)
# The other fields of a quoted header block, beside which a "Date:" line is the header's own.
_FIELD_LINE = re.compile(
    r"^[>\s]*(?:\*?(?:from|to|cc|subject|von|an|betreff|de|à|objet|para|asunto|van|aan|onderwerp)\s*:|-{3,})",
    re.IGNORECASE,
)


def without_attributions(quoted: str) -> str:
    """The history with its attribution and header Date/Sent lines blanked: when a message was
    written is not when anything happens. A "Date:" line in a body ("Date: Monday, December 7")
    is kept: only one beside other header fields is a header's. Positions are kept, so later
    searches can still pair neighbours."""
    source = quoted.split("\n")
    lines = []
    for index, line in enumerate(source):
        bare = line.lstrip("> ")
        neighbours = source[max(0, index - 1) : index] + source[index + 1 : index + 2]
        in_header = any(_FIELD_LINE.match(other) for other in neighbours) or bool(_SENT_LINE.match(line))
        blank = _ATTRIBUTION.match(bare) or (_HEADER_LINE.match(line) and in_header)
        lines.append(" " * len(line) if blank else line)
    return "\n".join(lines)
