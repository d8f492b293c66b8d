"""Token helpers over a parsed doc."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsfacts.nlp.tokens import end_before_punct


def test_the_end_moves_back_over_punctuation_and_space_but_not_below_the_floor() -> None:
    doc = Doc(
        spacy.blank("en").vocab, words=["the", "plan", ",", "\n", "”", "."], spaces=[True] * 6
    )
    assert end_before_punct(doc, 6, 0) == 2
    assert end_before_punct(doc, 6, 4) == 4
    assert end_before_punct(doc, 2, 0) == 2
    assert end_before_punct(doc, 1, 0) == 1
