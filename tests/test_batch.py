"""Analysing many articles across worker processes: task sizes, order, failures."""

from __future__ import annotations

from newsfacts.batch import LARGEST_TASK, SMALLEST_TASK, analyze_stream, task_size
from newsfacts.models import ArticleFacts
from newsfacts.pipeline import prepare, text_document
from newsfacts.settings import Settings


def test_tasks_are_big_while_much_remains_and_shrink_at_the_end() -> None:
    assert task_size(1000, jobs=2) == LARGEST_TASK
    assert task_size(20, jobs=2) == 5
    assert task_size(3, jobs=2) == SMALLEST_TASK
    assert task_size(0, jobs=2) == SMALLEST_TASK  # the estimate was short: go on, small
    assert task_size(-7, jobs=2) == SMALLEST_TASK
    assert task_size(None, jobs=2) == SMALLEST_TASK  # unknown: small, so workers stay even


def test_two_workers_return_every_article_in_input_order() -> None:
    settings = Settings()
    names = [f"a{i}.txt" for i in range(13)]
    items = [
        prepare(
            text_document(
                f"Mayor Jane Doe{i} said on Monday that the bridge {i} would reopen.\n", name
            ),
            settings,
        )
        for i, name in enumerate(names)
    ]
    # a wrong estimate of the total only changes task sizes, never the results
    for total in (None, 3, len(items), 100):
        results = list(analyze_stream(items, settings, jobs=2, total=total))
        assert [r.input for r in results] == names
        assert all(isinstance(r, ArticleFacts) for r in results)
        first = results[0]
        assert isinstance(first, ArticleFacts)
        assert any(a.source and a.source[0].text == "Mayor Jane Doe0" for a in first.attributions)
