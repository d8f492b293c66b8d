"""Inputs that hold many articles: JSON Lines, RSS/Atom feeds and WARC archives.

``iter_documents`` reads any input and yields its documents one by one: one for a text or
HTML file, one per line, entry or HTML response record otherwise. A record that fails is
yielded as a RecordError, so one bad record never ends the rest of the file.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, BinaryIO, cast

from newsfacts.errors import InputError
from newsfacts.ingest.decode import is_gzip
from newsfacts.ingest.document import (
    Document,
    Loaded,
    RecordError,
    document_from_bytes,
    load_input,
    sniffable,
)
from newsfacts.ingest.feeds import feed_suffix, is_feed, iter_feed
from newsfacts.ingest.jsonl import JSONL_SUFFIXES, is_jsonl, iter_jsonl
from newsfacts.ingest.sources import STDIN, file_errors, is_url, read_path
from newsfacts.ingest.warc import WARC_SUFFIXES, is_warc, iter_warc
from newsfacts.settings import Settings


def iter_documents(
    spec: str,
    settings: Settings,
    stdin: BinaryIO | None = None,
    *,
    allow_private: bool = False,
) -> Iterator[Document | InputError]:
    """The documents of one input (a file, an http(s) URL, or ``-`` for ``stdin``).

    Raises InputError when the input cannot be opened at all; errors in single records
    are yielded (as ``RecordError``, whose ``input`` names the record).
    """
    lowered = spec.lower()
    local = spec != STDIN and not is_url(spec)
    # Archives and JSON Lines files are streamed: they may be far larger than the size limit.
    if local and lowered.endswith(WARC_SUFFIXES):
        yield from _streamed(spec, iter_warc, gz=False, settings=settings)
        return
    if local and lowered.endswith(JSONL_SUFFIXES):
        yield from _streamed(spec, iter_jsonl, gz=lowered.endswith(".gz"), settings=settings)
        return
    loaded = load_input(spec, settings, stdin, allow_private=allow_private)
    head = sniffable(loaded.data)
    if is_warc(spec, loaded.data[:64]):
        yield from iter_warc(io.BytesIO(loaded.data), spec, settings)
    elif is_feed(spec, head, loaded.media_type) or feed_suffix(spec) in (".rss", ".atom"):
        yield from iter_feed(loaded.data, spec, settings)
    elif is_jsonl(spec, head):
        yield from iter_jsonl(io.BytesIO(loaded.data), spec, settings)
    else:
        yield _single(spec, loaded, settings)


def _single(spec: str, loaded: Loaded, settings: Settings) -> Document:
    return document_from_bytes(spec, loaded, settings)


Reader = Callable[[IO[bytes], str, Settings], Iterator[Document | RecordError]]


def _streamed(
    spec: str, reader: Reader, *, gz: bool, settings: Settings
) -> Iterator[Document | InputError]:
    with _open_local(spec, gz) as stream:
        try:
            yield from reader(stream, spec, settings)
        except (OSError, EOFError, zlib.error) as err:
            # A damaged gzip stream or a failing disk ends the file: what came before stays.
            yield RecordError(spec, f"reading stopped: {err}")


def _open_local(spec: str, gz: bool) -> IO[bytes]:
    """A local file opened for streaming (gunzipped when ``gz``); InputError if it can't be."""
    if Path(spec).is_dir():
        read_path(spec, 0)  # raises the usual "is a directory" message
    with file_errors(spec):
        raw = Path(spec).open("rb")
    compressed = gz and is_gzip(raw.read(2))
    raw.seek(0)
    if compressed:
        raw.close()
        return cast(IO[bytes], gzip.open(spec, "rb"))
    return raw
