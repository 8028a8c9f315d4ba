"""The date by which the employer said they would answer; vague phrases give nothing."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.extract.timeline import find_respond_by

FRIDAY = date(2026, 12, 4)
SATURDAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I've shared my notes with the hiring team, and the team will get back to you by Friday,\n"
         "December 11 about next steps.", date(2026, 12, 11)),
        ("We expect to make a decision by December 18.", date(2026, 12, 18)),
        ("We will get back to you before Wednesday, Dec. 9.", date(2026, 12, 9)),
        ("We'll follow up with you by next Wednesday.", date(2026, 12, 9)),
        ("Decision: by Friday, December 11", date(2026, 12, 11)),
        ("You'll hear from us no later than\nMonday, December 14.", date(2026, 12, 14)),
        ("We'll have a decision by the end of next week.", date(2026, 12, 11)),
        ("We'll let you know by the end of this week.", FRIDAY),
        ("Wir melden uns bis Freitag, 11. Dezember bei Ihnen.", date(2026, 12, 11)),
        ("Sie erhalten unsere Rückmeldung bis Ende nächster Woche.", date(2026, 12, 11)),
        ("Nous reviendrons vers vous d'ici la fin de la semaine prochaine.", date(2026, 12, 11)),
        ("Vous aurez notre réponse avant le 10 décembre.", date(2026, 12, 10)),
        ("We'll be back to everyone by the end of next week either way.", date(2026, 12, 11)),
        ("Once the approval is done we will revert with the schedule latest by 11/12/2026.", date(2026, 12, 11)),
        ("Sie hören bis spätestens Freitag, den 11. Dezember, von uns.", date(2026, 12, 11)),
        ("Te daremos una respuesta definitiva antes del final de la semana que viene.", date(2026, 12, 11)),
        ("Le daremos una respuesta antes del 11 de diciembre.", date(2026, 12, 11)),
        ("I'll come back to you by next Friday, 11 December at the latest, either way.", date(2026, 12, 11)),
        ("I'm talking with two more folks this week, and we'll circle back by EOW on next steps.", FRIDAY),
        ("I'm lining up her calendar and will send you scheduling options by Tuesday, December 8.", date(2026, 12, 8)),
        ("Oliver is away until Tuesday, so we'll have consolidated feedback for you by Wednesday, December 9.",
         date(2026, 12, 9)),
        ("Le daremo una risposta entro venerdì 11 dicembre.", date(2026, 12, 11)),
        ("Vi återkommer med besked senast fredag 11 december.", date(2026, 12, 11)),
        ("Odezwiemy się do piątku 11 grudnia.", date(2026, 12, 11)),
        ("Vi vender tilbage inden udgangen af næste uge.", date(2026, 12, 11)),
        ("Nous vous ferons un retour au plus tard le vendredi 11 décembre.", date(2026, 12, 11)),
        ("En cualquier caso te diré algo seguro antes del viernes 11 de diciembre.", date(2026, 12, 11)),
        ("We plan to let all of our finalists know where things stand by Friday, December 11.", date(2026, 12, 11)),
        ("Applicants will be notified of their status no later than Friday, December 11, 2026.", date(2026, 12, 11)),
        ("U hoort uiterlijk vrijdag 11 december van ons.", date(2026, 12, 11)),
        ("Wij laten u uiterlijk aanstaande woensdag weten of u bent geselecteerd.", date(2026, 12, 9)),
        ("Una vez que hablemos con ellos te confirmo cómo seguimos antes del miércoles.", date(2026, 12, 9)),
        ("Nous terminons les entretiens ; je reviendrai vers vous d'ici la fin de la semaine prochaine.", date(2026, 12, 11)),
        ("Ze laten uiterlijk woensdag weten of je doorgaat.", date(2026, 12, 9)),
        ("We verwachten uiterlijk woensdag 9 december een besluit te hebben.", date(2026, 12, 9)),
        ("Te daremos una respuesta sobre el paso a la entrevista final antes de que acabe esta semana.", FRIDAY),
    ],
)  # fmt: skip
def test_firm_statements(text: str, expected: date) -> None:
    assert find_respond_by(text, FRIDAY) == expected


def test_someone_away_until_a_day_is_not_the_promise() -> None:
    text = (
        "Hamish is on annual leave until Monday and we want him in the room for the final decision. "
        "I'll be back in touch by the end of next week with an update either way."
    )
    assert find_respond_by(text, FRIDAY) == date(2026, 12, 11)


def test_end_of_next_week_said_on_a_weekend_is_the_coming_friday() -> None:
    assert find_respond_by("We'll get back to you by the end of next week.", SATURDAY) == date(2026, 12, 11)


@pytest.mark.parametrize(
    "text",
    [
        "You'll hear from us soon.",
        "We hope to get back to you early next week.",
        "We will make a decision within two weeks.",
        "Please send your availability by Monday.",
        "Please complete the assessment by December 8. We'll get back to you soon.",
        "We decided on December 1 to open the role.",
        "We'll get back to you by Tuesday, December 1.",  # already past
        "Please respond by Monday, December 21, 2026. After that date the offer will expire.",
        "We hope to have your answer before Friday 11 December.",
        "",
    ],
)
def test_vague_or_unrelated_dates_give_nothing(text: str) -> None:
    assert find_respond_by(text, FRIDAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We plan to have an answer for you by 12/18.", date(2026, 12, 18)),
        ("Maya and I meet Monday, and I'll have an update for you by Wednesday.", date(2026, 12, 9)),
        (
            "Wir melden uns bis spätestens Freitag, den 11. Dezember, mit einer Rückmeldung.",
            date(2026, 12, 11),
        ),
        ("Please update your profile by Friday, December 11.", None),
        ("Please answer the questionnaire by December 11.", None),
        ("I expect to have a proper update for you by the end of next week.", date(2026, 12, 11)),
        ("Wir werden Ihnen unseren Entscheid bis spätestens Freitag, 18. Dezember 2026 mitteilen.", date(2026, 12, 18)),
        ("We aim to communicate final results, including pool placement, by Friday, December 11.", date(2026, 12, 11)),
        # back at the office, and a form the reader returns, are not answers
        ("Marc a été appelé à Francfort et ne sera pas de retour avant mercredi.", None),
        ("Merci de me le retourner au plus tard le lundi 14 décembre.", None),
        ("Je m’engage à vous donner une réponse d’ici au mercredi 16 décembre au plus tard.", date(2026, 12, 16)),
        ("They told me they'll have a final answer for us by Friday, December 18.", date(2026, 12, 18)),
        ("La Comisión publicará la relación definitiva, a más tardar, el miércoles 16 de diciembre.", date(2026, 12, 16)),
        ("Les convocations vous seront envoyées d'ici la fin de la semaine prochaine.", date(2026, 12, 11)),
        # a date inside a condition, and the reader's own "let me know"
        ("If you have not received it by Monday evening, let me know and I will follow up.", None),
        ("If the link hasn't shown up by Wednesday just let me know.", None),
        ("Je reviens vers toi au plus tard jeudi 10 décembre pour te dire si on passe à la suite.", date(2026, 12, 10)),
        ("Die Auswahlentscheidung wird allen bis spätestens Freitag, 18. Dezember 2026, mitgeteilt.", date(2026, 12, 18)),
        # Spanish "hasta el …" after an answer word; Dutch "uitsluitsel"; a request to the reader is theirs
        ("Le daremos una respuesta hasta el viernes 11 de diciembre.", date(2026, 12, 11)),
        ("Los resultados finales se publicarán en la plataforma hasta el 18 de diciembre de 2026.", date(2026, 12, 18)),
        ("Wij verwachten u uiterlijk woensdag 9 december uitsluitsel te kunnen geven over de uitkomst.", date(2026, 12, 9)),
        ("Wilt u uiterlijk woensdag 9 december per e-mail laten weten welk moment uw voorkeur heeft?", None),
        ("Could you let us know by Wednesday, December 9 which slot you prefer?", None),
        ("Je te reviens au plus tard le vendredi 11 décembre, peu importe l'issue.", date(2026, 12, 11)),
    ],
)  # fmt: skip
def test_answer_and_update_promises(text: str, expected: date | None) -> None:
    assert find_respond_by(text, SATURDAY) == expected


def test_a_deadline_beside_the_readers_answer_is_theirs_even_with_a_promise_further_on() -> None:
    text = (
        "We'd love an answer by Friday, December 11 if you can, but tell me if you need more time -- "
        "I'd rather you make the right decision than a fast one."
    )
    assert find_respond_by(text, FRIDAY) is None


def test_dutch_end_of_the_week_said_on_a_wednesday_is_that_friday() -> None:
    text = "Ik laat je voor het einde van de week weten op welke datum de casedag plaatsvindt."
    assert find_respond_by(text, date(2026, 12, 2)) == FRIDAY
