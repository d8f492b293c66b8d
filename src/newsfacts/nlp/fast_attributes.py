"""The English model's attribute ruler and lemmatizer, applied from lookup tables.

``en_core_web_sm``'s ``attribute_ruler`` (POS and morphology from the tag, a few word
exceptions) and rule ``lemmatizer`` together cost about a fifth of its parse, mostly in
per-token matching and string interning. Almost all ruler patterns look at one token's
lower-cased form and tag only, so their outcome is cached per (lower, tag); the few that look
at the context (neighbours, dependency label, whitespace) still run through a matcher. Rules
are applied in the ruler's order (later rules win) and lemmas are cached per (word, POS,
morphology), as the lemmatizer does itself, so the annotations are the model's own (tested).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs  # type: ignore[import-not-found]

STATIC_KEYS = frozenset({"LOWER", "TAG"})
REPLACED = ("attribute_ruler", "lemmatizer")


def _is_static(pattern: list[dict[str, Any]]) -> bool:
    if len(pattern) != 1 or not set(pattern[0]) <= STATIC_KEYS:
        return False
    return all(
        isinstance(v, str) or (isinstance(v, dict) and set(v) == {"IN"})
        for v in pattern[0].values()
    )


def _matches(pattern: dict[str, Any], lower: str, tag: str) -> bool:
    for key, want in pattern.items():
        value = lower if key == "LOWER" else tag
        if isinstance(want, str) and value != want:
            return False
        if isinstance(want, dict) and value not in want["IN"]:
            return False
    return True


class FastAttributes:
    """Sets POS, morphology and lemmas as the model's ruler and lemmatizer would."""

    def __init__(self, nlp: Language) -> None:
        ruler = nlp.get_pipe("attribute_ruler")
        lemmatizer = nlp.get_pipe("lemmatizer")
        if not isinstance(ruler, AttributeRuler) or not isinstance(lemmatizer, Lemmatizer):
            raise TypeError("not a spaCy attribute ruler and lemmatizer")
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise TypeError("only a rule lemmatizer that keeps existing lemmas is supported")
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        self.vocab = nlp.vocab
        self.static: list[tuple[int, dict[str, Any]]] = []
        self.context = Matcher(nlp.vocab)
        # ruler.patterns lists the rules in their order (the rule id is the position)
        for rule_id, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                if _is_static(pattern):
                    self.static.append((rule_id, pattern[0]))
                else:
                    self.context.add(str(rule_id), [pattern])
        self._rules: dict[tuple[int, int], tuple[int, ...]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def _rules_for(self, lower: int, tag: int) -> tuple[int, ...]:
        key = (lower, tag)
        found = self._rules.get(key)
        if found is None:
            strings = self.vocab.strings
            found = tuple(
                rule_id
                for rule_id, pattern in self.static
                if _matches(pattern, strings[lower], strings[tag])
            )
            self._rules[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        todo: list[tuple[int, int, int, int]] = []  # rule, start, end, token
        for token in doc:
            for rule_id in self._rules_for(token.lower, token.tag):
                todo.append((rule_id, token.i, token.i + 1, token.i))
        for match_id, start, end in self.context(doc, allow_missing=True):
            rule_id = int(self.vocab.strings[match_id])
            index = self.ruler.indices[rule_id]
            todo.append((rule_id, start, end, Span(doc, start, end)[index].i))
        todo.sort()
        for rule_id, _, _, i in todo:
            set_token_attrs(doc[i], self.ruler.attrs[rule_id])
        lemmas = self._lemmas
        for token in doc:
            if token.lemma:
                continue
            key = (token.orth, token.pos, token.morph.key)
            lemma = lemmas.get(key)
            if lemma is None:
                lemma = self.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])
                lemmas[key] = lemma
            token.lemma = lemma
        return doc

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
