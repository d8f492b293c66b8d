"""The text of a parsed doc, built once.

spaCy rebuilds ``Doc.text`` from every token on each access (milliseconds for a long
article); extractors ask for it many times, so it is kept in the doc's ``user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

KEY = "newsfacts.text"


def keep_text(doc: Doc, text: str) -> None:
    """Keep ``text``, the string ``doc`` was made from (so equal to ``doc.text``), on it."""
    doc.user_data[KEY] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on first use and cached on the doc."""
    cached = doc.user_data.get(KEY)
    size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if isinstance(cached, str) and len(cached) == size:  # same length: not retokenised
        return cached
    text = doc.text
    doc.user_data[KEY] = text
    return text
