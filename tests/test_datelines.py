"""Datelines: found at the start of a story, cut from the role spans that open with them."""

from __future__ import annotations

import pytest

from newsfacts.extract.datelines import after_openers, dateline, openers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tax plan unveiled\n\nWASHINGTON (AP) — The president said …", "WASHINGTON (AP) — "),
        ("Deal reached\nBrussels (Reuters) - The EU agreed …", "Brussels (Reuters) - "),
        ("Council votes\nSPRINGFIELD, Ill. ― The council voted …", "SPRINGFIELD, Ill. ― "),
        ("Ship docks\nCAPE ROSS -- The ship docked …", "CAPE ROSS -- "),
        ("Teachers rally\nIndianapolis – Teachers marched …", "Indianapolis – "),
        ("Game recap\nDekalb, Ill. — The Huskies won …", "Dekalb, Ill. — "),
        ("Trip to hospital\n(CNN)President Lee made a trip …", "(CNN)"),
        ("Talks stall\nTokyo (CNN Business)Markets fell on …", "Tokyo (CNN Business)"),
        ("Deal\nLONDON, March 3 (Reuters) - Britain and …", "LONDON, March 3 (Reuters) - "),
        ("War\nKYIV, Ukraine, Nov 2 (Reuters) - Russia …", "KYIV, Ukraine, Nov 2 (Reuters) - "),
        ("Poll\nNEW YORK, Dec. 11, 2015 (UPI) — A poll …", "NEW YORK, Dec. 11, 2015 (UPI) — "),
        ("Talks\nBrussels, Sept. 4 (AFP) – The EU …", "Brussels, Sept. 4 (AFP) – "),
        ("Stocks slide\n(Bloomberg) -- Stocks fell …", "(Bloomberg) -- "),
    ],
)
def test_a_dateline_opening_the_story_is_found(text: str, expected: str) -> None:
    found = dateline(text)
    assert found is not None
    assert text[found[0] : found[1]] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Headline\nThe US - and Iraq - agreed.",  # words in title case, no agency
        "Headline\nA.\nB.\nC.\nWASHINGTON - too far down to be the dateline",
        "Headline\nSHE WAS NEVER TOLD ABOUT THE PLAN — a subheading",
        "Headline\nWASHINGTON — ",  # nothing after it on the line
        "Headline\nAnn Lee — surgeon and TV star — was called a fraud.",  # a name
        "Headline\nWhy — of all places — does it rain here?",
        "Headline\nThe vote (in May) was close.",
        "Headline\nThe vote (in May) - was close.",  # brackets inside the sentence
        "Headline\nParis, May 3 - the date without an agency",
    ],
)
def test_other_dashes_are_not_datelines(text: str) -> None:
    assert dateline(text) is None


def test_pieces_opening_in_the_dateline_start_after_it() -> None:
    text = "Deal\nBRUSSELS - European leaders said the plan was dead."
    line = dateline(text)
    assert line is not None
    source = [(5, text.index(" said"))]  # "BRUSSELS - European leaders"
    assert [text[s:e] for s, e in after_openers(source, [line])] == ["European leaders"]
    assert after_openers([(5, 13)], [line]) == []  # wholly inside: dropped
    later = [(text.index("the plan"), len(text) - 1)]
    assert after_openers(later, [line]) == later
    assert after_openers(source, []) == source


def test_a_live_blog_time_stamp_opens_no_role() -> None:
    text = (
        "Live updates: Storm Bettina\n\n"
        "10:15 a.m. — More than 300,000 customers are without power, according to utilities.\n\n"
        "9:58 a.m. — Gov. Ana Ruiz urged residents to stay indoors.\n\n"
        "Officials said at 10:30 — the storm had weakened."
    )
    stamps = [text[s:e] for s, e in openers(text)]
    assert stamps == ["10:15 a.m. — ", "9:58 a.m. — "]
    content = [(text.index("10:15"), text.index(", according"))]
    assert [text[s:e] for s, e in after_openers(content, openers(text))] == [
        "More than 300,000 customers are without power"
    ]
