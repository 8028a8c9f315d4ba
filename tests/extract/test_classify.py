"""What kind of message this is, judged through `extract_facts` on mail as it arrives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.extract import extract_facts
from assistant.model import Facts, Kind
from assistant.parse import parse_message

OWNER = ("alex.morgan@example.com",)
HERE = Path(__file__).parent


def _facts(raw: str, owner: tuple[str, ...] = OWNER) -> Facts:
    return extract_facts(parse_message(raw.lstrip("\n").replace("\n", "\r\n").encode()), owner)


def _file(path: Path, owner: tuple[str, ...] = OWNER) -> Facts:
    return extract_facts(parse_message(path.read_bytes()), owner)


LEVER_CONFIRMATION = """
From: Acme Robotics <no-reply@hire.lever.co>
Reply-To: Sam Patel <sam.patel@acmerobotics.example>
To: Alex Morgan <alex.morgan@example.com>
Subject: Interview confirmed: Senior Backend Engineer at Acme Robotics
Date: Mon, 30 Nov 2026 15:02:11 +0000
Message-ID: <lever-7f3e1b@hire.lever.co>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<html><body><p>Hi Alex,</p>
<p>Your interview for <b>Senior Backend Engineer</b> at Acme Robotics is confirmed.</p>
<table><tr><td>When</td><td>Tuesday, December 8, 2026, 1:00 PM &ndash; 2:00 PM EST</td></tr>
<tr><td>Interviewer</td><td>Jane Kim (jane.kim@acmerobotics.example)</td></tr>
<tr><td>Where</td><td>Zoom (link to follow)</td></tr></table>
<p>Questions? Contact Sam Patel at sam.patel@acmerobotics.example.</p></body></html>
"""

PLAIN_CONFIRMATION = """
From: Omar Haddad <omar@brightpath.io>
To: Alex Morgan <alex.morgan@example.com>
Subject: Re: Quick chat about the Product Analyst role?
Date: Mon, 30 Nov 2026 09:18:44 -0800
Message-ID: <CAOk3hR7yT2q@mail.gmail.com>
In-Reply-To: <b7e3c9a4@example.com>
Content-Type: text/plain; charset="UTF-8"

Great, you're confirmed for Thursday at 2pm PT. I'll call you at the number on
your resume.

Talk then,
Omar

On Mon, Nov 30, 2026 at 8:55 AM Alex Morgan <alex.morgan@example.com> wrote:
> Thursday afternoon works, or Friday at 10am.
"""

RESCHEDULE = """
From: Dana Whitfield <dana.whitfield@northwind-analytics.com>
To: Alex Morgan <alex.morgan@example.com>
Subject: Re: Interview Confirmation: Senior Data Engineer - Northwind Analytics
Date: Wed, 02 Dec 2026 16:20:00 -0500
Message-ID: <CAF1a9@mail.gmail.com>
In-Reply-To: <6b09a493a9e2b@gh-mailer.mail>
Content-Type: text/plain; charset="UTF-8"

Hi Alex,

Priya had a conflict, so we've moved your panel interview to Friday,
December 4 at 3:00 PM ET. Same room, same interviewers.

Best,
Dana

On Fri, Nov 27, 2026 at 10:41 AM Dana Whitfield <dana.whitfield@northwind-analytics.com> wrote:
> Your interview is confirmed for Thursday, December 3, 2026 at 2:00 PM EST.
"""

AVAILABILITY = """
From: Lena Fischer <lena.fischer@harborlight.dev>
To: alex.morgan@example.com
Subject: Next step with Harborlight
Date: Tue, 17 Nov 2026 10:05:00 -0500
Message-ID: <CAJ4vWq1@mail.gmail.com>
Content-Type: text/plain; charset="UTF-8"

Hi Alex,

Thanks for applying to the Backend Engineer role! We'd like to set up a
45-minute technical interview with our CTO. Could you send me your
availability for next week?

Best,
Lena
"""

CALENDLY = """
From: Priya Raman <priya@quillstone.example>
To: alex.morgan@example.com
Subject: Quillstone Labs - phone screen
Date: Tue, 17 Nov 2026 10:05:00 -0800
Message-ID: <0101018c@quillstone.example>
Content-Type: text/plain; charset="UTF-8"

Hi Alex,

I'd love to set up a 30-minute phone screen to talk about the Staff Engineer
opening. Please grab a time that works for you here:
https://calendly.com/priya-raman/30min

Thanks,
Priya
"""

CANCEL_TEXT = """
From: Sam Patel <sam.patel@acmerobotics.example>
To: alex.morgan@example.com
Subject: Tomorrow's interview
Date: Mon, 07 Dec 2026 17:40:00 -0500
Message-ID: <sam-20261207@acmerobotics.example>
Content-Type: text/plain; charset="UTF-8"

Hi Alex,

I'm sorry for the short notice, but we need to cancel tomorrow's interview at
1:00 PM EST - Jane is out sick. I'll follow up with new times this week.

Sam
"""

REJECTION = """
From: Northwind Analytics <no-reply@greenhouse.io>
Reply-To: Dana Whitfield <dana.whitfield@northwind-analytics.com>
To: alex.morgan@example.com
Subject: Your application to Northwind Analytics
Date: Wed, 09 Dec 2026 14:00:00 +0000
Message-ID: <gh-rej-41@gh-mailer.mail>
Content-Type: text/plain; charset="UTF-8"

Hi Alex,

Thank you for taking the time to interview with us for the Senior Data
Engineer role. Unfortunately, after careful consideration, we have decided to
move forward with other candidates whose experience more closely matches our
needs.

We wish you the best in your search.
Dana
"""

OFFER = """
From: Lena Fischer <lena.fischer@harborlight.dev>
To: alex.morgan@example.com
Subject: Offer - Backend Engineer at Harborlight
Date: Thu, 10 Dec 2026 11:00:00 -0500
Message-ID: <CAJ4vWq9@mail.gmail.com>
Content-Type: text/plain; charset="UTF-8"

Hi Alex,

I'm delighted to extend you an offer for the Backend Engineer position at
Harborlight! Your offer letter is attached; please let me know by Friday,
December 18 whether you accept.

Lena
"""

RECRUITER_REPLY = """
From: Omar Haddad <omar@brightpath.io>
To: alex.morgan@example.com
Subject: Re: Product Analyst application
Date: Mon, 23 Nov 2026 12:00:00 -0800
Message-ID: <CAOk3hR1@mail.gmail.com>
In-Reply-To: <a1@example.com>
Content-Type: text/plain; charset="UTF-8"

Hi Alex,

Thanks for reaching out! I've passed your resume along to the hiring manager
for the Product Analyst role and will be in touch.

Omar
"""

JOB_ALERT = """
From: TalentLoop Job Alerts <jobalerts-noreply@talentloop.com>
To: Alex Morgan <alex.morgan@example.com>
Subject: 12 new jobs for "data engineer" + tips to ace your next interview
Date: Wed, 2 Dec 2026 12:32:00 +0000
List-Unsubscribe: <https://www.talentloop.com/comm/unsubscribe?id=8Hk2>
Precedence: bulk
Content-Type: text/plain; charset=UTF-8

Senior Data Engineer - Quillstone Labs - New York, NY
Promoted - Interviews are in progress for this role
View job: https://www.talentloop.com/jobs/view/4102938475/

Career tips: Ace your next interview
Send a short thank-you note within 24 hours of each interview.
"""

APPLICATION_RECEIVED = """
From: Crestline Health <crestlinehealth@myworkday.com>
To: alex.morgan@example.com
Subject: Thank you for applying to Crestline Health - Data Engineer II
Date: Tue, 1 Dec 2026 08:03:41 +0000
Auto-Submitted: auto-generated
Content-Type: text/plain; charset=UTF-8

Dear Alex Morgan,

Thank you for your interest in Crestline Health. We have received your application
for the position of Data Engineer II. If your experience is a good match, a member
of our team will contact you to discuss next steps, which may include a phone
screen or an interview.
"""

DENTIST = """
From: Maple Street Dental <reminders@maplestreetdental.com>
To: Alex Morgan <alex.morgan@example.com>
Subject: Appointment reminder: Fri, Dec 4 at 9:00 AM with Dr. Karen Liu
Date: Wed, 02 Dec 2026 09:00:05 -0500
Auto-Submitted: auto-generated
Content-Type: text/plain; charset=us-ascii

Hi Alex,

This is a friendly reminder of your upcoming appointment on Friday,
December 4, 2026 at 9:00 AM with Dr. Karen Liu. Please confirm your
appointment. See you soon!
"""

OWNER_INTERVIEWS_SOMEONE = """
From: Greenhouse <no-reply@greenhouse.io>
To: alex.morgan@example.com
Subject: You're scheduled to interview Jamie Ortiz (Senior Data Engineer)
Date: Tue, 01 Dec 2026 15:00:00 +0000
Content-Type: text/plain; charset=UTF-8

Hi Alex,

You're scheduled to interview Jamie Ortiz, a candidate for Senior Data Engineer,
on Thursday, December 3, 2026 at 2:00 PM EST. Review the interview kit and please
submit your scorecard within 24 hours.
"""

INTERNAL_MEETING = """
From: Priya Shah <priya.shah@northwind-analytics.com>
To: Alex Morgan <alex.morgan@northwind-analytics.com>
Subject: Invitation: Interview debrief - Jamie Ortiz @ Fri Dec 4, 2026 10am - 10:30am (EST)
Date: Tue, 01 Dec 2026 15:00:00 +0000
Content-Type: multipart/alternative; boundary="b"

--b
Content-Type: text/plain; charset=UTF-8

Let's sync on the panel for Jamie. I've booked a room.
--b
Content-Type: text/calendar; charset=UTF-8; method=REQUEST

BEGIN:VCALENDAR
VERSION:2.0
METHOD:REQUEST
BEGIN:VEVENT
UID:debrief-1@google.com
DTSTAMP:20261201T150000Z
DTSTART:20261204T150000Z
DTEND:20261204T153000Z
SUMMARY:Interview debrief - Jamie Ortiz
ORGANIZER;CN=Priya Shah:mailto:priya.shah@northwind-analytics.com
ATTENDEE;CN=Alex Morgan:mailto:alex.morgan@northwind-analytics.com
END:VEVENT
END:VCALENDAR
--b--
"""

OWN_SENT_MAIL = """
From: Alex Morgan <alex.morgan@example.com>
To: Omar Haddad <omar@brightpath.io>
Subject: Re: Brightpath phone screen - Product Analyst
Date: Mon, 30 Nov 2026 13:04:00 -0500
In-Reply-To: <CAOk3hR7yT2q@mail.gmail.com>
Content-Type: text/plain; charset=UTF-8; format=flowed

Hi Omar,

Thank you, confirmed! I'll call you on Wednesday, December 2 at 11:00 AM
Pacific for the interview.

Alex
"""


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (LEVER_CONFIRMATION, Kind.INTERVIEW_CONFIRMATION),
        (PLAIN_CONFIRMATION, Kind.INTERVIEW_CONFIRMATION),
        (RESCHEDULE, Kind.INTERVIEW_CONFIRMATION),
        (AVAILABILITY, Kind.SCHEDULING_REQUEST),
        (CALENDLY, Kind.SCHEDULING_REQUEST),
        (CANCEL_TEXT, Kind.CANCELLATION),
        (REJECTION, Kind.REJECTION),
        (OFFER, Kind.OFFER),
        (RECRUITER_REPLY, Kind.RECRUITER_REPLY),
        (JOB_ALERT, Kind.OTHER),
        (APPLICATION_RECEIVED, Kind.OTHER),
        (DENTIST, Kind.OTHER),
        (OWNER_INTERVIEWS_SOMEONE, Kind.OTHER),
        (OWN_SENT_MAIL, Kind.OTHER),
    ],
    ids=["lever", "plain", "reschedule", "availability", "calendly", "cancel-text", "rejection", "offer",
         "recruiter-reply", "job-alert", "application-received", "dentist", "owner-is-interviewer", "own-sent"],
)  # fmt: skip
def test_kinds(raw: str, kind: Kind) -> None:
    assert _facts(raw).kind is kind


def test_internal_meeting_of_a_colleague_is_not_the_owners_interview() -> None:
    assert _facts(INTERNAL_MEETING, ("alex.morgan@northwind-analytics.com",)).kind is Kind.OTHER


@pytest.mark.parametrize(
    "path",
    [HERE.parent / "parse" / "data" / name
     for name in ("greenhouse_onsite_invite.eml", "google_calendar_invite.eml", "outlook_request_windows_zone.eml")],
    ids=["greenhouse", "google", "outlook"],
)  # fmt: skip
def test_calendar_invitations_are_confirmations(path: Path) -> None:
    assert _file(path, ("jordan.lee@example.org",)).kind is Kind.INTERVIEW_CONFIRMATION


def test_a_calendar_cancellation() -> None:
    assert _file(HERE / "data" / "greenhouse_canceled_event.eml").kind is Kind.CANCELLATION


def test_a_webinar_with_interview_in_its_title_and_a_calendar_part_is_other() -> None:
    assert _file(HERE / "data" / "webinar_with_calendar.eml").kind is Kind.OTHER


def _short(
    subject: str, body: str, sender: str = "Dana Whitfield <dana.whitfield@northwind-analytics.com>"
) -> str:
    return (
        f"From: {sender}\nTo: Alex Morgan <alex.morgan@example.com>\nSubject: {subject}\n"
        "Date: Mon, 30 Nov 2026 09:00:00 -0500\nMessage-ID: <short@northwind-analytics.com>\n"
        f"Content-Type: text/plain; charset=utf-8\n\n{body}\n"
    )


@pytest.mark.parametrize(
    ("subject", "body", "kind"),
    [
        ("Interview scheduled", "Your interview has been scheduled for Thursday, December 3 at 2:00 PM ET.",
         Kind.INTERVIEW_CONFIRMATION),
        ("Re: Interview", "Thursday at 2pm ET works great, see you then!", Kind.INTERVIEW_CONFIRMATION),
        ("Entretien confirmé", "Bonjour Alex, votre entretien est confirmé pour le jeudi 3 décembre à 14h30 "
         "(heure de Paris).", Kind.INTERVIEW_CONFIRMATION),
        ("Einladung zum Vorstellungsgespräch", "Hallo Alex, wir bestätigen Ihr Vorstellungsgespräch am Donnerstag, "
         "3. Dezember um 14:00 Uhr.", Kind.INTERVIEW_CONFIRMATION),
        ("Confirmación de entrevista", "Hola Alex, tu entrevista está confirmada para el jueves 3 de diciembre a las "
         "16:00 (hora de Madrid).", Kind.INTERVIEW_CONFIRMATION),
        ("Next steps", "Would any of these times work for a 45-minute interview? Tue 12/8 at 1pm ET, "
         "Wed 12/9 at 3pm ET.", Kind.SCHEDULING_REQUEST),
        ("Your interview", "Please confirm whether Thursday, Dec 3 at 2pm ET works for your interview.",
         Kind.SCHEDULING_REQUEST),
        ("Vorstellungsgespräch", "Leider müssen wir das Vorstellungsgespräch am Donnerstag absagen. Wir melden uns "
         "mit einem neuen Termin.", Kind.CANCELLATION),
        ("Ihre Bewerbung", "Leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Kandidaten entschieden "
         "haben.", Kind.REJECTION),
        ("Absage unseres Gesprächstermins am Donnerstag", "Leider muss ich Ihnen mitteilen, dass wir das für "
         "Donnerstag, den 3.12.2026, um 15 Uhr geplante Gespräch absagen müssen. Ich bitte die kurzfristige Absage "
         "zu entschuldigen.", Kind.CANCELLATION),
        ("Absage", "Leider haben wir uns für eine andere Bewerberin entschieden. Wir wünschen Ihnen alles Gute.",
         Kind.REJECTION),
        ("Je sollicitatie", "Helaas moeten we je laten weten dat we gekozen hebben voor een kandidaat met meer "
         "ervaring.", Kind.REJECTION),
        ("Gesprek 3 december komt te vervallen", "Helaas moet ik u laten weten dat het sollicitatiegesprek van "
         "donderdag 3 december om 13.30 uur komt te vervallen.", Kind.CANCELLATION),
        ("Tu proceso", "Lamentablemente, esta vez decidimos continuar con otra persona para el puesto.",
         Kind.REJECTION),
        ("Din ansökan", "Tyvärr har vi valt att gå vidare med andra kandidater.", Kind.REJECTION),
        ("Twoja aplikacja", "Niestety zdecydowaliśmy się na innego kandydata.", Kind.REJECTION),
        ("La tua candidatura", "Purtroppo abbiamo deciso di proseguire con altri candidati.", Kind.REJECTION),
        ("Erbjudande om anställning", "Det är med glädje som jag lämnar ett erbjudande om anställning som "
         "HR-strateg.", Kind.OFFER),
        ("Avlyst: samtale fredag", "Jeg må dessverre avlyse samtalen vår fredag 4. desember kl. 10.00.",
         Kind.CANCELLATION),
        ("Colloquio", "Le confermiamo il colloquio di giovedì 3 dicembre alle ore 14:30.",
         Kind.INTERVIEW_CONFIRMATION),
        ("Gespräch entfällt", "Leider entfällt unser Gespräch vom Donnerstag, 3. Dezember, um 14.00 Uhr.",
         Kind.CANCELLATION),
        ("Annulation de votre entretien", "Nous sommes au regret de vous informer que l'entretien prévu le jeudi "
         "3 décembre à 10h00 (réf. WR-RH-2026-19) est annulé.", Kind.CANCELLATION),
        ("Je sollicitatie", "Na een zorgvuldige vergelijking hebben we besloten om niet verder te gaan met jouw "
         "kandidatuur.", Kind.REJECTION),
        ("Great news", "We're excited to offer you the position of Senior Data Engineer!", Kind.OFFER),
        ("Team sync", "Confirmed: team sync Thursday at 2pm ET in the big room.", Kind.OTHER),
        ("Dinner Thursday?", "Are we still on for dinner Thursday at 7pm? The reservation is confirmed.", Kind.OTHER),
        # the choice went to someone else, said without a stock phrase
        ("Rückmeldung", "Der Kunde hat sich entschieden, die Position mit einem Kandidaten mit stärkerem "
         "Software-Schwerpunkt zu besetzen.", Kind.REJECTION),
        ("Decisión final", "El banco me ha comunicado que finalmente se han decantado por la otra finalista.",
         Kind.REJECTION),
        ("Novedades en tu candidatura", "La empresa ha decidido continuar el proceso de selección con otros "
         "candidatos cuyo perfil se ajusta más al puesto.", Kind.REJECTION),
        ("Uw sollicitatie", "Na zorgvuldige vergelijking hebben wij besloten u niet uit te nodigen voor een gesprek.",
         Kind.REJECTION),
        ("Aanbod functie Adviseur Logistiek", "Met genoegen laat ik u weten dat wij u de functie van Adviseur Logistiek "
         "bij de gemeente willen aanbieden.", Kind.OFFER),
        ("Uitnodiging eerste gesprek", "Het gesprek voert u met Ruud Bakker en met mij. Zou u mij kunnen laten weten op "
         "welke momenten u in week 45 beschikbaar bent?", Kind.SCHEDULING_REQUEST),
        ("Tweede gesprek", "Hoi Femke,\nWe willen je graag uitnodigen voor een tweede gesprek op maandag 30 november "
         "van 15.00 tot 16.30 uur, bij ons op kantoor.", Kind.INTERVIEW_CONFIRMATION),
        ("Kennismakingsgesprek", "Wij kunnen u de volgende momenten aanbieden:\n- dinsdag 1 december, 14.00 uur\n"
         "- woensdag 2 december, 9.30 uur\nWilt u mij laten weten welk moment uw voorkeur heeft?", Kind.SCHEDULING_REQUEST),
        ("Kurzes Kennenlernen?", "Hast du Lust auf ein erstes Gespräch mit mir? Diese Woche könnte ich:\n– Mi, 2.12. "
         "zwischen 8 und 10 Uhr\n– Do, 3.12. ab 17 Uhr\nSag mir einfach, was dir passt, dann schicke ich dir eine "
         "Einladung.", Kind.SCHEDULING_REQUEST),
        ("Re: Head of FP&A – nächster Schritt", "Hi Alex,\nsuper, danke dir! Dann machen wir's so: nächsten Dienstag "
         "von 10 bis 12 Uhr bei uns im Büro. Die ersten 45 Minuten gehören deiner Case-Präsentation.\n\nBis Dienstag!",
         Kind.INTERVIEW_CONFIRMATION),
        ("Senior Product Designer – debrief de ton exercice", "Salut Alex,\nJe te propose qu'on en discute ensemble pendant une heure. Tu serais "
         "dispo quand ? De mon côté ça pourrait être mardi 1er décembre ou jeudi 3 décembre à partir de 14h.",
         Kind.SCHEDULING_REQUEST),
        ("Ton process", "Salut Alex,\nOn a pris notre décision pour le poste, et on a choisi de continuer avec un autre "
         "profil.", Kind.REJECTION),
        ("Vervolggesprek", "Hoi Alex,\nZou je me een paar momenten kunnen sturen die je volgende week passen? We hebben "
         "anderhalf uur nodig, bij voorkeur op ons kantoor.", Kind.SCHEDULING_REQUEST),
        ("Próxima etapa: entrevistas con el equipo", "Hola Alex,\n¿Me pasás dos o tres franjas de mañana para la semana "
         "que viene? Con eso coordino las agendas de los entrevistadores.", Kind.SCHEDULING_REQUEST),
        ("Actualización sobre su postulación", "Le informamos que hemos decidido continuar el proceso con otros "
         "postulantes cuyo perfil se ajusta más a la posición.", Kind.REJECTION),
        ("Re: Parallax follow-up", "Hey Alex,\nWanted to close the loop personally. We've decided to go a different "
         "direction for the founding role.", Kind.REJECTION),
        # rows of slots on different days are options, however the question is worded
        ("Einladung zum Kennenlernen", "Guten Tag Herr Morgan,\ngerne laden wir Sie zu einem Gespräch ein. Möglich wäre:\n"
         "- Mittwoch, 2.12., 10:00 Uhr\n- Donnerstag, 3.12., 14:00 Uhr\nGeben Sie uns kurz Bescheid.", Kind.SCHEDULING_REQUEST),
        # a car's service and a mortgage appointment are personal, whatever words follow
        ("Confirmation de votre rendez-vous – entretien du véhicule", "Nous vous confirmons votre rendez-vous pour "
         "l'entretien de votre véhicule : jeudi 3 décembre 2026, dépôt à 07h30.", Kind.OTHER),
        ("Bevestiging van uw afspraak: oriëntatiegesprek hypotheek", "Datum: donderdag 3 december 2026, 19.00 uur. "
         "Neem de arbeidsovereenkomst van uw nieuwe werkgever mee.", Kind.OTHER),
        ("FW: Tweede gesprek donderdag", "Hoi Alex,\nHieronder het bericht van Erik: Volta annuleert het tweede gesprek "
         "van donderdag 3 december om 15.00 uur.", Kind.CANCELLATION),
        ("Deuxième rencontre", "Chère Madame,\nMme Perrenoud m'a transmis vos disponibilités, je vous en remercie. Je vous "
         "attends donc jeudi 3 décembre à 8h30 à nos bureaux.", Kind.INTERVIEW_CONFIRMATION),
        ("Zweitgespräch am 08.12.", "Sehr geehrte Frau Morgan,\nunser Mandant hat das Zweitgespräch am 8.12. abgesagt. "
         "Frau Lang schreibt: 'Wie angekündigt, müssen wir das Gespräch mit Herrn Rademacher, Herrn Dr. Auer und mir am "
         "8.12. um 10:00 Uhr leider absagen.'", Kind.CANCELLATION),
        ("Actualización de tu postulación", "Ingeniería Raulí revisó tu postulación y decidió no avanzar con tu perfil "
         "en esta oportunidad.", Kind.REJECTION),
        ("Cancelación videoentrevista", "Estimado Alex:\nDebemos cancelar la videoentrevista agendada para el jueves 3 de "
         "diciembre a las 16:00 hrs.", Kind.CANCELLATION),
        ("ABSAGE heute 15:00 Uhr - AW: Kennenlernen", "Sehr geehrte Frau Morgan,\nHerr Hartl fällt heute krankheitsbedingt "
         "aus. Ihr Gespräch heute um 15:00 Uhr muss daher leider entfallen. Ich melde mich, sobald ich einen neuen Termin "
         "habe.", Kind.CANCELLATION),
        ("Einladung zum Hearing – Terminauswahl", "Sehr geehrte Frau Morgan,\nwir dürfen Sie zu einem Hearing vor der "
         "Kommission einladen. Bitte teilen Sie uns mit, welcher der beiden Tage für Sie in Frage kommt:\n- Dienstag, 1. "
         "Dezember 2026, vormittags\n- Donnerstag, 3. Dezember 2026, nachmittags", Kind.SCHEDULING_REQUEST),
        ("Actualización de tu solicitud", "Te informamos que la vacante a la que te postulaste fue cerrada y no continuaremos "
         "con el proceso de selección.", Kind.REJECTION),
        ("Plant Controller – kennismaking?", "Dag Alex,\nGraag plan ik eerst een kennismakingsgesprek met jou in. Wanneer "
         "zou het je passen? Ik heb nog ruimte op donderdag 3/12 in de namiddag en op vrijdag 4/12 tussen 9u en 12u.",
         Kind.SCHEDULING_REQUEST),
        ("Entrevue – Kevin Nguyen – Technicien à la paie", "Bonjour Alex,\nvoici l'invitation pour la première entrevue de "
         "candidat, jeudi 3 décembre à 10 h. J'ai mis son CV et la grille d'entrevue dans le dossier partagé. Je te "
         "laisse mener la partie comportementale.", Kind.OTHER),
        ("Re: Vraagje timing", "Dag Alex,\nOver je sollicitatie: ze beslissen ten laatste vrijdag 11 december. Ik stuur je de details door "
         "zodra er een aanbod op tafel ligt.", Kind.RECRUITER_REPLY),
        ("Uw resultaat voor de mondelinge proef", "Wij moeten u helaas meedelen dat u niet geslaagd bent voor de mondelinge "
         "proef.", Kind.REJECTION),
        ("Résultat – processus de qualification", "À la suite de l'entrevue du 19 novembre, nous vous informons que vous "
         "n'avez pas obtenu la note de passage fixée pour cette étape.", Kind.REJECTION),
        ("Telefonisch kennismakingsgesprek", "Ik zou graag een eerste telefonisch gesprek met u inplannen. Via "
         "onderstaande link kan u zelf een moment kiezen in mijn agenda: https://afspraken.example/anais", Kind.SCHEDULING_REQUEST),
    ],
)  # fmt: skip
def test_short_human_mail_in_several_languages(subject: str, body: str, kind: Kind) -> None:
    assert _facts(_short(subject, body)).kind is kind


def _mail(
    subject: str, body: str, sender: str = "Mia Chen <mia.chen@orbitworks.example>", extra: str = ""
) -> str:
    return (
        f"\nFrom: {sender}\nTo: alex.morgan@example.com\nSubject: {subject}\n"
        f"Date: Mon, 30 Nov 2026 09:00:00 -0800\nMessage-ID: <t@x.example>\n{extra}"
        f"Content-Type: text/plain; charset=utf-8\n\n{body}\n"
    )


@pytest.mark.parametrize(
    ("subject", "body", "sender", "extra", "kind"),
    [
        # a booking tool's own "Cancel:" link is no cancellation
        ("Confirmed: Intro Call with Mia Chen", "Your event has been scheduled.\nIntro call about the role.\n"
         "Thursday, December 3, 2026 10:00am - 10:30am (Pacific Time)\nCancel: https://book.example/c/1\n"
         "Reschedule: https://book.example/r/1", "Mia Chen <notifications@book.example>", "Auto-Submitted: auto-generated\n",
         Kind.INTERVIEW_CONFIRMATION),
        # "Candidate Home" and /candidate/ links do not make the owner an interviewer
        ("Interview Scheduled - Data Analyst", "We're pleased to confirm your interview.\nInterview Date: Friday, "
         "December 4, 2026\nInterview Time: 9:00 AM - 10:00 AM Pacific\nView it in your Candidate Home account: "
         "https://orbit.example/candidate/home", "Orbit Careers <orbit@myworkday.com>", "", Kind.INTERVIEW_CONFIRMATION),
        ("Interview scheduled: Chris Wu - Data Analyst", "You've been scheduled to interview Chris Wu.\nWhen: Friday, "
         "December 4, 2026 9:00 AM PST\nPlease submit your scorecard within a day.", "Orbit <no-reply@greenhouse.io>", "",
         Kind.OTHER),
        ("New Event: Sam Lee - Coffee chat", "A new event has been scheduled.\nInvitee: Sam Lee\nEvent Date/Time: "
         "09:00am, Friday, December 4, 2026 (Eastern Time)\nQuestions: tips for my interviews?",
         "Calendly <notifications@calendly.com>", "", Kind.OTHER),
        ("You're registered: Live Interview with a CTO", "Thanks for registering for our live session, an interview "
         "with the CTO of Acme. Thursday, December 10, 2026 | 10:00 AM PT. Join us!", "Events <events@conduit.example>",
         "", Kind.OTHER),
        ("Data Analyst - next step", "Hi Alex,\nOur hiring manager would like to speak with you. Would either of these "
         "work for a 30-minute call?\n- Tuesday, December 8 at 9:00 AM PT\n- Wednesday, December 9 at 1:00 PM PT",
         "Mia Chen <mia.chen@orbitworks.example>", "", Kind.SCHEDULING_REQUEST),
        ("Next step", "Hi Alex,\nI'd love a 45-minute chat with you myself about the Data Analyst role. Could you send "
         "me a few windows next week that suit you?", "Mia Chen <mia.chen@orbitworks.example>", "",
         Kind.SCHEDULING_REQUEST),
        ("Data Analyst - decision", "Hi Alex,\nI'm sorry to share that we've decided not to move forward with your "
         "candidacy for the Data Analyst role.", "Mia Chen <mia.chen@orbitworks.example>", "", Kind.REJECTION),
        ("Ihre Bewerbung", "Sehr geehrter Herr Morgan,\nleider müssen wir Ihnen mitteilen, dass wir uns für eine andere "
         "Kandidatin entschieden haben.", "Mia Chen <mia.chen@orbitworks.example>", "", Kind.REJECTION),
        ("Offer - Data Analyst", "Hi Alex,\nSo happy to put it in writing: we'd love for you to join Orbitworks as a Data "
         "Analyst! Your formal offer letter will follow.", "Mia Chen <mia.chen@orbitworks.example>", "", Kind.OFFER),
        # a future time that is not the owner's interview: the team's debrief
        ("Re: Data Analyst - timeline", "Hi Alex,\nThanks again for your time today. The hiring team meets on Thursday, "
         "December 3 at 3pm PT to review all interviews, and I'll have an update for you by Friday.",
         "Mia Chen <mia.chen@orbitworks.example>", "", Kind.RECRUITER_REPLY),
        ("Re: Data Analyst", "Hi Alex,\nThanks for the flexibility. Let's move our interview to Friday, December 4 at "
         "9:00 AM PT, same Zoom link.", "Mia Chen <mia.chen@orbitworks.example>", "", Kind.INTERVIEW_CONFIRMATION),
        ("RE: Merci pour l'entretien", "Bonjour Alex,\nNous rencontrons encore deux candidats pour le poste et nous "
         "reviendrons vers vous rapidement.", "Mia Chen <mia.chen@orbitworks.example>", "", Kind.RECRUITER_REPLY),
    ],
)  # fmt: skip
def test_phrase_families_and_formats(subject: str, body: str, sender: str, extra: str, kind: Kind) -> None:
    assert _facts(_mail(subject, body, sender, extra)).kind is kind


@pytest.mark.parametrize(
    ("subject", "body", "sender", "extra", "kind"),
    [
        # a friend on a domain of their own: the interview is mentioned, the slot is for drinks
        ("vrijdag?? + good luck!!", "Heyy!! Succes vanavond met de Orbit interview, 11pm is echt criminal btw\n\n"
         "Also: vrijdag borrel? Café de Ooievaar, 19:30, Tom & Lies komen ook.\n\nxx Sanne",
         "Sanne de Vries <sanne@postduif.example>", "", Kind.OTHER),
        ("Hows it going?", "Hey Alex! Any news from your interviews? Fingers crossed for you.\n\nxx Sanne",
         "Sanne de Vries <sanne@postduif.example>", "", Kind.OTHER),
        # a guest's answer to the owner's own invitation
        ("Accepted: Alex / Mia - intro chat @ Wed Dec 2, 2026 12pm - 12:30pm (PST)", "Mia Chen has accepted this "
         "invitation.\nIntro chat about the Data Analyst role.\nWednesday Dec 2, 2026 12pm - 12:30pm",
         "Mia Chen <mia.chen@orbitworks.example>", "", Kind.OTHER),
        # an ATS acknowledgement whose Reply-To is a relay's per-candidate token, not a person
        ("Thanks for applying to Orbitworks", "Hi Alex,\nThanks for applying for the Data Analyst position! We've "
         "received your application and will be in touch to schedule an interview if it is a match.",
         "Orbitworks <noreply@candidates.workablemail.com>",
         "Reply-To: Orbitworks <orbitworks-9a71c2@candidates.workablemail.com>\n", Kind.OTHER),
        # a founder's terse reply: the job is in the subject, the meeting is a Meet link
        ("Re: Founding backend engineer @ Orbitworks", "tomorrow at 16:00 works great. I'll drop a Meet link here in "
         "the morning.\n\nIt'll be me + my cofounder.\n\nSee you then!\nMia", "Mia Chen <mia@orbitworks.example>",
         "In-Reply-To: <a@example.com>\n", Kind.INTERVIEW_CONFIRMATION),
        # a recruiter's own booking link in a first message
        ("Orbitworks <> Alex - Data Analyst", "Hi Alex,\nWe're hiring a Data Analyst and I'd love to tell you more. "
         "Grab any 30-minute slot on my calendar: https://calendly.com/mia-orbit/intro-30\n\nCheers,\nMia",
         "Mia Chen <mia.chen@orbitworks.example>", "", Kind.SCHEDULING_REQUEST),
        ("Your application to Orbitworks", "Hi Alex,\nAfter a lot of discussion we've decided to pursue candidates "
         "whose experience lines up more directly with our product work, so we won't be moving your application "
         "forward.", "Orbitworks <notifications@app.bamboohr.com>", "", Kind.REJECTION),
        ("Solicitud - Data Analyst", "Hola Alex,\nme gustaría tener una primera llamada contigo para contarte más "
         "sobre el equipo. ¿Qué disponibilidad tienes esta semana?", "Mia Chen <mia.chen@orbitworks.example>", "",
         Kind.SCHEDULING_REQUEST),
        # the employer's own name holds an event word
        ("Re: Interview - Data Analyst", "Hi Alex,\nI've moved our interview from Tuesday to Friday, December 4 at "
         "9:30am Mountain (10:30 your time). Same Meet link.\n\nCaleb\nVP Data, Summit Ridge Energy",
         "Caleb Norris <cnorris@summitridgeenergy.example>", "In-Reply-To: <a@example.com>\n",
         Kind.INTERVIEW_CONFIRMATION),
        # the old slot named, new windows asked for: nothing is fixed
        ("Need to reschedule: Orbitworks interview on Thursday", "Hi Alex,\nHelen, who was going to lead your "
         "interview this Thursday (Dec 3, 10:00-11:00 AM PT), is out, so we need to move it. Could you send me 3-4 "
         "windows that work for you next week? The team is looking forward to speaking with you.\n\nMia, Orbitworks",
         "Mia Chen <mia.chen@orbitworks.example>", "", Kind.SCHEDULING_REQUEST),
        ("References - Orbitworks", "Hi Alex,\nCould you send me two references for the Data Analyst role? Each gets "
         "a short questionnaire; it takes about 10 minutes.\n\nMia", "Mia Chen <mia.chen@orbitworks.example>", "",
         Kind.RECRUITER_REPLY),
        ("call thursday?", "hey!! how did the interviews go last week??\n\ncan I call you thursday at 7pm? I'm "
         "driving back so I'll have an hour\n\nc", "Chidi <chidi@pigeonpost.example>", "", Kind.OTHER),
        ("Invitation: Mock system design interview - Alex / Priyanka @ Sat Dec 5, 2026 10am - 11am (CST)",
         "Mock system design interview\nSaturday Dec 5, 2026 10am - 11am\nBooked via MentorLoop.",
         "Priyanka Rao <priyanka@raobuilds.example>", "", Kind.OTHER),
        ("Re: Analytics Engineering Manager - next conversation", "Tuesday 12/8 at 11 works. Let's plan on 30 min, "
         "I'll send a Webex link tomorrow. Talk then!\n\nRob", "Rob Tanaka <rob@copperline.example>",
         "In-Reply-To: <b@example.com>\n", Kind.INTERVIEW_CONFIRMATION),
        # a pre-employment check is an appointment, not an interview
        ("Your drug screen appointment is scheduled - City of Orbit", "City of Orbit has requested that you complete a "
         "drug screen as part of your pre-employment screening.\nPosition: Procurement Specialist\n\nYOUR APPOINTMENT\n"
         "Friday, December 4, 2026 at 8:15 AM (Central)\nCall 1-800-555-0143 to reschedule.",
         "HireRight <noreply@hireright.example>", "Auto-Submitted: auto-generated\n", Kind.OTHER),
        # a booking tool naming the owner as its invitee: the owner is the candidate
        ("Confirmed: Intro call - Orbitworks (Data Analyst) with Mia Chen on Wednesday, December 2, 2026",
         "Your event has been scheduled.\nEvent Type:\nIntro call - Orbitworks (Data Analyst)\nEvent Date/Time:\n"
         "10:30am - 11:00am (Mountain Time - US & Canada) on Wednesday, December 2, 2026\nInvitee Email:\n"
         "alex.morgan@example.com", "Calendly <notifications@calendly.com>", "", Kind.INTERVIEW_CONFIRMATION),
        ("Re: Orbitworks - next steps?", "Hey Alex,\nFinally got an answer: they're going to move forward with another "
         "candidate for the Data Analyst role.\n\nBrent, Summit Talent", "Brent <brent@summittalent.example>",
         "In-Reply-To: <c@example.com>\n", Kind.REJECTION),
        ("Orbitworks Superday - update", "Hi Alex,\nI'm sorry to share that we won't be extending an offer for the "
         "Data Analyst role this year.\n\nKayla, Orbitworks", "Kayla <kayla@orbitworks.example>", "", Kind.REJECTION),
        # a test sent by a system is no interview; the same step written by a person is about the application
        ("Orbitworks: complete your online assessment", "Hi Alex,\nYou've been invited to complete the online "
         "assessment for the Data Analyst role on HackerRank. The link expires on Friday, December 4 at 11:59 PM CT.",
         "Orbitworks via HackerRank <assessments@hackerrank.example>", "", Kind.OTHER),
        ("Orbitworks: complete your online assessment", "Hi Alex,\nAs discussed, please complete the online "
         "assessment for the Data Analyst role by Friday. Happy to answer questions.\n\nMia, Orbitworks",
         "Mia Chen <mia.chen@orbitworks.example>", "", Kind.RECRUITER_REPLY),
        ("Orbitworks invites you to a video interview", "Hi Alex,\nOrbitworks invites you to a one-way video "
         "interview for the Data Analyst role. Record your answers any time before Tuesday, December 1 at 11:59 PM CT.",
         "Orbitworks via HireVue <noreply@hirevue.example>", "", Kind.SCHEDULING_REQUEST),
        ("Next step: Orbitworks assessment centre - please choose your date", "Dear Alex,\nWe're delighted to invite "
         "you to the final stage. Please choose ONE of the following sessions:\n\n  Session A - Friday 4 December 2026"
         "\n  Session B - Friday 11 December 2026\n\nBoth run from 9:00 AM to 3:30 PM Central, with an interview.",
         "Early Careers <mia.chen@orbitworks.example>", "", Kind.SCHEDULING_REQUEST),
        ("Re: Orbitworks - technical interview", "Hi Alex,\nThanks for sending your availability. Let's lock in next Mon "
         "morning, 10am. Block an hour.\n\nI'll run this one myself.\nOwen", "Owen <owen@orbitworks.example>",
         "In-Reply-To: <d@example.com>\n", Kind.INTERVIEW_CONFIRMATION),
        ("Re: Product Designer - quick chat?", "Brilliant, Friday 4th at 2:30 it is. Invite on its way.\n\nTom",
         "Tom <tom@orbitworks.example>", "In-Reply-To: <e@example.com>\n", Kind.INTERVIEW_CONFIRMATION),
        ("Re: Interview - Data Analyst", "Great - moved. Consider it done: Friday Dec 4, 3:00-3:45pm ET.\n\nRavi",
         "Ravi <ravi@orbitworks.example>", "In-Reply-To: <f@example.com>\n", Kind.INTERVIEW_CONFIRMATION),
        ("your application :)", "hey Alex,\nwould be great to have a chat about the Designer role. does thurs 2ish work? "
         "just a chat w me, 30 mins.\n\nrhys, Orbitworks", "Rhys <rhys@orbitworks.example>", "", Kind.SCHEDULING_REQUEST),
        ("UX research study - take part and get a £20 voucher", "Hi Alex,\nWe're looking for research participants to "
         "take part in a 30-minute user interview about budgeting apps. Slots on Thursday, December 3 at 2pm.",
         "Fieldnotes <chloe@fieldnotes.example>", "", Kind.OTHER),
        ("Orbitworks - references", "Dear Alex,\nThe panel would like to take your application forward to the reference "
         "stage. Please note this is not an offer of employment.\n\nHelen, Orbitworks",
         "Helen <helen@orbitworks.example>", "", Kind.RECRUITER_REPLY),
        ("An update on your Designer application", "Hi Alex,\nUnfortunately you have not been selected to progress to "
         "the next stage this time.", "Orbitworks via Applied <noreply@applied.example>", "", Kind.REJECTION),
        ("Re: Strategic Account Manager - catch up Monday", "Hi Alex - really sorry, going to have to pull the pin on "
         "our 9:30 tmrw. Board's just frozen hiring on the role.\n\nLachie", "Lachie <lachie@orbitworks.example>",
         "In-Reply-To: <g@example.com>\n", Kind.CANCELLATION),
        ("Cancelling Thursday's interview - Data Analyst", "Hi Alex,\nWe need to cancel your interview on Thursday, "
         "Dec 3 at 4:00pm ET. I'll reach out to find a new time once things settle.\n\nMegan, Orbitworks",
         "Megan <megan@orbitworks.example>", "", Kind.CANCELLATION),
        ("Virtual Hiring Drive on 05-Dec-2026 - Data Analyst - Slot confirmation required", "Dear Candidate,\nPlease "
         "revert with your preferred slot for the interview rounds:\n\nSlot A: 10:00 AM - 12:00 PM IST\n\nSlot B: "
         "02:00 PM - 04:00 PM IST", "HR Team <hr@orbitworks.example>", "", Kind.SCHEDULING_REQUEST),
        ("Re: Candidatura Brand Manager - Orbitworks", "¡Genial, Alex!\n\nPues quedamos el jueves a las 16:30. Te llamo "
         "yo al móvil.\n\nNuria", "Nuria <nuria@orbitworks.example>", "In-Reply-To: <h@example.com>\n",
         Kind.INTERVIEW_CONFIRMATION),
        ("Marketing Manager - ¿hablamos?", "Hola Alex:\nMe gustaría tener una primera conversación contigo. ¿Te viene "
         "bien el martes 1 o el miércoles 2 por la mañana?\n\nElena, Orbitworks", "Elena <elena@orbitworks.example>", "",
         Kind.SCHEDULING_REQUEST),
        ("Actualización sobre tu candidatura", "Hola Alex,\nHemos decidido continuar con otras personas cuyo perfil se "
         "ajusta más a lo que buscamos.", "Orbitworks <noreply@factorial.example>", "", Kind.REJECTION),
        ("Re: Clinical Informatics Nurse shadow shift", "Hi Alex - you're all set for the shadow shift Thurs 12/3, "
         "7a-11a. Meet me at the 3 North nurses station.\n\nTamika", "Tamika <trowe@orbitworks.example>",
         "In-Reply-To: <i@example.com>\n", Kind.INTERVIEW_CONFIRMATION),
    ],
)  # fmt: skip
def test_structural_signals_over_wording(
    subject: str, body: str, sender: str, extra: str, kind: Kind
) -> None:
    """Signals beyond any phrase list: who the sender is, what thread this answers, where the slot sits."""
    assert _facts(_mail(subject, body, sender, extra)).kind is kind


@pytest.mark.parametrize(
    ("subject", "body", "sender", "kind"),
    [
        # the owner referred someone: the interview is theirs
        ("Referral update", "Hi Alex,\nThanks for referring Omar! Your referral has been scheduled for a technical "
         "interview on Tuesday, December 8 at 10:00 AM PT.", "Orbit Referrals <no-reply@greenhouse.io>", Kind.OTHER),
        # an acknowledgement that promises scheduling later asks for nothing now
        ("Thanks for applying to Orbitworks", "Dear Alex,\nWe have received your application for the Data Analyst "
         "position. If your profile fits, a recruiter will get in touch to schedule an interview.",
         "Orbitworks Careers <careers@orbitworks.example>", Kind.OTHER),
        # a confirmation promised for later, windows asked for now
        ("Orbitworks - your availability", "Hi Alex,\nGood to talk on Monday.\n\nPlease pick every window that works "
         "between 9:00 AM and 5:00 PM ET over the next week for the technical interview; we will send you a confirmed "
         "time once the panel is matched.\nhttps://ats.example/availability/abc", "Mia Chen <mia.chen@orbitworks.example>",
         Kind.SCHEDULING_REQUEST),
        # a reschedule that calls the old slot cancelled fixes the new one
        ("Your onsite has moved", "Hi Alex,\nHeads up: your onsite interview has been moved.\nNew slot: Thursday, "
         "December 10, 11:00 AM - 12:00 PM PT\nOld slot (cancelled): Wednesday, December 9, 11:00 AM PT",
         "Orbitworks <no-reply@ashbyhq.com>", Kind.INTERVIEW_CONFIRMATION),
        # a friend on free mail who mentions the interview is not the employer
        ("drinks?", "drinks friday? 7pm at the usual place. good luck with your interview!", "Sam <sam.r@gmail.com>",
         Kind.OTHER),
        # a person lays the slot out on its own line, with no "confirmed" anywhere
        ("Data Analyst - next step", "Hi Alex,\nGreat talking earlier. Next is the second round with our lead:\n\n"
         "  Wednesday 9 December, 10:00-11:00 PT\n  Video, link in the invite\n\nBest, Mia",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.INTERVIEW_CONFIRMATION),
        ("Data Analyst", "Hi Alex,\nwe've offered the position to another applicant whose experience was closer to our "
         "needs.", "Mia Chen <mia.chen@orbitworks.example>", Kind.REJECTION),
        ("Votre candidature", "Bonjour Alex,\nAprès réflexion, nous ne pouvons pas donner suite à votre candidature.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.REJECTION),
        ("Tu candidatura", "Hola Alex:\nTras las entrevistas hemos decidido seguir con otros candidatos.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.REJECTION),
        ("Je sollicitatie", "Beste Alex,\nHelaas hebben we besloten niet verder te gaan met je sollicitatie.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.REJECTION),
        ("A sua candidatura", "Olá Alex,\nInfelizmente não vamos avançar com a sua candidatura.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.REJECTION),
        ("Propuesta", "Hola Alex:\n¡Enhorabuena! Nos complace ofrecerte el puesto de Analista de Datos.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.OFFER),
        ("Notre proposition", "Bonjour Alex,\nNous sommes ravis de vous proposer le poste de Data Analyst.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.OFFER),
        ("Ihre Bewerbung", "Hallo Herr Morgan,\nwann hätten Sie Zeit für ein erstes Videointerview? Nennen Sie uns gern "
         "zwei Zeitfenster.", "Orbitworks Recruiting <recruiting@orbitworks.example>", Kind.SCHEDULING_REQUEST),
    ],
)  # fmt: skip
def test_rule_classes_beyond_one_wording(subject: str, body: str, sender: str, kind: Kind) -> None:
    assert _facts(_mail(subject, body, sender)).kind is kind


CALENDAR_CANCEL_ROLE_IN_TITLE = """
From: Mia Chen <mia.chen@orbitworks.example>
To: alex.morgan@example.com
Subject: Cancelled event: Orbitworks - Alex Morgan (Data Analyst) @ Thu 10 Dec 2026 2pm - 3pm (PST)
Date: Mon, 7 Dec 2026 09:00:00 -0800
Message-ID: <cancel-role@orbitworks.example>
MIME-Version: 1.0
Content-Type: text/calendar; charset=utf-8; method=CANCEL

BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
METHOD:CANCEL
BEGIN:VEVENT
UID:role-in-title@orbitworks.example
DTSTART:20261210T220000Z
DTEND:20261210T230000Z
SUMMARY:Orbitworks - Alex Morgan (Data Analyst)
ORGANIZER;CN=Mia Chen:mailto:mia.chen@orbitworks.example
ATTENDEE;CN=Mia Chen;ROLE=REQ-PARTICIPANT:mailto:mia.chen@orbitworks.example
ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:alex.morgan@example.com
STATUS:CANCELLED
END:VEVENT
END:VCALENDAR
"""


def test_a_calendar_cancellation_that_names_the_role_is_an_interview_cancelled() -> None:
    facts = _facts(CALENDAR_CANCEL_ROLE_IN_TITLE)
    assert (facts.kind, facts.role) == (Kind.CANCELLATION, "Data Analyst")


UPDATED_INVITATION_AFTER_A_CANCELLED_ONE = """
From: Orbitworks Interview Scheduling <interviews@orbitworks.example>
To: alex.morgan@example.com
Subject: Updated: Orbitworks Virtual Onsite (Day 2) - Alex Morgan - Data Analyst
Date: Mon, 7 Dec 2026 09:00:00 -0800
Message-ID: <updated-day2@orbitworks.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

Dear Alex,
Day 2 of your virtual onsite for the Data Analyst position with our Payments Platform team has been
rescheduled. The previous calendar invitation for Thursday, December 10 has been cancelled and
replaced by the one attached.
UPDATED SCHEDULE - Monday, December 14, 2026 (Pacific Time)
10:00 AM - 10:45 AM   SQL and modelling
--b
Content-Type: text/calendar; charset=utf-8; method=REQUEST

BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
METHOD:REQUEST
BEGIN:VEVENT
UID:day2@orbitworks.example
DTSTART:20261214T180000Z
DTEND:20261214T184500Z
SUMMARY:Orbitworks Virtual Onsite - SQL and modelling (Alex Morgan)
ORGANIZER;CN=Scheduling:mailto:interviews@orbitworks.example
ATTENDEE;CN=Jo Park;ROLE=REQ-PARTICIPANT:mailto:jo.park@orbitworks.example
ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:alex.morgan@example.com
END:VEVENT
END:VCALENDAR
--b--
"""


def test_a_live_invitation_that_says_the_old_one_was_cancelled_is_the_new_slot() -> None:
    facts = _facts(UPDATED_INVITATION_AFTER_A_CANCELLED_ONE)
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert facts.interview is not None
    assert facts.interview.start.day == 14


@pytest.mark.parametrize(
    ("subject", "body", "sender", "kind"),
    [
        # Dutch and Portuguese confirmations, cancellations in Spanish and Dutch
        ("Uitnodiging gesprek", "Hoi Alex,\nHierbij bevestig ik ons gesprek op vrijdag 4 december om 10:00 uur.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.INTERVIEW_CONFIRMATION),
        ("Entrevista", "Olá Alex,\nA sua entrevista está agendada para sexta-feira, 4 de dezembro às 10h.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.INTERVIEW_CONFIRMATION),
        ("Entrevista", "Hola Alex:\nLamentamos comunicarte que tenemos que cancelar la entrevista del viernes 4 de "
         "diciembre a las 10:00.", "Mia Chen <mia.chen@orbitworks.example>", Kind.CANCELLATION),
        ("Ons gesprek", "Hoi Alex,\nHelaas moet ik ons gesprek van vrijdag afzeggen; de vacature is geannuleerd.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.CANCELLATION),
        # phone shorthand from a founder
        ("Re: Data Analyst role at Orbitworks", "sure - lets do tmrw 9am PT, heres my zoom https://zoom.example/j/1\n\nSent from my iPhone",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.INTERVIEW_CONFIRMATION),
        # a hiring manager offering slots for a walkthrough
        ("Data Analyst - next step", "Hi Alex,\nNext would be a walkthrough of your exercise with me. Do any of these "
         "work?\n- Tue 12/8, 1-2pm PT\n- Wed 12/9, 3-4pm PT", "Mia Chen <mia.chen@orbitworks.example>",
         Kind.SCHEDULING_REQUEST),
        # an ATS itinerary with no "confirmed"
        ("Your onsite schedule", "Hi Alex,\nBelow is your schedule for Friday, December 4, 2026 (Pacific Time).\n"
         "10:00 AM - 10:45 AM | Jo Park\n10:45 AM - 11:30 AM | Lee Ray", "Orbit <no-reply@hire.lever.co>",
         Kind.INTERVIEW_CONFIRMATION),
        # a move stated in the present tense
        ("Re: case review", "Hi Alex,\nWe're moving your case review to Thursday, December 3 at 1pm PT.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.INTERVIEW_CONFIRMATION),
        # a German self-scheduling link
        ("Terminauswahl", "Guten Tag,\nbitte wählen Sie über den Link einen passenden Termin für das Kennenlerngespräch "
         "aus: https://ats.example/s/1", "Orbit <no-reply@ats.example>", Kind.SCHEDULING_REQUEST),
        # not taken to the next round
        ("Your application", "Dear Alex,\nAfter review we won't be moving you on to the next round of interviews.",
         "Orbit <orbit@myworkday.com>", Kind.REJECTION),
        # interviews that are not job interviews, and a survey about one
        ("Appointment confirmation", "Appointment Type: Visa Interview\nDate: 4 December 2026\nTime: 09:00\nBring your "
         "passport to the consulate.", "Appointments <noreply@appointments.example>", Kind.OTHER),
        ("Interview request", "Hi Alex,\nI'm a reporter at The Daily Byte writing a story about open-source tooling. "
         "Could we do a 20-minute interview Thursday at 2pm PT?", "Mia Chen <mia@dailybyte.example>", Kind.OTHER),
        ("How did your interview go?", "Hi Alex,\nThanks for interviewing with Orbitworks. The survey takes 3 minutes "
         "and is anonymous: https://survey.example/x", "Orbitworks Candidate Experience <survey@survey.example>",
         Kind.OTHER),
        # a questionnaire sent to references does not make a reference request a survey
        ("References", "Hi Alex,\nCould you send two references for the Data Analyst role? Our partner will send them "
         "a short questionnaire.", "Mia Chen <mia.chen@orbitworks.example>", Kind.RECRUITER_REPLY),
        # a reschedule that also says the old slot is off, in German and French
        ("AW: Terminverschiebung – Vorstellungsgespräch", "Sehr geehrter Herr Morgan,\nkein Problem, ich kann Ihnen gleich einen neuen Termin "
         "fest zusagen: Freitag, 04.12.2026, 09:30 Uhr.\nDer ursprüngliche Termin am Donnerstag, 03.12.2026 entfällt damit.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.INTERVIEW_CONFIRMATION),
        ("RE: Entretien", "Bonjour Alex,\nJe vous confirme le report de notre entretien au vendredi 4 décembre à 11h00. "
         "L'invitation de jeudi est annulée.", "Mia Chen <mia.chen@orbitworks.example>", Kind.INTERVIEW_CONFIRMATION),
        # the slot called off, a new one still to be agreed
        ("Vorstellungsgespräch", "Sehr geehrter Herr Morgan,\nleider müssen wir das Gespräch am Donnerstag, 03.12.2026 "
         "absagen. Wir melden uns, um einen neuen Termin zu vereinbaren.", "Mia Chen <mia.chen@orbitworks.example>",
         Kind.CANCELLATION),
        ("Entrevista de mañana – tenemos que cancelarla", "Hola Alex,\nTenemos que cancelar la entrevista de mañana a "
         "las 12:00. La prioridad es cerrar contigo una nueva fecha; te escribo con un par de opciones.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.CANCELLATION),
        # an automated acknowledgement in Austrian German
        ("Eingangsbestätigung – Projektleiter E-Government", "Sehr geehrte Frau Morgan,\nvielen Dank für Ihre Bewerbung. "
         "Ihre Bewerbungsunterlagen sind vollständig bei uns eingelangt.", "AVD <noreply@successfactors.example>", Kind.OTHER),
        # a booking page's "reschedule or cancel here" is an option, not news
        ("Entrevista confirmada", "Hola Alex,\nTu entrevista ha quedado reservada.\nFecha: viernes, 4 de diciembre de 2026"
         "\nHora: 12:00 – 12:45\n¿Necesitas cambiar la hora? Puedes reprogramar o cancelar aquí: https://orbit.example/m",
         "Orbit <no-reply@teamtailor.com>", Kind.INTERVIEW_CONFIRMATION),
        # a French webinar with "entretien" in its title, and the owner sitting on an admissions jury
        ("Inscription confirmée – Webinaire « Entretien d'embauche »", "Bonjour Alex,\nVotre inscription est "
         "confirmée !\nJeudi 3 décembre 2026, de 12h30 à 13h30 (heure de Paris)\nÀ jeudi !",
         "AFPAR <evenements@afpar.example>", Kind.OTHER),
        ("Jury entretiens d'admission M2", "Bonjour à toutes et à tous,\nMerci d'avoir accepté de siéger au jury. "
         "Jeudi 3 décembre 2026, 09:00 – 12:30.\nPlanning des candidats :\n09h00 Lucas Benoît\n09h30 Chloé Martin",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.OTHER),
    ],
)  # fmt: skip
def test_rule_classes_across_languages_and_senders(subject: str, body: str, sender: str, kind: Kind) -> None:
    assert _facts(_mail(subject, body, sender)).kind is kind


PANEL_INVITE_OWNER_NOT_FIRST = """
From: Mia Chen <mia.chen@orbitworks.example>
To: Jo Park <jo.park@orbitworks.example>, Alex Morgan <alex.morgan@example.com>
Subject: Interview: Alex Morgan - Data Analyst
Date: Mon, 30 Nov 2026 09:00:00 -0800
Message-ID: <panel-owner@orbitworks.example>
Content-Type: text/plain; charset=utf-8

Hi Jo and Alex,

This invitation is for Alex Morgan's interview for the Data Analyst role on Thursday, December 3, 1:00-2:00 PM PT.
Jo, the feedback form is in the ATS as usual.
"""


def test_an_invitation_naming_the_owner_as_candidate_is_theirs_despite_feedback_forms() -> None:
    facts = _facts(PANEL_INVITE_OWNER_NOT_FIRST)
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert facts.interview is not None
    assert facts.interview.start.hour == 13


@pytest.mark.parametrize(
    ("subject", "body", "sender", "kind"),
    [
        # options given as half-days or mornings, with no clock time to count as slots
        ("AW: Zweite Runde", "Liebe Frau Morgan\nKönnten Sie mir sagen, welcher der folgenden Halbtage für Sie "
         "möglich wäre?\n- Montag, 7. Dezember, Nachmittag\n- Mittwoch, 9. Dezember, Vormittag\nFreundliche Grüsse\nMia Chen",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.SCHEDULING_REQUEST),
        ("Siguiente paso", "Hola Alex:\nPasas a la entrevista final con nuestro director. ¿Qué mañanas tienes libres "
         "la semana del 7 de diciembre?", "Mia Chen <mia.chen@orbitworks.example>", Kind.SCHEDULING_REQUEST),
        # a job board's status change, and an offer that went to a named kind of candidate
        ("Orbitworks ha actualizado tu candidatura", "Hola Alex,\nEstado: Descartado\nLa empresa ha decidido no "
         "continuar contigo en este proceso.", "Portal <noreply@jobs.example>", Kind.REJECTION),
        ("Re: Following up", "Hi Alex,\nThanks for the nudge. We've offered the Analyst position to a candidate whose "
         "background is closer to our municipal work, and she has accepted.", "Mia Chen <mia.chen@orbitworks.example>",
         Kind.REJECTION),
        # "niet doorgaan" calls a meeting off; "omgezet naar" moves it
        ("Gesprek dinsdag", "Beste Alex,\nVanwege ziekte kan het gesprek van dinsdag 8 december om 14:00 helaas niet "
         "doorgaan. We nemen contact op voor een nieuwe afspraak.", "Mia Chen <mia.chen@orbitworks.example>",
         Kind.CANCELLATION),
        ("Re: Tweede gesprek", "Hoi Alex,\nIk heb het tweede gesprek omgezet naar vrijdag 4 december, van 15.00 tot "
         "16.00 uur. De locatie blijft hetzelfde.", "Mia Chen <mia.chen@orbitworks.example>",
         Kind.INTERVIEW_CONFIRMATION),
        # the Irish "see you tomorrow at 10.30 so"
        ("RE: Product Owner - informal chat?", "Hi Alex,\nPerfect - see you tomorrow at 10.30 so. Ask for me at "
         "reception.", "Mia Chen <mia.chen@orbitworks.example>", Kind.INTERVIEW_CONFIRMATION),
        # after the offer is accepted, HR's next steps are still about the application
        ("Next steps", "Hi Alex,\nWelcome! Please book the drug screen this week so we can hold your January 11 start "
         "date.\n\nMia Chen\nHR Coordinator, Orbitworks", "Mia Chen <mia.chen@orbitworks.example>", Kind.RECRUITER_REPLY),
        # an acknowledgement stamped with the moment it was sent, and a panel promised to some
        ("Thank you for applying: Civil Engineer II", "Dear Alex,\nYour application for Civil Engineer II was "
         "submitted on 11/30/2026 at 9:00 AM.\nThe most qualified candidates will be invited to a panel interview.",
         "Orbit County <noreply@governmentjobs.com>", Kind.OTHER),
        # a journalist's request, in French
        ("Demande d'interview", "Bonjour Madame Morgan,\nJe suis journaliste à Radio Meuse et je prépare un sujet sur "
         "le plan de mobilité. Seriez-vous disponible pour une courte interview le jeudi 3 décembre vers 8h15 ?",
         "Aline Stassart <aline@radiomeuse.example>", Kind.OTHER),
        # a public service's oral called off, and a status reply about its procedure
        ("Annulation de l'épreuve orale du 8 décembre", "Madame,\nNous sommes au regret de vous informer que l'épreuve "
         "orale du mardi 8 décembre 2026 à 14h00 est annulée.", "CPAS <secretariat@cpas-orbit.example>",
         Kind.CANCELLATION),
        ("Re: Procédure AWMD-2026-05", "Madame Morgan,\nLe jury a terminé les épreuves et finalise son procès-verbal. "
         "Nous reviendrons vers vous au plus tard le vendredi 11 décembre.\n\nLaura Pirard\nConseillère RH, Orbitworks",
         "Laura Pirard <laura.pirard@orbitworks.example>", Kind.RECRUITER_REPLY),
        # the writer's own call, fixed in Spanish; a slot noted down in Swiss German at the office
        ("Llamada telefónica – Revenue Manager", "Hola Alex:\nTe llamo el jueves 3 de diciembre a las 09:00 al número "
         "de tu CV. Serán unos 30 minutos.", "Mia Chen <mia.chen@orbitworks.example>", Kind.INTERVIEW_CONFIRMATION),
        ("AW: Bewerbung QA Lead - nächster Schritt", "Hoi Alex\nDann halten wir das so fest:\n\nMittwoch, 2. Dezember, "
         "10 Uhr, bei uns in Allschwil.\n\nLiebe Grüsse\nMia", "Mia Chen <mia.chen@orbitworks.example>",
         Kind.INTERVIEW_CONFIRMATION),
        ("Altmatt: wann hättest du Zeit?", "Hoi Alex\nDas erste Gespräch wäre vor Ort. Kannst du mir zwei, drei mögliche "
         "Slots in der Woche vom 7. Dezember schicken?", "Mia Chen <mia.chen@orbitworks.example>",
         Kind.SCHEDULING_REQUEST),
        # the role given to someone else, in German and English; an anonymous platform's "haven't been selected"
        ("Re: Danke für das Gespräch", "Hi Alex,\nWir haben uns entschieden, die Rolle als Ops Manager mit jemandem zu "
         "besetzen, der mehr Erfahrung mitbringt.", "Mia Chen <mia.chen@orbitworks.example>", Kind.REJECTION),
        ("Re: Following up", "Hi Alex,\nIn the end we decided to fill the role with someone who has run a warehouse "
         "before.", "Mia Chen <mia.chen@orbitworks.example>", Kind.REJECTION),
        ("Update on your application", "Hi Alex,\nUnfortunately, on this occasion you haven't been selected to progress "
         "to the next stage.", "Orbitworks via Applied <noreply@beapplied.com>", Kind.REJECTION),
        # the next step promised after a thank-you note
        ("Re: Merci pour l'échange de lundi", "Salut Alex,\nOn fait le point mercredi et je reviens vers toi au plus tard "
         "jeudi 10 décembre pour te dire si on passe à l'étape suivante.", "Mia Chen <mia.chen@orbitworks.example>",
         Kind.RECRUITER_REPLY),
        # two days offered in one sentence ask for a choice, in Dutch and English
        ("Eerste gesprek", "Dag Alex,\nZou je volgende week tijd hebben voor een eerste gesprek met mij? Ik kan dinsdag "
         "1/12 in de namiddag (vanaf 13u) of woensdag 2/12 tussen 9u en 12u.", "Mia Chen <mia.chen@orbitworks.example>", Kind.SCHEDULING_REQUEST),
        ("Intro call", "Hi Alex,\nI'd like a first call with you next week: I can do Tuesday 12/1 at 1pm or Wednesday "
         "12/2 at 9am.", "Mia Chen <mia.chen@orbitworks.example>", Kind.SCHEDULING_REQUEST),
        # an internal candidate chosen, in Flemish
        ("Polderchem - update", "Hoi Alex,\nIk heb helaas minder goed nieuws: ze hebben voor de functie gekozen voor een "
         "interne kandidaat.", "Mia Chen <mia.chen@orbitworks.example>", Kind.REJECTION),
        # a public employer's offer, an ATS's offer notice, a German and a Catalan-Spanish no
        ("Ihre Bewerbung - Einstellungszusage", "Sehr geehrter Herr Morgan,\nvorbehaltlich der Zustimmung des "
         "Personalrats bieten wir Ihnen eine unbefristete Einstellung in Vollzeit an.",
         "Kerstin Albers <k.albers@behoerde.example>", Kind.OFFER),
        ("Your offer from Orbitworks is ready", "Hi Alex,\nCongratulations! Orbitworks is pleased to extend you an "
         "offer for the position of Analyst II. Sign in to review it.", "Orbitworks <orbitworks@myworkday.com>",
         Kind.OFFER),
        ("AW: Vielen Dank für das Gespräch", "Moin Herr Morgan,\nauch uns hat das Gespräch am Montag Spaß gemacht. Wir "
         "haben uns nach langer Überlegung für einen Bewerber entschieden, der bereits zwei Jahre Erfahrung hat.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.REJECTION),
        ("Sobre la posició de UX Writer", "Hola Alex!\nTe lo digo sin rodeos: al final no vamos a seguir contigo para "
         "la posición de UX Writer.", "Mia Chen <mia.chen@orbitworks.example>", Kind.REJECTION),
        # a recruiting team's mailbox writing in the first person
        ("Orbit 26/114 Software Test Analyst - shortlisting update", "Dear Alex\nThank you for your application for "
         "the above post. Shortlisting is taking longer than anticipated. I apologise for the delay.\n\nYours "
         "sincerely\nColette Mulholland\nHR Recruitment Team", "Orbit Recruitment <recruitment@orbit.example>",
         Kind.RECRUITER_REPLY),
        # a public contest's result, and a phone call called off for illness
        ("Notificación de resultados - Prueba de conocimientos", "Estimada postulante:\nPuntaje obtenido | 66,00 / 100"
         "\nEstado | NO CONTINÚA EN EL CONCURSO\nAl no haber alcanzado el puntaje mínimo, su postulación no continuará "
         "a la fase de entrevista.", "Sistema de Concursos <no-responder@orbit.example>", Kind.REJECTION),
        ("Absage unseres Telefonats am Montag", "Hallo Herr Morgan,\nleider muss ich unser Telefonat zu Ihrer "
         "Bewerbung am Montag, 7. Dezember, 11:00–11:30 Uhr absagen – ich bin krankgeschrieben. Ihre Bewerbung ist "
         "davon nicht betroffen.", "Mia Chen <mia.chen@orbitworks.example>", Kind.CANCELLATION),
        # the owner sits on someone else's tribunal
        ("Invitación: Tribunal entrevistas de admisión @ vie 4 dic 2026 10:00 - 13:00", "Tribunal entrevistas de "
         "admisión\nviernes, 4 dic 2026 ⋅ 10:00 – 13:00\nHola Alex! Muchísimas gracias por aceptar formar parte del "
         "tribunal otra vez este año. Entrevistaremos a tres candidatos al máster (45 min cada uno). Te paso sus CV el "
         "lunes.", "Mia Chen <mia.chen@orbitworks.example>", Kind.OTHER),
        # a client's project "verschoben" is no move of the meeting called off
        ("Unser Gespräch am Freitag", "Servus Alex,\nunser Gespräch am Freitag, 4.12. um 11:00 muss ich absagen. Ein "
         "größerer Kunde hat sein Projekt ins nächste Jahr verschoben.", "Mia Chen <mia.chen@orbitworks.example>",
         Kind.CANCELLATION),
        # "offer the slot to another candidate" as a purpose is no rejection
        ("Invitation to Interview - Data Manager", "Dear Alex\nFollowing shortlisting, I am pleased to invite you to "
         "attend for interview.\nDate: Wednesday 2 December 2026\nTime: 10:30\nIf you are unable to attend, please let "
         "us know as soon as possible so that we can offer the slot to another candidate.",
         "Recruitment <no-reply@jobtrain.example>", Kind.INTERVIEW_CONFIRMATION),
        # a job board's "Estado actual: DESCARTADO/A"
        ("Novedades en tu candidatura: Revenue Manager", "Hola, Alex:\nLa empresa ha actualizado el estado de tu "
         "candidatura.\nEstado actual: DESCARTADO/A", "Portal <notificaciones@jobs.example>", Kind.REJECTION),
        # a "posición" makes a confirmed "conversación" an interview
        ("Alex <> Jana", "Os dejo confirmada la conversación para este jueves, 3 de diciembre, a las 12:00 en el "
         "estudio. Jana sería tu responsable directa si encajamos para la posición.",
         "Mia Chen <mia.chen@orbitworks.example>", Kind.INTERVIEW_CONFIRMATION),
    ],
)  # fmt: skip
def test_wordings_that_held_out_inboxes_brought(subject: str, body: str, sender: str, kind: Kind) -> None:
    assert _facts(_mail(subject, body, sender)).kind is kind


def test_a_recruiting_mailbox_answering_in_the_owners_thread_is_a_recruiter_reply() -> None:
    mail = _mail(
        "RE: Convocation entretien - Chargé de mission (réf. 2026-117)",
        "Madame,\nMerci pour votre message. Le jury a achevé hier les auditions pour le poste. Les décisions seront "
        "notifiées à l'ensemble des candidats au plus tard le vendredi 18 décembre.\n\nBérénice Hautecoeur",
        "Recrutement <recrutement@orbit-metropole.example>",
        "In-Reply-To: <own@example.com>\n",
    )
    facts = _facts(mail)
    assert facts.kind is Kind.RECRUITER_REPLY
    assert facts.respond_by == date(2026, 12, 18)


@pytest.mark.parametrize(
    ("subject", "body", "start"),
    [
        # the Irish "see you tomorrow at 10.30 so"
        ("RE: Product Owner - informal chat?", "Hi Alex,\nPerfect - see you tomorrow at 10.30 so.",
         "2026-12-01T10:30:00-08:00"),
        # a move stated with its new time drops the old one written before it
        ("RE: Entretien – nouvelle date", "Bonjour Alex,\nJe ne pourrai pas être présent pour notre entretien prévu le "
         "mercredi 2 décembre à 9h00.\n\nNous avons donc déplacé notre entretien au vendredi 4 décembre, de 13h30 à "
         "14h30.", "2026-12-04T13:30:00-08:00"),
        # so does a new time announced after the old one
        ("RE: Interview - Commercial Analyst", "Good morning Alex,\nI'm sorry, but I have to move our interview. Our "
         "CEO has called an all-hands on Wednesday afternoon, so 13:00 no longer works for me.\nThe new time is "
         "Friday 4 December, 09:30-10:30 CET.", "2026-12-04T09:30:00+01:00"),
    ],
)  # fmt: skip
def test_the_start_of_a_slot_written_in_regional_or_rescheduling_wording(
    subject: str, body: str, start: str
) -> None:
    facts = _facts(_mail(subject, body))
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert facts.interview is not None
    assert facts.interview.start.isoformat() == start
