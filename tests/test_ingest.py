"""Reading inputs: specs, files, stdin, URLs (a real local server), decoding, HTML, limits."""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import QuietHandler, local_server
from newsfacts.errors import EmptyInputError, InputError
from newsfacts.ingest import Document, expand_inputs, read_document
from newsfacts.ingest.html import split_authors
from newsfacts.settings import Settings

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
ENGLISH = (
    "The city council met on Tuesday to discuss the new budget for the coming year. "
    "Officials said the plan would pay for repairs to roads and bridges across the region.\n"
)
SETTINGS = Settings()


def read(path: Path | str, settings: Settings = SETTINGS) -> Document:
    return read_document(str(path), settings)


# --- expand_inputs -------------------------------------------------------------------------


def test_expand_keeps_files_stdin_and_urls(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text(ENGLISH)
    specs = [str(file), "-", "https://example.org/news", "http://example.org/x"]
    assert expand_inputs(specs) == specs


def test_expand_directory_recursive_sorted_without_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ["z.txt", "b/a.txt", "a.html", ".hidden.txt", ".git/config"]:
        (tmp_path / rel).write_text(ENGLISH)
    got = expand_inputs([str(tmp_path)])
    assert got == [str(tmp_path / p) for p in ["a.html", "b/a.txt", "z.txt"]]


def test_expand_glob_sorted(tmp_path: Path) -> None:
    for name in ["c.txt", "a.txt", "b.html"]:
        (tmp_path / name).write_text(ENGLISH)
    assert expand_inputs([str(tmp_path / "*.txt")]) == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "c.txt"),
    ]


@pytest.mark.parametrize("spec", ["nope.txt", "nothing-here/*.txt"])
def test_expand_missing_raises(tmp_path: Path, spec: str) -> None:
    with pytest.raises(InputError, match="no such file: .*" + spec.split("/")[0]):
        expand_inputs([str(tmp_path / spec)])


def test_expand_empty_directory_and_other_scheme(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no files in directory"):
        expand_inputs([str(tmp_path)])
    with pytest.raises(InputError, match="unsupported URL scheme 'ftp'"):
        expand_inputs(["ftp://example.org/a.txt"])


# --- decoding ------------------------------------------------------------------------------


def test_utf8_is_read_without_warnings(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Zürich said “yes”.\r\n".encode() + ENGLISH.encode())
    doc = read(path)
    assert doc.text.startswith("Zürich said “yes”.\r\n")  # the text exactly as given
    assert (doc.encoding, doc.warnings, doc.is_html, doc.input) == ("utf-8", (), False, str(path))


def test_latin1_is_decoded_with_a_warning() -> None:
    doc = read(INPUTS / "latin1.txt")
    assert "Café" in doc.text and "théâtre" in doc.text
    assert doc.encoding in ("windows-1252", "iso-8859-1")
    assert doc.warnings == (f"decoded as {doc.encoding} (not UTF-8)",)


def test_windows1252_quotes_and_euro() -> None:
    doc = read(INPUTS / "windows1252.txt")
    assert "“We will not give up.”" in doc.text and "It’s a €5 million plan – the" in doc.text
    assert doc.encoding == "windows-1252"
    assert "windows-1252" in doc.warnings[0]


def test_utf8_with_a_stray_byte_keeps_its_curly_quotes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    quoted = "“The plan works,” said the minister’s aide. " * 3
    path.write_bytes(quoted.encode() + b"The caf\xe9 closed. " + ENGLISH.encode())
    doc = read(path)
    assert doc.text == quoted + "The café closed. " + ENGLISH
    assert doc.encoding == "utf-8"
    assert doc.warnings == ("decoded as UTF-8; 1 byte that is not UTF-8 read as windows-1252",)


def test_stray_bytes_outnumbering_utf8_are_windows1252(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    legacy = "Café, théâtre and naïve prose. ".encode("cp1252")
    path.write_bytes(legacy + "“Yes.” ".encode() + ENGLISH.encode())
    doc = read(path)
    # The two quote marks' bytes read as windows-1252, its unassigned 0x9D as a C1 control.
    assert doc.text.startswith("Café, théâtre and naïve prose. â€œYes.â€\x9d The city")
    assert doc.encoding == "windows-1252"
    assert doc.warnings == ("decoded as windows-1252 (not UTF-8)",)


@pytest.mark.parametrize(
    ("name", "encoding", "start"),
    [("utf16_bom.txt", "utf-16-le", "Zürich officials"), ("utf8_bom.txt", "utf-8", "The city")],
)
def test_byte_order_marks(name: str, encoding: str, start: str) -> None:
    doc = read(INPUTS / name)
    assert doc.text.startswith(start)  # the mark itself is not part of the text
    assert doc.encoding == encoding and doc.warnings == ()


@pytest.mark.parametrize("codec", ["utf-16-be", "utf-32-le"])
def test_other_unicode_byte_order_marks(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(("\ufeff" + ENGLISH).encode(codec))
    doc = read(path)
    assert doc.text == ENGLISH and doc.encoding == codec


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ENGLISH.encode("utf-16-le"))
    doc = read(path)
    assert doc.text == ENGLISH
    assert doc.warnings == ("decoded as utf-16-le (no byte order mark)",)


def test_png_is_refused_as_binary() -> None:
    with pytest.raises(InputError, match=r"image.png looks like a binary file \(PNG image\), not"):
        read(INPUTS / "image.png")


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01\x02\x03" * 20, "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(100), "ZIP archive"),
        (b"plain start \x00 then NULs" * 10, "NUL bytes"),
        (bytes(range(1, 32)) * 10, "control bytes"),
    ],
)
def test_binary_data_is_refused(tmp_path: Path, data: bytes, why: str) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="looks like a binary file .*" + why):
        read(path)


def test_text_starting_like_a_magic_number_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("BMW shares rose. MZ said so. " + ENGLISH)
    assert read(path).text.startswith("BMW shares rose.")


def test_undecodable_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xff\xfe\x00\xd8" + "broken surrogate".encode("utf-16-le"))
    with pytest.raises(InputError, match="not valid utf-16-le"):
        read(path)


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyInputError, match="empty.txt is empty"):
        read(path)


# --- limits and local errors ---------------------------------------------------------------


def test_file_over_max_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 150)
    with pytest.raises(InputError, match=r"big.txt is too large: 150 bytes \(the limit is 100"):
        read(path, replace(SETTINGS, max_bytes=100))
    assert read(path, replace(SETTINGS, max_bytes=150)).text == "x" * 150


def test_text_over_max_chars_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("é" * 60)  # 120 bytes, 60 characters
    with pytest.raises(InputError, match=r"too long: 60 characters .*limit is 50 characters"):
        read(path, replace(SETTINGS, max_chars=50))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file: .*missing.txt"):
        read(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ENGLISH)
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read(path)


# --- stdin ---------------------------------------------------------------------------------


def test_stdin_is_read_and_limited() -> None:
    doc = read_document("-", SETTINGS, stdin=io.BytesIO(ENGLISH.encode()))
    assert (doc.input, doc.text) == ("-", ENGLISH)
    small = replace(SETTINGS, max_bytes=10)
    with pytest.raises(InputError, match="standard input is too large: more than 10 bytes"):
        read_document("-", small, stdin=io.BytesIO(ENGLISH.encode()))
    with pytest.raises(InputError, match="no standard input"):
        read_document("-", SETTINGS)


def test_stdin_reads_no_more_than_the_limit_plus_one() -> None:
    stream = io.BytesIO(b"y" * 10_000)
    with pytest.raises(InputError):
        read_document("-", replace(SETTINGS, max_bytes=100), stdin=stream)
    assert stream.tell() == 101


# --- HTML ----------------------------------------------------------------------------------


def test_html_article_text_and_metadata() -> None:
    doc = read(INPUTS / "article.html")
    assert doc.is_html and doc.encoding == "utf-8"
    assert "agreed on Monday to share the cost" in doc.text
    assert "“This is a fair result for everyone who works on the water,”" in doc.text
    for litter in ("Sign in", "Most read", "All rights reserved", "Privacy policy"):
        assert litter not in doc.text
    meta = doc.metadata
    assert meta.title == "Harbour deal agreed after long talks"
    assert meta.authors == ("Maria Lopez", "Tom Becker")
    assert meta.published == "2024-03-05"
    assert meta.outlet == "The Coastal Herald"
    assert meta.url == "https://herald.example.org/news/2024/03/05/harbour-deal"
    assert meta.language == "en"


def test_html_without_article_is_empty() -> None:
    with pytest.raises(EmptyInputError, match="no article text found in .*no_article.html"):
        read(INPUTS / "no_article.html")


def test_html_sniffed_declared_charset_and_gzipped(tmp_path: Path) -> None:
    page = (INPUTS / "article.html").read_text("utf-8").replace('charset="utf-8"', "")
    page = page.replace("<meta property", '<meta charset="windows-1252"><meta property', 1)
    data = page.encode("cp1252")
    (tmp_path / "page.txt").write_bytes(data)
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(data))
    for name in ("page.txt", "page.html.gz"):
        doc = read(tmp_path / name)
        assert doc.is_html and doc.encoding == "windows-1252"
        assert "the estimated €12 million bill" in doc.text
        assert doc.metadata.authors == ("Maria Lopez", "Tom Becker")


def test_gzip_bomb_is_limited(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5000))
    with pytest.raises(InputError, match="more than 1,000 bytes once decompressed"):
        read(path, replace(SETTINGS, max_bytes=1000))


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Jane Smith; John Doe", ("Jane Smith", "John Doe")),
        ("By Jane Smith and John Doe, Reuters", ("Jane Smith", "John Doe", "Reuters")),
        ("Ann Lee & Ann Lee", ("Ann Lee",)),
        (None, ()),
    ],
)
def test_split_authors(value: str | None, names: tuple[str, ...]) -> None:
    assert split_authors(value) == names


# --- URLs, against a real server on 127.0.0.1 ----------------------------------------------

ARTICLE = (INPUTS / "article.html").read_bytes()


class _Handler(QuietHandler):
    agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        self.agents.append(self.headers.get("User-Agent", ""))
        routes = {
            "/text": (200, "text/plain; charset=utf-8", ENGLISH.encode()),
            "/latin": (
                200,
                "text/plain; charset=iso-8859-1",
                ("Café. " + ENGLISH).encode("cp1252"),
            ),
            "/article": (200, "text/html", ARTICLE),
            "/article-no-type": (200, "application/octet-stream", ARTICLE),
            "/big": (200, "text/plain", b"z" * 5000),
        }
        if self.path == "/redirect":
            self._send(302, "text/plain", b"", {"Location": "/text"})
        elif self.path.startswith("/loop"):
            self._send(302, "text/plain", b"", {"Location": self.path + "x"})
        elif self.path == "/stream-big":
            # No Content-Length: the client must stop reading at the limit by itself.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"w" * 1000)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path in routes:
            self._send(*routes[self.path])
        else:
            self._send(404, "text/plain", b"not here")

    def _send(
        self, code: int, ctype: str, body: bytes, headers: dict[str, str] | None = None
    ) -> None:
        self.send(code, body, {"Content-Type": ctype, **(headers or {})})


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(_Handler) as url:
        yield url


def test_url_text(server: str) -> None:
    doc = read_document(server + "/text", SETTINGS, allow_private=True)
    assert (doc.text, doc.is_html, doc.input) == (ENGLISH, False, server + "/text")
    assert _Handler.agents[-1] == SETTINGS.user_agent


def test_url_declared_charset(server: str) -> None:
    doc = read_document(server + "/latin", SETTINGS, allow_private=True)
    assert doc.text.startswith("Café. ") and doc.encoding == "windows-1252"


@pytest.mark.parametrize("path", ["/article", "/article-no-type"])
def test_url_html(server: str, path: str) -> None:
    doc = read_document(server + path, SETTINGS, allow_private=True)
    assert doc.is_html and "harbour wall" in doc.text
    assert doc.metadata.title == "Harbour deal agreed after long talks"
    assert doc.metadata.published == "2024-03-05"


def test_url_404(server: str) -> None:
    with pytest.raises(InputError, match=r"could not fetch URL: 404 Not Found \(http"):
        read_document(server + "/nothing", SETTINGS, allow_private=True)


def test_url_redirects(server: str) -> None:
    assert read_document(server + "/redirect", SETTINGS, allow_private=True).text == ENGLISH
    with pytest.raises(InputError, match="could not fetch URL: more than 5 redirects"):
        read_document(server + "/loop", SETTINGS, allow_private=True)


@pytest.mark.parametrize(("path", "size"), [("/big", "5,000 bytes"), ("/stream-big", "more than")])
def test_url_over_max_bytes(server: str, path: str, size: str) -> None:
    with pytest.raises(InputError, match=f"is too large: {size}.*limit is 1,000 bytes"):
        read_document(server + path, replace(SETTINGS, max_bytes=1000), allow_private=True)


def test_url_unreachable() -> None:
    settings = replace(SETTINGS, http_timeout=2.0)
    with pytest.raises(InputError, match="could not fetch URL: .*127.0.0.1:9/"):
        read_document("http://127.0.0.1:9/", settings, allow_private=True)
