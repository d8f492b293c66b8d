"""The trained attribution role tagger: SOURCE, CUE and CONTENT spans over a parsed Doc.

The tagger is a spaCy NER component trained by ``make train`` and shipped in
``newsfacts/data/attribution_model``. It reads a *feature doc* built from the parsed doc:
the same words with the POS tag, and the dependency label with the head's part of speech in
place of the lemma, plus the parse's shared token vectors (``doc.tensor``), which the tagger's
first layer reads (``role_layers.py``). No sentence boundaries are set there, so content may
span sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib.resources import as_file, files
from pathlib import Path
from typing import cast

import numpy
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, ORTH, POS, SPACY, TAG
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc
from thinc.types import Ints2d

from newsfacts.nlp.decode import decode
from newsfacts.nlp.fast_ops import use_matmul
from newsfacts.settings import Settings

LABELS = ("SOURCE", "CUE", "CONTENT")
COMPONENT = "attr_ner"
MODEL_DIR = "data/attribution_model"
# Added to the scores of the actions that open a cue, at every step of decoding: the tagger
# finds fewer cues than PolNeAR marks (dev: recall 68.2, precision 79.6), and a second cue it
# finds in a sentence splits the content right (dev 77.8 / 73.4 / 61.4 -> 77.9 / 73.4 / 61.7;
# docs/attribution.md, twenty-fifth session). Not for the LSTM's second opinion to the
# encoder tagger, which it made a little worse.
CUE_PRIOR = {"B-CUE": 0.3, "U-CUE": 0.3}


@dataclass(frozen=True)
class Role:
    """One predicted role span, in tokens (``start``/``end``) of the parsed doc."""

    label: str
    start: int
    end: int


def feature_doc(doc: Doc) -> Doc:
    """A fresh Doc over the same tokens carrying the features the tagger was trained on:
    the POS tag ("_" where none), and "dep>head POS" in place of the lemma.

    Built from the parsed doc's arrays, with no Token objects. The parsed doc's ``tensor``
    (the English model's shared token vectors) comes along.
    """
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, SPACY, TAG, DEP, HEAD, POS])
    heads = numpy.arange(len(doc)) + rows[:, 4].astype(numpy.int64)  # HEAD is relative
    pairs: dict[tuple[int, int], int] = {}
    lemmas = []
    for pair in zip(rows[:, 3].tolist(), rows[heads, 5].tolist(), strict=True):
        key = pairs.get(pair)
        if key is None:
            dep, head_pos = (strings[h] if h else "" for h in pair)
            key = pairs[pair] = strings.add(f"{dep}>{head_pos}")
        lemmas.append(key)
    tags = rows[:, 2].copy()
    tags[tags == 0] = strings.add("_")
    features = Doc(
        doc.vocab,
        words=[strings[h] for h in rows[:, 0].tolist()],
        spaces=rows[:, 1].astype(bool).tolist(),
    )
    values = numpy.stack([tags, numpy.array(lemmas, "uint64")], 1)
    features.from_array([TAG, LEMMA], cast(Ints2d, values))
    features.tensor = doc.tensor
    return features


def model_available(path: str | None = None) -> bool:
    """Whether the shipped tagger (or the one at ``path``) is there to load."""
    if path is not None:
        return Path(path, "config.cfg").is_file()
    return files("newsfacts").joinpath(MODEL_DIR, "config.cfg").is_file()


@lru_cache(maxsize=2)
def load_tagger(path: str | None = None) -> Language:
    """The shipped LSTM tagger, or one trained elsewhere (``Settings.role_model``)."""
    import newsfacts.extract.role_layers  # noqa: F401 - registers the tagger's layers

    if path is not None:
        tagger: Language = spacy.load(path)
    else:
        with as_file(files("newsfacts").joinpath(MODEL_DIR)) as shipped:
            tagger = spacy.load(shipped)
    use_matmul(tagger)
    return tagger


def predict_roles(
    docs: list[Doc], tagger: Language, prior: Mapping[str, float] | None = None
) -> list[list[Role]]:
    """Role spans for each parsed doc; pieces split only by whitespace are joined again.
    ``prior`` is added to the scores of the actions it names (``decode``)."""
    if not docs:
        return []
    for label in LABELS:  # the labels must be known to the parsed docs' own vocab
        docs[0].vocab.strings.add(label)
    ner = cast(EntityRecognizer, tagger.get_pipe(COMPONENT))
    features = [feature_doc(d) for d in docs]
    decode(ner, features, prior)  # the whole batch steps together, GIL held
    out = []
    for doc, tagged in zip(docs, features, strict=True):
        out.append(join_pieces(doc, [Role(e.label_, e.start, e.end) for e in tagged.ents]))
    return out


RoleTagger = Callable[[list[Doc]], list[list[Role]]]  # role spans for each parsed doc


def role_tagger(settings: Settings) -> RoleTagger | None:
    """The role tagger ``settings`` ask for: the shipped LSTM tagger ("lstm", None when its
    model is missing), the encoder ("encoder", an error when it cannot load), or none."""
    if not settings.attribution_model:
        return None
    if settings.role_tagger == "encoder":
        from newsfacts.extract.encoder_roles import load_encoder_tagger

        return load_encoder_tagger()
    if settings.role_tagger != "lstm":
        raise ValueError(f"unknown role tagger {settings.role_tagger!r} (lstm or encoder)")
    if settings.role_model is not None and not model_available(settings.role_model):
        raise ValueError(f"no role tagger model in {settings.role_model} (no config.cfg)")
    return lstm_tagger(model=settings.role_model)


# doc.user_data: roles tagged ahead, with the doc's batch (the LSTM's own key serves the
# encoder tagger, which also takes the LSTM tagger's content)
ROLES_KEY = "newsfacts.roles"
LSTM_ROLES_KEY = "newsfacts.lstm_roles"


def tag_roles(docs: list[Doc], tagger: RoleTagger, key: str = ROLES_KEY) -> None:
    """Tag ``docs`` together (a fifth cheaper than one at a time for the LSTM tagger) and
    keep each doc's roles on it for ``roles_of``."""
    for doc, roles in zip(docs, tagger(docs), strict=True):
        doc.user_data[key] = roles


def roles_of(doc: Doc, tagger: RoleTagger, key: str = ROLES_KEY) -> list[Role]:
    """The roles ``tag_roles`` kept on ``doc`` under ``key`` (taken off it), else tagged now."""
    kept: list[Role] | None = doc.user_data.pop(key, None)
    return kept if kept is not None else tagger([doc])[0]


def lstm_tagger(second_opinion: bool = False, model: str | None = None) -> RoleTagger | None:
    """The shipped LSTM tagger (or the one at ``model``), whatever the settings ask for (None
    when its model is missing); as the encoder tagger's second opinion, without the cue
    prior."""
    if not model_available(model):
        return None
    prior = {} if second_opinion else CUE_PRIOR
    return partial(predict_roles, tagger=load_tagger(model), prior=prior)


def join_pieces(doc: Doc, roles: list[Role]) -> list[Role]:
    joined: list[Role] = []
    for role in roles:
        if joined:
            last = joined[-1]
            gap = doc[last.end : role.start]
            # PolNeAR never lets a span cross a line break: join only within a paragraph
            if last.label == role.label and all(t.is_space and "\n" not in t.text for t in gap):
                joined[-1] = Role(role.label, last.start, role.end)
                continue
        joined.append(role)
    return joined
