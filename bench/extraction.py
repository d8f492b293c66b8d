"""Article-body extraction benchmark: trafilatura alone vs newsfacts' HTML path.

On the scrapinghub article-extraction set (181 pages, ``articleBody`` gold), every page is
extracted by

  (a)  ``trafilatura.extract`` with its default options,
  (a*) ``trafilatura.extract`` with other options (recall, precision, tables), to choose from,
  (b)  newsfacts' own HTML path (``newsfacts.ingest.iter_documents`` → the Document text),
       with its shipped options (``html.EXTRACTION_OPTIONS``) and, unless ``--no-variants``,
       with others, which is how those options were chosen,
  (c)  the same Document after newsfacts cleaning (``clean_text``: body regions joined),

and scored with 4-gram word-shingle precision/recall/F1, averaged per page. The share of
pages where newsfacts found a title, a date and authors is printed too (the set has no gold
for those, so it says nothing about whether they are right).

    .venv/bin/python bench/extraction.py [--shared PATH] [--limit N] [--no-variants]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).parent))

from newsfacts.clean import clean_text  # noqa: E402
from newsfacts.errors import NewsfactsError  # noqa: E402
from newsfacts.ingest import Document, html, iter_documents  # noqa: E402
from newsfacts.settings import Settings  # noqa: E402
from shingles import Score, mean_score, shingle_score  # noqa: E402

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
VARIANTS: dict[str, dict[str, bool]] = {
    "trafilatura favor_recall": {"favor_recall": True},
    "trafilatura favor_precision": {"favor_precision": True},
    "trafilatura no tables": {"include_tables": False},
    "trafilatura recall, no tables": {"favor_recall": True, "include_tables": False},
    "trafilatura precision, no tables": {"favor_precision": True, "include_tables": False},
}


NEWSFACTS_VARIANTS: dict[str, dict[str, bool]] = {
    "newsfacts, no tables (before)": {"include_tables": False},
    "newsfacts, tables": {"include_tables": True},
    "newsfacts, precision, no tables": {"favor_precision": True, "include_tables": False},
    "newsfacts, recall, no tables": {"favor_recall": True, "include_tables": False},
}


@dataclass
class Run:
    name: str
    scores: list[Score] = field(default_factory=list)
    seconds: float = 0.0
    failed: int = 0
    first_error: str | None = None


@dataclass(frozen=True)
class Page:
    id: str
    path: Path
    html: str
    gold: str


def load_pages(shared: Path, limit: int | None) -> list[Page]:
    root = shared / "data" / "scrapinghub"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        path = root / "html" / f"{page_id}.html.gz"
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        pages.append(Page(page_id, path, html, str(truth[page_id]["articleBody"])))
    return pages


def score_run(name: str, pages: list[Page], extract: Callable[[Page], str | None]) -> Run:
    run = Run(name)
    for page in pages:
        start = time.perf_counter()
        try:
            text = extract(page)
        except NewsfactsError as err:
            text = None
            run.first_error = run.first_error or f"{page.id}: {err}"
        run.seconds += time.perf_counter() - start
        run.failed += text is None
        run.scores.append(shingle_score(text or "", page.gold))
    return run


def newsfacts_documents(pages: list[Page], settings: Settings) -> tuple[Run, dict[str, Document]]:
    """Run (b), keeping each page's Document for (c) and the metadata shares."""
    documents: dict[str, Document] = {}

    def extract(page: Page) -> str | None:
        for item in iter_documents(str(page.path), settings):
            if isinstance(item, Document):
                documents[page.id] = item
                return item.text
        return None

    return score_run("newsfacts HTML path (b)", pages, extract), documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--no-variants", action="store_true", help="skip the (a*) variants")
    args = parser.parse_args()
    if not (args.shared / "data" / "scrapinghub").is_dir():
        print(f"no scrapinghub data under {args.shared}", file=sys.stderr)
        return 2
    pages = load_pages(args.shared, args.limit)
    settings = Settings()
    for page in pages[:5]:  # warm up (imports, caches) before anything is timed
        trafilatura.extract(page.html)
    runs = [score_run("trafilatura default (a)", pages, lambda p: trafilatura.extract(p.html))]
    if not args.no_variants:
        for name, options in VARIANTS.items():
            runs.append(
                score_run(name, pages, lambda p, o=options: trafilatura.extract(p.html, **o))  # type: ignore[misc]
            )
    if not args.no_variants:
        # newsfacts' path with other trafilatura options (to choose html.EXTRACTION_OPTIONS).
        shipped = dict(html.EXTRACTION_OPTIONS)
        for name, options in NEWSFACTS_VARIANTS.items():
            html.EXTRACTION_OPTIONS = {"include_comments": False, **options}
            runs.append(replace(newsfacts_documents(pages, settings)[0], name=name))
        html.EXTRACTION_OPTIONS = shipped
    nf_run, documents = newsfacts_documents(pages, settings)
    runs.append(nf_run)

    def cleaned(page: Page) -> str | None:
        document = documents.get(page.id)
        if document is None:
            return None
        result = clean_text(document.text, settings)
        return "\n".join(document.text[r.start : r.end] for r in result.body)

    runs.append(score_run("newsfacts after cleaning (c)", pages, cleaned))

    print(f"{len(pages)} pages, 4-gram shingles, macro-averaged\n")
    print(f"{'extractor':<34} {'P':>6} {'R':>6} {'F1':>6} {'failed':>7} {'seconds':>8}")
    for run in runs:
        mean = mean_score(run.scores)
        print(
            f"{run.name:<34} {mean.precision:6.3f} {mean.recall:6.3f} {mean.f1:6.3f} "
            f"{run.failed:7d} {run.seconds:8.1f}"
        )
    for run in runs:
        if run.first_error:
            print(f"  {run.name}: first failure: {run.first_error}")
    found = list(documents.values())
    k = len(pages)
    print(
        f"\nnewsfacts metadata found (no gold in this set): title {_share(found, 'title', k)}, "
        f"date {_share(found, 'published', k)}, authors {_share(found, 'authors', k)}"
    )
    return 0


def _share(documents: list[Document], name: str, total: int) -> str:
    hits = sum(1 for d in documents if getattr(d.metadata, name))
    return f"{hits}/{total} ({100 * hits / total:.0f}%)"


if __name__ == "__main__":
    raise SystemExit(main())
