"""WARC archives: HTML response records become documents; other records are skipped."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfacts.ingest import Document, RecordError, iter_documents
from newsfacts.settings import Settings

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
SETTINGS = Settings()


def test_warc_gz_html_responses_only() -> None:
    found = list(iter_documents(str(INPUTS / "crawl.warc.gz"), SETTINGS))
    assert all(isinstance(d, Document) for d in found)
    docs = [d for d in found if isinstance(d, Document)]
    assert [d.input for d in docs] == [
        "https://herald.example.org/news/2024/03/05/harbour-deal",
        "https://rail.example.org/strike",
    ]
    herald, rail = docs
    assert herald.is_html and "harbour wall" in herald.text
    assert herald.metadata.published == "2024-03-05"  # the page's own date, not the capture's
    assert herald.metadata.authors == ("Maria Lopez", "Tom Becker")
    assert rail.metadata.url == "https://rail.example.org/strike"
    assert rail.metadata.published == "2024-05-07"  # HTTP Date, the last resort
    assert "six per cent" in rail.text


def test_uncompressed_warc_and_sniffed_name(tmp_path: Path) -> None:
    raw = gzip.decompress((INPUTS / "crawl.warc.gz").read_bytes())
    (tmp_path / "crawl.warc").write_bytes(raw)
    (tmp_path / "crawl.bin").write_bytes(raw)
    for name in ("crawl.warc", "crawl.bin"):
        docs = list(iter_documents(str(tmp_path / name), SETTINGS))
        assert len(docs) == 2 and all(isinstance(d, Document) for d in docs)


def test_bad_record_does_not_end_the_archive(tmp_path: Path) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for uri, body in (
        ("https://a.example/empty", b"<html><body><nav>Home</nav></body></html>"),
        ("https://b.example/story", (INPUTS / "article.html").read_bytes()),
    ):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=http
        )
        writer.write_record(record)
    path = tmp_path / "two.warc.gz"
    path.write_bytes(out.getvalue())
    first, second = iter_documents(str(path), SETTINGS)
    assert isinstance(first, RecordError) and first.input == "https://a.example/empty"
    assert "no article text" in str(first)
    assert isinstance(second, Document) and second.input == "https://b.example/story"


def test_damaged_archive_reports_and_stops(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"hello there, this is not an archive\n" * 3)
    found = list(iter_documents(str(path), SETTINGS))
    assert len(found) == 1 and isinstance(found[0], RecordError)
    assert found[0].input == f"{path}#1" and "not a WARC record" in str(found[0])
