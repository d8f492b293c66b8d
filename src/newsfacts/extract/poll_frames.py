"""What a poll found: "In the latest Herald poll, Lopez leads by five points."

Political news reports polls with the preposition alone: "In a Channel 4 poll released
Monday, 31% of voters said …", "Hale did well in online polls". PolNeAR's
annotators read the poll as the source, "in" as the cue and the clause it qualifies as the
content (65 times in train and dev, where neither the tagger nor the other rules found more
than 2).

A frame is made for each "in" that hangs on the verb of a sentence's main clause, one with a
subject, and whose object is a poll or a survey, or an average of them. The object's whole
phrase is the source ("a poll released Monday"), and the clause without the phrase is the
content, when the phrase opens or ends the clause (the content is one piece, as the
annotators' is 59 times of 65). Left alone: an "in" on a noun ("his lead in the polls"), in
a relative or adverbial clause ("Lopez, who leads in the polls, spoke"; "as he rises in the
polls"), or in the middle of its clause ("Hale rose in the polls after the debate and then
fell back"). On PolNeAR train and dev this finds 25 of the 65, and 6 frames that are wrong.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from newsfacts.extract.attribution import Frame, token_pieces, tokens_with

POLLS = frozenset({"poll", "polls", "survey", "surveys"})
AVERAGES = frozenset({"average", "aggregate"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})


def poll_frames(doc: Doc) -> list[Frame]:
    """A frame for each clause qualified by "in <a poll>"."""
    frames: list[Frame] = []
    for prep in tokens_with(doc, LOWER, "in"):
        poll = next((c for c in prep.children if c.dep_ == "pobj"), None)
        clause = prep.head
        if poll is None or not _a_poll(poll):
            continue
        if clause.dep_ != "ROOT" or not any(c.dep_ in SUBJECTS for c in clause.children):
            continue  # "Sanders, who leads in the polls", "as he rises in the polls"
        phrase = {t.i for t in prep.subtree}
        source = list(poll.subtree)
        content = [t for t in clause.subtree if t.i not in phrase]
        frame = Frame(
            cue=[(prep.idx, prep.idx + len(prep.text))],
            source=token_pieces(source),
            content=token_pieces(content),
            source_span=doc[source[0].i : source[-1].i + 1],
            according_to=True,  # a poll's finding is reported as "according to" one
        )
        if frame.source and len(frame.content) == 1:  # the phrase opens or ends the clause
            frames.append(frame)
    return frames


def _a_poll(noun: Token) -> bool:
    """A poll or survey, or an average of them ("the RealClearPolitics average of polls")."""
    if noun.lower_ in POLLS:
        return True
    return noun.lower_ in AVERAGES and any(t.lower_ in POLLS for t in noun.subtree)
