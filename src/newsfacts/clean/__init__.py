"""Page litter out, title and byline found, body marked — without rewriting the text."""

from __future__ import annotations

from dataclasses import dataclass

from newsfacts.clean.body import body_lines
from newsfacts.clean.dateline import dateline_agency
from newsfacts.clean.headline import find_byline, find_title, title_before
from newsfacts.clean.lines import Line, split_lines
from newsfacts.clean.model import LineModel
from newsfacts.clean.published import published_date
from newsfacts.models import Region
from newsfacts.settings import Settings

__all__ = ["Cleaned", "LineModel", "clean_text"]

_BYLINE_WINDOW = 6  # lines after the title, and around the body start, searched for a byline


@dataclass(frozen=True)
class Cleaned:
    body: tuple[Region, ...]  # sorted, non-overlapping, each trimmed of whitespace
    title: str | None
    title_span: Region | None
    authors: tuple[str, ...]
    byline_span: Region | None
    agency: str | None = None  # the wire agency of the dateline: "AP" of "PARIS (AP) —"
    published: str | None = None  # YYYY-MM-DD, from a date line above the body


def clean_text(text: str, settings: Settings, *, model: LineModel | None = None) -> Cleaned:
    """Mark the article body, title and byline of ``text`` (which is never rewritten).

    ``model`` replaces the shipped line model (the benchmark passes one trained without the
    page it scores).
    """
    del settings  # no cleaning options yet; kept so every stage takes the same arguments
    lines = split_lines(text)
    title = find_title(lines)
    skip = frozenset() if title is None else frozenset({title})
    first_guess = body_lines(lines, skip, model)
    start = first_guess[0] if first_guess else 0
    if title is None and first_guess:
        title = title_before(lines, start)
        if title is not None:
            skip = frozenset({title})
            first_guess = [i for i in first_guess if i != title]
    top = 0 if title is None else title + 1
    candidates = [*range(top, top + _BYLINE_WINDOW), *range(start - _BYLINE_WINDOW, start + 2)]
    byline = find_byline(lines, [i for i in dict.fromkeys(candidates) if i not in skip])
    if byline is not None:
        skip = skip | {byline.line}
        body = body_lines(lines, skip, model)
    else:
        body = first_guess
    return Cleaned(
        body=tuple(_region(lines[i]) for i in body),
        title=None if title is None else lines[title].text,
        title_span=None if title is None else _region(lines[title]),
        authors=() if byline is None else byline.authors,
        byline_span=None if byline is None else _region(lines[byline.line]),
        agency=dateline_agency(text, [_region(lines[i]) for i in body]),
        published=published_date(
            lines, title, body[0] if body else 0, None if byline is None else byline.line
        ),
    )


def _region(line: Line) -> Region:
    return Region(line.start, line.end)
