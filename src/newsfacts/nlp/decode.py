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
state, the larger the batch should be. Components that decode with a beam are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc
from thinc.api import set_dropout_rate

# Tokens decoded together at most: the step model precomputes every token's share of each
# state feature (4 KB a token for en_core_web_sm's parser), so 20,000 tokens hold ~80 MB.
MAX_TOKENS = 20_000


def greedy(component: Any) -> bool:
    """True for a transition-based component that decodes greedily (beam width 1)."""
    return isinstance(component, Parser) and component.cfg.get("beam_width", 1) == 1


def decode(parser: Parser, docs: Sequence[Doc]) -> None:
    """Parse ``docs`` with ``parser`` (greedy) and set its annotations on them."""
    for group in _groups(docs):
        parser.set_annotations(group, _states(parser, group))


def _states(parser: Parser, docs: list[Doc]) -> list[Any]:
    states = parser.moves.init_batch(docs)
    if not any(len(doc) for doc in docs):
        return list(states)
    parser._ensure_labels_are_added(docs)  # noqa: SLF001 - what greedy_parse does first
    set_dropout_rate(parser.model, 0.0)
    step = parser.model.predict(docs)
    todo = [state for state in states if not state.is_final()]
    while todo:
        todo = parser.transition_states(todo, step.predict(todo))
    step.clear_memory()
    return list(states)


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
