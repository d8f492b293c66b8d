"""One input's bytes → one Document: gzip, decoding, and the HTML path when it is a page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import BinaryIO

from newsfacts.errors import EmptyInputError, InputError
from newsfacts.ingest.decode import declared_charset, decode_bytes, gunzip, is_gzip
from newsfacts.ingest.fetch import fetch_url
from newsfacts.ingest.html import extract_article, is_html
from newsfacts.ingest.sources import STDIN, is_url, read_path, read_stream
from newsfacts.models import Metadata
from newsfacts.settings import Settings


@dataclass(frozen=True)
class Document:
    input: str  # the spec as the user gave it (path, URL, or "-"); "file.jsonl#3" for a record
    text: str  # decoded text; for HTML, the extracted article text, one paragraph a line
    metadata: Metadata = field(default_factory=Metadata)
    is_html: bool = False
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()


class RecordError(InputError):
    """One record of a many-article input (a feed entry, a JSONL line, a WARC record) failed.

    ``input`` names the record ("feed.xml#2", "file.jsonl#7", or its URL); the message does not.
    """

    def __init__(self, input: str, message: str) -> None:  # noqa: A002 (as Document.input)
        super().__init__(message)
        self.input = input


@dataclass(frozen=True)
class Loaded:
    """An input's bytes, gunzipped, with what the server said about them."""

    name: str  # how messages name the input
    data: bytes
    media_type: str | None = None
    charset: str | None = None
    url: str | None = None


def load_input(
    spec: str, settings: Settings, stdin: BinaryIO | None = None, *, allow_private: bool = False
) -> Loaded:
    """The bytes of a file, an http(s) URL or ``-`` (stdin), bounded by ``max_bytes``."""
    if spec == STDIN:
        name = "standard input"
        if stdin is None:
            raise InputError("no standard input to read from")
        loaded = Loaded(name, read_stream(stdin, name, settings.max_bytes))
    elif is_url(spec):
        fetched = fetch_url(spec, settings, allow_private=allow_private)
        loaded = Loaded(spec, fetched.data, fetched.content_type, fetched.charset, fetched.url)
    else:
        loaded = Loaded(spec, read_path(spec, settings.max_bytes))
    if is_gzip(loaded.data):
        data = gunzip(loaded.data, loaded.name, settings.max_bytes)
        loaded = Loaded(loaded.name, data, loaded.media_type, loaded.charset, loaded.url)
    return loaded


def document_from_bytes(
    spec: str, loaded: Loaded, settings: Settings, metadata: Metadata | None = None
) -> Document:
    """Decode ``loaded`` (and extract the article when it is HTML) into a Document.

    ``metadata`` given by the container (a feed entry, a JSONL line) overrides the page's.
    Raises InputError (or EmptyInputError) with a one-line message naming the input.
    """
    name, data = loaded.name, loaded.data
    if is_gzip(data):
        data = gunzip(data, name, settings.max_bytes)
    if not data.strip():
        raise EmptyInputError(f"{name} is empty")
    html = is_html(spec, sniffable(data), loaded.media_type)
    declared = loaded.charset or (declared_charset(data) if html else None)
    decoded = decode_bytes(data, name, declared)
    text = decoded.text
    found = Metadata()
    if html:
        text, found = extract_article(text, name, loaded.url)
    check_length(text, name, settings)
    return Document(
        input=spec,
        text=text,
        metadata=override(found, metadata) if metadata else found,
        is_html=html,
        encoding=decoded.encoding,
        warnings=decoded.warnings,
    )


def override(found: Metadata, given: Metadata) -> Metadata:
    """``given``'s fields where it has them, ``found``'s elsewhere."""
    return Metadata(
        title=given.title or found.title,
        authors=given.authors or found.authors,
        published=given.published or found.published,
        outlet=given.outlet or found.outlet,
        url=given.url or found.url,
        language=given.language or found.language,
    )


def check_length(text: str, name: str, settings: Settings) -> None:
    if len(text) > settings.max_chars:
        raise InputError(
            f"{name} is too long: {len(text):,} characters of text "
            f"(the limit is {settings.max_chars:,} characters)"
        )


def sniffable(data: bytes) -> str:
    """The start of ``data`` as ASCII-ish text to sniff markup in, whatever the encoding.

    Byte order marks and NULs (UTF-16/32) are dropped so that '<html' shows through.
    """
    sample = data[:8192].lstrip(b"\xef\xbb\xbf\xfe\xff").replace(b"\x00", b"")
    return sample.decode("latin-1")
