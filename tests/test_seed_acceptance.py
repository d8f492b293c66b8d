"""The first acceptance test: the scraped US–Iraq article from ../shared/data/seed."""

from __future__ import annotations

from dataclasses import replace
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


@pytest.fixture(scope="module", params=["lstm", "encoder"])
def seed(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The seed analysed with each role tagger (the encoder where its extra is installed)."""
    text = shared_path("seed", "us-iraq-roadmap.txt").read_text(encoding="utf-8")
    if request.param == "encoder":
        pytest.importorskip("onnxruntime")
    settings = replace(newsfacts.Settings(), role_tagger=request.param)
    return newsfacts.analyze(
        text, published="2024-07-25", input="seed", settings=settings
    ).to_dict()


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


def test_events_on_the_timeline(seed: dict[str, Any]) -> None:
    names = {e["id"]: e["name"] for e in seed["entities"]}
    dated = {
        (e["type"], e["date"]["value"]): {
            names.get(p["entity"] or "", p["text"]) for p in e["participants"]
        }
        for e in seed["events"]
        if e["date"]
    }
    assert "Lloyd Austin" in dated[("meeting", "2024-07-23")]
    assert "CQ Brown" in dated[("meeting", "2024-07-22")]
    assert ("statement", "2024-07-24") in dated
    agreements = [e for e in seed["events"] if e["type"] == "agreement"]
    assert any(
        {"United States", "Iraq"} <= {names.get(p["entity"] or "", "") for p in e["participants"]}
        for e in agreements
    )
    # "while they agreed on the importance of …": the pronoun stands for both countries
    they = next(e for e in agreements if [p["text"] for p in e["participants"]][:1] == ["they"])
    assert [names.get(p["entity"] or "") for p in they["participants"]] == ["United States", "Iraq"]


def test_sourcing_profile(seed: dict[str, Any]) -> None:
    profile = seed["sourcing"]
    assert profile["anonymous"] >= 1
    assert "Al Arabiya English" in profile["outlets"]
    assert profile["document"] >= 1  # the joint statement
    assert profile["most_quoted"][0]["name"] == "Lloyd Austin"
    assert 0 < profile["attributed_share"] <= 1


def test_claims_of_unnamed_groups(seed: dict[str, Any]) -> None:
    sources = {" ".join(s["text"] for s in a["source"]): a for a in seed["attributions"]}
    assert any("Iran-backed groups" in s for s in sources)
    assert any("analysts" in s and sources[s]["anonymous"] for s in sources)
    anonymous = next(a for s, a in sources.items() if "sources familiar" in s)
    assert anonymous["anonymous"] and anonymous["via"] == "Al Arabiya English"


def test_group_sources_speak_for_both_countries(seed: dict[str, Any]) -> None:
    names = {e["id"]: e["name"] for e in seed["entities"]}
    groups = [
        a
        for a in seed["attributions"]
        if [s["text"] for s in a["source"]] in (["The US and Iraq"], ["they"], ["both sides"])
    ]
    assert len(groups) >= 2  # "The US and Iraq have agreed", "while they agreed" (and the
    # encoder's "both sides confirmed", after a joint statement "by the US and Iraq")
    for a in groups:
        assert [names.get(e) for e in a["speakers"]] == ["United States", "Iraq"], a["source"]


def test_the_joint_statement_speaks_for_both_countries(seed: dict[str, Any]) -> None:
    names = {e["id"]: e["name"] for e in seed["entities"]}
    statements = [
        a for a in seed["attributions"] if "statement" in " ".join(s["text"] for s in a["source"])
    ]
    assert len(statements) >= 2  # "A joint statement by the US and Iraq", "The joint statement"
    for a in statements:
        assert [names.get(e) for e in a["speakers"]] == ["United States", "Iraq"], a["source"]
