"""The last pass over each frame's pieces before they become attributions.

- the story's dateline is cut from sources and content (``datelines``);
- content never holds its own frame's source or cue (PolNeAR's 19,868 train attributions
  never do; a content stretched by a second tagger's opinion over "…, press secretary X
  said:" is cut around them);
- a piece with no letter or digit in it (a stray quote mark) is dropped.

Frames left with no content are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfacts.extract.attribution import Frame, Offsets
from newsfacts.extract.datelines import after_openers

EDGE = " \t\n,;"


def tidy_frames(frames: list[Frame], text: str, lines: Sequence[Offsets]) -> list[Frame]:
    """``frames`` tidied (``lines``: the story's dateline and time stamps, from
    ``datelines.openers``)."""
    for frame in frames:
        frame.source = [p for p in after_openers(frame.source, lines) if _has_word(text, p)]
        _cut_source_span(frame, lines)
        content = outside(after_openers(frame.content, lines), frame.source + frame.cue, text)
        frame.content = [p for p in content if _has_word(text, p)]
    return [f for f in frames if f.content]


def _cut_source_span(frame: Frame, lines: Sequence[Offsets]) -> None:
    """The parse span the speaker is read from, cut like the source where it opened in a
    dateline ("Springfield – Hundreds of nurses" is no speech of Springfield)."""
    span = frame.source_span
    if span is None or not any(start <= span.start_char < end for start, end in lines):
        return
    frame.source_span = (
        span.doc.char_span(frame.source[0][0], frame.source[-1][1], alignment_mode="expand")
        if frame.source
        else None
    )


def outside(pieces: Sequence[Offsets], holes: Sequence[Offsets], text: str) -> list[Offsets]:
    """``pieces`` less the stretches ``holes`` cover, each part trimmed of white space and
    commas at its edges."""
    parts: list[Offsets] = []
    for start, end in pieces:
        for hole_start, hole_end in sorted(holes):
            if hole_start < end and start < hole_end:
                if start < hole_start:
                    parts.append((start, hole_start))
                start = max(start, hole_end)
        if start < end:
            parts.append((start, end))
    return [t for t in (_trim(text, s, e) for s, e in parts) if t is not None]


def _trim(text: str, start: int, end: int) -> Offsets | None:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return (start, end) if start < end else None


def _has_word(text: str, piece: Offsets) -> bool:
    return any(c.isalnum() for c in text[piece[0] : piece[1]])
