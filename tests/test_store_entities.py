"""Organisations, places and groups as one identity across articles, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfacts.models import ArticleFacts, Entity, Event, Participant
from newsfacts.store import (
    Database,
    entity_profile,
    find_identities,
    find_named,
    find_people,
    open_database,
    quotes,
    stats,
    store_facts,
    timeline,
)
from newsfacts.store.migrations import current_version, latest_version, migrate
from newsfacts.store.names import identity_key
from test_store import db as db  # noqa: F401 - the fixture: SQLite and PostgreSQL
from test_store import facts, person, said, span
from test_store_postgres import postgres_url

PLAN = (
    "The United States and Iraq agreed on a plan, the Pentagon said on Monday. "
    "US troops will stay, said Lloyd Austin. "
    "The Islamic Revolutionary Guard Corps condemned it; the IRGC called it a plot."
)
ADVISERS = (
    "The U.S. will send advisers, the Pentagon said. "
    "It said the talks went well. The Pentagon met Iraqi officials in Baghdad."
)
PLEASED = "The White House said it was pleased. The IRGC fired a missile near Baghdad."


def thing(text: str, eid: str, kind: str, name: str, *mentions: str) -> Entity:
    """An entity with its mentions, each the first occurrence of the text not yet taken."""
    taken: dict[str, int] = {}
    spans = []
    for piece in mentions or (name,):
        spans.append(span(text, piece, taken.get(piece, 0)))
        taken[piece] = taken.get(piece, 0) + 1
    return Entity(eid, kind, name, mentions=tuple(spans))


def plan_article() -> ArticleFacts:
    t = PLAN
    return facts(
        t,
        name="plan.txt",
        published="2024-01-08",
        title="A plan",
        entities=(
            thing(t, "e1", "GPE", "United States", "United States", "US"),
            thing(t, "e2", "GPE", "Iraq"),
            thing(t, "e3", "ORG", "Pentagon"),
            person(t, "e4", "Lloyd Austin"),
            thing(
                t,
                "e5",
                "ORG",
                "Islamic Revolutionary Guard Corps",
                "Islamic Revolutionary Guard Corps",
                "IRGC",
                "it",
            ),
        ),
        attributions=(
            said(t, "a1", "The United States and Iraq agreed on a plan", speaker="e3"),
            said(t, "a2", "US troops will stay", speaker="e4", source="Lloyd Austin"),
        ),
        events=(
            Event(
                "v1",
                "agreement",
                span(t, "agreed"),
                participants=(
                    Participant("United States", *_at(t, "United States"), "e1"),
                    Participant("Iraq", *_at(t, "Iraq"), "e2"),
                ),
            ),
        ),
    )


def advisers_article() -> ArticleFacts:
    t = ADVISERS
    return facts(
        t,
        name="advisers.txt",
        published="2024-02-03",
        title="Advisers",
        entities=(
            thing(t, "e1", "GPE", "U.S."),
            thing(t, "e2", "ORG", "the Pentagon", "the Pentagon", "It", "The Pentagon"),
            thing(t, "e3", "NORP", "Iraqi"),
            thing(t, "e4", "GPE", "Baghdad"),
        ),
        attributions=(
            said(t, "a1", "The U.S. will send advisers", speaker="e2"),
            said(t, "a2", "the talks went well", speaker="e2"),
        ),
        events=(
            Event(
                "v1",
                "meeting",
                span(t, "met"),
                participants=(Participant("The Pentagon", *_at(t, "The Pentagon"), "e2"),),
            ),
        ),
    )


def pleased_article() -> ArticleFacts:
    t = PLEASED
    return facts(
        t,
        name="pleased.txt",
        published="2024-03-01",
        title="Pleased",
        entities=(
            thing(t, "e1", "ORG", "White House", "White House"),
            thing(t, "e2", "ORG", "IRGC"),
            thing(t, "e3", "GPE", "Baghdad"),
        ),
        # The source is not linked to the entity: matched by its words.
        attributions=(said(t, "a1", "it was pleased", source="The White House"),),
    )


def _at(text: str, piece: str) -> tuple[int, int]:
    s = span(text, piece)
    return s.start, s.end


ARTICLES = (plan_article, advisers_article, pleased_article)


@pytest.fixture()
def corpus(db: Database) -> Database:
    for article in ARTICLES:
        assert store_facts(db, article()).created
    return db


def test_identity_keys_join_spellings() -> None:
    assert identity_key("the U.S.") == identity_key("US") == identity_key("United States")
    assert identity_key("the Pentagon") == identity_key("Pentagon’s") == "pentagon"
    assert identity_key("U.S. Army") == "us army"
    assert identity_key("the") == "the"  # a name is never emptied


def test_one_identity_per_organisation_and_place(corpus: Database) -> None:
    us = find_identities(corpus, "US")
    assert [(r["name"], r["kind"], r["articles"]) for r in us] == [("United States", "place", 2)]
    assert find_identities(corpus, "u.s.") == us
    pentagon = find_identities(corpus, "the Pentagon")
    assert [(r["name"], r["kind"], r["articles"]) for r in pentagon] == [
        ("Pentagon", "organisation", 2)
    ]
    # "IRGC" was a mention of the full name in one article and the whole name in another.
    irgc = find_identities(corpus, "IRGC")
    assert [(r["name"], r["articles"]) for r in irgc] == [("Islamic Revolutionary Guard Corps", 2)]
    assert [r["articles"] for r in find_identities(corpus, "Baghdad")] == [2]
    assert find_identities(corpus, "Atlantis") == []


def test_entity_profile_of_an_organisation(corpus: Database) -> None:
    profile = entity_profile(corpus, "Pentagon")
    assert (profile["name"], profile["type"], profile["kind"]) == (
        "Pentagon",
        "ORG",
        "organisation",
    )
    assert (profile["articles"], profile["quotes"]) == (2, 3)
    assert (profile["first_seen"], profile["last_seen"]) == ("2024-01-08", "2024-02-03")
    assert set(profile["aliases"]) == {"Pentagon", "the Pentagon", "The Pentagon"}  # not "It"
    company = {c["name"]: c["articles"] for c in profile["cooccurring"]}
    assert company["United States"] == 2 and company["Lloyd Austin"] == 1
    assert "Pentagon" not in company


def test_entity_profile_of_a_place_merges_aliases(corpus: Database) -> None:
    profile = entity_profile(corpus, "U.S.")
    assert (profile["name"], profile["type"], profile["kind"]) == ("United States", "GPE", "place")
    assert set(profile["aliases"]) == {"United States", "US", "U.S."}
    assert profile["articles"] == 2 and profile["titles"] == []


def test_quotes_by_an_organisation(corpus: Database) -> None:
    found = quotes(corpus, speaker="the Pentagon")
    assert [(q["published"], q["content"]) for q in found] == [
        ("2024-01-08", "The United States and Iraq agreed on a plan"),
        ("2024-02-03", "The U.S. will send advisers"),
        ("2024-02-03", "the talks went well"),
    ]
    assert {q["speaker"] for q in found} == {"Pentagon"}
    unlinked = quotes(corpus, speaker="the White House")
    assert [q["content"] for q in unlinked] == ["it was pleased"]
    assert [q["content"] for q in quotes(corpus, speaker="Lloyd Austin")] == ["US troops will stay"]


def test_timeline_of_an_organisation_and_a_place(corpus: Database) -> None:
    rows = timeline(corpus, "Pentagon")
    assert [(r["date"], r["kind"], r["detail"]) for r in rows] == [
        ("2024-01-08", "quote", "direct"),
        ("2024-02-03", "quote", "direct"),
        ("2024-02-03", "quote", "direct"),
        ("2024-02-03", "event", "meeting"),
    ]
    assert rows[-1]["text"] == "The Pentagon met Iraqi officials in Baghdad."
    assert [(r["kind"], r["detail"]) for r in timeline(corpus, "US")] == [("event", "agreement")]


def test_stats_count_each_kind(corpus: Database) -> None:
    numbers = stats(corpus)
    assert (numbers["people"], numbers["organisations"]) == (1, 3)
    assert (numbers["places"], numbers["groups"]) == (3, 1)  # US, Iraq, Baghdad; Iraqi


def test_a_person_found_by_surname_yields_to_a_place_of_that_name(db: Database) -> None:
    t = "George Washington slept here. Officials in Washington said so."
    store_facts(
        db,
        facts(
            t,
            name="w.txt",
            entities=(person(t, "e1", "George Washington"), thing(t, "e2", "GPE", "Washington")),
        ),
    )
    assert [(r["kind"], r["name"]) for r in find_named(db, "Washington")] == [
        ("place", "Washington"),
        ("person", "George Washington"),
    ]
    assert find_named(db, "George Washington")[0]["kind"] == "person"


# -- migrating a version 1 database -------------------------------------------------------
@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
    else:
        with postgres_url() as url:
            yield url


def _store_at_version_1(db: Database, article: ArticleFacts) -> None:
    """What a version 1 store wrote: the article, its entities, its people."""
    row = db.insert(
        "INSERT INTO articles (input, content_hash, title, published, text, body, facts,"
        " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            article.input,
            article.input,
            article.metadata.title,
            article.metadata.published,
            article.text,
            "[]",
            json.dumps(article.to_dict()),
            "2024-01-01T00:00:00+00:00",
        ),
    )
    for entity in article.entities:
        person_id = None
        if entity.type == "PERSON":
            person_id = db.insert(
                "INSERT INTO people (key, name) VALUES (?, ?) RETURNING id",
                (entity.name.casefold(), entity.name),
            )
            db.execute(
                "INSERT INTO person_aliases (person_id, alias, key) VALUES (?, ?, ?)",
                (person_id, entity.name, entity.name.casefold()),
            )
        db.execute(
            "INSERT INTO entities (article_id, local_id, type, name, key, mentions, person_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (row, entity.id, entity.type, entity.name, entity.name.casefold(), 1, person_id),
        )


def test_a_version_1_database_keeps_its_people_and_gains_identities(fresh_url: str) -> None:
    with open_database(fresh_url, migrate=False) as old:
        assert migrate(old, target=1) == [1]
        with old.transaction():
            _store_at_version_1(old, plan_article())
            _store_at_version_1(old, advisers_article())
    with open_database(fresh_url) as db:
        assert current_version(db) == latest_version(db.dialect)
        assert [(p["name"], p["articles"]) for p in find_people(db, "Lloyd Austin")] == [
            ("Lloyd Austin", 1)
        ]
        assert stats(db)["people"] == 1
        us = entity_profile(db, "US")
        assert (us["name"], us["articles"]) == ("United States", 2)
        assert {"US", "U.S.", "United States"} <= set(us["aliases"])
        assert stats(db)["organisations"] == 2  # Pentagon, IRGC
        # New articles join the identities the backfill made.
        assert store_facts(db, pleased_article()).created
        assert [r["articles"] for r in find_identities(db, "IRGC")] == [2]


def test_a_version_2_database_keeps_its_speakers(fresh_url: str) -> None:
    with open_database(fresh_url, migrate=False) as old:
        assert migrate(old, target=2) == [1, 2]
        with old.transaction():
            _store_at_version_1(old, plan_article())
            entity, person = old.rows(
                "SELECT id, person_id FROM entities WHERE person_id IS NOT NULL ORDER BY id"
            )[0].values()
            article = old.scalar("SELECT id FROM articles")
            old.execute(
                "INSERT INTO attributions (article_id, local_id, kind, speaker_entity_id,"
                " person_id, speaker_name, content, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (article, "A1", "indirect", entity, person, "Austin", "talks went well", 0.9),
            )
    with open_database(fresh_url) as db:
        assert current_version(db) == latest_version(db.dialect)
        linked = db.rows("SELECT attribution_id, entity_id FROM attribution_speakers")
        assert [r["entity_id"] for r in linked] == [entity]
