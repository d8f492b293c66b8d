"""Words given to a speaker with a colon: transcript turns and "Name: words" headlines.

Interviews, debates and press briefings are printed as transcripts:

    WALLACE: Let's start with the debate.
    "PENCE: Well, look, …

A paragraph that opens with a speaker's name in capitals and a colon is a turn: the colon is
the cue, the name the source and the rest of the paragraph the content, a direct quote. A
turn runs on over the paragraphs after it, up to the next speaker's line, when such a line
follows (paragraphs of a block quote each open with a quote mark, which the content leaves
out). A stage direction on a paragraph of its own ("(CROSSTALK)") ends the turn. Captions in
capitals ("UPDATE:", "BYLINE:") are not turns: the name must be that of a person the entity
tagger found in the article.

A headline made of a person's name, a colon and words ("Holt: Budget Won't Pass
Before May.") gives the words to the person, as PolNeAR's annotators read it (30 of 33 such
headlines in train and dev); "Breaking:" or "Poll:" name no person and give nothing.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.extract.attribution import Frame
from newsfacts.extract.quotes import paragraphs
from newsfacts.nlp.doctext import doc_text

_TURN = re.compile(r"(?P<open>[\"“]?)(?P<name>[A-Z][A-Z.'’ -]{0,30}[A-Z])(?P<colon>:)[ \t]+\S")
_HEADLINE = re.compile(r"(?P<name>[^:\n]{1,60}?)(?P<colon>:)\s+(?P<words>\S.*\S)")
_STAGE = re.compile(r"[\"“]?[(\[][^()\[\]]*[)\]][.\"”]*")
_OPENING = '"“'
_CLOSING = '"”'
MAX_GAP = 4  # paragraphs a turn may run on before the next speaker's line


def colon_frames(doc: Doc) -> list[Frame]:
    """Frames for the transcript turns and a "Name: words" headline in ``doc``."""
    text = doc_text(doc)
    lines = paragraphs(text)
    return _headline_frames(doc, text, lines[:1]) + _turn_frames(doc, text, lines)


def _headline_frames(doc: Doc, text: str, first: list[tuple[int, int]]) -> list[Frame]:
    """The headline's frame: the text's first line, when it is in the parsed body."""
    if not first or first[0][0] != 0 or _TURN.match(text, *first[0]):
        return []
    if (match := _HEADLINE.fullmatch(text, *first[0])) is None:
        return []
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.start_char == 0]
    if not people or people[0].end_char != match.end("name"):
        return []  # the words before the colon must be a person's whole name
    end = match.end("words")
    if text[end - 1] in ".;":
        end -= 1  # the headline's period (or an outlet's ";"), mostly left out of the content
    return [
        Frame(
            cue=[match.span("colon")],
            source=[match.span("name")],
            content=[(match.start("words"), end)],
            source_span=people[0],
        )
    ]


def _turn_frames(doc: Doc, text: str, lines: list[tuple[int, int]]) -> list[Frame]:
    """One frame per transcript turn of a person named in the article."""
    people = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" for t in ent if t.is_alpha}
    turns = [(i, m) for i, (s, e) in enumerate(lines) if (m := _TURN.match(text, s, e))]
    frames: list[Frame] = []
    for k, (i, match) in enumerate(turns):
        name_start, name_end = match.span("name")
        if match.group("name").split()[-1].lower().rstrip(".") not in people:
            continue
        content = [_piece(text, match.end("colon"), lines[i][1], bool(match.group("open")))]
        following = turns[k + 1][0] if k + 1 < len(turns) else None
        if following is not None and following - i <= MAX_GAP:
            for start, end in lines[i + 1 : following]:
                if _STAGE.fullmatch(text, start, end):
                    break
                if match.group("open") and text[start] not in _OPENING:
                    break
                content.append(_piece(text, start, end, bool(match.group("open"))))
        frames.append(
            Frame(
                cue=[match.span("colon")],
                source=[(name_start, name_end)],
                content=[p for p in content if p[0] < p[1]],
                source_span=doc.char_span(name_start, name_end, alignment_mode="expand"),
                quoted=True,  # a transcript gives the words as spoken
            )
        )
    return frames


def _piece(text: str, start: int, end: int, block_quote: bool) -> tuple[int, int]:
    """The words of a turn's paragraph: without its block quote's marks and outer spaces."""
    if block_quote and text[start] in _OPENING:
        start += 1
    while start < end and text[start].isspace():
        start += 1
    if block_quote and end > start and text[end - 1] in _CLOSING:
        if not any(c in _OPENING + _CLOSING for c in text[start : end - 1]):
            end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
