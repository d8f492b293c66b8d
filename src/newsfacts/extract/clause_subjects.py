"""A pronoun whose person is named just before it: above it in its own sentence's parse,
or as the subject of the sentence before.

"Okafor — even as he says his record speaks for him — has proposed …": the "he"
of the dependent clause is the subject of the clause it hangs under, named before it.
"Ann Lee, who says she …": the "she" of a relative clause is the person the clause
describes, but not where the pronoun is that clause's own subject ("Ann Lee, who he
says …" is someone else). Only the subject of a finite clause counts ("…, with Vance
at his side as he urged …" goes on up to the verb "with" hangs on), only a name (a
pronoun subject resolves as it would alone), only one before the pronoun, with no other
person whom the pronoun can mean named in between, and no quote mark between the two (in
'"He lied," Lee said', "He" is not Lee).

A pronoun that opens its sentence's main clause is the person named as the subject of the
sentence before ("Trump took offense when Kelly confronted him. He later suggested …"), in
the same paragraph, outside quotes; the caller passes only the people surely of the
pronoun's sex.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsfacts.extract.entity_lookup import entity_at
from newsfacts.models import Entity

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})


def named_above(
    pronoun: Token, fitting: Collection[str], entities: Sequence[Entity]
) -> Entity | None:
    """The person named as the subject of a clause that ``pronoun``'s clause hangs under (or
    described by a relative clause above it), before it in the sentence; None where the
    first such subject names no person whom the pronoun ``fitting`` can mean."""
    clause = pronoun.head
    if clause.dep_ == "relcl":
        return None  # "Kelly, who he claims has been unfair": "he" is someone else
    while clause.dep_ != "ROOT" and clause.head.i != clause.i:
        clause = clause.head
        if not _finite(clause):
            continue
        subjects = [c for c in clause.children if c.dep_ in SUBJECTS and c.i < pronoun.i]
        if subjects:
            subject = subjects[0]
            if subject.tag_ in ("WP", "WDT") and clause.dep_ == "relcl":
                subject = clause.head  # "Ann Lee, who says she …": Lee
            return _person(subject, pronoun, fitting, entities)
        if clause.dep_ == "relcl":
            return _person(clause.head, pronoun, fitting, entities)
    return None


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children
    )


def _person(
    word: Token, pronoun: Token, fitting: Collection[str], entities: Sequence[Entity]
) -> Entity | None:
    if word.i >= pronoun.i:
        return None
    if any(t.text in QUOTE_MARKS for t in pronoun.doc[word.i : pronoun.i]):
        return None
    found = entity_at(word, entities)
    if found is None or found.type != "PERSON" or found.id not in fitting:
        return None
    after, before = word.idx + len(word.text), pronoun.idx
    for other in entities:  # "Kelly came under fire from Trump over what he perceived"
        if other.id != found.id and other.type == "PERSON" and other.id in fitting:
            if any(after <= m.start and m.end <= before for m in other.mentions):
                return None
    return found


def main_subject(sentence: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The entity named as the first subject of ``sentence``'s main clause, if any."""
    subjects = [c for c in sentence.root.children if c.dep_ in SUBJECTS]
    return entity_at(subjects[0], entities) if subjects else None


def subject_before(
    pronoun: Token, fitting: Collection[str], entities: Sequence[Entity]
) -> Entity | None:
    """The person named as the subject of the sentence before, where ``pronoun`` is the
    subject that opens its own sentence's main clause, in the same paragraph, with no quote
    in either sentence ("Trump took offense when Kelly confronted him. He later
    suggested …": Trump)."""
    sentence = pronoun.sent
    if pronoun.dep_ not in SUBJECTS or pronoun.head.i != sentence.root.i or sentence.start == 0:
        return None
    doc = pronoun.doc
    if any(t.ent_type_ == "PERSON" for t in doc[sentence.start : pronoun.i]):
        return None
    before = doc[sentence.start - 1].sent
    if "\n" in doc[before.end - 1 : sentence.start + 1].text:
        return None
    if any(t.text in QUOTE_MARKS for t in (*before, *sentence)):
        return None
    found = main_subject(before, entities)
    if found is None or found.type != "PERSON" or found.id not in fitting:
        return None
    return found
