"""Titles and ranks around a person's name: "Pentagon Press Secretary Maj. Gen. Pat Ryder".

Works on characters, not on spaCy tokens, so that "Maj. Gen." or "Iraq’s" read the same
whatever the tokenizer made of them. A title is a run of words ending in a title head
("Secretary", "chief", "spokesman"), optionally followed by an "of" complement ("Secretary of
State"); the capitalised words in front of the head that are not title words name the
affiliation ("Pentagon"). Ranks ("Maj. Gen.", "Sen.") sit between the title and the name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

_WORD_RE = re.compile(r"\w[\w.&-]*(?:['’]\w+)*|\S")
_POSSESSIVE_RE = re.compile(r"['’]s$", re.IGNORECASE)
# Title words that end the name of the body before them: "the Florida Democratic Party".
_BODY_TAILS = frozenset({"party", "police", "army", "navy", "force"})
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A lowercase particle glued to a capitalised name: "al-Sudani", "d'Estaing", "van-Dyke".
_PARTICLE_NAME_RE = re.compile(
    r"^(?:al|el|ad|as|ash|abu|bin|ibn|de|da|di|du|van|von|d|l)[-'’][A-Z]"
)
MAX_WINDOW = 8
_HYPHEN_PREFIXES = frozenset({"first", "second", "third", "vice", "ex"})


class Word(NamedTuple):
    """A word of the text with its character offsets (a tuple: made by the thousand)."""

    start: int
    end: int
    text: str

    @property
    def norm(self) -> str:
        """Lowercase with dots removed: "Gen." -> "gen"."""
        return self.text.replace(".", "").lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class Title:
    """One title or rank found next to a name, with its character offsets."""

    start: int
    end: int
    text: str
    is_rank: bool = False


@dataclass(frozen=True)
class TitleMatch:
    """Everything found around one name occurrence."""

    titles: tuple[Title, ...] = ()
    affiliation: str | None = None
    affiliation_span: tuple[int, int] | None = None  # a capitalised run worth an entity
    region: tuple[int, int] | None = None  # the characters the titles cover (before the name)


@dataclass(frozen=True)
class Lexicon:
    heads: frozenset[str]
    modifiers: frozenset[str]
    ranks: frozenset[str]
    honorifics: frozenset[str]
    demonyms: dict[str, str]
    stopwords: frozenset[str]

    def is_vocab(self, norm: str) -> bool:
        if "-" in norm and norm.split("-")[0] in _HYPHEN_PREFIXES:
            return True  # "First-team coach", "vice-chairman"
        return norm in self.heads or norm in self.modifiers

    def is_stop(self, word: Word) -> bool:
        """A function word; acronyms such as "US" never are."""
        return not (word.text.isupper() and len(word.text) > 1) and word.norm in self.stopwords

    def is_title_word(self, norm: str) -> bool:
        return self.is_vocab(norm) or norm in self.ranks or norm in self.honorifics


def _lines(name: str) -> list[str]:
    raw = resources.files("newsfacts.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The title word lists, read from the data files once."""
    from spacy.lang.en.stop_words import STOP_WORDS

    demonyms_raw = json.loads(
        resources.files("newsfacts.data").joinpath("entity_demonyms.json").read_text("utf-8")
    )
    return Lexicon(
        heads=frozenset(w.lower() for w in _lines("titles.txt")),
        modifiers=frozenset(w.lower() for w in _lines("titles_modifiers.txt")),
        ranks=frozenset(w.replace(".", "").lower() for w in _lines("ranks.txt")),
        honorifics=frozenset(w.replace(".", "").lower() for w in _lines("titles_honorifics.txt")),
        demonyms={k: v for k, v in demonyms_raw.items() if not k.startswith("_")},
        stopwords=frozenset(STOP_WORDS) - {"former", "top", "first", "chief", "head"},
    )


def words_in(text: str, start: int, end: int) -> list[Word]:
    """Words of ``text[start:end]``, a possessive "’s" split off as its own word."""
    out: list[Word] = []
    for m in _WORD_RE.finditer(text, start, end):
        s, e, w = m.start(), m.end(), m.group()
        pos = _POSSESSIVE_RE.search(w)
        if pos and len(w) > 2:
            cut = s + pos.start()
            out.append(Word(s, cut, text[s:cut]))
            out.append(Word(cut, e, text[cut:e]))
        else:
            out.append(Word(s, e, w))
    return out


def is_name_word(word: Word, lex: Lexicon) -> bool:
    """A word that can be part of a person's name: capitalised, alphabetic, not a title."""
    core = word.text.rstrip(".")
    return (
        (word.capitalised or bool(_PARTICLE_NAME_RE.match(word.text)))
        and any(c.isalpha() for c in core)
        and not any(c.isdigit() for c in core)
        and not lex.is_title_word(word.norm)
        and not lex.is_stop(word)
    )


def _match_rank(words: list[Word], i: int, lex: Lexicon) -> int:
    """Number of words of the longest rank or honorific ending at ``words[i]`` (0 if none)."""
    for k in (3, 2, 1):
        if i - k + 1 < 0:
            continue
        first = words[i - k + 1]
        if not first.capitalised:
            continue
        key = " ".join(w.norm for w in words[i - k + 1 : i + 1])
        if key in lex.ranks or key in lex.honorifics:
            return k
    return 0


def strip_title_prefix(text: str, start: int, end: int, allow_org_prefix: bool) -> int | None:
    """Where the name starts inside ``text[start:end]`` when the span opens with a title.

    "Joint Staff Spokesman Jereal Dorsey" -> the offset of "Jereal"; "Secretary Austin" -> the
    offset of "Austin". ``None`` when the span holds no title before a valid name.
    With ``allow_org_prefix`` false, every word before the name must be a title word.
    """
    lex = lexicon()
    words = words_in(text, start, end)
    i = len(words)
    while i > 0 and words[i - 1].norm in _NAME_SUFFIXES:
        i -= 1
    name_end = i
    while i > 0 and (is_name_word(words[i - 1], lex) or _is_particle(words[i - 1])):
        i -= 1
        if name_end - i >= 4:
            break
    if i == 0 or i == name_end or not is_name_word(words[i], lex):
        return None
    prefix = words[:i]
    if not any(lex.is_title_word(w.norm) for w in prefix):
        return None
    for w in prefix:
        if lex.is_title_word(w.norm) or w.norm in {"of", "the"}:
            continue
        if allow_org_prefix and w.capitalised and not lex.is_stop(w):
            continue
        return None
    last = prefix[-1]
    if not (lex.is_title_word(last.norm) or any(w.norm == "of" for w in prefix)):
        return None
    return words[i].start


def ends_sentence(word: Word, lex: Lexicon) -> bool:
    """ "Smith." closes a sentence; "U.S." and "Gen." do not."""
    t = word.text
    return (
        t.endswith(".")
        and t.count(".") == 1
        and len(t) > 3
        and word.norm not in lex.ranks
        and word.norm not in lex.honorifics  # "Mrs."
    )


def is_possessive(word: Word) -> bool:
    return word.text.lower() in {"'s", "’s"}


def _is_particle(word: Word) -> bool:
    return word.text in {"al", "bin", "ibn", "de", "van", "von", "da", "di", "le", "la", "du"}


def titles_before(
    text: str, name_start: int, limit: int, blocked: Callable[[Word], bool]
) -> TitleMatch:
    """Titles and ranks written just before a name that starts at ``name_start``.

    ``limit`` bounds the search on the left (sentence start); ``blocked`` says which words can
    never be part of a title (dates, numbers, other people).
    """
    lex = lexicon()
    words = words_in(text, limit, name_start)
    i = len(words) - 1
    ranks: list[Title] = []
    region_start = name_start
    while i >= 0:
        k = _match_rank(words, i, lex)
        if not k:
            break
        first = words[i - k + 1]
        region_start = first.start
        if " ".join(w.norm for w in words[i - k + 1 : i + 1]) not in lex.honorifics:
            ranks.insert(
                0, Title(first.start, words[i].end, text[first.start : words[i].end], True)
            )
        i -= k
    window: list[Word] = []
    j = i
    while j >= 0 and len(window) < MAX_WINDOW:
        w = words[j]
        if ends_sentence(w, lex):
            break
        if lex.is_vocab(w.norm):
            pass
        elif w.norm == "of" and window:
            pass
        elif w.norm == "the" and j > 0 and words[j - 1].norm == "of" and window:
            pass
        elif w.capitalised and not lex.is_stop(w) and not blocked(w):
            if any(c.isdigit() for c in w.text) or not any(c.isalpha() for c in w.text):
                break
        else:
            break
        window.insert(0, w)
        j -= 1
    owner: str | None = None
    if j >= 1 and is_possessive(words[j]):
        owner_words: list[Word] = []
        k = j - 1
        while k >= 0 and words[k].capitalised and len(owner_words) < 4 and not blocked(words[k]):
            owner_words.insert(0, words[k])
            k -= 1
        if owner_words and window:
            owner = text[owner_words[0].start : owner_words[-1].end]
    title, affiliation, aff_span = read_window(text, window, lex)
    titles: list[Title] = []
    if title is not None:
        titles.append(title)
        region_start = title.start
    elif ranks and window:
        # "Texas Gov. Greg Abbott", "former Sen. X": no head, but a place or a qualifier.
        aff_words = [w for w in window if not lex.is_vocab(w.norm)]
        if aff_words and all(w.capitalised for w in aff_words) and aff_words[-1] is window[-1]:
            run = trailing_run(window, lex)
            if run:
                affiliation = text[run[0].start : run[-1].end]
                aff_span = (run[0].start, run[-1].end)
                region_start = run[0].start
        elif all(lex.is_vocab(w.norm) for w in window):
            first_rank = ranks[0]
            ranks[0] = Title(
                window[0].start, first_rank.end, text[window[0].start : first_rank.end]
            )
            region_start = window[0].start
    if owner is not None and (title is not None):
        affiliation = place_of(owner, lex)
    if affiliation is not None:
        affiliation = place_of(affiliation, lex)
    titles.extend(ranks)
    if not titles and affiliation is None:
        return TitleMatch()
    region = (region_start, name_start) if region_start < name_start else None
    return TitleMatch(tuple(titles), affiliation, aff_span, region)


def trailing_run(words: list[Word], lex: Lexicon) -> list[Word]:
    run: list[Word] = []
    for w in reversed(words):
        if lex.is_vocab(w.norm) or not w.capitalised or w.norm in {"of", "the"}:
            break
        run.insert(0, w)
    return run


# Title words that say something of the holder, never of the organisation: "former" in
# "Former State Department spokesman" is no part of "State Department".
HOLDER_WORDS = frozenset(
    {"former", "acting", "then", "late", "incoming", "outgoing", "interim", "senior", "top"}
    | {"deputy", "assistant", "associate", "executive", "chief", "vice", "prime", "principal"}
    | {"lead", "managing", "junior", "first", "permanent", "special", "general", "press"}
    | {"communications", "campaign", "majority", "minority", "high"}
)


def with_qualifiers(prefix: list[Word], run: list[Word], lex: Lexicon) -> list[Word]:
    """The organisation ``run`` at the end of ``prefix`` with the capitalised title words
    right before it that name its field: "State Department", "National Security Council",
    "Interior Ministry", "Federal Reserve" (not "Department", "Council" …)."""
    k = len(prefix) - len(run)
    while run and k > 0:
        word = prefix[k - 1]
        if not word.capitalised or word.norm not in lex.modifiers or word.norm in HOLDER_WORDS:
            break
        k -= 1
    return prefix[k:] if run else run


def _body_tail(compound: list[Word]) -> list[Word]:
    """The words of a title's compound that end the name of the body before it: "Party" in
    "Florida Democratic Party chairwoman", "State Police" in "Lagos State Police spokesman"."""
    ends = [n for n, w in enumerate(compound) if w.norm in _BODY_TAILS]
    if not ends:
        return []
    tail = compound[: ends[-1] + 1]
    if all(w.capitalised and w.norm not in HOLDER_WORDS for w in tail):
        return tail
    return []


def place_of(name: str, lex: Lexicon) -> str:
    return lex.demonyms.get(name.lower(), name)


def read_window(
    text: str, window: list[Word], lex: Lexicon
) -> tuple[Title | None, str | None, tuple[int, int] | None]:
    """Validate a candidate title window; return the title, affiliation and its span."""
    while window and window[0].norm in {"of", "the"}:
        window = window[1:]
    heads = [n for n, w in enumerate(window) if w.norm in lex.heads]
    if not heads:
        return None, None, None
    last = heads[-1]
    tail = window[last + 1 :]
    if tail and tail[0].norm not in {"of", "for"}:
        return None, None, None  # words after the head that are no "of"/"for" complement
    # The compound: the head and the title words right before it ("Press Secretary").
    c = last
    while c > 0 and lex.is_vocab(window[c - 1].norm):
        c -= 1
    prefix = window[:c]
    # Only the words from the last non-vocab run belong to the affiliation.
    run = trailing_run(prefix, lex)
    if prefix and len(run) != len([w for w in prefix if not lex.is_vocab(w.norm)]):
        # Mixed prefix such as "General Motors": take every capitalised non-stop word.
        run = [w for w in prefix if w.capitalised]
    else:
        run = with_qualifiers(prefix, run, lex)
    if run and run[-1] is prefix[-1]:  # "Florida Democratic Party chairwoman"
        run = [*run, *_body_tail(window[c:last])]
    start = window[0].start
    title = Title(start, window[-1].end, text[start : window[-1].end])
    if run:
        return title, text[run[0].start : run[-1].end], (run[0].start, run[-1].end)
    if tail:
        comp = [w for w in tail[1:] if w.norm != "the"]
        names = [w for w in comp if w.norm != "of"]
        if (
            names
            and all(w.capitalised for w in names)
            and any(not lex.is_vocab(w.norm) for w in names)
        ):
            s, e = comp[0].start, comp[-1].end
            return title, text[s:e], (s, e)
    return title, None, None
