"""Candidate mentions for ``entities``: spaCy's entities trimmed of determiners and trailing
fragments, with the small model's known slips mended: operations made organisations, people
after a rank or between a title and a family name, a person run on from the country of a post,
a family name taken for a time, people typed as organisations or places."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsfacts.extract.aliases import NAME_PARTICLES, Mention, normalise
from newsfacts.extract.first_names import is_first_name
from newsfacts.extract.titles import Word, is_name_word, lexicon, words_in
from newsfacts.nlp.doctext import doc_text

NOT_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_LEAD_STRIP = frozenset({"the", "a", "an", "'s", "’s"})
# words a name may hold besides its name words: the family-name particles, and "al", "le",
# "la", "of" ("Abdullah al Saud", "Duke of York"), which never join two halves of a name
PARTICLES = NAME_PARTICLES | {"al", "le", "la", "of"}
_ABBREVIATION_RE = re.compile(r"\b[A-Z][a-z]{0,4}\.")
_LOOKAHEAD = 120  # characters read after an operation cue or a rank


@dataclass(frozen=True)
class Cues:
    not_people: dict[str, str | None]  # normalised name -> new label, None to drop
    operations: frozenset[str]
    org_words: frozenset[str]


def _lines(name: str) -> list[str]:
    raw = resources.files("newsfacts.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def name_cues() -> Cues:
    not_people: dict[str, str | None] = {}
    for line in _lines("not_people.txt"):
        name, _, label = line.partition("|")
        not_people[normalise(name)] = label.strip() or None
    return Cues(
        not_people=not_people,
        operations=frozenset(w.lower() for w in _lines("entity_operation_cues.txt")),
        org_words=frozenset(w.lower() for w in _lines("entity_org_words.txt")),
    )


@lru_cache(maxsize=1)
def outlets() -> frozenset[str]:
    """News outlet names (shared ``outlets.txt``): never people ("Politico")."""
    return frozenset(normalise(line) for line in _lines("outlets.txt"))


# lower-case words that end a name the entity tagger ran on into the clause after it
_CLAUSE_WORDS = frozenset(
    {"after", "before", "since", "until", "when", "while", "because", "during", "than"}
)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop determiners, "pro-", punctuation and trailing lowercase fragments from a span."""
    words = words_in(text, start, end)
    while words and (words[0].norm in _LEAD_STRIP or not words[0].text[0].isalnum()):
        words = words[1:]
    for k, word in enumerate(words[1:], start=1):
        if word.text in _CLAUSE_WORDS:  # "the Brit Awards after Lee": the awards
            words = words[:k]
            break
    while words and (
        not words[-1].text[0].isalnum()
        or words[-1].text.lower() in {"'s", "’s"}
        or (words[-1].text.islower() and words[-1].norm not in PARTICLES - {"of"})
        or words[-1].norm in {"of", "and"}
    ):
        words = words[:-1]
    if not words:
        return None
    s, e = words[0].start, words[-1].end
    if "(" in text[s:e] and ")" not in text[s:e]:  # "Shanghai Composite (SHCOMP" of "(SHCOMP)"
        e = s + len(text[s : text.index("(", s)].rstrip())
    low = text[s:e].lower()
    for prefix in ("pro-", "anti-"):
        if low.startswith(prefix) and len(low) > len(prefix) + 1:
            s += len(prefix)
    if text[e - 1] == "." and text[s:e].count(".") == 1 and e - s > 3:
        e -= 1  # a sentence full stop, not an abbreviation
    return (s, e) if e > s else None


def candidate_mentions(doc: Doc) -> list[Mention]:
    text = doc_text(doc)
    out: list[Mention] = []
    people = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    for ent in doc.ents:
        named = _name_taken_for_time(ent)
        if named is not None:
            out.append(Mention(named.start_char, named.end_char, "PERSON"))
            continue
        posted = _posted_person(ent)
        if posted is not None:
            out.append(Mention(ent[0].idx, ent[0].idx + len(ent[0]), "GPE"))
            out.append(Mention(posted.start_char, posted.end_char, "PERSON"))
            continue
        owned = _owned_person(ent)
        if owned is not None:  # "Fox News’ Ann Lee": the outlet and its reporter
            owner = _trim(text, ent.start_char, ent.doc[owned.start - 1].idx)
            if owner is not None:
                out.append(Mention(owner[0], owner[1], ent.label_))
            out.append(Mention(owned.start_char, owned.end_char, "PERSON"))
            continue
        if ent.label_ in NOT_ENTITIES:
            continue
        if ent.label_ == "PERSON" and len(ent) > 1 and _gerund(ent, people):
            # "Hosting Lee at the summit …": a gerund opens no name
            ent = SpacySpan(ent.doc, ent.start + 1, ent.end, label=ent.label_)
        cut = _trim(text, ent.start_char, ent.end_char)
        if cut is not None:
            person = _titled_place(ent) or _org_who(ent)
            out.append(Mention(cut[0], cut[1], "PERSON" if person else ent.label_))
    out = [past_particle(text, m) for m in out]
    return _join_particle_names(
        text, _family_names_as_things(text, _people_typed_as_orgs(text, out))
    )


def _gerund(ent: SpacySpan, people: list[SpacySpan]) -> bool:
    """The entity opens with a verb's "-ing" form: tagged so, or opening a sentence, no first
    name, before a name the article gives another person ("Hosting Cook" after "Tim Cook";
    not "Sterling Brown", nor "Morning Consult")."""
    word = ent[0]
    if word.tag_ == "VBG":
        return True
    opens = bool(word.is_sent_start)
    if not opens or not word.lower_.endswith("ing") or is_first_name(word.text):
        return False
    rest = re.compile(rf"\b{re.escape(ent[1:].text)}\b")
    return any(rest.search(p.text) for p in people if p.start != ent.start)


# types no lone family name has, which the entity tagger gives one now and then
_THING_LABELS = frozenset({"FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE"})


def person_families(text: str, candidates: list[Mention]) -> dict[str, set[str]]:
    """The family name of each person named in two words or more, with the first words of
    the names that end in it ("Trump": {"Donald", "Eric"})."""
    firsts: dict[str, set[str]] = {}
    for m in candidates:
        words = text[m.start : m.end].split()
        if m.label == "PERSON" and len(words) > 1:
            firsts.setdefault(words[-1], set()).add(words[0])
            if len(words) > 2 and words[-2].lower() in PARTICLES - {"of"}:
                # "Marine Le Pen": "Le Pen" is a family name too
                firsts.setdefault(" ".join(words[-2:]), set()).add(words[0])
    return firsts


def _family_names_as_things(text: str, candidates: list[Mention]) -> list[Mention]:
    """One capitalised word typed a building, product or work ("Swift" a FAC) that is the
    family name of a person of two words or more named in the article: that person. So is
    one typed an organisation ("Trump tells 3,000 in Reno …") when a single person named in
    full has that family name and it is no acronym."""
    firsts = person_families(text, candidates)

    def person(m: Mention) -> bool:
        word = text[m.start : m.end]
        if m.label in _THING_LABELS:
            return word in firsts
        return (
            m.label == "ORG"
            and len(firsts.get(word, ())) == 1
            and not word.isupper()  # "SVP" of "Junge SVP", which the tagger took for a person
        )  # an outlet's name ("Bloomberg") goes back to ORG when people are read

    return [Mention(m.start, m.end, "PERSON") if person(m) else m for m in candidates]


def _people_typed_as_orgs(text: str, candidates: list[Mention]) -> list[Mention]:
    """An "organisation" named once, of two or three capitalised words, whose last word
    the entity tagger took for a person on its own elsewhere ("Ruben Ostrova" an ORG,
    "Ostrova said" a PERSON): that person."""
    lone = {text[m.start : m.end] for m in candidates if m.label == "PERSON"}
    orgs = Counter(text[m.start : m.end] for m in candidates if m.label == "ORG")
    org_words = name_cues().org_words
    out: list[Mention] = []
    for m in candidates:
        name = text[m.start : m.end]
        words = name.split()
        if (
            m.label == "ORG"
            and orgs[name] == 1
            and 2 <= len(words) <= 3
            and words[-1] in lone
            and all(w[:1].isupper() and w[1:].islower() for w in words)
            and not any(w.lower() in org_words for w in words)
            and normalise(name) not in outlets()
        ):
            m = Mention(m.start, m.end, "PERSON")
        out.append(m)
    return out


_TIME_LABELS = frozenset({"DATE", "TIME"})


def _name_taken_for_time(ent: SpacySpan) -> SpacySpan | None:
    """A family name the entity tagger took for a time ("Martin Weeks" tagged "Weeks" as a
    date): one capitalised word inside a sentence, after a capitalised first name that no
    entity holds; the whole name, else None."""
    if ent.label_ not in _TIME_LABELS or len(ent) != 1 or ent.start < 1:
        return None
    word, before = ent[0], ent.doc[ent.start - 1]
    if not word.is_title or word.is_sent_start or before.ent_type_ or not before.is_title:
        return None
    if before.is_sent_start or before.pos_ != "PROPN" or lexicon().is_title_word(before.lower_):
        return None
    return ent.doc[ent.start - 1 : ent.end]


def _posted_person(ent: SpacySpan) -> SpacySpan | None:
    """The person in a name the entity tagger ran on from the country of a post ("envoy to
    Moldova Ann Lee" tagged "Moldova Ann Lee"): three capitalised words after "to"
    or "for" and a title noun; the last two, else None."""
    if ent.label_ not in ("ORG", "GPE", "FAC") or len(ent) != 3 or ent.start < 2:
        return None
    if not all(t.is_title and t.is_alpha for t in ent):
        return None
    doc = ent.doc
    linked, post = doc[ent.start - 1], doc[ent.start - 2]
    if linked.lower_ not in ("to", "for") or post.lower_ not in _person_titles():
        return None
    return ent[1:]


def _owned_person(ent: SpacySpan) -> SpacySpan | None:
    """The person after a possessive mark inside a name ("Fox News’ Jessica Napoli"): two
    or three capitalised words opening with a census first name, else None."""
    marks = [t for t in ent[1:-2] if t.text in ("’", "'", "’s", "'s")]
    if ent.label_ == "PERSON" or len(marks) != 1:
        return None
    owned = ent.doc[marks[0].i + 1 : ent.end]
    if len(owned) > 3 or not all(t.is_title and t.is_alpha for t in owned):
        return None
    return owned if is_first_name(owned[0].text) else None


_WHO = frozenset({"who", "whom", "whose"})


def _org_who(ent: SpacySpan) -> bool:
    """An "organisation" of two or three capitalised words after a title noun ("executive
    chair Ann Lee") or followed by "who" ("Ann Lee, who represents …"): a person, unless a
    word of it ends organisation names or it is a listed outlet."""
    if ent.label_ != "ORG" or not 2 <= len(ent) <= 3 or not all(t.is_title for t in ent):
        return False
    cues = name_cues()
    if any(t.lower_ in cues.org_words for t in ent) or normalise(ent.text) in outlets():
        return False
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in _person_titles():
        return True  # "executive chair Ann Lee"
    return any(
        c.dep_ == "relcl" and any(w.lower_ in _WHO for w in c.subtree if w.i < c.i)
        for c in ent.root.children
    )


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# title nouns that also describe organisations ("Gawker Media, publisher of …")
_NOT_ONLY_PEOPLE = frozenset(
    {"publisher", "host", "auditor", "leader", "official", "head", "general", "chief"}
    | {"representative"}
)


@lru_cache(maxsize=1)
def _person_titles() -> frozenset[str]:
    return lexicon().heads - _NOT_ONLY_PEOPLE


def _titled_place(ent: SpacySpan) -> bool:
    """A "place" of two to four capitalised words in apposition with a title noun: a
    person the entity tagger mistyped ("the chief executive, Agnes Whitcombe,")."""
    if ent.label_ not in _PLACE_LABELS or not 2 <= len(ent) <= 4:
        return False
    if not all(t.is_title for t in ent):
        return False
    root, heads = ent.root, _person_titles()
    if root.dep_ == "appos" and root.head.lower_ in heads:
        return True
    return any(c.dep_ == "appos" and c.lower_ in heads for c in root.children)


def _join_particle_names(text: str, candidates: list[Mention]) -> list[Mention]:
    """A person's name that the entity tagger cut at a particle ("Ursula von" PERSON, "Leyen"
    GPE) is one person: a person and the capitalised candidate after it join when only
    particles stand between them and the name around them holds one."""
    joined: list[Mention] = []
    for m in candidates:
        last = joined[-1] if joined else None
        if last is not None and last.label == "PERSON" and m.start > last.end:
            gap = text[last.end : m.start]
            words = gap.split()
            tail = text[last.start : last.end].split()[-1].lower()
            if (
                "\n" not in gap
                and all(w.lower() in NAME_PARTICLES for w in words)
                and (words or tail in NAME_PARTICLES)
                and text[m.start].isupper()
            ):
                joined[-1] = Mention(last.start, m.end, "PERSON")
                continue
        joined.append(m)
    return joined


_CAPITALISED_WORD = re.compile(r" ([A-Z][\w'’-]+)")


def past_particle(text: str, m: Mention) -> Mention:
    """A person cut after a particle ("Marine Le" of "Marine Le Pen") takes the
    capitalised word after it."""
    words = text[m.start : m.end].split()
    if m.label != "PERSON" or len(words) < 2 or words[-1].lower() not in PARTICLES - {"of"}:
        return m
    after = _CAPITALISED_WORD.match(text, m.end)
    return Mention(m.start, after.end(), "PERSON") if after else m


def operations(text: str, candidates: list[Mention]) -> tuple[list[Mention], dict[str, str]]:
    """Operation and programme names become ORG ("Operation Inherent Resolve").

    Returns the candidates and the short forms that name an operation ("inherent resolve").
    """
    cues = name_cues()
    found: list[Mention] = []
    tails: dict[str, str] = {}
    for hit in _operation_re(cues.operations).finditer(text):
        words = words_in(text, hit.start(), min(len(text), hit.start() + _LOOKAHEAD))
        j = _name_run(words, 4)
        if j == 1:
            continue
        s, e = words[0].start, words[j - 1].end
        if "\n" in text[s:e]:
            continue
        found.append(Mention(s, e, "ORG"))
        tails[normalise(text[words[1].start : e])] = normalise(text[s:e])
    kept = [c for c in candidates if not any(overlap(c, f) for f in found)]
    for c in kept:
        if c.label != "PERSON":
            continue
        before = words_in(text, max(0, c.start - 40), c.start)[-2:]
        cue_before = any(b.norm in cues.operations for b in before) and (
            not before or before[-1].norm in cues.operations or before[-1].norm == "of"
        )
        if normalise(text[c.start : c.end]) in tails or cue_before:
            c.label = "ORG"
    return sorted(kept + found, key=lambda m: m.start), tails


@lru_cache(maxsize=4)
def _operation_re(cues: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(c.capitalize()) for c in sorted(cues)) + r")\b")


def _name_run(words: list[Word], most: int) -> int:
    """The end of the run of up to ``most`` name words after ``words[0]`` (1 when none)."""
    lex = lexicon()
    j = 1
    while j < len(words) and j <= most and is_name_word(words[j], lex):
        j += 1
    return j


def people_after_ranks(text: str, candidates: list[Mention]) -> list[Mention]:
    """People the model missed right after an abbreviated rank ("Gen. CQ Brown")."""
    lex = lexicon()
    starts = [c.start for c in candidates]
    added: list[Mention] = []
    for hit in _ABBREVIATION_RE.finditer(text):
        words = words_in(text, hit.start(), min(len(text), hit.start() + _LOOKAHEAD))
        if words[0].norm not in lex.ranks:
            continue
        j = _name_run(words, 3)
        if j == 1:
            continue
        s, e = words[1].start, words[j - 1].end
        if "\n" in text[words[0].start : e]:
            continue
        k = bisect.bisect_left(starts, s)
        near = candidates[max(0, k - 1) : k + 2]
        if any(c.start < e and s < c.end and c.label == "PERSON" for c in near):
            continue
        cut = _trim(text, s, e)
        if cut is not None:
            added.append(Mention(cut[0], cut[1], "PERSON"))
    if not added:
        return candidates
    kept = [c for c in candidates if not any(overlap(c, a) for a in added)]
    return sorted(kept + added, key=lambda m: m.start)


def first_names_after_titles(text: str, candidates: list[Mention]) -> list[Mention]:
    """A person the model found by family name alone, when a first name stands between it
    and a title ("Bank of Canada Governor Tiff Macklem" tagged "Macklem")."""
    lex = lexicon()
    out: list[Mention] = []
    for m in candidates:
        if m.label == "PERSON" and " " not in text[m.start : m.end]:
            words = words_in(text, max(0, m.start - _LOOKAHEAD), m.start)[-2:]
            if (
                len(words) == 2
                and text[words[1].end : m.start] == " "
                and text[words[0].end : words[1].start] == " "
                and is_name_word(words[1], lex)
                and lex.is_title_word(words[0].norm)
                and not any(c.start < m.start and words[1].start < c.end for c in candidates)
            ):
                m = Mention(words[1].start, m.end, "PERSON")
        out.append(m)
    return out


def overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end
