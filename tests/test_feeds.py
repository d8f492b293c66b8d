"""RSS and Atom feeds: one document per entry, with the entry's metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.errors import InputError
from newsfacts.ingest import Document, RecordError, iter_documents
from newsfacts.ingest.feeds import is_feed
from newsfacts.settings import Settings

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
SETTINGS = Settings()


def documents(path: Path) -> list[Document]:
    found = list(iter_documents(str(path), SETTINGS))
    assert all(isinstance(d, Document) for d in found), found
    return [d for d in found if isinstance(d, Document)]


def test_rss_entries_with_full_content_and_summary() -> None:
    docs = documents(INPUTS / "feed.rss")
    assert [d.input for d in docs] == [
        "https://courier.example.com/2024/05/02/bridge-reopens",
        "https://courier.example.com/2024/05/01/school-budget",
        "https://courier.example.com/2024/04/30/library-hours",
    ]
    first = docs[0]
    # content:encoded, one paragraph a line, the script gone; not the short description.
    assert first.text.splitlines()[0].startswith("The old river bridge reopened")
    assert "track()" not in first.text and len(first.text.splitlines()) == 3
    assert first.metadata.title == "Bridge reopens after repairs"
    assert first.metadata.authors == ("Priya Natarajan",)
    assert first.metadata.published == "2024-05-02"
    assert first.metadata.outlet == "The Valley Courier"
    assert docs[1].metadata.authors == ("Helen Ward",)
    assert docs[2].text.startswith("The central library will stay open")


def test_atom_entries() -> None:
    docs = documents(INPUTS / "feed.atom")
    assert len(docs) == 2
    assert docs[0].metadata.authors == ("Omar Haddad", "Claire Dubois")
    assert docs[0].metadata.published == "2024-06-10"  # published, not updated
    second = "Transport officials had hoped construction would begin next spring."
    assert docs[0].text.splitlines()[1] == second
    assert docs[1].metadata.published == "2024-06-09"  # only updated
    assert docs[1].metadata.authors == ()  # "Ledger Staff" is no person
    assert "forty thousand people" in docs[1].text


def test_feed_sniffed_without_feed_suffix(tmp_path: Path) -> None:
    path = tmp_path / "download.txt"
    path.write_bytes((INPUTS / "feed.atom").read_bytes())
    assert len(documents(path)) == 2
    assert is_feed("x", "<?xml version='1.0'?>\n<rss version='2.0'>")
    assert not is_feed("x", "<html><body>rss</body></html>")


def test_entry_without_text_is_a_record_error(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(
        "<rss version='2.0'><channel><title>T</title>"
        "<item><title>Empty</title><link>https://e.example/1</link></item>"
        "<item><title>Full</title><description>The river rose overnight and the town"
        " closed two roads near the bridge.</description></item>"
        "</channel></rss>",
        "utf-8",
    )
    found = list(iter_documents(str(path), SETTINGS))
    assert isinstance(found[0], RecordError) and found[0].input == "https://e.example/1"
    assert isinstance(found[1], Document) and found[1].input == f"{path}#2"


def test_feed_suffix_without_entries_raises(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("this is not a feed at all, just words", "utf-8")
    with pytest.raises(InputError, match="is not a feed with entries"):
        list(iter_documents(str(path), SETTINGS))
