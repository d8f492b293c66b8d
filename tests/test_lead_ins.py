"""Block quotes after a lead-in line: "The mayor added:" and then the words."""

from __future__ import annotations

import pytest

from conftest import body_attributions
from newsfacts.models import Attribution

STORY = (
    "Mayor Ruth Okafor defended the new bus lanes at a meeting of the council on Monday.\n\n"
    "“They are working,” she said.\n\n"
    "The mayor added:\n\n"
    "Nobody believes the old timetable. Riders know it, but the council never listens.\n\n"
    "The transit union released the following statement:\n\n"
    "We support every plan that puts more drivers on the road and keeps fares low.\n\n"
    "Councillor Dan Reyes went on to say:\n\n"
    "Incredibly, none of the members has read the report, and everyone knows why.\n\n"
    "Ms. Okafor pointed out that the lanes cost less than a single new bus:\n\n"
    "The figures come from the city's budget office and were published last week.\n\n"
    "Residents of the east side tweeted the following:\n\n"
    "WHERE IS OUR BUS STOP?\n\n"
    "One driver, Ann Pike, wrote:\n\n"
    "“We stopped at every corner,” Ms. Pike’s colleague shouted from the cab.\n\n"
    "Here's what to know:\n\n"
    "The lanes open on Friday and run from six in the morning until ten at night.\n\n"
    "He said, she said\n\n"
    "The surface will need repairs within two years of the opening of the lanes.\n\n"
    "The drivers' union issued the following statement:\n\n"
    "“We waited at every light,” a driver shouted at the meeting.\n\n"
    "The council noted the sparse attendance at the meeting:\n\n"
    "Only nine residents came, and most of them left before the vote.\n\n"
    "Residents tweeted a long statement about the buses and the drivers:\n\n"
    "The buses are late and the drivers are tired, and the council does nothing.\n\n"
    "The union cited one who said:\n\n"
    "Every driver on the night shift has asked for a second break.\n\n"
    "Said the treasurer:\n\n"
    "The budget for the lanes is spent, and there is no money for more.\n\n"
    "The treasurer replied:\n\n"
    "No way.\n\n"
    "Nobody knows what the mayor wrote about the lanes:\n\n"
    "The lanes are painted red and run along the main road to the station.\n\n"
    "The slant shows itself once you look at how the paper rated this statement:\n\n"
    "The lanes will save every rider ten minutes a day, the mayor said in May.\n\n"
    "Commuters on the west side tweeted the following:\n\n"
    "Where is our bus stop, and why did nobody on the council ask us?\n\n"
    "The chief engineer told reporters:\n\n"
    "“The surface is sound. The paint is the problem.\n\n"
    "“We will repaint the lanes in April, when the weather allows it.”\n"
)


@pytest.fixture(scope="module")
def found() -> list[Attribution]:
    return body_attributions(STORY)


def _by_cue(found: list[Attribution]) -> dict[str, Attribution]:
    return {" ".join(s.text for s in a.cue): a for a in found}


def _paragraph_after(line: str) -> str:
    start = STORY.index(line) + len(line) + 2
    return STORY[start : STORY.index("\n", start)]


def test_the_paragraph_after_a_colon_is_the_speakers(found: list[Attribution]) -> None:
    added = _by_cue(found)["added:"]
    assert [s.text for s in added.source] == ["The mayor"]
    assert [s.text for s in added.content] == [_paragraph_after("The mayor added:")]
    assert added.kind == "direct"


def test_speech_inside_a_block_quote_is_the_blocks(found: list[Attribution]) -> None:
    # "Riders know it" lies inside the mayor's words: no attribution of its own
    block = STORY.index("Nobody believes")
    inside = [a for a in found if block <= a.cue[0].start < STORY.index("\n", block)]
    assert inside == []


def test_a_statement_named_as_the_object(found: list[Attribution]) -> None:
    statement = _by_cue(found)["released the following statement:"]
    assert [s.text for s in statement.source] == ["The transit union"]
    assert [s.text for s in statement.content] == [
        _paragraph_after("The transit union released the following statement:")
    ]


def test_the_cue_starts_at_the_verb_the_speech_verb_completes(
    found: list[Attribution],
) -> None:
    said = next(a for a in found if "Dan Reyes" in " ".join(s.text for s in a.source))
    assert [s.text for s in said.cue][0].endswith("say:")
    assert [s.text for s in said.content] == [
        _paragraph_after("Councillor Dan Reyes went on to say:")
    ]


def test_a_lead_in_that_says_something_itself_is_not_one(found: list[Attribution]) -> None:
    figures = STORY.index("The figures come")
    assert not any(c.start >= figures for a in found for c in a.content if c.start < figures + 20)


def test_a_subheading_in_capitals_is_no_block_quote(found: list[Attribution]) -> None:
    stop = STORY.index("WHERE IS OUR")
    assert not any(c.start == stop for a in found for c in a.content)


def test_a_paragraph_with_a_speaker_of_its_own_keeps_it(found: list[Attribution]) -> None:
    shouted = next(a for a in found if "colleague" in " ".join(s.text for s in a.source))
    assert [s.text for s in shouted.cue] == ["shouted"]
    paragraph = _paragraph_after("One driver, Ann Pike, wrote:")
    assert not any(c.text == paragraph for a in found for c in a.content)


def test_no_lead_in_without_a_speaker(found: list[Attribution]) -> None:
    lanes = STORY.index("The lanes open")
    assert not any(c.start == lanes for a in found for c in a.content)


def test_the_quoted_speaker_of_the_next_paragraph_keeps_it(found: list[Attribution]) -> None:
    # no other frame holds "issued" here: the speaker check alone keeps the driver's words
    assert not any(" ".join(s.text for s in a.cue).startswith("issued") for a in found)
    driver = next(a for a in found if a.content and a.content[0].text.startswith("“We waited"))
    assert [s.text for s in driver.source] == ["a driver"]


@pytest.mark.parametrize(
    "line",
    [
        "The council noted the sparse attendance at the meeting:",  # says something itself
        "Residents tweeted a long statement about the buses and the drivers:",  # a long object
        "The union cited one who said:",  # "who" is no source
        "Said the treasurer:",  # a subject after the verb: the cue would run over it
        "The treasurer replied:",  # "No way." is too short a block
        "He said, she said",  # a subheading: no colon, no lead-in
        "Nobody knows what the mayor wrote about the lanes:",  # a verb in a clause
        # the colon's words are the statement the clause names, not the bias's
        "The slant shows itself once you look at how the paper rated this statement:",
    ],
)
def test_not_a_lead_in(found: list[Attribution], line: str) -> None:
    paragraph = _paragraph_after(line)
    assert not any(c.text == paragraph for a in found for c in a.content)


def test_a_quote_over_two_paragraphs_stays_with_its_cue(found: list[Attribution]) -> None:
    told = next(a for a in found if [s.text for s in a.cue] == ["told"])
    assert [s.text for s in told.source] == ["The chief engineer"]
    assert len(told.content) == 2
    assert told.content[1].text.startswith("“We will repaint")


def test_a_frame_with_its_content_on_the_line_gives_way(found: list[Attribution]) -> None:
    tweeted = next(a for a in found if "west side" in " ".join(s.text for s in a.source))
    assert [s.text for s in tweeted.cue] == ["tweeted the following:"]
    assert [s.text for s in tweeted.content] == [
        _paragraph_after("Commuters on the west side tweeted the following:")
    ]
    line = STORY.index("Commuters on the west side")
    assert [a for a in found if line <= a.cue[0].start < STORY.index("\n", line)] == [tweeted]
