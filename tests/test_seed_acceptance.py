"""The first acceptance test: the scraped US–Iraq article from ../shared/data/seed."""

from __future__ import annotations

from typing import Any

import pytest

import newsfacts
from conftest import check_facts, shared_path

PEOPLE = {
    "Lloyd Austin": {"Pentagon chief"},
    "Pat Ryder": {"Pentagon Press Secretary", "Maj. Gen."},
    "CQ Brown": {"Joint Chiefs Chairman", "Gen."},
    "Jereal Dorsey": {"Joint Staff Spokesman"},
    "Mohamed Shia al-Sudani": {"Prime Minister"},
    "Saddam Hussein": set(),
}


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    text = shared_path("seed", "us-iraq-roadmap.txt").read_text(encoding="utf-8")
    return newsfacts.analyze(text, published="2024-07-25", input="seed").to_dict()


def test_valid_against_schema(seed: dict[str, Any]) -> None:
    check_facts(seed)


def test_all_six_people_with_titles_and_no_false_person(seed: dict[str, Any]) -> None:
    people = {e["name"]: e for e in seed["entities"] if e["type"] == "PERSON"}
    assert set(people) == set(PEOPLE)
    for name, titles in PEOPLE.items():
        assert titles <= set(people[name]["titles"]), (name, people[name]["titles"])


def test_austin_aliases_are_one_entity(seed: dict[str, Any]) -> None:
    austin = next(e for e in seed["entities"] if e["name"] == "Lloyd Austin")
    texts = {m["text"] for m in austin["mentions"]}
    assert {"Lloyd Austin", "Austin"} <= texts


def test_litter_is_not_body(seed: dict[str, Any]) -> None:
    body = "\n".join(seed["text"][r["start"] : r["end"]] for r in seed["body"])
    for litter in ("Advertisement", "Our Correspondent", "Leave a Reply", "Required fields"):
        assert litter not in body
    assert body.startswith("The US and Iraq have agreed")
    assert body.rstrip().endswith("sovereignty, security and stability.”")
    assert seed["metadata"]["title"].startswith("US, Iraq agree to new roadmap")


def test_direct_quotes_have_speakers(seed: dict[str, Any]) -> None:
    names = {e["id"]: e["name"] for e in seed["entities"]}
    direct = [a for a in seed["attributions"] if a["kind"] == "direct"]
    speakers = {names.get(a["speaker"] or "") for a in direct}
    assert {"Jereal Dorsey", "Lloyd Austin"} <= speakers
    dorsey = next(a for a in direct if names.get(a["speaker"] or "") == "Jereal Dorsey")
    content = dorsey["content"][0]["text"].lstrip('“"')  # PolNeAR keeps the quote marks
    assert content.startswith("The US and Iraq share a strong")
