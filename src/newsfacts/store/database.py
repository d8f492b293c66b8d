"""Open a corpus database by URL and talk to it in plain SQL through a thin dialect layer.

SQL in the store is written once with ``?`` placeholders; the PostgreSQL side rewrites
them to ``%s``. Both backends support ``INSERT ... RETURNING`` and ``ON CONFLICT``, so the
only real differences left are the DDL (one migration folder per dialect) and full-text
search (FTS5 against tsvector), which the query module picks by ``Database.dialect``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsfacts.errors import NewsfactsError

DEFAULT_URL = "newsfacts.db"


class StoreError(NewsfactsError):
    """The corpus database could not be opened, migrated, written or queried."""


Params = Sequence[Any]


class Database:
    """A connection to one corpus database. Use as a context manager, or call ``close``."""

    dialect: str = ""

    def __init__(self, url: str) -> None:
        self.url = url
        self._depth = 0

    # -- what each backend provides -------------------------------------------------------
    def _run(self, sql: str, params: Params) -> Any:
        raise NotImplementedError

    def _run_many(self, sql: str, seq: Iterable[Params]) -> None:
        raise NotImplementedError

    def _fetch(self, sql: str, params: Params) -> list[dict[str, Any]]:
        raise NotImplementedError

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield

    def run_script(self, sql: str) -> None:
        """Run several statements without parameters (inside the current transaction)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- the shared surface -------------------------------------------------------------
    def execute(self, sql: str, params: Params = ()) -> None:
        with self._errors():
            self._run(sql, params)

    def execute_many(self, sql: str, seq: Iterable[Params]) -> None:
        with self._errors():
            self._run_many(sql, seq)

    def rows(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        with self._errors():
            return self._fetch(sql, params)

    def row(self, sql: str, params: Params = ()) -> dict[str, Any] | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        found = self.row(sql, params)
        return None if found is None else next(iter(found.values()))

    def insert(self, sql: str, params: Params = ()) -> int | None:
        """Run an ``INSERT ... RETURNING id``; None when ON CONFLICT skipped the row."""
        found = self.row(sql, params)
        return None if found is None else int(next(iter(found.values())))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self._errors(), self._transaction():
                yield
        finally:
            self._depth = 0

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except StoreError:
            raise
        except Exception as err:
            if not _is_driver_error(err):
                raise
            raise StoreError(f"database error: {_one_line(err)}") from err

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {redact(self.url)}>"


class SQLiteDatabase(Database):
    dialect = "sqlite"

    def __init__(self, url: str, path: str) -> None:
        super().__init__(url)
        self.path = path
        if path != ":memory:":
            parent = Path(path).expanduser().parent
            if not parent.is_dir():
                raise StoreError(f"cannot open database {path}: no folder {parent}")
        try:
            # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE ... COMMIT).
            self._conn = sqlite3.connect(
                str(Path(path).expanduser()) if path != ":memory:" else path,
                isolation_level=None,
                timeout=30.0,
                check_same_thread=False,
            )
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as err:
            raise StoreError(f"cannot open database {path}: {err}") from err

    def _run(self, sql: str, params: Params) -> Any:
        return self._conn.execute(sql, tuple(params))

    def _run_many(self, sql: str, seq: Iterable[Params]) -> None:
        self._conn.executemany(sql, (tuple(p) for p in seq))

    def _fetch(self, sql: str, params: Params) -> list[dict[str, Any]]:
        return [dict(r) for r in self._conn.execute(sql, tuple(params)).fetchall()]

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:  # some errors end the transaction themselves
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def run_script(self, sql: str) -> None:
        # executescript() would COMMIT first; split into statements instead (triggers included).
        with self._errors():
            for statement in split_sqlite_statements(sql):
                self._conn.execute(statement)

    def close(self) -> None:
        self._conn.close()


class PostgresDatabase(Database):
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        super().__init__(url)
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as err:
            raise StoreError(
                "PostgreSQL needs the psycopg package: pip install 'psycopg[binary]'"
            ) from err
        try:
            self._conn = psycopg.connect(
                url, autocommit=True, row_factory=dict_row, connect_timeout=10
            )
        except psycopg.Error as err:
            raise StoreError(f"cannot connect to {redact(url)}: {_one_line(err)}") from err
        self._tx: Any = None

    def _run(self, sql: str, params: Params) -> Any:
        return self._conn.execute(_pg(sql), tuple(params))

    def _run_many(self, sql: str, seq: Iterable[Params]) -> None:
        with self._conn.cursor() as cur:
            cur.executemany(_pg(sql), [tuple(p) for p in seq])

    def _fetch(self, sql: str, params: Params) -> list[dict[str, Any]]:
        return list(self._conn.execute(_pg(sql), tuple(params)).fetchall())

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            yield

    def run_script(self, sql: str) -> None:
        with self._errors():
            self._conn.execute(sql.encode("utf-8"))  # no parameters: several statements at once

    def close(self) -> None:
        self._conn.close()


def open_database(url: str | None = None, *, migrate: bool = True) -> Database:
    """Open ``sqlite:///path.db``, a bare path, ``:memory:`` or ``postgresql://...``.

    With ``migrate`` (the default) the schema is brought up to date first.
    """
    db = _connect(url or DEFAULT_URL)
    if migrate:
        from newsfacts.store.migrations import migrate as run_migrations

        try:
            run_migrations(db)
        except BaseException:
            db.close()
            raise
    return db


def _connect(url: str) -> Database:
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresDatabase(url)
    if url.startswith("sqlite://"):
        rest = url[len("sqlite://") :]
        if rest in ("", "/", "/:memory:"):
            return SQLiteDatabase(url, ":memory:")
        if not rest.startswith("/"):
            raise StoreError(
                f"bad SQLite URL {url!r}: write sqlite:///relative.db or sqlite:////abs.db"
            )
        return SQLiteDatabase(url, rest[1:])
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", url):
        raise StoreError(
            f"unsupported database URL {redact(url)!r}: use sqlite:/// or postgresql://"
        )
    return SQLiteDatabase(url, url)


def split_sqlite_statements(sql: str) -> list[str]:
    """Split a script into complete statements (CREATE TRIGGER bodies stay whole)."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise StoreError("incomplete SQL statement at the end of a migration script")
    return statements


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def _pg(sql: str) -> str:
    # The store's SQL holds no literal '?' or '%', so the rewrite is safe.
    return sql.replace("%", "%%").replace("?", "%s")


def _is_driver_error(err: Exception) -> bool:
    if isinstance(err, sqlite3.Error):
        return True
    module = type(err).__module__
    return module.startswith("psycopg")


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())
