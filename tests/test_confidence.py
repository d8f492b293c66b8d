"""Each attribution's confidence: the frame's features, the model, the cut-off, the recorder,
and the linked label the model is trained on."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import DOUBTED, body_attributions
from newsfacts.evaluation.polnear import GoldAttribution, linked_predictions
from newsfacts.extract.attribution import Frame
from newsfacts.extract.confidence import (
    ConfidenceModel,
    attribution_confidence,
    frame_features,
    load_model,
    probability,
    recording,
)
from newsfacts.extract.frame_merge import merge_frames
from newsfacts.extract.speaker_record import Speaker
from newsfacts.models import Region
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings

TEXT = "The minister said on Tuesday that the budget would be cut.\n\nProtesters marched."


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


def _at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _frame() -> Frame:
    return Frame(
        cue=[_at("said")],
        source=[_at("The minister")],
        content=[_at("that the budget would be cut")],
    )


def test_features_describe_the_frame(nlp: Language) -> None:
    doc = parse_body(nlp, TEXT, [Region(0, len(TEXT))])
    frame = _frame()
    [frame] = merge_frames([frame], [], doc)  # a tagger's frame that no rule found
    features = frame_features(doc, frame, Speaker("the minister", False, "title"), "indirect")
    for expected in (
        "found=tagger",
        "kind_found=indirect|tagger",
        "lemma=say",
        "tag=VBD",
        "listed=True",
        "source_words=2",
        "speaker=True",
        "content_words=4-8",
        "content_clause=True",
        "content_quoted=False",
        "headline=True",
    ):
        assert expected in features
    bare = Frame(cue=[_at("marched")], source=[], content=[_at("Protesters")])
    features = frame_features(doc, bare, Speaker(None, False, "none"), "indirect")
    assert {"found=other", "source_pieces=0", "content_words=1-3", "headline=False"} <= set(
        features
    )


def test_frames_below_the_cut_off_are_left_out_unless_recording(nlp: Language) -> None:
    doc = parse_body(nlp, TEXT, [Region(0, len(TEXT))])
    frame, speaker = _frame(), Speaker("the minister", False, "title")
    model = ConfidenceModel(bias=0.0, weights={"lemma=say": 2.0}, drop_below=0.5)
    value, keep = attribution_confidence(doc, frame, speaker, "indirect", model)
    assert value == pytest.approx(0.881, abs=1e-3) and keep
    doubting = ConfidenceModel(bias=-3.0, weights={"lemma=say": 1.0}, drop_below=0.5)
    value, keep = attribution_confidence(doc, frame, speaker, "indirect", doubting)
    assert value == pytest.approx(0.119, abs=1e-3) and not keep
    with recording() as seen:
        assert attribution_confidence(doc, frame, speaker, "indirect", doubting)[1]
    assert len(seen) == 1 and "lemma=say" in seen[0]
    assert attribution_confidence(doc, frame, speaker, "indirect", None) == (1.0, True)


def test_the_shipped_model_ranks_a_named_quote_above_a_bare_fragment() -> None:
    model = load_model()
    assert model is not None and 0 < model.drop_below < 1
    quote = ["found=both", "kind=direct", "kind_found=direct|both", "lemma=say", "speaker=True"]
    quote += ["content_quoted=True", "content_words=9-20", "source_pieces=1"]
    fragment = ["found=tagger", "kind=indirect", "kind_found=indirect|tagger"]
    fragment += ["content_words=1-3", "source_pieces=0", "speaker=False"]
    assert probability(model, quote) > 0.8 > probability(model, fragment)


def test_recording_keeps_every_attribution_and_its_features() -> None:
    text = (
        "“We will not back down,” the mayor said on Monday.\n\n"
        "Officials said the bridge would reopen in May, according to the city."
    )
    kept = body_attributions(text)
    with recording() as seen:
        everything = body_attributions(text)
    assert len(seen) == len(everything) >= len(kept) >= 1
    assert all(0 < a.confidence <= 1 for a in everything)


def test_linked_labels_follow_the_linked_score() -> None:
    from newsfacts.models import Attribution, Span

    text = "Taxes will rise, Smith said. The plan failed, officials said."

    def span(words: str) -> Span:
        start = text.index(words)
        return Span.of(text, start, start + len(words))

    def at(words: str) -> tuple[tuple[int, int], ...]:
        start = text.index(words)
        return ((start, start + len(words)),)

    gold = [GoldAttribution(at("Smith"), at("said"), at("Taxes will rise"))]
    right = Attribution("A1", "indirect", (span("Smith"),), (span("said"),), (span("Taxes will"),))
    wrong_source = Attribution(
        "A2", "indirect", (span("officials"),), (span("said"),), (span("Taxes will rise"),)
    )
    unmatched = Attribution(
        "A3", "indirect", (span("officials"),), (span("said"),), (span("The plan failed"),)
    )
    assert linked_predictions(text, gold, [wrong_source, right, unmatched]) == [
        False,
        True,
        False,
    ]
    # one gold attribution links to one prediction only
    assert linked_predictions(text, gold, [right, right]) == [True, False]


def test_unlikely_attributions_are_left_out_unless_all_are_asked_for(nlp: Language) -> None:
    from newsfacts.extract.attribution import extract_attributions

    text = DOUBTED
    doc = parse_body(nlp, text, [Region(0, len(text))])
    model = load_model()
    assert model is not None
    everything = extract_attributions(doc, [], Settings(all_attributions=True))
    doubted = [a for a in everything if a.confidence < model.drop_below]
    assert doubted and len(doubted) < len(everything)  # what the text is here for
    kept = extract_attributions(doc, [], Settings())
    assert [a.content for a in kept] == [
        a.content for a in everything if a.confidence >= model.drop_below
    ]
    assert [a.id for a in kept] == [f"A{i}" for i in range(1, len(kept) + 1)]
