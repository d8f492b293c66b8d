"""The corpus store: ArticleFacts in and out of SQLite or PostgreSQL. Imports no NLP."""

from newsfacts.store.database import DEFAULT_URL, Database, StoreError, open_database
from newsfacts.store.migrations import current_version, latest_version, migrate
from newsfacts.store.queries import (
    entity_profile,
    export_facts,
    export_rows,
    find_identities,
    find_named,
    find_people,
    quotes,
    search,
    sources,
    stats,
    timeline,
)
from newsfacts.store.writer import Stored, content_hash, find_article, store_facts

__all__ = [
    "DEFAULT_URL",
    "Database",
    "StoreError",
    "Stored",
    "content_hash",
    "current_version",
    "entity_profile",
    "export_facts",
    "export_rows",
    "find_article",
    "find_identities",
    "find_named",
    "find_people",
    "latest_version",
    "migrate",
    "open_database",
    "quotes",
    "search",
    "sources",
    "stats",
    "store_facts",
    "timeline",
]
