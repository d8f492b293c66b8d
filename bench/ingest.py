"""Ingest speed and memory: N articles into a fresh SQLite corpus.

Articles are made by varying PolNeAR train texts (paragraphs shuffled, recurring names
swapped), so every one has its own content hash; many are near-duplicates of each other,
which exercises the MinHash/LSH path too. Prints the cost per article (analysis and store
apart) for the first and the last thousand, the database size and the peak memory.

    .venv/bin/python bench/ingest.py --n 10000 --extract-only   # store cost, no NLP
    .venv/bin/python bench/ingest.py --n 500                    # the full pipeline
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsfacts.batch import analyze_stream
from newsfacts.models import ArticleFacts
from newsfacts.pipeline import (
    Failure,
    Prepared,
    extract_prepared,
    prepare,
    text_document,
)
from newsfacts.settings import Settings
from newsfacts.store import content_hash, open_database, stats, store_facts

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train" / "text"
NAMES = (
    "Avery Quinn", "Jordan Blake", "Morgan Ellis", "Riley Shaw", "Casey Moreau", "Taylor Grant",
    "Jamie Okafor", "Robin Castillo", "Drew Lindqvist", "Sam Varga", "Alex Novak", "Kim Adeyemi",
)  # fmt: skip
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")


@dataclass
class Cost:
    analysis: float = 0.0
    store: float = 0.0


def variants(texts: list[str], n: int) -> Iterator[tuple[str, str]]:
    """N distinct texts: shuffled paragraphs (the first kept) and swapped recurring names."""
    seen: set[str] = set()
    for i in range(n):
        base = texts[i % len(texts)]
        for attempt in range(20):
            text = _vary(base, random.Random(i * 31 + attempt))
            if attempt == 19:
                text += f"\n\nEdition {i}."
            hash_ = content_hash(text)
            if hash_ not in seen:
                break
        seen.add(hash_)
        yield f"variant-{i:06d}.txt", text


def _vary(text: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    head, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)
    out = "\n\n".join(head + rest)
    common = [w for w, c in Counter(_CAPITALISED.findall(out)).most_common(6) if c >= 2]
    for word in rng.sample(common, k=min(2, len(common))):
        out = re.sub(rf"\b{word}\b", rng.choice(NAMES).split()[1], out)
    return out


def run(args: argparse.Namespace) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.source.glob("*.txt"))]
    if not texts:
        sys.exit(f"no texts in {args.source}")
    settings = Settings()
    workdir = Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
    path = args.db or workdir / "bench.db"
    if args.tracemalloc:
        tracemalloc.start()
    costs: list[Cost] = []
    failed = 0

    def prepared() -> Iterator[Prepared]:
        nonlocal failed
        for name, text in variants(texts, args.n):
            try:
                yield prepare(text_document(text, name), settings)
            except Exception as err:  # noqa: BLE001 - a benchmark counts failures and goes on
                failed += 1
                print(f"  skipped {name}: {err}", file=sys.stderr)

    started = time.perf_counter()
    with open_database(f"sqlite:///{path}") as db:
        results: Iterator[ArticleFacts | Failure]
        if args.extract_only:
            results = (extract_prepared(p) for p in prepared())
        else:
            results = analyze_stream(prepared(), settings, args.jobs, args.n)
        # Wall time per article as the ingest loop sees it: reading, cleaning and analysis
        # (in the workers, overlapped) up to the result, then storing it.
        last = time.perf_counter()
        for result in results:
            cost = Cost(analysis=time.perf_counter() - last)
            if isinstance(result, Failure):
                failed += 1
            else:
                t1 = time.perf_counter()
                store_facts(db, result)
                cost.store = time.perf_counter() - t1
            costs.append(cost)
            if len(costs) % 1000 == 0:
                print(f"  {len(costs)} articles, {time.perf_counter() - started:.0f} s", flush=True)
            last = time.perf_counter()
        numbers = stats(db)
    elapsed = time.perf_counter() - started
    _report(args, costs, failed, elapsed, numbers, path)


def _report(
    args: argparse.Namespace,
    costs: list[Cost],
    failed: int,
    elapsed: float,
    numbers: dict[str, object],
    path: Path,
) -> None:
    window = min(1000, max(1, len(costs) // 2))
    mode = "extract only (no NLP)" if args.extract_only else "full pipeline"
    print(f"ingest bench: {len(costs)} articles ({failed} failed), {mode}, SQLite {path}")
    for label, part in (("first", costs[:window]), ("last", costs[-window:])):
        analysis = 1000 * sum(c.analysis for c in part) / len(part)
        store = 1000 * sum(c.store for c in part) / len(part)
        print(
            f"  {label} {window:5d}: {analysis + store:7.2f} ms/article"
            f" (analysis {analysis:7.2f} ms, store {store:6.2f} ms)"
        )
    print(f"  total: {elapsed:.1f} s, {len(costs) / elapsed:.1f} articles/s")
    print(
        f"  stored: {numbers['articles']} articles, {numbers['near_duplicates']} near-duplicates,"
        f" {numbers['people']} people, {numbers['attributions']} attributions"
    )
    print(f"  database: {path.stat().st_size / 2**20:.1f} MiB")
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  peak RSS: {peak_rss:.0f} MiB (main process), {workers:.0f} MiB (largest worker)")
    if args.tracemalloc:
        heap = tracemalloc.get_traced_memory()[1] / 2**20
        print(f"  peak Python heap (tracemalloc): {heap:.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to ingest")
    parser.add_argument("--source", type=Path, default=SOURCE, help="folder of .txt articles")
    parser.add_argument("--db", type=Path, help="SQLite file (default: a fresh temporary one)")
    parser.add_argument(
        "--extract-only", action="store_true", help="skip NLP: time reading, cleaning, storing"
    )
    parser.add_argument("--tracemalloc", action="store_true", help="also trace the Python heap")
    parser.add_argument("--jobs", type=int, default=2, help="analysis worker processes")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
