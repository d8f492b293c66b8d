"""Train the cleaner's line model (logistic regression, numpy) on the scrapinghub pages.

Every page is rendered as a naive scraper would (``render.py``) and cut into blocks as
``clean_text`` cuts it; a block is labelled body when most of its word 4-grams occur in the
page's ``articleBody``. The weights, trained on all pages, go to
``src/newsfacts/data/clean_line_model.json``; ``bench/cleaning.py`` scores the model by k-fold
cross-validation with ``fit`` and ``page_examples`` from here.

    .venv/bin/python bench/train_cleaner.py [--shared PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).parent))

from newsfacts.clean.body import analyse  # noqa: E402
from newsfacts.clean.features import FEATURE_NAMES  # noqa: E402
from newsfacts.clean.headline import find_title  # noqa: E402
from newsfacts.clean.lines import split_lines  # noqa: E402
from newsfacts.clean.model import LineModel  # noqa: E402

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "newsfacts" / "data"
L2 = 1.0  # ridge penalty on the standardised weights
RUN_THRESHOLD = 0.5
KEEP_THRESHOLD = 0.25
PAGE_SIZE_POWER = -0.5  # a page of n blocks weighs n ** this in training (small pages count)
_WORD = re.compile(r"\w+")

Examples = tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]


def page_examples(text: str, expected: str) -> Examples:
    """Feature rows, labels (1 = body) and weights of the blocks of one rendered page.

    A block weighs its word count (capped), and each page's blocks together weigh the same,
    so long pages full of menus do not drown short ones.
    """
    lines = split_lines(text)
    title = find_title(lines)
    page = analyse(lines, frozenset() if title is None else frozenset({title}))
    gold = [w.lower() for w in _WORD.findall(expected)]
    grams = {n: _ngrams(gold, n) for n in (1, 2, 3, 4)}
    labels, weights = [], []
    for block in page.blocks:
        tokens = [w.lower() for w in _WORD.findall(block.text)]
        if not tokens:
            labels.append(0.0)
            weights.append(0.0)
            continue
        n = min(len(tokens), 4)
        own = [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        share = sum(1 for g in own if g in grams[n]) / len(own)
        labels.append(1.0 if share > 0.5 else 0.0)
        weights.append(min(len(tokens), 60) + 2.0)
    w = np.asarray(weights, dtype=float)
    if w.sum() > 0:
        w = w / w.sum() * len(w) ** PAGE_SIZE_POWER
    rows = np.asarray(page.rows, dtype=float).reshape(-1, len(FEATURE_NAMES))
    return rows, np.asarray(labels, dtype=float), w


def _ngrams(words: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def fit(examples: Sequence[Examples], l2: float = L2) -> LineModel:
    """Weighted, L2-penalised logistic regression by Newton's method."""
    x = np.vstack([e[0] for e in examples])
    y = np.concatenate([e[1] for e in examples])
    sw = np.concatenate([e[2] for e in examples])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not penalised
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -30, 30)))
        grad = z.T @ (sw * (p - y)) + penalty * beta
        hess = (z * (sw * p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return LineModel(
        names=FEATURE_NAMES,
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        weights=tuple(float(v) for v in beta[:-1]),
        bias=float(beta[-1]),
        run_threshold=RUN_THRESHOLD,
        keep_threshold=KEEP_THRESHOLD,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT / "clean_line_model.json")
    args = parser.parse_args()
    from cleaning import load_pages

    if not (args.shared / "data" / "scrapinghub").is_dir():
        print(f"no scrapinghub data under {args.shared}", file=sys.stderr)
        return 2
    pages = load_pages(args.shared)
    model = fit([page_examples(text, expected) for _, text, expected in pages])
    args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"trained on {len(pages)} pages; wrote {args.out}")
    ranked = sorted(zip(model.names, model.weights, strict=True), key=lambda t: -abs(t[1]))
    for name, weight in ranked:
        print(f"  {weight:+.3f} {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
