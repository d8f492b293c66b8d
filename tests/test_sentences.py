"""Sentence starts preset for the parser: a line break ends a sentence; a closing quote
mark stays with the sentence it closes; the story after a wire dateline starts one."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsfacts.models import Region
from newsfacts.nlp.doctext import doc_text
from newsfacts.nlp.loader import load_pipeline, paragraph_breaks, parse_body
from newsfacts.settings import Settings


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


def test_no_sentence_crosses_a_line_break(nlp: Language) -> None:
    text = (
        "Senate blocks border bill\n\n"
        'Republicans blocked the bill, a move the White House called "a gift to smugglers."\n\n'
        '"We are not going anywhere," Sen. Chris Murphy told CNN. "This fight is just starting."\n'
        "Senate Minority Leader Mitch McConnell said the bill had become toxic."
    )
    doc = parse_body(nlp, text, [Region(0, len(text))])
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences == [
        "Senate blocks border bill",
        'Republicans blocked the bill, a move the White House called "a gift to smugglers."',
        '"We are not going anywhere," Sen. Chris Murphy told CNN.',
        '"This fight is just starting."',
        "Senate Minority Leader Mitch McConnell said the bill had become toxic.",
    ]


def test_preset_starts_only_at_line_breaks_and_closing_marks(nlp: Language) -> None:
    doc = paragraph_breaks(nlp.make_doc('He said "no." Then he left.\nShe stayed (for now).'))
    preset = [(t.text, t.is_sent_start) for t in doc if t.i and t.is_sent_start is not None]
    # the closing quote mark and bracket never start a sentence; "She" after the break does
    assert preset == [('"', False), ("She", True), (")", False)]


def test_the_story_after_a_dateline_starts_a_sentence(nlp: Language) -> None:
    text = (
        "Neighbours agree on patrols\n\n"
        "LONDON, March 3 (Reuters) - Britain and France agreed on Tuesday to share patrols."
    )
    doc = parse_body(nlp, text, [Region(0, len(text))])
    starts = [t.text for t in doc if t.is_sent_start and not t.is_space]
    assert "Britain" in starts
    agreed = next(t for t in doc if t.text == "agreed")
    subjects = [c.text for c in agreed.children if c.dep_ == "nsubj"]
    assert subjects == ["Britain"]  # not the dateline's "LONDON"


def test_a_no_break_space_parses_as_a_space_and_stays_in_the_text(nlp: Language) -> None:
    text = "Councillor\u00a0Ada Brenn has\u00a0said the depot will close.\u202fIt will."
    doc = parse_body(nlp, text, [Region(0, len(text))])
    assert doc_text(doc) == text  # the user's characters, offset for offset
    words = [t for t in doc if not t.is_space]
    has = next(t for t in words if t.text == "has")
    assert has.head.text == "said" and has.dep_ == "aux"
    assert not any(t.text in ("\u00a0", "\u202f") for t in doc)
