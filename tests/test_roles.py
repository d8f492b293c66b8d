"""The role tagger's input: the feature doc built from a parsed doc."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from newsfacts.extract.roles import (
    CUE_PRIOR,
    feature_doc,
    load_tagger,
    lstm_tagger,
    predict_roles,
)
from newsfacts.models import Region
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings


def test_the_feature_doc_carries_tag_and_dependency_with_head_pos() -> None:
    text = "The minister said on Tuesday that talks would resume.\n\nNo one else spoke."
    doc = parse_body(load_pipeline(Settings()), text, [Region(0, len(text))])
    features = feature_doc(doc)
    assert features.text == doc.text
    assert [t.tag_ for t in features] == [t.tag_ or "_" for t in doc]
    assert [t.lemma_ for t in features] == [f"{t.dep_}>{t.head.pos_}" for t in doc]
    said = next(t for t in features if t.text == "said")
    assert said.lemma_ == "ROOT>VERB"
    assert features.tensor is doc.tensor
    assert not features.has_annotation("SENT_START")  # content may run across sentences


def test_an_unparsed_doc_gets_placeholders() -> None:
    doc = Doc(load_pipeline(Settings()).vocab, words=["Hello", "world"], spaces=[True, False])
    features = feature_doc(doc)
    assert [(t.text, t.tag_, t.lemma_) for t in features] == [
        ("Hello", "_", ">"),
        ("world", "_", ">"),
    ]


def test_the_tagger_decodes_with_the_cue_prior_except_as_a_second_opinion() -> None:
    text = "The minister said on Tuesday that talks would resume, aides added."
    doc = parse_body(load_pipeline(Settings()), text, [Region(0, len(text))])
    tagger, plain = lstm_tagger(), lstm_tagger(second_opinion=True)
    assert tagger is not None and plain is not None
    assert tagger([doc]) == predict_roles([doc], load_tagger(), CUE_PRIOR)
    assert plain([doc]) == predict_roles([doc], load_tagger())
    (heavy,) = predict_roles([doc], load_tagger(), {"U-CUE": 50.0})
    # every word opens a cue of its own (joined again into one span)
    assert [(r.label, r.start) for r in heavy] == [("CUE", 0)] and heavy[0].end >= len(doc) - 1


def test_a_tagger_trained_elsewhere_is_used_where_settings_name_it(tmp_path: Path) -> None:
    from newsfacts.extract.roles import role_tagger

    text = "The minister said on Tuesday that talks would resume.\n\nNo one else spoke."
    doc = parse_body(load_pipeline(Settings()), text, [Region(0, len(text))])
    load_tagger().to_disk(tmp_path / "tagger")  # a copy of the shipped one, elsewhere
    elsewhere = role_tagger(Settings(role_model=str(tmp_path / "tagger")))
    shipped = role_tagger(Settings())
    assert elsewhere is not None and shipped is not None
    assert elsewhere([doc]) == shipped([doc]) != [[]]
    assert load_tagger(str(tmp_path / "tagger")) is not load_tagger()
    assert elsewhere.keywords["tagger"] is load_tagger(str(tmp_path / "tagger"))  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="no role tagger model"):
        role_tagger(Settings(role_model=str(tmp_path / "missing")))
