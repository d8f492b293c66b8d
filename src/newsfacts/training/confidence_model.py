"""Train the attribution confidence model on PolNeAR train.

    python -m newsfacts.training.confidence_model --shared ../shared/data/polnear \\
        --out src/newsfacts/data/attribution_confidence.json

1. Two LSTM role taggers are trained with the shipped recipe, each on one half of train (its
   even and its odd articles in sorted order), side by side in two processes.
2. Each analyses the half it did not see. Every attribution it gives is labelled right when
   PolNeAR's linked score counts it, and its frame's features are kept
   (``confidence.recording``).
3. A logistic model over those features is fitted (L2, a fixed number of full-batch steps,
   so the same data give the same weights) and written as JSON with the cut-off below which
   attributions are left out.

The tagger that ships was trained on all of train, so its own output on train would teach
the model nothing about its mistakes: the halves stand in for text it has not seen.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy

from newsfacts.evaluation.polnear import linked_predictions, read_corpus
from newsfacts.extract.confidence import recording
from newsfacts.nlp.fast_ops import one_blas_thread
from newsfacts.nlp.loader import load_pipeline
from newsfacts.pipeline import analyze_text
from newsfacts.settings import Settings
from newsfacts.training import attribution_model
from newsfacts.training.brat import read_articles

MIN_COUNT = 2  # a feature seen fewer times than this in the harvest gets no weight
L2 = 1.0
STEPS = 2000
RATE = 0.1
# Left out below this (PolNeAR dev, thirty-fourth session: 0.25 drops about 4% of the
# attributions, a quarter of them right; each half of dev gains on every figure).
DROP_BELOW = 0.25

Example = tuple[list[str], bool]


def _train_half(shared: Path, work: Path, half: int, epochs: int, seed: int) -> Path:
    out = work / f"tagger{half}"
    with one_blas_thread():
        attribution_model.train(
            shared, out, epochs, seed, work.parent / "polnear", config=None, half=half
        )
    return out


def _harvest(shared: Path, names: list[str], tagger: Path) -> list[Example]:
    """The features and linked label of every attribution ``tagger`` gives on ``names``."""
    settings = Settings(role_model=str(tagger))
    wanted = set(names)
    examples: list[Example] = []
    with one_blas_thread():
        for article in read_corpus(shared / "train"):
            if article.name not in wanted:
                continue
            with recording() as seen:
                facts = analyze_text(article.text, settings)
            right = linked_predictions(article.text, article.attributions, facts.attributions)
            examples += zip(seen, right, strict=True)
    return examples


def fit(examples: list[Example]) -> tuple[float, dict[str, float]]:
    """A logistic model: its bias and a weight per feature seen ``MIN_COUNT`` times."""
    counts = Counter(f for features, _ in examples for f in features)
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    column = {name: i for i, name in enumerate(names)}
    x = numpy.zeros((len(examples), len(names) + 1))
    x[:, -1] = 1.0  # the bias
    for row, (features, _) in enumerate(examples):
        for f in features:
            if f in column:
                x[row, column[f]] = 1.0
    y = numpy.array([float(label) for _, label in examples])
    w = numpy.zeros(x.shape[1])
    m, v = numpy.zeros_like(w), numpy.zeros_like(w)
    decay = numpy.full_like(w, L2)
    decay[-1] = 0.0  # the bias is not pulled towards zero
    for step in range(1, STEPS + 1):  # Adam, full batch
        p = 1.0 / (1.0 + numpy.exp(-(x @ w)))
        grad = (x.T @ (p - y) + decay * w) / len(y)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= RATE * (m / (1 - 0.9**step)) / (numpy.sqrt(v / (1 - 0.999**step)) + 1e-8)
    weights = {name: round(float(w[i]), 4) for name, i in column.items() if abs(w[i]) >= 1e-4}
    return round(float(w[-1]), 4), weights


def train(shared: Path, out: Path, work: Path, epochs: int, seed: int) -> None:
    names = [a.name for a in read_articles(shared / "train")]
    halves = [names[0::2], names[1::2]]
    work.mkdir(parents=True, exist_ok=True)
    # parse PolNeAR once, before the two trainers share the cache
    nlp = load_pipeline(Settings())
    for split in ("train", "dev"):
        attribution_model.parsed_corpus(
            shared / split, work.parent / "polnear" / f"{split}.spacy", nlp
        )
    with ProcessPoolExecutor(2) as pool:
        taggers = list(
            pool.map(_train_half, [shared] * 2, [work] * 2, [0, 1], [epochs] * 2, [seed] * 2)
        )
        # each half is analysed by the tagger trained on the other
        harvests = list(pool.map(_harvest, [shared] * 2, halves, taggers[::-1]))
    examples = harvests[0] + harvests[1]
    right = sum(label for _, label in examples)
    print(f"{len(examples)} attributions, {right} right ({right / len(examples):.1%})")
    bias, weights = fit(examples)
    model = {
        "about": "logistic model of an attribution being right (newsfacts.extract.confidence); "
        "trained by newsfacts.training.confidence_model on PolNeAR train",
        "examples": len(examples),
        "drop_below": DROP_BELOW,
        "bias": bias,
        "weights": dict(sorted(weights.items())),
    }
    out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(weights)} weights written to {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    repo = Path(__file__).resolve().parents[3]
    parser.add_argument("--shared", type=Path, default=repo.parent / "shared/data/polnear")
    parser.add_argument(
        "--out", type=Path, default=repo / "src/newsfacts/data/attribution_confidence.json"
    )
    parser.add_argument("--work", type=Path, default=repo / "build/confidence")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    train(args.shared, args.out, args.work, args.epochs, args.seed)


if __name__ == "__main__":
    main()
