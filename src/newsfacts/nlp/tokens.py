"""Small helpers over a parsed doc's tokens."""

from __future__ import annotations

from spacy.tokens import Doc


def end_before_punct(doc: Doc, end: int, floor: int) -> int:
    """``end`` moved back over trailing punctuation and whitespace tokens, not below ``floor``."""
    while end > floor and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end
