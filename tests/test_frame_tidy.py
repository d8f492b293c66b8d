"""The last pass over a frame's pieces: no dateline, no own source or cue in the content,
no piece without a word."""

from __future__ import annotations

from newsfacts.extract.attribution import Frame
from newsfacts.extract.datelines import openers
from newsfacts.extract.frame_tidy import outside, tidy_frames


def at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_content_is_cut_around_its_own_source_and_cue() -> None:
    text = 'Asked whether he would act alone, press secretary Ann Lee said: "All options remain."'
    source, cue = at(text, "press secretary Ann Lee"), at(text, "Asked")
    stretched = (text.index("whether"), text.index(" said"))  # ran on over the source
    frame = Frame(cue=[cue], source=[source], content=[stretched])
    (kept,) = tidy_frames([frame], text, openers(text))
    assert [text[s:e] for s, e in kept.content] == ["whether he would act alone"]


def test_pieces_without_a_word_are_dropped_and_so_are_frames_left_empty() -> None:
    text = 'They said "we will see."\nAccording to aides, the deal is off.'
    stray = (text.index('."') + 1, text.index('."') + 2)  # the closing mark alone
    claim = at(text, "the deal is off")
    aides = Frame(
        cue=[at(text, "According to")], source=[at(text, "aides")], content=[stray, claim]
    )
    empty = Frame(cue=[at(text, "said")], source=[at(text, "They")], content=[stray])
    assert tidy_frames([aides, empty], text, openers(text)) == [aides]
    assert aides.content == [claim]


def test_the_dateline_leaves_sources_and_content() -> None:
    text = "Deal off\nLONDON (Reuters) - Ministers said the deal was off."
    frame = Frame(
        cue=[at(text, "said")],
        source=[(text.index("LONDON"), text.index(" said"))],
        content=[at(text, "the deal was off")],
    )
    (kept,) = tidy_frames([frame], text, openers(text))
    assert [text[s:e] for s, e in kept.source] == ["Ministers"]


def test_outside_keeps_what_no_hole_covers() -> None:
    text = "one, two, three"
    assert outside([(0, len(text))], [at(text, "two")], text) == [
        at(text, "one"),
        at(text, "three"),
    ]
    assert outside([at(text, "one")], [at(text, "three")], text) == [at(text, "one")]
    assert outside([at(text, "two")], [(0, len(text))], text) == []
