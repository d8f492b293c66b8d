"""The publication date printed at the head of a plain-text story."""

from __future__ import annotations

import pytest

import newsfacts
from newsfacts.clean import clean_text
from newsfacts.settings import Settings

TITLE = "Council approves budget after weeks of debate"
BODY = (
    "The city council voted on Tuesday to approve a new budget for the coming year, "
    "ending weeks of debate over spending on roads and schools."
)


def published(*head: str, body: str = BODY) -> str | None:
    text = "\n\n".join([TITLE, *head, body]) + "\n"
    return clean_text(text, Settings()).published


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("September 12, 2016", "2016-09-12"),
        ("Sept. 12, 2016", "2016-09-12"),
        ("Published: Sep 12, 2016 10:30 a.m. ET", "2016-09-12"),
        ("Monday, 12th September 2016, 18:05 BST", "2016-09-12"),
        ("Posted on 2016-09-12", "2016-09-12"),
        ("Published: Sept. 12, 2016 | Updated: Sept. 13, 2016", "2016-09-12"),
    ],
)
def test_a_date_line_above_the_body(line: str, date: str) -> None:
    assert published("By Ann Lee", line) == date


@pytest.mark.parametrize(
    "line",
    [
        "The summit on September 12, 2016",  # a headline-like line with a date in it
        "September 2016",  # no day
        "February 30, 2016",  # no such day
        "12/09/2016",  # day or month first: not guessed
    ],
)
def test_no_date_from_lines_that_are_not_date_lines(line: str) -> None:
    assert published("By Ann Lee", line) is None


def test_the_date_after_a_bylines_names() -> None:
    assert published("By Ann Lee | Sep 12, 2016") == "2016-09-12"


def test_published_wins_over_updated_on_another_line() -> None:
    assert published("Updated March 2, 2020", "Published March 1, 2020") == "2020-03-01"
    assert published("Updated March 2, 2020") == "2020-03-02"  # better than none


def test_a_date_inside_the_story_is_not_the_storys() -> None:
    body = BODY + "\n\nThe vote followed a hearing.\n\nSeptember 12, 2016"
    assert published(body=body) is None


def test_the_date_normalises_relative_days() -> None:
    text = "\n\n".join([TITLE, "By Ann Lee", "Friday, March 15, 2024", BODY]) + "\n"
    facts = newsfacts.analyze(text)
    assert facts.metadata.published == "2024-03-15"
    tuesday = next(t for t in facts.times if t.text == "Tuesday")
    assert tuesday.value == "2024-03-12"
    assert text[tuesday.start : tuesday.end] == "Tuesday"


def test_the_inputs_own_date_wins_over_the_users() -> None:
    text = "\n\n".join([TITLE, "March 15, 2024", BODY]) + "\n"
    assert newsfacts.analyze(text, published="2024-04-01").metadata.published == "2024-03-15"
    assert newsfacts.analyze(BODY, published="2024-04-01").metadata.published == "2024-04-01"


def test_dates_in_a_pages_menus_above_the_title_are_not_read() -> None:
    menu = ["Home | World | Politics", "More stories", "March 3, 2016"]
    text = "\n\n".join([*menu, TITLE, "By Ann Lee", BODY]) + "\n"
    assert clean_text(text, Settings()).published is None


def test_without_a_title_the_lines_just_above_the_body_are_read() -> None:
    text = "\n\n".join(["By Ann Lee", "March 3, 2016", BODY]) + "\n"
    assert clean_text(text, Settings()).published == "2016-03-03"


def test_a_list_of_other_stories_with_their_dates_gives_none() -> None:
    stories = ["Nissan unveils a sedan", "July 30, 2010", "Ford recalls trucks", "May 2, 2015"]
    assert published(*stories, "Mazda cuts prices", "September 12, 2016") is None
