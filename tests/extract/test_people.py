"""Who is who: interviewers from calendar parts and text, never a machine, room or invented address."""

from __future__ import annotations

import pytest

from assistant.extract.people import (
    arranger,
    books_own_link,
    calendar_interviewers,
    is_machine,
    is_room_or_group,
    named_as_met,
    named_recipients,
    owner_of,
    signed_by,
    text_interviewers,
    writer_takes_part,
)
from assistant.model import Address, Attendee, CalendarEvent, Envelope

OWNER = frozenset({"alex.morgan@example.com"})
DANA = Address("dana.whitfield@northwind-analytics.com", "Dana Whitfield")
PRIYA = Address("priya.shah@northwind-analytics.com", "Priya Shah")
MARCUS = Address("marcus.bell@northwind-analytics.com", "Marcus Bell")


def _event(*attendees: Attendee, organizer: Address | None = DANA) -> CalendarEvent:
    return CalendarEvent(
        method="REQUEST", uid="u1", sequence=0, summary="Interview", start=None, end=None,
        organizer=organizer, attendees=attendees,
    )  # fmt: skip


def test_calendar_attendees_minus_owner_rooms_groups_robots_and_the_coordinating_organizer() -> None:
    event = _event(
        Attendee(Address("alex.morgan@example.com", "Alex Morgan"), "REQ-PARTICIPANT", "INDIVIDUAL"),
        Attendee(PRIYA, "REQ-PARTICIPANT", "INDIVIDUAL"),
        Attendee(MARCUS, "REQ-PARTICIPANT", "INDIVIDUAL"),
        Attendee(DANA, "OPT-PARTICIPANT", "INDIVIDUAL"),
        Attendee(
            Address("room.nyc-9-hudson@northwind-analytics.com", "NYC-9-Hudson (8)"),
            "NON-PARTICIPANT",
            "ROOM",
        ),
        Attendee(
            Address("sea-4-rainier@northwind-analytics.com", "Conf Room Rainier (10)"), "REQ-PARTICIPANT"
        ),
        Attendee(Address("c_1889abc@resource.calendar.google.com", "HQ-2-Lakeview"), "REQ-PARTICIPANT"),
        Attendee(Address("data-interviewers@northwind-analytics.com", "Data Interviewers"), cutype="GROUP"),
        Attendee(Address("platform-interviewers@northwind-analytics.com", "Platform Interviewers")),
        Attendee(Address("no-reply@greenhouse.io", "Greenhouse")),
        Attendee(Address("jamie.ortiz@northwind-analytics.com", "Jamie Ortiz"), "NON-PARTICIPANT"),
    )
    assert calendar_interviewers(event, OWNER) == (PRIYA, MARCUS)


def test_an_organizer_alone_with_the_candidate_is_the_interviewer() -> None:
    event = _event(Attendee(Address("alex.morgan@example.com")), Attendee(DANA), organizer=DANA)
    assert calendar_interviewers(event, OWNER) == (DANA,)


def test_an_organizer_who_joins_the_call_is_kept_when_asked() -> None:
    event = _event(Attendee(Address("alex.morgan@example.com")), Attendee(PRIYA), organizer=DANA)
    assert calendar_interviewers(event, OWNER, organizer_joins=True) == (PRIYA, DANA)
    assert calendar_interviewers(event, OWNER) == (PRIYA,)


def test_a_robot_organizer_is_never_an_interviewer() -> None:
    event = _event(Attendee(Address("alex.morgan@example.com")), organizer=Address("calendar@goodtime.io"))
    assert calendar_interviewers(event, OWNER) == ()


def test_duplicate_attendees_keep_the_named_entry() -> None:
    event = _event(Attendee(Address(PRIYA.email)), Attendee(PRIYA), organizer=None)
    assert calendar_interviewers(event, OWNER) == (PRIYA,)


@pytest.mark.parametrize(
    "email",
    ["no-reply@greenhouse.io", "noreply@company.example", "do-not-reply@x.example", "notifications@lever.co",
     "calendar-notification@google.com", "careers@acme.example", "talent@acme.example", "jobs-noreply@talentloop.com",
     "acme@myworkday.com", "mailer-daemon@mx.example", "scheduling@goodtime.io", "recruiting@acme.example",
     "accommodations@acme.example", "werving@ggd.example", "recrutement@banque.example", "rrhh@hoteles.example",
     "personal@kantonalbank.example"],
)  # fmt: skip
def test_machines_and_role_mailboxes(email: str) -> None:
    assert is_machine(Address(email))


@pytest.mark.parametrize(
    "email",
    [
        "priya.shah@northwind.example",
        "omar@brightpath.io",
        "harry.norton@acme.example",
        "teamlead.kim@x.example",
    ],
)
def test_people_are_not_machines(email: str) -> None:
    assert not is_machine(Address(email))


@pytest.mark.parametrize(
    ("address", "cutype"),
    [(Address("room.nyc-9@x.example"), None), (Address("confroom-rainier@x.example"), None),
     (Address("c_188@resource.calendar.google.com"), None), (Address("sea-4@x.example", "SEA-4-Rainier (10)"), None),
     (Address("hq@x.example", "Boardroom"), None), (Address("p@x.example"), "ROOM"), (Address("p@x.example"), "GROUP"),
     (Address("p@x.example"), "RESOURCE"), (Address("eng-interviewers@x.example"), None),
     (Address("all-hands@x.example"), None)],
)  # fmt: skip
def test_rooms_and_groups(address: Address, cutype: str | None) -> None:
    assert is_room_or_group(address, cutype)


@pytest.mark.parametrize("address", [PRIYA, Address("conrad.roomes@x.example", "Conrad Roomes"), DANA])
def test_people_are_not_rooms(address: Address) -> None:
    assert not is_room_or_group(address, "INDIVIDUAL")


def _envelope(
    sender: Address | None, reply_to: tuple[Address, ...] = (), to: tuple[Address, ...] = ()
) -> Envelope:
    return Envelope("<m@x>", "Interview", sender, None, to=to, reply_to=reply_to)


def test_arranger_is_a_personal_reply_to_then_a_personal_sender() -> None:
    assert arranger(_envelope(Address("no-reply@greenhouse.io", "Dana"), (DANA,)), OWNER) == DANA
    assert arranger(_envelope(DANA), OWNER) == DANA
    assert arranger(_envelope(Address("no-reply@greenhouse.io")), OWNER) is None
    assert arranger(_envelope(Address("alex.morgan@example.com")), OWNER) is None


def test_owner_is_the_configured_addresses_else_the_first_recipient() -> None:
    envelope = _envelope(DANA, to=(Address("Alex.Morgan@Example.com"), MARCUS))
    assert owner_of(envelope, ["ALEX@personal.example"]) == frozenset({"alex@personal.example"})
    assert owner_of(envelope, []) == OWNER


def test_text_names_with_angle_brackets_parentheses_and_table_rows() -> None:
    text = (
        "You'll meet with Priya Shah <priya.shah@northwind-analytics.com> and\n"
        "Marcus Bell (marcus.bell@northwind-analytics.com).\n\n"
        "2:45 PM – 3:30 PM | Jamie Ortiz | jamie.ortiz@northwind-analytics.com\n"
        "Interviewer: Lee Chen, Engineering Manager (lee.chen@northwind-analytics.com)\n"
    )
    assert text_interviewers(text, OWNER) == (
        PRIYA,
        MARCUS,
        Address("jamie.ortiz@northwind-analytics.com", "Jamie Ortiz"),
        Address("lee.chen@northwind-analytics.com", "Lee Chen"),
    )


@pytest.mark.parametrize(
    "line",
    [
        "Questions or need to reschedule? Contact Dana Whitfield <dana.whitfield@northwind-analytics.com>.",
        "If anything comes up, reach out to me at dana.whitfield@northwind-analytics.com.",
        "I've cc'd our coordinator, Dana Whitfield (dana.whitfield@northwind-analytics.com).",
        "Please reply to dana.whitfield@northwind-analytics.com with your availability.",
        "For accommodations, email accommodations@northwind-analytics.com.",
        "If you are unable to attend, please contact Dana Whitfield, Talent Partner, on 0118 555 0164 or at "
        "dana.whitfield@northwind-analytics.com.",
    ],
)
def test_coordinator_addresses_are_not_interviewers(line: str) -> None:
    assert text_interviewers(line, OWNER) == ()


def test_excluded_owner_sender_and_robots_in_text() -> None:
    text = (
        "Alex Morgan <alex.morgan@example.com>\nno-reply@greenhouse.io\nconf.room-9@northwind-analytics.com\n"
        "Dana Whitfield <dana.whitfield@northwind-analytics.com>"
    )
    assert text_interviewers(text, OWNER | {DANA.email}) == ()


def test_text_addresses_are_exactly_as_written() -> None:
    text = "Your interviewer is Priya Shah (Priya.Shah@Northwind-Analytics.com)."
    (found,) = text_interviewers(text, OWNER)
    assert found.email == "priya.shah@northwind-analytics.com"
    assert found.email in text.lower()


def test_a_coordinating_organizer_who_is_not_an_attendee_is_not_listed() -> None:
    event = _event(Attendee(Address("alex.morgan@example.com")), organizer=DANA)
    assert calendar_interviewers(event, OWNER) == ()


def test_dial_in_addresses_are_machines() -> None:
    assert is_machine(Address("82571453189@zoomcrc.com"))


def test_data_protection_and_candidate_mailboxes_are_machines() -> None:
    assert is_machine(Address("candidates@karat.example"))
    assert is_machine(Address("privacidad@cuadranteseleccion.example"))
    assert is_machine(Address("datenschutz@halvorsen.example"))


def test_the_writers_own_signature_address_is_not_an_interviewer_even_through_a_relay() -> None:
    text = (
        "Interviewer: Priya Shah (priya.shah@northwind-analytics.com)\n\nBest,\nDana Whitfield\n" + DANA.email
    )
    found = text_interviewers(text, OWNER, writer="Dana Whitfield")
    assert found == (PRIYA,)


def test_fellow_recipients_named_as_the_person_the_owner_meets() -> None:
    envelope = Envelope(
        "<m@x>", "Intro", DANA, None, to=(MARCUS, PRIYA), cc=(Address("alex.morgan@example.com"),)
    )
    text = "Marcus will call Alex on Friday at 2pm PT. Priya, thanks for the intro."
    assert named_recipients(envelope, OWNER, text) == (MARCUS,)


@pytest.mark.parametrize(
    ("text", "takes_part"),
    [("I'll be interviewing you together with Maya.", True), ("Let's move our interview to Monday.", True),
     ("I've blocked 45 minutes for our conversation.", True), ("Grab a slot on my Calendly.", True),
     ("Following our conversation last week, here are the details.", False),
     ("Merci d'avoir pris le temps d'échanger avec moi la semaine dernière.", False),
     ("Thanks again for making time to chat with me last week.", False),
     ("If she'd rather do it over Meet, just let me know by Friday and I'll switch it.", False),
     ("Je serai également présente pour la première partie de l'entrevue.", True),
     ("I'll also sit in for the first half.", True),
     ("Via onderstaande link kan u zelf een moment kiezen in mijn agenda.", True),
     ("Ik zou graag een eerste telefonisch gesprek met u inplannen.", True),
     ("Aanwezig van onze kant: Hans van der Meulen, directeur Operations, en ikzelf.", True),
     ("Please book a time that suits you via my calendar.", True),
     ("I'm the hiring manager for the role and I'd like a proper chat.", True),
     ("leider muss ich unser für Montag geplantes Telefoninterview absagen.", True),
     ("Tengo hueco a las 10:00 o a las 16:00.", True),
     ("De mon côté ça pourrait être mardi 1er décembre dans l'après-midi.", True),
     ("Hast du Lust auf ein erstes Gespräch mit mir? Diese Woche könnte ich:", True),
     ("You can grab any slot that suits you directly in my calendar.", True),
     ("I'd love to do a 45-min conversation with you about the ranking stack.", True),
     ("On sera deux : moi et Yanis Robert, notre lead dev.", True),
     ("Dus dan zie ik je morgen om 14.00 uur!", True),
     ("Me gustaría hacerte la entrevista técnica esta semana.", True),
     ("Ik neem Chantal Biharie (c.biharie@vanderlinde.example) mee.", True),
     ("I'll tell you a bit about the studio, and you can ask me whatever you like.", True),
     ("Ich ruf dich morgen um 12 Uhr auf deinem Handy an.", True),
     ("Graag plan ik eerst een kennismakingsgesprek met jou in.", True),
     ("We'll meet Mhairi in meeting room 3.2, and I'll take the competency questions.", True),
     ("Kelsey passed along her notes from your screen last week and I'd like to grab 45 minutes with you myself.", True),
     ("Top, morgen om 11.00 uur werkt voor mij. Ik bel je via Google Meet.", True),
     ("Claudia und ich können am Mo., 07.12. von 13:00 bis 14:00 Uhr.", True),
     ("See you on Thursday, and good luck!", False),
     ("Mia and I are both really sorry about the late notice.", False),
     ("See Glenn's note below. I'll call you Friday afternoon to prep.", False),
     ("Je vous appelle vendredi midi pour vous préparer.", False),
     ("Ich rufe Sie nach dem Gespräch gegen 16:30 Uhr kurz an.", False),
     ("I'm free most afternoons if you want to prep beforehand.", False),
     ("You will meet Priya Shah.", False),
     ("I need to cancel your interview with Callum Reid (callum.reid@mb.example) and me on Wednesday.", True),
     ("me gustaría tener una primera llamada contigo", True), ("Je le ferai avec Camille Fournier.", True),
     ("Das Gespräch würde ich gemeinsam mit unserem CTO führen.", True),
     ("Thanks for chatting with me last week!", False), ("Suite à notre échange téléphonique, voici le lien.", False),
     ("Would love to do a quick sync next week, 30 min, just me.", True),
     ("I'd like to talk before we bring you in; the role would report to me.", True),
     ("Let's do Thursday at noon Pacific - I've blocked 30 minutes.", True)],
)  # fmt: skip
def test_the_writer_says_they_hold_the_interview(text: str, takes_part: bool) -> None:
    assert writer_takes_part(text) is takes_part


@pytest.mark.parametrize(
    "text",
    [
        "It'll be me and Ravi from the data team.",
        "Your panel is with Ravi and me.",
        "Ravi and I will see you at reception.",
        "We'll talk through the design, and myself and Ravi will ask questions.",
        "I'll be joined by Chloe Nguyen, who runs our S&OP process.",
        "Panel     : Mr. Kenneth Chow, General Manager - Operations\n            and the undersigned",
        "Vous rencontrerez Marc Aebischer, Directeur Marketing, ainsi que moi-même.",
        "Something came up on my end, so I've moved us to Monday at 9am PT instead.",
        "I'd love to set up a 30-minute intro call so I can tell you more about Ledgerly.",
        "Comme convenu, je vous appelle demain à 17h pour un premier échange.",
        "Perfecto Andrés, quedamos mañana a las 10 am. Te marco por Meet.",
        "Maandag 23 november om 09.30 uur past ons prima. Sven en ik voeren het gesprek.",
        "Den här gången träffar du mig och vår vd Anders Wiklund.",
        "Sie treffen Frau Baumann und mich im Sitzungszimmer 3.",
        "Durante il colloquio con me e con la nostra CFO parleremo del ruolo.",
        "Danke, passt mir. Morgen 16 Uhr bei mir an der Talstrasse 41.",
        "Je souhaiterais dès lors vous rencontrer dans nos bureaux pour un premier entretien.",
        "Ik ga graag met je in gesprek, samen met twee collega's uit de selectiecommissie.",
        "I'm sorry, but I need to cancel our second-round interview on Thursday.",
        "Thanks for applying! I'm the recruiter for the team and would love to set up an intro call.",
        "La entrevista será conducida por el Lic. Ramón Tejada y por esta servidora.",
        "Je serais heureuse de vous rencontrer pour un premier entretien d'environ une heure.",
        "Ich nehme gerne Ihren ersten Vorschlag an: Wir sehen uns am Freitag, 13. November.",
        "Gerne würde ich Sie in einem ersten Gespräch (ca. 45 Minuten, per Teams) persönlich kennenlernen.",
        "I'm also going to pull in Priyanka from our SRE team for the second half.",
        "Je te confirme donc notre échange téléphonique jeudi 22 octobre à 11h. Je t'appellerai sur ton portable.",
        "Gesprächspartner: Dominik Falch, Eigentümervertreter (d.falch@x.example), und ich\nDauer: ca. 1,5 Stunden",
        "Ich würde Sie gerne zu einem ersten Gespräch zu mir nach Mayrhofen einladen.",
        "Nächste Woche hätte ich am Mittwoch und am Donnerstag jeweils vormittags Zeit.",
        "I'm having short informal conversations with a few applicants, so that I can get to know you a little.",
        "You can pick a time that suits you on my Bookings page.",
        "Vrijdag om 11u past mij prima. Kom maar naar ons kantoor aan het Kanaaldok.",
        "Sorry voor de verschuiving en tot donderdag!",
        "Ik voer het gesprek samen met Dirk Peeters, onze Supply Chain Manager.",
        "Zoals afgesproken verplaatsen we ons gesprek dus naar donderdag 19/11 om 14u30.",
        "J'aimerais faire un premier point téléphonique avec vous (20 à 30 minutes).",
        "Marc Tschopp (Head of Treasury), Yves Brodbeck (Risk Analyst) and I look forward to speaking with you.",
        "Ich würde Sie gerne in einem ersten, etwa 45-minütigen Gespräch per Teams näher kennenlernen.",
        "Le entrevistaré yo junto con Àlex Puig (alex.puig@x.example), responsable de Transporte.",
        "Por nuestra parte estaremos un servidor y la Ing. Sofía Treviño (sofia.trevino@x.example).",
        "Seitens Alpenglas sind ich und ein Kollege aus dem Plattform-Team dabei.",
        "12:00 - 12:30  Lunch break\n12:30 - 13:00  Wrap-up & next steps - me\n\nSee you then!",
    ],
)
def test_the_writer_says_they_sit_in(text: str) -> None:
    assert writer_takes_part(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks and I hope the trip back was easy.",
        "Let me know if anything changes.",
        "I'll be in touch.",
        "Ik bel je vrijdag nog even om het samen door te lopen.",
        "I'll meet you at reception at 09:20 and walk you up. I won't be sitting on the panel myself.",
        "Le parking des Bergues se trouve à deux pas de nos bureaux.",
        "Comme convenu lors de notre échange téléphonique de vendredi, voici l'invitation.",
        "Je suis au regret de devoir annuler notre entretien prévu mardi avec Nicolas Berthier.",
        "If you'd like to come in person, we're on the 22nd floor at 100 Bay Street and I've booked a room.",
    ],
)
def test_the_writer_only_coordinates(text: str) -> None:
    assert not writer_takes_part(text)


def test_a_prep_call_counts_when_it_is_all_the_message_arranges() -> None:
    text = "¿Quedamos mañana 10am? Es la llamada contigo y yo para prepararte antes de la entrevista."
    assert not writer_takes_part(text)
    assert writer_takes_part(text, prep_calls=True)


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("The design review is with Paula (30 min).", True),
        ("Paula runs our design org and is the hiring manager.", True),
        ("Subject: Data Analyst: Alex <> Paula", True),
        ("Paula will send the calendar invite.", False),
        ("Thank you for booking with Orbit Careers.", False),
        ("Fachgespräch mit DI Paula Greer (Leitung Data)", True),
        ("I've copied Paula (paula@x.example), who was going to join me.", True),
        ("As discussed with Paula, we've moved your interview.", False),
        ("The panel will include Paula Greer, Purchasing Manager, and Lisa Chen.", True),
        ("Who you'll meet:\n  Paula Greer, Director of HR", True),
        ("Paula (cc'd) would love to meet you for the next step.", True),
        ("Ihre Gesprächspartner:\n- Tobias Rehm, Head of Engineering\n- Paula Greer, People & Culture", True),
        ("Your interviewers:\n1. Dr. Paula Greer (paula@x.example)", True),
        ("Interviewer: Paula Greer", True),
        ("The interview will be conducted by Tobias Rehm and Paula Greer.", True),
        ("Danach haben Paula und ich noch ein paar Fragen.", True),
        ("Bij dat gesprek schuift ook Paula Greer aan, onze technisch directeur.", True),
        ("La va a tomar Paula Greer (Gerente de Sistemas) junto conmigo.", True),
        ("Avec : Paula Greer, CPO (paula@x.example)", True),
        ("Notre CIO, M. Paula Greer (paula@x.example), se joindra à nous.", True),
        ("Paula from their platform team will be joining her.", True),
        ("Paula will cover the technical side.", True),
        ("Paula and I have reviewed your application.", False),
        ("The next step is a 45-minute conversation with me and Paula Greer (paula@x.example).", True),
        ("Vous aurez un entretien avec moi et Paula Greer.", True),
        ("L'entretien sera mené par moi-même et par Paula Greer, responsable réglementaire.", True),
        ("Gesprächsteilnehmende | Tobias Rehm, Leiter Risiko, Paula Greer, HR Business Partnerin", True),
        ("10:00 - 10:45 h   Paula Greer, RRHH (paula@x.example)\n10:45 - 11:30 h   Tobias Rehm", True),
        (
            "La commission d'entretien sera composée de :\n\nM. Tobias Rehm – t.rehm@x.example\n\nMme Paula Greer – "
            "paula@x.example",
            True,
        ),
        ("Teilnehmende seitens Orbit: Dr. Tobias Rehm (Head QA) und Paula Greer (Engineer).", True),
        ("Frau Greer aus der Personalabteilung wird wie besprochen ebenfalls am Gespräch teilnehmen.", True),
        (
            "Ihre Gesprächspartner sind Herr Dr. Tobias Rehm (Leitung) sowie Frau Paula Greer (Personal).",
            True,
        ),
        (
            "Wir laden dich zum Zweitgespräch ein – diesmal mit unserem Co-Founder Paula Greer (paula@x.example).",
            True,
        ),
        ("Paula Greer (paula@x.example) es la Gerente de Operaciones y sería tu jefa directa.", True),
        ("Participants\nTobias Rehm, Head of Systems\nPaula Greer, GNC engineer", True),
        (
            "Suite à notre échange de vendredi, je vous propose un entretien avec Paula Greer (paula@x.example).",
            True,
        ),
        ("Your interviewers:\n- Tobias Rehm\n\nQuestions? Paula Greer can help.", False),
    ],
)
def test_named_as_met(text: str, met: bool) -> None:
    assert named_as_met("Paula Greer", text) is met
    assert not named_as_met("Orbit Careers", text)


def test_a_display_name_written_surname_first_is_recognised_after_with() -> None:
    assert named_as_met("Greer Paula", "Fachgespräch mit DI Paula Greer (Leitung Data)")


def test_a_copied_colleague_the_text_says_the_owner_meets_is_an_interviewer() -> None:
    text = "We moved your conversation with Priya to Thursday.\nI've copied Priya (priya.shah@northwind-analytics.com)."
    assert text_interviewers(text, OWNER) == (Address("priya.shah@northwind-analytics.com", None),)


def test_correspondents_of_a_passed_on_thread_count_when_the_text_names_them_as_met() -> None:
    text = (
        "Das Gespräch führen Herr Dr. Moosbrugger und Frau Dr. Reithmeier; ich selbst bin nicht dabei.\n\n"
        "Von: Moosbrugger, Jens <jens.moosbrugger@halvorsen.example>\n"
        "An: Ortlepp, Sabine <sabine.ortlepp@halvorsen.example>\n"
        "Cc: Reithmeier, Claudia <claudia.reithmeier@halvorsen.example>\n\nHallo Sabine, passt."
    )
    found = {a.email: a.name for a in text_interviewers(text, OWNER)}
    assert found == {
        "jens.moosbrugger@halvorsen.example": "Jens Moosbrugger",
        "claudia.reithmeier@halvorsen.example": "Claudia Reithmeier",
    }


def test_a_copied_coordinator_is_not() -> None:
    text = "Your interview is with Marcus.\nI've copied Jess (jess.ho@northwind-analytics.com) for logistics."
    assert text_interviewers(text, OWNER) == ()


def test_the_writer_of_a_forwarded_message_counts_only_when_they_take_part() -> None:
    passes_on = (
        "---------- Forwarded message ---------\nFrom: Dana Whitfield <dana.whitfield@northwind-analytics.com>\n"
        "To: Agency <lee@agency.example>\n\nAlex will meet Priya Shah (priya.shah@northwind-analytics.com)."
    )
    takes_part = passes_on.replace("Alex will meet Priya Shah", "Alex will meet me and Priya Shah")
    assert [a.email for a in text_interviewers(passes_on, OWNER)] == [PRIYA.email]
    assert [a.email for a in text_interviewers(takes_part, OWNER)] == [DANA.email, PRIYA.email]


def test_the_writers_signature_address_when_the_mail_came_through_a_relay() -> None:
    sender = Address("no-reply@teamtailor-mail.com", "Sävträ Elin Nyström")
    text = "Just you and me, 30 min.\n\nElin Nyström\nelin.nystrom@savtra.example | +46 8 555 120 44"
    assert signed_by(text, sender) == Address("elin.nystrom@savtra.example", "Sävträ Elin Nyström")
    assert signed_by("Questions? careers@savtra.example", sender) is None


def test_a_fellow_recipient_greeted_beside_the_owner_is_met() -> None:
    felix = Address("famaro@svh.example", "Felix Amaro")
    envelope = Envelope(
        "<m@x>", "Confirmed: interview", DANA, None, to=(felix, Address("alex.morgan@example.com"))
    )
    text = "Hi Felix and Alex,\n\nI'm confirming the video interview for Wednesday at 11am."
    assert named_recipients(envelope, OWNER, text) == (felix,)


def test_a_booking_page_of_the_writers_own_is_a_call_with_them() -> None:
    tasha = Address("tasha.grant@rideau.example", "Tasha Grant")
    assert books_own_link("Grab a time here: https://calendly.com/tasha-grant-rideau/intro-30", tasha)
    assert not books_own_link("Grab a time here: https://calendly.com/rideau-recruiting/intro-30", tasha)
    lauren = Address("lauren.hughes@ysw.example", "Lauren Hughes")
    assert books_own_link(
        "Book here: https://outlook.office365.com/book/LaurenHughesTalent@ysw.example/", lauren
    )


def test_the_name_an_address_spells_wins_over_a_title_nearer_to_it() -> None:
    text = "Das Gespräch führen Dr. Urs Aebischer, Chef der Sektion Risikoanalyse (urs.aebischer@bwr.example), und ich."
    assert text_interviewers(text, frozenset()) == (Address("urs.aebischer@bwr.example", "Urs Aebischer"),)


def test_while_times_are_proposed_a_recipient_counts_only_when_the_wish_to_meet_follows_the_name() -> None:
    envelope = Envelope(
        "<m@x>", "Intro", Address("gina@orbit.example", "Gina Alvarez"), None,
        to=(Address("tom@orbit.example", "Tom Reyes"), Address("alex@example.com", "Alex Morgan")),
        cc=(Address("keisha@orbit.example", "Keisha Duval"),),
    )  # fmt: skip
    text = (
        "Keisha passed along her notes, and I'd love to meet you. Tom would like to grab 30 minutes with you."
    )
    found = named_recipients(envelope, frozenset({"alex@example.com"}), text, proposing=True)
    assert [a.email for a in found] == ["tom@orbit.example"]


def test_a_title_before_the_name_the_address_spells_is_left_out() -> None:
    text = "diesmal mit unserem Co-Founder Tobias Feld (tobias@pfandgold.example) und einem Case"
    assert text_interviewers(text, frozenset()) == (Address("tobias@pfandgold.example", "Tobias Feld"),)


def test_a_correspondent_of_the_quoted_thread_is_met_only_when_the_text_says_so() -> None:
    text = (
        "Thanks Tom. Let's lock in 10 December at 3pm UK time.\n\n"
        "On Thu, 3 Dec 2026 at 18:40, Tom Ashby <tom.ashby@agency.example> wrote:\n> As promised, connecting you both."
    )
    assert text_interviewers(text, OWNER) == ()
