"""Who is who in a message: the owner, the person who arranged things, the interviewers.

A draft to a wrong or invented address is worse than no draft, so this module only ever returns
addresses that appear in the message, and filters out the machines (no-reply senders, ATS relays,
calendar robots), rooms and groups that appear beside the people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.extract.alternation import at_word_start, factored, lowered
from assistant.extract.domains import EMAIL_ADDRESS, is_relay
from assistant.extract.naming import JOB_WORDS, letters
from assistant.model import Address, CalendarEvent, Envelope
from assistant.parse.quoted import is_attribution

_MACHINE_LOCAL = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?|notify|mailer-daemon|postmaster|"
    r"calendar(?:-notification)?|invitations?|scheduling|scheduler|alerts?|jobs?|careers?|"
    r"talent(?:acquisition)?|recruiting|recruitment|hr|hiring|team|info|support|hello|news(?:letter)?|"
    r"bounce[s]?|automated|system|updates?|applications?|accommodations?|accessibility|privacy|"
    r"benefits|payroll|legal|security|events?|reminders?|surveys?|feedback|assessments?|tests?|testing|"
    r"privacidad|privacite|datenschutz|dpo|gdpr|rgpd|avg|protecciondedatos|dataprotection|candidates?|"
    # recruiting mailboxes in other languages: "werving@", "recrutement@", "rrhh@", "bewerbung@", "personal@"
    r"werving|sollicitaties?|vacatures?|recrutement|rh|rrhh|reclutamiento|seleccion|empleo|bewerbung(?:en)?|personal|karriere)"
    r"(?:[-_.+].*)?$",
    re.IGNORECASE,
)
# A shared mailbox's display name ("Lumio Pay Careers"): people write from it, but nobody is met by it.
_ROLE_MAILBOX_NAME = re.compile(
    r"\b(?:careers|recruiting|recruitment|talent acquisition|talent team|hiring team|jobs|notifications?|"
    r"no-?reply|scheduling|karriere|recrutement|reclutamiento|empleo)\b",
    re.IGNORECASE,
)
# A relay's per-thread token: "quayside-analytics-9a71c2@…", "reply+6f2c81d0e4@…".
_TOKEN = re.compile(
    r"[-_.+](?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{6,}$|[-_.+][0-9a-z]{16,}$", re.IGNORECASE
)
_ROBOT_ANYWHERE = re.compile(r"no-?reply|do-?not-?reply|notification|mailer|bounce", re.IGNORECASE)
_ROOM = re.compile(
    r"(?:^|[-_.])(?:room|conf|confroom|conference|conferenceroom|boardroom|meetingroom)(?:[-_.\d]|$)",
    re.IGNORECASE,
)
# Exchange and Google room names: "Conf Room Rainier (10)", "NYC-9-Hudson (8)" (a capacity), "Boardroom".
_ROOM_NAME = re.compile(r"\b(?:room|boardroom|huddle)\b|^[\w .-]+\(\d{1,3}\)$", re.IGNORECASE)
_GROUP = re.compile(
    r"(?:^|[-_.])(?:all|everyone|team|teams|group|interviewers?|panel|staff|list)(?:[-_.]|$)", re.IGNORECASE
)
_NAME_WORD = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*$")
_NOT_A_NAME = {"Interviewer", "Interviewers", "Email", "E-mail", "Contact", "Name", "Time", "Title",
               "With", "Mit", "Avec", "Con", "And", "Panel", "Host", "Zoom", "Teams", "Meet", "Join",
               "Please", "Dear", "Hi", "Hello", "Thanks", "Call", "Ask", "Guests", "Organizer", "Attendees",
               "You", "Your", "We", "Our", "The", "I", "Mr.", "Ms.", "Mrs.", "Dr."}  # fmt: skip
_COORDINATOR_CUE = re.compile(
    r"(?:contact|reach(?:\s+out)?(?:\s+to)?|questions?|email\s+me|reply|write\s+to|cc(?:'d)?|"
    r"copied|kontakt|contacter|contactar|reschedule|coordinator)\W[^\n]{0,70}$",
    re.IGNORECASE,
)

# The header lines of a quoted or forwarded message: its correspondents, not people named in it.
_RECIPIENT_FIELD = re.compile(r"^[>\s*]*(?:to|cc|an|à|para|aan)\s*:", re.IGNORECASE)
_SENDER_FIELD = re.compile(r"^[>\s*]*(?:from|von|de|van)\s*:", re.IGNORECASE | re.MULTILINE)
# An Outlook appointment passed on: its "From:" is the organizer of the meeting itself.
_APPOINTMENT_WHEN = re.compile(
    r"^[>\s*]*(?:when|wann|quand|cuándo|wanneer)\s*:", re.IGNORECASE | re.MULTILINE
)


def is_machine(address: Address) -> bool:
    """No-reply robots, ATS relays, role mailboxes and dial-in addresses ("82571453189@zoomcrc.com")."""
    local, _, domain = address.email.partition("@")
    if (
        _MACHINE_LOCAL.match(local)
        or _ROBOT_ANYWHERE.search(local)
        or local.isdigit()
        or _TOKEN.search(local)
    ):
        return True
    return is_relay(domain)


def is_room_or_group(address: Address, cutype: str | None = None) -> bool:
    """Calendar resources and mailing lists invited beside the people, by CUTYPE, address or name."""
    if cutype and cutype.upper() in {"ROOM", "RESOURCE", "GROUP"}:
        return True
    local, _, domain = address.email.partition("@")
    return (
        bool(_ROOM.search(local) or _GROUP.search(local))
        or domain.startswith("resource.calendar.")
        or bool(address.name and _ROOM_NAME.search(address.name))
    )


def owner_of(envelope: Envelope, configured: Iterable[str]) -> frozenset[str]:
    """The mailbox owner's addresses: the configured ones, else the message's first To address.

    Only the first: an invitation To the candidate and the hiring manager would otherwise make the
    hiring manager an owner too, and the interview an internal meeting among colleagues.
    """
    addresses = frozenset(a.lower() for a in configured)
    return addresses or frozenset(a.email for a in envelope.to[:1])


def arranger(envelope: Envelope, owner: frozenset[str]) -> Address | None:
    """The human who arranged the interview: a personal Reply-To, else a personal From."""
    for candidate in (*envelope.reply_to, envelope.sender):
        if candidate is not None and candidate.email not in owner and not is_machine(candidate):
            return candidate
    return None


_SEATED = {"REQ-PARTICIPANT", "CHAIR"}


def calendar_interviewers(
    event: CalendarEvent, owner: frozenset[str], organizer_joins: bool = False
) -> tuple[Address, ...]:
    """Attendees minus the owner, rooms, groups, robots, non-participants, and a coordinating organizer.

    An organizer with a required seat of their own (a hiring manager's Google invite) takes part; one
    who is absent from the guests or only optional is usually the coordinator who set the meeting
    up, unless the text shows they take part ("Ken will join me"), which the caller says.
    """
    people = [
        attendee.address
        for attendee in event.attendees
        if attendee.address.email not in owner
        and not is_machine(attendee.address)
        and not is_room_or_group(attendee.address, attendee.cutype)
        and (attendee.role or "").upper() != "NON-PARTICIPANT"
    ]
    organizer = event.organizer
    if organizer is None or organizer.email in owner or is_machine(organizer):
        return _unique(people)
    others = [p for p in people if p.email != organizer.email]
    required = {a.address.email for a in event.attendees if (a.role or "REQ-PARTICIPANT").upper() in _SEATED}
    attends = organizer.email in required and len(others) < len(people)
    if organizer_joins or attends:
        return _unique([*others, organizer])
    return _unique(others)


def _trailing_name(words: list[str]) -> str | None:
    """The run of capitalised words that ends the segment, if it looks like a person's name."""
    run: list[str] = []
    for word in reversed(words):
        if not _NAME_WORD.match(word) or word in _NOT_A_NAME:
            break
        run.insert(0, word)
    name = " ".join(run)
    return name if 2 <= len(run) <= 4 and not JOB_WORDS.search(name) else None


# "Cc: Reithmeier, Claudia <…>": Outlook's "Last, First" in a header field.
_LAST_FIRST = re.compile(
    r":\s*\"?(?P<last>[A-ZÀ-Ý][\w'-]+),\s*(?P<first>[A-ZÀ-Ý][\w'-]+(?: [A-ZÀ-Ý][\w'-]+)?)\"?\s*[<(\[]?\s*$"
)


def _field_name(prefix: str) -> str | None:
    match = _LAST_FIRST.search(prefix)
    return f"{match.group('first')} {match.group('last')}" if match else None


def _name_before(prefix: str, email: str) -> str | None:
    """The person's name written just before an address: "Priya Shah <…>", "Priya Shah (…)".

    Segments are read backwards, so in "Lee Chen, Engineering Manager (…)" the title is skipped,
    and in "Dr. Urs Aebischer, Chef der Sektion Risikoanalyse (urs.aebischer@…)" the name the
    address spells wins over the capitalised words nearer to it.
    """
    local = letters(email.partition("@")[0])
    first = None
    for segment in reversed(re.split(r"[|(<\[,:–—\t]| - ", prefix)):
        if name := _trailing_name(segment.split()):
            words = name.split()
            # "Co-Founder Tobias Feld (tobias@…)": the name starts at the word the address spells
            spelled = [i for i, w in enumerate(words) if len(letters(w)) >= 3 and letters(w) in local]
            if spelled:
                return " ".join(words[spelled[0] :]) if len(words) - spelled[0] >= 2 else name
            first = first or name
    return first


def text_interviewers(text: str, exclude: frozenset[str], writer: str | None = None) -> tuple[Address, ...]:
    """People named with an address in the text, minus coordinators, the excluded and the writer.

    The writer's own address in their signature is theirs even when the mail came through an ATS
    relay under their name ("Tessa Nguyen <no-reply@greenhouse-mail.io>"), so an address whose
    local part spells the sender's name is left out too.
    """
    writer_letters = letters(writer or "")
    found = []
    for match in EMAIL_ADDRESS.finditer(text):
        email = match.group(0).rstrip(".").lower()
        line_start = text.rfind("\n", 0, match.start()) + 1
        prefix = text[line_start : match.start()]
        address = Address(email, _name_before(prefix, email))
        if email in exclude or is_machine(address) or is_room_or_group(address):
            continue
        if writer_letters and letters(email.partition("@")[0]) == writer_letters:
            continue
        coordinates = _COORDINATOR_CUE.search(text[max(0, match.start() - 80) : match.start()])
        if coordinates and not named_as_met(address.name or name_in_address(email), text):
            continue
        line_end = text.find("\n", match.end())
        attribution = is_attribution(text[line_start : line_end if line_end >= 0 else len(text)])
        if _RECIPIENT_FIELD.match(prefix) or _SENDER_FIELD.match(prefix) or attribution:
            # a correspondent of a passed-on message or of the quoted thread: met only when it
            # says so, or the text does
            address = Address(email, address.name if attribution else _field_name(prefix) or address.name)
            if not (
                ((_SENDER_FIELD.match(prefix) or attribution) and _quoted_writer_meets(text, match.end()))
                or named_as_met(address.name, text)
            ):
                continue
        found.append(address)
    return _unique(found)


# The writer says they hold the interview: "I'll be interviewing you", "let's move our interview",
# "a chat with you myself", "my Calendly".
_WRITER_TAKES_PART = re.compile(
    at_word_start(
        r"\b(?:i(?:'ll|’ll| will| am|'m|’m) (?:be )?(?:interviewing|meeting|speaking|chatting|talking|calling|call|meet|speak|chat|talk)\b"
        r"|(?:for|move|moving|moved|reschedule|rescheduling|rescheduled|push|pushed|during|ahead of|before|cancel|cancelling|canceling) our (?:[\w-]+ ){0,2}?(?:interview|conversation|chat|call|meeting)\b"
        r"|\b(?:talk|speak|chat) (?:to you )?then\b"
        r"|\bour (?:interview|conversation|chat|call|meeting) (?:on|at|tomorrow|next|this|is|will)\b"
        r"|with you myself|(?:with|join|joining) me\b|\b(?:on|via|through) my (?:calendly|calendar)|\bmy (?:calendly|bookings?|scheduling) (?:link|page)"
        r"|\b(?:and|with|plus) myself\b|\bmyself and\b|\b(?:it|that)(?:'ll| will) (?:just |only )?be (?:just |only )?me\b"
        r"|\bi(?:'ll| will) (?:be )?(?:joining|hosting|host|leading|lead|running|run)\b"
        # The writer's own meeting room, and "with me" in Dutch, Portuguese, Spanish, French, German.
        r"|\b(?:here'?s|heres|use|join) my (?:zoom|meet|teams|webex|personal room)\b"
        r"|\b(?:met mij|comigo|conmigo|contigo|avec moi|mit mir)\b"
        r"|\bi(?:'d| would) (?:love|like) to (?:set up|schedule|have|book|arrange) (?:a |an |some )?(?:[\w-]+ ){0,3}(?:call|chat|conversation|time|minutes) (?:with you|for (?:the|us) two)"
        r"|\b(?:the two of us|(?:à|a) deux(?! (?:pas|minutes?|heures?|jours?|semaines?|mois|ans|km|kilomètres|rues|arrêts|stations|étages|reprises|fois)\b)|just you and me|just me|only me)\b|\bwith [^!?\n]{0,80}?\b(?:and|&) me\b"
        # "I'd like to talk before…", "I've blocked 30 minutes", "I'll ask about your portfolio", "would report to me"
        r"|\bi(?:'d| would) (?:love|like) to (?:talk|chat|speak|meet)\b|\bi(?:'ve| have) blocked (?:\w+ ){0,2}(?:minutes|mins?|time|an hour)\b"
        r"|\bi(?:'ll| will) ask (?:you )?(?:about|a few|some)\b|\breport(?:s|ing)? (?:directly )?to me\b"
        # "X will join us", "Frau Dr. Vogel sowie ich", "j'aimerais échanger avec vous", "se joindra à nous"
        r"|\b(?:join|joining) us\b|\bsowie ich\b|\bund ich(?=\s*(?:[.\n]|$))|\bet moi(?:-même)?\b[.,]|\by yo\b[.,]"
        r"|\b(?:je souhaiterais|je souhaite|je voudrais) (?:\w+ ){0,2}vous rencontrer|\bik ga (?:graag )?met (?:je|jou|u) in gesprek\b"
        r"|\bj'aimerais (?:beaucoup )?(?:échanger|discuter|parler|vous rencontrer)|\b(?:d')?échanger avec vous\b|se joindra à nous|nous rejoindra"
        r"|\bich (?:würde|möchte) (?:mich )?(?:gerne |gern )?(?:mit ihnen )?(?:sprechen|austauschen|kennenlernen)|wird uns begleiten"
        r"|\b(?:würde|möchte) ich [^!?\n]{0,100}?kennenlernen\b|\bwir sehen uns\b|\bon se voit\b"
        r"|\bich (?:würde|möchte) (?:sie|dich) [^.!?\n]{0,100}?kennenlernen\b"
        # "Le entrevistaré yo junto con Àlex Puig", "je vous recevrai avec"
        r"|\bentrevistaré\b|\byo junto con\b|\bje (?:vous|te) recevrai\b"
        r"|\bme gustaría (?:hablar|charlar|conocerte|conversar)|se unirá a nosotros"
        # "the role on my team", "I'd like to have an informal conversation", "a chat w me",
        # "I was really looking forward to going through your work with Mhairi"
        r"|\b(?:on|to|join|joining) my team\b|\bi(?:'d| would) (?:love|like) to have (?:a|an) (?:[\w-]+ ){0,3}(?:call|chat|conversation)\b"
        r"|\b(?:meet|see|find) me (?:at|in|by)\b|\bte llamo\b|\bte llamaré\b|\bw/? me\b|\bi(?:'ll| will) (?:ring|phone) you\b|\bour \d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)?\b"
        r"|\b(?:would|\w+'d) love (?:a|to have a) (?:quick |short |brief )?(?:chat|call|catch[- ]?up)\b|\bi (?:was|am|'m) (?:really |so )?looking forward to (?:meeting|going through|talking|speaking|chatting|seeing)\b"
        # "notre entretien", "je le ferai avec …", "würde ich gemeinsam mit … führen", "nuestra llamada"
        # ("notre échange téléphonique jeudi", not "notre échange téléphonique de vendredi": one held)
        r"|\bnotre échange (?:téléphonique )?(?:lundi|mardi|mercredi|jeudi|vendredi|demain|sera|aura lieu)\b"
        r"|\b(?:notre (?:entretien|appel|rendez-vous) (?:du|de|le|sera|aura|à|est)|je (?:le |la )?(?:ferai|mènerai|conduirai)|je serai (?:également |aussi )?(?:accompagnée?|avec|présente?\b))"
        r"|\bich (?:\w+ ){0,6}(?:gemeinsam mit|zusammen mit)|\b(?:würde|werde) ich (?:\w+ ){0,8}führen\b|\bunser (?:gespräch|telefonat|termin)\b"
        r"|\b(?:nuestra (?:llamada|entrevista|charla|reunión)|nuestro (?:encuentro|café))\b"
        # "I'll be joined by Chloe", "the panel: Mr Chow and the undersigned", "ainsi que moi-même"
        # a schedule row the writer holds: "12:30 - 13:00  Wrap-up & next steps - me"
        r"|\d{1,2}[:.h]\d\d\s*[-–]\s*\d{1,2}[:.h]\d\d[^\n]*?[-–:|]\s*(?:me|myself|moi|ich|yo)(?=[ \t]*(?:\n|\Z))"
        # "Por nuestra parte estaremos un servidor y la Ing. Sofía Treviño", "sind ich und ein Kollege dabei"
        r"|\b(?:un|este) servidor y\b|\b(?:sind|bin) ich (?:und|sowie)\b|\bich und (?:ein|eine|mein|meine)\b"
        r"|\besta servidora\b|\b(?:el|la) suscrit[oa]\b|\bondergetekende\b|\bje (?:serais|suis|serai) (?:très |vraiment )?(?:heureux|heureuse|ravie?|content|contente) de vous (?:rencontrer|recevoir|parler)\b"
        r"|\bi(?:'ll|’ll| will) be joined by\b|\bi(?:'m| am) (?:also )?going to (?:pull|bring) in\b|\bi(?:'ll| will) (?:also )?pull in\b|\b(?:and|&) the undersigned\b|\bainsi que moi(?:-même)?\b|\bje vous recevrai\b"
        r"|\b(?:y|junto a) (?:yo|mí) mism[oa]\b"
        # "I'll also sit in", "ich bin ebenfalls dabei", "yo también estaré presente", "ik ben er ook bij"
        r"|\bi(?:'ll| will) (?:also )?(?:be )?(?:sit(?:ting)? in|there too|present)\b|\bich (?:bin|werde) (?:\w+ ){0,2}(?:auch|ebenfalls) dabei"
        r"|\b(?:también )?estaré (?:también )?presente\b|\bik ben (?:er )?(?:ook|eveneens) bij\b"
        # "I've moved us to Monday", "an intro call so I can tell you more", "je vous appelle demain",
        # "te marco por Meet", "Sven en ik voeren het gesprek"
        r"|\bmoved us\b|\b(?:call|chat|conversation) so i can\b|\bje (?:vous |t['’])(?:appelle|appellerai|rappelle|rappellerai)\b"
        r"|\bte marco\b|\ben ik (?:voeren|zullen|spreken)\b"
        # "een moment kiezen in mijn agenda", "ik zou graag een eerste telefonisch gesprek met u inplannen"
        r"|\b(?:in|uit) mijn agenda\b|\bin meinem kalender\b|\bdans mon agenda\b|\ben mi (?:agenda|calendario)\b"
        r"|\bik (?:zou|wil) (?:graag )?(?:\w+ ){0,4}gesprek met (?:u|je|jou)\b|\b(?:en|&) ikzelf\b|\bund ich selbst\b"
        # The writer's own diary and role: "tengo hueco a las 10", "vormittags passt es mir", "I'm the hiring manager"
        r"|\bbei mir (?:im|in|an|am|auf)\b|\bin my office\b|\bdans mon bureau\b|\ben mi (?:oficina|despacho)\b"
        # "zu einem Gespräch zu mir nach Mayrhofen einladen", "nächste Woche hätte ich am Mittwoch Zeit"
        r"|\bzu mir (?:nach|ins|in|an)\b|\bhätte ich (?:\w+ ){0,8}zeit\b"
        r"|\bi (?:can|could|'d like to|would like to|'d love to|would love to) get to know you\b"
        # Dutch: "Vrijdag om 11u past mij prima", "Tot vrijdag!", "Ik voer het gesprek samen met Dirk",
        # "verplaatsen we ons gesprek naar donderdag"; French "j'aimerais faire un premier point téléphonique"
        r"|\bpast mij (?:prima|goed|perfect)\b|\btot (?:maandag|dinsdag|woensdag|donderdag|vrijdag|morgen)\b"
        r"|\bik voer (?:het |dit )?(?:\w+ )?gesprek\b|\bich führe (?:das )?(?:\w+ )?gespräch\b"
        r"|\b(?:verplaats\w*|verzet\w*|verschuiv\w*) (?:we |ik )?(?:\w+ ){0,2}ons (?:\w+)?gesprek\b"
        r"|\bj'aimerais (?:faire|avoir|organiser|planifier) (?:un|une) (?:premier |première |petit |petite |court |courte )?"
        r"(?:point|échange|appel|entretien)"
        r"|\btengo hueco\b|\bpasst es mir\b|\bi(?:'m| am) (?:the|your) (?:hiring manager|recruiter)\b"
        # the writer offering their own diary: "de mon côté ça pourrait être mardi", "diese Woche könnte ich",
        # "on my end I could do Tuesday", "qu'on en discute ensemble"
        r"|\bde mon côté,? (?:ça|je)\b|\bpor mi parte,? (?:puedo|podría|tengo)\b|\b(?:diese|nächste) woche könnte ich\b"
        r"|\bkönnte ich (?:am|um|diese|nächste)\b|\b(?:on|from) my (?:end|side),? i (?:could|can)\b"
        r"|\bi could do (?:mon|tue|wed|thu|fri)|\bqu'on en (?:discute|parle) ensemble\b"
        # "directly in my calendar", "a call to tell you more about us", "I'd love to do a conversation with you",
        # "on sera deux : moi et Yanis", "dan zie ik je morgen", "I'll see you on Thursday"
        r"|\b(?:directly )?in my (?:calendly|calendar)\b|\b(?:call|chat|conversation) to tell you (?:more|about)\b"
        r"|\bi(?:'d| would) love to do (?:a|an) (?:[\w-]+ ){0,3}(?:call|chat|conversation)\b"
        r"|\b(?:moi|moi-même) et\b|\bon sera (?:deux|trois)\b|\b(?:zie ik je|ik zie je|zie ik u|ik zie u)\b"
        r"|\bi(?:'ll| will) see you\b|\bhacerte (?:la|una) entrevista\b|\bte (?:hago|haré) (?:la|una) entrevista\b"
        # "Ik neem Chantal Biharie mee", "I'll bring Chantal along", "ich bringe Frau Biharie mit"
        # "I'll tell you a bit about the studio", "Ich ruf dich morgen an", "Ik bel je via Meet", "spreek ik je graag zelf"
        r"|\bi(?:'ll| will) tell you (?:a bit |a little |more )?about\b|\bask me (?:anything|whatever)\b"
        r"|\bich (?:ruf|rufe) (?:dich|sie)\b|\bik bel (?:je|u)\b|\b(?:spreek ik|ik spreek) (?:je|u)\b"
        # "we'll meet Mhairi in room 3.2 … and I'll take the competency questions"
        r"|\bwe(?:'ll| will) meet (?:you|her|him|them|[a-z]+) (?:in|at|on)\b"
        r"|\bme gustar[íi]a invitarte a (?:platicar|conversar|charlar|conocernos|una (?:plática|charla|llamada))\b"
        r"|\bplan ik (?:\w+ ){0,4}\w*gesprek met (?:jou|je|u)\b"
        r"|\bi(?:'ll| will) (?:take|cover|handle|lead) the (?:[\w-]+ ){0,2}(?:questions|part|section|portion|interview)\b"
        r"|\bik neem [^!?\n]{1,90}?\bmee\b|\bi(?:'ll| will) bring (?:along )?[\w-]+|\bich bringe (?:[\w.-]+ ){1,3}mit\b"
        r"|\bunser\w* (?:\w+ ){0,4}(?:telefoninterview|interview|videointerview|kennenlerngespräch)\b"
        # "me and …" / "… and me" / "with me" in Swedish, Danish, Norwegian, German, Dutch, Italian, Polish
        r"|\b(?:mig och|och mig|med mig|mig og|og mig|meg og|og meg|med meg|mich und|und mich|mir und|und mir|"
        r"en mij|mij en|con me|ze mną|mnie i|i mnie)\b)"
    ),
)
# "Gareth and I will …", "with Samir and me": the writer beside a named colleague (case matters here).
_WRITER_WITH_COLLEAGUE = re.compile(
    r"\b(?!(?:Thanks|Thank|Hi|Hello|Dear|Please|Yes|Sure|Great|Okay|Ok|So|Best|Cheers|Today|Tomorrow"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    # a place ends the clause before "and I": "we're at 100 Bay Street and I've booked a room"
    r"|Street|Road|Avenue|Lane|Drive|Boulevard|Square|Place|Floor|Building|Office|Reception)\b)"
    r"[A-Z][a-z]+\)? and (?:me\b|I\b(?! (?:are|were) (?:\w+ ){0,2}sorry\b))"
    r"|\b(?:I|me) and [A-Z][a-z]+\b"
    # "Claudia und ich können am Mo.", "Hans en ik", "Léa et moi", "Marta y yo"
    r"|\b[A-ZÀ-Ý][a-zà-ÿ]+ (?:und ich|en ik|et moi|y yo|och jag|og jeg|e io|i ja)\b"
    # after a colleague's aside: "Lukas Imhof (Head of Quality, lukas.imhof@…) und ich"
    r"|\)\s+(?:und ich|and I|en ik|et moi|y yo)\b"
)
_HONORIFIC = r"(?:Herrn?|Frau|Dr\.?|DI|Mag\.?|Prof\.?|Mr\.?|Ms\.?|Mrs\.?|M\.|Mme|Sr\.?|Sra\.?|Dña\.?)"
_MEETS_VERB = (
    r"(?:will|'ll|’ll|is going to|would like to|would love to|'d like to|'d love to|wants to|was going to|were going to|would have)"
    r" (?:also )?(?:be )?(?:call|meet|interview|speak|chat|talk|join|joining|cover|lead|grab (?:\w+ ){0,2}minutes)"
)
# Around a name's occurrence (see `named_as_met`): what follows it, and what stands before it.
_AFTER_NAME = re.compile(
    rf"(?:[^.!?\n]|\.(?=\S)){{0,100}}?\b{_MEETS_VERB}\b"
    r"|[^.\n]{0,60}\b(?:is|as|will be) (?:the |our |your )?(?:hiring manager|interviewer)"
    # "Andrés Villamizar (…) es el Gerente de Operaciones y sería tu jefe directo", "would be your manager"
    r"|(?:[^.!?\n]|\.(?=\S)){0,100}\b(?:sería tu (?:jefe|jefa)|would be your (?:manager|line manager|boss)|serait (?:ton|votre) (?:manager|responsable)|"
    r"wäre (?:dein|ihr) (?:vorgesetzter|chef|vorgesetzte))"
    r"| (?:<>|&|/) "
    # "Tim und ich", "Sam and I will": the writer's partner in the interview
    r"| (?:und ich|and I|et moi|y yo|en ik)\b(?! (?:are|were|have|had) (?:\w+ ){0,2}(?:sorry|discussed|reviewed))"
    # "M. Dériaz (…), se joindra à nous", "wird uns begleiten", "se unirá", "schuift ook aan"
    r"|(?:[^.!?\n]|\.(?=\S)){0,100}?\b(?:se joindra|nous rejoindra|sera (?:également|aussi) présente?|wird (?:uns begleiten|"
    r"(?:\w+ ){0,5}(?:dabei sein|teilnehmen))|se unirá|estará (?:también )?presente|schuift (?:ook )?aan)\b"
)
# "with Dana", "mit Frau Dr. Vogel", and the writer beside them: "with me and Dana", "avec moi et Léa".
_WITH_BEFORE = re.compile(
    # the verb case-blind ("Avec : Nadia Chérif", "With: Priya"); the name after it is not
    r"\b(?i:with|meet|meeting|mit|avec|con|met|com|conducted by|led by|führen|führt|voeren|voert|mènent|mèneront|"
    r"conduiront|realizarán|realizará|schuift(?: ook)?|schuiven(?: ook)?|(?:la|lo) van? a tomar|tomar[áa]n?|"
    # "L'entretien sera mené par moi-même et par Lien Peeters"
    r"(?:mené|conduit|animé)e?s? par|"
    r"se (?:nos )?une|se (?:nos )?unirá)\s*:?\s+"
    # "mit unserem Co-Founder Tobias Feld", "with our CTO Maria", "avec notre directeur technique Julien"
    r"(?:(?:unserem|unserer|unseren|our|notre|nos|nuestro|nuestra|onze|ons|your|ihrem|ihrer)\s+(?:[\w-]+\s+){0,3}?)?"
    rf"(?:(?:me|us|myself|mir|uns|moi(?:-même)?|nous|mí|mij|ons|(?:{_HONORIFIC}\s+)*(?:[A-ZÀ-Ý][\w'-]+\s+){{0,2}}[A-ZÀ-Ý][\w'-]+)"
    r"\s+(?:and|&|und|et|y|en)\s+(?:par\s+|by\s+|with\s+)?)?"
    rf"(?:{_HONORIFIC}\s+)*(?:[A-ZÀ-Ý][\w'-]+\s+)?$"
)
_PANEL_BEFORE = re.compile(
    r"\b(?:panel|interviewers?|panelists?)\b[^.\n]{0,30}\b(?:is|are|will be|will include|includes?|consists? of)\b[^.\n]{0,120}$"
)
_PAIRED_BEFORE = re.compile(r"(?:<>|/) $")
# A row of an itinerary that opens with its time range: "10:00 - 10:45 h   Macarena Ruiz, RRHH".
_SCHEDULE_ROW_BEFORE = re.compile(
    r"(?:^|\n)[ \t>*•·-]*\d{1,2}[:.h]\d\d\s*(?:[ap]\.?m\.?|h|uhr|uur)?\s*(?:[-–—]|to|bis|à|a)\s*"
    r"\d{1,2}[:.h]\d\d\s*(?:[ap]\.?m\.?|h|uhr|uur)?[ \t]*[|:–—-]?[ \t]*" + rf"(?:{_HONORIFIC}\s+)*$",
    re.IGNORECASE,
)
# A heading that names the people met, then the name on its own line in the list below it (or on
# the heading's line): "Ihre Gesprächspartner:\n- Miriam Kaya, People & Culture (…)".
_LISTED_BELOW = re.compile(
    factored(
        r"(?:interviewers?|interviewing you|panel(?:ists)?|you(?:'ll| will) (?:be )?meet(?:ing)?(?: with)?|who you(?:'ll| will) meet"
        r"|gesprächspartner(?:in|innen|\*innen)?|gesprächsteilnehmende|teilnehmende|interlocut(?:eur|rice)s?|entrevistador(?:es|as|a)?"
        r"|participants|participantes|teilnehmer(?:innen)?|deelnemers"
        r"|(?:commission|comité|committee|panel|jury|kommission|commissie|tribunal)[^:\n]{0,40}\b(?:composée?|composed|bestehend|bestaat|compuesto|compuesta)\b[^:\n]{0,10}"
        r"|jury|board members?)"
        # a qualifier before the colon: "Teilnehmende seitens Aeschen:"
        r"(?:[ \t]+(?:seitens|von|de|du côté|of|from|por parte)[^:\n]{0,30}(?=:))?"
        # the next names on the heading's own line: "Gesprächsteilnehmende | Thomas Rüegg, Leiter …, Mirjam Blaser",
        # "Teilnehmende: Dr. Claudia Wenger (Head QA) und Marco Rüegg"
        # ("Ihre Gesprächspartner sind Herr Dr. Lenz (…) sowie Frau Sabine Ortner")
        r"(?:(?:[ \t]*[:|]|[ \t]+(?:sind|are|will be|seront|sont|serán|zijn))[^\n]{0,150}?"
        r"(?:[,;&][ \t]*(?:and |und |et |y |en )?|[ \t](?:and|und|et|y|en|sowie|ainsi que)[ \t]+)"
        rf"(?:{_HONORIFIC}\s+)*$"
        # the list below: one line of any kind, or entries that are blank, bulleted or carry an address
        r"|[ \t]*:?[ \t]*(?:\n[^\n]+\n|(?:\n(?:[ \t]*|[^\n]*@[^\n]*|[ \t]*(?:[-*•·]|\d+[.)])[^\n]*)){0,8}\n)?"
        rf"[ \t]*(?:[-*•·]|\d+[.)])?[ \t]*(?:{_HONORIFIC}\s+)*$)"
    ),
    re.IGNORECASE,
)


# "Thanks for chatting with me last week", "as I discussed with Sam": said of a meeting that is over.
_LOOKING_BACK = re.compile(
    factored(
        r"\b(?:thanks|thank you|enjoyed|it was (?:great|nice|lovely|good)|last (?:week|time)|yesterday|earlier today|suite à|nach unserem|tras nuestra|"
        # the same in French, German, Spanish, Dutch: "merci d'avoir discuté avec moi la semaine dernière"
        r"merci d'avoir|la semaine dernière|hier|danke für|letzte woche|gestern|gracias por|la semana pasada|ayer|"
        r"bedankt voor|vorige week|gisteren|"
        r"(?:discussed|spoke|spoken|talked|chatted|checked|agreed|aligned) with)\b"
    ),
)


# An agency's own call around the interview: "I'll call you Friday to prep", "je vous appelle vendredi
# pour vous préparer", "te llamo para prepararla", "zur Vorbereitung", "om het gesprek voor te bereiden".
_PREP_CALL = re.compile(
    factored(
        r"\bto (?:prep|prepare|debrief|go over|run through)\b|\bpour (?:vous |te )?(?:préparer|débriefer)\b|"
        r"\bpara (?:preparar|prepararte|prepararla)\b|\bzur vorbereitung\b|\bvorzubereiten\b|\bvoor te bereiden\b"
        r"|\bdoor te (?:lopen|nemen|spreken)\b|\bdurchzugehen\b|\bvorbereiten\b|\b(?:vor|nach)besprechen\b|\breflektieren\b"
        # a debrief: "ich rufe Sie nach dem Gespräch an", "I'll call you after the interview"
        r"|\bnach dem gespräch\b|\bafter (?:the|your) (?:interview|call|meeting)\b|\baprès (?:l'|votre )entretien\b"
        r"|\bdespués de (?:la|tu|su) entrevista\b|\bna (?:afloop van )?(?:het|je|jouw|uw) gesprek\b"
    )
)


def _current(pattern: re.Pattern[str], text: str, low: str, prep_calls: bool) -> bool:
    """A match whose sentence does not look back on a meeting already held, nor (unless
    `prep_calls`) arrange a prep call around it. `low` is the text lower-cased position for
    position, which the patterns read."""
    return any(
        not looks_back(low, match.start(), match.end())
        and (prep_calls or not _sentence_has(_PREP_CALL, low, match.start(), match.end()))
        for match in pattern.finditer(text)
    )


# "I won't be sitting on the panel myself", "je ne serai pas présente", "ich bin nicht dabei": the
# writer who meets the candidate at reception says where they stand.
_WRITER_STAYS_OUT = re.compile(
    r"\bi (?:won't|will not|am not|'m not) (?:be )?(?:sitting on|sitting in on|on|part of|joining|in) "
    r"(?:the|your|this) (?:[\w-]+ )?(?:panel|interview|call|conversation|meeting)\b"
    r"|\bje ne serai pas (?:présente?|dans le jury)\b|\bich (?:bin|werde) (?:selbst )?nicht (?:dabei|teilnehmen)\b"
)


def writer_takes_part(text: str, prep_calls: bool = False) -> bool:
    """The writer says, in the first person, that they sit in the interview. An agency's prep call
    beside a client's interview is not a seat in it; `prep_calls` counts it for a message that
    arranges nothing else ("la llamada contigo y yo para prepararte", mañana a las 10)."""
    low = lowered(text)
    if _WRITER_STAYS_OUT.search(low):
        return False
    return _current(_WRITER_TAKES_PART, low, low, prep_calls) or _current(
        _WRITER_WITH_COLLEAGUE, text, low, prep_calls
    )


_BOOKING_LINK = re.compile(
    r"\b(?:calendly\.com|savvycal\.com|cal\.com|zcal\.co|tidycal\.com|meetings\.hubspot\.com|outlook\.office365\.com/book)"
    r"/([\w.@-]+)",
    re.IGNORECASE,
)


def books_own_link(text: str, writer: Address) -> bool:
    """The link to book is the writer's own page ("calendly.com/tasha-grant-rideauledger" from Tasha
    Grant): the call booked there is with them."""
    words = [w for w in map(letters, (writer.name or "").split()) if len(w) >= 3]
    return any(any(w in letters(m.group(1)) for w in words) for m in _BOOKING_LINK.finditer(text))


_TITLE_BEFORE = re.compile(rf"(?<![\w.]){_HONORIFIC}\s+$")


def named_as_met(name: str | None, text: str) -> bool:
    """The text names this person as someone the owner meets: "Owen will call you", "with Paula",
    "Anika is the hiring manager", "an interview with Anika", "mit DI Markus Leitner" (any of the
    name's words after a word for "with": display names are often "Leitner Markus").

    The name's occurrences are found with plain string search and the patterns around them are
    fixed: a pattern built per name would be compiled anew for nearly every message."""
    if not name or not name.split() or _ROLE_MAILBOX_NAME.search(name):
        return False
    parts = [part.strip(",;") for part in name.split()]
    first = parts[0]
    low = lowered(text)
    for word in dict.fromkeys([first, *(w for w in parts if len(w) >= 3)]):
        for start, end in _occurrences(text, word):
            before = text[max(0, start - 220) : start]
            # "Frau Wendler … wird ebenfalls teilnehmen": the surname after a title stands for the person
            formal = word != first and _TITLE_BEFORE.search(before) is not None
            after = _AFTER_NAME.match(text, end) if word == first or formal else None
            met = after is not None or bool(_WITH_BEFORE.search(before))
            # "Wenger Claudia" (Outlook's surname first) is listed as "Dr. Claudia Wenger"
            if word == first or len(parts) == 2:
                met = met or bool(
                    _PANEL_BEFORE.search(before)
                    or _PAIRED_BEFORE.search(before)
                    or _LISTED_BELOW.search(before)
                    or _SCHEDULE_ROW_BEFORE.search(before)
                )
            if met and not looks_back(low, start, after.end() if after else end):
                return True
    return False


def _occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """Where `word` stands as a whole word in `text`."""
    found = []
    index = text.find(word)
    while index >= 0:
        end = index + len(word)
        if (index == 0 or not text[index - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            found.append((index, end))
        index = text.find(word, index + 1)
    return found


_SENTENCE_STOPS = (".", "!", "?", "\n")
# "… notes from your screen last week and I'd like to grab 45 minutes with you myself": the clause
# that looks back is not the one that takes part.
_CLAUSE_STOPS = (*_SENTENCE_STOPS, ";", ", ", " and i", " but ", " – ")


def looks_back(low: str, start: int, end: int) -> bool:
    """The clause around start…end of the lower-cased text speaks of a meeting already held."""
    return _sentence_has(_LOOKING_BACK, low, start, end, _CLAUSE_STOPS)


def _sentence_has(
    pattern: re.Pattern[str], low: str, start: int, end: int, stops: tuple[str, ...] = _SENTENCE_STOPS
) -> bool:
    opening = max((i + len(stop) for stop in stops if (i := low.rfind(stop, 0, start)) >= 0), default=0)
    ends = [i for stop in stops if (i := low.find(stop, end)) >= 0]
    return bool(pattern.search(low, opening, min(ends, default=len(low))))


def named_recipients(
    envelope: Envelope, owner: frozenset[str], text: str, proposing: bool = False
) -> tuple[Address, ...]:
    """Fellow recipients the text names as the person the owner meets ("Owen will call Jordan").

    A recruiter's introduction goes To the hiring manager with the candidate in Cc; the hiring
    manager's address is in the header only, and their first name in the text says they hold the call.
    While times are still `proposing`, only a name the wish to meet follows at once counts ("Tom
    would like to grab 30 minutes with you"), not one the sentence merely passes ("Keisha passed
    along her notes, and I'd love to meet you").
    """
    found = []
    writer = envelope.sender.email if envelope.sender else None
    for address in (*envelope.to, *envelope.cc):
        if address.email in owner or address.email == writer or is_machine(address) or not address.name:
            continue
        if proposing:
            met = _wishes_to_meet(address.name, text)
        else:
            met = named_as_met(address.name, text) or (
                address in envelope.to and _greeted_beside_another(address.name, text)
            )
        if met:
            found.append(address)
    return _unique(found)


_MEETS_NEXT = re.compile(rf"(?:\s+[\w'’-]+){{0,2}}\s+{_MEETS_VERB}\b")


def _wishes_to_meet(name: str, text: str) -> bool:
    first = name.split()[0]
    return any(_MEETS_NEXT.match(text, end) for _, end in _occurrences(text, first))


def _greeted_beside_another(name: str, text: str) -> bool:
    """ "Hi Felix and Renée, I'm confirming the interview": a confirmation addressed to a fellow
    recipient together with the owner is addressed to the people who will meet."""
    first = re.escape(name.split()[0])
    return bool(
        re.search(
            rf"^[ \t]*(?:hi|hello|dear|hey|good morning)\s+(?:{first}\s+(?:and|&)\s+\w+|\w+\s+(?:and|&)\s+{first})\b",
            text,
            re.IGNORECASE | re.MULTILINE,
        )
    )


def signed_by(text: str, sender: Address | None) -> Address | None:
    """The writer's own address in their signature, when the mail came through an ATS relay under
    their name ("Sävträ Elin Nyström <no-reply@…>", signed "elin.nystrom@savtra.se")."""
    if sender is None or not sender.name:
        return None
    name = letters(sender.name)
    for match in EMAIL_ADDRESS.finditer(text):
        email = match.group(0).rstrip(".").lower()
        local = letters(email.partition("@")[0])
        address = Address(email, None)
        if (
            len(local) >= 5
            and local in name
            and not is_machine(address)
            and not is_relay(email.partition("@")[2])
        ):
            return Address(email, sender.name)
    return None


def name_in_address(email: str) -> str | None:
    """ "amara.eze@…" spells Amara Eze: enough to recognise her in the text, never to name her."""
    words = re.split(r"[._-]", email.partition("@")[0])
    return (
        " ".join(w.capitalize() for w in words)
        if len(words) >= 2 and all(w.isalpha() for w in words)
        else None
    )


def _quoted_writer_meets(text: str, after: int) -> bool:
    """Whether the writer of a quoted or forwarded message (its "From:" line ends at `after`) takes
    part: they say so in their own text, or the passed-on item is an appointment they organise."""
    block = text[after : after + 2000]
    if next_sender := _SENDER_FIELD.search(block, 1):
        block = block[: next_sender.start()]
    return writer_takes_part(block) or bool(_APPOINTMENT_WHEN.search(block[:400]))


def _unique(addresses: Iterable[Address]) -> tuple[Address, ...]:
    seen: dict[str, Address] = {}
    for address in addresses:
        known = seen.get(address.email)
        if known is None or (known.name is None and address.name):
            seen[address.email] = address
    return tuple(seen.values())
