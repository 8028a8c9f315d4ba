"""`extract_facts` end to end: the interview's time, its people, the thread's arranger and timeline."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from assistant.extract import extract_facts
from assistant.model import Address, Facts, Kind, TimeSpan
from assistant.parse import parse_message

PARSE_DATA = Path(__file__).parent.parent / "parse" / "data"
DATA = Path(__file__).parent / "data"
ALEX = ("alex.morgan@example.com",)
JORDAN = ("jordan.lee@example.org",)
PACIFIC_WINTER = timezone(timedelta(hours=-8))
EASTERN_WINTER = timezone(timedelta(hours=-5))


def _raw(text: str) -> bytes:
    return text.lstrip("\n").replace("\n", "\r\n").encode()


def _facts(raw: bytes, owner: tuple[str, ...] = ALEX) -> Facts:
    return extract_facts(parse_message(raw), owner)


def test_greenhouse_panel_invitation() -> None:
    facts = _facts((PARSE_DATA / "greenhouse_onsite_invite.eml").read_bytes(), JORDAN)
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert (facts.company, facts.role) == ("Lumen Freight", "Platform Engineer")
    assert facts.interview == TimeSpan(
        datetime(2026, 12, 10, 16, 0, tzinfo=UTC), datetime(2026, 12, 10, 17, 30, tzinfo=UTC)
    )
    assert facts.interviewers == (
        Address("thao.nguyen@lumenfreight.com", "Thao Nguyen"),
        Address("elliot.brandt@lumenfreight.com", "Elliot Brandt"),
    )
    assert facts.arranger == Address("rachel.okafor@lumenfreight.com", "Rachel Okafor")
    assert facts.event_uid == "gh-interview-3c1e9a70-44b2-4f7e-9d5b-2a8c6e1f0b93@greenhouse.io"


def test_an_organizer_who_writes_that_they_take_part_is_an_interviewer() -> None:
    facts = _facts((PARSE_DATA / "outlook_request_windows_zone.eml").read_bytes(), JORDAN)
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert facts.interview == TimeSpan(
        datetime(2026, 7, 14, 20, 0, tzinfo=UTC), datetime(2026, 7, 14, 20, 45, tzinfo=UTC)
    )
    assert facts.interviewers == (
        Address("ken.watanabe@cobaltridge.com", "Ken Watanabe"),
        Address("marta.velasquez@cobaltridge.com", "Marta Velasquez"),
    )
    assert facts.company == "Cobalt Ridge"


def test_an_organizer_with_a_required_seat_is_an_interviewer_too() -> None:
    """The contract: calendar attendees minus the owner, rooms, groups and robots. An organizer who
    only watches as an optional guest (the Greenhouse panel above) is the coordinator."""
    facts = _facts((PARSE_DATA / "google_calendar_invite.eml").read_bytes(), JORDAN)
    assert facts.interviewers == (
        Address("dev@tessellate.ai", "Dev Patel"),
        Address("sofia@tessellate.ai", "Sofia Marchetti"),
    )
    assert facts.arranger == Address("sofia@tessellate.ai", "Sofia Marchetti")
    assert facts.company == "Tessellate"


def test_a_cancelled_event_keeps_its_time_people_and_uid() -> None:
    facts = _facts((DATA / "greenhouse_canceled_event.eml").read_bytes())
    assert facts.kind is Kind.CANCELLATION
    assert facts.interview == TimeSpan(
        datetime(2026, 12, 8, 15, 0, tzinfo=UTC), datetime(2026, 12, 8, 16, 0, tzinfo=UTC)
    )
    assert facts.interviewers == (
        Address("sam.reyes@harborlight.dev", "Sam Reyes"),
        Address("lena.fischer@harborlight.dev", "Lena Fischer"),
    )
    assert facts.event_uid == "6q1v8k2m0r7t3s9p4a5c1d@google.com"


FLOATING = """
From: Sam Patel <sam.patel@acmerobotics.example>
To: alex.morgan@example.com
Subject: Interview: Senior Backend Engineer - Acme Robotics
Date: Mon, 30 Nov 2026 09:00:00 -0800
Message-ID: <float-1@acmerobotics.example>
Content-Type: multipart/alternative; boundary="fl"

--fl
Content-Type: text/plain; charset=UTF-8

Hi Alex, you're invited to a technical interview with Jane Kim on Thursday.
--fl
Content-Type: text/calendar; charset=UTF-8; method=REQUEST

BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Acme//Scheduler//EN
METHOD:REQUEST
BEGIN:VEVENT
UID:acme-float-1
DTSTAMP:20261130T170000Z
DTSTART:20261203T140000
DURATION:PT1H
SUMMARY:Technical interview
ORGANIZER;CN=Sam Patel:mailto:sam.patel@acmerobotics.example
ATTENDEE;CN=Jane Kim;ROLE=REQ-PARTICIPANT:mailto:jane.kim@acmerobotics.example
ATTENDEE;CN=Alex Morgan;ROLE=REQ-PARTICIPANT:mailto:alex.morgan@example.com
END:VEVENT
END:VCALENDAR
--fl--
"""


def test_floating_calendar_times_take_the_date_headers_offset() -> None:
    facts = _facts(_raw(FLOATING))
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert facts.interview == TimeSpan(
        datetime(2026, 12, 3, 14, 0, tzinfo=PACIFIC_WINTER),
        datetime(2026, 12, 3, 15, 0, tzinfo=PACIFIC_WINTER),
    )
    assert facts.interview.start.utcoffset() == timedelta(hours=-8)
    assert facts.interviewers == (Address("jane.kim@acmerobotics.example", "Jane Kim"),)


SCREEN = """
From: Omar Haddad <omar@brightpath.io>
To: Alex Morgan <alex.morgan@example.com>
Subject: Brightpath phone screen - Product Analyst
Date: Mon, 30 Nov 2026 09:18:44 -0800
Message-ID: <CAOk3hR7yT2qWm9L@mail.gmail.com>
Content-Type: text/plain; charset="UTF-8"

Hi Alex,

Confirming our 30-minute phone screen this Wednesday, December 2 at
11:00 AM Pacific (2:00 PM Eastern). I'll be holding the screen myself.

Talk soon,
Omar
"""


def test_a_recruiter_screen_from_text_with_a_duration() -> None:
    facts = _facts(_raw(SCREEN))
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert facts.interview == TimeSpan(
        datetime(2026, 12, 2, 11, 0, tzinfo=PACIFIC_WINTER),
        datetime(2026, 12, 2, 11, 30, tzinfo=PACIFIC_WINTER),
    )
    assert facts.interviewers == (Address("omar@brightpath.io", "Omar Haddad"),)
    assert (facts.company, facts.role) == ("Brightpath", "Product Analyst")


THREAD_WHERE_THE_WRITER_SAID_EARLIER_THEY_HOLD_IT = """
From: Diego Arismendi <diego.arismendi@tacuarilabs.example>
To: Alex Morgan <alex.morgan@example.com>
Subject: Re: Entrevista técnica - Tacuarí Labs
Date: Wed, 02 Dec 2026 17:00:00 -0300
Message-ID: <re2@tacuarilabs.example>
In-Reply-To: <re1@example.com>
Content-Type: text/plain; charset="UTF-8"

Buenísimo Alex, entonces quedamos mañana a las 11. Calculá una hora.

Abrazo,
Diego

El mar, 1 dic 2026 a las 19:05, Diego Arismendi (<diego.arismendi@tacuarilabs.example>) escribió:
> Hola Alex, soy Diego, tech lead. Me gustaría hacerte la entrevista técnica
> para el puesto de Backend Developer esta semana. ¿Cuándo podrías?
"""


def test_the_writer_who_said_earlier_in_the_thread_that_they_hold_the_interview_is_listed() -> None:
    facts = _facts(_raw(THREAD_WHERE_THE_WRITER_SAID_EARLIER_THEY_HOLD_IT))
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert facts.interviewers == (Address("diego.arismendi@tacuarilabs.example", "Diego Arismendi"),)


PANEL_TABLE = """
From: Ashby <no-reply@ashbyhq.com>
Reply-To: Rachel Okafor <rachel@lumenfreight.example>
To: alex.morgan@example.com
Subject: Your interview schedule with Lumen Freight
Date: Wed, 02 Dec 2026 14:00:00 +0000
Message-ID: <sched-91c2@ashbyhq.com>
Content-Type: text/html; charset=utf-8

<p>Hi Alex, your onsite interview for the Platform Engineer role is confirmed.
Here is your schedule for Wednesday, December 9 (Eastern Time):</p>
<table><tr><th>Time</th><th>Interviewer</th><th>Email</th></tr>
<tr><td>1:00 PM &ndash; 1:45 PM</td><td>Priya Shah</td><td>priya.shah@lumenfreight.example</td></tr>
<tr><td>1:45 PM &ndash; 2:30 PM</td><td>Marcus Bell</td><td>marcus.bell@lumenfreight.example</td></tr>
<tr><td>2:40 PM &ndash; 3:10 PM</td><td>Lunch with the team</td><td></td></tr></table>
<p>Please arrive 10 minutes early. Questions? Contact rachel@lumenfreight.example.</p>
"""


def test_an_html_schedule_table_gives_the_whole_panel_and_its_interviewers() -> None:
    facts = _facts(_raw(PANEL_TABLE))
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert facts.interview == TimeSpan(
        datetime(2026, 12, 9, 13, 0, tzinfo=EASTERN_WINTER),
        datetime(2026, 12, 9, 15, 10, tzinfo=EASTERN_WINTER),
    )
    assert facts.interviewers == (
        Address("priya.shah@lumenfreight.example", "Priya Shah"),
        Address("marcus.bell@lumenfreight.example", "Marcus Bell"),
    )
    assert facts.arranger == Address("rachel@lumenfreight.example", "Rachel Okafor")
    assert facts.company == "Lumen Freight"


RESCHEDULED = """
From: Dana Whitfield <dana.whitfield@northwind-analytics.com>
To: Alex Morgan <alex.morgan@example.com>
Subject: Re: Interview Confirmation: Senior Data Engineer - Northwind Analytics
Date: Wed, 02 Dec 2026 16:20:00 -0500
Message-ID: <CAF1a9@mail.gmail.com>
In-Reply-To: <6b09a493a9e2b@gh-mailer.mail>
Content-Type: text/plain; charset="UTF-8"

Hi Alex,

Priya had a conflict, so we've moved your panel interview to Friday,
December 4 at 3:00 PM ET, 45 minutes as before.

Dana

On Fri, Nov 27, 2026 at 10:41 AM Dana Whitfield <dana.whitfield@northwind-analytics.com> wrote:
> Your interview is confirmed for Thursday, December 3, 2026 at 2:00 PM EST.
"""


def test_a_reschedule_takes_the_new_time_above_not_the_old_one_quoted_below() -> None:
    facts = _facts(_raw(RESCHEDULED))
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert facts.interview == TimeSpan(
        datetime(2026, 12, 4, 15, 0, tzinfo=EASTERN_WINTER),
        datetime(2026, 12, 4, 15, 45, tzinfo=EASTERN_WINTER),
    )


JSON_LD = """
From: Tessellate Recruiting <recruiting@tessellate.example>
Reply-To: Sofia Marchetti <sofia@tessellate.example>
To: alex.morgan@example.com
Subject: Your onsite interview at Tessellate is confirmed
Date: Wed, 02 Dec 2026 14:00:00 +0000
Content-Type: text/html; charset=utf-8

<html><head><script type="application/ld+json">
{"@context": "http://schema.org", "@type": "EventReservation", "reservationNumber": "T-1",
 "reservationFor": {"@type": "Event", "name": "Onsite interview",
   "startDate": "2026-12-09T13:00:00-05:00", "endDate": "2026-12-09T16:00:00-05:00",
   "performer": [{"@type": "Person", "name": "Dev Patel", "email": "dev@tessellate.example"}]}}
</script></head><body><p>See you on Wednesday!</p></body></html>
"""


def test_schema_org_event_markup_is_used_like_a_calendar_part() -> None:
    facts = _facts(_raw(JSON_LD))
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert facts.interview == TimeSpan(
        datetime(2026, 12, 9, 13, 0, tzinfo=EASTERN_WINTER),
        datetime(2026, 12, 9, 16, 0, tzinfo=EASTERN_WINTER),
    )
    assert facts.interviewers == (Address("dev@tessellate.example", "Dev Patel"),)


THANKS_AFTERWARDS = """
From: Lena Fischer <lena.fischer@harborlight.dev>
To: alex.morgan@example.com
Subject: Re: Harborlight interview
Date: Wed, 02 Dec 2026 10:00:00 -0500
Message-ID: <CAJ4vWq5@mail.gmail.com>
In-Reply-To: <a2@example.com>
Content-Type: text/plain; charset="UTF-8"

Hi Alex,

Thanks for meeting Sam for your interview on Monday, November 30 at 10:00 AM ET - he
enjoyed it. The team will get back to you by the end of next week with a decision.

Lena
"""


def test_a_past_interview_mentioned_afterwards_is_no_confirmation_and_the_timeline_is_read() -> None:
    facts = _facts(_raw(THANKS_AFTERWARDS))
    assert facts.kind is Kind.RECRUITER_REPLY
    assert facts.interview is None
    assert facts.interviewers == ()
    assert facts.respond_by == date(2026, 12, 11)
    assert facts.arranger == Address("lena.fischer@harborlight.dev", "Lena Fischer")


def test_without_a_configured_owner_the_recipients_are_the_owner() -> None:
    facts = extract_facts(parse_message(_raw(FLOATING)))
    assert Address("alex.morgan@example.com", "Alex Morgan") not in facts.interviewers
    assert facts.interviewers == (Address("jane.kim@acmerobotics.example", "Jane Kim"),)


_EVERY_MESSAGE = [
    (PARSE_DATA / "greenhouse_onsite_invite.eml").read_bytes(),
    (PARSE_DATA / "outlook_request_windows_zone.eml").read_bytes(),
    (PARSE_DATA / "google_calendar_invite.eml").read_bytes(),
    (DATA / "greenhouse_canceled_event.eml").read_bytes(),
    (DATA / "webinar_with_calendar.eml").read_bytes(),
    *(_raw(text) for text in (FLOATING, SCREEN, PANEL_TABLE, RESCHEDULED, JSON_LD, THANKS_AFTERWARDS)),
]


@pytest.mark.parametrize("raw", _EVERY_MESSAGE)
@pytest.mark.parametrize("owner", [ALEX, JORDAN, ()])
def test_every_address_in_the_facts_is_written_in_the_message(raw: bytes, owner: tuple[str, ...]) -> None:
    facts = _facts(raw, owner)
    written = set(re.findall(rb"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", raw.lower()))
    for address in (*facts.interviewers, *([facts.arranger] if facts.arranger else [])):
        assert address.email.encode() in written
        assert address.email not in owner


OUTLOOK_INVITE_TO_CANDIDATE_AND_MANAGER = """
From: Nadia Brooks <nadia.brooks@quarry-labs.example>
To: Alex Morgan <alex.morgan@example.com>, Theo Grant <theo.grant@quarry-labs.example>
Subject: Interview: Alex Morgan - Platform Engineer
Date: Tue, 01 Dec 2026 10:00:00 -0800
Message-ID: <req-77@quarry-labs.example>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

Hi Alex, here is the invitation for your interview with Theo Grant.

--b
Content-Type: text/calendar; charset=utf-8; method=REQUEST

BEGIN:VCALENDAR
METHOD:REQUEST
BEGIN:VEVENT
UID:quarry-77
DTSTART:20261209T180000Z
DTEND:20261209T190000Z
ORGANIZER;CN=Nadia Brooks:mailto:nadia.brooks@quarry-labs.example
ATTENDEE;CN=Alex Morgan;ROLE=REQ-PARTICIPANT:mailto:alex.morgan@example.com
ATTENDEE;CN=Theo Grant;ROLE=REQ-PARTICIPANT:mailto:theo.grant@quarry-labs.example
END:VEVENT
END:VCALENDAR
--b--
"""


def test_without_a_configured_owner_only_the_first_recipient_is_the_owner() -> None:
    """The hiring manager beside the candidate in To is a colleague of the sender, not an owner."""
    facts = _facts(_raw(OUTLOOK_INVITE_TO_CANDIDATE_AND_MANAGER), owner=())
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert [a.email for a in facts.interviewers] == ["theo.grant@quarry-labs.example"]


AGENCY_FORWARD = """
From: Dev Patel <dev@northbridge-talent.example>
To: Alex Morgan <alex.morgan@example.com>
Subject: Fwd: Alex Morgan - Data Engineer
Date: Mon, 07 Dec 2026 11:00:00 -0500
Message-ID: <fwd-1@northbridge-talent.example>
Content-Type: text/plain; charset=utf-8

Alex - good news, see below, you're all set!

---------- Forwarded message ---------
From: Rita Okoye <rita.okoye@lumen-freight.example>
Date: Mon, Dec 7, 2026 at 10:15 AM
Subject: RE: Alex Morgan - Data Engineer
To: Dev Patel <dev@northbridge-talent.example>

Hi Dev, confirmed for Alex: Thursday 12/10, 3:00-4:00pm ET on Zoom with me and
Sam Cho, Staff Engineer (sam.cho@lumen-freight.example).
"""


def test_a_forward_is_read_for_its_forwarded_content_not_its_header_dates() -> None:
    facts = _facts(_raw(AGENCY_FORWARD))
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert facts.interview == TimeSpan(
        datetime(2026, 12, 10, 15, 0, tzinfo=EASTERN_WINTER),
        datetime(2026, 12, 10, 16, 0, tzinfo=EASTERN_WINTER),
    )
    assert {a.email for a in facts.interviewers} == {
        "rita.okoye@lumen-freight.example",
        "sam.cho@lumen-freight.example",
    }


HUMAN_RESCHEDULE = """
From: Owen Hale <owen.hale@brightmoor.example>
To: Alex Morgan <alex.morgan@example.com>
Subject: Re: Staff Engineer conversation
Date: Wed, 02 Dec 2026 08:30:00 -0800
Message-ID: <r-5@brightmoor.example>
In-Reply-To: <a-4@example.com>
Content-Type: text/plain; charset=utf-8

Hi Alex,

No worries at all. Let's push our interview from Thursday at 1pm to Monday, December 7
at 10:00 AM PT. Same Meet link.

Owen
Owen Hale | VP Engineering | Brightmoor
owen.hale@brightmoor.example
"""


def test_a_personal_reschedule_is_a_confirmation_of_the_new_time_held_by_the_writer() -> None:
    facts = _facts(_raw(HUMAN_RESCHEDULE))
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert facts.interview is not None
    assert facts.interview.start == datetime(2026, 12, 7, 10, 0, tzinfo=PACIFIC_WINTER)
    assert [a.email for a in facts.interviewers] == ["owen.hale@brightmoor.example"]


INTRO_TO_MANAGER = """
From: Lea Moss <lea.moss@ferrolab.example>
To: Ravi Nair <ravi.nair@ferrolab.example>
Cc: Alex Morgan <alex.morgan@example.com>
Subject: Intro: Alex Morgan <> Ravi Nair
Date: Tue, 01 Dec 2026 09:00:00 -0800
Message-ID: <intro-1@ferrolab.example>
Content-Type: text/plain; charset=utf-8

Ravi, meet Alex, who is interviewing for our Backend Engineer opening.
As agreed, Ravi will call Alex on Thursday, December 3 at 11:00 AM PT for the hiring manager screen.
"""


def test_a_fellow_recipient_the_text_says_holds_the_call_is_the_interviewer() -> None:
    facts = _facts(_raw(INTRO_TO_MANAGER))
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert [a.email for a in facts.interviewers] == ["ravi.nair@ferrolab.example"]


NEWSLETTER = """
From: Hiring Weekly <news@hiringweekly.example>
To: alex.morgan@example.com
Subject: Hiring Weekly #42: how Acme Robotics runs its interview loop
Date: Tue, 01 Dec 2026 09:00:00 +0000
List-Unsubscribe: <https://hiringweekly.example/u>
Content-Type: text/plain; charset=utf-8

This week's newsletter: an interview with the Senior Data Engineer team at Acme Robotics.
"""


def test_mail_not_about_the_owners_application_names_no_company_or_role() -> None:
    facts = _facts(_raw(NEWSLETTER))
    assert (facts.kind, facts.company, facts.role) == (Kind.OTHER, None, None)


def test_a_confirmation_forwarded_as_an_attachment_is_read_from_the_attachment() -> None:
    raw = _raw("""
From: Lee Park <lee@agency.example>
To: Alex Morgan <alex.morgan@example.com>
Subject: FW: Interview confirmation - Alex Morgan
Date: Tue, 10 Nov 2026 09:00:00 -0600
Message-ID: <fw-attach-facts@agency.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

Alex - confirmation from the client attached. You're set for Friday.
--b1
Content-Type: message/rfc822

From: Dana Whitfield <dana.whitfield@northwind-analytics.com>
To: Lee Park <lee@agency.example>
Subject: Interview confirmation - Alex Morgan
Content-Type: text/plain; charset=utf-8

Please confirm with Alex:

Friday, November 13
10:00 - 11:00 AM ET

He'll meet Priya Shah (priya.shah@northwind-analytics.com) for the Data Engineer role.
--b1--
""")
    facts = _facts(raw)
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert facts.interview == TimeSpan(
        datetime(2026, 11, 13, 15, 0, tzinfo=UTC), datetime(2026, 11, 13, 16, 0, tzinfo=UTC)
    )
    assert [a.email for a in facts.interviewers] == ["priya.shah@northwind-analytics.com"]


@pytest.mark.parametrize(
    ("subject", "body", "kind"),
    [
        ("Your offer from Orbitworks", "Hi Alex,\nWe're delighted to offer you the Data Analyst role! We'd need "
         "your signed letter by Friday, December 11 so we can get back to you on the start date.", Kind.OFFER),
        ("Webinar: Interviewing at scale", "Thanks for registering for our webinar! We'll let you know the "
         "speaker line-up by Friday, December 11.", Kind.OTHER),
    ],
)  # fmt: skip
def test_no_answer_is_pending_after_an_outcome_or_on_other_mail(subject: str, body: str, kind: Kind) -> None:
    raw = _raw(f"""
From: Mia Chen <mia.chen@orbitworks.example>
To: Alex Morgan <alex.morgan@example.com>
Subject: {subject}
Date: Mon, 30 Nov 2026 09:00:00 -0800
Message-ID: <pending@orbitworks.example>
Content-Type: text/plain; charset=utf-8

{body}
""")
    facts = _facts(raw)
    assert facts.kind is kind
    assert facts.respond_by is None


INVITATION_TO_THE_OWNER_ALONE = """
From: Alpenrueck Versicherungen <careers@successfactors.example>
To: Alex Morgan <alex.morgan@example.com>
Subject: Vorstellungsgespräch Senior Risk Manager – Alpenrück Versicherungen
Date: Mon, 30 Nov 2026 09:00:00 +0100
Message-ID: <sf-owner-only@successfactors.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

Guten Tag Frau Morgan

Wir bestätigen Ihr Vorstellungsgespräch. Sie treffen:
- Dr. Reto Gisler, Head Enterprise Risk Management (reto.gisler@alpenrueck.example)
- Corinne Vuille, HR Business Partner (corinne.vuille@alpenrueck.example)

--b
Content-Type: text/calendar; charset=utf-8; method=REQUEST

BEGIN:VCALENDAR
VERSION:2.0
METHOD:REQUEST
PRODID:-//SuccessFactors//EN
BEGIN:VEVENT
UID:sf-owner-only-1
DTSTAMP:20261130T080000Z
DTSTART:20261208T090000Z
DTEND:20261208T100000Z
SUMMARY:Vorstellungsgespräch Senior Risk Manager
ORGANIZER;CN=Corinne Vuille:mailto:corinne.vuille@alpenrueck.example
ATTENDEE;CN=Alex Morgan;ROLE=REQ-PARTICIPANT:mailto:alex.morgan@example.com
END:VEVENT
END:VCALENDAR

--b--
"""


def test_an_invitation_sent_to_the_owner_alone_takes_its_panel_from_the_text() -> None:
    facts = _facts(_raw(INVITATION_TO_THE_OWNER_ALONE))
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert {a.email for a in facts.interviewers} == {
        "reto.gisler@alpenrueck.example",
        "corinne.vuille@alpenrueck.example",
    }


AGENCY_CONFIRMS_THE_CLIENTS_PANEL = """
From: Dennis Vos <dennis.vos@zorgwerving.example>
To: Alex Morgan <alex.morgan@example.com>
Subject: Tweede gesprek Rijnzicht: morgen al!
Date: Mon, 30 Nov 2026 16:10:00 +0100
Message-ID: <agency-panel@zorgwerving.example>
Content-Type: text/plain; charset=utf-8

Hoi Alex,

Het is gelukt: je bent morgen om 11.00 uur welkom voor het tweede gesprek bij Rijnzicht.
Je spreekt met Carla Smit (c.smit@rijnzicht.example) en Ingrid Hermans (i.hermans@rijnzicht.example).

Succes morgen, ik bel je in de middag even.

Dennis Vos
Recruitmentconsultant, Zorgwerving
"""


def test_an_agency_recruiters_call_afterwards_is_no_seat_beside_the_clients_panel() -> None:
    facts = _facts(_raw(AGENCY_CONFIRMS_THE_CLIENTS_PANEL))
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert {a.email for a in facts.interviewers} == {
        "c.smit@rijnzicht.example",
        "i.hermans@rijnzicht.example",
    }


def test_the_writers_own_address_under_an_interviewer_label_is_a_seat() -> None:
    raw = _raw(
        """
From: Orbit Talent Acquisition <orbit@talent.icims.example>
Reply-To: wade.pritchett@orbit.example
To: alex.morgan@example.com
Subject: Phone Interview Scheduled - Systems Engineer
Date: Mon, 30 Nov 2026 09:00:00 -0600
Message-ID: <w@x.example>
Content-Type: text/plain; charset=utf-8

Dear Alex,

This message confirms your phone interview.

Date:         Wednesday, December 2, 2026
Time:         9:00 AM - 9:30 AM Central Time
Interviewer:  Wade Pritchett, Engineering Manager
              wade.pritchett@orbit.example

Wade will call you at the scheduled time.
"""
    )
    facts = _facts(raw)
    assert facts.kind is Kind.INTERVIEW_CONFIRMATION
    assert [a.email for a in facts.interviewers] == ["wade.pritchett@orbit.example"]
