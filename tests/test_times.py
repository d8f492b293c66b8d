"""Temporal expressions: normalisation rules, detection in parsed text, the fixtures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from newsfacts.extract.times import FUTURE, NARRATED, PAST, extract_times, normalise
from newsfacts.models import Region
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "times"
SEED = Path(__file__).parents[1].parent / "shared" / "data" / "seed" / "us-iraq-roadmap.txt"
THURSDAY = dt.date(2024, 7, 25)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


def _times(nlp: Language, text: str, published: dt.date | None) -> dict[str, tuple[Any, str]]:
    doc = parse_body(nlp, text, [Region(0, len(text))])
    found = extract_times(doc, published, Settings())
    for t in found:
        assert text[t.start : t.end] == t.text
    return {t.text: (t.value, t.kind) for t in found}


@pytest.mark.parametrize(
    ("expression", "direction", "expected"),
    [
        ("Tuesday", PAST, ("2024-07-23", "date")),
        ("Thursday", PAST, ("2024-07-25", "date")),
        ("Tuesday", FUTURE, ("2024-07-30", "date")),
        ("last Tuesday", PAST, ("2024-07-23", "date")),
        ("next Thursday", PAST, ("2024-08-01", "date")),
        ("Tuesday last week", PAST, ("2024-07-16", "date")),
        ("last week", PAST, ("2024-07-15/2024-07-21", "interval")),
        ("the last week", PAST, ("2024-07-18/2024-07-25", "interval")),
        ("this year", PAST, ("2024", "year")),
        ("next month", PAST, ("2024-08", "month")),
        ("yesterday", PAST, ("2024-07-24", "date")),
        ("today", PAST, ("2024-07-25", "date")),
        ("by 2025", PAST, ("2025", "year")),
        ("over the past decade", PAST, ("2014-07-25/2024-07-25", "interval")),
        ("in March", PAST, ("2024-03", "month")),
        ("in September", PAST, ("2023-09", "month")),
        ("in September", FUTURE, ("2024-09", "month")),
        ("July 23, 2024", PAST, ("2024-07-23", "date")),
        ("23 July 2024", PAST, ("2024-07-23", "date")),
        ("2024-07-23", PAST, ("2024-07-23", "date")),
        ("7/23/2024", PAST, ("2024-07-23", "date")),
        ("Sept. 12", PAST, ("2023-09-12", "date")),
        ("Sept. 12", FUTURE, ("2024-09-12", "date")),
        ("Tuesday, July 23", FUTURE, ("2024-07-23", "date")),
        ("the 1990s", PAST, ("1990-01-01/1999-12-31", "interval")),
        ("two years ago", PAST, ("2022", "year")),
        ("three weeks ago", PAST, ("2024-07-04", "date")),
        ("a decade", PAST, ("P10Y", "duration")),
        ("several days", PAST, (None, "duration")),
        ("3 p.m. Tuesday", PAST, ("2024-07-23T15:00", "time")),
        ("last summer", PAST, ("2023-06-01/2023-08-31", "interval")),
        ("this weekend", FUTURE, ("2024-07-27/2024-07-28", "interval")),
        ("early 2024", PAST, ("2024", "year")),
        ("earlier this month", PAST, ("2024-07", "month")),
        ("every Tuesday", PAST, ("XXXX-WXX-2", "set")),
        ("from 2009 to 2014", PAST, ("2009-01-01/2014-12-31", "interval")),
        ("the next day", PAST, (None, "date")),
        ("the next year", PAST, ("2024-07-25/2025-07-25", "interval")),
        ("the next year", NARRATED, (None, "year")),  # a year after a time of the story
        ("next year", NARRATED, ("2025", "year")),
    ],
)
def test_normalise(expression: str, direction: str, expected: tuple[str | None, str]) -> None:
    assert normalise(expression, THURSDAY, direction) == expected


def test_relative_needs_publication_date_but_absolute_does_not() -> None:
    assert normalise("Tuesday", None) == (None, "date")
    assert normalise("last week", None) == (None, "interval")
    assert normalise("July 23, 2024", None) == ("2024-07-23", "date")
    assert normalise("2003", None) == ("2003", "year")


def test_month_end_arithmetic() -> None:
    assert normalise("the next two years", dt.date(2024, 2, 29)) == (
        "2024-02-29/2026-02-28",
        "interval",
    )


def test_tense_picks_the_weekday(nlp: Language) -> None:
    text = "The ministers met on Tuesday. They will meet again on Tuesday, an aide said."
    doc = parse_body(nlp, text, [Region(0, len(text))])
    values = [t.value for t in extract_times(doc, THURSDAY, Settings())]
    assert values == ["2024-07-23", "2024-07-30"]


def test_spans_drop_prepositions_and_ages(nlp: Language) -> None:
    found = _times(
        nlp,
        "The 70-year-old senator, who is 64 years old, said the plan could start as early "
        "as this year and has been debated over the past decade.",
        THURSDAY,
    )
    assert found == {
        "this year": ("2024", "year"),
        "the past decade": ("2014-07-25/2024-07-25", "interval"),
    }


def test_the_next_year_of_a_told_past_is_not_counted_from_publication(nlp: Language) -> None:
    found = _times(
        nlp,
        "The pair were taken in May 2015. The next year, the rebels released a video. "
        "Over the next year, the company will hire 200 people.",
        THURSDAY,
    )
    assert found == {
        "May 2015": ("2015-05", "month"),
        "The next year": (None, "year"),
        "the next year": ("2024-07-25/2025-07-25", "interval"),
    }


def test_a_capitalised_unit_inside_a_sentence_is_a_name(nlp: Language) -> None:
    found = _times(nlp, "Hale and Weeks were seized in 2016. Days later, talks began.", THURSDAY)
    assert "Weeks" not in found
    assert found["Days later"][1] != ""


def test_clock_time_joins_its_day(nlp: Language) -> None:
    found = _times(nlp, "The president arrived at 9 a.m. Friday.", dt.date(2017, 5, 5))
    assert found == {"9 a.m. Friday": ("2017-05-05T09:00", "time")}


def test_wire_fixture(nlp: Language) -> None:
    data = json.loads((FIXTURES / "wire.json").read_text(encoding="utf-8"))
    gold = found_right = 0
    for d in data["documents"]:
        text = d["text"]
        published = dt.date.fromisoformat(d["published"]) if d["published"] else None
        got = _times(nlp, text, published)
        for g in d["times"]:
            assert text[g["start"] : g["end"]] == g["text"]
            gold += 1
            found_right += got.get(g["text"]) == (g["value"], g["kind"])
    assert found_right / gold >= 0.9  # bench/dates.py prints the exact figures


def test_seed_article_times(nlp: Language) -> None:
    if not SEED.exists():
        pytest.skip("shared seed article not present")
    text = SEED.read_text(encoding="utf-8")
    doc = parse_body(nlp, text, [Region(0, len(text))])
    found = [(t.text, t.value) for t in extract_times(doc, THURSDAY, Settings())]
    assert ("the last week", "2024-07-18/2024-07-25") in found
    assert found.count(("Tuesday", "2024-07-23")) == 4
    assert ("Monday", "2024-07-22") in found
    assert ("Wednesday", "2024-07-24") in found
    assert ("2025", "2025") in found and ("this year", "2024") in found
    assert ("the past decade", "2014-07-25/2024-07-25") in found


def test_a_live_blogs_time_stamp_is_of_the_day_published(nlp: Language) -> None:
    text = (
        "Live updates: Storm Bettina\n\n"
        "10:15 a.m. — More than 300,000 customers are without power.\n\n"
        "The utility said crews would start work at 3 p.m.\n"
    )
    found = _times(nlp, text, dt.date(2024, 9, 10))
    assert found["10:15 a.m."] == ("2024-09-10T10:15", "time")
    assert found["3 p.m."] == ("T15:00", "time")  # inside a sentence: no day is given
    assert _times(nlp, text, None)["10:15 a.m."] == ("T10:15", "time")
