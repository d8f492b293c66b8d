"""People, organisations and places of an article, with titles, roles and aliases.

The small spaCy model gives the first guess (``doc.ents``); news needs repairs on top:

1. candidates (``entity_candidates``): entity spans without determiners or trailing
   fragments, operations made ORG, people the model missed after a rank ("Gen. CQ Brown")
   or mistyped, non-people dropped;
2. people: titles split off the name ("Joint Staff Spokesman Jereal Dorsey"), titles and ranks
   read on both sides of it, the organisation in a title kept as its own mention;
3. linking: surnames, fuller names, aliases and acronyms joined into one entity each, then
   titles used alone ("the Pentagon chief") added as mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from spacy.attrs import IDX, POS
from spacy.tokens import Doc

from newsfacts.extract.aliases import (
    LEGAL_FORMS,
    Cluster,
    Mention,
    link_mentions,
    normalise,
    other_name,
    person_name,
    surname_mentions,
    title_alias_mentions,
    without_company_suffix,
)
from newsfacts.extract.datelines import dateline
from newsfacts.extract.entity_candidates import (
    PARTICLES,
    candidate_mentions,
    first_names_after_titles,
    name_cues,
    operations,
    outlets,
    people_after_ranks,
    person_families,
)
from newsfacts.extract.first_names import is_first_name
from newsfacts.extract.headline_names import headline_people
from newsfacts.extract.kind_named import companies_after_kind
from newsfacts.extract.outlets import called_outlet
from newsfacts.extract.person_names import NAME_SUFFIXES, candidate_name, honoured_family_name
from newsfacts.extract.title_appositions import title_after, title_before_comma
from newsfacts.extract.titles import (
    TitleMatch,
    Word,
    is_name_word,
    lexicon,
    titles_before,
    words_in,
)
from newsfacts.models import Entity, Span
from newsfacts.nlp.doctext import doc_text
from newsfacts.settings import Settings

_PLACES = frozenset({"GPE", "LOC", "NORP", "FAC"})
_NOT_IN_TITLES = frozenset(
    {"ADP", "VERB", "AUX", "PRON", "DET", "CCONJ", "SCONJ", "ADV", "PART", "NUM", "INTJ"}
)
_COMMON_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "ADP", "AUX", "DET", "PRON", "NUM"})
_ABBREVIATION_RE = re.compile(r"\b[A-Z][a-z]{0,4}\.")
_LOOKAHEAD = 120  # characters read after an operation cue or a rank
_LOOKBACK = 200  # characters searched for a title before a name
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_FAMILY_AFTER = re.compile(r"[’']?s? (?:family|clan|dynasty|household|brothers|sisters)\b")
# words that end the names of bodies and of places alike: "West Bank", "Soviet Union",
# "Trump Tower" may be places
_PLACE_NAME_ENDS = frozenset(
    {"house", "tower", "towers", "building", "plaza", "stadium", "arena", "hotel", "airport"}
    | {"palace", "center", "centre", "court", "bank", "union"}
)


def extract_entities(doc: Doc, settings: Settings) -> list[Entity]:
    """Entities of ``doc`` (parsed with ``parse_body``), ids in order of first mention."""
    del settings  # no options yet; kept for the shared stage signature
    text = doc_text(doc)
    candidates = headline_people(text, _past_dateline(text, candidate_mentions(doc)))
    candidates, tails = operations(text, candidates)
    candidates = people_after_ranks(text, candidates)
    candidates = first_names_after_titles(text, candidates)
    candidates = companies_after_kind(text, candidates)
    people, others, taken = _read_people(doc, candidates)
    clusters = [c for c in link_mentions(text, people, others, tails) if not _lone_weak(c)]
    person_spans = [(m.start, m.end) for c in clusters for m in c.mentions if m.label == "PERSON"]
    people_clusters = [c for c in clusters if c.label() == "PERSON"]
    title_alias_mentions(text, people_clusters, taken + person_spans)
    mentioned = [(m.start, m.end) for c in clusters for m in c.mentions]
    lower = {t.text for t in doc if t.is_lower}
    surname_mentions(
        text, people_clusters, taken + mentioned, lambda s, e: _names(doc, s, e, lower)
    )
    _first_names_before(doc, people_clusters, mentioned, lower)
    return _to_entities(text, clusters)


def _past_dateline(text: str, candidates: list[Mention]) -> list[Mention]:
    """A mention the tagger ran on from the dateline starts after it, and is a person when it
    then opens with a first name ("CLEVELAND - Donald Trump", which the capitals made an
    organisation); one inside the dateline ("CLEVELAND") stays as it is."""
    line = dateline(text)
    if line is None:
        return candidates
    start, end = line
    kept: list[Mention] = []
    for m in candidates:
        if start <= m.start < end < m.end:
            words = text[end : m.end].split()
            named = len(words) > 1 and is_first_name(words[0])
            m = replace(m, start=end, label="PERSON" if named else m.label)
        kept.append(m)
    return kept


def _first_names_before(
    doc: Doc, people: list[Cluster], mentioned: list[tuple[int, int]], lower: set[str]
) -> None:
    """A person named by family name alone, where a first name of the census stands before
    the family name somewhere ("Eva-Marie Vass" where only "Vass" was tagged): that
    is the person's mention there. Not a word opening a sentence that the article also
    writes in lower case ("Will Parise score?")."""
    text = doc_text(doc)
    for cluster in people:
        names = {text[m.start : m.end] for m in cluster.mentions}
        if len(names) != 1 or " " in next(iter(names)):
            continue
        surname = next(iter(names))
        pattern = rf"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) {re.escape(surname)}\b"
        for hit in re.finditer(pattern, text):
            word, start, end = hit.group(1), hit.start(1), hit.end()
            if not is_first_name(word) or lexicon().is_title_word(word.lower()):
                continue
            if any(s < hit.start(1) + len(word) and start < e for s, e in mentioned):
                continue  # the word is part of another name
            token = doc.char_span(start, start + len(word), alignment_mode="expand")
            if token is not None and token[0].is_sent_start and word.lower() in lower:
                continue
            kept = [m for m in cluster.mentions if not (start <= m.start < end)]
            label = cluster.mentions[0]
            cluster.mentions[:] = sorted(
                [*kept, replace(label, start=start, end=end, titles=(), affiliation=None)],
                key=lambda m: m.start,
            )


def _names(doc: Doc, start: int, end: int, lower: set[str]) -> bool:
    """The word at ``start:end`` is a noun there ("Colquitt, an appointee of …" is a common
    noun to spaCy), and, opening a sentence, not a word the article also writes in lower
    case ("Rice prices rose")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].pos_ not in ("PROPN", "NOUN"):
        return False
    return not span[0].is_sent_start or span[0].lower_ not in lower


# -- 2. people and their titles -----------------------------------------------------------


def _read_people(
    doc: Doc, candidates: list[Mention]
) -> tuple[list[Mention], list[Mention], list[tuple[int, int]]]:
    """Split candidates into people (with titles) and the rest; return the title regions."""
    text = doc_text(doc)
    cues = name_cues()
    lex = lexicon()
    other_labels: dict[str, str] = {}
    for m in candidates:
        key = normalise(text[m.start : m.end])
        if m.label != "PERSON":
            other_labels.setdefault(key, m.label)
            other_labels.setdefault(without_company_suffix(key), m.label)  # "Velden" of "Velden AG"
        elif without_company_suffix(key) != key:  # "Nordwind AG" tagged a person, relabelled
            other_labels.setdefault(without_company_suffix(key), "ORG")  # below: its "Nordwind"
    # the family names of people named in full: "Trump" alone stays a person even where the
    # tagger took one "Trump" for an organisation ("the Trump campaign")
    family_names = person_families(text, candidates)
    family = {normalise(name) for name in family_names}
    names: list[tuple[Mention, tuple[int, int]]] = []
    rest: list[Mention] = []
    retry: list[Mention] = []  # people refused on their own ("Mr. King"): see below
    for m in candidates:
        if m.label != "ORG" and normalise(text[m.start : m.end]) in outlets():
            m = Mention(m.start, m.end, "ORG")  # "Politico" as a person, "Bloomberg" a place
        elif m.label in _PLACE_LABELS and _body_word_ends(text, m, cues.org_words):
            m = Mention(m.start, m.end, "ORG")  # "West Yorkshire Police" tagged a place
        if m.label == "PERSON":
            key = normalise(text[m.start : m.end])
            prior = words_in(text, max(0, m.start - 60), m.start)[-3:]
            if prior and prior[-1].norm == "the":
                prior = prior[:-1]
            if key in other_labels and " " not in key and key not in family:
                m = Mention(m.start, m.end, other_labels[key])  # "Mali" tagged GPE elsewhere
            elif (
                len(prior) >= 2
                and prior[-1].norm == "of"
                and prior[-2].norm in lex.heads
                and not _FAMILY_AFTER.match(text, m.end)  # "a member of the Kennedy clan"
            ):
                m = Mention(m.start, m.end, "ORG")  # "artistic director of Sleeping Weazel"
            elif called_outlet(text, m.start):
                m = Mention(m.start, m.end, "ORG")  # "the newspaper Handelsblatt"
        span = candidate_name(text, m, family_names)
        if span is not None:
            names.append((m, span))
            continue
        if m.label == "PERSON":
            relabel = cues.not_people.get(normalise(text[m.start : m.end]))
            last = normalise(text[m.start : m.end]).split()[-1:]
            if not relabel and len(text[m.start : m.end].split()) > 1 and last:
                relabel = "ORG" if last[0] in cues.org_words else None  # "Qasr Holdings"
            if relabel:
                rest.append(Mention(m.start, m.end, relabel))
            else:
                retry.append(m)
            continue
        rest.append(m)
    families = {text[s:e].split()[-1] for _, (s, e) in names if " " in text[s:e]}
    for m in retry:
        span = honoured_family_name(text, m, families)
        if span is not None:
            names.append((m, span))
    name_starts = {w.start for _, (s, e) in names for w in words_in(text, s, e)}
    blocked = _blocker(name_starts | _function_word_starts(doc))
    people: list[Mention] = []
    regions: list[tuple[int, int]] = []
    keep: list[tuple[int, int]] = []  # affiliation spans that stay entities
    for _, (s, e) in names:
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        before = titles_before(text, s, max(line_start, s - _LOOKBACK), blocked)
        if not before.titles and not before.affiliation:  # "Velden's chief executive, X,"
            before = title_before_comma(text, s, e, max(line_start, s - _LOOKBACK))
        after = title_after(text, e, len(text) if line_end < 0 else line_end)
        titles = tuple(t.text for t in before.titles + after.titles)
        affiliation = before.affiliation or after.affiliation
        people.append(Mention(s, e, "PERSON", titles, affiliation, _weak(doc, s, e)))
        for match in (before, after):
            regions.extend(_regions(match))
            if match.affiliation_span is not None:
                keep.append(match.affiliation_span)
    people, keep = _people_or_bodies(text, people, keep)
    rest = _cut_to_affiliations(text, rest, regions, keep, [(p.start, p.end) for p in people])
    return people, rest, regions


def _body_word_ends(text: str, m: Mention, org_words: frozenset[str]) -> bool:
    """A name of several words that ends in a word for a body, not for a place."""
    words = normalise(text[m.start : m.end]).split()
    return len(words) > 1 and words[-1] in org_words and words[-1] not in _PLACE_NAME_ENDS


def _people_or_bodies(
    text: str, people: list[Mention], keep: list[tuple[int, int]]
) -> tuple[list[Mention], list[tuple[int, int]]]:
    """A name that is someone's whole affiliation is a person or a body, not both: a person
    when named so ("an aide to Hillary Clinton", "a spokesman for Mrs. Clinton"), and then
    no organisation; otherwise a body that the entity tagger took for a person ("an analyst
    at Berenberg", "Inherent Resolve")."""
    lex = lexicon()
    bodies: list[tuple[int, int]] = []
    named: set[tuple[int, int]] = set()
    for start, end in keep:
        first = words_in(text, start, end)[0].norm
        if first in lex.honorifics or first in lex.ranks:
            continue  # "a spokesman for Mrs. Clinton", "an aide to Gen. Ward"
        whole = next((p for p in people if p.start == start and p.end == end), None)
        if whole is None:
            bodies.append((start, end))  # "the Clinton Foundation": a body, whoever is in it
            continue
        name = text[start:end]
        if " " in name and is_first_name(name.split()[0]):
            continue
        # (a family name alone, "an aide to Clinton", is put back with its person in linking)
        bodies.append((start, end))
        named.add((start, end))
    return [p for p in people if (p.start, p.end) not in named], bodies


def _function_word_starts(doc: Doc) -> set[int]:
    """Character offsets of tokens that can never be part of a title ("Like", "said")."""
    pos_ids = {doc.vocab.strings[p] for p in _NOT_IN_TITLES}
    table = doc.to_array([IDX, POS])
    return {int(idx) for idx, pos in table if int(pos) in pos_ids}


def _weak(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in _COMMON_POS for t in span)


def _lone_weak(c: Cluster) -> bool:
    """A one-off "person" whose words the tagger read as common words: a heading, a brand."""
    return len(c.mentions) == 1 and c.mentions[0].weak and not c.mentions[0].titles


def _regions(match: TitleMatch) -> list[tuple[int, int]]:
    if match.region is not None:
        return [match.region]
    return [(t.start, t.end) for t in match.titles]


def _blocker(name_starts: set[int]) -> Callable[[Word], bool]:
    def blocked(word: Word) -> bool:
        return word.start in name_starts

    return blocked


def _cut_to_affiliations(
    text: str,
    rest: list[Mention],
    regions: list[tuple[int, int]],
    keep: list[tuple[int, int]],
    people: list[tuple[int, int]],
) -> list[Mention]:
    """Others inside a title keep only their affiliation part ("Pentagon Press" -> "Pentagon")."""
    lex = lexicon()
    out: list[Mention] = []
    covered: set[tuple[int, int]] = set()
    for m in rest:
        if any(m.start < e and s < m.end for s, e in people):
            continue
        if not any(m.start < e and s < m.end for s, e in regions):
            out.append(m)
            continue
        for s, e in keep:
            if m.start < e and s < m.end:
                label = m.label if m.label in _PLACES or m.label == "ORG" else "ORG"
                out.append(Mention(max(s, m.start), min(e, m.end), label))
                covered.add((s, e))
    for s, e in keep:
        inside = any(m.start <= s and e <= m.end for m in out)
        if (s, e) in covered or inside or text[s:e].lower() in lex.demonyms:
            continue
        out.append(Mention(s, e, "ORG"))
    return sorted(out, key=lambda m: m.start)


# -- 3. entities --------------------------------------------------------------------------


def _to_entities(text: str, clusters: list[Cluster]) -> list[Entity]:
    entities: list[Entity] = []
    for n, c in enumerate(sorted(clusters, key=lambda c: c.first()), start=1):
        label = c.label()
        if any(_is_company(text, m) for m in c.mentions):
            label = "ORG"  # "Vantora Inc." decides, however "Vantora" alone was tagged
        mentions = sorted({(m.start, m.end) for m in c.mentions})
        if label == "PERSON":
            name = _longest_name(text, c.mentions) or person_name(text, c)
        else:
            name = other_name(text, c)
        titles: list[str] = []
        seen: set[str] = set()
        affiliation: str | None = None
        for m in sorted(c.mentions, key=lambda m: m.start):
            for t in m.titles:
                if t.lower() not in seen:
                    seen.add(t.lower())
                    titles.append(t)
            affiliation = affiliation or m.affiliation
        entities.append(
            Entity(
                id=f"E{n}",
                type=label,
                name=_squeeze(name),
                titles=tuple(_squeeze(t) for t in titles),
                affiliation=_squeeze(affiliation) if affiliation else None,
                mentions=tuple(Span.of(text, s, e) for s, e in mentions),
            )
        )
    return entities


def _is_company(text: str, m: Mention) -> bool:
    """The mention ends in a company's legal form ("Vantora Inc.", "Halvorsen ASA"), or is
    an organisation whose name ends in a kind of company ("Pacific Ridge Power")."""
    key = normalise(text[m.start : m.end])
    words = key.rstrip(",").split()
    if len(words) >= 2 and words[-1] in LEGAL_FORMS:
        return True
    return m.label == "ORG" and without_company_suffix(key) != key


def _longest_name(text: str, mentions: list[Mention]) -> str | None:
    """The fullest name form, ignoring title aliases (which carry no name words).

    A form seen once in a title-cased headline ("Rip Donald Trump") loses to a fuller form
    that the text repeats, and one with a word that is no first name before a full name the
    article gives alone ("Crooked Hillary Clinton") to that name.
    """
    lex = lexicon()
    best: str | None = None
    best_len = 0
    counts = Counter(text[m.start : m.end] for m in mentions)
    pool = [m for m in mentions if counts[text[m.start : m.end]] > 1 or not _in_headline(text, m)]
    forms = {" ".join(text[m.start : m.end].split()) for m in mentions}
    for m in sorted(pool or mentions, key=lambda m: m.start):
        words = words_in(text, m.start, m.end)
        rest = " ".join(w.text for w in words[1:])
        if (
            len(words) > 2
            and rest in forms
            and not is_first_name(words[0].text)
            and is_first_name(words[1].text)
            and words[1].norm not in PARTICLES
        ):
            continue  # a nickname before a full name the article gives too: "Crooked Hillary"
        first_before_particle = (
            len(words) > 2 and is_first_name(words[0].text) and words[1].norm in PARTICLES - {"of"}
        )  # "Marine Le Pen"
        if not all(
            is_name_word(w, lex)
            or w.norm in PARTICLES
            or w.norm in NAME_SUFFIXES
            or w.text in {"-", "'"}
            or (i == 0 and first_before_particle)
            for i, w in enumerate(words)
        ):
            continue
        if len(words) > best_len:
            best, best_len = text[m.start : m.end], len(words)
    return best


def _in_headline(text: str, m: Mention) -> bool:
    """Whether the mention sits in a line where every word is capitalised (a headline)."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    words = re.findall(
        r"[A-Za-z][\w'’-]*", text[line_start : len(text) if line_end < 0 else line_end]
    )
    small = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "at", "by", "with"}
    return len(words) >= 3 and all(w[0].isupper() or w in small for w in words)


def _squeeze(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()
