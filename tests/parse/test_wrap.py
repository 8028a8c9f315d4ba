"""Hard-wrapped plain text joined back into sentences; layout lines stay as written."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from assistant.parse.wrap import unwrap


def test_a_sentence_wrapped_at_72_columns_is_joined() -> None:
    text = "Camille Roux, notre CTO (camille.roux@example.fr), se joindra à\nnous pour la deuxième moitié."
    assert (
        unwrap(text)
        == "Camille Roux, notre CTO (camille.roux@example.fr), se joindra à nous pour la deuxième moitié."
    )


def test_layout_lines_are_kept() -> None:
    text = "Donnerstag, 29. Oktober 2026, 14:00 Uhr\nDauer: ca. 45 Minuten\n\nDate: Monday\nTime: 3pm"
    assert unwrap(text) == text


def test_a_finished_sentence_is_not_joined_to_the_next_line() -> None:
    text = "We would like to invite you to a second interview with the team.\nit starts at noon"
    assert unwrap(text) == text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_only_line_breaks_and_quote_marks_at_joins_change(text: str) -> None:
    joined = unwrap(text)
    assert re.sub(r"[\s>]", "", joined) == re.sub(r"[\s>]", "", text)
    assert joined.count("\n") <= text.count("\n")
