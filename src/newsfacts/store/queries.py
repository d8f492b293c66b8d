"""Ask the corpus who said what: search, quotes, entity profiles, timelines, sources, stats.

Every function returns plain JSON-ready rows (dicts), the same on SQLite and PostgreSQL;
only full-text search differs by dialect (FTS5 against tsvector).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Collection, Iterator
from typing import Any

from newsfacts.store.database import Database, StoreError
from newsfacts.store.migrations import current_version
from newsfacts.store.names import (
    entity_key,
    identity_key,
    is_surname,
    person_key,
    without_leading_words,
)

Row = dict[str, Any]


# -- full-text search ---------------------------------------------------------------------
_QUERY_TOKEN = re.compile(r'"([^"]*)"|(-?)([^\s"]+)')


def fts5_query(text: str) -> str:
    """A user query as FTS5 syntax: words and "phrases" all required, OR between, -word not."""
    parts: list[str] = []
    for phrase, minus, word in _QUERY_TOKEN.findall(text):
        if word == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        words = re.findall(r"\w+", phrase if phrase else word)
        if not words:
            continue
        quoted = '"' + " ".join(words) + '"'
        if minus and parts:
            parts.append(f"NOT {quoted}")
        elif not minus:
            parts.append(quoted)
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts)


def search(db: Database, query: str, *, limit: int = 20) -> list[Row]:
    """Articles matching the query (words, "phrases", OR, -word), best first, with a snippet."""
    if db.dialect == "sqlite":
        match = fts5_query(query)
        if not match:
            return []
        rows = db.rows(
            "SELECT a.id AS article_id, a.title, a.published, a.outlet, a.input,"
            " snippet(articles_fts, 1, '[', ']', ' … ', 20) AS snippet,"
            " -bm25(articles_fts, 4.0, 1.0) AS score"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY score DESC, a.id LIMIT ?",
            (match, limit),
        )
    else:
        rows = db.rows(
            "SELECT a.id AS article_id, a.title, a.published, a.outlet, a.input,"
            " ts_headline('english', a.text, q, 'StartSel=[, StopSel=], MaxWords=20,"
            " MinWords=8, MaxFragments=1') AS snippet,"
            " ts_rank(a.search, q) AS score"
            " FROM articles a, websearch_to_tsquery('english', ?) q"
            " WHERE a.search @@ q ORDER BY score DESC, a.id LIMIT ?",
            (query, limit),
        )
    for row in rows:
        row["snippet"] = " ".join(str(row["snippet"] or "").split())
        row["score"] = round(float(row["score"]), 4)
    return rows


def _about(db: Database, text: str) -> tuple[str, list[Any]]:
    """A condition on attributions ``q`` whose content matches the text."""
    if db.dialect == "sqlite":
        match = fts5_query(text)
        if not match:
            return "1 = 1", []
        return (
            "q.id IN (SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?)",
            [f"content : ({match})"],
        )
    return "q.search @@ websearch_to_tsquery('english', ?)", [text]


# -- people -------------------------------------------------------------------------------
def find_people(db: Database, name: str) -> list[Row]:
    """People the name can mean, the likeliest first.

    A full name finds the person with that key, else a known alias, else longer names
    ending with it. A bare surname finds the person of that name alone and the fuller
    names ending with it; when one of those is in at least twice as many articles as any
    other, it stands for the surname ("Trump" in 2016 news) and the rarer ones are left out.
    """
    key = person_key(name)
    if not key:
        return []
    exact = _ids(db, "SELECT id FROM people WHERE key = ?", key)
    ending = _ids(db, "SELECT id FROM people WHERE key LIKE ? ESCAPE '\\'", "% " + _like(key))
    if not is_surname(key):
        aliases = _ids(db, "SELECT DISTINCT person_id FROM person_aliases WHERE key = ?", key)
        return _people(db, exact or aliases or ending)
    fuller = _people(db, ending)
    if len(fuller) > 1 and fuller[0]["articles"] >= 2 * max(fuller[1]["articles"], 1):
        fuller = fuller[:1]
    return fuller + _people(db, exact)


def _ids(db: Database, sql: str, value: str) -> list[int]:
    return [int(next(iter(r.values()))) for r in db.rows(sql, (value,))]


def _people(db: Database, ids: list[int]) -> list[Row]:
    if not ids:
        return []
    return db.rows(
        "SELECT p.id, p.name, p.key, COUNT(DISTINCT e.article_id) AS articles"
        " FROM people p LEFT JOIN entities e ON e.person_id = p.id"
        f" WHERE p.id IN ({_marks(ids)}) GROUP BY p.id, p.name, p.key"
        " ORDER BY articles DESC, p.id",
        ids,
    )


# -- organisations, places, groups --------------------------------------------------------
def find_identities(db: Database, name: str) -> list[Row]:
    """Organisations, places and groups the name can mean: by key, else by a known alias."""
    key = identity_key(name)
    if not key:
        return []
    exact = _ids(db, "SELECT id FROM identities WHERE key = ?", key)
    aliases = _ids(db, "SELECT DISTINCT identity_id FROM identity_aliases WHERE key = ?", key)
    ids = list(dict.fromkeys(exact + aliases))
    if not ids:
        return []
    return db.rows(
        "SELECT i.id, i.kind, i.name, i.key, COUNT(DISTINCT e.article_id) AS articles"
        " FROM identities i LEFT JOIN entities e ON e.identity_id = i.id"
        f" WHERE i.id IN ({_marks(ids)}) GROUP BY i.id, i.kind, i.name, i.key"
        " ORDER BY articles DESC, i.id",
        ids,
    )


def find_named(db: Database, name: str) -> list[Row]:
    """People, organisations, places and groups the name can mean, the likeliest first.

    Each row has ``kind`` ("person", "organisation", "place", "group"). A person found by
    the full name or an alias competes with an organisation or place on article count; a
    person found only through a surname ("Washington" → George Washington) comes after a
    place or organisation of exactly that name.
    """
    people = [{**p, "kind": "person"} for p in find_people(db, name)]
    others = find_identities(db, name)
    if not others:
        return people
    key = person_key(name)
    named = set(_ids(db, "SELECT DISTINCT person_id FROM person_aliases WHERE key = ?", key))
    exact = [p for p in people if p["key"] == key or p["id"] in named]
    if not exact:
        return others + people
    rest = [p for p in people if p not in exact]
    return sorted(exact + others, key=lambda r: -int(r["articles"])) + rest


def _target(candidate: Row, table: str) -> tuple[str, list[Any]]:
    """An SQL condition on entities ``table`` for one candidate of ``find_named``."""
    column = "person_id" if candidate["kind"] == "person" else "identity_id"
    return f"{table}.{column} = ?", [candidate["id"]]


# -- quotes -------------------------------------------------------------------------------
def quotes(
    db: Database,
    *,
    speaker: str | None = None,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    anonymous: bool | None = None,
    limit: int | None = None,
) -> list[Row]:
    """Attributions with their article, date and text, oldest first.

    ``speaker`` matches the people the name can mean (see ``find_people``), or the
    organisations, places or groups (``find_named`` picks which) together with unlinked
    sources that use the name's words ("the White House said"); a name that matches nothing
    known matches the words of unlinked sources. ``about`` is a full-text query on the quoted
    content; ``since``/``until`` are inclusive ISO dates.
    """
    where: list[str] = []
    params: list[Any] = []
    if speaker is not None:
        condition, values = _spoken_by(db, speaker)
        where.append(condition)
        params.extend(values)
    if about:
        condition, values = _about(db, about)
        where.append(condition)
        params.extend(values)
    if since:
        where.append("q.published >= ?")
        params.append(check_date(since))
    if until:
        where.append("q.published <= ?")
        params.append(check_date(until))
    if anonymous is not None:
        where.append("q.anonymous = ?")
        params.append(anonymous)
    sql = (
        "SELECT q.id, a.id AS article_id, a.input, a.title, q.published, a.outlet,"
        " COALESCE(p.name, i.name, q.speaker_name) AS speaker, q.kind, q.anonymous, q.content,"
        " q.source_text AS source, q.cue_text AS cue, q.source_description, q.via, q.confidence,"
        " q.content_start, q.content_end"
        " FROM attributions q JOIN articles a ON a.id = q.article_id"
        " LEFT JOIN people p ON p.id = q.person_id"
        " LEFT JOIN entities se ON se.id = q.speaker_entity_id"
        " LEFT JOIN identities i ON i.id = se.identity_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY q.published IS NULL, q.published, a.id, q.content_start"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    rows = db.rows(sql, params)
    for row in rows:
        row["anonymous"] = bool(row["anonymous"])
    return rows


# attributions whose speaker, or one of a group's members, is an entity ``e``
_SPOKEN_BY_ENTITY = (
    "SELECT s.attribution_id FROM attribution_speakers s JOIN entities e ON e.id = s.entity_id"
)


def _spoken_by(db: Database, speaker: str) -> tuple[str, list[Any]]:
    """A condition on attributions ``q`` said by whoever SPEAKER names."""
    found = find_named(db, speaker)
    unlinked = "(q.person_id IS NULL AND se.identity_id IS NULL AND lower(q.speaker_name) LIKE ?"
    words = "%" + _like(without_leading_words(speaker.strip()).casefold()) + "%"
    members = "q.id IN (" + _SPOKEN_BY_ENTITY + " WHERE e.{column} IN ({marks}))"
    if found and found[0]["kind"] == "person":
        people = [p["id"] for p in found if p["kind"] == "person"]
        group = members.format(column="person_id", marks=_marks(people))
        return f"(q.person_id IN ({_marks(people)}) OR {group})", [*people, *people]
    if found:
        ids = [r["id"] for r in found if r["kind"] != "person"]
        group = members.format(column="identity_id", marks=_marks(ids))
        return (
            f"(se.identity_id IN ({_marks(ids)}) OR {group} OR {unlinked} ESCAPE '\\'))",
            [*ids, *ids, words],
        )
    # Nothing known by that name: match the words of unlinked sources ("a senior official").
    return f"{unlinked} ESCAPE '\\')", [words]


# -- entities -----------------------------------------------------------------------------
def entity_profile(db: Database, name: str, *, top: int = 10) -> Row:
    """Who or what NAME is across the corpus: titles over time, aliases, articles, company.

    People, organisations, places and groups are found through their cross-article
    identity (``find_named``); another entity type by its name's words.
    """
    found = find_named(db, name)
    if found:
        chosen = found[0]
        target, target_params = _target(chosen, "{t}")
        profile = _identity_profile(db, chosen)
        profile["other_matches"] = [r["name"] for r in found[1:]]
    else:
        key = entity_key(name)
        kinds = db.rows(
            "SELECT type, COUNT(*) AS n FROM entities WHERE key = ? GROUP BY type"
            " ORDER BY n DESC, type",
            (key,),
        )
        if not key or not kinds:
            raise StoreError(f"no person or entity named {name!r} in the corpus")
        kind = kinds[0]["type"]
        target, target_params = "({t}.type = ? AND {t}.key = ?)", [kind, key]
        names = db.rows(
            "SELECT name, COUNT(*) AS n FROM entities WHERE type = ? AND key = ?"
            " GROUP BY name ORDER BY n DESC, name",
            (kind, key),
        )
        profile = {
            "name": names[0]["name"],
            "type": kind,
            "kind": None,
            "person_id": None,
            "identity_id": None,
            "titles": [],
        }
        profile["aliases"] = [r["name"] for r in names]
        profile["other_matches"] = []
    on = target.format(t="e")
    summary = db.row(
        "SELECT COUNT(DISTINCT e.article_id) AS articles, MIN(a.published) AS first_seen,"
        " MAX(a.published) AS last_seen, SUM(e.mentions) AS mentions"
        f" FROM entities e JOIN articles a ON a.id = e.article_id WHERE {on}",
        target_params,
    )
    assert summary is not None
    profile.update(summary)
    profile["mentions"] = int(profile["mentions"] or 0)
    profile["quotes"] = int(
        db.scalar(
            "SELECT COUNT(*) AS n FROM attributions q WHERE q.id IN"
            f" ({_SPOKEN_BY_ENTITY} WHERE {on})",
            target_params,
        )
        or 0
    )
    if profile["person_id"]:
        other = "COALESCE(o.person_id, 0) <> ?"
    elif profile["identity_id"]:
        other = "COALESCE(o.identity_id, 0) <> ?"
    else:
        other = "NOT (o.type = ? AND o.key = ?)"
    profile["cooccurring"] = db.rows(
        "SELECT MIN(COALESCE(p.name, i.name, o.name)) AS name, MIN(o.type) AS type,"
        " COUNT(DISTINCT o.article_id) AS articles"
        " FROM entities t JOIN entities o ON o.article_id = t.article_id"
        " LEFT JOIN people p ON p.id = o.person_id"
        " LEFT JOIN identities i ON i.id = o.identity_id"
        f" WHERE {target.format(t='t')} AND {other}"
        " GROUP BY COALESCE('p' || CAST(o.person_id AS TEXT), 'i' || CAST(o.identity_id AS TEXT),"
        " o.type || ':' || o.key)"
        " ORDER BY articles DESC, name LIMIT ?",
        [*target_params, *target_params, top],
    )
    return profile


def _identity_profile(db: Database, chosen: Row) -> Row:
    """Name, type, kind, titles and aliases of a person or another identity."""
    if chosen["kind"] == "person":
        titles = db.rows(
            "SELECT title, COUNT(DISTINCT article_id) AS articles, MIN(published) AS first,"
            " MAX(published) AS last FROM person_titles WHERE person_id = ?"
            " GROUP BY title ORDER BY MIN(published) IS NULL, MIN(published), articles DESC, title",
            (chosen["id"],),
        )
        aliases = db.rows(
            "SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY alias", (chosen["id"],)
        )
        return {
            "name": chosen["name"],
            "type": "PERSON",
            "kind": "person",
            "person_id": chosen["id"],
            "identity_id": None,
            "titles": titles,
            "aliases": [r["alias"] for r in aliases],
        }
    types = db.rows(
        "SELECT type, COUNT(*) AS n FROM entities WHERE identity_id = ? GROUP BY type"
        " ORDER BY n DESC, type",
        (chosen["id"],),
    )
    aliases = db.rows(
        "SELECT alias FROM identity_aliases WHERE identity_id = ? ORDER BY alias", (chosen["id"],)
    )
    return {
        "name": chosen["name"],
        "type": types[0]["type"] if types else None,
        "kind": chosen["kind"],
        "person_id": None,
        "identity_id": chosen["id"],
        "titles": [],
        "aliases": [r["alias"] for r in aliases],
    }


def timeline(db: Database, name: str) -> list[Row]:
    """What NAME said and took part in, in date order (event dates, else publication)."""
    found = find_named(db, name)
    if found:
        target, params = _target(found[0], "e")
    else:
        key = entity_key(name)
        if not key or not db.scalar("SELECT COUNT(*) AS n FROM entities WHERE key = ?", (key,)):
            raise StoreError(f"no person or entity named {name!r} in the corpus")
        target, params = "e.key = ?", [key]
    said = db.rows(
        "SELECT q.published AS date, a.id AS article_id, a.title, 'quote' AS kind,"
        " q.kind AS detail, q.content AS text, q.content_start AS start_offset"
        " FROM attributions q JOIN articles a ON a.id = q.article_id"
        f" WHERE q.id IN ({_SPOKEN_BY_ENTITY} WHERE {target})",
        params,
    )
    done = db.rows(
        "SELECT DISTINCT COALESCE(ev.date_value, a.published) AS date, a.id AS article_id,"
        " a.title, 'event' AS kind, ev.type AS detail, ev.trigger_start AS start_offset,"
        " ev.trigger_end AS end_offset, ev.negated, ev.hedged"
        " FROM events ev JOIN articles a ON a.id = ev.article_id"
        " JOIN event_participants ep ON ep.event_id = ev.id"
        f" JOIN entities e ON e.id = ep.entity_id WHERE {target}",
        params,
    )
    texts = _article_texts(db, {r["article_id"] for r in done})
    for row in done:
        start, end = row["start_offset"], row.pop("end_offset")
        row["text"] = _sentence(texts[row["article_id"]], start, end)
        row["negated"], row["hedged"] = bool(row["negated"]), bool(row["hedged"])
    rows = said + done
    rows.sort(key=_timeline_order)
    for row in rows:
        row.pop("start_offset", None)
    return rows


def _timeline_order(row: Row) -> tuple[bool, str, int, int]:
    return (row["date"] is None, row["date"] or "", row["article_id"], row["start_offset"] or 0)


# -- sources, stats, export ---------------------------------------------------------------
# A source that is a pronoun nobody was found for: every article's "you" or "we" is
# someone else, so they are counted together, not as one source named "You".
PRONOUN_SOURCES = (
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
    "they", "them", "their", "it", "its", "this", "that", "who", "which",
)  # fmt: skip
UNRESOLVED = "(unresolved pronoun)"


def sources(db: Database, *, anonymous: bool = False, limit: int = 50) -> list[Row]:
    """Who is quoted, most often first; with ``anonymous``, only unnamed sources."""
    pronouns = ", ".join(f"'{p}'" for p in PRONOUN_SOURCES)
    named = (
        f"CASE WHEN lower(q.speaker_name) IN ({pronouns}) THEN '{UNRESOLVED}'"
        " ELSE q.speaker_name END"
    )
    label = f"COALESCE(p.name, i.name, q.source_description, {named}, '(unnamed)')"
    rows = db.rows(
        f"SELECT MIN({label}) AS source, COUNT(*) AS quotes,"
        " COUNT(DISTINCT q.article_id) AS articles, MIN(q.published) AS first,"
        " MAX(q.published) AS last FROM attributions q LEFT JOIN people p ON p.id = q.person_id"
        " LEFT JOIN entities se ON se.id = q.speaker_entity_id"
        " LEFT JOIN identities i ON i.id = se.identity_id"
        + (" WHERE q.anonymous = ?" if anonymous else "")
        + f" GROUP BY lower({label}) ORDER BY quotes DESC, source LIMIT ?",
        [True, limit] if anonymous else [limit],
    )
    return rows


# Identity kinds as ``stats`` counts them, beside "people".
IDENTITY_COUNTS = {"organisation": "organisations", "place": "places", "group": "groups"}


def stats(db: Database) -> Row:
    """Counts over the corpus: ``{"articles": N, ...}``."""
    count = {
        table: int(db.scalar(f"SELECT COUNT(*) AS n FROM {table}") or 0)
        for table in ("articles", "people", "entities", "attributions", "events")
    }
    extra = db.row(
        "SELECT COUNT(near_duplicate_of) AS near_duplicates, COUNT(DISTINCT outlet) AS outlets,"
        " MIN(published) AS first_published, MAX(published) AS last_published,"
        " COUNT(published) AS dated FROM articles"
    )
    assert extra is not None
    anonymous = db.scalar("SELECT COUNT(*) AS n FROM attributions WHERE anonymous = ?", (True,))
    kinds = {
        r["kind"]: int(r["n"])
        for r in db.rows("SELECT kind, COUNT(*) AS n FROM identities GROUP BY kind")
    }
    return {
        **count,
        **{plural: kinds.get(kind, 0) for kind, plural in IDENTITY_COUNTS.items()},
        "near_duplicates": int(extra["near_duplicates"]),
        "dated_articles": int(extra["dated"]),
        "outlets": int(extra["outlets"]),
        "anonymous_attributions": int(anonymous or 0),
        "first_published": extra["first_published"],
        "last_published": extra["last_published"],
        "backend": db.dialect,
        "schema_version": current_version(db),
    }


def export_facts(db: Database, *, batch: int = 200) -> Iterator[Row]:
    """The stored facts of every article, in ingest order (the facts JSON format)."""
    last = 0
    while True:
        rows = db.rows(
            "SELECT id, facts FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
        )
        if not rows:
            return
        for row in rows:
            yield json.loads(row["facts"])
        last = int(rows[-1]["id"])


EXPORT_TABLES: dict[str, str] = {
    "articles": "SELECT id, input, content_hash, title, published, outlet, url, authors,"
    " near_duplicate_of, similarity, ingested_at FROM articles ORDER BY id",
    "attributions": "SELECT q.article_id, q.local_id, q.published, COALESCE(p.name, i.name,"
    " q.speaker_name) AS speaker, q.kind, q.anonymous, q.content, q.source_text AS source,"
    " q.cue_text AS cue, q.source_description, q.via, q.confidence, q.content_start,"
    " q.content_end FROM attributions q LEFT JOIN people p ON p.id = q.person_id"
    " LEFT JOIN entities se ON se.id = q.speaker_entity_id"
    " LEFT JOIN identities i ON i.id = se.identity_id ORDER BY q.article_id, q.id",
    "entities": "SELECT e.article_id, e.local_id, e.type, e.name, p.name AS person,"
    " i.name AS identity, e.titles, e.affiliation, e.mentions FROM entities e"
    " LEFT JOIN people p ON p.id = e.person_id LEFT JOIN identities i ON i.id = e.identity_id"
    " ORDER BY e.article_id, e.id",
    "people": "SELECT p.id, p.name, p.key, COUNT(DISTINCT e.article_id) AS articles FROM people p"
    " LEFT JOIN entities e ON e.person_id = p.id GROUP BY p.id, p.name, p.key ORDER BY p.id",
    "identities": "SELECT i.id, i.kind, i.name, i.key, COUNT(DISTINCT e.article_id) AS articles"
    " FROM identities i LEFT JOIN entities e ON e.identity_id = i.id"
    " GROUP BY i.id, i.kind, i.name, i.key ORDER BY i.id",
}


def export_rows(db: Database, table: str) -> list[Row]:
    """One flat table for CSV: articles, attributions, entities, people or identities."""
    if table not in EXPORT_TABLES:
        raise StoreError(f"unknown table {table!r}: choose from {', '.join(EXPORT_TABLES)}")
    rows = db.rows(EXPORT_TABLES[table])
    for row in rows:
        if "anonymous" in row:
            row["anonymous"] = bool(row["anonymous"])
    return rows


# -- helpers ------------------------------------------------------------------------------
def check_date(value: str) -> str:
    """A YYYY-MM-DD date, checked."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as err:
        raise StoreError(f"dates must be YYYY-MM-DD, got {value!r}") from err


def _article_texts(db: Database, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    found = db.rows(f"SELECT id, text FROM articles WHERE id IN ({_marks(ids)})", list(ids))
    return {int(r["id"]): str(r["text"]) for r in found}


def _sentence(text: str, start: int, end: int, reach: int = 200) -> str:
    """The sentence around text[start:end], cut at ``reach`` characters each way."""
    marks = (". ", "\n", "? ", "! ")
    left = max(text.rfind(mark, max(0, start - reach), start) for mark in marks)
    left = left + 1 if left >= 0 else max(start - reach, 0)
    ends = [i for i in (text.find(mark, end, end + reach) for mark in marks) if i >= 0]
    right = min(ends) + 1 if ends else min(len(text), end + reach)
    return " ".join(text[left:right].split())


def _marks(values: Collection[Any]) -> str:
    return ", ".join("?" for _ in values)


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
