"""Names spelled out from the initials a domain takes."""

from __future__ import annotations

import pytest

from assistant.extract.naming import spelled_by_initials


@pytest.mark.parametrize(
    ("text", "acronym", "name"),
    [
        ("Advisor | Canadian Water Stewardship Agency\n", "cwsa", "Canadian Water Stewardship Agency"),
        ("at Innovation and Regional Growth Canada we", "irgc", "Innovation and Regional Growth Canada"),
        ("das Bundesamt für wirtschaftliche Resilienz (BWR)", "bwr", "Bundesamt für wirtschaftliche Resilienz"),
        # French capitals on the first word, accents, elided articles and compounds
        ("Agence wallonne de la Mobilité durable", "awmd", "Agence wallonne de la Mobilité durable"),
        ("OWEPP - Office wallon de l'Évaluation des Politiques publiques", "owepp",
         "Office wallon de l'Évaluation des Politiques publiques"),
        ("Intercommunale Meuse-Ourthe Habitat", "imoh", "Intercommunale Meuse-Ourthe Habitat"),
    ],
)  # fmt: skip
def test_a_name_whose_initials_spell_the_label(text: str, acronym: str, name: str) -> None:
    assert spelled_by_initials(text, acronym) == name


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("Can we set aside an hour?", "cwsa"),  # must end on a capital
        ("Canadian Water\nStewardship Agency", "cwsa"),  # one line only
        ("Acme Corp", "ac"),  # two letters match too much
        ("Northwind Analytics", "northwind"),  # a word, not initials
    ],
)
def test_no_name_where_the_initials_do_not_hold(text: str, acronym: str) -> None:
    assert spelled_by_initials(text, acronym) is None
