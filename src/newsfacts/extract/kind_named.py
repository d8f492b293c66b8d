"""Companies the entity model missed or took for people, named right after the word for
their kind: "made by the San Francisco startup Curely", "the chipmaker Arvana". A run of
capitalised name words that no candidate touches is added, and a person that starts there
becomes an organisation, unless it opens with a first name ("the firm Ann Lee founded")."""

from __future__ import annotations

import bisect
import re

from newsfacts.extract.aliases import Mention
from newsfacts.extract.first_names import is_first_name
from newsfacts.extract.speaker_titles import COMPANY_NOUNS
from newsfacts.extract.titles import is_name_word, lexicon, words_in

# the words for a company that "the company said" reads too, but not "manufacturer", which is
# also someone's trade ("manufacturer Ron Johnson was elected senator")
_KIND_RE = re.compile(
    r"\b(?:" + "|".join(sorted(COMPANY_NOUNS - {"manufacturer"})) + r") (?=[A-Z])"
)
_MOST_WORDS = 3


def companies_after_kind(text: str, candidates: list[Mention]) -> list[Mention]:
    """``candidates`` with an organisation for each name after a company kind."""
    lex = lexicon()
    starts = [c.start for c in candidates]
    added: list[Mention] = []
    for hit in _KIND_RE.finditer(text):
        words = words_in(text, hit.end(), min(len(text), hit.end() + 80))
        j = 0
        while j < len(words) and j < _MOST_WORDS and is_name_word(words[j], lex):
            j += 1
        if j == 0 or is_first_name(words[0].text):
            continue  # "the company President …", "the firm Ann Lee founded": no company
        start, end = words[0].start, words[j - 1].end
        end -= text[start:end].endswith(".")
        if "\n" in text[start:end]:
            continue
        k = bisect.bisect_left(starts, start)
        near = candidates[max(0, k - 1) : k + 2]
        person = [c for c in near if c.start == start and c.label == "PERSON"]
        if person:
            person[0].label = "ORG"  # "the startup Velloria" tagged a person
        elif not any(c.start < end and start < c.end for c in near):
            added.append(Mention(start, end, "ORG"))
    if not added:
        return candidates
    return sorted(candidates + added, key=lambda m: m.start)
