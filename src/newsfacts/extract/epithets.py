"""Sources that name a person by what they are, in words the article gave them nowhere as a
title: "the New York businessman", "the GOP front-runner", "the Vermont senator". Reporters
use such a phrase to go on about the person they just made the subject, so it goes to that
person, and to nobody when the sentences around it leave a doubt. "The campaign" is read
the same way: it speaks for the person just made the subject."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from newsfacts.extract.clause_subjects import QUOTE_MARKS, SUBJECTS, main_subject
from newsfacts.extract.entity_lookup import entity_at
from newsfacts.extract.speaker_titles import DISTINGUISHING
from newsfacts.models import Entity

# nouns for a person that news uses in place of the name (a title that the article also
# gives the person, "the senator" for "Sen. Lee", is found by ``speaker_titles.by_title``)
EPITHETS = frozenset(
    {"businessman", "businesswoman", "mogul", "tycoon", "billionaire", "magnate", "developer"}
    | {"candidate", "nominee", "front-runner", "frontrunner", "contender", "hopeful"}
    | {"senator", "congressman", "congresswoman", "governor", "lawmaker", "incumbent"}
    | {"neurosurgeon", "socialist", "star", "justice", "leader", "challenger", "populist"}
)
# what speaks for a person without naming them ("Clinton plans … . The campaign says")
VOICES = frozenset({"campaign", "camp"})
EPITHET_SEX = {"businessman": "m", "congressman": "m", "businesswoman": "f", "congresswoman": "f"}


def epithet_sex(head: Token) -> str | None:
    """The sex the epithet says ("businesswoman"), if any."""
    return EPITHET_SEX.get(head.lower_)


def by_epithet(
    head: Token, entities: Sequence[Entity], fits: Callable[[Entity], bool]
) -> Entity | None:
    """The person a definite epithet that is a subject ("the billionaire businessman
    began") stands for: the one person named as a subject earlier in its sentence ("As
    Sanders still senses anger, the Vermont senator acknowledged"), or, with no person named
    there, the person named as the subject of the sentence before ("Trump is taking
    questions in Salem. The billionaire businessman began …"); nobody when a quote opens
    the sentence before the epithet and names someone there. The person must fit the
    epithet (``fits``: its sex; no title with "former" or "deputy" that the epithet does
    not say) and not be named again later in its sentence ("The New York businessman has
    praised Putin" is not Putin)."""
    if head.lower_ not in EPITHETS | VOICES or head.dep_ not in SUBJECTS:
        return None
    meant = _subject_before(head, entities)
    if meant is None or meant.type != "PERSON" or not fits(meant):
        return None
    said = {t.lower_ for t in head.lefts}
    for title in meant.titles:  # "the governor" is no "former state governor"
        words = {w.lower() for w in title.split()}
        if head.lower_ in words and (words & DISTINGUISHING) - said:
            return None
    after = head.doc[head.right_edge.i + 1 : head.sent.end]
    if any(entity_at(t, entities) is meant for t in after if t.ent_type_):
        return None
    return meant


def _subject_before(head: Token, entities: Sequence[Entity]) -> Entity | None:
    """The first entity that is a subject before ``head`` in its sentence, where one
    person alone is named there, outside quotes; with nobody named there, the subject of
    the sentence before."""
    doc = head.doc
    sentence = head.sent
    opening = doc[sentence.start : head.left_edge.i]
    named = {e.id for t in opening if t.ent_type_ == "PERSON" and (e := entity_at(t, entities))}
    if named:
        if len(named) > 1 or any(t.text in QUOTE_MARKS for t in opening):
            return None  # "“Justice Ginsburg has embarrassed all,” the nominee wrote"
        subjects = [t for t in opening if t.dep_ in SUBJECTS and entity_at(t, entities)]
        return entity_at(subjects[0], entities) if subjects else None
    return main_subject(doc[sentence.start - 1].sent, entities) if sentence.start > 0 else None
