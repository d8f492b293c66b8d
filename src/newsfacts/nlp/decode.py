"""Greedy decoding for spaCy's transition-based parser and entity recognizer, GIL held.

spaCy's own greedy loop (``Parser.greedy_parse``) releases the GIL and steps through the
states in compiled code. In the spaCy wheels from 3.8.8 on, the state's buffer lookup
(``StateC.B``, called for every candidate action of every step) takes the GIL back and
releases it again each time: on the Intel machines measured here that lock traffic was most
of the entity recognizer's time (PolNeAR dev: 6.4 s of CPU for its 81,000 tokens, 1.8 s of
which its token encoder). Taking the GIL is nearly free for a thread that already holds it,
so this loop steps through the same states from Python instead: each step scores every
unfinished state with the component's own step model and applies the best valid action
with the component's own ``transition_states``. The arithmetic and the choices are the
same, so the annotations are too (tested on hand-built texts; on PolNeAR dev every entity
and every head and label came out identical).

Each step costs some Python, paid once for all the states of a batch: the fewer steps per
state, the larger the batch should be. ``StepScorer`` keeps that cost low: it scores a step
with a few NumPy operations instead of spaCy's step model, whose bookkeeping for training took
about as long as the arithmetic (PolNeAR dev, one process: the parser's and the entity
recognizer's decoding went from 7.3 to 4.9 s of CPU, the role tagger's from 4.9 to 3.7 s,
with every parse, entity and role identical on all 924 train and dev articles).
Components that decode with a beam are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import SimpleNamespace
from typing import Any

import numpy
from spacy.language import Language
from spacy.ml.parser_model import ParserStepModel
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc
from thinc.api import Model, set_dropout_rate

# Tokens decoded together at most: the step model precomputes every token's share of each
# state feature (4 KB a token for en_core_web_sm's parser), so 20,000 tokens hold ~80 MB.
MAX_TOKENS = 20_000


def greedy(component: Any) -> bool:
    """True for a transition-based component that decodes greedily (beam width 1)."""
    return isinstance(component, Parser) and component.cfg.get("beam_width", 1) == 1


def decode(parser: Parser, docs: Sequence[Doc], prior: Mapping[str, float] | None = None) -> None:
    """Parse ``docs`` with ``parser`` (greedy) and set its annotations on them. ``prior`` adds
    a constant to the scores of the actions it names at every step (``{"U-CUE": 0.5}``)."""
    for group in _groups(docs):
        parser.set_annotations(group, _states(parser, group, prior or {}))


def _states(parser: Parser, docs: list[Doc], prior: Mapping[str, float]) -> list[Any]:
    states = parser.moves.init_batch(docs)
    if not any(len(doc) for doc in docs):
        return list(states)
    parser._ensure_labels_are_added(docs)  # noqa: SLF001 - what greedy_parse does first
    if parser.model.attrs.get("has_upper", False):
        score: Any = StepScorer(parser.model, docs)
    else:  # a model with no output layer: spaCy's own step model
        set_dropout_rate(parser.model, 0.0)
        score = parser.model.predict(docs).predict
    if prior:
        score = _with_prior(score, parser, prior)
    todo = [state for state in states if not state.is_final()]
    while todo:
        todo = parser.transition_states(todo, score(todo))
    return list(states)


class StepScorer:
    """The scores of every action for a list of unfinished states: spaCy's step model
    (``ParserStepModel``) without its per-step bookkeeping for training.

    As there, every token's share of each state feature is computed up front (``lower``,
    with a first row for a missing feature); a step sums the shares of the states'
    feature tokens in feature order, adds the bias, takes the maxout and applies the
    output layer (``upper``) with the model's own matrix product. The sums, products and
    choices are the same as spaCy's, so the annotations are too.
    """

    def __init__(self, model: Model[Any, Any], docs: list[Doc]) -> None:
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        tokvecs = model.get_ref("tok2vec").predict(docs)
        shares = lower.predict(tokvecs)  # (tokens + 1, features, hidden, pieces)
        self.features = lower.get_dim("nF")
        self.hidden, self.pieces = lower.get_dim("nO"), lower.get_dim("nP")
        self.shares = shares.reshape((-1, shares.shape[-2] * shares.shape[-1]))
        self.bias = lower.get_param("b")
        # the row of token i's share of feature f is (i + 1) * features + f
        self.columns = numpy.arange(self.features) + self.features
        self.ops, self.offset = upper.ops, upper.get_param("b")
        self.weights: Any = upper.get_param("W")
        unseen = sorted(model.attrs.get("unseen_classes", ()))
        self.unseen = numpy.array(unseen, dtype="i") if unseen else None
        # spaCy's own reader of a state's feature tokens, which only asks for nF
        self.width = SimpleNamespace(state2vec=SimpleNamespace(nF=self.features))

    def __call__(self, states: list[Any]) -> Any:
        ids = ParserStepModel.get_token_ids(self.width, states)
        rows = ids * self.features + self.columns  # -1 (missing) reads the first row
        summed = self.shares.take(rows, axis=0).sum(axis=1)
        summed = summed.reshape((len(ids), self.hidden, self.pieces))
        summed += self.bias
        best = summed[..., 0]  # the maxout, piece by piece (a reduction over the last,
        for piece in range(1, self.pieces):  # short axis is ten times slower)
            best = numpy.maximum(best, summed[..., piece])
        scores: Any = self.ops.gemm(best, self.weights, trans2=True)
        scores += self.offset
        if self.unseen is not None:  # an action never seen in training scores lowest
            scores[:, self.unseen] = numpy.nanmin(scores)
        return scores


def _with_prior(score: Any, parser: Parser, prior: Mapping[str, float]) -> Any:
    moves = parser.moves
    names = [moves.get_class_name(i) for i in range(moves.n_moves)]
    unknown = set(prior) - set(names)
    if unknown:
        raise ValueError(f"no such action in {parser.name}: {', '.join(sorted(unknown))}")
    added = numpy.array([prior.get(name, 0.0) for name in names], dtype="f")

    def scored(states: list[Any]) -> Any:
        return score(states) + added

    return scored


def _groups(docs: Sequence[Doc]) -> Iterable[list[Doc]]:
    group: list[Doc] = []
    tokens = 0
    for doc in docs:
        if group and tokens + len(doc) > MAX_TOKENS:
            yield group
            group, tokens = [], 0
        group.append(doc)
        tokens += len(doc)
    if group:
        yield group


def run_components(nlp: Language, docs: list[Doc], disable: Iterable[str] = ()) -> list[Doc]:
    """Run ``nlp``'s components over tokenized ``docs`` in order, skipping ``disable``;
    greedy transition-based ones decode with ``decode``, the others with their own ``pipe``."""
    skip = set(disable)
    for name, component in nlp.pipeline:
        if name in skip:
            continue
        if greedy(component):
            decode(component, docs)
        elif hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=max(1, len(docs))))
        else:
            docs = [component(doc) for doc in docs]
    return docs
