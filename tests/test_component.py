"""newsfacts inside a user's own spaCy pipeline."""

from __future__ import annotations

import importlib

import pytest
from spacy.language import Language

from newsfacts.settings import Settings


@pytest.fixture(scope="module")
def fresh_nlp() -> Language:
    # A fresh model, not the cached one the pipeline shares: add_pipe mutates it.
    for name in Settings().models:
        try:
            nlp: Language = importlib.import_module(name).load()
            return nlp
        except ImportError:
            continue
    pytest.skip("no English model installed")


def test_add_pipe_by_name_sets_attributions(fresh_nlp: Language) -> None:
    fresh_nlp.add_pipe("newsfacts_attribution")
    doc = fresh_nlp("“The bridge will open in May,” Mayor Jane Ortiz said on Monday.")
    assert doc._.attributions, "expected one attribution"
    first = doc._.attributions[0]
    assert "bridge will open" in first.content[0].text
    speaker = next(e for e in doc._.entities_nf if e.id == first.speaker)
    assert speaker.name == "Jane Ortiz"
