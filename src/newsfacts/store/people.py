"""The cross-article identity of people: one row per person, aliases and titles over time.

A PERSON entity joins the person with the same normalised key. A bare surname ("Trump",
"al-Sudani") joins the person whose key ends with it when that person is the only one,
or is named in at least twice as many articles as the next; when a fuller name arrives
later, a bare-surname person that only it can be is merged into it. Otherwise a bare
surname stays a person of its own: guessing wrong would merge two people for good.
"""

from __future__ import annotations

from newsfacts.models import Entity
from newsfacts.store.database import Database
from newsfacts.store.names import is_surname, name_tokens, person_key


def resolve_person(db: Database, entity: Entity) -> int | None:
    """The person id for a PERSON entity (created when new); None when it has no name."""
    key = person_key(entity.name)
    if not key:
        return None
    found = db.scalar("SELECT id FROM people WHERE key = ?", (key,))
    if found is not None:
        return int(found)
    if is_surname(key):
        found = _dominant(db, key)
        if found is not None:
            return found
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


def _dominant(db: Database, surname: str) -> int | None:
    rows = db.rows(
        "SELECT p.id, COUNT(DISTINCT e.article_id) AS articles FROM people p"
        " LEFT JOIN entities e ON e.person_id = p.id WHERE p.key LIKE ? ESCAPE '\\'"
        " GROUP BY p.id ORDER BY articles DESC, p.id",
        ("% " + _like(surname),),
    )
    if len(rows) == 1 or (len(rows) > 1 and rows[0]["articles"] >= 2 * max(rows[1]["articles"], 1)):
        return int(rows[0]["id"])
    return None


def _people_ending_with(db: Database, key: str) -> list[int]:
    rows = db.rows("SELECT id FROM people WHERE key LIKE ? ESCAPE '\\'", ("% " + _like(key),))
    return [int(r["id"]) for r in rows]


def _absorb_shorter(db: Database, person: int, key: str) -> None:
    words = key.split()
    for start in range(1, len(words)):
        shorter = " ".join(words[start:])
        if not is_surname(shorter):
            continue
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
