"""What kind of message this is, from phrases, headers and calendar parts.

Rules rather than a trained model: the corpus is small, every decision must be explainable in a
bug report, and a false "interview confirmation" (a thank-you for a webinar) costs more than a
miss. The rules run from the most decisive signal (an outcome, a cancellation) to the weakest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.model import Kind

_REJECTION = re.compile(
    r"(?:decided|chosen|decision) (?:not )?to (?:move|proceed|go|pursue) (?:forward )?with (?:other|another|a different)"
    r"|(?:will|would|won't|are) not (?:be )?(?:moving|move|proceeding|proceed|progressing) (?:forward )?with your"
    r"|not (?:be )?(?:moving|proceeding) forward with your (?:application|candidacy)"
    r"|unable to offer you|regret to inform|unfortunately,? (?:we|after careful)[^.]{0,120}(?:other candidates?|not (?:be )?(?:moving|proceed)|another candidate|decided)"
    r"|position has (?:been|now been) filled|pursue other candidates|move forward with other candidates"
    r"|leider müssen wir Ihnen mitteilen|leider haben wir uns|für (?:einen )?andere[nr]? (?:Bewerber|Kandidat)|\babsage\b"
    r"|nicht weiter berücksichtigen|nous sommes au regret|ne pas donner suite"
    r"|lamentamos informarte|no continuar con tu candidatura|hemos decidido continuar con otros",
    re.IGNORECASE,
)
_OFFER = re.compile(
    r"(?:pleased|delighted|happy|excited|thrilled) to (?:extend|offer|make) (?:you )?(?:an |a |the )?(?:formal |verbal |written )?offer"
    r"|(?:pleased|delighted|happy|excited|thrilled) to offer you (?:the|a|this) (?:position|role|job)"
    r"|(?:extend|extending|make|making) (?:you )?an offer|offer letter (?:is )?attached|attached (?:is |you'?ll find )?(?:your|the) offer"
    r"|your offer (?:letter|package)|offer of employment|job offer|Angebot für die Stelle|Vertragsangebot"
    r"|offre d'emploi|proposition d'embauche|oferta de (?:trabajo|empleo)",
    re.IGNORECASE,
)
_CANCEL = re.compile(
    r"\b(?:cancel(?:led|ed|ing|lation)?|called off|abgesagt|absagen|storniert|annul(?:é|ée|er|ation)|cancelad[oa]|cancelar)\b",
    re.IGNORECASE,
)
_INTERVIEW = re.compile(
    r"\b(?:interview\w*|phone screen\w*|screening call|screen with|recruiter (?:call|screen|chat)|intro(?:ductory)? call|"
    r"on-?site|technical (?:round|call|session|assessment)|panel|final round|hiring manager|"
    r"coding (?:session|exercise|round)|case study|meet the team|chat with|conversation with|call with|"
    r"vorstellungsgespräch\w*|gespräch\w*|entretien\w*|entrevista\w*)\b",
    re.IGNORECASE,
)
# A call or chat is an interview when the mail is about a role ("a quick chat about the role").
_CALL = re.compile(r"\b(?:call|chat|talk|speak|meet|zoom|teams meeting|google meet)\b", re.IGNORECASE)
_CONFIRM = re.compile(
    r"\b(?:confirm\w*|scheduled|is set|are set|booked|locked in|see you|looking forward to (?:speaking|meeting|talking|our)|"
    r"invitation|invited|invites? you|join (?:us|the call|the meeting)|rescheduled|moved to|new time|updated time|"
    r"bestätig\w*|eingeladen|einladung|confirm(?:é|ée|ons|o|amos|ada|ado)|programad[oa]|prévu|invitation)\b",
    re.IGNORECASE,
)
_SCHEDULING = re.compile(
    r"availability|available (?:times|slots|for)|when (?:are|would) you (?:be )?(?:free|available)|what times? (?:work|suit)"
    r"|pick a time|book a time|select a time|choose a time|schedule (?:a time|your|an interview|a call)|self-schedul"
    r"|calendly\.com/|time slots?|a few times|propose (?:some )?times|let me know (?:when|what time)|"
    r"verfügbarkeit|wann (?:haben|hätten) Sie Zeit|disponibilit|disponibilidad|horarios",
    re.IGNORECASE,
)
# Times offered or asked about, not settled: "would any of these work?", "please confirm whether …".
_PROPOSAL = re.compile(
    r"(?:please|can you|could you) (?:please )?confirm (?:whether|if)|(?:do|does|would|will) (?:any|one) of "
    r"(?:these|the following|those)|which (?:of these |of the following )?(?:times?|slots?|options?) "
    r"(?:works?|suits?)|(?:these|the following) (?:times?|slots?) (?:work|suit)",
    re.IGNORECASE,
)
_NOT_FOR_CANDIDATE = re.compile(
    r"\b(?:webinar|podcast|masterclass|master class|workshop|meetup|info(?:rmation)? session|live q&a|ama\b|"
    r"conference|summit|office hours|mock interview|interview tips|interview prep|ace your|newsletter|"
    r"dentist|dental|doctor|appointment reminder|hygien|dinner|birthday|party|brunch|lunch with|"
    r"job alert|jobs? (?:you may|for you|recommended)|recommended jobs|new jobs|unsubscribe from (?:job|these) alerts)",
    re.IGNORECASE,
)
_INTERVIEWER_ROLE = re.compile(
    r"\b(?:candidate|scorecard|interview kit|interview loop for|feedback form|you(?:'re| are) (?:scheduled|invited) to interview|"
    r"interviewer(?:s)? (?:training|guide|briefing)|please submit (?:your )?feedback)\b",
    re.IGNORECASE,
)
_RECEIVED = re.compile(
    r"(?:thank you|thanks) for (?:applying|your application|your interest)|(?:we(?:'ve| have)|has been) received your application"
    r"|application (?:has been )?received|we received your application|your application (?:for|to) .{0,80} (?:was|has been) (?:received|submitted)"
    r"|bewerbung (?:ist )?eingegangen|candidature (?:a bien été )?reçue|hemos recibido tu (?:solicitud|candidatura)",
    re.IGNORECASE,
)
_APPLICATION = re.compile(
    r"\b(?:application|applied|candidacy|role|position|interview\w*|offer|references?|next steps|resume|cv|"
    r"hiring|hiring team|recruiting team|opportunity|(?:hiring|interview|recruiting) process|bewerbung|"
    r"candidature|candidatura)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Signals:
    """Everything the classifier looks at, gathered by `facts` from one message."""

    subject: str
    text: str
    from_owner: bool
    automated: bool
    human_sender: bool
    is_reply: bool
    calendar_request: bool
    calendar_cancel: bool
    has_future_time: bool
    owner_is_colleague: bool


def classify(s: Signals) -> Kind:
    head = f"{s.subject}\n{s.text}"
    if s.from_owner:
        return Kind.OTHER
    if _REJECTION.search(head):
        return Kind.REJECTION
    if _OFFER.search(head) and not s.automated:
        return Kind.OFFER
    interviewish = bool(_INTERVIEW.search(head) or (_CALL.search(head) and _APPLICATION.search(head)))
    if _NOT_FOR_CANDIDATE.search(s.subject) or (_NOT_FOR_CANDIDATE.search(head) and not interviewish):
        return Kind.OTHER
    if s.owner_is_colleague or _INTERVIEWER_ROLE.search(head):
        return Kind.OTHER
    if (s.calendar_cancel or _CANCEL.search(s.subject) or _CANCEL.search(s.text[:600])) and interviewish:
        return Kind.CANCELLATION
    if _PROPOSAL.search(s.text) and interviewish and not s.calendar_request:
        return Kind.SCHEDULING_REQUEST
    if s.has_future_time and interviewish and (s.calendar_request or _CONFIRM.search(head)):
        return Kind.INTERVIEW_CONFIRMATION
    if _RECEIVED.search(head) and (s.automated or not s.human_sender):
        return Kind.OTHER
    if _SCHEDULING.search(head) and (interviewish or s.is_reply):
        return Kind.SCHEDULING_REQUEST
    if s.human_sender and not s.automated and _APPLICATION.search(head):
        return Kind.RECRUITER_REPLY
    return Kind.OTHER
