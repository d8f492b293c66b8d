"""Word-shingle precision/recall/F1, the usual score of article-body extraction benchmarks."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of lowercased word ``n``-grams; a text shorter than ``n`` words is one shingle."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return Counter()
    if len(words) < n:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def shingle_score(predicted: str, expected: str, n: int = 4) -> Score:
    """Score ``predicted`` against ``expected``.

    Both empty is a perfect score; one of them empty scores 0 for F1 (precision is 1 when
    nothing was predicted, recall is 1 when nothing was expected).
    """
    pred, gold = shingles(predicted, n), shingles(expected, n)
    if not pred and not gold:
        return Score(1.0, 1.0, 1.0)
    if not pred:
        return Score(1.0, 0.0, 0.0)
    if not gold:
        return Score(0.0, 1.0, 0.0)
    overlap = sum((pred & gold).values())
    precision = overlap / sum(pred.values())
    recall = overlap / sum(gold.values())
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return Score(precision, recall, f1)


def mean_score(scores: list[Score]) -> Score:
    """Per-page scores averaged (macro average)."""
    if not scores:
        return Score(0.0, 0.0, 0.0)
    k = len(scores)
    return Score(
        sum(s.precision for s in scores) / k,
        sum(s.recall for s in scores) / k,
        sum(s.f1 for s in scores) / k,
    )
