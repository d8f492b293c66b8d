"""Many documents from one input (JSON Lines, stdin) and URL safety (private addresses)."""

from __future__ import annotations

import gzip
import io
import ipaddress
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import QuietHandler, local_server
from newsfacts.errors import InputError
from newsfacts.ingest import Document, RecordError, addresses, fetch, iter_documents, read_document
from newsfacts.settings import Settings

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
SETTINGS = Settings()
ENGLISH = "The council met on Monday and agreed to rebuild the harbour wall before winter."


# --- JSON Lines ----------------------------------------------------------------------------


def test_jsonl_lines_become_documents_and_bad_lines_errors() -> None:
    spec = str(INPUTS / "articles.jsonl")
    found = list(iter_documents(spec, SETTINGS))
    assert [getattr(x, "input", None) for x in found] == [f"{spec}#{n}" for n in range(1, 6)]
    text_doc, html_doc = found[0], found[1]
    assert isinstance(text_doc, Document) and isinstance(html_doc, Document)
    assert text_doc.text.startswith("The mayor opened the new community centre")
    assert text_doc.metadata.authors == ("Ana Costa", "Ben Ode")
    assert text_doc.metadata.published == "2024-02-09"
    assert (text_doc.metadata.outlet, text_doc.metadata.url) == (
        "Town Crier",
        "https://example.org/a",
    )
    assert html_doc.is_html and "eight per cent" in html_doc.text and "<p>" not in html_doc.text
    assert html_doc.metadata.title == "Ferry fares rise"
    assert (html_doc.metadata.authors, html_doc.metadata.published) == (("Kim Park",), "2024-03-04")
    errors = found[2:]
    assert all(isinstance(e, RecordError) for e in errors)
    assert [str(e).split(" ")[0] for e in errors] == ["no", "a", "not"]


def test_jsonl_gz_and_oversized_line(tmp_path: Path) -> None:
    lines = (INPUTS / "articles.jsonl").read_bytes().splitlines(keepends=True)
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(lines[0] + b'{"text": "' + b"x" * 3000 + b'"}\n' + lines[0]))
    found = list(iter_documents(str(path), Settings(max_bytes=1000)))
    assert [type(x).__name__ for x in found] == ["Document", "RecordError", "Document"]
    assert "line is too large" in str(found[1]) and found[2].input == f"{path}#3"  # type: ignore[union-attr]


def test_jsonl_sniffed_on_stdin() -> None:
    stdin = io.BytesIO((INPUTS / "articles.jsonl").read_bytes())
    found = list(iter_documents("-", SETTINGS, stdin=stdin))
    assert len(found) == 5 and found[0].input == "-#1"  # type: ignore[union-attr]


def test_plain_text_and_html_stay_one_document(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ENGLISH, "utf-8")
    (doc,) = iter_documents(str(path), SETTINGS)
    assert isinstance(doc, Document) and doc.text == ENGLISH and doc.input == str(path)
    (page,) = iter_documents(str(INPUTS / "article.html"), SETTINGS)
    assert isinstance(page, Document) and page.metadata.authors == ("Maria Lopez", "Tom Becker")


def test_unopenable_input_raises(tmp_path: Path) -> None:
    for name in ("missing.jsonl", "missing.warc.gz", "missing.txt"):
        with pytest.raises(InputError, match="no such file"):
            list(iter_documents(str(tmp_path / name), SETTINGS))


# --- URL safety ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.5", "private"),
        ("169.254.169.254", "link-local"),
        ("::1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_private_kind(address: str, kind: str | None) -> None:
    assert addresses.private_kind(ipaddress.ip_address(address)) == kind


def test_every_resolved_address_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(host: str, port: int, **_: Any) -> list[tuple[Any, ...]]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    monkeypatch.setattr(addresses.socket, "getaddrinfo", fake)
    with pytest.raises(InputError, match=r"news.example resolves to private address 10.0.0.7"):
        addresses.public_address("https://news.example/story")


class _Handler(QuietHandler):
    hosts: list[str] = []  # the Host header of every request

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        port = self.server.server_address[1]
        self.hosts.append(self.headers.get("Host", ""))
        if self.path == "/relative":
            self.send(302, b"", {"Location": "/text"})
        elif self.path == "/text":
            self.send(200, ENGLISH.encode(), {"Content-Type": "text/plain"})
        elif self.path == "/to-localhost":
            self.send(302, b"", {"Location": f"http://localhost:{port}/text"})
        elif self.path == "/feed":
            feed = (INPUTS / "feed.atom").read_bytes()
            self.send(200, feed, {"Content-Type": "application/atom+xml"})
        else:
            self.send(404, b"")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(_Handler) as url:
        yield url


def test_loopback_url_refused_unless_allowed(server: str) -> None:
    with pytest.raises(InputError, match=r"refusing to fetch .*loopback address 127.0.0.1"):
        read_document(server + "/text", SETTINGS)
    with pytest.raises(InputError, match="refusing to fetch"):
        list(iter_documents(server + "/text", SETTINGS))
    assert read_document(server + "/text", SETTINGS, allow_private=True).text == ENGLISH


def test_redirect_target_is_checked_again(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[str] = []

    def only_localhost_is_private(url: str) -> addresses.IPAddress:
        checked.append(url)
        if "//localhost:" in url:
            raise InputError(f"refusing to fetch {url}: private")
        return ipaddress.ip_address("127.0.0.1")

    monkeypatch.setattr(fetch, "public_address", only_localhost_is_private)
    with pytest.raises(InputError, match="refusing to fetch http://localhost:"):
        read_document(server + "/to-localhost", SETTINGS)
    assert checked == [server + "/to-localhost", checked[1]] and "localhost" in checked[1]


def _resolver(monkeypatch: pytest.MonkeyPatch, host: str, answers: list[str]) -> list[str]:
    """getaddrinfo answering ``host`` with ``answers`` in turn (the last one from then on);
    returns the list of lookups made for it."""
    real = socket.getaddrinfo
    lookups: list[str] = []

    def fake(name: str, port: int, *args: Any, **kwargs: Any) -> list[tuple[Any, ...]]:
        if name != host:
            return real(name, port, *args, **kwargs)
        answer = answers[min(len(lookups), len(answers) - 1)]
        lookups.append(answer)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answer, port))]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return lookups


def test_a_checked_host_is_not_looked_up_again(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # DNS rebinding: public for the check, this machine for the connection that follows.
    lookups = _resolver(monkeypatch, "rebind.example", ["93.184.215.14", "127.0.0.1"])
    port = server.rsplit(":", 1)[1]
    _Handler.hosts.clear()
    with pytest.raises(InputError, match="could not fetch URL"):
        read_document(f"http://rebind.example:{port}/text", Settings(http_timeout=1.0))
    assert lookups == ["93.184.215.14"]  # the connection went to the checked address
    assert _Handler.hosts == []  # and never reached this machine


def test_the_checked_address_is_asked_for_the_host_by_name(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This machine stands in for a public server that "pinned.example" resolves to.
    monkeypatch.setattr(addresses, "private_kind", lambda address: None)
    lookups = _resolver(monkeypatch, "pinned.example", ["127.0.0.1"])
    port = server.rsplit(":", 1)[1]
    _Handler.hosts.clear()
    fetched = fetch.fetch_url(f"http://pinned.example:{port}/relative", SETTINGS)
    assert fetched.data.decode() == ENGLISH
    assert fetched.url == f"http://pinned.example:{port}/text"  # the redirect kept the name
    assert _Handler.hosts == [f"pinned.example:{port}"] * 2
    assert lookups == ["127.0.0.1"] * 2  # one check per hop, no lookup by the client


def test_feed_by_url_media_type(server: str) -> None:
    found = list(iter_documents(server + "/feed", SETTINGS, allow_private=True))
    assert [d.metadata.title for d in found if isinstance(d, Document)] == [
        "Council delays vote on new tram line",
        "Harbour festival draws record crowds",
    ]


# --- the corpus reader: every record of a many-article input is ingested ------------------


def test_corpus_ingest_reads_every_record(tmp_path: Path) -> None:
    from newsfacts.interfaces.corpus import ingest_inputs
    from newsfacts.store import open_database, stats

    path = tmp_path / "two.jsonl"
    good = {"text": ENGLISH + " " + ENGLISH.replace("Monday", "Tuesday"), "title": "Wall"}
    path.write_text(json.dumps(good) + "\n" + '{"title": "no text"}\n', "utf-8")
    with open_database(f"sqlite:///{tmp_path / 'c.db'}") as db:
        report = ingest_inputs([str(path)], db, SETTINGS)
        again = ingest_inputs([str(path)], db, SETTINGS)
        assert stats(db)["articles"] == 1
    assert report.stored == 1 and report.failed == [
        (f"{path}#2", 'no "text" or "html" field with content')
    ]
    assert again.known == 1
