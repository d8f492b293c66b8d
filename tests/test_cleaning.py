"""Cleaning: litter out, title and byline found, body marked with offsets into the text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import newsfacts
from newsfacts.clean import Cleaned, clean_text
from newsfacts.clean.headline import byline_authors
from newsfacts.clean.litter import is_end_marker, is_litter
from newsfacts.settings import Settings

SHARED = Path(__file__).parents[1].parent / "shared"
SEED = SHARED / "data" / "seed" / "us-iraq-roadmap.txt"

P1 = (
    "The city council voted on Tuesday to approve a new budget for the coming year, "
    "ending weeks of debate over spending on roads and schools."
)
P2 = (
    "Council members said the plan would raise spending on repairs by a tenth, while "
    "holding property taxes at their current level for residents."
)
P3 = "“We listened to the people who live here,” the mayor said after the vote."


def body_of(text: str, cleaned: Cleaned) -> list[str]:
    return [text[r.start : r.end] for r in cleaned.body]


def clean(text: str) -> Cleaned:
    return clean_text(text, Settings())


def assert_regions_valid(text: str, cleaned: Cleaned) -> None:
    ends = -1
    for region in cleaned.body:
        assert 0 <= region.start < region.end <= len(text)
        assert region.start >= ends  # sorted, non-overlapping
        piece = text[region.start : region.end]
        assert piece == piece.strip()
        ends = region.end


@pytest.mark.parametrize(
    "litter",
    [
        "Advertisement",
        "Share this article",
        "Subscribe to our newsletter to get the latest updates in your inbox.",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "We use cookies to improve your experience on our website.",
        "Read more: Council delays vote on parking fees",
        "Related Stories",
        "Skip to main content",
        "© 2024 Example Media Ltd. All rights reserved.",
        "Photo: Jane Doe/Reuters",
        "Our Correspondent",
    ],
)
def test_each_litter_kind_is_dropped_from_the_body(litter: str) -> None:
    text = f"{P1}\n\n{litter}\n\n{P2}\n\n{P3}\n"
    assert is_litter(litter)
    assert body_of(text, clean(text)) == [P1, P2, P3]


def test_prose_is_not_litter() -> None:
    for line in (P1, P2, P3, "He declined to comment.", "Read the full report, she said."):
        assert not is_litter(line)


def test_navigation_related_list_and_comment_form_around_the_article() -> None:
    text = "\n".join(
        [
            "Home",
            "News",
            "Sport",
            "Business",
            "Council approves budget after weeks of debate",
            "By Jane Doe and John Roe",
            P1,
            "Advertisement",
            P2,
            P3,
            "Related:",
            "Mayor opens new library in the east end",
            "Road repairs to start in spring",
            "Schools get more funding",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "Copyright 2024 Example Media",
        ]
    )
    cleaned = clean(text)
    assert body_of(text, cleaned) == [P1, P2, P3]
    assert cleaned.authors == ("Jane Doe", "John Roe")
    assert cleaned.byline_span is not None
    span = cleaned.byline_span
    assert text[span.start : span.end] == "By Jane Doe and John Roe"
    assert_regions_valid(text, cleaned)


def test_comment_section_after_the_article_is_not_body() -> None:
    comment = "I think the council should have spent the money on the parks instead, honestly."
    text = "\n".join([P1, P2, P3, "12 Comments", "reader42 says:", comment, "Reply"])
    assert is_end_marker("12 Comments")
    assert body_of(text, clean(text)) == [P1, P2, P3]


def test_plain_text_without_litter_is_all_body() -> None:
    short = "No one objected."
    quote = "“It is done,” she said."
    text = f"{P1}\n\n{short}\n\n{P2}\n\n{quote}\n\n{P3}"
    cleaned = clean(text)
    assert body_of(text, cleaned) == [P1, short, P2, quote, P3]
    assert cleaned.title is None
    assert cleaned.authors == ()


def test_title_is_the_headline_shaped_first_line() -> None:
    title = "Council approves budget after weeks of debate"
    text = f"  {title}  \n\n{P1}\n\n{P2}\n"
    cleaned = clean(text)
    assert cleaned.title == title
    assert cleaned.title_span is not None
    assert text[cleaned.title_span.start : cleaned.title_span.end] == title
    assert body_of(text, cleaned) == [P1, P2]


def test_a_first_sentence_is_not_a_title() -> None:
    text = f"{P1}\n{P2}"
    assert clean(text).title is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("Jane Doe | Reuters", ("Jane Doe",)),
        ("BY JANE DOE, Senior Correspondent", ("Jane Doe",)),
        (
            "By Mary-Ann O'Neil, Tom Li and Ahmed al-Sadr | CNN",
            ("Mary-Ann O'Neil", "Tom Li", "Ahmed al-Sadr"),
        ),
        ("Chris Davies - Nov 19, 2019, 10:31 pm CST", ("Chris Davies",)),
        ("By Our Correspondent", ()),
        ("Our Correspondent", ()),
        ("Reuters November 18, 2019 11:03 PM", ()),
        ("By the end of the year, prices rose.", ()),
        ("The US and The UK - Nov 2", ()),
    ],
)
def test_byline_authors(line: str, authors: tuple[str, ...]) -> None:
    assert byline_authors(line) == authors


def test_offsets_point_into_the_original_text_with_crlf_and_indent() -> None:
    text = "Headline Of The Day\r\n\r\n   " + P1 + "   \r\n\tAdvertisement\r\n" + P2 + "\r\n"
    cleaned = clean(text)
    assert body_of(text, cleaned) == [P1, P2]
    assert_regions_valid(text, cleaned)


def test_empty_text() -> None:
    cleaned = clean("  \n\n ")
    assert cleaned.body == ()
    assert cleaned.title is None


def test_shingle_score() -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    from shingles import shingle_score

    assert shingle_score("a b c d e", "a b c d e").f1 == 1.0
    assert shingle_score("", "").f1 == 1.0
    assert shingle_score("", "a b c d").f1 == 0.0
    half = shingle_score("one two three four five", "one two three four six seven")
    assert half.precision == 0.5 and half.recall == pytest.approx(1 / 3)


def test_seed_article() -> None:
    if not SEED.is_file():
        pytest.skip("shared data absent")
    text = SEED.read_text(encoding="utf-8")
    cleaned = clean(text)
    assert cleaned.title is not None and cleaned.title.startswith("US, Iraq agree to new roadmap")
    assert cleaned.authors == ()
    body = body_of(text, cleaned)
    assert body[0].startswith("The US and Iraq have agreed")
    assert body[-1].endswith("Iraq’s sovereignty, security and stability.”")
    assert len(body) == 13
    start = text.index("The US and Iraq have agreed")
    end = text.index("stability.”") + len("stability.”")
    assert body == [p.strip() for p in text[start:end].split("\n\n") if p.strip()]
    assert_regions_valid(text, cleaned)


def test_grouped_litter_rules_match_what_each_rule_matches() -> None:
    from newsfacts.clean.litter import LITTER_FILE, patterns

    lines = [
        "Advertisement",
        "We use cookies to improve your experience.",
        "© 2024 Example Media Ltd. All rights reserved.",
        "Your email address will not be published.",
        "Subscribers only: read the full story",
        P1,
        P3,
        "The mayor said he had used cookies as a bribe.",
    ]
    for line in lines:
        assert is_litter(line) == any(p.search(line) for p in patterns(LITTER_FILE)), line


@pytest.mark.parametrize(
    "litter",
    ["Advert", "Image 2 of 5", "Compartilhe", "Mehr:", "Leia também: o que muda", "Teilen"],
)
def test_litter_in_other_forms_and_languages(litter: str) -> None:
    assert is_litter(litter)


MORE = (
    "Opponents of the plan said they would ask the county to review the budget before the "
    "spring, arguing that the council had not published the figures for the new road scheme."
)


def test_a_comment_section_is_cut_at_its_first_commenter() -> None:
    first = "I think the council should have spent the money on the parks instead, honestly."
    second = "The roads are worse every winter and nobody on the council seems to notice it."
    text = "\n".join([P1, P2, P3, MORE, "reader42 says:", first, "Jo Bloggs writes:", second])
    assert body_of(text, clean(text)) == [P1, P2, P3, MORE]


def test_a_lone_writes_line_is_a_quotations_lead_in() -> None:
    # "Hewitt writes:" has a commenter's shape, but a comment section holds several
    quoted = "The council has never once asked the residents what they want from the parks."
    text = "\n".join([P1, P2, P3, MORE, "Hewitt writes:", quoted, P1])
    assert body_of(text, clean(text)) == [P1, P2, P3, MORE, "Hewitt writes:", quoted, P1]


def test_a_quote_introduction_is_no_comment_marker() -> None:
    assert not is_end_marker("He said:")
    text = "\n".join([P1, P2, "He said:", P3, "The vote was unanimous, officials said."])
    assert len(body_of(text, clean(text))) == 5


def test_title_found_above_the_body_when_menus_come_first() -> None:
    title = "Council approves budget after weeks of debate"
    text = "\n".join(["Home", "News", "Sport", title, "By Jane Doe", P1, P2, P3, "Related"])
    cleaned = clean(text)
    assert cleaned.title == title
    assert cleaned.authors == ("Jane Doe",)
    assert body_of(text, cleaned) == [P1, P2, P3]


def test_line_model_round_trip_and_feature_check() -> None:
    from newsfacts.clean.features import FEATURE_NAMES
    from newsfacts.clean.model import LineModel, default_model
    from newsfacts.errors import CleaningError

    model = default_model()
    assert LineModel.from_json(model.to_json()) == model
    probs = model.probabilities([[0.0] * len(FEATURE_NAMES)])
    assert len(probs) == 1 and 0.0 <= probs[0] <= 1.0
    bad = {**model.to_json(), "names": ["x"]}
    with pytest.raises(CleaningError):
        LineModel.from_json(bad)


def test_a_model_that_rejects_everything_falls_back_to_the_rules() -> None:
    from newsfacts.clean.features import FEATURE_NAMES
    from newsfacts.clean.model import LineModel

    n = len(FEATURE_NAMES)
    never = LineModel(FEATURE_NAMES, (0.0,) * n, (1.0,) * n, (0.0,) * n, bias=-20.0)
    text = "\n".join(["Home", "News", P1, P2])
    assert body_of(text, clean_text(text, Settings(), model=never)) == []
    always = LineModel(FEATURE_NAMES, (0.0,) * n, (1.0,) * n, (0.0,) * n, bias=20.0)
    assert body_of(text, clean_text(text, Settings(), model=always))[-2:] == [P1, P2]


def test_example_article() -> None:
    example = Path(__file__).parents[1] / "examples" / "north-sea-grid.txt"
    text = example.read_text(encoding="utf-8")
    cleaned = clean(text)
    assert cleaned.title == (
        "Netherlands and Germany agree to link offshore wind grids in the North Sea"
    )
    assert cleaned.authors == ("Hannah Verbeek",)
    body = body_of(text, cleaned)
    assert body[0].startswith("The Netherlands and Germany have agreed")
    assert body[-1].endswith("in the coming weeks.")
    joined = "\n".join(body)
    for litter in ("Share this article", "Advertisement", "Related stories", "About the author"):
        assert litter not in joined
    assert "cookies" not in joined and "email address" not in joined


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("Sobre Carlos Nadalim", True),
        ("Über Moritz Bachmann", True),
        ("À propos de Marie Dupont", True),
        ("Sobre el acuerdo con los sindicatos", False),  # a sentence about something
        ("About Examiner", False),  # English "About ..." is mostly a menu item
    ],
)
def test_an_about_box_in_other_languages_ends_the_article(line: str, marker: bool) -> None:
    assert is_end_marker(line) == marker


def test_the_body_run_is_cut_at_a_long_stretch_of_unlikely_blocks() -> None:
    from newsfacts.clean.body import GAP_BLOCKS, _strongest_part

    short_gap = [False, True, True, False]
    assert _strongest_part((0, 3), [1.0, -0.1, -0.1, 1.0], short_gap) == (0, 3)
    weak = [False] * 2 + [True] * GAP_BLOCKS + [False] * 3
    pulls = [1.0, 1.0] + [-0.1] * GAP_BLOCKS + [1.0, 1.0, 1.0]
    assert _strongest_part((0, len(weak) - 1), pulls, weak) == (GAP_BLOCKS + 2, len(weak) - 1)
    assert _strongest_part((0, 1), [1.0, 1.0], [False, False]) == (0, 1)


def test_a_headline_glued_to_its_teaser_is_a_feature() -> None:
    from newsfacts.clean.body import analyse
    from newsfacts.clean.features import FEATURE_NAMES
    from newsfacts.clean.lines import split_lines

    teaser = "Is Violence In Sports On The Rise?Violence is part of the game in many sports."
    page = analyse(split_lines("\n".join([P1, teaser, "He watched it on YouTube."])), frozenset())
    glued = [row[FEATURE_NAMES.index("glued_words")] for row in page.rows]
    assert glued == [0.0, 1.0, 0.0]


def test_the_agency_of_a_wire_dateline_is_kept() -> None:
    wire = (
        "Carmaker to shed 3,700 posts\n\nBy Jonas Brekke\n\n"
        f"FRANKFURT (AP) — {P1}\n\n{P2}\n\n{P3}\n"
    )
    assert clean_text(wire, Settings()).agency == "AP"
    plain = f"Budget passes\n\nBRUSSELS — {P1}\n\n{P2}\n\n{P3}\n"
    assert clean_text(plain, Settings()).agency is None
    glued = f"Budget passes\n\nBrussels (CNN){P1}\n\n{P2}\n\n{P3}\n"
    assert clean_text(glued, Settings()).agency == "CNN"
    dated = f"Budget passes\n\nLONDON, March 3 (Reuters) - {P1}\n\n{P2}\n\n{P3}\n"
    assert clean_text(dated, Settings()).agency == "Reuters"
    alone = f"Budget passes\n\n(Bloomberg) -- {P1}\n\n{P2}\n\n{P3}\n"
    assert clean_text(alone, Settings()).agency == "Bloomberg"
    day = f"Budget passes\n\nSAN JOSE (Dec 3) - {P1}\n\n{P2}\n\n{P3}\n"
    assert clean_text(day, Settings()).agency is None  # the day it was filed, not who filed it
    dated_only = f"Budget passes\n\nOct 14 (Reuters) - {P1}\n\n{P2}\n\n{P3}\n"
    assert clean_text(dated_only, Settings()).agency == "Reuters"


def test_a_plain_text_wire_story_gets_its_agency_as_outlet() -> None:
    text = f"Budget passes\n\nMONTGOMERY, Ala. (Reuters) - {P1}\n\n{P2}\n\n{P3}\n"
    assert newsfacts.analyze(text).metadata.outlet == "Reuters"
