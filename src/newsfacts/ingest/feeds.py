"""RSS and Atom feeds: each entry becomes a document, with its title, authors, date and link.

An entry's full content (``content:encoded``, Atom ``content``) is the article; without it,
its summary is. Parsing is feedparser's.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import feedparser

from newsfacts.errors import InputError
from newsfacts.ingest.document import Document, RecordError, check_length
from newsfacts.ingest.html import fragment_text
from newsfacts.ingest.metadata import clean_authors
from newsfacts.models import Metadata
from newsfacts.settings import Settings

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
FEED_MEDIA_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
)
_SNIFF = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*"
    r"<(?:rss|feed|rdf:RDF)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def is_feed(name: str, head: str, media_type: str | None = None) -> bool:
    """A feed by its media type, or by markup that starts with ``<rss``, ``<feed``, ``<rdf:RDF``.

    A ``.rss``/``.atom``/``.xml`` name alone is not enough: plenty of XML is not a feed.
    """
    if media_type in FEED_MEDIA_TYPES:
        return True
    return bool(_SNIFF.match(head[:4096]))


def feed_suffix(name: str) -> str | None:
    """'.rss', '.atom' or '.xml' when ``name`` (a path or URL, maybe gzipped) ends so."""
    path = urlsplit(name).path if "://" in name else name
    suffixes = [s.lower() for s in PurePosixPath(path).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes and suffixes[-1] in FEED_SUFFIXES else None


def iter_feed(data: bytes, spec: str, settings: Settings) -> Iterator[Document | RecordError]:
    """One document per entry; an entry without text is a RecordError."""
    parsed: Any = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = list(parsed.entries)
    if not entries:
        reason = parsed.get("bozo_exception") if parsed.get("bozo") else None
        detail = f" ({str(reason).splitlines()[0]})" if reason else ""
        raise InputError(f"{spec} is not a feed with entries{detail}")
    outlet = _clean(parsed.feed.get("title"))
    for number, entry in enumerate(entries, start=1):
        link = _clean(entry.get("link"))
        name = f"{spec}#{number}"
        try:
            text = entry_text(entry)
            if not text:
                raise InputError("the entry has no content or summary")
            check_length(text, name, settings)
        except InputError as err:
            yield RecordError(link or name, str(err))
            continue
        yield Document(input=link or name, text=text, metadata=entry_metadata(entry, outlet))


def entry_text(entry: Any) -> str:
    """The entry's full content when it has one (the longest), else its summary."""
    contents = [c for c in entry.get("content", []) if str(c.get("value", "")).strip()]
    best = max(contents, key=lambda c: len(str(c.get("value", ""))), default=None)
    if best is not None:
        return _as_text(str(best.get("value")), str(best.get("type", "")))
    detail = entry.get("summary_detail") or {}
    return _as_text(str(entry.get("summary", "")), str(detail.get("type", "text/html")))


def entry_metadata(entry: Any, outlet: str | None) -> Metadata:
    names = [str(a.get("name", "")) for a in entry.get("authors", []) if a.get("name")]
    if not names and entry.get("author"):
        names = [str(entry.get("author"))]
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return Metadata(
        title=_clean(entry.get("title")),
        authors=clean_authors(names, (outlet,) if outlet else ()),
        published=time.strftime("%Y-%m-%d", stamp) if stamp else None,
        outlet=outlet,
        url=_clean(entry.get("link")),
    )


def _as_text(value: str, media_type: str) -> str:
    if media_type.lower() in _HTML_TYPES:
        return fragment_text(value)
    return value.strip()


def _clean(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None
