"""Words given to a speaker with a colon: transcript turns and "Name: words" headlines.

Interviews, debates and press briefings are printed as transcripts:

    WALLACE: Let's start with the debate.
    "PENCE: Well, look, …

A paragraph that opens with a speaker's name in capitals and a colon is a turn: the colon is
the cue, the name the source and the rest of the paragraph the content, a direct quote. So is
one that opens with a person's name in ordinary case ("Macklem: Because the data …"), when
every word of the name is one of a person the entity tagger found, at least three words
follow (not a tally: "Rowe: 412.") and the name opens another paragraph too (not a list:
"Rowe: Hold the line."); such a turn keeps to its paragraph, less its final full stop. A
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
from collections import Counter

from spacy.tokens import Doc

from newsfacts.extract.attribution import Frame
from newsfacts.extract.interviews import ANSWER, answers
from newsfacts.extract.quotes import paragraphs
from newsfacts.nlp.doctext import doc_text

_TURN = re.compile(
    r"(?P<open>[\"“]?)(?P<name>[A-Z][A-Za-z.'’ -]{0,30}[A-Za-z])(?P<colon>:)[ \t]+\S"
)
_WORD = re.compile(r"[^\W\d_]+")
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
    turn = _TURN.match(text, *first[0]) if first else None
    if not first or first[0][0] != 0 or (turn is not None and turn.group("name").isupper()):
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
    named = {
        i
        for i, m in turns
        if _speaker_named(m.group("name"), people, text[m.end("colon") : lines[i][1]], i == 0)
    }
    speaking = Counter(m.group("name").split()[-1] for i, m in turns if i in named)
    frames: list[Frame] = []
    for k, (i, match) in enumerate(turns):
        name_start, name_end = match.span("name")
        capitals = match.group("name").isupper()
        if i not in named:
            continue
        if not capitals and speaking[match.group("name").split()[-1]] < 2:
            continue  # one line of a list ("Rowe: Hold the line."), not a transcript
        content = [_piece(text, match.end("colon"), lines[i][1], bool(match.group("open")))]
        if not capitals and text[content[0][1] - 1] == ".":  # mostly left out, as in headlines
            content[0] = (content[0][0], content[0][1] - 1)
        following = turns[k + 1][0] if k + 1 < len(turns) else None
        # (a name in ordinary case keeps to its paragraph)
        if following is not None and following - i <= MAX_GAP and capitals:
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


def _speaker_named(name: str, people: set[str], words: str, headline: bool) -> bool:
    """A turn's name: its last word in capitals is a person's ("PENCE:"); in ordinary case,
    each word is, at least three words follow ("Arvid: Well, that is fair."), and
    it is no headline (which gives only its own words: ``_headline_frames``)."""
    if name.isupper():
        return name.split()[-1].lower().rstrip(".") in people
    names = name.split()
    return (
        not headline
        and all(n[0].isupper() and n.lower().rstrip(".") in people for n in names)
        and len(_WORD.findall(words)) >= 3
    )


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


def answer_frames(doc: Doc) -> list[Frame]:
    """One frame per answer of a printed interview ("A: Not really. Consumers had …"): the
    "A" its source, which speaker resolution takes for the person interviewed
    (``interviews.interviewee``), the colon its cue, the rest of the paragraph its content,
    less a closing full stop (as PolNeAR's annotators mark it; "?" and "!" stay).
    What the answer itself reports ("I said so at the time") stays a frame of its own."""
    text = doc_text(doc)
    frames: list[Frame] = []
    for start, end in answers(text):
        match = ANSWER.match(text, start, end)
        if match is None:
            continue
        content = _piece(text, match.end(), end, block_quote=False)
        if text[content[1] - 1] == "." and text[content[1] - 2] != ".":
            content = (content[0], content[1] - 1)  # a full stop, not an ellipsis, left out
        if content[0] >= content[1]:
            continue
        frames.append(
            Frame(
                cue=[match.span("colon")],
                source=[match.span("label")],
                content=[content],
                source_span=doc.char_span(*match.span("label"), alignment_mode="expand"),
                quoted=True,  # the answer as it was given
                found_by="answer",
            )
        )
    return frames
