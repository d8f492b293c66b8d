"""Hearsay: "Price reportedly told associates that …". With a cue of "reportedly" (or
"allegedly" …) alone, the writer passes on what unnamed others say, and the subject is part
of what they say: PolNeAR marks such a frame with no source and the subject inside its
content. The tagger, which reads the cue like a verb of saying, gives the subject as the
source; this puts it back into the content.
"""

from __future__ import annotations

from newsfacts.extract.attribution import Frame

HEARSAY_WORDS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "reputedly"})
# auxiliaries the tagger may take into such a cue ("has reportedly", "was allegedly")
AUXILIARIES = frozenset({"has", "have", "had", "is", "are", "was", "were", "be", "been"})


def is_hearsay(frame: Frame, text: str) -> bool:
    """The frame's cue is a hearsay adverb, with auxiliaries at most, and it has a source."""
    words = [w.lower().strip(",") for s, e in frame.cue for w in text[s:e].split()]
    return (
        bool(frame.source)
        and any(w in HEARSAY_WORDS for w in words)
        and all(w in HEARSAY_WORDS or w in AUXILIARIES for w in words)
    )


def as_hearsay(frame: Frame) -> None:
    """Move the frame's source into its content: no one is named as saying it."""
    frame.content = sorted(frame.source + frame.content)
    frame.source = []
    frame.source_span = None
    frame.speaker_span = None
