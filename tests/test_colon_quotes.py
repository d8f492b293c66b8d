"""Transcript turns: NAME: words, the colon the cue."""

from __future__ import annotations

import pytest

from newsfacts.extract.attribution import extract_attributions
from newsfacts.extract.colon_quotes import colon_frames
from newsfacts.extract.entities import extract_entities
from newsfacts.models import Attribution, Entity, Region
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings

INTERVIEW = (
    "Senator Maria Lopez spoke to Fox News host Chris Wallace on Sunday.\n\n"
    "VIDEO: The senator at the state fair in August.\n\n"
    "A partial transcript follows:\n\n"
    '"WALLACE: Will you vote for the bill on Tuesday?\n\n'
    '"LOPEZ: Yes, I will vote for it.\n\n'
    '"It protects the farmers of my state.\n\n'
    '"(CROSSTALK.)\n\n'
    '"WALLACE: Thank you, Senator."\n\n'
    "Her office said later that the vote would be close.\n\n"
    "UPDATE: This story was changed on Monday.\n"
)


Facts = tuple[list[Entity], list[Attribution]]


@pytest.fixture(scope="module")
def facts() -> Facts:
    # the whole text is the body here: the turns are under test, not the cleaner
    settings = Settings()
    doc = parse_body(load_pipeline(settings), INTERVIEW, [Region(0, len(INTERVIEW))])
    entities = extract_entities(doc, settings)
    return entities, extract_attributions(doc, entities, settings)


def _turns(facts: Facts) -> list[tuple[str, list[str], str | None]]:
    names = {e.id: e.name for e in facts[0]}
    return [
        (a.source[0].text, [c.text for c in a.content], names.get(a.speaker or ""))
        for a in facts[1]
        if [c.text for c in a.cue] == [":"] and a.source
    ]


def test_each_turn_is_its_speakers_and_runs_on_to_the_next_speaker(facts: Facts) -> None:
    assert _turns(facts) == [
        ("WALLACE", ["Will you vote for the bill on Tuesday?"], "Chris Wallace"),
        # the block quote's opening marks and the stage direction are left out
        (
            "LOPEZ",
            ["Yes, I will vote for it.", "It protects the farmers of my state."],
            "Maria Lopez",
        ),
        ("WALLACE", ["Thank you, Senator."], "Chris Wallace"),
    ]


def test_a_turn_is_a_direct_quote(facts: Facts) -> None:
    assert {a.kind for a in facts[1] if [c.text for c in a.cue] == [":"]} == {"direct"}


def test_a_caption_in_capitals_is_not_a_turn(facts: Facts) -> None:
    assert all(a.source[0].text != "VIDEO" for a in facts[1] if a.source)
    assert not any("state fair" in c.text for a in facts[1] for c in a.content)


def test_turn_offsets_point_into_the_text(facts: Facts) -> None:
    for a in facts[1]:
        for piece in a.source + a.cue + a.content:
            assert INTERVIEW[piece.start : piece.end] == piece.text


def _headline(text: str) -> list[tuple[list[str], list[str], list[str]]]:
    """The colon frames of ``text`` whose cue is on its first line (the rule alone)."""
    doc = parse_body(load_pipeline(Settings()), text, [Region(0, len(text))])
    return [
        (
            [text[s:e] for s, e in f.source],
            [text[s:e] for s, e in f.cue],
            [text[s:e] for s, e in f.content],
        )
        for f in colon_frames(doc)
        if f.anchor < text.index("\n")
    ]


def test_a_headline_of_a_persons_name_and_a_colon_gives_the_words_to_the_person() -> None:
    text = (
        "Elizabeth Warren: Wall Street Banks Must Pay for Their Crimes.\n\n"
        "The senator spoke in Boston on Monday.\n"
    )
    assert _headline(text) == [
        (["Elizabeth Warren"], [":"], ["Wall Street Banks Must Pay for Their Crimes"])
    ]


def test_a_headline_label_that_names_no_person_gives_nothing() -> None:
    text = "Breaking: Wall Street Banks Must Pay a Fine.\n\nThe fine was set in Boston on Monday.\n"
    assert _headline(text) == []


def _turn_frames(text: str) -> list[tuple[list[str], list[str]]]:
    """The colon frames of ``text`` after its first line, as source and content words."""
    doc = parse_body(load_pipeline(Settings()), text, [Region(0, len(text))])
    return [
        ([text[s:e] for s, e in f.source], [text[s:e] for s, e in f.content])
        for f in colon_frames(doc)
        if f.anchor > text.index("\n")
    ]


def test_turns_of_a_name_in_ordinary_case_keep_to_their_paragraph() -> None:
    text = (
        "Rates on hold: an interview\n\n"
        "In an interview, Bank of Kestrel Governor Tomas Arvid defended the decision.\n\n"
        "Post: Markets expected a cut this week. Why did you wait?\n\n"
        "Arvid: Because the data did not give us enough confidence.\n\n"
        "Wage growth is still too strong.\n\n"
        "Post: Critics say you are too cautious.\n\n"
        "Arvid: I understand the frustration.\n"
    )
    assert _turn_frames(text) == [
        (["Arvid"], ["Because the data did not give us enough confidence"]),
        (["Arvid"], ["I understand the frustration"]),
    ]


def test_a_list_of_names_and_colons_is_no_transcript() -> None:
    text = (
        "What each candidate needs\n\n"
        "Senators Ann Rowe and Ben Tally campaigned on Monday.\n\n"
        "Rowe: Hold the line.\n\n"
        "Tally: Keep the donors close until March.\n\n"
        "Ann Rowe: 1,212.\n"
    )
    assert _turn_frames(text) == []
