"""People the entity tagger finds in a line set in title case (a headline, a caption).

Every word of "Ann Okafor Beats Tom Vance With A Record Lead" opens with a capital, and the
small English model reads runs of capitals as names: "Ann Okafor Beats" is a person there,
and so are words such as "Vance Breaks", "Lee Face" and "Email Server". In
such a line a person's mention that opens or ends with the name of a person the article
names elsewhere (in ordinary sentences), in two words or more, is cut to that name
("Ann Okafor Beats" → "Ann Okafor", "France’s Marine Le Pen Backs Vance" → "Le
Pen"); a single word that is neither a first name nor after an honorific is no person
("Ethanol", "Backfire").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newsfacts.extract.aliases import Mention
from newsfacts.extract.first_names import is_first_name

WORD = re.compile(r"[^\W\d_][\w’'.-]*")
SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by"}
    | {"with", "as", "is", "vs", "from", "into", "over", "about", "after", "its"}
)


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each line of ``text`` whose words, three or more besides the
    small ones, all but a fifth open with a capital."""
    found = []
    start = 0
    for line in text.split("\n"):
        words = [w for w in WORD.findall(line) if w.lower() not in SMALL_WORDS]
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def headline_people(text: str, candidates: Sequence[Mention]) -> list[Mention]:
    """``candidates`` with each person's mention in a title-case line cut to the name of a
    person named elsewhere at its start or end, or dropped when it is one word that is
    neither such a name nor a first name, and follows no honorific."""
    lines = title_case_lines(text)
    if not lines:
        return list(candidates)

    def in_headline(m: Mention) -> bool:
        return any(s <= m.start and m.end <= e for s, e in lines)

    known = _name_parts(
        text[m.start : m.end] for m in candidates if m.label == "PERSON" and not in_headline(m)
    )
    kept: list[Mention] = []
    for m in candidates:
        if m.label != "PERSON" or not in_headline(m):
            kept.append(m)
            continue
        cut = _known_part(text, m, known)
        words = text[m.start : m.end].split()
        if cut is not None:
            kept.append(cut)
        elif len(words) > 1 or is_first_name(words[0]) or _honoured(text, m.start):
            kept.append(m)  # "Kim Wellman", "Hillary", "Mr. Phillips"
    return kept


HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+\Z")


def _honoured(text: str, start: int) -> bool:
    return HONORIFIC.search(text, max(0, start - 6), start) is not None


def _name_parts(names: Iterable[str]) -> set[str]:
    """Each name of two words or more, and the runs of two words or more that close it
    ("Marine Le Pen": also "Le Pen"). A family name alone is not cut to: on its own in a
    headline it may be another person's ("Obama Sees …" where the story also names
    Michelle Obama), and the pass over family names finds it anyway."""
    parts: set[str] = set()
    for name in names:
        words = name.split()
        for k in range(2, len(words) + 1):
            parts.add(" ".join(words[-k:]))
    return parts


def _known_part(text: str, m: Mention, known: set[str]) -> Mention | None:
    """The mention cut to the longest known name at its start or its end, if any."""
    spans = [(w.start() + m.start, w.end() + m.start) for w in WORD.finditer(text[m.start : m.end])]
    best: tuple[int, int] | None = None
    for k in range(len(spans), 0, -1):
        if text[spans[0][0] : spans[k - 1][1]] in known:  # "Donald Trump Rampages"
            best = (spans[0][0], spans[k - 1][1])
        elif text[spans[-k][0] : spans[-1][1]] in known and not is_first_name(
            text[spans[0][0] : spans[0][1]]
        ):  # "Veteran Councillor Tom Rudd"; not "Marine Le Pen" where "Le Pen" is known
            best = (spans[-k][0], spans[-1][1])
        if best is not None:
            break
    if best is None:
        return None
    return Mention(best[0], best[1], m.label, m.titles, m.affiliation, m.weak)
