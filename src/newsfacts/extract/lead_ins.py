"""Paragraphs introduced by a line of their own: "The mayor added:" and then the words.

Web pages print a long quotation as a block quote after a lead-in paragraph:

    The mayor added:

    Nobody believes the old timetable. Riders know it, but the council never listens.

The block often carries no quote marks, so neither the quote rules nor the tagger, which
reads sentences, join it to the lead-in. A paragraph is a lead-in when it ends with a colon
and the nearest verb above its last word is a cue verb of ``data/cue_verbs.txt`` ("added:",
"reported after the police left:") or a verb with a document as its object
("released the following statement:"). The verb needs a subject before it, the source. The
cue runs from the verb to the colon and the content is the next paragraph, as PolNeAR's
annotators mark them. Without a colon, a line that ends with a cue verb is more often a
subheading ("He said, she said") than a lead-in ("Lee writes"), and is left alone.

Not lead-ins: a verb that says something itself before the colon ("pointed out that the
lanes cost less:", "noted the sparse attendance:" bring an illustration); a next paragraph
with a quote and a speaker of its own ("“We waited,” a driver shouted."), a subheading
in capitals or two words. A frame the tagger or the rules made for the same cue gives way
when its content lies on the lead-in's line ("tweeting" with "the following"), and stays
when it reads the content elsewhere. Attributions found inside the block are dropped: what
the block says is the speaker's, as with speech inside quote marks.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsfacts.extract.attribution import (
    Frame,
    Offsets,
    cue_table,
    pieces_overlap,
    source_of,
)
from newsfacts.extract.entity_lookup import word_list
from newsfacts.extract.quotes import Quote, paragraphs
from newsfacts.nlp.doctext import doc_text

# clauses whose verb speaks for no one in the lead-in ("nobody knows what the mayor wrote
# about it:", "how the site rated this statement:")
EMBEDDED = frozenset({"relcl", "acl", "ccomp", "csubj", "pcomp"})
MIN_WORDS = 3
COMPLEMENTS = frozenset({"ccomp", "dobj", "xcomp", "prep", "dative"})
MAX_WORDS = 3  # after a lead-in's verb: "the following", "them on it"


def lead_in_frames(doc: Doc, frames: Sequence[Frame], quotes: Sequence[Quote]) -> list[Frame]:
    """``frames`` without those inside a block quote, plus a frame for each lead-in. A frame
    for the same cue whose content lies on the lead-in's line ("tweeting the following:"
    with "the following" as content) gives way to it."""
    text = doc_text(doc)
    lines = paragraphs(text)
    added: list[Frame] = []
    replaced: set[int] = set()  # the frames that gave way, by identity
    for (start, end), following in zip(lines, lines[1:], strict=False):
        frame = _lead_in(doc, text, start, end, following)
        if frame is None:
            continue
        rivals = [f for f in frames if pieces_overlap(frame.cue, f.cue)]
        if any(not _within(f.content, start, end) for f in rivals):
            continue  # another frame reads this cue's content elsewhere ("He said: “…”")
        if any(f.quoted and pieces_overlap(f.cue, [following]) for f in frames):
            continue  # the paragraph has a speaker of its own: "“They stole it,” he shouted."
        frame.quotes = [q for q in quotes if following[0] <= q.start < following[1]]
        added.append(frame)
        replaced.update(id(f) for f in rivals)
    blocks = [piece for f in added for piece in f.content]
    kept = [f for f in frames if not pieces_overlap(f.cue, blocks) and id(f) not in replaced]
    return kept + added


def _within(pieces: Sequence[Offsets], start: int, end: int) -> bool:
    return all(start <= s and e <= end for s, e in pieces)


def _lead_in(doc: Doc, text: str, start: int, end: int, following: Offsets) -> Frame | None:
    """The frame of the paragraph ``start``–``end`` as the lead-in of ``following``."""
    if text[end - 1] != ":":
        return None
    block = text[following[0] : following[1]]
    if len(block.split()) < MIN_WORDS or not any(c.islower() for c in block):
        return None  # an answer in a list ("Yes."), a subheading in capitals
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    last = doc[span.end - 1]
    while last.i > span.start and not last.is_alpha:
        last = doc[last.i - 1]  # the word before the colon
    verb = _cue_verb(last)
    if verb is None:
        return None
    found = source_of(verb)
    if found is None:
        return None
    source, source_span = found
    return Frame(
        cue=[(verb.idx, end)],
        source=source,
        content=[following],
        source_span=source_span,
        quoted=True,  # the block gives the speaker's words
    )


def _cue_verb(last: Token) -> Token | None:
    """The cue verb of a lead-in whose last word is ``last``: the nearest verb above it that
    is a cue verb or has a document as its object. None when the way from ``last`` up to the
    sentence's root passes a relative, complement or noun clause: that clause would hold the
    colon's words itself ("how the site rated this statement:")."""
    above = [last, *last.ancestors]
    if any(t.dep_ in EMBEDDED for t in above):
        return None
    table = cue_table()
    documents = word_list("sourcing_documents.txt")
    for token in (t for t in above if t.pos_ == "VERB"):
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if any(o.lemma_.lower() in documents for o in objects):
            # "released the following statement:", not "tweeted the transcript of …:"
            return token if sum(t.is_alpha for t in objects[0].subtree) <= 4 else None
        if token.lemma_.lower() in table:
            return None if _says_something(token) else token
    return None


def _says_something(verb: Token) -> bool:
    """What hangs on the verb after it, objects, clauses and phrases, is more than a few
    words ("pointed out that the issue was ignored:", "noted the sparse attendance:"): the
    colon brings an illustration, not the words ("argued that:", "tweeted the following:",
    "called them on it:" bring the words)."""
    after = [c for c in verb.children if c.dep_ in COMPLEMENTS and c.i > verb.i]
    return sum(t.is_alpha for c in after for t in c.subtree) > MAX_WORDS
