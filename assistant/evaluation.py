"""`assistant eval DIR`: score the extractor against a labelled directory of messages.

The directory holds `*.eml` files and a `labels.json` mapping each file name to the `inspect`
contract (plus an optional "owner" where the mailbox owner is not the first To address). Scoring
is a pure function of predictions and labels; only `load_corpus` touches files.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.extract import extract_facts
from assistant.extract.kind_model import document
from assistant.extract.people import owner_of
from assistant.model import Facts, Kind, facts_to_json
from assistant.parse import UnparsableMessage, parse_message

KINDS = [kind.value for kind in Kind]


@dataclass(frozen=True, slots=True)
class Labelled:
    name: str
    raw: bytes
    label: dict[str, Any]


@dataclass
class Scores:
    """Counts behind every reported rate, so a reader can check the arithmetic."""

    messages: int = 0
    kind_correct: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    false_confirmations: list[str] = field(default_factory=list)
    confirmations: int = 0
    start_exact: int = 0
    ends: int = 0
    end_exact: int = 0
    interviewers_predicted: int = 0
    interviewers_expected: int = 0
    interviewers_correct: int = 0
    company: list[int] = field(default_factory=lambda: [0, 0])
    role: list[int] = field(default_factory=lambda: [0, 0])
    respond_by: list[int] = field(default_factory=lambda: [0, 0])
    seconds: float = 0.0
    mistakes: list[str] = field(default_factory=list)

    def rate(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    def summary(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "kind_accuracy": self.rate(self.kind_correct, self.messages),
            "false_interview_confirmations": len(self.false_confirmations),
            "start_exact": self.rate(self.start_exact, self.confirmations),
            "end_exact": self.rate(self.end_exact, self.ends),
            "interviewers_precision": self.rate(self.interviewers_correct, self.interviewers_predicted),
            "interviewers_recall": self.rate(self.interviewers_correct, self.interviewers_expected),
            "company_match": self.rate(*self.company),
            "role_match": self.rate(*self.role),
            "respond_by_match": self.rate(*self.respond_by),
            "messages_per_second": self.messages / self.seconds if self.seconds else 0.0,
            "confusion": {f"{e} -> {p}": n for (e, p), n in sorted(self.confusion.items()) if e != p},
            "false_confirmation_files": self.false_confirmations,
        }


def load_corpus(directory: Path) -> list[Labelled]:
    labels_path = directory / "labels.json"
    try:
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{directory} has no labels.json") from None
    except (OSError, ValueError) as error:
        raise InputError(f"{labels_path} cannot be read: {error}") from None
    corpus = []
    for name, label in sorted(labels.items()):
        try:
            corpus.append(Labelled(name, (directory / name).read_bytes(), label))
        except OSError:
            raise InputError(f"{labels_path} names {name}, which is not in {directory}") from None
    return corpus


def corpus_digest(corpus: list[Labelled]) -> str:
    """One hash of every message and label, so a model trained on the corpus can tell it is stale."""
    digest = hashlib.sha256()
    for item in corpus:
        digest.update(item.name.encode())
        digest.update(hashlib.sha256(item.raw).digest())
        digest.update(json.dumps(item.label, sort_keys=True).encode())
    return digest.hexdigest()


def _instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value).replace(second=0, microsecond=0) if value else None


def _norm(value: object) -> str:
    return " ".join(str(value or "").lower().split())


def _text_match(expected: object, predicted: object, tally: list[int]) -> bool:
    """Counted where either side has a value: a wrong fill is as bad as a miss."""
    if expected is None and predicted is None:
        return True
    tally[1] += 1
    same = _norm(expected) == _norm(predicted)
    tally[0] += same
    return same


def _score_one(item: Labelled, predicted: dict[str, Any], scores: Scores) -> None:
    label = item.label
    expected_kind, kind = label["kind"], predicted["kind"]
    scores.messages += 1
    scores.kind_correct += expected_kind == kind
    scores.confusion[(expected_kind, kind)] += 1
    problems = [] if expected_kind == kind else [f"kind {kind} (expected {expected_kind})"]
    if kind == Kind.INTERVIEW_CONFIRMATION and expected_kind != Kind.INTERVIEW_CONFIRMATION:
        scores.false_confirmations.append(item.name)
    expected_span, span = label.get("interview"), predicted.get("interview")
    if expected_kind == Kind.INTERVIEW_CONFIRMATION and expected_span:
        scores.confirmations += 1
        start_ok = span is not None and _instant(span["start"]) == _instant(expected_span["start"])
        scores.start_exact += start_ok
        if not start_ok:
            problems.append(f"start {span and span['start']} (expected {expected_span['start']})")
        if expected_span.get("end"):
            scores.ends += 1
            scores.end_exact += span is not None and _instant(span.get("end")) == _instant(
                expected_span["end"]
            )
    expected_people = {p["email"].lower() for p in label.get("interviewers", [])}
    people = {p["email"].lower() for p in predicted.get("interviewers", [])}
    scores.interviewers_expected += len(expected_people)
    scores.interviewers_predicted += len(people)
    scores.interviewers_correct += len(expected_people & people)
    if people != expected_people:
        problems.append(f"interviewers {sorted(people)} (expected {sorted(expected_people)})")
    for key, tally in (("company", scores.company), ("role", scores.role), ("respond_by", scores.respond_by)):
        if not _text_match(label.get(key), predicted.get(key), tally):
            problems.append(f"{key} {predicted.get(key)!r} (expected {label.get(key)!r})")
    if problems:
        scores.mistakes.append(f"{item.name}: " + "; ".join(problems))


def _configured_owner(item: Labelled) -> tuple[str, ...]:
    return (item.label["owner"],) if item.label.get("owner") else ()


def model_document(item: Labelled) -> str:
    """What the word model reads of a labelled message, as `extract_facts` hands it over: for the
    training tool and the test that checks the shipped model against scikit-learn."""
    message = parse_message(item.raw)
    sender = message.envelope.sender
    owner = owner_of(message.envelope, _configured_owner(item))
    return document(message, sender is not None and sender.email in owner)


def predict(item: Labelled) -> dict[str, Any]:
    try:
        facts = extract_facts(parse_message(item.raw), _configured_owner(item))
    except UnparsableMessage:
        facts = Facts(kind=Kind.OTHER)
    return facts_to_json(facts)


def evaluate_corpus(corpus: list[Labelled], passes: int = 3) -> Scores:
    """Scores, and the fastest of `passes` timed runs (one cold pass swings ±25 % on a busy box)."""
    scores = Scores()
    timings = []
    for _ in range(passes):
        started = time.perf_counter()
        predictions = [predict(item) for item in corpus]
        timings.append(time.perf_counter() - started)
    scores.seconds = min(timings)
    for item, predicted in zip(corpus, predictions, strict=True):
        _score_one(item, predicted, scores)
    return scores


def report(scores: Scores) -> str:
    s = scores.summary()
    lines = [
        f"messages                  {s['messages']}",
        f"kind accuracy             {s['kind_accuracy']:.1%}  ({scores.kind_correct}/{scores.messages})",
        f"false confirmations       {s['false_interview_confirmations']}",
        f"start exact               {s['start_exact']:.1%}  ({scores.start_exact}/{scores.confirmations} confirmations)",
        f"end exact                 {s['end_exact']:.1%}  ({scores.end_exact}/{scores.ends})",
        f"interviewers precision    {s['interviewers_precision']:.3f}  ({scores.interviewers_correct}/{scores.interviewers_predicted})",
        f"interviewers recall       {s['interviewers_recall']:.3f}  ({scores.interviewers_correct}/{scores.interviewers_expected})",
        f"company match             {s['company_match']:.1%}  ({scores.company[0]}/{scores.company[1]})",
        f"role match                {s['role_match']:.1%}  ({scores.role[0]}/{scores.role[1]})",
        f"respond_by match          {s['respond_by_match']:.1%}  ({scores.respond_by[0]}/{scores.respond_by[1]})",
        f"messages per second       {s['messages_per_second']:.0f}",
        "",
        "confusion (expected → predicted, rows expected):",
        "  " + " ".join(f"{k[:6]:>6}" for k in KINDS),
    ]
    for expected in KINDS:
        row = " ".join(f"{scores.confusion[(expected, p)] or '.':>6}" for p in KINDS)
        lines.append(f"  {row}   {expected}")
    if scores.mistakes:
        lines += ["", "mistakes:", *(f"  {m}" for m in scores.mistakes)]
    return "\n".join(lines)
