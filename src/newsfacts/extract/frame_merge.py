"""Frames from several sources combined: the tagger's with the rules', the LSTM tagger's as
a second opinion to the encoder's, and quoted pieces claimed by more than one frame.

``role_frames`` builds each tagger's frames; this module decides what to keep of each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from newsfacts.extract.attribution import Frame, Offsets, pieces_overlap
from newsfacts.extract.hearsay import as_hearsay, is_hearsay
from newsfacts.extract.quotes import Quote
from newsfacts.extract.role_frames import QUOTE_CHARS, frames_from_roles
from newsfacts.extract.split_quotes import mark_quotes
from newsfacts.nlp.doctext import doc_text


def consult_lstm(doc: Doc, frames: list[Frame], quotes: Sequence[Quote]) -> list[Frame]:
    """With the encoder tagger, the LSTM tagger's frames as a second opinion:

    - where the LSTM frames the same cue with other content, the better-formed of the two
      contents is kept (``_prefer_lstm``);
    - a frame with no source whose cue the LSTM does not frame is dropped (on PolNeAR dev,
      5 of 35 such frames were right).
    """
    from newsfacts.extract.roles import LSTM_ROLES_KEY, lstm_tagger, roles_of

    tagger = lstm_tagger(second_opinion=True)
    if tagger is None:
        return frames
    lstm = frames_from_roles(doc, roles_of(doc, tagger, LSTM_ROLES_KEY), quotes)
    by_cue = {tuple(f.cue): f.content for f in lstm}
    text = doc_text(doc)
    for frame in frames:
        content = by_cue.get(tuple(frame.cue))
        if content and content != frame.content and _prefer_lstm(doc, frame.content, content):
            frame.content = list(content)
            mark_quotes(frame, quotes, text)
    return [f for f in frames if f.source or any(pieces_overlap(f.cue, m.cue) for m in lstm)]


def _prefer_lstm(doc: Doc, encoder: Sequence[Offsets], lstm: Sequence[Offsets]) -> bool:
    """The content in fewer pieces; with as many, the one that is whole constituents where
    the other is not; else the LSTM's. (PolNeAR dev, where the two differ and one is exact:
    always the LSTM's, 119 of 221 right; this rule, 153.)"""
    if len(encoder) != len(lstm):
        return len(lstm) < len(encoder)
    return not (_constituents(doc, encoder) and not _constituents(doc, lstm))


def _constituents(doc: Doc, pieces: Sequence[Offsets]) -> bool:
    """Every piece is the whole subtree of its head word, edge punctuation aside."""
    for start, end in pieces:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        subtree = list(span.root.subtree)
        if _inner(doc, subtree[0].i, subtree[-1].i + 1) != _inner(doc, span.start, span.end):
            return False
    return True


def _inner(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return start, end


def merge_frames(model: list[Frame], rules: list[Frame], doc: Doc) -> list[Frame]:
    """The tagger's frames, with the rules' quote-snapped content where the rules found a
    direct quote for the same cue, plus the rule frames whose cue the tagger did not cover,
    but for unlikely claims (``_unlikely_claim``). A tagger frame whose cue is "reportedly"
    or the like gives its source to its content (``hearsay``)."""
    text = doc_text(doc)
    merged: list[Frame] = []
    hearsay = {id(f) for f in model if is_hearsay(f, text)}
    for frame in model:
        if id(frame) in hearsay:
            as_hearsay(frame)
    for frame in model:
        twin = next((r for r in rules if pieces_overlap(frame.cue, r.cue)), None)
        frame.found_by = "tagger" if twin is None else "both"
        if twin is not None:
            _adopt(frame, twin, text)
        merged.append(frame)
    for frame in rules:
        # a rule frame inside hearsay stays: "Price reportedly told associates that …" is
        # also what Price told them
        if not any(
            pieces_overlap(frame.cue, m.cue)
            or (pieces_overlap(frame.cue, m.content) and id(m) not in hearsay)
            for m in model
        ) and not _unlikely_claim(doc, frame):
            frame.found_by = "rules"
            merged.append(frame)
    return merged


UNLIKELY_TAGS = frozenset({"VB", "VBN", "VBP"})
UNLIKELY_DEPS = frozenset({"relcl", "ccomp"})


def _unlikely_claim(doc: Doc, frame: Frame) -> bool:
    """A rule frame of plain content that the tagger passed over, whose cue is a verb's bare
    form ("refused to confirm …", "would question …"), a past participle ("was seen as"), a
    plural present ("they say", "I think"), or a verb inside a relative or complement clause
    ("the plan that critics said …", "he said they believe …": PolNeAR puts no cue inside
    another attribution's content).

    Of the rule frames the tagger did not cover, such frames were right 12 times of 46 on
    PolNeAR dev and 55 of 335 on train. Left out, dev went from 77.66 / 73.16 / 61.11 to
    77.83 / 73.42 / 61.43 and train from 81.97 / 80.45 / 68.95 to 82.35 / 80.88 / 69.36
    (exact-span F1 of source, cue and content). Quotes and "according to" stay: the rules
    find those reliably."""
    if frame.quoted or frame.according_to or not frame.cue:
        return False
    cue = doc.char_span(*frame.cue[0], alignment_mode="expand")
    if cue is None:
        return False
    return cue.root.tag_ in UNLIKELY_TAGS or cue.root.dep_ in UNLIKELY_DEPS


def _adopt(frame: Frame, twin: Frame, text: str) -> None:
    """Take from the rule frame for the same cue what rules find more reliably."""
    if (twin.quoted or twin.according_to) and not _elsewhere(frame, twin, text):
        # the tagger's further quoted pieces ("“A,” he said. “B.”") stay with the cue
        extra = [
            p
            for p in frame.content
            if text[p[0]] in QUOTE_CHARS and not pieces_overlap([p], twin.content)
        ]
        frame.content = sorted(list(twin.content) + extra)
        frame.quoted = twin.quoted
        frame.quotes = list(twin.quotes)
        frame.according_to = twin.according_to
    if twin.according_to and pieces_overlap(twin.content, frame.source):
        # "According to exit polls by Edison Research, majorities of voters … want": the
        # tagger ran the source into the clause the rules read as content
        frame.source = list(twin.source)
        frame.source_span = twin.source_span
        frame.speaker_span = twin.speaker_span
    elif twin.according_to and _named_after(twin.source, frame.source, text):
        # "according to the utility, Coastal Energy": the rules kept the name after it
        frame.source = list(twin.source)
        frame.source_span = twin.source_span
        frame.speaker_span = twin.speaker_span
    elif not frame.source and twin.source and not pieces_overlap(twin.source, frame.content):
        # (a passive cue's subject is content: "Van Dalen is expected to present …")
        frame.source = list(twin.source)
        frame.source_span = twin.source_span
        frame.speaker_span = twin.speaker_span
    if frame.via is None:
        frame.via = twin.via


NAME_AFTER = re.compile(r",\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*")


def _named_after(longer: Sequence[Offsets], shorter: Sequence[Offsets], text: str) -> bool:
    """``longer`` is ``shorter`` and a name after a comma ("the utility, Coastal Energy")."""
    if not (longer and shorter) or longer[0][0] != shorter[0][0]:
        return False
    end = shorter[-1][1]
    return longer[-1][1] > end and NAME_AFTER.fullmatch(text, end, longer[-1][1]) is not None


def _elsewhere(frame: Frame, twin: Frame, text: str) -> bool:
    """The rule frame's content lies wholly on other lines than the cue, and the tagger's
    frame has content on the cue's line: "X responded to the claim that …" keeps its own
    content rather than a quote the rules gave it from the next paragraph."""

    def line(offset: int) -> int:
        return text.count("\n", 0, offset)

    here = line(frame.cue[0][0])
    return all(line(s) != here for s, _ in twin.content) and any(
        line(s) == here for s, _ in frame.content
    )


def settle_shared_quotes(frames: list[Frame], text: str) -> list[Frame]:
    """A quoted piece claimed by several frames stays with the frame whose cue is nearest
    (on a tie, the one holding more pieces: "“A,” he said. “B.”" is one attribution).
    A frame keeps a shared piece when it is all the content it has."""
    for frame in frames:
        for piece in frame.content:
            if text[piece[0]] not in QUOTE_CHARS:
                continue
            rivals = [f for f in frames if f is not frame and pieces_overlap([piece], f.content)]
            if not rivals:
                continue
            best = min([frame, *rivals], key=lambda f: (_cue_distance(f, piece), -len(f.content)))
            for loser in [frame, *rivals]:
                kept = [p for p in loser.content if not pieces_overlap([p], [piece])]
                if loser is not best and kept:
                    loser.content = kept
    return frames


def _cue_distance(frame: Frame, piece: tuple[int, int]) -> int:
    start, end = piece
    return min((max(s - end, start - e, 0) for s, e in frame.cue), default=10**9)
