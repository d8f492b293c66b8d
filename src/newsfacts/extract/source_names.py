"""The entity a source span names: its head's, a name in apposition, the source's own family
name before names in its modifiers, a person named inside it (not someone close to or
described by it), a body a spokesperson speaks for."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsfacts.extract.entity_lookup import (
    PEOPLE,
    entity_at,
    latest_before,
    overlaps,
    word_list,
)
from newsfacts.models import Entity
from newsfacts.nlp.doctext import doc_text

GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})
PLACES = frozenset({"GPE", "LOC", "FAC"})
# unnamed people who speak for the one named beside them ("a spokesman for Lee" is Lee)
SPEAKS_FOR = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople"}
    | {"representative", "representatives"}
)


def named_in(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The entity whose mention covers the source head, else a PERSON named in it."""
    found = entity_at(source.root, entities)
    if found is not None:
        return _person_heading(source, entities) if found.type != "PERSON" else found
    root = source.root.lower_
    unnamed_word = root in word_list("anonymous_sources.txt")
    # the name in apposition to a common noun, a person's first ("the senator's chief of
    # staff, Tom Hale," is Hale, not the senator; "The company, Aldane Chemicals,")
    if source.root.pos_ == "NOUN":
        named = [
            entity_at(child, entities)
            or _posted_name(child, entities)
            or _by_name(child.doc[child.left_edge.i : child.i + 1], entities)
            or _called(child, entities)
            for child in source.root.children
            if child.dep_ == "appos" and source.start <= child.i < source.end
        ]
        # "a group called Fair Homes Now", after the source or in it
        named.append(_called(source.root, entities))
        named += [
            _called(child, entities)
            for child in source.root.children
            if child.dep_ == "appos" and child.left_edge.i in (source.end, source.end + 1)
        ]
        for kind in ("PERSON", "ORG"):
            found = next((e for e in named if e is not None and e.type == kind), None)
            if found is not None:
                return found
        # a name the entity tagger took for a place is still the one meant ("the chief
        # executive, Ann Lee,"), unless the noun stands for unnamed people (a misparse)
        if not unnamed_word:
            found = next((e for e in named if e is not None and e.type in PLACES), None)
            if found is not None:
                return found
    # the source's own family name before any name inside its modifiers ("Colquitt, an
    # appointee of President Obama," is Colquitt)
    surname = _by_surname(source, entities) or _by_name(source, entities)
    if surname is not None:
        return surname
    # a person named inside the phrase ("Donna Brazile's spokesman" is not her, but rare);
    # a phrase about unnamed people only where it names them ("aides, including Lee," but
    # not "aides to Lee", "sources close to Lee" or "Lee aides")
    unnamed = unnamed_word and root not in SPEAKS_FOR
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            if not overlaps(source.start_char, source.end_char, mention.start, mention.end):
                continue
            if _kin_of(source, mention.end) or (
                _in_relative_clause(source, mention.start)
                and not INCLUDING.search(doc_text(source.doc), 0, mention.start)
            ):
                continue  # "Lee's family", "farmers, who back Lee,": not the person
            if not unnamed or _introduced(source, mention.start):
                return entity
    if root in SPEAKS_FOR:  # "a spokesperson for the National Health Service"
        return _spoken_for(source, entities)
    return None


NAMING_VERBS = frozenset({"call", "name", "know", "dub"})


def _called(noun: Token, entities: Sequence[Entity]) -> Entity | None:
    """The entity a noun is said to be called: "a group called Fair Homes Now", "a charity
    named Kestrel Trust", "a company known as Velden"."""
    for verb in noun.children:
        if verb.dep_ != "acl" or verb.lemma_.lower() not in NAMING_VERBS:
            continue
        for word in verb.children:
            if word.dep_ in ("oprd", "dobj", "attr"):
                return entity_at(word, entities)
            if word.dep_ == "prep" and word.lower_ == "as":
                return next(
                    (entity_at(o, entities) for o in word.children if o.dep_ == "pobj"), None
                )
    return None


def _spoken_for(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The body a spokesperson speaks for: the one that modifies the noun ("a Kestrel
    spokeswoman", "Kestrel's spokesman"), else the latest named in the source ("a
    spokesperson for the agency")."""
    for child in source.root.children:
        if child.dep_ in ("compound", "poss") and source.start <= child.i < source.end:
            found = entity_at(child, entities) or _by_name(
                child.doc[child.i : child.i + 1], entities
            )
            if found is not None and found.type in GROUP_TYPES:
                return found
    return latest_before(source.end_char, _inside(source, entities), GROUP_TYPES)


# people close to or against someone, who speak of their own accord and never as that person
KIN_AND_COUNSEL = frozenset(
    {"family", "relative", "wife", "husband", "widow", "son", "daughter", "parent", "mother"}
    | {"father", "brother", "sister", "child", "friend", "neighbor", "neighbour", "lawyer"}
    | {"attorney", "rival", "opponent", "challenger", "critic", "successor", "predecessor"}
    | {"deputy", "boss"}
)


INCLUDING = re.compile(r"\b(?:including|such as|among them)\s+(?:\w+\.?\s+)?$", re.IGNORECASE)


def _in_relative_clause(source: SpacySpan, start: int) -> bool:
    """The name at ``start`` lies in a clause describing the source's head ("Settlers, who
    back Lee, said", "judges handling Lee's case"); not in a clause with no relative pronoun
    ("a speech Lee gave" is Lee's)."""
    if source.root.lemma_.lower() in word_list("sourcing_documents.txt"):
        return False
    for clause in source.root.children:
        pronoun = any(t.tag_ in ("WP", "WDT", "WP$") for t in clause.subtree if t.i < clause.i)
        if clause.dep_ == "acl" or (clause.dep_ == "relcl" and pronoun):
            first, last = clause.left_edge, clause.right_edge
            if first.idx <= start < last.idx + len(last.text):
                return True
    return False


def _kin_of(source: SpacySpan, end: int) -> bool:
    """The name ending at ``end`` owns or modifies a noun for someone close to it ("Lee's
    family", "the Lee family")."""
    for token in source:
        if token.idx < end <= token.idx + len(token.text) and token.dep_ in (
            "poss",
            "nmod",
            "compound",
        ):
            return token.head.lemma_.lower() in KIN_AND_COUNSEL
    return False


def _posted_name(title: Token, entities: Sequence[Entity]) -> Entity | None:
    """The person a title phrase ends in where the parser took the country of the post for
    part of the name ("former envoy to Moldova Ann Lee": "Lee" the object of "to",
    "Moldova" its compound); not an ordinary object ("an aide to Tom Hale")."""
    last = max(title.subtree, key=lambda t: t.i if not t.is_punct else -1)
    person = entity_at(last, entities)
    if person is None or person.type != "PERSON":
        return None
    for child in last.children:
        place = entity_at(child, entities) if child.dep_ == "compound" else None
        if place is not None and place.type in PLACES:
            return person
    return None


def outer_tokens(span: SpacySpan) -> list[Token]:
    """The tokens of ``span`` whose head lies outside it (its root, and more where the parser
    split the phrase)."""
    return [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]


def _person_heading(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """Where the parser split a name and its title into two subjects ("CPUC President Ann
    Lee said" with both "CPUC" and "Lee" hanging from "said"), the person the last of them
    names; else the entity at the root."""
    outer = outer_tokens(source)
    if len(outer) > 1:
        last = entity_at(outer[-1], entities)
        if last is not None and last.type == "PERSON":
            return last
    return entity_at(source.root, entities)


def _inside(source: SpacySpan, entities: Sequence[Entity]) -> list[Entity]:
    """The entities with a mention inside ``source``."""
    return [
        e
        for e in entities
        if any(source.start_char <= m.start and m.end <= source.end_char for m in e.mentions)
    ]


MEMBER_WORDS = frozenset({",", "including", "like", "among", "as"})  # "such as", "aides, Lee and"


def _introduced(source: SpacySpan, offset: int) -> bool:
    """The name at ``offset`` follows a comma or a word that lists the members of a group,
    a few words of title aside ("including telecom veteran Ann Lee", "experts, Mr. Park"),
    not a preposition or possessive ("aides to Lee", "Lee's aides")."""
    doc = source.doc
    token = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if token is None:
        return False
    first = token.start
    for before in reversed(doc[max(source.start, first - 4) : first]):
        if before.lower_ in MEMBER_WORDS:
            return True
        if before.is_punct or before.pos_ in ("ADP", "PART", "CCONJ"):
            return False
    return False


def _by_surname(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The person whose family name a capitalised source word is, where the entity tagger
    missed this mention ("Stumpf said", "Mr. Ham added", a transcript's "PENCE:"); of
    several, the one named last before."""
    head = source.root
    # (the tagger takes "Trump" for a noun or a verb now and then, a transcript's "LOPEZ:"
    # for anything)
    if not head.is_upper and (not head.is_title or head.pos_ not in ("PROPN", "NOUN", "VERB")):
        return None
    name = head.text.lower() if head.is_upper else head.text
    fits = [
        e
        for e in entities
        if e.type == "PERSON"
        and len(e.name.split()) > 1
        and (e.name.split()[-1].lower() if head.is_upper else e.name.split()[-1]) == name
    ]
    if len(fits) < 2:
        return fits[0] if fits else None
    return latest_before(source.start_char, fits, PEOPLE)


def _by_name(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The entity whose name or one of whose mentions the source spells out, where the
    entity tagger missed this mention ("Kestrel denied the report")."""
    words = [t for t in source if not t.is_punct and not t.is_space]
    if words and words[0].lower_ == "the":
        words = words[1:]
    if not words or not all(t.is_title or t.is_upper or t.pos_ == "PROPN" for t in words):
        return None
    spelt = source.doc[words[0].i : words[-1].i + 1].text
    for entity in entities:
        if entity.name == spelt or any(m.text == spelt for m in entity.mentions):
            return entity
    return None
