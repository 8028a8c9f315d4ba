"""The pattern helpers that keep long phrase lists fast without changing what they match."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from assistant.extract.alternation import at_word_start, lowered, word_alternation


def test_a_phrase_is_found_only_where_a_word_starts() -> None:
    pattern = re.compile(at_word_start(r"offer|\w+'d like to offer"))
    assert pattern.search("we'd like to offer you the role").group() == "we'd like to offer"
    assert pattern.search("an offer letter") is not None
    assert pattern.search("counteroffer") is None
    assert pattern.search("don'toffer") is None


@given(
    st.lists(st.text(alphabet="abcdéü", min_size=1, max_size=6), min_size=1, max_size=8), st.text("abcdéü ")
)
def test_the_word_tree_matches_exactly_what_the_flat_list_matches(words: list[str], text: str) -> None:
    flat = re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))
    tree = re.compile(word_alternation(words))
    assert [m.group() for m in tree.finditer(text)] == [m.group() for m in flat.finditer(text)]


def test_lowered_keeps_positions() -> None:
    text = "İstanbul Interview"
    assert len(lowered(text)) == len(text)
    assert lowered(text).endswith("interview")
