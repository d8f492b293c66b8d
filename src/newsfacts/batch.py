"""Analysing many articles: in batches in this process, or across worker processes.

The workers are forked after the models are loaded, so they share the loaded weights
and start at once. Results come back in input order; a failure in one article comes
back as a ``Failure`` for it and the run goes on.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from multiprocessing.pool import AsyncResult

from newsfacts.models import ArticleFacts
from newsfacts.pipeline import Failure, Prepared, analyze_many
from newsfacts.settings import Settings

Result = ArticleFacts | Failure
# Articles a worker parses together. spaCy's NER steps through a batch's docs together, so
# 8 at once cost about a fifth less than 2 (measured on PolNeAR dev); near the end of a run
# tasks shrink, so that no worker is left alone with a big one.
LARGEST_TASK = 8
SMALLEST_TASK = 2
QUEUED = 3  # tasks kept waiting per worker
# By default a run takes two workers (where there are two cores) once it holds this many
# articles, counted as they come: one feed or WARC file may hold thousands.
PARALLEL_FROM = 5


def default_jobs(articles: int) -> int:
    """Worker processes for a run of ``articles`` (or at least that many)."""
    return min(2, os.cpu_count() or 1) if articles >= PARALLEL_FROM else 1


def task_size(remaining: int | None, jobs: int) -> int:
    """Articles in the next task, given how many are still to be sent (None: unknown)."""
    if remaining is None:
        return SMALLEST_TASK
    return max(SMALLEST_TASK, min(LARGEST_TASK, remaining // (2 * jobs)))


def analyze_stream(
    items: Iterable[Prepared], settings: Settings, jobs: int | None = 1, total: int | None = None
) -> Iterator[Result]:
    """Analyse ``items`` in order, with ``jobs`` worker processes when jobs > 1.

    ``jobs=None`` picks ``default_jobs`` after drawing the first few items.
    ``total`` (how many items are expected, if known; an estimate is fine) sizes the tasks.
    """
    if jobs is None:
        iterator = iter(items)
        head = list(islice(iterator, PARALLEL_FROM))
        jobs = default_jobs(len(head))
        items = chain(head, iterator)
    if jobs <= 1:
        yield from _in_process(items, settings)
        return
    _warm(settings)
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_worker_init, initargs=(settings,)) as pool:
        # Items are drawn here, in the caller's thread (they may come from a generator that
        # touches a database). A few tasks per worker stay queued, so no worker waits for
        # another to finish before it gets more; results are yielded in input order.
        pending: deque[AsyncResult[list[Result]]] = deque()
        iterator = iter(items)
        sent = 0
        while True:
            while len(pending) < jobs * QUEUED:
                remaining = None if total is None else total - sent
                task = list(islice(iterator, task_size(remaining, jobs)))
                if not task:
                    break
                sent += len(task)
                pending.append(pool.apply_async(_analyze_some, (task,)))
            if not pending:
                return
            yield from pending.popleft().get()


def _in_process(items: Iterable[Prepared], settings: Settings) -> Iterator[Result]:
    iterator = iter(items)
    while chunk := list(islice(iterator, settings.batch_size)):
        yield from analyze_many(chunk, settings)


def _warm(settings: Settings) -> None:
    """Load the models before forking so that every worker shares them. The LSTM tagger
    serves both role taggers; the encoder's ONNX Runtime session is made in each worker,
    not shared across a fork."""
    from newsfacts.extract.roles import load_tagger, model_available
    from newsfacts.nlp.loader import load_pipeline

    load_pipeline(settings)
    if settings.attribution_model and model_available(settings.role_model):
        load_tagger(settings.role_model)


_SETTINGS: Settings | None = None


def _worker_init(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings


def _analyze_some(batch: list[Prepared]) -> list[Result]:
    """A few articles in one task, so that the parser works on a batch."""
    settings = _SETTINGS or Settings()
    try:
        return list(analyze_many(batch, settings))
    except Exception:  # noqa: BLE001 - retry one by one so only the bad article fails
        return [_analyze_one(prepared, settings) for prepared in batch]


def _analyze_one(prepared: Prepared, settings: Settings) -> Result:
    try:
        return next(iter(analyze_many([prepared], settings)))
    except Exception as err:  # noqa: BLE001 - reported for this article, the run goes on
        return Failure(prepared.document.input, f"analysis failed: {type(err).__name__}: {err}")
