"""The sourcing profile on hand-built attributions."""

from __future__ import annotations

from newsfacts.extract.sourcing import sourcing_profile
from newsfacts.models import Attribution, Entity, Region, Span

TEXT = (
    "“Yes,” Ann Lee said. A report said no. Officials told the Post it was late. Acme said so. "
    "I think not."
)


def span(piece: str) -> Span:
    start = TEXT.index(piece)
    return Span(start, start + len(piece), piece)


ENTITIES = [
    Entity("E1", "PERSON", "Ann Lee", mentions=(span("Ann Lee"),)),
    Entity("E2", "ORG", "Acme", mentions=(span("Acme"),)),
]


def attribution(
    i: int, source: str, content: str, kind: str = "indirect", **kw: object
) -> Attribution:
    return Attribution(
        id=f"A{i}",
        kind=kind,
        source=(span(source),),
        cue=(),
        content=(span(content),),
        **kw,  # type: ignore[arg-type]
    )


def test_counts_outlets_and_share() -> None:
    attributions = [
        attribution(1, "Ann Lee", "Yes", speaker="E1", kind="direct"),
        attribution(2, "A report", "no"),
        attribution(3, "Officials", "it was late", anonymous=True, via="the Post"),
        attribution(4, "Acme", "so", speaker="E2"),
        attribution(5, "I", "not", source_description="the writer"),
    ]
    profile = sourcing_profile(attributions, ENTITIES, [Region(0, len(TEXT))])
    assert (profile.named_person, profile.document, profile.anonymous) == (1, 1, 1)
    assert (profile.named_organisation, profile.writer, profile.other) == (1, 1, 0)
    assert profile.outlets == ("the Post",)
    assert [(q.name, q.count) for q in profile.most_quoted] == [("Ann Lee", 1)]
    expected = (len("Yes") + len("no") + len("it was late") + len("so") + 3) / len(TEXT)
    assert abs(profile.attributed_share - expected) < 1e-3


def test_overlapping_content_is_counted_once() -> None:
    a = attribution(1, "Ann Lee", "Yes,” Ann Lee said", speaker="E1")
    b = attribution(2, "Acme", "Ann Lee", speaker="E2")
    profile = sourcing_profile([a, b], ENTITIES, [Region(0, len(TEXT))])
    assert abs(profile.attributed_share - len("Yes,” Ann Lee said") / len(TEXT)) < 1e-3


def test_empty() -> None:
    profile = sourcing_profile([], [], [])
    assert profile.attributions == 0 and profile.attributed_share == 0.0


def test_a_group_of_people_counts_for_each_member() -> None:
    text = "Ann Lee met Bo Chan. The two said yes. Ann Lee said no."
    spot = {
        w: Span.of(text, text.index(w), text.index(w) + len(w))
        for w in ("Ann Lee", "Bo Chan", "The two", "yes", "no")
    }
    people = [
        Entity("E1", "PERSON", "Ann Lee", mentions=(spot["Ann Lee"],)),
        Entity("E2", "PERSON", "Bo Chan", mentions=(spot["Bo Chan"],)),
    ]
    group = Attribution(
        "A1", "indirect", (spot["The two"],), (), (spot["yes"],), speakers=("E1", "E2")
    )
    alone = Attribution(
        "A2", "indirect", (spot["Ann Lee"],), (), (spot["no"],), speaker="E1", speakers=("E1",)
    )
    profile = sourcing_profile([group, alone], people, [Region(0, len(text))])
    assert profile.named_person == 2
    assert [(q.name, q.count) for q in profile.most_quoted] == [("Ann Lee", 2), ("Bo Chan", 1)]
