"""Split text into trimmed lines that keep their offsets, and describe each line's prose shape."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# a sentence ends with . ! ? … (or CJK marks), possibly followed by closing quotes/brackets
_SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’»)\]]*)$")
_LEFT_SPACE = re.compile(r"^\s*")
_RIGHT_SPACE = re.compile(r"\s*$")


@dataclass(frozen=True)
class Line:
    """A non-empty line of the text, trimmed: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Shape:
    """What a line looks like: how much it reads as a sentence of running prose."""

    words: int
    chars: int
    sentence_end: bool
    stop_ratio: float  # share of words that are English function words
    capital_ratio: float  # share of words that start with a capital letter
    lower_start: bool  # starts with a lowercase letter (a continued sentence)


def split_lines(text: str) -> list[Line]:
    """Every non-blank line of ``text`` without its surrounding whitespace."""
    out: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        lead = _LEFT_SPACE.match(raw)
        trail = _RIGHT_SPACE.search(raw)
        start = pos + (lead.end() if lead else 0)
        end = pos + (trail.start() if trail else len(raw))
        if end > start:
            out.append(Line(start, end, text[start:end]))
        pos += len(raw)
    return out


def words(text: str) -> list[str]:
    """Word tokens: runs of letters (apostrophes inside kept)."""
    return _WORD.findall(text)


@lru_cache(maxsize=8192)
def shape(text: str) -> Shape:
    """Describe ``text`` (one trimmed line)."""
    tokens = words(text)
    n = len(tokens)
    stop = stopwords()
    n_stop = sum(1 for w in tokens if w.lower() in stop)
    n_cap = sum(1 for w in tokens if w[0].isupper())
    return Shape(
        words=n,
        chars=len(text),
        sentence_end=bool(_SENTENCE_END.search(text)),
        stop_ratio=n_stop / n if n else 0.0,
        capital_ratio=n_cap / n if n else 0.0,
        lower_start=text[:1].islower(),
    )


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(w for line in read_data("clean_stopwords.txt") for w in line.split())


def read_data(name: str) -> list[str]:
    """Non-comment, non-blank lines of a data file of the package."""
    raw = resources.files("newsfacts.data").joinpath(name).read_text(encoding="utf-8")
    return [s for s in (line.strip() for line in raw.splitlines()) if s and not s.startswith("#")]
