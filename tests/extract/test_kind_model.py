"""The shipped word model: trained on the corpus as it stands, and scored here as scikit-learn scored it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.evaluation import corpus_digest, load_corpus, model_document
from assistant.extract.kind_model import MODEL_PATH, document, load_model, tokens
from assistant.model import Kind
from assistant.parse import parse_message

CORPUS = Path(__file__).parents[1] / "corpus"
SHIPPED = json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def test_the_model_was_trained_on_the_corpus_as_it_stands() -> None:
    assert SHIPPED["trained_on"]["corpus_digest"] == corpus_digest(load_corpus(CORPUS)), (
        "tests/corpus changed since the model was trained: run tools/train_kind_model.py"
    )


@pytest.mark.parametrize("name", sorted(SHIPPED["reference"]))
def test_pure_python_scores_match_scikit_learns(name: str) -> None:
    item = next(i for i in load_corpus(CORPUS) if i.name == name)
    scores = load_model().opinion(model_document(item)).probabilities
    expected = dict(zip(SHIPPED["classes"], SHIPPED["reference"][name], strict=True))
    assert {k.value: v for k, v in scores.items()} == pytest.approx(expected, abs=1e-6)


def test_tokens_are_lower_cased_words_of_two_or_more_characters() -> None:
    assert tokens("Re: Interview on 3 Dec, 14:00 — Entretien confirmé!") == [
        "re", "interview", "on", "dec", "14", "00", "entretien", "confirmé"
    ]  # fmt: skip


def test_the_document_marks_the_owners_own_mail_and_calendar_parts() -> None:
    raw = (CORPUS / "001-polaris-hm-asks-for-windows.eml").read_bytes()
    message = parse_message(raw)
    assert "xownerwrote" in tokens(document(message, from_owner=True))
    assert "xownerwrote" not in tokens(document(message, from_owner=False))
    invitation = parse_message((Path(__file__).parent / "data" / "webinar_with_calendar.eml").read_bytes())
    assert "xcalendarpublish" in tokens(document(invitation, from_owner=False))


def test_probabilities_are_a_distribution_even_for_an_empty_message() -> None:
    opinion = load_model().opinion("")
    scores = opinion.probabilities
    assert opinion.words == 0
    assert set(scores) == set(Kind)
    assert sum(scores.values()) == pytest.approx(1.0)
    assert max(scores, key=lambda k: scores[k]) is Kind.OTHER
