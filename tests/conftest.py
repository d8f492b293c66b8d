"""Shared test helpers: where the shared data lives, schema and offset checks, frames linked
from hand-labelled role spans."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newsfacts.extract.attribution import Frame
    from newsfacts.extract.roles import Role
    from newsfacts.models import Attribution

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
EXAMPLE = REPO / "examples" / "north-sea-grid.txt"
SEED = SHARED / "seed" / "us-iraq-roadmap.txt"
# a story with an attribution the confidence model doubts far under its cut-off, whatever
# the fit: a hearsay frame with no source ("reportedly"), rated about 0.05
DOUBTED = (
    "Its biggest donors include Ruth Kahn and Ivo Dane, shipping magnates "
    "who are backing Mayor Ann Lee.\n\n"
    "Lee reportedly told associates that she expects a deal.\n\n"
    "“We will not back down,” the mayor said on Monday.\n"
)


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {path}")
    return path


def check_facts(payload: dict[str, Any]) -> None:
    """Validate against the JSON Schema and check every span against the text."""
    from newsfacts.schema import validate

    validate(payload)
    text = payload["text"]

    def span(s: dict[str, Any]) -> None:
        assert 0 <= s["start"] <= s["end"] <= len(text), s
        if "text" in s:
            assert text[s["start"] : s["end"]] == s["text"], s

    for region in payload["body"]:
        span(region)
    for entity in payload["entities"]:
        for mention in entity["mentions"]:
            span(mention)
    ids = {e["id"] for e in payload["entities"]}
    for attribution in payload["attributions"]:
        for role in ("source", "cue", "content"):
            for piece in attribution[role]:
                span(piece)
        assert attribution["speaker"] is None or attribution["speaker"] in ids
    for time in payload["times"]:
        span(time)
    attribution_ids = {a["id"] for a in payload["attributions"]}
    for event in payload["events"]:
        span(event["trigger"])
        for participant in event["participants"]:
            span(participant)
            assert participant["entity"] is None or participant["entity"] in ids
        if event["location"]:
            span(event["location"])
        if event["date"]:
            span(event["date"])
        assert event["attribution"] is None or event["attribution"] in attribution_ids


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that answers with ``send`` and keeps the test output clean."""

    def send(self, code: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def local_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 (a free port) for the duration; yields its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def role(doc: Doc, label: str, words: str, after: int = 0) -> Role:
    """The tokens of ``words`` (first found at or after character ``after``) as a role."""
    from newsfacts.extract.roles import Role

    start = doc.text.index(words, after)
    span = doc.char_span(start, start + len(words))
    assert span is not None, words
    return Role(label, span.start, span.end)


def link(nlp: Language, text: str, labelled: list[tuple[str, str]]) -> tuple[Doc, list[Frame]]:
    """The frames linked from hand-labelled (label, words) role spans over ``text``'s parse."""
    from newsfacts.extract.quotes import find_quotes
    from newsfacts.extract.role_frames import frames_from_roles
    from newsfacts.models import Region
    from newsfacts.nlp.loader import parse_body

    doc = parse_body(nlp, text, [Region(0, len(text))])
    roles = [role(doc, label, words) for label, words in labelled]
    return doc, frames_from_roles(doc, roles, find_quotes(text))


def pieces(text: str, offsets: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in offsets]


def body_attributions(text: str) -> list[Attribution]:
    """The attributions of ``text`` parsed whole as the body (the cleaner is not under test)."""
    from newsfacts.extract.attribution import extract_attributions
    from newsfacts.extract.entities import extract_entities
    from newsfacts.models import Region
    from newsfacts.nlp.loader import load_pipeline, parse_body
    from newsfacts.settings import Settings

    settings = Settings()
    doc = parse_body(load_pipeline(settings), text, [Region(0, len(text))])
    return extract_attributions(doc, extract_entities(doc, settings), settings)
