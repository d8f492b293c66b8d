"""Text checks: empty, not English, mojibake, unbalanced quotation marks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newsfacts.clean.quality import check_text
from newsfacts.errors import EmptyInputError, NotEnglishError
from newsfacts.settings import Settings

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
SEED = Path(__file__).parents[1].parent / "shared" / "data" / "seed" / "us-iraq-roadmap.txt"
SETTINGS = Settings()
ENGLISH = (
    "The city council met on Tuesday to discuss the new budget for the coming year. "
    "Officials said the plan would pay for repairs to roads and bridges across the region, "
    "and the mayor told reporters that the vote was expected next week."
)


@pytest.mark.parametrize("text", ["", "   \n\t \n"])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(EmptyInputError, match="^input is empty$"):
        check_text(text, SETTINGS)


def test_plain_english_has_no_warnings() -> None:
    assert check_text(ENGLISH, SETTINGS) == []


def test_seed_article_passes() -> None:
    if not SEED.exists():
        pytest.skip(f"shared data not present: {SEED}")
    assert check_text(SEED.read_text("utf-8"), SETTINGS) == []


def test_french_is_refused_and_named() -> None:
    text = (INPUTS / "french.txt").read_text("utf-8")
    with pytest.raises(NotEnglishError) as err:
        check_text(text, SETTINGS)
    message = str(err.value)
    assert "does not look like English (it looks like French)" in message
    assert "newsfacts analyses English only" in message and "\n" not in message


def test_german_is_refused() -> None:
    text = (
        "Der Bundeskanzler hat am Dienstag einen neuen Plan für die Reform der Renten "
        "angekündigt, der in den kommenden Wochen dem Parlament vorgelegt werden soll. "
        "Nach Angaben des Ministers ist diese Reform notwendig."
    )
    with pytest.raises(NotEnglishError, match="looks like German"):
        check_text(text, SETTINGS)


def test_other_script_is_refused() -> None:
    text = "Президент заявил во вторник, что правительство представит новый план реформы."
    with pytest.raises(NotEnglishError, match="mostly in Cyrillic script"):
        check_text(text, SETTINGS)


def test_short_foreign_text_passes() -> None:
    assert check_text("Le président a annoncé un plan mardi.", SETTINGS) == []


def test_english_thick_with_names_is_analysed_with_a_warning() -> None:
    # 16% English function words, under the 20% threshold, and no other language closer
    text = (
        "Rep. Ann Lee (D-OR), Sen. Bob Smith (R-TX), Gov. Carla Diaz, Mayor Tom Ng, Judge Ruth "
        "Park, CEO Max Weber #vote2016 @annlee @bobsmith pic.twitter.com/x1y2z3 Lee, Smith, Diaz, "
        "Ng, Park and Weber met the press in Austin, Texas, on Monday, and said they would run."
    )
    warnings = check_text(text, SETTINGS)
    assert warnings == [
        "few English function words (16% of the words, under 20%); analysed as English all the same"
    ]


def test_another_language_closer_than_english_is_refused_under_the_threshold() -> None:
    # 17% English function words (an English phrase quoted), 22% Italian ones
    text = (
        'Il Black Friday arriva anche nel negozio online di Apple: "the best deals of the year", '
        "sconti per iPhone, iPad, MacBook Pro e AirPods fino a lunedì, con spedizione gratuita in "
        "Italia per tutti i clienti."
    )
    with pytest.raises(
        NotEnglishError, match=r"looks like Italian\): English function words are 17%"
    ):
        check_text(text, SETTINGS)


def test_threshold_comes_from_settings() -> None:
    with pytest.raises(NotEnglishError, match="below 90%"):
        check_text(ENGLISH, replace(SETTINGS, min_english_ratio=0.9))


def test_mojibake_is_a_warning() -> None:
    text = (INPUTS / "mojibake.txt").read_text("utf-8")
    warnings = check_text(text, SETTINGS)
    assert len(warnings) == 1
    assert "mojibake (e.g. 'donâ€™t' — probably 'don’t')" in warnings[0]


def test_accented_text_is_not_mojibake() -> None:
    text = "Café owners in Zürich and São Paulo paid €5 million at 20°C. " + ENGLISH
    assert check_text(text, SETTINGS) == []


def test_unbalanced_curly_quotes() -> None:
    text = "“We will stay,” he said.\n“We will not leave, she said.\n" + ENGLISH
    warnings = check_text(text, SETTINGS)
    assert warnings == [
        "unbalanced quotation marks: 2 opening “ and 1 closing ” (first unmatched on line 2)"
    ]


def test_stray_closing_quote() -> None:
    warnings = check_text(ENGLISH + "\nThe talks were ”constructive”.", SETTINGS)
    assert warnings == [
        "unbalanced quotation marks: 0 opening “ and 2 closing ” (first unmatched on line 2)"
    ]


def test_quotation_over_paragraphs_is_balanced() -> None:
    text = "“The first part of the quote.\n\n“The second part,” she said.\n\n" + ENGLISH
    assert check_text(text, SETTINGS) == []


def test_odd_straight_quotes() -> None:
    text = ENGLISH + '\nHe said "yes" and then "no.'
    warnings = check_text(text, SETTINGS)
    assert warnings == [
        'unbalanced quotation marks: 3 straight double quotes " (the one on line 2 is never closed)'
    ]
    assert check_text(ENGLISH + '\nHe said "yes".', SETTINGS) == []
