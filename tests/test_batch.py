"""Analysing many articles across worker processes: task sizes, order, failures."""

from __future__ import annotations

import os

from newsfacts.batch import (
    LARGEST_TASK,
    PARALLEL_FROM,
    SMALLEST_TASK,
    analyze_stream,
    default_jobs,
    task_size,
)
from newsfacts.models import ArticleFacts
from newsfacts.pipeline import Prepared, prepare, text_document
from newsfacts.settings import Settings


def test_tasks_are_big_while_much_remains_and_shrink_at_the_end() -> None:
    assert task_size(1000, jobs=2) == LARGEST_TASK
    assert task_size(20, jobs=2) == 5
    assert task_size(3, jobs=2) == SMALLEST_TASK
    assert task_size(0, jobs=2) == SMALLEST_TASK  # the estimate was short: go on, small
    assert task_size(-7, jobs=2) == SMALLEST_TASK
    assert task_size(None, jobs=2) == SMALLEST_TASK  # unknown: small, so workers stay even


def test_two_workers_by_default_once_the_run_is_long_enough() -> None:
    assert default_jobs(PARALLEL_FROM - 1) == 1
    assert default_jobs(PARALLEL_FROM) == min(2, os.cpu_count() or 1)


def _items(names: list[str]) -> list[Prepared]:
    settings = Settings()
    return [
        prepare(
            text_document(
                f"Mayor Jane Doe{i} said on Monday that the bridge {i} would reopen.\n", name
            ),
            settings,
        )
        for i, name in enumerate(names)
    ]


def test_two_workers_return_every_article_in_input_order() -> None:
    settings = Settings()
    names = [f"a{i}.txt" for i in range(13)]
    items = _items(names)
    # a wrong estimate of the total only changes task sizes, never the results
    for total in (None, 3, len(items), 100):
        results = list(analyze_stream(items, settings, jobs=2, total=total))
        assert [r.input for r in results] == names
        assert all(isinstance(r, ArticleFacts) for r in results)
        first = results[0]
        assert isinstance(first, ArticleFacts)
        assert any(a.source and a.source[0].text == "Mayor Jane Doe0" for a in first.attributions)


def test_default_workers_are_chosen_from_the_items_drawn() -> None:
    # a generator, as a feed or WARC file gives: the run counts what comes, not the inputs
    for count in (3, 7):
        names = [f"b{i}.txt" for i in range(count)]
        results = list(analyze_stream(iter(_items(names)), Settings(), jobs=None, total=1))
        assert [r.input for r in results] == names
        assert all(isinstance(r, ArticleFacts) for r in results)
