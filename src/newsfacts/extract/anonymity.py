"""Words that keep a source unnamed: "who asked not to be named", "spoke on condition of
anonymity". Such a clause is no attribution of its own, and it marks its speaker anonymous."""

from __future__ import annotations

from spacy.tokens import Token

UNNAMING_VERBS = frozenset({"name", "identify"})
ANONYMITY_WORDS = frozenset({"anonymity", "anonymously"})


def asks_anonymity(verb: Token) -> bool:
    """The verb says no more than that its subject stays unnamed: "who asked not to be
    named", "declined to be identified", "spoke on condition of anonymity", "requested
    anonymity"."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.lemma_ in UNNAMING_VERBS:
            if any(c.dep_ == "auxpass" for c in child.children):
                return True
        elif child.dep_ in ("prep", "dobj", "advmod"):
            if any(t.lower_ in ANONYMITY_WORDS for t in child.subtree):
                return True
    return False
