"""A pronoun bound to the person named above it in its own sentence (clause_subjects)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

import pytest
from spacy.language import Language
from spacy.tokens import Token

from newsfacts.extract.clause_subjects import named_above, subject_before
from newsfacts.extract.speaker_record import Speaker
from newsfacts.extract.speakers import resolve_speaker
from newsfacts.models import Entity, Region, Span
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


def people(text: str, *names: str) -> list[Entity]:
    """One PERSON per name ("E1", "E2", …), mentioned wherever its last word stands."""
    found = []
    for n, name in enumerate(names, 1):
        family = name.split()[-1]
        spots = [m.start() for m in re.finditer(rf"\b{re.escape(family)}\b", text)]
        full = text.find(name)
        mentions = [Span.of(text, full, full + len(name))] if full >= 0 else []
        mentions += [
            Span.of(text, s, s + len(family)) for s in spots if not full <= s < full + len(name)
        ]
        found.append(Entity(f"E{n}", "PERSON", name, (), None, tuple(mentions)))
    return found


def pronoun(nlp: Language, text: str, before: str) -> Token:
    """The pronoun that stands right before ``before``."""
    doc = parse_body(nlp, text, [Region(0, len(text))])
    at = text.index(before)
    return next(t for t in reversed(doc) if t.idx < at and t.pos_ == "PRON")


Rule = Callable[[Token, Collection[str], Sequence[Entity]], Entity | None]


def who(found: Entity | None) -> str | None:
    return found.name if found is not None else None


def after_e1(pronoun: Token, entities: list[Entity]) -> str | None:
    """The entity ``pronoun`` is resolved to as a source, E1 being the person quoted last."""
    source = pronoun.doc[pronoun.i : pronoun.i + 1]
    return resolve_speaker(source, entities, [Speaker("E1", False, "name")]).entity


@pytest.mark.parametrize(
    ("text", "before", "rule"),
    [
        (
            "Tom Rudd, the treasurer, said the budget was late. "
            "Mayor Paul Keller has asked for a delay even as he says the budget is sound.",
            " says the budget",
            named_above,
        ),
        (
            "Tom Rudd said the budget was late. Paul Keller took offense when the council "
            "questioned him. He later suggested a delay.",
            " later suggested",
            subject_before,
        ),
    ],
)
def test_the_person_named_just_before_comes_before_the_man_quoted_last(
    nlp: Language, text: str, before: str, rule: Rule
) -> None:
    entities = people(text, "Tom Rudd", "Paul Keller")
    he = pronoun(nlp, text, before)
    assert who(rule(he, {"E1", "E2"}, entities)) == "Paul Keller"
    assert after_e1(he, entities) == "E2"  # not Rudd, the man quoted last


def test_a_person_the_pronoun_cannot_mean_is_no_answer(nlp: Language) -> None:
    text = "Ann Kelly came under fire on Monday over what he perceived as unfair questions."
    he = pronoun(nlp, text, " perceived")
    entities = people(text, "Ann Kelly")
    assert named_above(he, {"E1"}, entities) == entities[0]
    assert named_above(he, set(), entities) is None  # "he" cannot mean Ann Kelly


def test_a_possessive_of_a_campaign_is_the_person_above_it(nlp: Language) -> None:
    text = (
        "Tom Rudd said the fees were too high. "
        "Paul Keller earned large fees for speeches, but his campaign said he stopped in May."
    )
    entities = people(text, "Tom Rudd", "Paul Keller")
    doc = parse_body(nlp, text, [Region(0, len(text))])
    start = text.index("his campaign")
    source = doc.char_span(start, start + len("his campaign"))
    assert source is not None
    assert resolve_speaker(source, entities).entity == "E2"


def test_a_pronoun_below_a_relative_clause_is_the_person_it_describes(nlp: Language) -> None:
    text = "Paul Keller, who says he was misled by the auditors, asked for a recount."
    he = pronoun(nlp, text, " was misled")
    assert who(named_above(he, {"E1"}, people(text, "Paul Keller"))) == "Paul Keller"


@pytest.mark.parametrize(
    ("text", "before"),
    [
        # the pronoun is its relative clause's own subject: "he" is someone else
        ("Paul Keller, who he says misled the council, resigned on Monday.", " says misled"),
        # another person it can mean stands between
        ("Paul Keller came under fire from Tom Rudd over what he perceived as bias.", " perceived"),
        # a quote mark between the two
        (
            'Paul Keller told the council: "When the auditor called, he said it was gone."',
            " said it",
        ),
        # above "standing" (Rudd's, not finite) is "spoke" (Keller's), but Rudd stands between
        (
            "Paul Keller spoke on Tuesday, with Tom Rudd standing at his side as he urged a vote.",
            " urged",
        ),
    ],
)
def test_the_person_above_is_not_taken(nlp: Language, text: str, before: str) -> None:
    he = pronoun(nlp, text, before)
    assert named_above(he, {"E1", "E2"}, people(text, "Paul Keller", "Tom Rudd")) is None


def test_only_a_person_surely_of_the_pronoun_s_sex_is_taken(nlp: Language) -> None:
    text = (
        "Tom Rudd said the budget was late. Chris Keller took offense when the council "
        "questioned him. He later suggested a delay."
    )
    entities = people(text, "Tom Rudd", "Chris Keller")  # "Chris" may be a woman
    assert after_e1(pronoun(nlp, text, " later suggested"), entities) == "E1"


@pytest.mark.parametrize(
    ("text", "before"),
    [
        # a quote in either sentence
        ('Paul Keller took offense at the vote. He said: "The count was wrong."', " said:"),
        # another paragraph
        ("Paul Keller took offense at the vote.\nHe later asked for a recount.", " later"),
        # not the subject of the main clause
        ("Paul Keller took offense at the vote. When he spoke, the room went quiet.", " spoke"),
        # a person named before the pronoun in its sentence
        (
            "Paul Keller took offense at the vote. After Tom Rudd left, he asked for a recount.",
            " asked",
        ),
    ],
)
def test_the_subject_before_is_not_taken(nlp: Language, text: str, before: str) -> None:
    entities = people(text, "Paul Keller", "Tom Rudd")
    he = pronoun(nlp, text, before)
    assert subject_before(he, {"E1", "E2"}, entities) is None
