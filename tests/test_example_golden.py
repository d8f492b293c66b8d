"""Golden end-to-end checks on the bundled example article (examples/north-sea-grid.txt)."""

from __future__ import annotations

from typing import Any

import pytest

import newsfacts
from conftest import EXAMPLE, check_facts


@pytest.fixture(scope="module")
def facts() -> dict[str, Any]:
    text = EXAMPLE.read_text(encoding="utf-8")
    return newsfacts.analyze(text, published="2025-03-14", input=str(EXAMPLE)).to_dict()


def people(facts: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in facts["entities"] if e["type"] == "PERSON"}


def test_valid(facts: dict[str, Any]) -> None:
    check_facts(facts)


def test_metadata(facts: dict[str, Any]) -> None:
    meta = facts["metadata"]
    assert meta["title"] == (
        "Netherlands and Germany agree to link offshore wind grids in the North Sea"
    )
    assert meta["authors"] == ["Hannah Verbeek"]
    assert meta["published"] == "2025-03-14"


def test_body_excludes_litter(facts: dict[str, Any]) -> None:
    body = "\n".join(facts["text"][r["start"] : r["end"]] for r in facts["body"])
    assert body.startswith("The Netherlands and Germany have agreed")
    assert body.rstrip().endswith("in the coming weeks.")
    for litter in (
        "Share this article",
        "Advertisement",
        "Related stories",
        "Leave a Reply",
        "cookies",
        "About the author",
    ):
        assert litter not in body


def test_people_and_titles(facts: dict[str, Any]) -> None:
    found = people(facts)
    assert {"Pieter van Dalen", "Katrin Albers", "Joris Mulder", "Lotte Smit"} <= set(found)
    assert "Hannah Verbeek" not in found  # the byline is metadata, not a person in the story
    assert any("Climate Minister" in t for t in found["Pieter van Dalen"]["titles"])
    assert any("Economy Minister" in t for t in found["Katrin Albers"]["titles"])
    assert any("spokeswoman" in t for t in found["Lotte Smit"]["titles"])
    mentions = {m["text"] for m in found["Pieter van Dalen"]["mentions"]}
    assert "Van Dalen" in mentions or "van Dalen" in mentions


def test_quotes_and_continuation(facts: dict[str, Any]) -> None:
    names = {e["id"]: e["name"] for e in facts["entities"]}
    by_speaker: dict[str, list[str]] = {}
    for a in facts["attributions"]:
        by_speaker.setdefault(names.get(a["speaker"] or "", ""), []).append(
            " ".join(c["text"] for c in a["content"])
        )
    van_dalen = " ".join(by_speaker.get("Pieter van Dalen", []))
    assert "one grid for one sea" in van_dalen
    assert "first cable should be in the water" in van_dalen  # the continued quote paragraph
    assert any("Berlin would pay" in c for c in by_speaker.get("Katrin Albers", []))


def test_anonymous_source_via_outlet(facts: dict[str, Any]) -> None:
    anonymous = [a for a in facts["attributions"] if a["anonymous"]]
    assert anonymous, facts["attributions"]
    officials = next(a for a in anonymous if "Two officials" in (a["source_description"] or ""))
    assert officials["via"] in ("Harbour Post", "the Harbour Post")
