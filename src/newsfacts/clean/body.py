"""Which lines are article body: score each line as prose or not, keep the densest run.

A scraped page is menus, then the article, then related links and footers. Each line gets a
score (positive for running prose, negative for short non-sentences); the body is the
contiguous run of lines with the largest total score, so short paragraphs, subheadings and
quotes inside the article are kept while menus and link lists around it are not. Litter lines
inside the run are dropped one by one.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfacts.clean.lines import Line, Shape, shape
from newsfacts.clean.litter import is_end_marker, is_litter

# line scores: a sentence earns its length (60 characters earn 1), a short non-sentence costs 1
PROSE_BASE = 0.0
SHORT = -1.0
LITTER = -0.5
# this many characters of prose seen before an end marker make it the end of the article
END_AFTER_CHARS = 500


def line_score(info: Shape, litter: bool) -> float:
    """How much a line reads as article prose (positive) or page furniture (negative)."""
    if litter:
        return LITTER
    if info.sentence_end and info.words >= 5:
        return PROSE_BASE + min(info.chars, 400) / 60
    if info.words >= 12 and info.chars >= 80 and info.capital_ratio < 0.5:
        return 0.5 + min(info.chars, 400) / 100
    return SHORT


def best_run(scores: Sequence[float]) -> tuple[int, int] | None:
    """``(first, last)`` of the contiguous run with the largest positive sum, or None."""
    best = 0.0
    best_run: tuple[int, int] | None = None
    total = 0.0
    start = 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_run = total, (start, i)
    return best_run


def body_lines(lines: Sequence[Line], skip: frozenset[int]) -> list[int]:
    """Indices of the body lines; ``skip`` (title, byline) are never body."""
    litter = [is_litter(line.text) for line in lines]
    blocks = paragraphs(lines, [lit or i in skip for i, lit in enumerate(litter)])
    scores = [
        LITTER if first in skip else line_score(shape(_joined(lines, first, last)), litter[first])
        for first, last in blocks
    ]
    _cut_at_end_marker(lines, blocks, scores)
    run = best_run(scores)
    if run is None:
        # no prose at all: keep everything that is not litter
        return [i for i in range(len(lines)) if not litter[i] and i not in skip]
    first, last = blocks[run[0]][0], blocks[run[1]][1]
    return [i for i in range(first, last + 1) if not litter[i] and i not in skip]


def paragraphs(lines: Sequence[Line], alone: Sequence[bool]) -> list[tuple[int, int]]:
    """Group hard-wrapped lines into paragraphs: ``(first, last)`` line indices.

    A line continues the one before when that one ends mid-sentence and this one starts in
    lowercase, or when both are long runs of words (a paragraph wrapped at a fixed width).
    Lines flagged ``alone`` are never grouped.
    """
    blocks: list[tuple[int, int]] = []
    previous: Shape | None = None
    for i, line in enumerate(lines):
        info = shape(line.text)
        if blocks and previous is not None and not alone[i] and not alone[i - 1]:
            if _continues(previous, info):
                blocks[-1] = (blocks[-1][0], i)
                previous = info
                continue
        blocks.append((i, i))
        previous = info
    return blocks


def _continues(previous: Shape, info: Shape) -> bool:
    if previous.sentence_end or previous.words < 4 or info.words == 0:
        return False
    if info.lower_start:
        return True
    return False


def _joined(lines: Sequence[Line], first: int, last: int) -> str:
    return " ".join(lines[i].text for i in range(first, last + 1))


def _cut_at_end_marker(
    lines: Sequence[Line], blocks: Sequence[tuple[int, int]], scores: list[float]
) -> None:
    """After enough prose, the first end marker (comments...) ends the article: score the rest
    as litter."""
    prose = 0
    for k, (first, last) in enumerate(blocks):
        if scores[k] > 0:
            prose += lines[last].end - lines[first].start
        elif prose >= END_AFTER_CHARS and is_end_marker(lines[first].text):
            scores[k:] = [LITTER] * (len(blocks) - k)
            return
