"""Checks a rendered draft before it is placed: the user must see what still needs their hand.

A draft that fails is still placed (the user edits drafts anyway); the problems are recorded so
`status` and the log can say why. Spelling is checked by a dictionary the edge hands in (the
core reads no files); names of people, the company and the role are never "misspelt".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

PERSONAL_MARKER = "[[ "
Speller = Callable[[set[str]], set[str]]
"""Given lower-case words, returns those the dictionary does not know."""

_UNFILLED = re.compile(r"\{\{|\}\}|\{%|%\}|\bNone\b|\bundefined\b")
_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
_ADDRESSES = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\[\[.*?\]\]", re.DOTALL)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(_ADDRESSES.sub(" ", text))}


def proofread(body: str, speller: Speller | None = None, names: Iterable[str] = ()) -> list[str]:
    problems = []
    if PERSONAL_MARKER in body:
        problems.append("has a marked place for your personal line: fill it in before sending")
    if _UNFILLED.search(body):
        problems.append("has an unfilled template field")
    doubled = sorted({m.group(0) for m in _DOUBLED.finditer(body) if not m.group(1).isdigit()})
    if doubled:
        problems.append("repeats a word: " + ", ".join(repr(d) for d in doubled))
    if speller is not None:
        allowed = set().union(*(_words(name) for name in names)) if names else set()
        unknown = sorted(speller(_words(body) - allowed))
        if unknown:
            problems.append("may be misspelt: " + ", ".join(unknown))
    return problems
