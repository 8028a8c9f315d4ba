"""The pattern helpers that keep long phrase lists fast without changing what they match."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from assistant.extract.alternation import at_word_start, factored, lowered, word_alternation


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


def test_branches_are_grouped_by_their_first_letters() -> None:
    assert factored(r"decided not|decision to|won't|(?:will|shall) not") == (
        r"deci(?:ded not|sion to)|w(?:on't|ill not)|shall not"
    )
    # at a word start, a word boundary before a letter always holds
    assert at_word_start(r"\b(?:i will|i am)\b|offer") == r"(?<![\w'’])(?:i\ (?:will\b|am\b)|offer)"


def test_a_branch_is_not_moved_past_one_that_could_match_at_the_same_place() -> None:
    # "\w+ing" may match where "meeting" does: "meeting you" keeps its place after it
    assert factored(r"meet\b|\w+ing|meeting you") == r"meet\b|\w+ing|meeting you"
    assert re.search(factored(r"meet\b|\w+ing|meeting you"), "meeting you").group() == "meeting"


def test_a_pattern_with_capturing_groups_is_left_as_it_is() -> None:
    assert factored(r"(a)b|(a)c") == r"(a)b|(a)c"


# Small regular expressions in the shapes the phrase lists use: literal words, alternation
# groups (optional or not), word boundaries, look-aheads and word classes.
_ATOMS = st.sampled_from(["a", "b", "ab", "ba", " ", "'", r"\b", r"\w+", r"(?!a)", r"[ab]"])
_PIECE = st.recursive(
    _ATOMS,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3).map("".join),
        st.tuples(st.lists(inner, min_size=1, max_size=3), st.sampled_from(["", "?", "*"])).map(
            lambda parts: "(?:" + "|".join(parts[0]) + ")" + parts[1]
        ),
    ),
    max_leaves=8,
)


@given(st.lists(_PIECE, min_size=1, max_size=8).map("|".join), st.text("ab '", max_size=30))
def test_grouping_changes_no_match(pattern: str, text: str) -> None:
    for original, grouped in (
        (pattern, factored(pattern)),
        (rf"(?<![\w'’])(?:{pattern})", at_word_start(pattern)),
    ):
        spans = [m.span() for m in re.finditer(original, text)]
        assert [m.span() for m in re.finditer(grouped, text)] == spans, (original, grouped)
