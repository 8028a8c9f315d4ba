"""Whole messages as mail systems send them → `Message`; garbage → `UnparsableMessage` only."""

from __future__ import annotations

import base64
import contextlib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.model import Address
from assistant.parse import UnparsableMessage, parse_message

DATA = Path(__file__).parent / "data"


def _eml(text: str, charset: str = "utf-8") -> bytes:
    return text.replace("\n", "\r\n").encode(charset)


def _b64(data: bytes) -> str:
    encoded = base64.b64encode(data).decode()
    return "\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))


def test_greenhouse_invitation_with_inline_calendar_and_invite_ics() -> None:
    message = parse_message((DATA / "greenhouse_onsite_invite.eml").read_bytes())
    envelope = message.envelope
    assert envelope.subject == "Interview Confirmation: Platform Engineer – Lumen Freight"
    assert envelope.sender == Address("no-reply@greenhouse.io", "Rachel Okafor")
    assert envelope.reply_to == (Address("rachel.okafor@lumenfreight.com", "Rachel Okafor"),)
    assert "Your onsite interview\nfor the Platform Engineer role is confirmed." in message.text
    assert "10:00 AM – 10:45 AM   System design" in message.text  # quoted-printable, UTF-8 dash
    (event,) = message.events  # the same VEVENT inline and as invite.ics, kept once
    assert event.uid == "gh-interview-3c1e9a70-44b2-4f7e-9d5b-2a8c6e1f0b93@greenhouse.io"
    assert event.method == "REQUEST"
    assert event.start == datetime(2026, 12, 10, 16, 0, tzinfo=UTC)
    assert event.end == datetime(2026, 12, 10, 17, 30, tzinfo=UTC)
    assert [a.address.email for a in event.attendees] == [
        "jordan.lee@example.org",
        "thao.nguyen@lumenfreight.com",
        "elliot.brandt@lumenfreight.com",
        "rachel.okafor@lumenfreight.com",
        "chi-4-lakeview@resource.calendar.google.com",
        "platform-interviewers@lumenfreight.com",
    ]


def test_outlook_meeting_request_in_base64_with_a_windows_zone() -> None:
    message = parse_message((DATA / "outlook_request_windows_zone.eml").read_bytes())
    assert message.text == (
        "Hi Jordan, looking forward to our conversation on Tuesday. "
        "Ken Watanabe (Director of Data) will join me."
    )
    (event,) = message.events
    assert event.start == datetime(2026, 7, 14, 20, 0, tzinfo=UTC)  # 1 PM PDT
    assert event.end == datetime(2026, 7, 14, 20, 45, tzinfo=UTC)
    assert event.organizer == Address("marta.velasquez@cobaltridge.com", "Marta Velasquez")
    assert message.envelope.to == (Address("jordan.lee@example.org", None),)


def test_google_calendar_invitation_with_utc_times() -> None:
    message = parse_message((DATA / "google_calendar_invite.eml").read_bytes())
    assert message.envelope.subject.startswith(
        "Invitation: Technical interview: Jordan Lee <> Tessellate @ Tue"
    )
    (event,) = message.events
    assert event.start == datetime(2026, 11, 10, 19, 0, tzinfo=UTC)
    assert event.summary == "Technical interview: Jordan Lee <> Tessellate"


WINDOWS_1252_QP = """\
Return-Path: <hr@kessler-maschinenbau.example>
From: =?windows-1252?Q?Bj=F6rn_K=F6hler?= <bjoern.koehler@kessler-maschinenbau.example>
To: Alex Morgan <alex.morgan@example.com>
Subject: =?windows-1252?Q?Your_interview_=96_Thursday=2C_December_3?=
Date: Mon, 30 Nov 2026 08:02:11 +0100
Message-ID: <000a01db42f1$9c1e8d20$d45ba760$@kessler-maschinenbau.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="windows-1252"
Content-Transfer-Encoding: quoted-printable
X-Mailer: Microsoft Outlook 16.0

Dear Alex,

we=92re happy to confirm your interview on Thursday, December 3 at 2:00 PM =
CET =96 it will take about 45 minutes.

Kind regards
Bj=F6rn K=F6hler
"""


def test_windows_1252_quoted_printable_with_soft_breaks() -> None:
    message = parse_message(_eml(WINDOWS_1252_QP))
    assert message.envelope.sender == Address("bjoern.koehler@kessler-maschinenbau.example", "Björn Köhler")
    assert message.envelope.subject == "Your interview – Thursday, December 3"
    assert "we’re happy to confirm your interview on Thursday, December 3 at 2:00 PM CET – it" in message.text
    assert message.text.endswith("Björn Köhler")
    assert message.envelope.date is not None
    assert message.envelope.date.utcoffset() == timedelta(hours=1)


def test_latin_1_label_on_windows_1252_text_reads_the_curly_quotes() -> None:
    raw = _eml(WINDOWS_1252_QP.replace('charset="windows-1252"', "charset=iso-8859-1"))
    assert "we’re happy" in parse_message(raw).text


GERMAN_BODY = (
    "Sehr geehrter Herr Morgan,\r\n\r\nwir laden Sie herzlich zum Vorstellungsgespräch am Donnerstag, "
    "10. Dezember 2026 um 14:30 Uhr ein.\r\n\r\nMit freundlichen Grüßen\r\nSabine Wolf\r\n"
).encode("iso-8859-1")
GERMAN_BASE64 = f"""\
From: Personalabteilung Kessler <bewerbung@kessler-maschinenbau.example>
Reply-To: Sabine Wolf <sabine.wolf@kessler-maschinenbau.example>
To: alex.morgan@example.com
Subject: =?ISO-8859-1?B?RWlubGFkdW5nIHp1bSBWb3JzdGVsbHVuZ3NnZXNwcuRjaA==?=
Date: Tue, 01 Dec 2026 09:30:00 +0100
Message-ID: <20261201093000.4711@kessler-maschinenbau.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: base64

{_b64(GERMAN_BODY)}
"""


def test_iso_8859_1_base64_body_and_rfc2047_subject() -> None:
    message = parse_message(_eml(GERMAN_BASE64))
    assert message.envelope.subject == "Einladung zum Vorstellungsgespräch"
    assert "Vorstellungsgespräch am Donnerstag, 10. Dezember 2026 um 14:30 Uhr ein." in message.text
    assert message.text.endswith("Mit freundlichen Grüßen\nSabine Wolf")


SCHEDULE_HTML = """<html><body><table width="100%"><tr><td>
<p>Hi Alex,</p><p>Here\x92s your schedule for Wednesday, December 9 (Eastern Time):</p>
<table><tr><th>Time</th><th>Interviewer</th></tr>
<tr><td>1:00 PM \x96 1:45 PM</td><td>Priya Shah</td></tr>
<tr><td>1:45 PM \x96 2:30 PM</td><td>Marcus Bell</td></tr></table>
</td></tr></table></body></html>""".encode("latin-1")
HTML_ONLY = f"""\
From: Ashby <no-reply@ashbyhq.com>
Reply-To: Rachel Okafor <rachel@lumenfreight.example>
To: alex.morgan@example.com
Subject: Your interview schedule with Lumen Freight
Date: Wed, 02 Dec 2026 14:00:00 +0000
Message-ID: <sched-91c2@ashbyhq.com>
MIME-Version: 1.0
Content-Type: text/html; charset=windows-1252
Content-Transfer-Encoding: base64

{_b64(SCHEDULE_HTML)}
"""


def test_html_only_mail_is_read_as_text_with_its_schedule_table() -> None:
    message = parse_message(_eml(HTML_ONLY))
    assert message.text.splitlines() == [
        "Hi Alex,",
        "",
        "Here’s your schedule for Wednesday, December 9 (Eastern Time):",
        "",
        "Time | Interviewer",
        "1:00 PM – 1:45 PM | Priya Shah",
        "1:45 PM – 2:30 PM | Marcus Bell",
    ]


def test_a_stub_plain_part_gives_way_to_the_html_part() -> None:
    raw = _eml(
        "From: Lever <no-reply@hire.lever.co>\nTo: alex.morgan@example.com\nSubject: Interview\n"
        'MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b1"\n\n'
        "--b1\nContent-Type: text/plain; charset=utf-8\n\nView this email in HTML.\n"
        "--b1\nContent-Type: text/html; charset=utf-8\n\n<p>Your interview is on <b>Thursday</b> at 2pm.</p>\n"
        "--b1--\n"
    )
    assert parse_message(raw).text == "Your interview is on Thursday at 2pm."


def test_attached_text_files_are_not_the_body() -> None:
    raw = _eml(
        "From: Priya Shah <priya@northwind.example>\nTo: alex.morgan@example.com\nSubject: Exercise\n"
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="m"\n\n'
        "--m\nContent-Type: text/html; charset=utf-8\n\n<p>Please find the take-home exercise attached.</p>\n"
        '--m\nContent-Type: text/plain; name="exercise.txt"\nContent-Disposition: attachment; filename="exercise.txt"\n\n'
        "Write a function that parses dates.\n--m--\n"
    )
    assert parse_message(raw).text == "Please find the take-home exercise attached."


JSON_LD = """\
From: Events at Tessellate <events@tessellate.example>
To: alex.morgan@example.com
Subject: Your onsite at Tessellate
Date: Wed, 02 Dec 2026 14:00:00 +0000
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<html><head><script type="application/ld+json">
{"@context": "http://schema.org", "@type": "EventReservation", "reservationNumber": "T-1",
 "reservationFor": {"@type": "Event", "name": "Onsite\\r\\nBcc: x@y.example",
   "startDate": "2026-12-09T13:00:00-05:00", "endDate": "2026-12-09T16:00:00-05:00",
   "performer": [{"@type": "Person", "name": "Dev\\nPatel", "email": "dev@tessellate.example"},
                 {"@type": "Person", "name": "No Email"}]}}
</script><script type="application/ld+json">
[{"@type": ["Event"], "name": "All-day fair", "startDate": "2026-12-10"},
 {"@type": [{"odd": 1}], "startDate": "2026-12-10T10:00:00"},
 {"@type": "Event", "name": "Floating", "startDate": "2026-12-11T10:00:00",
  "eventStatus": "https://schema.org/EventCancelled"}]
</script></head><body><p>See you on Wednesday!</p></body></html>
"""


def test_json_ld_event_reservations_become_events() -> None:
    message = parse_message(_eml(JSON_LD))
    onsite, floating = message.events
    eastern = timezone(timedelta(hours=-5))
    assert onsite.method == "JSON-LD"
    assert onsite.summary == "Onsite Bcc: x@y.example"
    assert onsite.start == datetime(2026, 12, 9, 13, 0, tzinfo=eastern)
    assert onsite.end == datetime(2026, 12, 9, 16, 0, tzinfo=eastern)
    assert [a.address for a in onsite.attendees] == [Address("dev@tessellate.example", "Dev Patel")]
    assert floating.start == datetime(2026, 12, 11, 10, 0)
    assert floating.cancelled


REPLY = """\
From: Dana Whitfield <dana.whitfield@northwind-analytics.com>
To: Alex Morgan <alex.morgan@example.com>
Subject: Re: Interview Thursday
Date: Wed, 02 Dec 2026 16:20:00 -0500
Message-ID: <CAF1a@mail.gmail.com>
In-Reply-To: <b7e3@example.com>
References: <CAE0z@mail.gmail.com> <b7e3@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

Hi Alex,

Priya had a conflict, so we've moved your interview to Friday, December 4 =
at 3:00 PM ET.

Best,
Dana

On Tue, Dec 1, 2026 at 10:12 AM Alex Morgan <alex.morgan@example.com> wrote=
:

> Thursday, December 3 at 2:00 PM ET works for me.
"""


def test_reply_keeps_the_new_time_fresh_and_the_old_time_quoted() -> None:
    message = parse_message(_eml(REPLY))
    assert "Friday, December 4 at 3:00 PM ET" in message.text
    assert "December 3" not in message.text
    assert message.quoted.startswith("On Tue, Dec 1, 2026 at 10:12 AM Alex Morgan")
    assert "Thursday, December 3 at 2:00 PM ET" in message.quoted
    assert message.envelope.thread_refs == ("<CAE0z@mail.gmail.com>", "<b7e3@example.com>")


def test_lf_only_files_and_unknown_charsets_still_parse() -> None:
    raw = (
        b"From: a@northwind.example\nSubject: Hi\nContent-Type: text/plain; charset=x-made-up\n\n"
        b"Caf\xc3\xa9 at 2pm\n"
    )
    assert parse_message(raw).text == "Café at 2pm"


@pytest.mark.parametrize(
    "raw",
    [b"", b"\x00\x01\x02", b"just some words\nwithout any header\n", b"\n\nFrom: late@header.example\n",
     b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"],
)  # fmt: skip
def test_garbage_raises_unparsable_message(raw: bytes) -> None:
    with pytest.raises(UnparsableMessage):
        parse_message(raw)


def test_absurdly_deep_nesting_is_unparsable_not_a_crash() -> None:
    nesting = "".join(f"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n" for i in range(3000))
    with pytest.raises(UnparsableMessage):
        parse_message(_eml(f"From: a@northwind.example\n{nesting}Content-Type: text/plain\n\nhello\n"))


def test_deeply_nested_json_ld_is_skipped() -> None:
    html = (
        '<script type="application/ld+json">'
        + "[" * 100_000
        + "]" * 100_000
        + "</script><p>See you then.</p>"
    )
    message = parse_message(_eml(f"From: a@northwind.example\nContent-Type: text/html\n\n{html}"))
    assert message.text == "See you then."
    assert message.events == ()


def test_a_message_forwarded_as_an_attachment_is_not_the_body() -> None:
    raw = _eml(
        "From: Alex Morgan <alex.morgan@example.com>\nTo: coach@example.com\nSubject: Fwd: Interview\n"
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="fw"\n\n'
        "--fw\nContent-Type: text/html; charset=utf-8\n\n<p>Can you help me prepare for this one?</p>\n"
        "--fw\nContent-Type: message/rfc822\n\n"
        "From: Dana <dana@northwind.example>\nSubject: Interview\nContent-Type: text/plain\n\n"
        "Your interview is confirmed for Thursday, December 3 at 2:00 PM EST, see you then.\n"
        "--fw--\n"
    )
    assert parse_message(raw).text == "Can you help me prepare for this one?"


def test_the_error_never_carries_the_content() -> None:
    with pytest.raises(UnparsableMessage) as caught:
        parse_message(b"secret words only\n")
    assert "secret" not in str(caught.value)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_parse_or_raise_unparsable_message(raw: bytes) -> None:
    with contextlib.suppress(UnparsableMessage):
        parse_message(raw)


_HEADER_NAMES = st.sampled_from(
    ["From", "To", "Subject", "Date", "Message-ID", "Content-Type", "Content-Transfer-Encoding",
     "Content-Disposition", "MIME-Version", "Reply-To"]
)  # fmt: skip
_HEADER_VALUES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        ['multipart/mixed; boundary="b"', "multipart/alternative; boundary=b", "text/calendar; method=CANCEL",
         "text/html; charset=utf-16", "application/ics; name=invite.ics", "message/rfc822", "base64",
         "quoted-printable", "x-uuencode", "attachment; filename*=utf-8''%E2%82%AC.ics", "=?utf-8?b?////?="]
    ),
)  # fmt: skip
_BODY = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(
            ["--b", "--b--", "Content-Type: text/calendar", "BEGIN:VCALENDAR", "BEGIN:VEVENT",
             "DTSTART;TZID=Nowhere:20261203T140000", "END:VEVENT", "END:VCALENDAR", "<table><tr><td>x",
             '<script type="application/ld+json">{"@type": "Event", "startDate": "2026-13-45T99:00"}</script>', ""]
        ),
    ),
    max_size=12,
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(_HEADER_NAMES, _HEADER_VALUES), max_size=6),
    _BODY,
    st.sampled_from(["utf-8", "latin-1"]),
)
def test_arbitrary_text_with_a_header_like_prefix_parses_or_raises_unparsable_message(
    headers: list[tuple[str, str]], body: list[str], charset: str
) -> None:
    text = "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n" + "\r\n".join(body)
    with contextlib.suppress(UnparsableMessage):
        parse_message(text.encode(charset, "replace"))


FORWARDED_AS_ATTACHMENT = b"""From: Lee Park <lee@agency.example>\r
To: Alex Morgan <alex.morgan@example.com>\r
Subject: FW: Onsite details\r
Date: Tue, 10 Nov 2026 09:00:00 -0600\r
Message-ID: <fw-attach@agency.example>\r
MIME-Version: 1.0\r
Content-Type: multipart/mixed; boundary="b1"\r
\r
--b1\r
Content-Type: text/plain; charset=utf-8\r
\r
Alex - details from the client attached. Good luck!\r
--b1\r
Content-Type: message/rfc822\r
Content-Disposition: attachment; filename="Onsite details.eml"\r
\r
From: Dana Whitfield <dana@northwind.example>\r
To: Lee Park <lee@agency.example>\r
Subject: Onsite details\r
Date: Mon, 9 Nov 2026 16:00:00 -0500\r
Content-Type: text/plain; charset=utf-8\r
\r
Alex is confirmed for Friday, November 13 at 10:00 AM ET with Priya Shah.\r
--b1--\r
"""


def test_a_message_forwarded_as_an_attachment_reads_as_a_forwarded_block() -> None:
    message = parse_message(FORWARDED_AS_ATTACHMENT)
    assert message.text.strip() == "Alex - details from the client attached. Good luck!"
    assert message.quoted.startswith(
        "---------- Forwarded message ---------\nFrom: Dana Whitfield <dana@northwind.example>"
    )
    assert "Friday, November 13 at 10:00 AM ET" in message.quoted
