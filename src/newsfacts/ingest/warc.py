"""WARC archives (``.warc``, ``.warc.gz``): each HTML response record becomes a document.

Records are read one at a time from the stream (warcio), so an archive may be far larger
than the size limit; each record's payload is bounded by it. Requests, metadata and
responses that are not HTML are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from email.utils import parsedate_to_datetime
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsfacts.errors import InputError
from newsfacts.ingest.document import Document, Loaded, RecordError, document_from_bytes, override
from newsfacts.ingest.fetch import content_type
from newsfacts.ingest.html import HTML_MEDIA_TYPES
from newsfacts.ingest.metadata import iso_date
from newsfacts.models import Metadata
from newsfacts.settings import Settings

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(name: str, head: bytes) -> bool:
    """By the file name, or a first line 'WARC/1.x' (after gunzip)."""
    return name.lower().endswith(WARC_SUFFIXES) or head.lstrip()[:6] == b"WARC/1"


def iter_warc(stream: IO[bytes], spec: str, settings: Settings) -> Iterator[Document | RecordError]:
    """One document (or RecordError) per HTML response record, in archive order."""
    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.format != "warc":
                # warcio reads anything that is not WARC as an old ARC file, leniently;
                # such a "record" means the rest of the stream is not a WARC archive.
                yield RecordError(f"{spec}#{number}", "not a WARC record; reading stopped")
                return
            if record.rec_type != "response" or record.http_headers is None:
                continue
            media, charset = content_type(record.http_headers.get_header("Content-Type"))
            if media not in HTML_MEDIA_TYPES:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or None
            name = uri or f"{spec}#{number}"
            try:
                yield _document(record, name, uri, media, charset, settings)
            except InputError as err:
                yield RecordError(name, str(err))
    except ArchiveLoadFailed as err:
        detail = str(err).strip().splitlines()[0] if str(err).strip() else "unreadable"
        yield RecordError(f"{spec}#{number + 1}", f"the archive is damaged here ({detail})")


def _document(
    record: Any, name: str, uri: str | None, media: str, charset: str | None, settings: Settings
) -> Document:
    data = record.content_stream().read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        raise InputError(f"the record is too large (the limit is {settings.max_bytes:,} bytes)")
    document = document_from_bytes(name, Loaded(name, data, media, charset, uri), settings)
    if document.metadata.published:
        return document
    # The capture date is when the page was fetched, not published: a last resort only.
    fallback = Metadata(
        published=_http_date(record.http_headers.get_header("Date"))
        or iso_date(record.rec_headers.get_header("WARC-Date"))
    )
    return replace(document, metadata=override(document.metadata, fallback))


def _http_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
