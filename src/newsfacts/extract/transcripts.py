"""Transcript turns: a paragraph that opens with a speaker's name in capitals and a colon.

Interviews, debates and press briefings are printed as transcripts:

    WALLACE: Let's start with the debate.
    "PENCE: Well, look, …

The colon is the cue, the name the source and the rest of the paragraph the content, a
direct quote. A turn runs on over the paragraphs after it, up to the next speaker's line,
when such a line follows (paragraphs of a block quote each open with a quote mark, which the
content leaves out). A stage direction on a paragraph of its own ("(CROSSTALK)") ends the
turn. Captions in capitals ("UPDATE:", "BYLINE:") are not turns: the name must be that of a
person the entity tagger found in the article.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.extract.attribution import Frame
from newsfacts.extract.quotes import paragraphs
from newsfacts.nlp.doctext import doc_text

_TURN = re.compile(r"(?P<open>[\"“]?)(?P<name>[A-Z][A-Z.'’ -]{0,30}[A-Z])(?P<colon>:)[ \t]+\S")
_STAGE = re.compile(r"[\"“]?[(\[][^()\[\]]*[)\]][.\"”]*")
_OPENING = '"“'
_CLOSING = '"”'
MAX_GAP = 4  # paragraphs a turn may run on before the next speaker's line


def turn_frames(doc: Doc) -> list[Frame]:
    """One frame per transcript turn of a person named in the article."""
    text = doc_text(doc)
    people = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" for t in ent if t.is_alpha}
    lines = paragraphs(text)
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
