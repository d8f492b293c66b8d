"""The English model's attribute ruler and lemmatizer, applied from lookup tables.

``en_core_web_sm``'s ``attribute_ruler`` (POS and morphology from the tag, a few word
exceptions) and rule ``lemmatizer`` together cost about a fifth of its parse, mostly in
per-token matching and string interning. Almost all ruler patterns look at one token only
(its lower-cased form, tag, dependency label), so their outcome is cached per such triple; the
few that span two tokens still run through a matcher. Rules
are applied in the ruler's order (later rules win) and lemmas are cached per (word, POS,
morphology), as the lemmatizer does itself, so the annotations are the model's own (tested).
Words are read from the doc's arrays, and lemmas written back as one array: a Token object
is made only where a rule or the lemmatizer needs one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, cast

from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs
from thinc.types import Ints2d

TOKEN_KEYS = frozenset({"LOWER", "TAG", "DEP", "IS_SPACE"})
REPLACED = ("attribute_ruler", "lemmatizer")
Pattern = dict[str, Any]


def _is_single(pattern: list[Pattern]) -> bool:
    """One token, looking only at attributes the cache key holds."""
    return len(pattern) == 1 and set(pattern[0]) <= TOKEN_KEYS


def _value_matches(want: Any, value: str | bool) -> bool:
    if not isinstance(want, dict):
        return bool(want == value)
    for op, arg in want.items():
        if op == "IN" and value not in arg:
            return False
        if op == "NOT_IN" and value in arg:
            return False
        if op == "REGEX" and not re.search(arg, str(value)):
            return False
        if op not in ("IN", "NOT_IN", "REGEX"):
            raise TypeError(f"unsupported pattern operator {op}")
    return True


def _matches(pattern: Pattern, lower: str, tag: str, dep: str) -> bool:
    values: dict[str, str | bool] = {
        "LOWER": lower,
        "TAG": tag,
        "DEP": dep,
        "IS_SPACE": lower.isspace(),
    }
    return all(_value_matches(want, values[key]) for key, want in pattern.items())


def _set_indexed(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A private copy of ``lemmatizer`` whose word index is held in sets, not lists.

    The rule lemmatizer asks whether each candidate form is a known word; its index is a list
    of up to 57,000 words per part of speech, so every first sight of a word cost ~0.15 ms.
    Membership is all it asks of the index, so the answers (and lemmas) stay the same.
    """
    fast = Lookups()
    for name in lemmatizer.lookups.tables:
        table = fast.add_table(name)
        for key, value in lemmatizer.lookups.get_table(name).items():
            table[key] = frozenset(value) if name == "lemma_index" else value
    copy = type(lemmatizer)(lemmatizer.vocab, None, mode="rule", overwrite=False)
    copy.lookups = fast
    return copy


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
        self.lemmatizer = _set_indexed(lemmatizer)
        self.vocab = nlp.vocab
        # one-token patterns, indexed by the word or tag they require (else always tried)
        self.by_lower: dict[str, list[tuple[int, Pattern]]] = {}
        self.by_tag: dict[str, list[tuple[int, Pattern]]] = {}
        self.always: list[tuple[int, Pattern]] = []
        self.context = Matcher(nlp.vocab)
        # ruler.patterns lists the rules in their order (the rule id is the position)
        rules = cast(list[dict[str, Any]], ruler.patterns)
        for rule_id, rule in enumerate(rules):
            for pattern in cast(list[list[Pattern]], rule["patterns"]):
                if _is_single(pattern):
                    self._index(rule_id, pattern[0])
                else:
                    self.context.add(str(rule_id), [pattern])
        self._rules: dict[tuple[int, int, int], tuple[int, ...]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def _index(self, rule_id: int, pattern: Pattern) -> None:
        for key, index in (("LOWER", self.by_lower), ("TAG", self.by_tag)):
            want = pattern.get(key)
            if isinstance(want, str) or (isinstance(want, dict) and set(want) == {"IN"}):
                for value in [want] if isinstance(want, str) else want["IN"]:
                    index.setdefault(value, []).append((rule_id, pattern))
                return
        self.always.append((rule_id, pattern))

    def _rules_for(self, lower: int, tag: int, dep: int) -> tuple[int, ...]:
        key = (lower, tag, dep)
        found = self._rules.get(key)
        if found is None:
            strings = self.vocab.strings
            texts = strings[lower], strings[tag], strings[dep]
            candidates = (
                self.by_lower.get(texts[0], []) + self.by_tag.get(texts[1], []) + self.always
            )
            found = tuple(sorted({r for r, pattern in candidates if _matches(pattern, *texts)}))
            self._rules[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        todo: list[tuple[int, int, int, int]] = []  # rule, start, end, token
        # read from the doc's arrays: no Token object is made for a word no rule touches
        for i, (lower, tag, dep) in enumerate(doc.to_array([LOWER, TAG, DEP]).tolist()):
            for rule_id in self._rules_for(lower, tag, dep):
                todo.append((rule_id, i, i + 1, i))
        for match_id, start, end in self.context(doc, allow_missing=True):
            rule_id = int(self.vocab.strings[match_id])
            index = self.ruler.indices[rule_id]
            todo.append((rule_id, start, end, Span(doc, start, end)[index].i))
        todo.sort()
        for rule_id, _, _, i in todo:
            set_token_attrs(doc[i], self.ruler.attrs[rule_id])
        lemmas = self._lemmas
        rows = doc.to_array([LEMMA, ORTH, POS, MORPH])
        found = rows[:, 0].copy()
        for i, (lemma, orth, pos, morph) in enumerate(rows.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            lemma = lemmas.get(key)
            if lemma is None:
                lemma = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                lemmas[key] = lemma
            found[i] = lemma
        doc.from_array([LEMMA], cast(Ints2d, found[:, None]))
        return doc

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
