"""The facts newsfacts produces: frozen dataclasses with JSON in/out.

Every span is a pair of Python string indices into ``ArticleFacts.text``; the
``text`` of a span is always ``ArticleFacts.text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any

FORMAT_VERSION = "1.0"


@dataclass(frozen=True)
class Span:
    """A piece of the analysed text: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Region:
    """A stretch of the text without its characters (used for the body)."""

    start: int
    end: int


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date, YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    type: str  # PERSON, ORG, GPE, NORP, LOC, ...
    name: str  # canonical: the fullest form found in the article
    titles: tuple[str, ...] = ()
    affiliation: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Attribution:
    id: str
    kind: str  # direct | indirect | mixed | according_to
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]
    speaker: str | None = None  # an Entity id
    speakers: tuple[str, ...] = ()  # the speaker, or every member of a group ("the two")
    anonymous: bool = False
    source_description: str | None = None
    via: str | None = None  # outlet the claim came through
    confidence: float = 1.0

    def __post_init__(self) -> None:
        # one speaker is also the whole list (facts written before ``speakers`` existed)
        if not self.speakers and self.speaker:
            object.__setattr__(self, "speakers", (self.speaker,))


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression, normalised against the publication date when known."""

    start: int
    end: int
    text: str
    value: str | None  # ISO date "2024-07-23", interval "2024-07-15/2024-07-21", or year "2025"
    kind: str  # date | interval | year | month | duration | set | ...


@dataclass(frozen=True)
class Participant:
    text: str
    start: int
    end: int
    entity: str | None = None  # an Entity id


@dataclass(frozen=True)
class Location:
    text: str
    start: int
    end: int
    entity: str | None = None


@dataclass(frozen=True)
class EventDate:
    text: str
    start: int
    end: int
    value: str | None = None


@dataclass(frozen=True)
class Event:
    id: str
    type: str  # meeting | statement | agreement | demand | visit | decision | attack | arrest | ...
    trigger: Span
    participants: tuple[Participant, ...] = ()
    location: Location | None = None
    date: EventDate | None = None
    attribution: str | None = None  # an Attribution id
    negated: bool = False
    hedged: bool = False


@dataclass(frozen=True)
class QuotedCount:
    entity: str  # an Entity id
    name: str
    count: int


@dataclass(frozen=True)
class Sourcing:
    """Whose word the article rests on."""

    attributions: int = 0
    named_person: int = 0
    named_organisation: int = 0
    document: int = 0  # statements, reports, letters, filings
    anonymous: int = 0
    writer: int = 0  # the writer's own voice: an "I" outside quotes
    other: int = 0  # a source that is none of the above (unresolved, or no source span)
    outlets: tuple[str, ...] = ()  # outlets claims came through ("via")
    attributed_share: float = 0.0  # share of body characters inside attributed content
    most_quoted: tuple[QuotedCount, ...] = ()


@dataclass(frozen=True)
class ArticleFacts:
    input: str
    text: str
    body: tuple[Region, ...]
    metadata: Metadata
    entities: tuple[Entity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    sourcing: Sourcing | None = None
    warnings: tuple[str, ...] = ()
    version: str = field(default=FORMAT_VERSION)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (tuples become lists)."""
        data: dict[str, Any] = _jsonable(self)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleFacts:
        def spans(items: list[dict[str, Any]]) -> tuple[Span, ...]:
            return tuple(Span(**s) for s in items)

        meta = dict(data["metadata"])
        meta["authors"] = tuple(meta.get("authors") or ())
        return cls(
            input=data["input"],
            text=data["text"],
            body=tuple(Region(**r) for r in data["body"]),
            metadata=Metadata(**meta),
            entities=tuple(
                Entity(
                    id=e["id"],
                    type=e["type"],
                    name=e["name"],
                    titles=tuple(e.get("titles") or ()),
                    affiliation=e.get("affiliation"),
                    mentions=spans(e["mentions"]),
                )
                for e in data.get("entities", [])
            ),
            attributions=tuple(
                Attribution(
                    id=a["id"],
                    kind=a["kind"],
                    source=spans(a["source"]),
                    cue=spans(a["cue"]),
                    content=spans(a["content"]),
                    speaker=a.get("speaker"),
                    speakers=tuple(a.get("speakers") or ()),
                    anonymous=bool(a.get("anonymous")),
                    source_description=a.get("source_description"),
                    via=a.get("via"),
                    confidence=float(a.get("confidence", 1.0)),
                )
                for a in data.get("attributions", [])
            ),
            events=tuple(_event(e) for e in data.get("events", [])),
            times=tuple(TimeExpression(**t) for t in data.get("times", [])),
            sourcing=_sourcing(data.get("sourcing")),
            warnings=tuple(data.get("warnings", [])),
            version=data.get("version", FORMAT_VERSION),
        )

    def body_text(self) -> str:
        return "\n".join(self.text[r.start : r.end] for r in self.body)


def _event(e: dict[str, Any]) -> Event:
    loc = e.get("location")
    date = e.get("date")
    return Event(
        id=e["id"],
        type=e["type"],
        trigger=Span(**e["trigger"]),
        participants=tuple(Participant(**p) for p in e.get("participants", [])),
        location=Location(**loc) if loc else None,
        date=EventDate(**date) if date else None,
        attribution=e.get("attribution"),
        negated=bool(e.get("negated")),
        hedged=bool(e.get("hedged")),
    )


def _sourcing(data: dict[str, Any] | None) -> Sourcing | None:
    if not data:
        return None
    fields = dict(data)
    fields["outlets"] = tuple(fields.get("outlets") or ())
    fields["most_quoted"] = tuple(QuotedCount(**q) for q in fields.get("most_quoted") or ())
    return Sourcing(**fields)


def _jsonable(value: Any) -> Any:
    """Dataclasses as dicts, tuples as lists, in one pass (``asdict`` deep-copies every leaf)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {name: _jsonable(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))
