"""The last pass over a frame's pieces: no dateline, no own source or cue in the content,
no piece without a word, no "That said," and no "added 2%"."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.extract.attribution import Frame
from newsfacts.extract.datelines import openers
from newsfacts.extract.frame_tidy import outside, tidy_frames
from newsfacts.extract.quotes import find_quotes
from newsfacts.nlp.loader import load_pipeline
from newsfacts.settings import Settings

BLANK = spacy.blank("en")


def words(text: str) -> Doc:
    return BLANK(text)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


def at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_content_is_cut_around_its_own_source_and_cue() -> None:
    text = 'Asked whether he would act alone, press secretary Ann Lee said: "All options remain."'
    source, cue = at(text, "press secretary Ann Lee"), at(text, "Asked")
    stretched = (text.index("whether"), text.index(" said"))  # ran on over the source
    frame = Frame(cue=[cue], source=[source], content=[stretched])
    (kept,) = tidy_frames([frame], words(text), openers(text), find_quotes(text))
    assert [text[s:e] for s, e in kept.content] == ["whether he would act alone"]


def test_pieces_without_a_word_are_dropped_and_so_are_frames_left_empty() -> None:
    text = 'They said "we will see."\nAccording to aides, the deal is off.'
    stray = (text.index('."') + 1, text.index('."') + 2)  # the closing mark alone
    claim = at(text, "the deal is off")
    aides = Frame(
        cue=[at(text, "According to")], source=[at(text, "aides")], content=[stray, claim]
    )
    empty = Frame(cue=[at(text, "said")], source=[at(text, "They")], content=[stray])
    assert tidy_frames([aides, empty], words(text), openers(text), find_quotes(text)) == [aides]
    assert aides.content == [claim]


def test_the_dateline_leaves_sources_and_content() -> None:
    text = "Deal off\nLONDON (Reuters) - Ministers said the deal was off."
    frame = Frame(
        cue=[at(text, "said")],
        source=[(text.index("LONDON"), text.index(" said"))],
        content=[at(text, "the deal was off")],
    )
    (kept,) = tidy_frames([frame], words(text), openers(text), find_quotes(text))
    assert [text[s:e] for s, e in kept.source] == ["Ministers"]


def test_outside_keeps_what_no_hole_covers() -> None:
    text = "one, two, three"
    assert outside([(0, len(text))], [at(text, "two")], text) == [
        at(text, "one"),
        at(text, "three"),
    ]
    assert outside([at(text, "one")], [at(text, "three")], text) == [at(text, "one")]
    assert outside([at(text, "two")], [(0, len(text))], text) == []


def test_that_said_is_the_writers_turn_and_no_attribution() -> None:
    text = (
        "The plan has critics. That said, the council says the depot will close. "
        "(Having said that, Lee said he would wait.) Ann Lee said that said money was gone. "
        '"That said, we will stay," Ed Park said.'
    )

    def said(before: str) -> tuple[int, int]:  # the "said" right after ``before``
        start = text.index(before + "said") + len(before)
        return start, start + 4

    turn = Frame(cue=[said("That ")], source=[at(text, "That")], content=[at(text, "the depot")])
    council = Frame(
        cue=[at(text, "says")],
        source=[at(text, "the council")],
        content=[(text.index("That said"), text.index(" will close") + len(" will close"))],
    )
    bracket = Frame(cue=[said("Having ")], source=[], content=[at(text, "Lee said he would wait")])
    lee = Frame(
        cue=[said("Ann Lee ")],
        source=[at(text, "Ann Lee")],
        content=[at(text, "that said money was gone")],
    )
    park = Frame(
        cue=[said("Ed Park ")],
        source=[at(text, "Ed Park")],
        content=[at(text, '"That said, we will stay,"')],
    )
    kept = tidy_frames(
        [turn, council, bracket, lee, park], words(text), openers(text), find_quotes(text)
    )
    assert kept == [council, lee, park]  # "said that said money" is no turn
    assert [text[s:e] for s, e in park.content] == ['"That said, we will stay,"']  # his own
    assert [text[s:e] for s, e in council.content] == ["the depot will close"]
    assert [text[s:e] for s, e in lee.content] == ["that said money was gone"]


def test_a_quantity_added_is_no_remark(nlp: Language) -> None:
    text = (
        "Shares of Kestrel added more than 3% by noon. Lee added 2,000 jobs were at risk. "
        "Organisers added 160 guards."
    )
    doc = nlp(text)

    def frame(cue: str, content: str) -> Frame:
        return Frame(cue=[at(text, cue)], source=[], content=[at(text, content)])

    gain = frame("added more", "more than 3%")
    remark = frame("added 2,000", "2,000 jobs were at risk")
    guards = frame("added 160", "160 guards")
    for f in (gain, remark, guards):
        f.cue = [(f.cue[0][0], f.cue[0][0] + len("added"))]
    assert tidy_frames([gain, remark, guards], doc, openers(text), find_quotes(text)) == [remark]


def test_a_sourceless_frame_of_the_claim_an_according_to_names_a_source_for_goes() -> None:
    text = "Kane is understood to be keen on a return, according to people close to him."
    claim = at(text, "Kane is understood to be keen on a return")
    according = Frame(
        cue=[at(text, "according to")],
        source=[at(text, "people close to him")],
        content=[claim],
        according_to=True,
    )
    understood = Frame(
        cue=[at(text, "is understood")],
        source=[],
        content=[at(text, "Kane"), at(text, "to be keen on a return")],
    )
    found = tidy_frames([understood, according], words(text), openers(text), find_quotes(text))
    assert found == [according]
    # a frame with its own source stays, and so does one whose content the other leaves out
    named = Frame(cue=[at(text, "is understood")], source=[at(text, "Kane")], content=[claim])
    other = Frame(cue=[at(text, "is understood")], source=[], content=[at(text, "close to him")])
    kept = tidy_frames([named, other, according], words(text), openers(text), find_quotes(text))
    assert kept == [named, other, according]
    # a frame that is no "according to" does not speak for the sourceless one
    understood.content = [claim]
    found = tidy_frames([understood, named], words(text), openers(text), find_quotes(text))
    assert found == [understood, named]
    # nor does an "according to" that names no source
    according.source = []
    found = tidy_frames([understood, according], words(text), openers(text), find_quotes(text))
    assert found == [understood, according]
