"""How likely an attribution is to be right: a logistic model over what its frame looks like.

The model (``data/attribution_confidence.json``) is trained by ``make train-confidence``
(``training/confidence_model.py``) on PolNeAR train: two role taggers, each trained on one
half of the articles, analyse the other half, and every attribution they give is labelled
right when it links to a gold one (PolNeAR's linked score: content token-F1 ≥ 0.5 and an
overlapping source). So the model learns from the kind of mistakes the tagger makes on text
it has not seen. Its output is each attribution's ``confidence``; attributions below the
model's ``drop_below`` are left out (docs/attribution.md, thirty-fourth session).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc

from newsfacts.extract.attribution import QUOTE_MARKS, Frame, cue_table
from newsfacts.extract.speaker_record import Speaker
from newsfacts.nlp.doctext import doc_text

MODEL = "data/attribution_confidence.json"
WORD = re.compile(r"\w+")
CLAUSE_OPENERS = ("that ", "whether ", "if ")
# content length in words, in buckets: one-word and very short contents are often wrong
LENGTHS = ((0, "0"), (3, "1-3"), (8, "4-8"), (20, "9-20"), (50, "21-50"))


@dataclass(frozen=True)
class ConfidenceModel:
    bias: float
    weights: dict[str, float]
    drop_below: float  # attributions less likely than this are left out


@lru_cache(maxsize=1)
def load_model() -> ConfidenceModel | None:
    """The shipped model, or None where it is missing (every attribution then kept, at 1.0)."""
    path = files("newsfacts").joinpath(MODEL)
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    return ConfidenceModel(float(data["bias"]), dict(data["weights"]), float(data["drop_below"]))


def probability(model: ConfidenceModel, features: Sequence[str]) -> float:
    score = model.bias + sum(model.weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-score))


def _length(words: int) -> str:
    return next((label for top, label in LENGTHS if words <= top), ">50")


def frame_features(doc: Doc, frame: Frame, speaker: Speaker, kind: str) -> list[str]:
    """What the model reads of one frame: how it was found, its kind, its cue word and the
    cue's place in the parse, what its source is, and its content's length and shape."""
    text = doc_text(doc)
    found = frame.found_by or "other"
    out = [f"found={found}", f"kind={kind}", f"kind_found={kind}|{found}"]
    cue = doc.char_span(*frame.cue[0], alignment_mode="expand") if frame.cue else None
    if cue is not None and len(cue):
        root = cue.root
        lemma = root.lemma_.lower()
        out += [
            f"lemma={lemma}",
            f"tag={root.tag_}",
            f"dep={root.dep_}",
            f"listed={lemma in cue_table()}",
            f"cue_words={min(len(cue), 4)}",
            f"first_sentence={root.sent.start == 0}",
        ]
    else:
        out.append("no_cue")
    out.append(f"source_pieces={min(len(frame.source), 2)}")
    if frame.source:
        source = doc.char_span(frame.source[0][0], frame.source[-1][1], alignment_mode="expand")
        if source is not None and len(source):
            out += [
                f"source_pos={source.root.pos_}",
                f"source_ent={source.root.ent_type_ or '-'}",
                f"source_words={min(len(source), 6)}",
            ]
    out += [f"speaker={speaker.entity is not None}", f"anonymous={speaker.anonymous}"]
    content = " ".join(text[s:e] for s, e in frame.content)
    headline = bool(frame.cue) and "\n" not in text[: frame.cue[0][0]]
    out += [
        f"content_words={_length(len(WORD.findall(content)))}",
        f"content_pieces={min(len(frame.content), 3)}",
        f"content_quoted={any(mark in content for mark in QUOTE_MARKS)}",
        f"content_clause={content.lower().startswith(CLAUSE_OPENERS)}",
        f"via={frame.via is not None}",
        f"headline={headline}",
    ]
    return out


# features of every frame scored, in order, while ``recording`` is active (for training)
_RECORDED: ContextVar[list[list[str]] | None] = ContextVar("recorded", default=None)


@contextmanager
def recording() -> Iterator[list[list[str]]]:
    """Collect the features of every attribution scored inside the block, in order; the
    attributions themselves are all kept, whatever their confidence."""
    seen: list[list[str]] = []
    token = _RECORDED.set(seen)
    try:
        yield seen
    finally:
        _RECORDED.reset(token)


def attribution_confidence(
    doc: Doc, frame: Frame, speaker: Speaker, kind: str, model: ConfidenceModel | None
) -> tuple[float, bool]:
    """The frame's confidence under ``model`` (1.0 without one) and whether to keep it: kept
    unless less likely than the model's ``drop_below``, and always while ``recording``. An
    answer of a printed interview is always kept: the layout says who speaks, and PolNeAR
    marks answers too unevenly for the model to learn it (some interviews have every answer
    marked, others none)."""
    features = frame_features(doc, frame, speaker, kind)
    seen = _RECORDED.get()
    if seen is not None:
        seen.append(features)
    if model is None:
        return 1.0, True
    value = round(probability(model, features), 3)  # as written in the facts
    return value, seen is not None or value >= model.drop_below or frame.found_by == "answer"
