"""Which messages are worth fetching in full, judged from headers alone.

A first scan of a large mailbox must not download every body (benchmarks/scan.py measures it).
Subjects with recruiting words are always read; everyday words ("update", "confirmed", "call")
only when a person wrote (not a robot, not a mailing list); replies in tracked threads and mail
from employers already known are always read. A miss costs a draft, so the strong list is broad.
"""

from __future__ import annotations

import re

from assistant.extract.alternation import factored
from assistant.extract.people import is_machine
from assistant.model import Envelope

_STRONG = re.compile(
    factored(
        r"interview|recruit|candida|applica|applied|hiring|job|offer letter|position|\brole\b|opening|"
        r"on-?site|phone screen|screening|invitation:|invitation updated|updated invitation|"
        r"availability|next steps|assessment|take-home|coding (?:challenge|exercise)|talent|"
        r"engineer|developer|designer|analyst|scientist|manager|director|architect|intern\b|"
        r"gespräch|einladung|bewerbung|stelle|entretien|candidature|poste|entrevista|candidatura|puesto|vacante|"
        # outcomes and steps as ATSs word them: "Your offer from Sablefin", "Action needed: schedule your screen"
        r"your offer|offer from|job offer|offer of employment|propuesta (?:de|para)|proposta (?:de|para)|vertragsangebot|"
        r"specialist|consultant|coordinator|"
        r"final round|next round|\bround (?:\d|one|two|three)|\bscreen\b|schedule your|^confirmed:|kennenlern|recrut|reclut|"
        r"(?:find|pick|book|choose|grab) a time|superday|assessment cent(?:re|er)|design challenge|\bsenior pm\b"
    ),
    re.IGNORECASE,
)
_WEAK = re.compile(
    factored(
        r"confirm|schedul|reschedul|cancel|call|chat|meeting|meet|update|decision|thank|follow|offer|"
        r"your time|next week|termin|rendez-vous|reunión|references?|feedback|timing|moving forward|round|next steps?|<>|"
        # job titles outside software, from a person: "Re: Brand Marketing Lead - checking in"
        r"\blead\b|artist|paralegal|specialist|coordinator|nurse|accountant|teacher|officer|associate|consultant|"
        r"assistant|buyer|checking in|portfolio|conversa\w*|good news|where things"
    ),
    re.IGNORECASE,
)


def wants_body(envelope: Envelope, known_thread: bool, known_sender: bool = False) -> bool:
    if known_thread or known_sender or _STRONG.search(envelope.subject):
        return True
    personal = envelope.sender is not None and not is_machine(envelope.sender) and not envelope.automated
    return personal and bool(_WEAK.search(envelope.subject))
