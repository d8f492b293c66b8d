"""What the speaker resolution knows of one source: the entity it names, or that it is
unnamed, and how it was found. ``recent_speakers`` and ``speakers`` both read it."""

from __future__ import annotations

from dataclasses import dataclass

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
QUANTITIES = frozenset({"one", "some", "many", "several", "most", "all", "few", "none", "each"})


@dataclass(frozen=True)
class Speaker:
    entity: str | None
    anonymous: bool
    how: str  # name | pronoun | title | group | anonymous | writer | none
    group: tuple[str, ...] = ()  # the members of a group source ("the two", "both sides")
    described: str | None = None  # the words a relative pronoun stands for, when they name
    # no entity: an anonymous source ("officials familiar with the talks, who said") or a
    # thing ("a letter from his doctor that says")
    document: str | None = None  # the kind of document a source is ("statement"), whose
    # author speaks through it
    plural: bool = False  # an anonymous source of several people ("two aides"), whom a
    # later "they" means
    at: int = -1  # where the source starts in the text, once its attribution is made
