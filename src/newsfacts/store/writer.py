"""Store ArticleFacts idempotently: one row per distinct text, near-duplicates linked.

Each article goes in with its own transaction, so an interrupted ingest keeps what it
committed, and running it again skips those articles by their content hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from newsfacts.models import ArticleFacts, Attribution, Entity
from newsfacts.store import minhash
from newsfacts.store.database import Database
from newsfacts.store.identities import record_identity, resolve_identity
from newsfacts.store.names import entity_key
from newsfacts.store.people import record_person, resolve_person

NEAR_DUPLICATE_THRESHOLD = 0.8


@dataclass(frozen=True)
class Stored:
    """What storing one article did."""

    article_id: int
    created: bool  # False: the same text was already stored
    near_duplicate_of: int | None = None
    similarity: float | None = None


def content_hash(text: str) -> str:
    """SHA-256 of the text, Unicode-normalised (NFC) and with whitespace runs collapsed."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def find_article(db: Database, hash_: str) -> int | None:
    """The id of the stored article with this content hash, if any."""
    found = db.scalar("SELECT id FROM articles WHERE content_hash = ?", (hash_,))
    return None if found is None else int(found)


def store_facts(
    db: Database, facts: ArticleFacts, *, threshold: float = NEAR_DUPLICATE_THRESHOLD
) -> Stored:
    """Store one article and its facts in one transaction; a known text is not stored twice."""
    hash_ = content_hash(facts.text)
    with db.transaction():
        existing = find_article(db, hash_)
        if existing is not None:
            return Stored(existing, created=False)
        sig = minhash.signature(facts.body_text() or facts.text)
        duplicate, score = _near_duplicate(db, sig, threshold) if sig is not None else (None, None)
        article = _insert_article(db, facts, hash_, sig, duplicate, score)
        if article is None:  # another writer stored the same text just now
            found = find_article(db, hash_)
            assert found is not None
            return Stored(found, created=False)
        if sig is not None:
            db.execute_many(
                "INSERT INTO minhash_bands (band, bucket, article_id) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                [(band, bucket, article) for band, bucket in minhash.band_buckets(sig)],
            )
        entities = _insert_entities(db, facts, article)
        attributions = _insert_attributions(db, facts, article, entities)
        _insert_events(db, facts, article, entities, attributions)
    return Stored(article, created=True, near_duplicate_of=duplicate, similarity=score)


def _near_duplicate(
    db: Database, sig: minhash.Signature, threshold: float
) -> tuple[int | None, float | None]:
    buckets = minhash.band_buckets(sig)
    where = " OR ".join("(b.band = ? AND b.bucket = ?)" for _ in buckets)
    params = [value for pair in buckets for value in pair]
    candidates = db.rows(
        "SELECT DISTINCT a.id, a.minhash, a.near_duplicate_of FROM minhash_bands b"
        f" JOIN articles a ON a.id = b.article_id WHERE {where}",
        params,
    )
    best: tuple[float, int] | None = None
    for row in candidates:
        score = minhash.similarity(sig, minhash.from_bytes(row["minhash"]))
        # Link to the first of the family, so a chain of copies points at one original.
        root = int(row["near_duplicate_of"] or row["id"])
        if score >= threshold and (best is None or (score, -root) > (best[0], -best[1])):
            best = (score, root)
    return (best[1], best[0]) if best else (None, None)


def _insert_article(
    db: Database,
    facts: ArticleFacts,
    hash_: str,
    sig: minhash.Signature | None,
    duplicate: int | None,
    score: float | None,
) -> int | None:
    meta = facts.metadata
    return db.insert(
        "INSERT INTO articles (input, content_hash, title, published, outlet, url, authors,"
        " language, text, body, facts, minhash, near_duplicate_of, similarity, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (content_hash) DO NOTHING RETURNING id",
        (
            facts.input,
            hash_,
            meta.title,
            meta.published,
            meta.outlet,
            meta.url,
            json.dumps(list(meta.authors), ensure_ascii=False),
            meta.language,
            facts.text,
            json.dumps([[r.start, r.end] for r in facts.body]),
            json.dumps(facts.to_dict(), ensure_ascii=False),
            minhash.to_bytes(sig) if sig is not None else None,
            duplicate,
            score,
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        ),
    )


def _insert_entities(db: Database, facts: ArticleFacts, article: int) -> dict[str, int]:
    """Entity rows of the article, by the article's own entity id."""
    ids: dict[str, int] = {}
    for entity in facts.entities:
        if entity.id in ids:
            continue
        person = resolve_person(db, entity) if entity.type == "PERSON" else None
        identity = resolve_identity(db, entity) if entity.type != "PERSON" else None
        row = db.insert(
            "INSERT INTO entities (article_id, local_id, type, name, key, titles, affiliation,"
            " mentions, first_start, person_id, identity_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                article,
                entity.id,
                entity.type,
                entity.name,
                entity_key(entity.name),
                json.dumps(list(entity.titles), ensure_ascii=False),
                entity.affiliation,
                len(entity.mentions),
                min((m.start for m in entity.mentions), default=None),
                person,
                identity,
            ),
        )
        assert row is not None
        ids[entity.id] = row
        if person is not None:
            record_person(db, person, entity, article, facts.metadata.published)
        if identity is not None:
            record_identity(db, identity, entity)
    return ids


def _insert_attributions(
    db: Database, facts: ArticleFacts, article: int, entities: dict[str, int]
) -> dict[str, int]:
    by_id = {e.id: e for e in facts.entities}
    ids: dict[str, int] = {}
    for attribution in facts.attributions:
        if attribution.id in ids:
            continue
        speaker = by_id.get(attribution.speaker) if attribution.speaker else None
        entity_row = entities.get(speaker.id) if speaker else None
        person = (
            db.scalar("SELECT person_id FROM entities WHERE id = ?", (entity_row,))
            if entity_row is not None
            else None
        )
        row = db.insert(
            "INSERT INTO attributions (article_id, local_id, kind, speaker_entity_id, person_id,"
            " speaker_name, source_text, cue_text, content, content_start, content_end, anonymous,"
            " source_description, via, confidence, published)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                article,
                attribution.id,
                attribution.kind,
                entity_row,
                person,
                _speaker_name(attribution, speaker, by_id),
                _joined(s.text for s in attribution.source),
                _joined(s.text for s in attribution.cue),
                _joined(s.text for s in attribution.content) or "",
                min((s.start for s in attribution.content), default=None),
                max((s.end for s in attribution.content), default=None),
                attribution.anonymous,
                attribution.source_description,
                attribution.via,
                attribution.confidence,
                facts.metadata.published,
            ),
        )
        assert row is not None
        ids[attribution.id] = row
        for local in dict.fromkeys(attribution.speakers):
            if local in entities:
                db.execute(
                    "INSERT INTO attribution_speakers (attribution_id, entity_id) VALUES (?, ?)",
                    (row, entities[local]),
                )
    return ids


def _insert_events(
    db: Database,
    facts: ArticleFacts,
    article: int,
    entities: dict[str, int],
    attributions: dict[str, int],
) -> None:
    seen: set[str] = set()
    for event in facts.events:
        if event.id in seen:
            continue
        seen.add(event.id)
        row = db.insert(
            "INSERT INTO events (article_id, local_id, type, trigger_text, trigger_start,"
            " trigger_end, location, date_text, date_value, attribution_id, negated, hedged)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                article,
                event.id,
                event.type,
                event.trigger.text,
                event.trigger.start,
                event.trigger.end,
                event.location.text if event.location else None,
                event.date.text if event.date else None,
                event.date.value if event.date else None,
                attributions.get(event.attribution) if event.attribution else None,
                event.negated,
                event.hedged,
            ),
        )
        db.execute_many(
            "INSERT INTO event_participants (event_id, position, text, start_offset, end_offset,"
            " entity_id) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (row, i, p.text, p.start, p.end, entities.get(p.entity) if p.entity else None)
                for i, p in enumerate(event.participants)
            ],
        )


def _speaker_name(
    attribution: Attribution, speaker: Entity | None, by_id: dict[str, Entity]
) -> str | None:
    if speaker is not None:
        return speaker.name
    source = _joined(s.text for s in attribution.source)
    members = [by_id[m].name for m in attribution.speakers if m in by_id]
    if source and members:  # a group: "The two (Antony Blinken, Wang Yi)"
        return f"{source} ({', '.join(members)})"
    described = attribution.source_description
    if source and described and not attribution.anonymous:  # "I (the writer, Ann Lee)"
        return f"{source} ({described})"
    return source or described


def _joined(parts: Iterable[str]) -> str | None:
    text = " … ".join(" ".join(p.split()) for p in parts)
    return text or None
