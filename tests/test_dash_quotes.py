"""Quotes signed with a dash: “…” ― Name."""

from __future__ import annotations

import pytest

from newsfacts.models import ArticleFacts
from newsfacts.pipeline import analyze_text
from newsfacts.settings import Settings

SIGNED = (
    "Voters told us what they think of the race.\n"
    "“She talks about towns she has never even visited.” ― Rosa Vance\n"
    "“We are hard-working, tax-paying shop owners.”— Carla Diaz.\n"
    '"I will vote early this year." -- Tom Reyes Jr.\n'
)


@pytest.fixture(scope="module")
def facts() -> ArticleFacts:
    return analyze_text(SIGNED, Settings())


def test_each_signed_quote_is_attributed_to_its_signer(facts: ArticleFacts) -> None:
    names = {e.id: e.name for e in facts.entities}
    found = {
        a.source[0].text: (a.cue[0].text, a.content[0].text, names.get(a.speaker or ""))
        for a in facts.attributions
        if a.source
    }
    assert found["Rosa Vance"] == (
        "―",
        "“She talks about towns she has never even visited.”",
        "Rosa Vance",
    )
    # the sentence's period is not part of the name; "Jr." keeps its own
    assert found["Carla Diaz"][:2] == ("—", "“We are hard-working, tax-paying shop owners.”")
    assert found["Tom Reyes Jr."][:2] == ("--", '"I will vote early this year."')


def test_a_signed_quote_belongs_to_no_one_else(facts: ArticleFacts) -> None:
    owners = [
        a.source[0].text if a.source else None
        for a in facts.attributions
        if any("never even visited" in c.text for c in a.content)
    ]
    assert owners == ["Rosa Vance"]


def test_a_dash_inside_running_text_signs_nothing() -> None:
    facts = analyze_text(
        "She said “no” -- and left the room.\nHe paid $35,000 ― and more ― in fees.\n",
        Settings(),
    )
    assert all(a.cue[0].text not in ("--", "―") for a in facts.attributions)


def test_a_frame_built_on_the_same_dash_gives_way_to_the_signature() -> None:
    from newsfacts.extract.attribution import Frame
    from newsfacts.extract.dash_quotes import keep_signed_quotes

    # “We won.” ― Ann Lee
    signed = Frame(cue=[(9, 10)], source=[(11, 18)], content=[(0, 8)])
    tagged = Frame(cue=[(9, 10)], source=[], content=[(0, 8)])  # same dash, no signer
    other = Frame(cue=[(30, 34)], source=[(25, 29)], content=[(0, 8), (35, 50)])
    kept = keep_signed_quotes([tagged, other], [signed])
    assert kept == [signed, other]
    assert other.content == [(35, 50)]
