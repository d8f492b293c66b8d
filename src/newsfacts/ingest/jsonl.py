"""JSON Lines inputs: one article a line, as ``{"text": ...}`` or ``{"html": ...}``.

Optional fields: ``title``, ``authors`` (a list or a string) or ``author``, ``published`` or
``date``, ``url``, ``outlet``. Each line is its own document, named ``file.jsonl#LINE``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

from newsfacts.errors import InputError
from newsfacts.ingest.document import (
    Document,
    Loaded,
    RecordError,
    check_length,
    document_from_bytes,
)
from newsfacts.ingest.html import split_authors
from newsfacts.ingest.metadata import iso_date
from newsfacts.models import Metadata
from newsfacts.settings import Settings

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_JSON_OBJECT = re.compile(r"\A\s*\{")


def is_jsonl(name: str, head: str) -> bool:
    """By the file name, or a first line that is a JSON object with ``text`` or ``html``."""
    if name.lower().endswith(JSONL_SUFFIXES):
        return True
    first = head.lstrip().split("\n", 1)[0]
    if not _JSON_OBJECT.match(first) or "\n" not in head.lstrip():
        return False
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and ("text" in record or "html" in record)


def iter_jsonl(
    stream: IO[bytes], spec: str, settings: Settings
) -> Iterator[Document | RecordError]:
    """One document (or one RecordError) per non-blank line of ``stream``."""
    number = 0
    while True:
        line = stream.readline(settings.max_bytes + 1)
        if not line:
            return
        number += 1
        name = f"{spec}#{number}"
        if len(line) > settings.max_bytes and not line.endswith(b"\n"):
            _skip_line(stream, settings.max_bytes)
            yield RecordError(
                name, f"line is too large (the limit is {settings.max_bytes:,} bytes)"
            )
            continue
        if not line.strip():
            continue
        try:
            yield record_document(line, name, settings)
        except InputError as err:
            yield RecordError(name, str(err))


def record_document(line: bytes, name: str, settings: Settings) -> Document:
    """The document one JSON line describes. Raises InputError."""
    try:
        record = json.loads(line)
    except ValueError as err:
        raise InputError(f"not valid JSON ({err})") from None
    if not isinstance(record, dict):
        raise InputError("a line must be a JSON object")
    metadata = record_metadata(record)
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and html.strip():
        loaded = Loaded(name, html.encode("utf-8"), "text/html", "utf-8", metadata.url)
        return document_from_bytes(name, loaded, settings, metadata)
    if isinstance(text, str) and text.strip():
        check_length(text, name, settings)
        return Document(input=name, text=text, metadata=metadata)
    raise InputError('no "text" or "html" field with content')


def record_metadata(record: dict[str, Any]) -> Metadata:
    authors = record.get("authors", record.get("author"))
    if isinstance(authors, list):
        names = tuple(str(a).strip() for a in authors if str(a).strip())
    else:
        names = split_authors(authors) if isinstance(authors, str) else ()
    published = record.get("published") or record.get("date")
    return Metadata(
        title=_string(record.get("title")),
        authors=names,
        published=iso_date(published) if isinstance(published, str) else None,
        outlet=_string(record.get("outlet")),
        url=_string(record.get("url")),
    )


def _string(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _skip_line(stream: IO[bytes], chunk: int) -> None:
    while True:
        rest = stream.readline(chunk)
        if not rest or rest.endswith(b"\n"):
            return
