"""`assistant eval`: the scoring arithmetic, and the issue's targets held on the labelled corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.errors import InputError
from assistant.evaluation import Scores, evaluate_corpus, load_corpus
from tests.support.mail import NORTHWIND, sample

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def scores() -> Scores:
    return evaluate_corpus(load_corpus(CORPUS), passes=1)


def test_the_corpus_is_large_and_covers_every_kind() -> None:
    labels = json.loads((CORPUS / "labels.json").read_text())
    kinds = {label["kind"] for label in labels.values()}
    assert len(labels) >= 80
    assert kinds == {
        "interview_confirmation", "scheduling_request", "cancellation", "rejection", "offer",
        "recruiter_reply", "other",
    }  # fmt: skip


def test_kind_accuracy_and_no_false_confirmations(scores: Scores) -> None:
    summary = scores.summary()
    assert summary["false_interview_confirmations"] == 0, summary["false_confirmation_files"]
    assert summary["kind_accuracy"] >= 0.97, summary["confusion"]


def test_interview_times_and_people(scores: Scores) -> None:
    summary = scores.summary()
    assert summary["start_exact"] >= 0.95
    assert summary["interviewers_precision"] >= 0.97
    assert summary["interviewers_recall"] >= 0.93


def test_stated_timelines(scores: Scores) -> None:
    assert scores.summary()["respond_by_match"] >= 0.90


def test_scoring_counts_misses_and_wrong_fills(tmp_path: Path) -> None:
    (tmp_path / "invite.eml").write_bytes(sample(NORTHWIND))
    label = {
        "kind": "interview_confirmation",
        "company": "Northwind Analytics",
        "role": "Senior Data Engineer",
        "interview": {"start": "2026-12-03T14:00:00-05:00", "end": "2026-12-03T15:30:00-05:00"},
        "interviewers": [
            {"name": "Priya Shah", "email": "PRIYA.SHAH@northwind-analytics.com"},
            {"name": "Someone Else", "email": "someone@northwind-analytics.com"},
        ],
        "respond_by": "2026-12-11",
    }
    (tmp_path / "labels.json").write_text(json.dumps({"invite.eml": label}))
    scored = evaluate_corpus(load_corpus(tmp_path), passes=1).summary()
    assert scored["kind_accuracy"] == 1.0
    assert scored["start_exact"] == 1.0
    assert scored["interviewers_precision"] == 0.5  # Marcus was found but not labelled
    assert scored["interviewers_recall"] == 0.5  # "someone" was labelled but not found
    assert scored["respond_by_match"] == 0.0  # labelled, not found: a miss


def test_a_directory_without_labels_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(InputError, match=r"has no labels\.json"):
        load_corpus(tmp_path)
    assert main(["eval", str(tmp_path)]) == 2
    assert "has no labels.json" in capsys.readouterr().err
