"""The cross-article identity of people: one row per person, aliases and titles over time.

A PERSON entity joins the person with the same normalised key. A shorter name ("Trump",
"al-Sudani") joins the one person whose key ends with it; when a fuller name arrives
later, a shorter person that only it can be is merged into it. Two people sharing a
surname keep a bare surname apart, on purpose.
"""

from __future__ import annotations

from newsfacts.models import Entity
from newsfacts.store.database import Database
from newsfacts.store.names import name_tokens, person_key


def resolve_person(db: Database, entity: Entity) -> int | None:
    """The person id for a PERSON entity (created when new); None when it has no name."""
    key = person_key(entity.name)
    if not key:
        return None
    found = db.scalar("SELECT id FROM people WHERE key = ?", (key,))
    if found is not None:
        return int(found)
    longer = _people_ending_with(db, key)
    if len(longer) == 1:
        return longer[0]
    person = db.insert(
        "INSERT INTO people (key, name) VALUES (?, ?) RETURNING id", (key, entity.name)
    )
    assert person is not None
    _absorb_shorter(db, person, key)
    return person


def record_person(
    db: Database, person: int, entity: Entity, article: int, published: str | None
) -> None:
    """Aliases (the names it went by here) and titles (dated by the article)."""
    key_words = set(person_key(entity.name).split())
    names = {entity.name, *(m.text for m in entity.mentions)}
    aliases = []
    for name in sorted(names):
        clean = " ".join(name.split())
        # Pronouns and descriptions ("he", "the minister") are mentions but not aliases.
        if clean and key_words & set(name_tokens(clean)):
            aliases.append((person, clean, person_key(clean)))
    db.execute_many(
        "INSERT INTO person_aliases (person_id, alias, key) VALUES (?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        aliases,
    )
    db.execute_many(
        "INSERT INTO person_titles (person_id, title, article_id, published) VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        [(person, title, article, published) for title in dict.fromkeys(entity.titles)],
    )


def _people_ending_with(db: Database, key: str) -> list[int]:
    rows = db.rows("SELECT id FROM people WHERE key LIKE ? ESCAPE '\\'", ("% " + _like(key),))
    return [int(r["id"]) for r in rows]


def _absorb_shorter(db: Database, person: int, key: str) -> None:
    words = key.split()
    for start in range(1, len(words)):
        shorter = " ".join(words[start:])
        other = db.scalar("SELECT id FROM people WHERE key = ?", (shorter,))
        if other is None or _people_ending_with(db, shorter) != [person]:
            continue
        merge_people(db, keep=person, drop=int(other))


def merge_people(db: Database, keep: int, drop: int) -> None:
    """Move everything of person ``drop`` onto ``keep`` and delete ``drop``."""
    for table in ("entities", "attributions"):
        db.execute(f"UPDATE {table} SET person_id = ? WHERE person_id = ?", (keep, drop))
    copied = (("person_aliases", "alias, key"), ("person_titles", "title, article_id, published"))
    for table, columns in copied:
        db.execute(
            f"INSERT INTO {table} (person_id, {columns}) SELECT ?, {columns} FROM {table}"
            " WHERE person_id = ? ON CONFLICT DO NOTHING",
            (keep, drop),
        )
    db.execute("DELETE FROM people WHERE id = ?", (drop,))


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
