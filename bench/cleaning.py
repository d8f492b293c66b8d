"""Cleaning benchmark: body marked by ``clean_text`` on naively scraped pages, shingle-scored.

Each page of the scrapinghub article-extraction set is rendered as a naive scraper would
(every visible text node, one block per line); the body that ``clean_text`` keeps is scored
against the page's ``articleBody`` with 4-gram word-shingle precision/recall/F1, averaged per
page, and compared with keeping every line.

``clean_text`` uses a learned line model, so its headline figure is k-fold cross-validated over
the pages: each page is cleaned by a model trained on the other folds only (``train_cleaner.py``
``fit``), never on itself. The shipped model, trained on all pages, is scored too, for reference
only (it has seen every page).

    .venv/bin/python bench/cleaning.py [--shared PATH] [--folds K] [--worst N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from newsfacts.clean import LineModel, clean_text  # noqa: E402
from newsfacts.settings import Settings  # noqa: E402
from render import render_html  # noqa: E402
from shingles import Score, mean_score, shingle_score  # noqa: E402
from train_cleaner import fit, page_examples  # noqa: E402

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load_pages(shared: Path) -> list[tuple[str, str, str]]:
    """``(id, rendered text, expected body)`` for every page of the set."""
    root = shared / "data" / "scrapinghub"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append((page_id, render_html(html), str(truth[page_id]["articleBody"])))
    return pages


def no_cleaning(text: str) -> str:
    return text


def newsfacts_clean(text: str, model: LineModel | None = None) -> str:
    settings = Settings()
    cleaned = clean_text(text, settings, model=model)
    return "\n".join(text[r.start : r.end] for r in cleaned.body)


def cross_validated(pages: list[tuple[str, str, str]], folds: int) -> dict[str, LineModel]:
    """For each page id, a line model trained on the pages of the other folds only."""
    examples = [page_examples(text, expected) for _, text, expected in pages]
    models: dict[str, LineModel] = {}
    for fold in range(folds):
        train = [e for k, e in enumerate(examples) if k % folds != fold]
        model = fit(train)
        for k, (page_id, _, _) in enumerate(pages):
            if k % folds == fold:
                models[page_id] = model
    return models


def run(
    pages: list[tuple[str, str, str]], method: Callable[[str, str], str]
) -> tuple[Score, float, list[tuple[float, str]]]:
    started = time.perf_counter()
    scores = []
    per_page = []
    for page_id, text, expected in pages:
        score = shingle_score(method(page_id, text), expected)
        scores.append(score)
        per_page.append((score.f1, page_id))
    return mean_score(scores), time.perf_counter() - started, per_page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages (CV)")
    args = parser.parse_args()
    if not (args.shared / "data" / "scrapinghub").is_dir():
        print(f"no scrapinghub data under {args.shared}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    pages = load_pages(args.shared)
    print(f"rendered {len(pages)} pages in {time.perf_counter() - started:.1f}s")
    started = time.perf_counter()
    fold_models = cross_validated(pages, args.folds)
    print(f"trained {args.folds} fold models in {time.perf_counter() - started:.1f}s")
    methods: list[tuple[str, Callable[[str, str], str]]] = [
        ("no cleaning", lambda page_id, text: no_cleaning(text)),
        (
            f"newsfacts {args.folds}-fold CV",
            lambda page_id, text: newsfacts_clean(text, fold_models[page_id]),
        ),
        ("(shipped, seen)", lambda page_id, text: newsfacts_clean(text)),
    ]
    print(f"{'method':<22}{'precision':>10}{'recall':>10}{'F1':>8}{'pages':>7}{'time s':>9}")
    worst: list[tuple[float, str]] = []
    for name, method in methods:
        score, seconds, per_page = run(pages, method)
        print(
            f"{name:<22}{score.precision:>10.3f}{score.recall:>10.3f}{score.f1:>8.3f}"
            f"{len(pages):>7}{seconds:>9.2f}"
        )
        if "CV" in name:
            worst = per_page
    print("headline figure: the cross-validated F1; the shipped model has seen every page")
    for f1, page_id in sorted(worst)[: args.worst]:
        print(f"  {f1:.3f} {page_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
