"""The corpus store on PostgreSQL.

The shared store tests in test_store.py run on PostgreSQL too, through ``postgres_url``.
Set NEWSFACTS_TEST_PG=postgresql://... to choose the server (CI does, see .ci/run); without
it a local server is tried, and these tests skip when none answers. When the variable is
set and the server cannot be reached, they fail instead of skipping.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest

from newsfacts.store import StoreError, open_database, stats
from newsfacts.store.migrations import latest_version

_FALLBACKS = ("postgresql://postgres@localhost/postgres", "postgresql:///postgres")


def _server() -> str:
    psycopg = pytest.importorskip("psycopg")
    configured = os.environ.get("NEWSFACTS_TEST_PG")
    for url in [configured] if configured else _FALLBACKS:
        try:
            psycopg.connect(url, connect_timeout=3).close()
        except psycopg.Error as err:
            if configured:
                pytest.fail(f"NEWSFACTS_TEST_PG is set but unreachable: {err}")
            continue
        return url
    pytest.skip("no PostgreSQL server (set NEWSFACTS_TEST_PG=postgresql://...)")


@contextmanager
def postgres_url() -> Iterator[str]:
    """A URL whose connections work in a fresh, private schema (dropped afterwards)."""
    import psycopg

    server = _server()
    schema = f"newsfacts_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in server else "?"
    try:
        yield f"{server}{joiner}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def test_schema_has_tsvector_columns_and_version() -> None:
    with postgres_url() as url, open_database(url) as db:
        assert db.dialect == "postgresql"
        columns = db.rows(
            "SELECT table_name, data_type FROM information_schema.columns"
            " WHERE column_name = 'search' AND table_schema = current_schema()"
        )
        assert {(c["table_name"], c["data_type"]) for c in columns} == {
            ("articles", "tsvector"),
            ("attributions", "tsvector"),
        }
        assert stats(db)["schema_version"] == latest_version("postgresql")
        assert stats(db)["backend"] == "postgresql"


def test_reopening_applies_no_migration_twice() -> None:
    with postgres_url() as url:
        open_database(url).close()
        with open_database(url) as db:
            assert db.scalar("SELECT COUNT(*) AS n FROM schema_version") == latest_version(
                "postgresql"
            )


def test_unreachable_server_is_a_store_error_without_the_password() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as caught:
        open_database("postgresql://someone:secret@127.0.0.1:1/nothing")
    assert "secret" not in str(caught.value)
    assert "cannot connect" in str(caught.value)
