"""A second opinion on a message's kind, from word statistics.

The phrase rules in `classify` read a message's structure well (who wrote it, calendar parts, the
owner's own mail), but every new inbox brings wording they have not met. A linear model of word
weights, trained on the labelled corpus, is less exact on structure and more forgiving of new
wording, so `second_opinion` lets it overrule the rules only where they are unsure of the words.

The model is a multinomial logistic regression over TF-IDF word counts, trained with scikit-learn by
`tools/train_kind_model.py` and shipped as plain numbers in `kind_model.json`. Scoring one message
is a sparse dot product, done here in pure Python so the daemon needs no scientific stack.
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.extract.people import is_machine
from assistant.model import Kind, Message

MODEL_PATH = Path(__file__).with_name("kind_model.json")
# scikit-learn's default token pattern: words of two or more word characters.
_TOKEN = re.compile(r"\b\w\w+\b")


@dataclass(frozen=True, slots=True)
class Opinion:
    """The model's probabilities, how many distinct words it knew and what share of the message's
    words those are: with few, or a small share, the answer is mostly its prior (a short note, or
    mail in a language it never saw, comes out as `other`)."""

    probabilities: dict[Kind, float]
    words: int
    share: float


@dataclass(frozen=True, slots=True)
class KindModel:
    classes: tuple[Kind, ...]
    intercepts: tuple[float, ...]
    # token → (idf, idf × coefficient for each class): one lookup per distinct word of a message.
    terms: dict[str, tuple[float, tuple[float, ...]]]

    def opinion(self, document: str) -> Opinion:
        every = tokens(document)
        counts = Counter(filter(self.terms.__contains__, every))
        rows = [self.terms[token] for token in counts]
        tfs = [1.0 + math.log(count) for count in counts.values()]
        squares = sum((tf * idf) ** 2 for tf, (idf, _) in zip(tfs, rows, strict=True))
        # one sum per class over the transposed weights: the same additions in the same order as a
        # loop over words, done by `map` and `sum` rather than by the interpreter word by word
        columns = zip(*(weights for _, weights in rows), strict=True) if rows else ()
        weighted = [sum(map(operator.mul, tfs, column)) for column in columns] or [0.0] * len(self.intercepts)
        norm = math.sqrt(squares) or 1.0
        scores = [b + w / norm for b, w in zip(self.intercepts, weighted, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        probabilities = {kind: e / total for kind, e in zip(self.classes, exps, strict=True)}
        return Opinion(probabilities, len(counts), sum(counts.values()) / len(every) if every else 0.0)


def tokens(document: str) -> list[str]:
    """The words the model counts; training uses this same function, so the two cannot drift."""
    return _TOKEN.findall(document.lower())


def document(message: Message, from_owner: bool) -> str:
    """What the model reads: the subject twice (it carries the news), markers for who wrote it (the
    owner, a system, a person; a reply or not) and for calendar parts, and the newly written text
    without the quoted history. The same words mean different things from a person and a system:
    a person's "please complete the assessment" is about the application, a system's is not."""
    envelope = message.envelope
    subject = envelope.subject
    sender = envelope.sender
    markers = [
        "xownerwrote" if from_owner else "",
        "xautomated" if envelope.automated else "",
        "xperson" if sender is not None and not envelope.automated and not is_machine(sender) else "",
        "xreply" if envelope.in_reply_to else "",
    ]
    for event in message.events:
        markers += [f"xcalendar{(event.method or 'none').lower()}", event.summary]
    return "\n".join([subject, subject, " ".join(markers), message.text])


@cache
def load_model(path: Path = MODEL_PATH) -> KindModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return KindModel(
        classes=tuple(Kind(name) for name in data["classes"]),
        intercepts=tuple(data["intercepts"]),
        terms={token: (row[0], tuple(row[1:])) for token, row in data["terms"].items()},
    )
