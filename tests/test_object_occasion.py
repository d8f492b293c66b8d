"""Content that is the cue verb's object leaves out the occasion of the saying."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsfacts.extract.object_occasion import without_occasion
from newsfacts.extract.roles import Role
from newsfacts.models import Region
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


def trimmed(nlp: Language, text: str, cue: str, content: str) -> str:
    doc = parse_body(nlp, text, [Region(0, len(text))])

    def role(label: str, words: str) -> Role:
        start = text.index(words)
        span = doc.char_span(start, start + len(words))
        assert span is not None, words
        return Role(label, span.start, span.end)

    out = without_occasion(doc, role("CUE", cue), role("CONTENT", content))
    return doc[out.start : out.end].text


@pytest.mark.parametrize(
    ("text", "cue", "content", "expected"),
    [
        (
            "Senator Ruiz criticised the new tariff during a hearing in Leeds.",
            "criticised",
            "the new tariff during a hearing in Leeds",
            "the new tariff",
        ),
        (
            "The mayor praised the volunteers Friday afternoon.",
            "praised",
            "the volunteers Friday afternoon",
            "the volunteers",
        ),
        (
            "Ms. Okafor described the deal as a disaster when she spoke to farmers in Oslo.",
            "described",
            "the deal as a disaster when she spoke to farmers in Oslo",
            "the deal as a disaster",
        ),
        (
            "The council rejected the proposal as residents gathered outside the town hall.",
            "rejected",
            "the proposal as residents gathered outside the town hall",
            "the proposal",
        ),
        # "in" a medium of the saying
        (
            "The minister criticised the plan in a speech to the chamber.",
            "criticised",
            "the plan in a speech to the chamber",
            "the plan",
        ),
        (
            "Mayor Ortiz welcomed the ruling in an interview with the Herald.",
            "welcomed",
            "the ruling in an interview with the Herald",
            "the ruling",
        ),
        # "at" a gathering, "on" a programme
        (
            "Senator Ruiz praised the farmers at a rally in Leeds.",
            "praised",
            "the farmers at a rally in Leeds",
            "the farmers",
        ),
        (
            "The coach criticised the referee on Twitter.",
            "criticised",
            "the referee on Twitter",
            "the referee",
        ),
    ],
)
def test_the_occasion_after_the_object_is_left_out(
    nlp: Language, text: str, cue: str, content: str, expected: str
) -> None:
    assert trimmed(nlp, text, cue, content) == expected


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # "in", "on" and relative dates are too often the object's own: kept
        (
            "The minister criticised the plan in its current form.",
            "criticised",
            "the plan in its current form",
        ),
        ("The minister criticised the plan last week.", "criticised", "the plan last week"),
        # where the delegates will choose, not where it was said
        (
            "The senator urged the delegates to choose a new leader at the convention.",
            "urged",
            "the delegates to choose a new leader at the convention",
        ),
        # what hangs on the complement, not on the cue verb, is what was urged
        (
            "The union urged its members to strike during the holidays.",
            "urged",
            "its members to strike during the holidays",
        ),
        # nothing but punctuation after the object: nothing to leave out
        (
            "The singer praised the spirit of a town like Harbour Point!",
            "praised",
            "the spirit of a town like Harbour Point!",
        ),
        # a phrase with a quote in it is kept whole
        (
            "The senator denounced the cuts during what she called “a sham debate”.",
            "denounced",
            "the cuts during what she called “a sham debate”",
        ),
    ],
)
def test_other_phrases_after_the_object_stay(
    nlp: Language, text: str, cue: str, content: str
) -> None:
    assert trimmed(nlp, text, cue, content) == content


def test_content_that_does_not_open_with_the_object_is_left_alone(nlp: Language) -> None:
    text = "The senator said the cuts were reckless during a debate on Tuesday."
    content = "the cuts were reckless during a debate on Tuesday"
    assert trimmed(nlp, text, "said", content) == content
