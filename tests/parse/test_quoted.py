"""Quoted history is split off, so an old time quoted below a reply cannot decide anything."""

from __future__ import annotations

import pytest

from assistant.parse.quoted import is_forward, split_quoted, without_attributions

FRESH = "Hi Alex,\n\nCould we move it to Friday, December 4 at 3:00 PM ET instead?\n\nThanks,\nDana"


@pytest.mark.parametrize(
    "history",
    [
        # Gmail
        "On Tue, Dec 1, 2026 at 10:12 AM Alex Morgan <alex.morgan@example.com> wrote:\n"
        "> Thursday, December 3 at 2:00 PM ET works for me.",
        # Gmail, the attribution wrapped by the sender's client
        "On Tue, Dec 1, 2026 at 10:12 AM Alex Morgan <alex.morgan@example.com>\n"
        "wrote:\n\n> Thursday, December 3 at 2:00 PM ET works for me.",
        "On Tue, Dec 1, 2026 at 10:12 AM Alex Morgan\n<alex.morgan@example.com> wrote:\n"
        "> Thursday, December 3 at 2:00 PM ET works for me.",
        # Apple Mail
        "On Dec 1, 2026, at 10:12, Alex Morgan <alex.morgan@example.com> wrote:\n\n"
        "> Thursday, December 3 at 2:00 PM ET works for me.",
        # Thunderbird
        "On 12/1/26 10:12 AM, Alex Morgan wrote:\n> Thursday, December 3 at 2:00 PM ET works for me.",
        # Outlook desktop
        "From: Alex Morgan <alex.morgan@example.com>\nSent: Tuesday, December 1, 2026 10:12 AM\n"
        "To: Dana Whitfield <dana@northwind.example>\nSubject: RE: Interview\n\n"
        "Thursday, December 3 at 2:00 PM ET works for me.",
        # Outlook on the web, with its rule and bold labels
        "________________________________\n*From:* Alex Morgan <alex.morgan@example.com>\n"
        "*Sent:* Tuesday, December 1, 2026 10:12 AM\n*To:* Dana Whitfield\n*Subject:* RE: Interview\n\n"
        "Thursday, December 3 at 2:00 PM ET works for me.",
        # Outlook, converted from HTML with a blank line after each header line
        "From: Alex Morgan <alex.morgan@example.com>\n\nSent: Tuesday, December 1, 2026\n\n"
        "To: Dana Whitfield\n\nSubject: RE: Interview\n\nThursday, December 3 at 2:00 PM ET works for me.",
        "-----Original Message-----\nFrom: Alex Morgan\nSent: Tuesday, December 1, 2026 10:12 AM\n\n"
        "Thursday, December 3 at 2:00 PM ET works for me.",
        # Dutch: Gmail's attribution, Outlook's separator and its header block
        "Op di 1 dec 2026 om 10:12 schreef Alex Morgan <alex.morgan@example.com>:\n"
        "> Donderdag 3 december om 14.00 uur komt mij goed uit.",
        "-----Oorspronkelijk bericht-----\nVan: Alex Morgan\nVerzonden: dinsdag 1 december 2026 10:12\n\n"
        "Donderdag 3 december om 14.00 uur komt mij goed uit.",
        "Van: Alex Morgan <alex.morgan@example.com>\nVerzonden: dinsdag 1 december 2026 10:12\n"
        "Aan: Dana Whitfield\nOnderwerp: RE: Gesprek\n\nDonderdag 3 december om 14.00 uur komt mij goed uit.",
        # Swedish, Polish and Italian clients
        "Den tis 1 dec. 2026 kl 10:12 skrev Alex Morgan <alex.morgan@example.com>:\n> Torsdag passar bra. December 3",
        "W dniu wt., 1 gru 2026 o 10:12 Alex Morgan <alex.morgan@example.com> napisał(a):\n"
        "> Czwartek mi pasuje. December 3",
        "Il giorno mar 1 dic 2026 alle ore 10:12 Alex Morgan <alex.morgan@example.com> ha scritto:\n"
        "> Giovedì va bene. December 3",
        "Da: Alex Morgan <alex.morgan@example.com>\nInviato: martedì 1 dicembre 2026 10:12\nA: Dana Whitfield\n"
        "Oggetto: R: Colloquio\n\nGiovedì va bene. December 3",
        "---------- Forwarded message ---------\nFrom: Alex Morgan <alex.morgan@example.com>\n"
        "Date: Tue, Dec 1, 2026 at 10:12 AM\nSubject: Interview\nTo: <dana@northwind.example>\n\n"
        "Thursday, December 3 at 2:00 PM ET works for me.",
        "Begin forwarded message:\n\nFrom: Alex Morgan <alex.morgan@example.com>\n\n"
        "Thursday, December 3 at 2:00 PM ET works for me.",
        # German, French and Spanish clients
        "Am Di., 1. Dez. 2026 um 10:12 Uhr schrieb Alex Morgan <alex.morgan@example.com>:\n"
        "> Donnerstag, 3. Dezember um 14:00 Uhr passt mir.",
        "Von: Alex Morgan <alex.morgan@example.com>\nGesendet: Dienstag, 1. Dezember 2026 10:12\n"
        "An: Dana Whitfield\nBetreff: AW: Vorstellungsgespräch\n\nDonnerstag um 14:00 Uhr passt mir.",
        "-----Ursprüngliche Nachricht-----\nVon: Alex Morgan\n\nDonnerstag um 14:00 Uhr passt mir.",
        "Le mar. 1 déc. 2026 à 10:12, Alex Morgan <alex.morgan@example.com> a écrit :\n"
        "> Jeudi 3 décembre à 14h me convient.",
        "Le mar. 1 déc. 2026 à 10:12, Alex Morgan <alex.morgan@example.com> a\nécrit :\n"
        "> Jeudi 3 décembre à 14h me convient.",
        "De : Alex Morgan <alex.morgan@example.com>\nEnvoyé : mardi 1 décembre 2026 10:12\n"
        "À : Dana Whitfield\nObjet : RE: Entretien\n\nJeudi 3 décembre à 14h me convient.",
        "El mar, 1 dic 2026 a las 10:12, Alex Morgan (<alex.morgan@example.com>) escribió:\n"
        "> El jueves 3 de diciembre a las 14:00 me viene bien.",
        "De: Alex Morgan <alex.morgan@example.com>\nEnviado: martes, 1 de diciembre de 2026 10:12\n"
        "Para: Dana Whitfield\nAsunto: RE: Entrevista\n\nEl jueves a las 14:00 me viene bien.",
        "---------- Mensaje reenviado ---------\nDe: Alex Morgan\n\nEl jueves a las 14:00.",
        "---------- Message transféré ---------\nDe : Alex Morgan\n\nJeudi 3 décembre à 14h.",
        # plain ">" quoting without an attribution
        "> Thursday, December 3 at 2:00 PM ET works for me.\n> Alex",
    ],
)
def test_the_new_text_is_above_and_the_history_below(history: str) -> None:
    fresh, quoted = split_quoted(f"{FRESH}\n\n{history}\n")
    assert fresh == FRESH
    assert quoted.startswith(history.splitlines()[0])
    assert (
        "December 3" in quoted
        or "Donnerstag" in quoted
        or "Jeudi" in quoted
        or "jueves" in quoted
        or "Donderdag" in quoted
    )


@pytest.mark.parametrize(
    "text",
    [
        FRESH,
        "On Thursday we will meet the team, and I wrote down the address below.\nSee you!",
        "From: the recruiting team at Northwind\nWe look forward to meeting you.",
        "Le jeudi 3 décembre, nous vous attendons à 14h.\nÀ bientôt",
        "Agenda:\n1. Intro\n2. System design -- whiteboard\n3. Questions",
    ],
)
def test_text_without_history_is_all_fresh(text: str) -> None:
    assert split_quoted(text) == (text, "")


def test_empty_text() -> None:
    assert split_quoted("") == ("", "")


def test_an_outlook_forwarded_appointment_is_history_and_a_forward() -> None:
    text = (
        "Forwarding the invite so you have the Teams details.\n\n-----Original Appointment-----\n"
        "From: Priya Shah <priya.shah@northwind.example>\nSent: 26 November 2026 16:58\n"
        "When: 01 December 2026 09:30-10:30 (UTC+00:00) London."
    )
    fresh, quoted = split_quoted(text)
    assert fresh == "Forwarding the invite so you have the Teams details."
    assert is_forward(quoted)


def test_a_reply_attribution_is_not_a_forward() -> None:
    assert not is_forward("On Tue, Dec 1, 2026 at 10:12 AM Alex Morgan <alex@example.com> wrote:\n> Thanks")


def test_attribution_and_date_lines_are_blanked_keeping_positions() -> None:
    quoted = (
        "---------- Forwarded message ---------\nDate: Mon, Dec 7, 2026 at 9:48 AM\nSee you Thursday at 1pm."
    )
    blanked = without_attributions(quoted)
    assert len(blanked) == len(quoted)
    assert "9:48" not in blanked
    assert "Thursday at 1pm" in blanked


@pytest.mark.parametrize(
    ("quoted", "sent", "body"),
    [
        (
            "From: Ines <ines@lumora.example>\nSent: Tuesday, December 1, 2026 10:02 AM\nTo: Marcus <m@x.example>\n"
            "Subject: Interview\n\nConfirming the interview:\n\nDate: Monday, December 7, 2026\nTime: 3:00 PM Eastern",
            "10:02",
            "Date: Monday, December 7, 2026",
        ),
        # Outlook's Spanish header: "Enviado el:"
        (
            "De: Paula Giménez <pg@cordillera.example>\nEnviado el: viernes, 13 de noviembre de 2026 11:47\n"
            "Para: Lorena <l@x.example>\n\nTe confirmamos la entrevista el jueves 19/11 a las 15 hs.",
            "11:47",
            "jueves 19/11 a las 15 hs",
        ),
    ],
)
def test_a_passed_on_headers_sent_line_is_blanked_and_its_body_kept(
    quoted: str, sent: str, body: str
) -> None:
    blanked = without_attributions(quoted)
    assert sent not in blanked
    assert body in blanked
