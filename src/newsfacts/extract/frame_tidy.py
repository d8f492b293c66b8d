"""The last pass over each frame's pieces before they become attributions.

- the story's dateline is cut from sources and content (``datelines``);
- content never holds its own frame's source or cue (PolNeAR's 19,868 train attributions
  never do; a content stretched by a second tagger's opinion over "…, press secretary X
  said:" is cut around them);
- a piece with no letter or digit in it (a stray quote mark) is dropped;
- "That said," and "Having said that," turn the writer's argument: no frame has its cue
  there, and no content holds it;
- "The stock added 2%" is a gain, not a remark: a frame whose cue is "added" and whose
  content is a quantity with no verb is dropped.

Frames left with no content are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from newsfacts.extract.attribution import Frame, Offsets
from newsfacts.extract.datelines import after_openers
from newsfacts.extract.quotes import Quote
from newsfacts.nlp.doctext import doc_text

EDGE = " \t\n,;"
COVERED = 0.6  # the share of a frame's content another must cover to say the same


def tidy_frames(
    frames: list[Frame], doc: Doc, lines: Sequence[Offsets], quotes: Sequence[Quote]
) -> list[Frame]:
    """``frames`` tidied (``lines``: the story's dateline and time stamps, from
    ``datelines.openers``; ``quotes``: its quoted stretches, from ``quotes.find_quotes``)."""
    text = doc_text(doc)
    turns = _turns(text, quotes)
    frames = [f for f in frames if not any(_inside(c, turns) for c in f.cue)]
    for frame in frames:
        frame.source = [p for p in after_openers(frame.source, lines) if _has_word(text, p)]
        _cut_source_span(frame, lines)
        holes = frame.source + frame.cue + turns
        content = outside(after_openers(frame.content, lines), holes, text)
        frame.content = [p for p in content if _has_word(text, p)]
    frames = [f for f in frames if f.content and not _quantity_added(f, doc)]
    return [f for f in frames if not _said_by_according_to(f, frames)]


def _said_by_according_to(frame: Frame, frames: Sequence[Frame]) -> bool:
    """A frame with no source whose content an "according to" frame mostly covers: the
    same claim, whose source that one names ("Kane is understood to be keen on a return,
    according to people close to him")."""
    if frame.source:
        return False
    size = sum(end - start for start, end in frame.content)
    return any(
        other.according_to
        and other.source
        and sum(_shared(piece, theirs) for piece in frame.content for theirs in other.content)
        >= COVERED * size
        for other in frames
    )


def _shared(a: Offsets, b: Offsets) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# the writer's turn of argument, at the start of a sentence or a bracket
TURN = re.compile(r"(?:(?:That|This)(?: being)? said|Having said (?:that|this)),")
SENTENCE_ENDS = ".!?(\n\"“”'"


def _turns(text: str, quotes: Sequence[Quote]) -> list[Offsets]:
    """Where the text says "That said," or "Having said that," as a sentence opens, outside
    quote marks (a speaker's own "That said," stays in the quote)."""
    found: list[Offsets] = []
    for match in TURN.finditer(text):
        before = text[: match.start()].rstrip(" \t")
        if before and before[-1] not in SENTENCE_ENDS:
            continue
        if not any(q.start <= match.start() < q.end for q in quotes):
            found.append((match.start(), match.end()))
    return found


def _inside(piece: Offsets, stretches: Sequence[Offsets]) -> bool:
    return any(start <= piece[0] and piece[1] <= end for start, end in stretches)


ADDED = frozenset({"add", "adds", "added", "adding"})
QUANTITY = re.compile(
    r"(?:(?:more than|less than|about|nearly|almost|another|roughly|over|some|up to)\s+)?"
    r"[$€£]?\d"
)


def _quantity_added(frame: Frame, doc: Doc) -> bool:
    """A cue "added" whose content is a quantity and no clause ("The index added more than
    2%", "organizers added 160 guards"): PolNeAR's annotators never mark one."""
    text = doc_text(doc)
    cue = text[frame.cue[-1][0] : frame.cue[-1][1]].lower().split()
    if not cue or cue[-1] not in ADDED:
        return False
    start, end = frame.content[0][0], frame.content[-1][1]
    if not QUANTITY.match(text, start):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)


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
