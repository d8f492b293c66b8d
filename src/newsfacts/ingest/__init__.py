"""Inputs → documents: files, directories, globs, stdin and http(s) URLs; text or HTML;
JSON Lines, RSS/Atom feeds and WARC archives (many documents from one input)."""

from __future__ import annotations

from typing import BinaryIO

from newsfacts.ingest.document import Document, RecordError, document_from_bytes, load_input
from newsfacts.ingest.records import iter_documents
from newsfacts.ingest.sources import expand_inputs
from newsfacts.settings import Settings

__all__ = ["Document", "RecordError", "expand_inputs", "iter_documents", "read_document"]


def read_document(
    spec: str, settings: Settings, stdin: BinaryIO | None = None, *, allow_private: bool = False
) -> Document:
    """Read one input as one document (a file path, an http(s) URL, or ``-`` for ``stdin``).

    Feeds, JSON Lines and WARC files are not split here (see ``iter_documents``).
    Raises InputError (or EmptyInputError) with a one-line message naming the input.
    """
    loaded = load_input(spec, settings, stdin, allow_private=allow_private)
    return document_from_bytes(spec, loaded, settings)
