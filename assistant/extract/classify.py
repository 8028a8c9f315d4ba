"""What kind of message this is, from phrases, headers and calendar parts.

Rules rather than a trained model: the corpus is small, every decision must be explainable in a
bug report, and a false "interview confirmation" (a thank-you for a webinar) costs more than a
miss. The rules run from the most decisive signal (an outcome, a cancellation) to the weakest.
The patterns are written in lower case and run on lower-cased text with typographic apostrophes
made plain: case-insensitive matching of this many alternations costs several times more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.model import Kind

_REJECTION = re.compile(
    r"(?:decided|chosen|decision|elected) (?:not )?to (?:move|proceed|go|pursue|continue) (?:forward )?with (?:other|another|a different)"
    r"|(?:decided|chosen|elected) not to (?:move|proceed|progress|pursue|continue|advance|take)\w*"
    r"|(?:will|would|won't|are|is) not (?:be )?(?:moving|move|proceeding|proceed|progressing|progress|advancing|advance) (?:forward )?(?:with )?your"
    r"|not (?:be )?(?:moving|proceeding) forward with your (?:application|candidacy)"
    r"|(?:selected|chosen|hired|offered the (?:role|position) to) (?:another|a different|an(?:other)? internal) (?:candidate|applicant|person)"
    r"|unable to offer you|regret to inform|unfortunately,? (?:we|after careful)[^.]{0,120}(?:other candidates?|not (?:be )?(?:moving|proceed)|another candidate|decided)"
    r"|position has (?:been|now been) filled|pursue other candidates|move forward with other candidates"
    r"|leider müssen wir ihnen mitteilen|müssen wir ihnen leider mitteilen|leider haben wir uns"
    r"|für (?:eine[nr]? )?andere[nrs]? (?:bewerber|kandidat)|\babsage\b"
    r"|nicht weiter berücksichtigen|nous sommes au regret|ne pas donner suite|pas retenu"
    r"|lamentamos informarte|no continuar con tu candidatura|hemos decidido continuar con otros"
)
_OFFER = re.compile(
    r"(?:pleased|delighted|happy|excited|thrilled) to (?:extend|offer|make) (?:you )?(?:an |a |the )?(?:formal |verbal |written )?offer"
    r"|(?:pleased|delighted|happy|excited|thrilled) to offer you (?:the|a|this) (?:position|role|job)"
    r"|(?:extend|extending|make|making) (?:you )?an offer|offer letter (?:is )?attached|attached (?:is |you'?ll find )?(?:your|the) offer"
    r"|your (?:formal |written )?offer (?:letter|package)|(?:verbal|formal|written) offer|offer of employment|job offer"
    r"|(?:would|'d) love (?:for )?you to join (?:us|the team|our team)\b"
    r"|angebot für die stelle|vertragsangebot|offre d'emploi|proposition d'embauche|oferta de (?:trabajo|empleo)"
)
# A cancellation stated, not the "Cancel:" link or the "to cancel or reschedule" line of an invitation.
_CANCEL = re.compile(
    r"\b(?:cancel(?:l)?ed|cancellation|called off|calling off|(?:need|have|had|must|going) to cancel|"
    r"(?:decided|regret(?:fully)?|sorry) to cancel|cancel(?:l)?ing (?:the|this|your|our|tomorrow)|"
    r"abgesagt|absagen|storniert|annul(?:é|ée|er|ation)|cancelad[oa]|cancelar)\b"
)
_CANCEL_ASIDE = re.compile(
    r"(?:\bif\b|\bshould\b|in case|whether|policy|\bneed to make changes)[^.!?\n]{0,60}$"
)
_INTERVIEW = re.compile(
    r"\b(?:interview\w*|(?:phone|video|technical|tech|recruiter|hr|initial|first|intro|hiring manager|culture|virtual)\s+screen\w*|"
    r"screening call|screen with|recruiter (?:call|chat)|intro(?:ductory)? call|"
    r"on-?site|technical (?:round|call|session|assessment)|panel|final round|hiring manager|"
    r"coding (?:session|exercise|round)|case study|meet the team|chat with|conversation with|call with|"
    r"vorstellungsgespräch\w*|gespräch\w*|entretien\w*|entrevista\w*)\b"
)
# A call or chat is an interview when the mail is about a role ("a quick chat about the role").
_CALL = re.compile(r"\b(?:call|chat|talk|speak|meet|zoom|teams meeting|google meet)\b")
_CONFIRM = re.compile(
    r"\b(?:confirm\w*|scheduled|is set|are set|booked|locked in|see you|looking forward to (?:speaking|meeting|talking|our)|"
    r"invitation|invited|invites? you|join (?:us|the call|the meeting)|rescheduled|moved to|new time|updated time|"
    r"bestätig\w*|eingeladen|einladung|confirm(?:é|ée|ons|o|amos|ada|ado)|programad[oa]|prévu|invitation)\b"
)
# How people fix a time in their own words, beyond "confirmed": "let's move our interview to …",
# "Owen will call you on Friday at 2pm", "please find the details below — Date & Time: …".
_FIXES_TIME = re.compile(
    r"\blet'?s (?:plan|move|push|shift|reschedule|meet|do|go with|say|keep|speak|talk)\b|\bwe(?:'ll| will) (?:meet|speak|talk|chat|call)\b"
    r"|(?:will|'ll) (?:call|ring|phone|meet|speak with|video call) \w+ (?:on|at|tomorrow|this|next)\b"
    r"|\b(?:mov|push|shift|reschedul)\w* (?:our|the|your) (?:interview|call|chat|meeting|conversation|screen)"
    r"|details? (?:below|are as follows)|date (?:&|and) time\s*:|^\s*when\s*:|you(?:'ll| will) (?:be )?(?:meet|speak|talk)\w*"
    r"|forward(?:ing)? (?:the|this|you the) (?:calendar )?(?:invite|invitation|appointment)|shortlisted"
    r"|wir (?:freuen uns|sehen uns)|nous vous attendons|rendez-vous (?:est )?fixé|te esperamos",
    re.MULTILINE,
)
_SCHEDULING = re.compile(
    r"availability|available (?:times|slots|for)|when (?:are|would) you (?:be )?(?:free|available)|what times? (?:work|suit)"
    r"|(?:pick|book|select|choose|grab|find) (?:a|an|your)? ?(?:interview )?(?:time|slot)|schedule (?:a time|your|an interview|a call)|self-schedul"
    r"|calendly\.com/|time slots?|a few (?:times|windows|slots|dates)|(?:times?|windows?|slots?|dates?) (?:that )?(?:suit|work) (?:for )?you"
    r"|propose (?:some )?times|let me know (?:when|what time)"
    r"|verfügbarkeit|wann (?:haben|hätten) sie zeit|terminvorschl\w*|terminabstimmung|zeitfenster"
    r"|disponibilit|créneaux|disponibilidad|horarios"
)
# Times offered or asked about, not settled: "would either of these work?", "does 2pm PT work for you?".
_PROPOSAL = re.compile(
    r"(?:please|can you|could you) (?:please )?confirm (?:whether|if)|(?:do|does|would|will|could|can) (?:any|one|either|both) of "
    r"(?:these|the following|those|the)|which (?:of these |of the following )?(?:times?|slots?|options?) "
    r"(?:works?|suits?)|(?:these|the following) (?:times?|slots?|options?) (?:work|suit)|if (?:neither|none) (?:of (?:these|them|those) )?(?:works?|suits?)"
    r"|\b\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|uhr|h)(?![a-z])[^.!?\n]{0,60}\?"
)
_NOT_FOR_CANDIDATE = re.compile(
    r"\b(?:webinar|podcast|episode|masterclass|master class|workshop|meetup|info(?:rmation)? session|live q&a|ama\b|"
    r"conference (?:talk|ticket|pass|session)|summit|office hours|mock interview|interview tips|interview prep|ace your|"
    r"newsletter|you(?:'re| are) registered|thanks for registering|registration confirm\w*|mentoring|mentorship|"
    r"dentist|dental|doctor|appointment reminder|hygien|dinner|birthday|(?:holiday|christmas|office|farewell|launch) party|brunch|"
    r"job alert|jobs? (?:you may|for you|recommended)|recommended jobs|new jobs|unsubscribe from (?:job|these) alerts)"
)
# Mail that is plainly about the owner's own interview outweighs a stray "workshop" or "dinner".
_OWN_INTERVIEW = re.compile(
    r"\byour (?:[\w-]+ ){0,3}(?:interview|screen|onsite|entretien|entrevista|vorstellungsgespräch)"
    r"|\binterview(?:ing)? for (?:the|our|a|an)\b|\byou(?:'re| are| have been) (?:invited|shortlisted|scheduled|confirmed)\b"
)
# The owner sits on the other side of the table: interviewing a candidate, hosting a booked call.
_OWNER_HOSTS = re.compile(
    r"\b(?:scorecards?|interview kit|interview loop for|feedback form|submit (?:your )?(?:feedback|scorecard)|"
    r"you(?:'ve| have)? been (?:scheduled|invited|asked|booked) to interview|you(?:'re| are) (?:scheduled|invited) to interview|"
    r"interviewer(?:s)? (?:training|guide|briefing)|candidate(?:'s)? (?:resume|cv|packet)|"
    r"interview(?:ing)? (?:the |a |our )?candidate|invitee(?: email)?:|a new event has been scheduled|"
    r"(?:booked|scheduled) (?:a |an )?(?:time|meeting|event|call) with you)"
)
_RECEIVED = re.compile(
    r"(?:thank you|thanks) for (?:applying|your application|your interest)|(?:we(?:'ve| have)|has been) received your application"
    r"|application (?:has been )?received|we received your application|your application (?:for|to) .{0,80} (?:was|has been) (?:received|submitted)"
    r"|bewerbung (?:ist )?eingegangen|candidature (?:a bien été )?reçue|hemos recibido tu (?:solicitud|candidatura)"
)
_APPLICATION = re.compile(
    r"\b(?:application|applied|candidacy|candidates?|role|position|interview\w*|offer|references?|next steps|resume|cv|"
    r"hiring|hiring team|recruiting team|opportunity|(?:hiring|interview|recruiting) process|bewerbung|stelle|"
    r"candidature|candidat\w*|poste|entretien|candidatura|puesto|proceso)\b"
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
    names_role: bool = False


# Links read as their host only: paths say "meetup-join", "candidate", "cancel" without meaning it.
_URL = re.compile(r"\b(?:https?://|www\.)([^/\s<>\"')]+)[^\s<>\"')]*", re.IGNORECASE)


def _cancels(text: str) -> bool:
    return any(
        not _CANCEL_ASIDE.search(text[max(0, m.start() - 80) : m.start()]) for m in _CANCEL.finditer(text)
    )


def _plain(text: str) -> str:
    return text.lower().replace("’", "'")


def _texts(s: Signals) -> tuple[str, str, str]:
    subject = _plain(s.subject)
    text = _plain(_URL.sub(r"\1/", s.text))
    return subject, text, f"{subject}\n{text}"


def _not_the_candidates(s: Signals, subject: str, head: str) -> bool:
    """Mail that is not about the owner's own candidacy: events, marketing, alerts, personal
    appointments, and interviews the owner holds or hosts as an employee."""
    if _NOT_FOR_CANDIDATE.search(subject):
        return True
    if _NOT_FOR_CANDIDATE.search(head) and not _OWN_INTERVIEW.search(head):
        return True
    return s.owner_is_colleague or bool(_OWNER_HOSTS.search(head))


def about_own_application(s: Signals) -> bool:
    """Whether company and role are worth recording for mail the classifier calls `other`."""
    subject, _, head = _texts(s)
    return not _not_the_candidates(s, subject, head)


def classify(s: Signals) -> Kind:
    subject, text, head = _texts(s)
    if s.from_owner:
        return Kind.OTHER
    if _REJECTION.search(head):
        return Kind.REJECTION
    if _OFFER.search(head) and not s.automated:
        return Kind.OFFER
    about_job = s.names_role or bool(_APPLICATION.search(head))
    interviewish = bool(_INTERVIEW.search(head) or (_CALL.search(head) and about_job))
    if _not_the_candidates(s, subject, head):
        return Kind.OTHER
    if (s.calendar_cancel or _cancels(subject) or _cancels(text[:600])) and interviewish:
        return Kind.CANCELLATION
    if _PROPOSAL.search(text) and interviewish and not s.calendar_request:
        return Kind.SCHEDULING_REQUEST
    personal = s.human_sender and not s.automated
    fixed = s.calendar_request or _CONFIRM.search(head) or (personal and _FIXES_TIME.search(head))
    if s.has_future_time and interviewish and fixed:
        return Kind.INTERVIEW_CONFIRMATION
    if _SCHEDULING.search(head) and (interviewish or s.is_reply):
        return Kind.SCHEDULING_REQUEST
    if _RECEIVED.search(head) and (s.automated or not s.human_sender):
        return Kind.OTHER
    if personal and _APPLICATION.search(head):
        return Kind.RECRUITER_REPLY
    return Kind.OTHER
