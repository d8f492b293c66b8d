"""Verbs of emotion: who holds the feeling is the source."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import link, pieces
from newsfacts.extract.experiencers import feeling_object, passive_feeling
from newsfacts.nlp.loader import load_pipeline
from newsfacts.settings import Settings


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


def frame_of(
    nlp: Language, text: str, labelled: list[tuple[str, str]]
) -> tuple[list[str], list[str]]:
    """(source, content) of the one frame linked from the hand-labelled roles."""
    (frame,) = link(nlp, text, labelled)[1]
    return pieces(text, frame.source), pieces(text, frame.content)


def test_which_verbs_turn_round(nlp: Language) -> None:
    doc = nlp("The ruling angered the growers. The growers were thrilled with the ruling.")
    angered, thrilled = doc[2], doc[9]
    assert [t.text for t in feeling_object(angered) or ()] == ["growers", "ruling"]
    assert passive_feeling(thrilled) and not passive_feeling(angered)
    doc = nlp("The mayor reminded the growers of the ruling. The mayor was expected to win.")
    assert feeling_object(doc[2]) is None  # reminding: the subject speaks
    assert not passive_feeling(doc[12])


def test_the_object_of_an_active_verb_of_emotion_is_the_source(nlp: Language) -> None:
    text = "His remarks have angered the party leaders."
    labelled = [
        ("SOURCE", "His remarks"),
        ("CUE", "have angered"),
        ("CONTENT", "the party leaders"),
    ]
    assert frame_of(nlp, text, labelled) == (["the party leaders"], ["His remarks"])


def test_the_subject_of_a_passive_verb_of_emotion_is_the_source(nlp: Language) -> None:
    text = "Okafor aides were thrilled with the editorial in the Herald."
    labelled = [("CUE", "were thrilled with"), ("CONTENT", "the editorial in the Herald")]
    assert frame_of(nlp, text, labelled) == (["Okafor aides"], ["the editorial in the Herald"])
    # any other passive cue's subject stays content
    text = "Mr. Vance was accused of hiding the money."
    labelled = [("CUE", "was accused of"), ("CONTENT", "hiding the money")]
    assert frame_of(nlp, text, labelled) == ([], ["Mr. Vance", "hiding the money"])
