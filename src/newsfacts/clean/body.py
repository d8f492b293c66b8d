"""Which lines are article body: score each line as prose or not, keep the densest run.

A scraped page is menus, then the article, then related links and footers. Each line gets a
score (positive for running prose, negative for short non-sentences); the body is the
contiguous run of lines with the largest total score, so short paragraphs, subheadings and
quotes inside the article are kept while menus and link lists around it are not. Litter lines
inside the run are dropped one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsfacts.clean.features import Block, block_features, blocks_of
from newsfacts.clean.headline import is_headline
from newsfacts.clean.lines import Line, Shape, shape
from newsfacts.clean.litter import is_comment_author, is_end_marker, is_litter
from newsfacts.clean.model import LineModel, default_model

# line scores: a sentence earns its length (60 characters earn 1), a short non-sentence costs 1
PROSE_BASE = 0.0
SHORT = -1.0
LITTER = -0.5
# this many characters of prose seen before an end marker make it the end of the article
END_AFTER_CHARS = 500
# in the model's run choice a block counts 1 + its length over this many characters (capped)
RUN_WEIGHT_CHARS = 100
MODEL_LITTER = -0.3  # a litter line's cost in the model's run choice
_FAR = 1e6  # past the end-marker cut nothing is body
# this many blocks in a row below the run threshold split the body run; its strongest part is kept
GAP_BLOCKS = 8


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


@dataclass(frozen=True)
class Page:
    """A page cut into blocks (paragraphs), with the rules' verdict and the model's features."""

    blocks: list[Block]
    run: tuple[int, int] | None  # block run the rules chose
    cut: int | None  # block where an end marker ended the article, by the rules
    rows: list[list[float]]  # model features, one row per block


def analyse(lines: Sequence[Line], skip: frozenset[int]) -> Page:
    """Blocks of ``lines`` scored by the rules and described for the line model."""
    litter = [is_litter(line.text) for line in lines]
    spans = paragraphs(lines, [lit or i in skip for i, lit in enumerate(litter)])
    texts = [_joined(lines, first, last) for first, last in spans]
    scores = [
        LITTER if first in skip else line_score(shape(texts[k]), litter[first])
        for k, (first, _) in enumerate(spans)
    ]
    marks = end_marks(lines, spans)
    cut = _cut_at_end_marker(lines, spans, scores, marks)
    ends = [False] * len(lines)
    heads = [False] * len(lines)
    for k, (first, _) in enumerate(spans):
        ends[first] = marks[k]
        heads[first] = is_headline(lines[first])
    blocks = blocks_of(lines, spans, litter, ends, heads, scores, skip)
    run = best_run(scores)
    return Page(blocks, run, cut, block_features(blocks, run, cut))


def body_lines(
    lines: Sequence[Line], skip: frozenset[int], model: LineModel | None = None
) -> list[int]:
    """Indices of the body lines; ``skip`` (title, byline) are never body.

    The line model gives each block a probability of being body; the body is the run of
    blocks with the largest total of (probability - run threshold), weighted by length, cut to
    its strongest part at long stretches of unlikely blocks, less the blocks inside it that the
    model, the litter rules or the end-marker cut reject.
    """
    page = analyse(lines, skip)
    if not page.blocks:
        return []
    model = model or default_model()
    probs = model.probabilities(page.rows)
    cut = len(page.blocks) if page.cut is None else page.cut
    never = [b.litter or b.skipped or k >= cut for k, b in enumerate(page.blocks)]
    pulls = [
        _run_score(b, probs[k], model.run_threshold) if k < cut else -_FAR
        for k, b in enumerate(page.blocks)
    ]
    run = best_run(pulls)
    if run is not None:
        run = _strongest_part(run, pulls, [p < model.run_threshold for p in probs])
    else:
        run = page.run
    if run is None:
        # no prose at all: keep everything that is not litter
        return [i for b in page.blocks if not b.litter and not b.skipped for i in _span(b)]
    return [
        i
        for k in range(run[0], run[1] + 1)
        if not never[k] and probs[k] >= model.keep_threshold
        for i in _span(page.blocks[k])
        if not is_litter(lines[i].text)
    ]


def _strongest_part(
    run: tuple[int, int], pulls: Sequence[float], weak: Sequence[bool]
) -> tuple[int, int]:
    """The part of ``run`` with the largest pull, once cut at every stretch of ``GAP_BLOCKS``
    or more weak blocks: a related-stories rail that a long teaser pulled into the run ends
    at such a stretch."""
    parts: list[tuple[int, int]] = []
    start = run[0]
    k = run[0]
    while k <= run[1]:
        if not weak[k]:
            k += 1
            continue
        end = k
        while end + 1 <= run[1] and weak[end + 1]:
            end += 1
        if end - k + 1 >= GAP_BLOCKS:
            if k > start:
                parts.append((start, k - 1))
            start = end + 1
        k = end + 1
    if start <= run[1]:
        parts.append((start, run[1]))
    if not parts:
        return run
    return max(parts, key=lambda part: sum(pulls[part[0] : part[1] + 1]))


def _run_score(block: Block, prob: float, threshold: float) -> float:
    """A block's pull on the body run: its odds above the threshold, weighted by length.
    Litter, title and byline are dropped anyway, so they only slightly split a run."""
    if block.litter or block.skipped:
        return MODEL_LITTER
    return (prob - threshold) * (1.0 + min(block.info.chars, 400) / RUN_WEIGHT_CHARS)


def _span(block: Block) -> range:
    return range(block.first, block.last + 1)


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


def end_marks(lines: Sequence[Line], blocks: Sequence[tuple[int, int]]) -> list[bool]:
    """Whether each block opens an end-of-article area: an end marker ("12 Comments"), or a
    commenter's line ("reader42 says:") with another after it (alone, such a line is more
    likely a quotation's lead-in: "Hewitt writes:")."""
    commenters = [k for k, (first, _) in enumerate(blocks) if is_comment_author(lines[first].text)]
    followed = frozenset(commenters[:-1])  # each but the last has another after it
    return [
        k in followed or is_end_marker(lines[first].text) for k, (first, _) in enumerate(blocks)
    ]


def _cut_at_end_marker(
    lines: Sequence[Line],
    blocks: Sequence[tuple[int, int]],
    scores: list[float],
    marks: Sequence[bool],
) -> int | None:
    """After enough prose, the first end mark (comments...) ends the article: score the rest
    as litter, and return the block where that happens."""
    prose = 0
    for k, (first, last) in enumerate(blocks):
        if scores[k] > 0:
            prose += lines[last].end - lines[first].start
        elif prose >= END_AFTER_CHARS and marks[k]:
            scores[k:] = [LITTER] * (len(blocks) - k)
            return k
    return None
