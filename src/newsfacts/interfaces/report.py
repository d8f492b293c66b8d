"""The readable terminal report of one article's facts (rich; colour on a terminal)."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsfacts.models import ArticleFacts, Attribution, Entity

PLACE_TYPES = ("GPE", "LOC", "FAC")


def print_report(facts: ArticleFacts, out: IO[str]) -> None:
    console = Console(file=out, width=max(100, Console(file=out).width), soft_wrap=False)
    meta = facts.metadata
    console.rule(Text(meta.title or facts.input, style="bold"))
    details = [
        ("input", facts.input),
        ("by", ", ".join(meta.authors) or None),
        ("published", meta.published),
        ("outlet", meta.outlet),
        ("url", meta.url),
    ]
    for label, value in details:
        if value:
            console.print(Text.assemble((f"{label:>10}  ", "dim"), value))
    body_chars = sum(r.end - r.start for r in facts.body)
    console.print(
        Text.assemble(
            ("      body  ", "dim"),
            f"{len(facts.body)} paragraphs, {body_chars:,} of {len(facts.text):,} characters",
        )
    )
    names = {e.id: e.name for e in facts.entities}
    _people(console, facts.entities)
    _others(console, facts.entities)
    _attributions(console, facts.attributions, names)
    _sourcing(console, facts)
    _timeline(console, facts, names)
    for warning in facts.warnings:
        console.print(Text.assemble(("warning: ", "bold yellow"), warning))
    console.print()


def _people(console: Console, entities: tuple[Entity, ...]) -> None:
    people = [e for e in entities if e.type == "PERSON"]
    if not people:
        return
    table = Table(title="People", title_justify="left", expand=True)
    table.add_column("name", style="bold cyan", no_wrap=True)
    table.add_column("titles")
    table.add_column("affiliation")
    table.add_column("mentions", justify="right")
    for person in people:
        aliases = sorted({m.text for m in person.mentions} - {person.name})
        name = Text(person.name, style="bold cyan")
        if aliases:
            name.append("\nalso: " + ", ".join(aliases), style="dim")
        table.add_row(
            name, "; ".join(person.titles), person.affiliation or "", str(len(person.mentions))
        )
    console.print(table)


def _others(console: Console, entities: tuple[Entity, ...]) -> None:
    orgs = [e for e in entities if e.type == "ORG"]
    places = [e for e in entities if e.type in PLACE_TYPES]
    groups = [e for e in entities if e.type == "NORP"]
    for label, items in (("Organisations", orgs), ("Places", places), ("Groups", groups)):
        if items:
            listed = ", ".join(f"{e.name} ({len(e.mentions)})" for e in items)
            console.print(Text.assemble((f"{label}: ", "bold"), listed))


def _attributions(
    console: Console, attributions: tuple[Attribution, ...], names: dict[str, str]
) -> None:
    if not attributions:
        return
    table = Table(title="Who said what", title_justify="left", expand=True, show_lines=True)
    table.add_column("source", style="bold green", ratio=1)
    table.add_column("kind", no_wrap=True)
    table.add_column("content", ratio=3)
    for attribution in attributions:
        source = names.get(attribution.speaker or "") or " … ".join(
            s.text for s in attribution.source
        )
        members = [names[i] for i in attribution.speakers if i in names]
        if not attribution.speaker and members:  # a group: "The two (Blinken, Wang Yi)"
            source = f"{source} ({', '.join(members)})"
        elif not attribution.anonymous and attribution.source_description:
            source = f"{source} ({attribution.source_description})"  # "that (a letter)"
        who = Text(source or "(no source)", style="bold green")
        if attribution.anonymous:
            who.append("\nanonymous", style="magenta")
        if attribution.via:
            who.append(f"\nvia {attribution.via}", style="yellow")
        cue = " … ".join(c.text for c in attribution.cue)
        kind = Text(attribution.kind)
        if cue:
            kind.append(f"\n{cue}", style="dim")
        content = " … ".join(c.text for c in attribution.content)
        table.add_row(who, kind, _clip(content, 400))
    console.print(table)


def _sourcing(console: Console, facts: ArticleFacts) -> None:
    profile = facts.sourcing
    if profile is None or not profile.attributions:
        return
    counts = [
        ("named people", profile.named_person),
        ("named organisations", profile.named_organisation),
        ("documents", profile.document),
        ("anonymous", profile.anonymous),
        ("the writer", profile.writer),
        ("other", profile.other),
    ]
    line = Text.assemble(("Sourcing: ", "bold"), f"{profile.attributions} attributions — ")
    line.append(", ".join(f"{label} {n}" for label, n in counts if n))
    line.append(f"; {profile.attributed_share:.0%} of the body is attributed content")
    console.print(line)
    if profile.outlets:
        console.print(Text.assemble(("Outlets cited: ", "bold"), ", ".join(profile.outlets)))
    if profile.most_quoted:
        quoted = ", ".join(f"{q.name} ({q.count})" for q in profile.most_quoted)
        console.print(Text.assemble(("Most quoted: ", "bold"), quoted))


def _timeline(console: Console, facts: ArticleFacts, names: dict[str, str]) -> None:
    if not facts.events:
        return
    table = Table(title="Timeline", title_justify="left", expand=True)
    table.add_column("date", no_wrap=True, style="bold")
    table.add_column("event", no_wrap=True)
    table.add_column("participants")
    table.add_column("where")
    table.add_column("said in", no_wrap=True)

    def when(value: str | None) -> str:
        return value or "9999"

    events = sorted(facts.events, key=lambda e: when(e.date.value if e.date else None))
    for event in events:
        date = event.date.value or event.date.text if event.date else "—"
        flags = "".join(
            f" ({flag})" for flag, on in (("not", event.negated), ("hedged", event.hedged)) if on
        )
        people = ", ".join(names.get(p.entity or "", p.text) for p in event.participants)
        where = event.location.text if event.location else ""
        table.add_row(
            date,
            f"{event.type}: {event.trigger.text}{flags}",
            people,
            where,
            event.attribution or "",
        )
    console.print(table)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
