"""Versioned schema migrations: ``data/migrations/<dialect>/NNN_name.sql``, applied in order.

The ``schema_version`` table records each applied version. Every migration runs in its
own transaction, so a failed one leaves the database at the previous version. A migration
that needs more than SQL (reading the stored facts to fill a new table) names a Python step
in ``_AFTER``, run in the same transaction right after its script.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsfacts.store.database import Database, StoreError
from newsfacts.store.identities import backfill_identities

_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def migrations(dialect: str) -> tuple[Migration, ...]:
    """The migrations shipped for ``dialect``, oldest first."""
    folder = resources.files("newsfacts.data").joinpath("migrations").joinpath(dialect)
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise StoreError(f"duplicate migration versions for {dialect}: {versions}")
    return tuple(found)


def latest_version(dialect: str) -> int:
    shipped = migrations(dialect)
    return shipped[-1].version if shipped else 0


def current_version(db: Database) -> int:
    """The highest applied version (0 for a new database)."""
    _ensure_version_table(db)
    return int(db.scalar("SELECT COALESCE(MAX(version), 0) AS v FROM schema_version") or 0)


def _backfill(db: Database) -> None:
    backfill_identities(db)


# Python steps run right after a migration's SQL, in its transaction, by version.
_AFTER: dict[int, Callable[[Database], None]] = {2: _backfill}


def migrate(db: Database, *, target: int | None = None) -> list[int]:
    """Apply every pending migration (up to ``target``); returns the versions applied now."""
    applied: list[int] = []
    if current_version(db) == latest_version(db.dialect):
        return applied
    for migration in migrations(db.dialect):
        if target is not None and migration.version > target:
            break
        with db.transaction():
            _lock(db)
            version = current_version(db)  # again, under the lock: another process may have won
            if migration.version <= version:
                continue
            db.run_script(migration.sql)
            step = _AFTER.get(migration.version)
            if step is not None:
                step(db)
            db.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, _now()),
            )
            applied.append(migration.version)
    version = current_version(db)
    if version > latest_version(db.dialect):
        raise StoreError(
            f"the database schema is version {version}, newer than this newsfacts knows "
            f"({latest_version(db.dialect)}): upgrade newsfacts"
        )
    return applied


def _ensure_version_table(db: Database) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )


def _lock(db: Database) -> None:
    if db.dialect == "postgresql":
        # SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL needs a lock.
        db.execute("SELECT pg_advisory_xact_lock(7468413245)")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
