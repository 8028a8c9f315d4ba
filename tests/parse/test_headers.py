"""Header parsing: tolerant of what real and hostile mail carries, never raising."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.model import Address
from assistant.parse.headers import clean_text, envelope_from_bytes, parse_addresses, person_name


def _headers(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8") + b"\r\n"


def test_a_greenhouse_style_header_block() -> None:
    envelope = envelope_from_bytes(
        _headers(
            "Date: Fri, 27 Nov 2026 15:41:07 +0000\n"
            "From: Dana Whitfield <no-reply@greenhouse.io>\n"
            "Reply-To: Dana Whitfield <Dana.Whitfield@Northwind-Analytics.com>\n"
            "To: Alex Morgan <alex.morgan@example.com>\n"
            'Cc: "Shah, Priya" <priya.shah@northwind-analytics.com>, marcus.bell@northwind-analytics.com\n'
            "Message-ID: <6b09a493a9e2b_5c1f2d8e4b7a3104217@gh-mailer-7d9f6c5b8-qx4lm.mail>\n"
            "Subject: =?UTF-8?B?SW50ZXJ2aWV3IENvbmZpcm1hdGlvbjogU2VuaW9yIERhdGEgRW5naW5l?=\n"
            " =?UTF-8?B?ZXIg4oCTIE5vcnRod2luZCBBbmFseXRpY3MgKFRodSwgRGVjIDMp?=\n"
            "X-Auto-Response-Suppress: All\n"
        )
    )
    assert envelope.message_id == "<6b09a493a9e2b_5c1f2d8e4b7a3104217@gh-mailer-7d9f6c5b8-qx4lm.mail>"
    assert (
        envelope.subject == "Interview Confirmation: Senior Data Engineer – Northwind Analytics (Thu, Dec 3)"
    )
    assert envelope.sender == Address("no-reply@greenhouse.io", "Dana Whitfield")
    assert envelope.reply_to == (Address("dana.whitfield@northwind-analytics.com", "Dana Whitfield"),)
    assert envelope.cc == (
        Address("priya.shah@northwind-analytics.com", "Priya Shah"),
        Address("marcus.bell@northwind-analytics.com", None),
    )
    assert envelope.date == datetime(2026, 11, 27, 15, 41, 7, tzinfo=UTC)
    assert not envelope.automated


def test_threading_headers_keep_every_id_in_order() -> None:
    envelope = envelope_from_bytes(
        _headers(
            "From: Omar Haddad <omar@brightpath.io>\n"
            "Message-ID: <CAOk3hR5Nq8X@mail.gmail.com>\n"
            "In-Reply-To: <b7e3c9a4@example.com>\n"
            "References: <CAOk3hR7yT2q@mail.gmail.com>\n <b7e3c9a4@example.com>\n"
        )
    )
    assert envelope.references == ("<CAOk3hR7yT2q@mail.gmail.com>", "<b7e3c9a4@example.com>")
    assert envelope.in_reply_to == "<b7e3c9a4@example.com>"
    assert envelope.thread_refs == ("<CAOk3hR7yT2q@mail.gmail.com>", "<b7e3c9a4@example.com>")


def test_encoded_words_in_iso_8859_1_and_utf_8() -> None:
    envelope = envelope_from_bytes(
        _headers(
            "From: =?iso-8859-1?Q?J=E9r=F4me_Lef=E8vre?= <jerome.lefevre@atelier-nova.fr>\n"
            "Subject: =?iso-8859-1?Q?Entretien_pour_le_poste_de_D=E9veloppeur_?=\n"
            " =?iso-8859-1?Q?Back-end_=96_jeudi_3_d=E9cembre?=\n"
            "To: =?UTF-8?Q?M=C3=BCller=2C_J=C3=BCrgen?= <j.mueller@example.de>\n"
        )
    )
    assert envelope.sender == Address("jerome.lefevre@atelier-nova.fr", "Jérôme Lefèvre")
    assert envelope.subject.startswith("Entretien pour le poste de Développeur Back-end")
    # an encoded comma inside a name must not split the address list
    assert envelope.to == (Address("j.mueller@example.de", "Jürgen Müller"),)


def test_raw_8bit_headers_are_read_as_utf8_or_windows_1252() -> None:
    raw = (
        b"From: J\xe9r\xf4me Lef\xe8vre <jerome@atelier-nova.fr>\r\n"
        b"Subject: Entretien \xe0 14h \x96 confirm\xe9\r\n"
        b"To: Zo\xc3\xab Adams <zoe@example.com>\r\n\r\n"
    )
    envelope = envelope_from_bytes(raw)
    assert envelope.sender is not None
    assert envelope.sender.name == "Jérôme Lefèvre"
    assert envelope.subject == "Entretien à 14h – confirmé"
    assert envelope.to[0].name == "Zoë Adams"


def test_crlf_and_control_characters_never_survive_in_names_or_subjects() -> None:
    envelope = envelope_from_bytes(
        _headers(
            "From: =?utf-8?q?Dana=0D=0ABcc=3A_attacker=40evil=2Eexample?= <dana@northwind.example>\n"
            "Reply-To: =?utf-8?b?RGFuYQ1CY2M6IHhAeS56?= <dana@northwind.example>\n"
            "Subject: =?utf-8?q?Interview=0D=0AX-Injected=3A_yes=00=07=1B=C2=85?=\n"
        )
    )
    assert envelope.sender is not None
    assert envelope.sender.name is not None
    for text in (envelope.sender.name, envelope.reply_to[0].name or "", envelope.subject):
        assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in text)
    assert envelope.sender.name == "Dana Bcc: attacker@evil.example"
    assert envelope.subject == "Interview X-Injected: yes"


def test_clean_text_folds_every_line_break_kind() -> None:
    assert clean_text("a\r\nb\nc\rd\x00e\u2028f\u2029g\x85h\tI  j") == "a b c d e f g h I j"


def test_names_that_repeat_the_address_are_dropped_and_last_first_is_turned() -> None:
    assert person_name('"jordan.lee@example.org"', "jordan.lee@example.org") is None
    assert person_name("Nguyen, Thao", "thao@x.example") == "Thao Nguyen"
    assert person_name("Acme Robotics, Inc.", "jobs@acme.example") == "Acme Robotics, Inc."
    assert person_name("Dana Whitfield (Northwind)", "d@n.example") == "Dana Whitfield (Northwind)"


def test_malformed_address_headers_give_what_is_usable() -> None:
    envelope = envelope_from_bytes(
        _headers(
            "From: <<<>>>@@\n"
            "To: ,,,;;; undisclosed-recipients:;\n"
            "Cc: Priya Shah <priya.shah@northwind-analytics.com, Marcus <marcus@@northwind>, bob\n"
            'Reply-To: "Recruiting" <>\n'
            "Date: not a date at all\n"
            "Message-ID: \n"
        )
    )
    assert envelope.sender is None
    assert envelope.to == ()
    assert envelope.reply_to == ()
    assert envelope.date is None
    assert all("@" in a.email and " " not in a.email for a in envelope.cc)


def test_missing_message_id_gets_a_stable_synthetic_id() -> None:
    headers = (
        "From: Lena Fischer <lena.fischer@harborlight.dev>\n"
        "To: alex.morgan@example.com\n"
        "Date: Tue, 24 Nov 2026 14:12:38 -0500\n"
        "Subject: Harborlight interview confirmed\n"
    )
    header_block = envelope_from_bytes(_headers(headers))
    whole_message = envelope_from_bytes(_headers("Received: by mx1\n" + headers) + b"Hi Alex,\r\n")
    lf_only = envelope_from_bytes((headers + "\n").encode())
    other = envelope_from_bytes(_headers(headers.replace("confirmed", "moved")))
    assert header_block.message_id.startswith("<no-id-")
    assert header_block.message_id.endswith("@interview-assistant.invalid>")
    assert header_block.message_id == whole_message.message_id == lf_only.message_id
    assert other.message_id != header_block.message_id


def test_a_bare_message_id_gets_its_angle_brackets() -> None:
    envelope = envelope_from_bytes(_headers("Message-ID: 20261201.4711@mailer.acme.example\n"))
    assert envelope.message_id == "<20261201.4711@mailer.acme.example>"


def test_dates_naive_ones_become_utc_and_offsets_are_kept() -> None:
    def date_of(value: str) -> datetime | None:
        return envelope_from_bytes(_headers(f"Date: {value}\n")).date

    assert date_of("Tue, 1 Dec 2026 10:00:00") == datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    assert date_of("Tue, 1 Dec 2026 10:00:00 -0000") == datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    pst = date_of("Mon, 30 Nov 2026 09:18:44 -0800 (PST)")
    assert pst is not None
    assert pst.utcoffset() == timedelta(hours=-8)
    assert pst == datetime(2026, 11, 30, 9, 18, 44, tzinfo=timezone(timedelta(hours=-8)))
    assert date_of("Tue, 31 Feb 2026 99:99:99 +9999") is None
    assert date_of("1 Dec 99999 10:00:00 +0000") is None
    assert date_of("Sat, 31 Dec 9999 23:59:59 +1400") is None
    assert date_of("Thu, 1 Jan 1903 00:00:00 +0000") is None


def test_automated_mail_is_recognised_from_its_headers() -> None:
    def automated(extra: str) -> bool:
        return envelope_from_bytes(_headers("From: a@b.example\n" + extra)).automated

    assert automated("Auto-Submitted: auto-generated\n")
    assert automated("Precedence: bulk\n")
    assert automated("List-Unsubscribe: <https://talentloop.example/u/1>\n")
    assert not automated("Auto-Submitted: no\n")
    assert not automated("")


def test_parse_addresses_skips_what_is_not_an_address() -> None:
    assert parse_addresses("Team Calendar, no address here, x@localhost") == ()
    assert parse_addresses("=?utf-8?q?O=27Brien=2C_Siobh=C3=A1n?= <siobhan@ex.example>") == (
        Address("siobhan@ex.example", "Siobhán O'Brien"),
    )


_HEADER_NAMES = st.sampled_from(
    ["From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID", "In-Reply-To", "References"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_HEADER_NAMES, st.binary(max_size=80)), max_size=8))
def test_header_parsing_never_raises_and_never_keeps_control_characters(
    fields: list[tuple[str, bytes]],
) -> None:
    raw = b"".join(name.encode() + b": " + value.replace(b"\n", b"\n ") + b"\r\n" for name, value in fields)
    envelope = envelope_from_bytes(raw + b"\r\n")
    names = [a.name or "" for a in (*envelope.to, *envelope.cc, *envelope.reply_to)]
    if envelope.sender is not None:
        names.append(envelope.sender.name or "")
    for text in (*names, envelope.subject):
        assert clean_text(text) == text
    assert envelope.message_id.startswith("<")
    assert envelope.message_id.endswith(">")
