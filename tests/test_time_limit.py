"""A time limit on each article's analysis: a stalled article fails, the run goes on."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from newsfacts.batch import analyze_stream
from newsfacts.errors import TimeLimitError
from newsfacts.models import ArticleFacts
from newsfacts.pipeline import Failure, Prepared, prepare, text_document
from newsfacts.settings import Settings
from newsfacts.time_limit import can_limit, time_limit

pytestmark = pytest.mark.skipif(not can_limit(), reason="no interval timer on this platform")


def test_a_block_running_past_its_limit_is_stopped_and_the_timer_put_back() -> None:
    before = signal.getsignal(signal.SIGALRM)
    started = time.monotonic()
    with pytest.raises(TimeLimitError, match="longer than 0.2 s"), time_limit(0.2):
        while True:  # a loop that never ends by itself
            pass
    assert time.monotonic() - started < 5
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_block_within_its_limit_runs_to_the_end() -> None:
    with time_limit(5):
        total = sum(range(1000))
    assert total == 499500
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_limit(0):  # no limit
        time.sleep(0.01)


def test_outside_the_main_thread_there_is_no_limit() -> None:
    finished: list[bool] = []

    def work() -> None:
        finished.append(can_limit())
        with time_limit(0.01):
            time.sleep(0.1)
        finished.append(True)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=30)
    assert finished == [False, True]


def _items(count: int) -> list[Prepared]:
    settings = Settings()
    return [
        prepare(
            text_document(f"Mayor Ann Lee{i} said the bridge would reopen.\n", f"{i}.txt"), settings
        )
        for i in range(count)
    ]


@pytest.mark.parametrize("jobs", [1, 2])
def test_articles_over_the_limit_fail_with_a_message_and_the_run_goes_on(jobs: int) -> None:
    stalled = Settings(article_time_limit=1e-6)  # no article can finish in a microsecond
    results = list(analyze_stream(_items(3), stalled, jobs=jobs))
    assert [r.input for r in results] == ["0.txt", "1.txt", "2.txt"]
    assert all(isinstance(r, Failure) for r in results)
    assert all("took longer than 1e-06 s" in r.message for r in results if isinstance(r, Failure))
    again = list(analyze_stream(_items(2), Settings(), jobs=jobs))
    assert all(isinstance(r, ArticleFacts) for r in again)
