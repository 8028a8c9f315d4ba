"""Train the word model behind `assistant/extract/kind_model.py` on the labelled corpus.

    pip install -e '.[train]' && python tools/train_kind_model.py [tests/corpus]
    python tools/train_kind_model.py --leave-one-batch-out [tests/corpus]

Writes `assistant/extract/kind_model.json`: the classes, intercepts and, for each word, its idf
and idf × coefficient per class, plus the corpus digest it was trained on (a test fails when the
corpus changes and the model was not retrained) and reference probabilities from scikit-learn
itself, which the pure-Python scorer must reproduce. `--leave-one-batch-out` writes nothing: it
trains without each corpus batch in turn (a batch is a hundred of file numbers, each from its own
author) and prints the model's kind accuracy on the batch it did not see.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from assistant.evaluation import Labelled, corpus_digest, load_corpus, model_document
from assistant.extract.kind_model import MODEL_PATH, tokens

# Chosen by leaving one corpus batch out at a time (see the README): unigrams beat bigrams and
# trigrams there, and weak regularisation suits a corpus this small and this clean.
C = 30.0
MIN_DF = 2
REFERENCE_EVERY = 40


def _documents(corpus: list[Labelled]) -> tuple[list[str], list[str]]:
    return [model_document(item) for item in corpus], [item.label["kind"] for item in corpus]


def _fit(documents: list[str], kinds: list[str]) -> tuple[TfidfVectorizer, LogisticRegression]:
    vectorizer = TfidfVectorizer(analyzer=tokens, sublinear_tf=True, min_df=MIN_DF)
    model = LogisticRegression(C=C, max_iter=5000).fit(vectorizer.fit_transform(documents), kinds)
    return vectorizer, model


def leave_one_batch_out(directory: Path) -> None:
    corpus = load_corpus(directory)
    documents, kinds = _documents(corpus)
    batches = [max(1, int(item.name.split("-")[0]) // 100) for item in corpus]
    right = 0
    for batch in sorted(set(batches)):
        train = [i for i, b in enumerate(batches) if b != batch]
        test = [i for i, b in enumerate(batches) if b == batch]
        vectorizer, model = _fit([documents[i] for i in train], [kinds[i] for i in train])
        predicted = model.predict(vectorizer.transform([documents[i] for i in test]))
        hits = sum(p == kinds[i] for p, i in zip(predicted, test, strict=True))
        right += hits
        print(f"batch {batch:>2}: {hits}/{len(test)} = {hits / len(test):.1%}")
    print(f"all: {right}/{len(corpus)} = {right / len(corpus):.1%}")


def main(directory: Path) -> None:
    corpus = load_corpus(directory)
    documents, kinds = _documents(corpus)
    vectorizer, model = _fit(documents, kinds)
    idf = vectorizer.idf_
    terms = {
        token: [round(float(idf[i]), 6)]
        + [round(float(idf[i] * model.coef_[k, i]), 6) for k in range(len(model.classes_))]
        for token, i in sorted(vectorizer.vocabulary_.items())
    }
    samples = list(range(0, len(corpus), REFERENCE_EVERY))
    reference = model.predict_proba(vectorizer.transform([documents[i] for i in samples]))
    data = {
        "trained_on": {
            "corpus_digest": corpus_digest(corpus),
            "messages": len(corpus),
            "scikit_learn": sklearn.__version__,
            "C": C,
            "min_df": MIN_DF,
        },
        "classes": [str(c) for c in model.classes_],
        "intercepts": [float(b) for b in model.intercept_],
        "reference": {
            corpus[i].name: [float(p) for p in row] for i, row in zip(samples, reference, strict=True)
        },
        "terms": terms,
    }
    # One term per line: a retrained model shows in a diff as the words whose weights moved.
    body = json.dumps({k: v for k, v in data.items() if k != "terms"}, indent=1)[:-2]
    lines = ",\n".join(f"  {json.dumps(token)}: {json.dumps(row)}" for token, row in terms.items())
    MODEL_PATH.write_text(f'{body},\n "terms": {{\n{lines}\n }}\n}}\n', encoding="utf-8")
    print(f"{MODEL_PATH}: {len(terms)} words, {len(corpus)} messages")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--leave-one-batch-out"]
    corpus_directory = Path(arguments[0]) if arguments else Path(__file__).parents[1] / "tests" / "corpus"
    if "--leave-one-batch-out" in sys.argv[1:]:
        leave_one_batch_out(corpus_directory)
    else:
        main(corpus_directory)
