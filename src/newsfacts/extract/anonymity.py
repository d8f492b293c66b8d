"""Words that keep a source unnamed: "who asked not to be named", "spoke on condition of
anonymity", "was not authorised to speak publicly". Such a clause is no attribution of its
own, nor is the reason it gives ("because they were not allowed to discuss the talks"), and
it marks its speaker anonymous."""

from __future__ import annotations

from spacy.tokens import Token

UNNAMING_VERBS = frozenset({"name", "identify"})
ANONYMITY_WORDS = frozenset({"anonymity", "anonymously"})
# "not allowed to talk about …": permission words, and what the source may not do
PERMITTED = frozenset({"authorize", "authorise", "permit", "allow", "clear", "empower"})
DISCLOSING = frozenset({"speak", "discuss", "comment", "talk", "disclose", "describe", "say"})


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
    return not_permitted(verb)


def not_permitted(verb: Token) -> bool:
    """ "was not cleared to talk to the press", "were not allowed to describe the plan"."""
    if verb.lemma_.lower() not in PERMITTED or not any(c.dep_ == "neg" for c in verb.children):
        return False
    return any(c.dep_ == "xcomp" and c.lemma_ in DISCLOSING for c in verb.children)


def anonymity_reason(word: Token) -> bool:
    """The word is part of the reason a source stays unnamed: "(asked not to be named)
    because they were not allowed to talk about the plan" (neither
    "allowed" nor "talk" is an attribution, nor "the plan" anyone's content). What
    the source spoke to do ("… to discuss the plan") is left alone: PolNeAR's annotators
    mark that now and then."""
    token = word
    while True:
        if not_permitted(token):
            return True
        if token.dep_ == "advcl" and asks_anonymity(token.head):
            if any(c.dep_ == "mark" and c.lower_ in BECAUSE for c in token.children):
                return True
        if token.dep_ not in REASON_LINKS or token.head.i == token.i:
            return False
        token = token.head


BECAUSE = frozenset({"because", "since", "as"})
# the links from a word up to the clause that gives the reason; a relative clause on the
# source is no part of it ("Officials, who said …, declined to be named")
REASON_LINKS = frozenset(
    {"advcl", "xcomp", "ccomp", "prep", "pobj", "pcomp", "dobj", "nsubj", "nsubjpass", "attr"}
)
