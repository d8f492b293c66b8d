"""What each paragraph of a page looks like, alone and among its neighbours, as numbers.

These features feed the line model (``model.py``); ``bench/train_cleaner.py`` learns its weights
from the same function, so the model sees at run time exactly what it was trained on.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsfacts.clean.lines import Line, Shape, shape

_CLOSERS = "\"'”’»)]"
_BULLET = re.compile(r"^[»«•·*>|►▶→✓+–—-]")
_TRUNCATED = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\W{0,3}$")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:19|20)\d{2}\b")
_LABEL = re.compile(r"^[^\s:]{1,25}(?: [^\s:]{1,25}){0,2}\s*:")
_DIGIT = re.compile(r"\d")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you're|you’re|you'll|you’ll)\b", re.I)
_LINK = re.compile(r"https?://|www\.|\S@\S|(?:^|\s)@\w|\.(?:com|org|net|co\.uk)\b", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_NON_LATIN = re.compile(r"[^\W\d_\x00-\u02ff]")  # letters beyond Latin: CJK, Cyrillic, Arabic...
# a word glued to the next one's capital ("...OptionsThe 49ers"): a teaser's headline run into its
# summary when a page's inline elements are flattened
_GLUED = re.compile(r"[a-z]{3}[.!?]?[A-Z][a-z]")

FEATURE_NAMES: tuple[str, ...] = (
    "log_chars",
    "log_words",
    "sentence_end",
    "stop_ratio",
    "capital_ratio",
    "digit_ratio",
    "commas_per_word",
    "litter",
    "end_marker",
    "lower_start",
    "headline",
    "bullet",
    "truncated",
    "all_caps",
    "non_latin",
    "duplicate",
    "label_colon",
    "clock_or_year",
    "rule_score",
    "position",
    "in_rule_run",
    "run_distance",
    "after_end_marker",
    "prev_score",
    "next_score",
    "window3_score",
    "window8_score",
    "prev_headline",
    "next_headline",
    "window5_prose",
    "prev_log_chars",
    "next_log_chars",
    "prose_before",
    "prose_words",
    "non_latin_sentence",
    "second_person",
    "link_like",
    "question_end",
    "glued_words",
)


@dataclass(frozen=True)
class Block:
    """One paragraph of the page (a line, or hard-wrapped lines joined) and what it is."""

    first: int  # first line index
    last: int  # last line index
    text: str
    info: Shape
    litter: bool
    end_marker: bool
    headline: bool
    score: float  # the rule score (``body.line_score``), after the end-marker cut
    skipped: bool  # title or byline: never body


def block_features(
    blocks: Sequence[Block], run: tuple[int, int] | None, cut: int | None
) -> list[list[float]]:
    """One row of ``FEATURE_NAMES`` values per block.

    ``run`` is the block run the rules chose, ``cut`` the block where an end marker (comments...)
    ended the article by the rules, if any.
    """
    n = len(blocks)
    if n == 0:
        return []
    counts = Counter(b.text for b in blocks)
    scores = _Window([_clip(b.score) for b in blocks])
    prose = _Window([1.0 if b.score > 0 else 0.0 for b in blocks])
    prose_chars = [b.info.chars if b.score > 0 else 0 for b in blocks]
    total_prose = sum(prose_chars) or 1
    log_chars = [math.log1p(b.info.chars) / 6 for b in blocks]
    rows: list[list[float]] = []
    seen_prose = 0
    for i, b in enumerate(blocks):
        info = b.info
        text = b.text
        non_latin = 0.0 if text.isascii() else _non_latin_share(text)
        rows.append(
            [
                log_chars[i],
                math.log1p(info.words) / 4,
                float(info.sentence_end),
                info.stop_ratio,
                info.capital_ratio,
                len(_DIGIT.findall(text)) / max(info.chars, 1),
                min(text.count(",") / max(info.words, 1), 1.0),
                float(b.litter),
                float(b.end_marker),
                float(info.lower_start),
                float(b.headline),
                float(bool(_BULLET.match(text))),
                float(bool(_TRUNCATED.search(text))),
                float(text.isupper()),
                non_latin,
                float(counts[text] > 1),
                float(bool(_LABEL.match(text))),
                float(bool(_CLOCK.search(text))),
                scores.values[i],
                i / n,
                float(run is not None and run[0] <= i <= run[1]),
                _run_distance(i, run, n),
                float(cut is not None and i >= cut),
                scores.values[i - 1] if i > 0 else -0.2,
                scores.values[i + 1] if i + 1 < n else -0.2,
                scores.mean_around(i, 3),
                scores.mean_around(i, 8),
                float(blocks[i - 1].headline) if i > 0 else 0.0,
                float(blocks[i + 1].headline) if i + 1 < n else 0.0,
                prose.mean_around(i, 5),
                log_chars[i - 1] if i > 0 else 0.0,
                log_chars[i + 1] if i + 1 < n else 0.0,
                seen_prose / total_prose,
                math.log1p(sum(prose_chars)) / 10,
                non_latin * float(info.sentence_end),
                len(_SECOND_PERSON.findall(text)) / max(info.words, 1),
                float(bool(_LINK.search(text))),
                float(text.rstrip(_CLOSERS).endswith(("?", "？"))),
                float(bool(_GLUED.search(text))),
            ]
        )
        seen_prose += prose_chars[i]
    return rows


def blocks_of(
    lines: Sequence[Line],
    spans: Sequence[tuple[int, int]],
    litter: Sequence[bool],
    end_marker: Sequence[bool],
    headline: Sequence[bool],
    scores: Sequence[float],
    skip: frozenset[int],
) -> list[Block]:
    """Bundle what is known about each ``(first, last)`` span of lines."""
    out: list[Block] = []
    for k, (first, last) in enumerate(spans):
        text = lines[first].text if first == last else _joined(lines, first, last)
        out.append(
            Block(
                first=first,
                last=last,
                text=text,
                info=shape(text),
                litter=litter[first],
                end_marker=end_marker[first],
                headline=headline[first],
                score=scores[k],
                skipped=first in skip,
            )
        )
    return out


def _joined(lines: Sequence[Line], first: int, last: int) -> str:
    return " ".join(lines[i].text for i in range(first, last + 1))


def _clip(score: float) -> float:
    return max(-1.0, min(score, 7.0)) / 7


class _Window:
    """Values with prefix sums, for the mean of a block's neighbours."""

    def __init__(self, values: list[float]) -> None:
        self.values = values
        self.prefix = [0.0]
        for v in values:
            self.prefix.append(self.prefix[-1] + v)

    def mean_around(self, i: int, width: int) -> float:
        """Mean of the values within ``width`` of ``i``, ``i`` itself left out."""
        lo, hi = max(0, i - width), min(len(self.values), i + width + 1)
        return (self.prefix[hi] - self.prefix[lo] - self.values[i]) / max(hi - lo - 1, 1)


def _non_latin_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_NON_LATIN.findall(text)) / letters if letters else 0.0


def _run_distance(i: int, run: tuple[int, int] | None, n: int) -> float:
    if run is None:
        return 1.0
    gap = run[0] - i if i < run[0] else i - run[1] if i > run[1] else 0
    return math.log1p(gap) / math.log1p(max(n, 1))
