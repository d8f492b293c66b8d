"""Cleaning benchmark: body marked by ``clean_text`` on naively scraped pages, shingle-scored.

Each page of the scrapinghub article-extraction set is rendered as a naive scraper would
(every visible text node, one block per line); the body that ``clean_text`` keeps is scored
against the page's ``articleBody`` with 4-gram word-shingle precision/recall/F1, averaged per
page, and compared with keeping every line.

    .venv/bin/python bench/cleaning.py [--shared PATH] [--worst N]
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

from newsfacts.clean import clean_text  # noqa: E402
from newsfacts.settings import Settings  # noqa: E402
from render import render_html  # noqa: E402
from shingles import Score, mean_score, shingle_score  # noqa: E402

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


def newsfacts_clean(text: str) -> str:
    settings = Settings()
    cleaned = clean_text(text, settings)
    return "\n".join(text[r.start : r.end] for r in cleaned.body)


def run(
    pages: list[tuple[str, str, str]], method: Callable[[str], str]
) -> tuple[Score, float, list[tuple[float, str]]]:
    started = time.perf_counter()
    scores = []
    per_page = []
    for page_id, text, expected in pages:
        score = shingle_score(method(text), expected)
        scores.append(score)
        per_page.append((score.f1, page_id))
    return mean_score(scores), time.perf_counter() - started, per_page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    args = parser.parse_args()
    if not (args.shared / "data" / "scrapinghub").is_dir():
        print(f"no scrapinghub data under {args.shared}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    pages = load_pages(args.shared)
    print(f"rendered {len(pages)} pages in {time.perf_counter() - started:.1f}s")
    print(f"{'method':<18}{'precision':>10}{'recall':>10}{'F1':>8}{'pages':>7}{'time s':>9}")
    for name, method in (("no cleaning", no_cleaning), ("newsfacts clean", newsfacts_clean)):
        score, seconds, per_page = run(pages, method)
        print(
            f"{name:<18}{score.precision:>10.3f}{score.recall:>10.3f}{score.f1:>8.3f}"
            f"{len(pages):>7}{seconds:>9.2f}"
        )
    for f1, page_id in sorted(per_page)[: args.worst]:
        print(f"  {f1:.3f} {page_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
