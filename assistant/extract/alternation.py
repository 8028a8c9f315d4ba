"""Long lists of words as one regular expression that stays fast.

Month and weekday names in six languages, zone names and city names are searched in every
message; written as a flat alternation, the regex engine tries every branch at every position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def lowered(text: str) -> str:
    """The text in lower case, position for position, for patterns written in lower case: the
    case-insensitive flag makes long alternations several times slower."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[0] for c in text)


def at_word_start(pattern: str) -> str:
    """`pattern` tried only where a word starts. A long phrase alternation is otherwise attempted
    branch by branch at every character of the text; most positions are inside a word, and the
    look-behind turns them away at once (three such patterns took a seventh of `eval`'s time).
    Every branch must then begin with a whole word: "we'd" as `\\w+'d`, not `'d`."""
    return rf"(?<![\w'’])(?:{pattern})"


def word_alternation(words: Iterable[str]) -> str:
    """An alternation of `words` as a prefix tree ("j(?:an(?:uary)?|u(?:ne|ly))").

    The regex engine tries every branch of a flat alternation at every position of the text; a
    tree fails after the first letter, which makes the date search several times faster. Longer
    words still win, as optional tails are greedy.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(tree)
