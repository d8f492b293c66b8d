"""Quotes that a sentence split or a cue's position handed to the wrong cue, given back
("“A,” she said, “B.”"), and the quotes each frame's content touches."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsfacts.extract.attribution import Frame
from newsfacts.extract.content_pieces import QUOTE_CLOSERS, QUOTE_OPENERS, direct_quote
from newsfacts.extract.quotes import Quote
from newsfacts.extract.roles import Role


def pair_split_quotes(
    doc: Doc, cues: Sequence[Role], sources: Sequence[Role], owned: dict[int, list[Role]]
) -> None:
    """“A,” she said, “B.” — the quote that resumes right after the cue (and its source)
    belongs to that cue, whichever cue the sentence split gave it to."""
    source_tokens = {i for s in sources for i in range(s.start, s.end)}
    for i, cue in enumerate(cues):
        if not any(doc[c.end - 1].text in QUOTE_CLOSERS for c in owned[i] if c.end <= cue.start):
            continue
        # where the cue was said may stand between: "she said at a rally in Ohio, “B.”"
        setting = {
            t.i
            for child in doc[cue.start : cue.end].root.rights
            if child.i >= cue.end
            and child.dep_ in ("prep", "npadvmod")
            and not any(t.pos_ == "VERB" for t in child.subtree)  # "before asking her"
            for t in child.subtree
        }
        k = cue.end
        while (
            k < len(doc)
            and k - cue.end < 16
            and (
                k in source_tokens
                or (doc[k].text not in QUOTE_OPENERS and (k in setting or doc[k].is_punct))
            )
        ):
            k += 1
        for j, others in owned.items():
            resumed = next((c for c in others if c.start == k), None)
            if j != i and resumed is not None and doc[k].text in QUOTE_OPENERS:
                others.remove(resumed)
                owned[i].append(resumed)


def _closed_quote(doc: Doc, content: Role) -> bool:
    """A quote that is a whole sentence of its own: “… .”"""
    return (
        content.end - content.start > 2
        and direct_quote(doc, content)
        and doc[content.end - 2].text in (".", "?", "!")
    )


def resume_closed_quotes(
    doc: Doc, cues: Sequence[Role], owned: dict[int, list[Role]], sentence: Sequence[int]
) -> None:
    """'"A," said X, a professor. "B." Y recalled …': a closed quote that opens a sentence
    continues the speaker quoted in the sentence before, not a cue that follows it."""
    for i, cue in enumerate(cues):
        for content in list(owned[i]):
            if content.end > cue.start or not _closed_quote(doc, content):
                continue
            if content.start > 0 and sentence[content.start - 1] == sentence[content.start]:
                continue  # the quote does not open its sentence
            earlier = [
                j
                for j in range(len(cues))
                if cues[j].end <= content.start
                and 0 < sentence[content.start] - sentence[cues[j].start] <= 1
                and any(doc[c.end - 1].text in QUOTE_CLOSERS for c in owned[j])
            ]
            if earlier:
                owned[i].remove(content)
                owned[max(earlier)].append(content)


def mark_quotes(frame: Frame, quotes: Sequence[Quote], text: str) -> None:
    """Record which quotes the content touches, and whether it is nothing but quotes."""
    touched = [q for q in quotes if any(s < q.end and q.start < e for s, e in frame.content)]
    frame.quotes = touched
    if touched:
        inside = [(q.start, q.end) for q in touched]
        frame.quoted = all(
            all(
                not ch.isalnum()
                for k, ch in enumerate(text[s:e], start=s)
                if not any(a <= k < b for a, b in inside)
            )
            for s, e in frame.content
        )
