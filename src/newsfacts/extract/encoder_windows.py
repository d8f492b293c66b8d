"""Windows, decoding and spans of the encoder role tagger, shared by training and run time.

Functions over words, word pieces and label scores (numpy only; the tokenizer is passed
in), so that the windows the network is trained on are the windows it reads at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy

LABELS = ("O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT")
# one window: its piece ids ([CLS] … [SEP]), and each word read with the position of its
# first piece
Window = tuple[list[int], list[tuple[int, int]]]


def network_windows(
    tokenizer: Any, words: Sequence[str], sent_starts: Sequence[int], width: int
) -> list[Window]:
    """The network's input for an article's words (``tokenizer``: a ``tokenizers.Tokenizer``
    with no truncation). A word is cut to ``width`` pieces, so that a very long one (a URL
    of hundreds of pieces) still fits the network's 512 positions."""
    if not words:
        return []
    encoded = tokenizer.encode(list(words), is_pretokenized=True, add_special_tokens=False)
    pieces: list[list[int]] = [[] for _ in words]
    for piece, word in zip(encoded.ids, encoded.word_ids, strict=True):
        if word is not None and len(pieces[word]) < width:
            pieces[word].append(piece)
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    windows = []
    for span in pack_windows([len(p) for p in pieces], sent_starts, width):
        ids, firsts = [cls], []
        for i in span:
            if pieces[i]:
                firsts.append((i, len(ids)))
                ids.extend(pieces[i])
        ids.append(sep)
        windows.append((ids, firsts))
    return windows


def blank_scores(n_words: int) -> numpy.ndarray:
    """Log-probabilities to fill in: a word with no pieces (white space) stays outside
    every span."""
    logp = numpy.full((n_words, len(LABELS)), -30.0, dtype=numpy.float32)
    logp[:, 0] = 0.0
    return logp


def word_labels(
    words: Sequence[str], logp: numpy.ndarray, learned: Transitions | None = None
) -> list[str]:
    """The best valid BIO labels for the words; white space is labelled O."""
    kept = [i for i, w in enumerate(words) if w.strip()]
    labels = ["O"] * len(words)
    for i, tag in zip(kept, decode(logp[kept], learned), strict=True):
        labels[i] = LABELS[tag]
    return labels


def pack_windows(sizes: Sequence[int], sent_starts: Sequence[int], width: int) -> list[range]:
    """Word ranges holding whole sentences, each at most ``width`` pieces in all (``sizes``:
    pieces per word); a sentence longer than ``width`` is cut between words."""
    bounds = [*sent_starts, len(sizes)]
    units: list[tuple[int, int]] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        first, size = start, 0
        for i in range(start, end):
            if size + sizes[i] > width and i > first:
                units.append((first, i))
                first, size = i, 0
            size += sizes[i]
        units.append((first, end))
    packed: list[tuple[int, int]] = []
    size = 0
    for start, end in units:
        n = sum(sizes[start:end])
        if packed and size + n <= width:
            packed[-1] = (packed[-1][0], end)
            size += n
        else:
            packed.append((start, end))
            size = n
    return [range(start, end) for start, end in packed]


_ALLOWED = numpy.array([[not c.startswith("I-") or p[2:] == c[2:] for c in LABELS] for p in LABELS])
_TRANSITION = numpy.where(_ALLOWED, 0.0, -1e9)
_OPENING = numpy.where([not c.startswith("I-") for c in LABELS], 0.0, -1e9)


@dataclass(frozen=True)
class Transitions:
    """Scores a CRF layer learnt with the network: of each label after each other one
    (``step``, rows the label before), and of the first and the last label of an article."""

    step: numpy.ndarray
    first: numpy.ndarray
    last: numpy.ndarray

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Transitions:
        n = len(LABELS)
        step, first, last = (
            numpy.asarray(data[k], dtype=numpy.float32) for k in ("step", "first", "last")
        )
        if step.shape != (n, n) or first.shape != (n,) or last.shape != (n,):
            raise ValueError(f"transitions must be {n} by {n}, {n} and {n} scores")
        return cls(step, first, last)


def decode(logp: numpy.ndarray, learned: Transitions | None = None) -> list[int]:
    """The best label sequence (indices into LABELS) in which no I- label follows anything
    but its own B- or I-, with the ``learned`` transition scores added where given."""
    if len(logp) == 0:
        return []
    step = _TRANSITION if learned is None else _TRANSITION + learned.step
    score = logp[0] + _OPENING + (0.0 if learned is None else learned.first)
    back = numpy.zeros((len(logp), len(LABELS)), dtype=numpy.int64)
    for t in range(1, len(logp)):
        candidates = score[:, None] + step
        back[t] = candidates.argmax(0)
        score = candidates.max(0) + logp[t]
    if learned is not None:
        score = score + learned.last
    path = [int(score.argmax())]
    for t in range(len(logp) - 1, 0, -1):
        path.append(int(back[t][path[-1]]))
    return path[::-1]


def labelled_spans(labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """BIO labels to (role, start, end) spans over word indices, in text order."""
    found: list[tuple[str, int, int]] = []
    current: tuple[str, int] | None = None
    for i, label in enumerate([*labels, "O"]):
        if current and not (label.startswith("I-") and label[2:] == current[0]):
            found.append((current[0], current[1], i))
            current = None
        if label.startswith("B-"):
            current = (label[2:], i)
    return found
