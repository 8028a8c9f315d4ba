"""Checks a rendered draft before it is placed: the user must see what still needs their hand.

A draft that fails is still placed (the user edits drafts anyway); the problems are recorded so
`status` and the log can say why.
"""

from __future__ import annotations

import re

PERSONAL_MARKER = "[[ "
_UNFILLED = re.compile(r"\{\{|\}\}|\{%|%\}|\bNone\b|\bundefined\b")
_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)


def proofread(body: str) -> list[str]:
    problems = []
    if PERSONAL_MARKER in body:
        problems.append("has a marked place for your personal line: fill it in before sending")
    if _UNFILLED.search(body):
        problems.append("has an unfilled template field")
    doubled = sorted({m.group(0) for m in _DOUBLED.finditer(body) if not m.group(1).isdigit()})
    if doubled:
        problems.append("repeats a word: " + ", ".join(repr(d) for d in doubled))
    return problems
