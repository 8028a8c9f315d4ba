"""Long lists of words as one regular expression that stays fast.

Month and weekday names in six languages, zone names and city names are searched in every
message; written as a flat alternation, the regex engine tries every branch at every position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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
    Every branch must then begin with a whole word: "we'd" as `\\w+'d`, not `'d`. The branches
    are grouped by their first letters (see `factored`)."""
    return rf"(?<![\w'’])(?:{_factor(pattern, word_start=True)})"


def factored(pattern: str) -> str:
    """The same regular expression with its branches grouped by their first letters.

    The engine tries a flat alternation branch by branch: a list of three hundred phrases costs
    three hundred attempts at every word. Grouped ("de(?:cided not to|cision to)"), a branch
    that cannot match is turned away with its whole group at the first letter, which made the
    phrase lists of `classify` and `people` three to eight times faster. Every rewrite keeps the
    order in which the engine tries the branches that can match at one position, so the matches
    are the same: a branch only joins an earlier one with the same first letter when no branch
    between them could start at the same place. A pattern with capturing groups is left as it is.
    """
    return _factor(pattern, word_start=False)


_QUANTIFIERS = ("?", "*", "+", "{")
# Characters that stand for themselves at the start of a branch.
_LITERAL = re.compile(r"[\w '’:,/&@\"-]")
_CAPTURING = re.compile(r"\((?!\?(?::|=|!|<=|<!))")


def _factor(pattern: str, word_start: bool) -> str:
    if _CAPTURING.search(pattern.replace("\\\\", "").replace("\\(", "")):
        return pattern
    branches = _split(pattern)
    if not word_start and all(b.startswith("\\b") and not b.startswith("\\b)") for b in branches):
        # "\bwebinar|\bpodcast": after one word boundary, the rest behave as at a word start
        return "\\b(?:" + _grouped([b[2:] for b in branches], word_start=True, depth=0) + ")"
    return _grouped(branches, word_start, depth=0)


def _grouped(branches: list[str], word_start: bool, depth: int) -> str:
    spread: list[str] = []
    for branch in branches:
        expanded = _spread(branch) if depth < 3 else [branch]
        if 2 * sum(_first(e, word_start)[0] is None for e in expanded) > len(expanded):
            expanded = [branch]
        spread.extend(expanded)
    groups: list[tuple[str | None, list[str]]] = []
    open_groups: dict[str, list[str]] = {}
    for branch in spread:
        head, tail = _first(branch, word_start)
        if head is None:
            groups.append((None, [tail]))
            open_groups = {}
        elif head in open_groups:
            open_groups[head].append(tail)
        else:
            open_groups[head] = [tail]
            groups.append((head, open_groups[head]))
    parts = []
    for head, tails in groups:
        if head is None:
            parts.append(tails[0])
        elif len(tails) == 1:
            parts.append(re.escape(head) + tails[0])
        else:
            inner = _grouped(tails, False, depth + 1)
            parts.append(re.escape(head) + (inner if len(_split(inner)) == 1 else f"(?:{inner})"))
    return "|".join(parts)


def _first(branch: str, word_start: bool) -> tuple[str | None, str]:
    """The literal character a branch starts with, and the rest. At a word start, a leading
    word boundary before a letter always holds and is dropped."""
    if word_start and branch.startswith("\\b") and branch[2:3].isalnum() and branch[3:4] not in _QUANTIFIERS:
        branch = branch[2:]
    if branch[:1] and _LITERAL.fullmatch(branch[0]) and branch[1:2] not in _QUANTIFIERS:
        return branch[0], branch[1:]
    return None, branch


def _spread(branch: str) -> list[str]:
    """A branch that opens with a group, as one branch per alternative of the group, in the
    order the engine tries them: "(?:a|b)c" is "ac|bc", "(?:a)?c" is "ac|c"."""
    prefix = ""
    if branch.startswith("\\b(?:"):
        prefix, branch = "\\b", branch[2:]
    if not branch.startswith("(?:"):
        return [prefix + branch]
    end = _group_end(branch)
    rest = branch[end + 1 :]
    inner = _split(branch[3:end])
    if rest[:1] == "?" and rest[1:2] not in ("?", "+"):
        rest, inner = rest[1:], [*inner, ""]
    elif rest[:1] in _QUANTIFIERS:
        return [prefix + branch]
    spread: list[str] = []
    for alternative in inner:
        if prefix and alternative.startswith("\\b"):
            alternative = alternative[2:]
        spread.extend(_spread(prefix + alternative + rest))
    return spread


def _tokens(pattern: str) -> Iterator[tuple[int, str]]:
    """Positions and characters of `pattern` outside escapes and character classes."""
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i += 2 if pattern[i + 1 : i + 2] == "^" else 1
            i += 1 if pattern[i : i + 1] == "]" else 0
            while pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        yield i, char
        i += 1


def _split(pattern: str) -> list[str]:
    """The top-level branches of an alternation."""
    parts, depth, start = [], 0, 0
    for i, char in _tokens(pattern):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _group_end(pattern: str) -> int:
    """Where the group that opens `pattern` closes."""
    depth = 0
    for i, char in _tokens(pattern):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
    raise ValueError(f"unbalanced group in {pattern!r}")


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
