"""The cross-article identity of organisations, places and groups (people: ``people.py``).

Why one ``identities`` table with a ``kind`` column beside ``people``, rather than folding
people into it: a person's identity has rules of its own (a bare surname joins the dominant
full name, shorter names are merged into fuller ones, titles are dated by article), while
organisations, places (GPE, LOC, FAC) and groups (NORP) share all of theirs. And databases at
schema version 1 point four tables at ``people(id)``; SQLite cannot repoint those foreign keys
without rebuilding every one of those tables, so migration 002 adds beside instead of rewriting.

An entity joins the identity of its kind with the same key (``names.identity_key``: "the
U.S." = "US" = "United States"), else the one that already goes by one of its names ("Islamic
Revolutionary Guard Corps", also called "IRGC", joins the "IRGC" of an earlier article).
Otherwise it starts one.
Aliases are the mention texts that are names ("it" and "the agency" are not); the name with the
most words (a leading "the" not counted) is the identity's display name, as within an article.
"""

from __future__ import annotations

import json

from newsfacts.models import ArticleFacts, Entity
from newsfacts.store.database import Database
from newsfacts.store.names import (
    identity_key,
    identity_kinds,
    is_proper_name,
    without_leading_words,
)


def identity_kind(entity_type: str) -> str | None:
    """organisation, place or group for the entity types that have one; None otherwise."""
    return identity_kinds().get(entity_type)


def aliases(entity: Entity) -> list[str]:
    """The names the entity goes by in its article, whitespace collapsed, sorted."""
    names = {" ".join(n.split()) for n in (entity.name, *(m.text for m in entity.mentions))}
    return sorted(n for n in names if n and is_proper_name(n) and identity_key(n))


def display_name(name: str) -> str:
    """How an identity is shown: "the Pentagon" → "Pentagon", whitespace collapsed."""
    return without_leading_words(" ".join(name.split()))


def resolve_identity(db: Database, entity: Entity) -> int | None:
    """The identity id for an organisation, place or group (created when new)."""
    kind = identity_kind(entity.type)
    key = identity_key(entity.name)
    if kind is None or not key:
        return None
    found = db.scalar("SELECT id FROM identities WHERE kind = ? AND key = ?", (kind, key))
    if found is None:
        keys = sorted({key, *(identity_key(a) for a in aliases(entity))})
        marks = ", ".join("?" for _ in keys)
        found = db.scalar(
            f"SELECT id FROM identities WHERE kind = ? AND (key IN ({marks}) OR id IN"
            f" (SELECT identity_id FROM identity_aliases WHERE key IN ({marks})))"
            " ORDER BY id LIMIT 1",
            (kind, *keys, *keys),
        )
    if found is None:
        created = db.insert(
            "INSERT INTO identities (kind, key, name) VALUES (?, ?, ?) RETURNING id",
            (kind, key, display_name(entity.name)),
        )
        assert created is not None
        return created
    return int(found)


def record_identity(db: Database, identity: int, entity: Entity) -> None:
    """Keep the entity's names as aliases; a name with more words becomes the display name."""
    names = aliases(entity)
    db.execute_many(
        "INSERT INTO identity_aliases (identity_id, alias, key) VALUES (?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        [(identity, name, identity_key(name)) for name in names],
    )
    current = str(db.scalar("SELECT name FROM identities WHERE id = ?", (identity,)) or "")
    fuller = display_name(entity.name)
    if len(fuller.split()) > len(current.split()) and is_proper_name(fuller):
        db.execute("UPDATE identities SET name = ? WHERE id = ?", (fuller, identity))


def backfill_identities(db: Database, *, batch: int = 200) -> int:
    """Give the stored entities of every article their identity; returns how many were linked.

    Run by migration 002 for databases that stored articles before identities existed:
    the aliases come from the mention texts kept in each article's facts.
    """
    types = sorted(identity_kinds())
    marks = ", ".join("?" for _ in types)
    linked = 0
    last = 0
    while True:
        articles = db.rows(
            "SELECT id, facts FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
        )
        if not articles:
            return linked
        for article in articles:
            facts = ArticleFacts.from_dict(json.loads(article["facts"]))
            by_local = {e.id: e for e in facts.entities}
            rows = db.rows(
                "SELECT id, local_id FROM entities WHERE article_id = ? AND identity_id IS NULL"
                f" AND type IN ({marks}) ORDER BY id",
                (article["id"], *types),
            )
            for row in rows:
                entity = by_local.get(row["local_id"])
                identity = resolve_identity(db, entity) if entity is not None else None
                if entity is None or identity is None:
                    continue
                record_identity(db, identity, entity)
                db.execute(
                    "UPDATE entities SET identity_id = ? WHERE id = ?", (identity, row["id"])
                )
                linked += 1
        last = int(articles[-1]["id"])
