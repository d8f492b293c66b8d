"""Article metadata from HTML: JSON-LD, meta tags, visible bylines, merged by trust."""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura

from newsfacts.ingest.metadata import (
    clean_authors,
    iso_date,
    json_ld_metadata,
    merge,
    meta_tag_metadata,
    page_metadata,
    strip_site_suffix,
    visible_byline,
)
from newsfacts.models import Metadata

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
HARBOUR = "Harbour deal agreed"
TALKS = "Summit - Xi and Biden talks: what we know"  # no part of it is a site's name


def tree(name: str):  # type: ignore[no-untyped-def]
    return trafilatura.load_html((INPUTS / name).read_text("utf-8"))


def test_json_ld_graph_with_mixed_authors() -> None:
    found = json_ld_metadata(tree("meta_jsonld_graph.html"))
    assert found.title == "Drought forces water limits across the county"
    assert found.published == "2023-08-14"
    assert found.outlet == "Prairie Daily News"
    assert found.url == "https://prairiedaily.example.com/2023/08/14/drought"
    # Organisations are not people; the raw strings are cleaned later.
    assert found.authors == ("By Grace Okonkwo", "Daniel Fischer, Staff Writer")


def test_json_ld_beats_a_meta_author_that_is_the_outlet() -> None:
    meta = page_metadata(tree("meta_jsonld_graph.html"))
    assert meta.authors == ("Grace Okonkwo", "Daniel Fischer")
    assert meta.title == "Drought forces water limits across the county"


def test_opengraph_and_byl_meta() -> None:
    page = tree("meta_opengraph.html")
    tags = meta_tag_metadata(page)
    assert tags.published == "2022-11-03"
    assert tags.outlet == "Metro Tribune"
    meta = page_metadata(page)
    # article:author is a profile URL (skipped); byl is upper case with "By".
    assert meta.authors == ("Samuel Ortiz", "Lena Vogel")
    assert meta.title == "Markets slide as rates climb"
    assert meta.url == "https://www.metrotribune.example/business/markets-slide"


def test_visible_byline_near_headline() -> None:
    page = tree("meta_byline.html")
    assert visible_byline(page) == (
        "By Tomás Rivera and Aisha Bello, Mountain Gazette Staff Writers",
    )
    meta = page_metadata(page)
    assert meta.authors == ("Tomás Rivera", "Aisha Bello")
    assert meta.title == "Wildfire crews gain ground near Cedar Ridge"


@pytest.mark.parametrize(
    ("values", "outlets", "names"),
    [
        (["By Jane Doe and John Roe"], (), ("Jane Doe", "John Roe")),
        (["Jane Doe, Staff Writer"], (), ("Jane Doe",)),
        (["Jane Doe | Reuters"], (), ("Jane Doe",)),
        (["Reporting by Ali al-Sadr in Baghdad; editing by Mark Heinrich"], (), ("Ali al-Sadr",)),
        (["Jane Doe for The Gazette"], (), ("Jane Doe",)),
        (["jane@example.com", "https://x.example/jane", "Staff", "admin"], (), ()),
        (["Metro Desk", "Jane Doe"], ("Metro Desk",), ("Jane Doe",)),
        (["JANE DOE", "Jane Doe"], (), ("Jane Doe",)),
        (["Carrie Arnold November 15, 2019"], (), ("Carrie Arnold",)),
        (["May Lee"], (), ("May Lee",)),
        (["Robert Burns, AP National Security Writer", "NJ Advance Media"], (), ("Robert Burns",)),
    ],
)
def test_clean_authors(values: list[str], outlets: tuple[str, ...], names: tuple[str, ...]) -> None:
    assert clean_authors(values, outlets) == names


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("Harbour deal agreed | The Coastal Herald", "The Coastal Herald", None, HARBOUR),
        ("Harbour deal agreed - Coastal Herald", "The Coastal Herald", None, HARBOUR),
        ("BBC News - Storm hits coast", None, "https://www.bbc.co.uk/news/1", "Storm hits coast"),
        ("Storm hits coast | nytimes", None, "https://www.nytimes.com/a", "Storm hits coast"),
        (TALKS, None, "https://example.org/x", TALKS),
        ("One title", "Site", None, "One title"),
    ],
)
def test_strip_site_suffix(title: str, site: str | None, url: str | None, expected: str) -> None:
    assert strip_site_suffix(title, site, url) == expected


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-03-05T08:30:00+00:00", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("March 5, 2024", None),
        ("2024-13-05", None),
        (None, None),
    ],
)
def test_iso_date(value: str | None, iso: str | None) -> None:
    assert iso_date(value) == iso


def test_merge_keeps_first_non_empty_field() -> None:
    merged = merge(Metadata(title="A"), Metadata(title="B", published="2024-01-02"), Metadata())
    assert (merged.title, merged.published, merged.authors) == ("A", "2024-01-02", ())


def test_escaped_entities_in_meta_values_are_decoded() -> None:
    page = trafilatura.load_html(
        "<html><head><meta property='og:title' content='Lynn: &amp;#8220;We won&amp;#8221;'>"
        "</head><body><p>Text.</p></body></html>"
    )
    assert page_metadata(page).title == "Lynn: “We won”"
