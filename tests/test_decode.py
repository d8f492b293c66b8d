"""Greedy decoding with the GIL held gives spaCy's own parses and entities."""

from __future__ import annotations

import numpy
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.nlp.decode import StepScorer, decode, greedy, run_components
from newsfacts.nlp.loader import load_pipeline
from newsfacts.settings import Settings

TEXTS = [
    "Pentagon Press Secretary Maj. Gen. Pat Ryder told reporters on Tuesday that the talks "
    "in Baghdad would go on. Lloyd Austin met Iraq's defence minister.",
    "“We are not going anywhere,” the spokesman said. Sources familiar with the discussions "
    "told Al Arabiya English that Washington and Baghdad agreed on a roadmap.",
    "Short one.",
    "",
    "  \n\n  ",
    "Angela Merkel, Emmanuel Macron and the European Union met in Brussels, Belgium, "
    "on 3 March 2021 to discuss Gazprom and NATO.",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


def parses(docs: list[Doc]) -> list[list[tuple[int, str, str, str]]]:
    return [[(t.head.i, t.dep_, t.ent_iob_, t.ent_type_) for t in doc] for doc in docs]


def test_same_heads_labels_and_entities_as_spacy(nlp: Language) -> None:
    theirs = list(nlp.pipe(TEXTS))
    ours = run_components(nlp, [nlp.make_doc(t) for t in TEXTS])
    assert parses(ours) == parses(theirs)
    assert [[(e.start, e.end, e.label_) for e in d.ents] for d in ours] == [
        [(e.start, e.end, e.label_) for e in d.ents] for d in theirs
    ]
    assert any(d.ents for d in ours)  # the texts do hold entities


def test_one_doc_at_a_time_as_in_a_batch(nlp: Language) -> None:
    batch = run_components(nlp, [nlp.make_doc(t) for t in TEXTS])
    single = [run_components(nlp, [nlp.make_doc(t)])[0] for t in TEXTS]
    assert parses(single) == parses(batch)


def test_decode_sets_only_its_own_component(nlp: Language) -> None:
    docs = run_components(nlp, [nlp.make_doc(TEXTS[0])], disable=["ner"])
    assert not docs[0].ents
    decode(nlp.get_pipe("ner"), docs)
    assert {e.text for e in docs[0].ents} >= {"Pat Ryder", "Baghdad", "Lloyd Austin"}


def test_only_greedy_transition_components(nlp: Language) -> None:
    assert greedy(nlp.get_pipe("parser")) and greedy(nlp.get_pipe("ner"))
    assert not greedy(nlp.get_pipe("tagger"))


def test_small_groups_as_one_big_one(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = run_components(nlp, [nlp.make_doc(t) for t in TEXTS])
    monkeypatch.setattr("newsfacts.nlp.decode.MAX_TOKENS", 20)  # each doc a group of its own
    grouped = run_components(nlp, [nlp.make_doc(t) for t in TEXTS])
    assert parses(grouped) == parses(whole)


@pytest.mark.parametrize("unseen", [set(), {0, 5}])
def test_step_scores_as_spacy_step_model(
    nlp: Language, unseen: set[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every step's scores, bit for bit, also with actions marked unseen in training."""
    for name in ("parser", "ner"):
        component = nlp.get_pipe(name)
        monkeypatch.setitem(component.model.attrs, "unseen_classes", unseen)
        docs = run_components(nlp, [nlp.make_doc(t) for t in TEXTS], disable=["parser", "ner"])
        ours, theirs = StepScorer(component.model, docs), component.model.predict(docs)
        todo = [s for s in component.moves.init_batch(docs) if not s.is_final()]
        steps = 0
        while todo:
            scores = ours(todo)
            assert numpy.array_equal(scores, theirs.predict(todo))
            if unseen:
                assert (scores[:, sorted(unseen)] == scores.min()).all()
            todo = component.transition_states(todo, scores)
            steps += 1
        assert steps > 20


def test_a_prior_on_an_action_shifts_the_choices_and_none_changes_nothing(nlp: Language) -> None:
    ner = nlp.get_pipe("ner")
    text = "Angela Merkel met the mayor in Brussels on Tuesday."
    plain, none, heavy = (nlp.make_doc(text) for _ in range(3))
    for doc in (plain, none, heavy):
        run_components(nlp, [doc], disable=["ner"])
    decode(ner, [plain])
    decode(ner, [none], {})
    decode(ner, [heavy], {"U-GPE": 50.0})
    assert [(e.text, e.label_) for e in none.ents] == [(e.text, e.label_) for e in plain.ents]
    assert ("Angela Merkel", "PERSON") in [(e.text, e.label_) for e in plain.ents]
    assert {e.label_ for e in heavy.ents} == {"GPE"}
    assert len(heavy.ents) == len(heavy)  # every word opens and closes a place of its own
    with pytest.raises(ValueError, match="no such action"):
        decode(ner, [nlp.make_doc(text)], {"U-CUE": 1.0})
