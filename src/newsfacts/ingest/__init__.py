"""Inputs → documents: files, directories, globs, stdin and http(s) URLs; text or HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import BinaryIO

from newsfacts.errors import EmptyInputError, InputError
from newsfacts.ingest.decode import declared_charset, decode_bytes, gunzip, is_gzip
from newsfacts.ingest.fetch import fetch_url
from newsfacts.ingest.html import extract_article, is_html
from newsfacts.ingest.sources import STDIN, expand_inputs, is_url, read_path, read_stream
from newsfacts.models import Metadata
from newsfacts.settings import Settings

__all__ = ["Document", "expand_inputs", "read_document"]


@dataclass(frozen=True)
class Document:
    input: str  # the spec as the user gave it (path, URL, or "-")
    text: str  # decoded text; for HTML, the extracted article text, one paragraph a line
    metadata: Metadata = field(default_factory=Metadata)
    is_html: bool = False
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()


def read_document(spec: str, settings: Settings, stdin: BinaryIO | None = None) -> Document:
    """Read one input (a file path, an http(s) URL, or ``-`` for ``stdin``).

    Raises InputError (or EmptyInputError) with a one-line message naming the input.
    """
    media_type: str | None = None
    charset: str | None = None
    url: str | None = None
    if spec == STDIN:
        name = "standard input"
        if stdin is None:
            raise InputError("no standard input to read from")
        data = read_stream(stdin, name, settings.max_bytes)
    elif is_url(spec):
        name = spec
        fetched = fetch_url(spec, settings)
        data, media_type, charset, url = (
            fetched.data,
            fetched.content_type,
            fetched.charset,
            fetched.url,
        )
    else:
        name = spec
        data = read_path(spec, settings.max_bytes)

    if is_gzip(data):
        data = gunzip(data, name, settings.max_bytes)
    if not data.strip():
        raise EmptyInputError(f"{name} is empty")

    html = is_html(spec, _sniffable(data), media_type)
    declared = charset or (declared_charset(data) if html else None)
    decoded = decode_bytes(data, name, declared)
    text = decoded.text
    metadata = Metadata()
    if html:
        text, metadata = extract_article(text, name, url)
    if len(text) > settings.max_chars:
        raise InputError(
            f"{name} is too long: {len(text):,} characters of text "
            f"(the limit is {settings.max_chars:,} characters)"
        )
    return Document(
        input=spec,
        text=text,
        metadata=metadata,
        is_html=html,
        encoding=decoded.encoding,
        warnings=decoded.warnings,
    )


def _sniffable(data: bytes) -> str:
    """The start of ``data`` as ASCII-ish text to sniff markup in, whatever the encoding.

    Byte order marks and NULs (UTF-16/32) are dropped so that '<html' shows through.
    """
    sample = data[:8192].lstrip(b"\xef\xbb\xbf\xfe\xff").replace(b"\x00", b"")
    return sample.decode("latin-1")
