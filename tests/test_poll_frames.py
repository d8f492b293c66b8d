"""What a poll found: "In the latest poll, Lopez leads by five points"."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from conftest import body_attributions
from newsfacts.extract.poll_frames import poll_frames
from newsfacts.models import Attribution
from newsfacts.nlp.loader import load_pipeline
from newsfacts.settings import Settings

STORY = (
    "Maria Lopez gained ground over the summer, and the race for governor is now close.\n\n"
    "In the latest Herald-Channel 4 poll, conducted in May, Lopez led Tom Hale 48 percent "
    "to 37 percent among young voters.\n\n"
    "Hale did fare well in online polls taken after the debate.\n\n"
    "In the RealClearPolitics average of state surveys, Hale trails by four points.\n\n"
    "His lead in the polls has shrunk since June.\n\n"
    "Lopez, who leads in the polls, spoke in Dayton on Friday.\n\n"
    "Hale rose in the polls after the debate and then fell back again.\n\n"
    "In a speech on Friday, Hale promised lower taxes for farmers.\n\n"
    "In the average of state prices, the cost of heating rose by four percent.\n"
)


@pytest.fixture(scope="module")
def found() -> list[Attribution]:
    return body_attributions(STORY)


def _polls(found: list[Attribution]) -> list[tuple[str, str, str]]:
    return [
        (
            " ".join(s.text for s in a.source),
            " ".join(s.text for s in a.cue),
            " ".join(s.text for s in a.content),
        )
        for a in found
        if [s.text.lower() for s in a.cue] == ["in"]
    ]


def test_a_poll_opening_the_sentence(found: list[Attribution]) -> None:
    assert (
        "the latest Herald-Channel 4 poll, conducted in May,",
        "In",
        "Lopez led Tom Hale 48 percent to 37 percent among young voters",
    ) in _polls(found)


def test_a_poll_ending_the_clause(found: list[Attribution]) -> None:
    assert ("online polls taken after the debate", "in", "Hale did fare well") in _polls(found)


def test_an_average_of_surveys(found: list[Attribution]) -> None:
    assert (
        "the RealClearPolitics average of state surveys",
        "In",
        "Hale trails by four points",
    ) in _polls(found)


def test_what_is_not_a_poll_finding(found: list[Attribution]) -> None:
    # a lead "in the polls" (on a noun), a relative clause, a phrase inside its clause and
    # a speech are no findings of a poll
    assert len(_polls(found)) == 3
    kinds = {a.kind for a in found if [s.text.lower() for s in a.cue] == ["in"]}
    assert kinds == {"according_to"}


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    # parses built by hand, so that no model update changes what is under test
    return Doc(load_pipeline(Settings()).vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_main_clause_without_a_subject_gives_no_finding() -> None:
    # "Rose sharply in the polls." as a headline: no one is said to have risen
    words = ["Rose", "sharply", "in", "the", "polls", "."]
    heads = [0, 0, 0, 4, 2, 0]
    deps = ["ROOT", "advmod", "prep", "det", "pobj", "punct"]
    pos = ["VERB", "ADV", "ADP", "DET", "NOUN", "PUNCT"]
    assert poll_frames(_parsed(words, heads, deps, pos)) == []
    with_subject = _parsed(
        ["Lopez", *words], [1, *(h + 1 for h in heads)], ["nsubj", *deps], ["PROPN", *pos]
    )
    (frame,) = poll_frames(with_subject)
    assert with_subject.text[slice(*frame.content[0])] == "Lopez Rose sharply"
