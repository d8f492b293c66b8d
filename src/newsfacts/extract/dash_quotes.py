"""Quotes signed with a dash: a paragraph that is a quote followed by "― Name".

Collections of readers' or voters' comments, pull quotes and epigraphs print the speaker
after the quote, with no verb: “He makes blanket statements about us.” ― Pamela Padilla.
The dash is the cue, the name the source and the quote, marks included, the content.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsfacts.extract.attribution import Frame, pieces_overlap
from newsfacts.extract.quotes import paragraphs
from newsfacts.nlp.doctext import doc_text

DASHES = "―—–"
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|de|da|del|van|von|la|le|al|el|bin)"
_SIGNED = re.compile(
    r"(?P<quote>[“”\"«].*[”\"»])\s*(?P<dash>[―—–]|--)\s*"
    rf"(?P<name>[A-Z][\w’'.-]*(?:[ \u00a0]+{_NAME_WORD}){{0,4}}?)"
    r"[ \u00a0]*(?:[.,][ \u00a0]*)?$"
)
KEEP_PERIOD = frozenset({"Jr.", "Sr.", "St."})


def dash_frames(doc: Doc) -> list[Frame]:
    """One frame per paragraph of the form “quote” ― Name."""
    text = doc_text(doc)
    frames: list[Frame] = []
    for start, end in paragraphs(text):
        match = _SIGNED.fullmatch(text, start, end)
        if match is None:
            continue
        name_start, name_end = match.span("name")
        last = match.group("name").split()[-1]
        if last.endswith(".") and last not in KEEP_PERIOD and len(last) > 2:
            name_end -= 1  # the sentence's period, not an initial's
        source = doc.char_span(name_start, name_end, alignment_mode="expand")
        frames.append(
            Frame(
                cue=[match.span("dash")],
                source=[(name_start, name_end)],
                content=[match.span("quote")],
                source_span=source,
                quoted=True,
            )
        )
    return frames


def keep_signed_quotes(frames: list[Frame], signed: list[Frame]) -> list[Frame]:
    """A signed quote is its signer's: other frames lose it (and go if nothing is left).

    A frame another step built on a signature's dash (the tagger's, say) gives way to it.
    """
    taken = [piece for frame in signed for piece in frame.content]
    dashes = [piece for frame in signed for piece in frame.cue]
    kept: list[Frame] = list(signed)
    for frame in frames:
        if any(frame is s for s in signed) or pieces_overlap(frame.cue, dashes):
            continue
        frame.content = [p for p in frame.content if not pieces_overlap([p], taken)]
        if frame.content:
            kept.append(frame)
    return sorted(kept, key=lambda f: f.anchor)
