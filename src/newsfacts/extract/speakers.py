"""Link a source span to entities: names, pronouns, titles, nominals, groups, anonymous sources."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsfacts.extract.anonymity import asks_anonymity
from newsfacts.extract.outlets import called_outlet, is_outlet
from newsfacts.models import Entity
from newsfacts.nlp.doctext import doc_text

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
HONORIFIC_BEFORE = re.compile(r"(?:^|(?<=\s))(Mr|Mrs|Ms|Miss)\.?\s+$")
GROUP_PRONOUNS = frozenset({"they", "them", "we"})
THING_PRONOUNS = frozenset({"it"})  # an organisation or country that just spoke
GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})
# unnamed people who speak for the one named beside them ("a spokesman for Lee" is Lee)
SPEAKS_FOR = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople"}
    | {"representative", "representatives"}
)


@cache
def word_list(name: str) -> frozenset[str]:
    """Lower-cased lines of ``data/<name>``, comments and blanks skipped."""
    text = files("newsfacts").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@dataclass(frozen=True)
class Speaker:
    entity: str | None
    anonymous: bool
    how: str  # name | pronoun | title | group | anonymous | none
    group: tuple[str, ...] = ()  # the members of a group source ("the two", "both sides")
    described: str | None = None  # the words a relative pronoun stands for, when they name
    # no entity: an anonymous source ("officials familiar with the talks, who said") or a
    # thing ("a letter from his doctor that says")
    document: str | None = None  # the kind of document a source is ("statement"), whose
    # author speaks through it
    plural: bool = False  # an anonymous source of several people ("two aides"), whom a
    # later "they" means


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _entity_at(token: Token, entities: Sequence[Entity]) -> Entity | None:
    start, end = token.idx, token.idx + len(token.text)
    for entity in entities:
        if any(_overlaps(start, end, m.start, m.end) for m in entity.mentions):
            return entity
    return None


def _entity_in(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The entity whose mention covers the source head, else a PERSON named in it."""
    found = _entity_at(source.root, entities)
    if found is not None:
        return found
    root = source.root.lower_
    unnamed_word = root in word_list("anonymous_sources.txt")
    # the name in apposition to a common noun, a person's first ("the senator's chief of
    # staff, Tom Hale," is Hale, not the senator; "The company, Aldane Chemicals,")
    if source.root.pos_ == "NOUN":
        named = [
            _entity_at(child, entities)
            for child in source.root.children
            if child.dep_ == "appos" and source.start <= child.i < source.end
        ]
        for kind in ("PERSON", "ORG"):
            found = next((e for e in named if e is not None and e.type == kind), None)
            if found is not None:
                return found
        # a name the entity tagger took for a place is still the one meant ("the chief
        # executive, Ann Lee,"), unless the noun stands for unnamed people (a misparse)
        if not unnamed_word:
            found = next((e for e in named if e is not None and e.type in PLACES), None)
            if found is not None:
                return found
    # the source's own family name before any name inside its modifiers ("Colquitt, an
    # appointee of President Obama," is Colquitt)
    surname = _by_surname(source, entities)
    if surname is not None:
        return surname
    # a person named inside the phrase ("Donna Brazile's spokesman" is not her, but rare);
    # a phrase about unnamed people only where it names them ("aides, including Lee," but
    # not "aides to Lee", "sources close to Lee" or "Lee aides")
    unnamed = unnamed_word and root not in SPEAKS_FOR
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            if not _overlaps(source.start_char, source.end_char, mention.start, mention.end):
                continue
            if not unnamed or _introduced(source, mention.start):
                return entity
    if root in SPEAKS_FOR:  # "a spokesperson for the National Health Service"
        return _latest_before(source.end_char, _inside(source, entities), GROUP_TYPES)
    return None


def _inside(source: SpacySpan, entities: Sequence[Entity]) -> list[Entity]:
    """The entities with a mention inside ``source``."""
    return [
        e
        for e in entities
        if any(source.start_char <= m.start and m.end <= source.end_char for m in e.mentions)
    ]


MEMBER_WORDS = frozenset({",", "including", "like", "among", "as"})  # "such as", "aides, Lee and"


def _introduced(source: SpacySpan, offset: int) -> bool:
    """The name at ``offset`` follows a comma or a word that lists the members of a group,
    a few words of title aside ("including telecom veteran Ann Lee", "experts, Mr. Park"),
    not a preposition or possessive ("aides to Lee", "Lee's aides")."""
    doc = source.doc
    token = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if token is None:
        return False
    first = token.start
    for before in reversed(doc[max(source.start, first - 4) : first]):
        if before.lower_ in MEMBER_WORDS:
            return True
        if before.is_punct or before.pos_ in ("ADP", "PART", "CCONJ"):
            return False
    return False


def _may_be(entity: Entity, gender: str | None, text: str) -> bool:
    """Nothing in the article says the entity is not of ``gender``: an honorific before a
    mention ("Mr. Castell" is no "she") or a title ("spokeswoman")."""
    if gender is None or entity.type != "PERSON":
        return True
    said: set[str] = set()
    for mention in entity.mentions:
        found = HONORIFIC_BEFORE.search(text, max(0, mention.start - 8), mention.start)
        if found:
            said.add(HONORIFIC_GENDER[found.group(1).lower()])
    # "spokeswoman" is a woman; "spokesman" and "chairman" are said of women too
    if any(title.lower().endswith("woman") for title in entity.titles):
        said.add("f")
    return not said or gender in said


def _latest_before(offset: int, entities: Sequence[Entity], types: frozenset[str]) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.type not in types:
            continue
        for mention in entity.mentions:
            if mention.end <= offset and (best is None or mention.start > best[0]):
                best = (mention.start, entity)
    return best[1] if best else None


TITLE_ABBREVIATIONS = {
    "sen.": "senator",
    "gov.": "governor",
    "rep.": "representative",
    "gen.": "general",
    "sec.": "secretary",
    "lt.": "lieutenant",
    "col.": "colonel",
    "adm.": "admiral",
    "atty.": "attorney",
    "supt.": "superintendent",
}


# a title with one of these words only fits a source that says it too ("the presidential
# nominee" is not the "vice presidential nominee")
DISTINGUISHING = frozenset({"vice", "deputy", "assistant", "former", "acting"})
PARTY_WORDS = frozenset({"republican", "democratic"})  # nor a title of the other party


def _title_words(words: Iterable[str]) -> set[str]:
    plain = {TITLE_ABBREVIATIONS.get(w, w) for w in (w.lower() for w in words)}
    return plain | {"republican"} if "gop" in plain else plain


def _title_head(title: str) -> str:
    """The noun a title is about: "Secretary of State" → "Secretary", "Senate Majority
    Leader" → "Leader"."""
    before = title.replace(",", " ").split(" of ")[0].split(" for ")[0].split()
    return before[-1] if before else title


def _by_title(head: Token, offset: int, entities: Sequence[Entity]) -> Entity | None:
    """The entity one of whose titles holds the source's head noun ("the spokesman"; "the
    senator" for "Sen."); of several, those whose title shares most of the source's other
    words ("the Republican nominee"), then the one named last before the source."""
    word = head.lower_
    lemma = head.lemma_.lower()
    modifiers = _title_words(t.text for t in head.subtree if t.i < head.i and t.is_alpha)
    best = 0
    candidates: list[Entity] = []
    for entity in entities:
        for title in entity.titles:
            words = _title_words(title.split())
            if not {word, lemma} & _title_words([_title_head(title)]):
                continue
            if (words & DISTINGUISHING) - modifiers:
                continue
            if modifiers & PARTY_WORDS and (words & PARTY_WORDS) - modifiers:
                continue
            score = 1 + len(modifiers & words)
            if score > best:
                best, candidates = score, [entity]
            elif score == best and entity not in candidates:
                candidates.append(entity)
    if not candidates:
        return None
    return (
        _latest_before(offset, candidates, frozenset({e.type for e in candidates})) or candidates[0]
    )


# "the company said": the organisation named last before; "the ministry said": the one
# whose name holds the word
COMPANY_NOUNS = frozenset(
    {"company", "firm", "corporation", "carrier", "airline", "retailer", "carmaker"}
    | {"automaker", "manufacturer", "insurer", "lender", "startup", "drugmaker", "chipmaker"}
)
NAMED_BODY_NOUNS = frozenset(
    {"ministry", "department", "agency", "committee", "council", "commission", "court"}
    | {"bank", "union", "party", "campaign", "office", "network", "newspaper", "university"}
)


def _named_body(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The organisation named before an organisation noun ("The United Auto Workers union",
    "the Brightline company"); not a person's ("the Trump campaign") nor a title's ("the
    Pentagon chief")."""
    head = source.root
    if head.lower_ not in COMPANY_NOUNS and head.lower_ not in NAMED_BODY_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "compound" and child.i < head.i:
            found = _entity_at(child, entities)
            if found is not None and found.type == "ORG":
                return found
    return None


def _by_kind(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The organisation a definite common noun stands for ("The company said", "the
    ministry added"): nothing but "the" or "this" before the noun, nothing after it."""
    head = source.root
    word = head.lower_
    if word not in COMPANY_NOUNS and word not in NAMED_BODY_NOUNS:
        return None
    words = [t for t in source if not t.is_punct]
    if len(words) != 2 or words[0].lower_ not in ("the", "this") or words[1] != head:
        return None
    # (not the paper that reported it, nor "the broadcaster NOS")
    text = doc_text(source.doc)
    bodies = [
        e
        for e in entities
        if e.type == "ORG"
        and not is_outlet(e.name)
        and not any(called_outlet(text, m.start) for m in e.mentions)
    ]
    if word not in COMPANY_NOUNS:
        bodies = [e for e in bodies if word in e.name.lower().split()]
    return _latest_before(source.start_char, bodies, frozenset({"ORG"}))


PEOPLE = frozenset({"PERSON"})
PARTIES = frozenset({"GPE", "ORG", "NORP"})
GROUP_NOUNS = {
    "men": PEOPLE,
    "women": PEOPLE,
    "leaders": PEOPLE,
    "ministers": PEOPLE,
    "officials": PEOPLE,
    "presidents": PEOPLE,
    "countries": PARTIES,
    "nations": PARTIES,
    "governments": PARTIES,
    "states": PARTIES,
    "sides": PEOPLE | PARTIES,
}


def _group(source: SpacySpan, entities: Sequence[Entity]) -> tuple[str, ...]:
    """The two entities a group source means: "the two", "both", "both sides", "the two
    leaders". The two latest named before the source in its sentence (else in one of the
    two sentences before), both of one type, people first, places where something happened
    ("in Beijing") left out. Nothing when the nearest sentence naming a candidate names only
    one ("between Gen. Brown and his counterpart, the two …")."""
    words = [t.lower_ for t in source if not t.is_punct]
    if words[:2] == ["the", "two"] or words[:2] == ["the", "pair"]:
        rest = words[2:]
    elif words[:1] == ["both"]:
        rest = words[1:]
    else:
        return ()
    if len(rest) > 1 or (rest and rest[0] not in GROUP_NOUNS):
        return ()
    allowed = GROUP_NOUNS[rest[0]] if rest else PEOPLE | PARTIES
    doc = source.doc
    windows = [source.sent]
    while len(windows) < 3 and windows[-1].start > 0:
        windows.append(doc[windows[-1].start - 1].sent)
    joined = _coordinated_pair(source, windows, entities, allowed)
    if joined is not None:
        return joined
    for window in windows:
        seen = False
        for kind in ("PERSON", "GPE", "ORG", "NORP"):
            if kind not in allowed:
                continue
            latest: dict[str, int] = {}
            for entity in entities:
                if entity.type != kind:
                    continue
                for m in entity.mentions:
                    inside = window.start_char <= m.start and m.end <= source.start_char
                    if inside and not _is_place(doc, m.start, m.end):
                        latest[entity.id] = max(latest.get(entity.id, -1), m.start)
            if len(latest) >= 2:
                pair = sorted(latest, key=lambda e: latest[e])[-2:]
                return tuple(sorted(pair, key=lambda e: latest[e]))
            seen = seen or bool(latest)
        if seen:
            return ()  # one member named nearest ("Brown and his counterpart"): no guess
    return ()


def _coordinated_pair(
    source: SpacySpan,
    windows: Sequence[SpacySpan],
    entities: Sequence[Entity],
    allowed: frozenset[str],
) -> tuple[str, ...] | None:
    """The two a group source means when two parties were joined by "and" before it ("A
    joint statement by the US and Iraq … both sides"), the nearest such pair first. A pair
    with a part in the plural that names no entity ("the United States and coalition
    nations") is no pair of two; one with a single part named ("Gen. Brown and his
    counterpart") stops the search with no guess, (). None when no pair names anyone."""
    doc = source.doc
    for window in windows:
        for i in range(min(window.end, source.start) - 1, window.start - 1, -1):
            token = doc[i]
            if token.dep_ != "conj" or token.head.pos_ not in ("NOUN", "PROPN"):
                continue
            parts = [token.head, *token.head.conjuncts]
            if len(parts) != 2:
                continue
            named = [_entity_at(part, entities) for part in parts]
            if all(e is None for e in named) or any(
                e is None and part.tag_ in ("NNS", "NNPS")
                for part, e in zip(parts, named, strict=True)
            ):
                continue
            first, second = named
            if first is None or second is None or first.id == second.id:
                return ()
            if first.type not in allowed or second.type not in allowed:
                return ()
            return (first.id, second.id)
    return None


PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to"})


def _is_place(doc: Doc, start: int, end: int) -> bool:
    """A mention that only says where something happened ("met … in Beijing")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS


def _by_surname(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The person whose family name a capitalised source word is, where the entity tagger
    missed this mention ("Stumpf said", "Mr. Ham added", a transcript's "PENCE:"); of
    several, the one named last before."""
    head = source.root
    # (the tagger takes "Trump" for a noun or a verb now and then, a transcript's "LOPEZ:"
    # for anything)
    if not head.is_upper and (not head.is_title or head.pos_ not in ("PROPN", "NOUN", "VERB")):
        return None
    name = head.text.lower() if head.is_upper else head.text
    fits = [
        e
        for e in entities
        if e.type == "PERSON"
        and len(e.name.split()) > 1
        and (e.name.split()[-1].lower() if head.is_upper else e.name.split()[-1]) == name
    ]
    if len(fits) < 2:
        return fits[0] if fits else None
    return _latest_before(source.start_char, fits, PEOPLE)


def _conjoined(source: SpacySpan, entities: Sequence[Entity]) -> tuple[str, ...]:
    """The entities a coordinated source names, when each part names one: "The US and
    Iraq", "Mr. Smith and Ms. Jones" (empty when any part names none)."""
    parts = [source.root, *(t for t in source.root.conjuncts if source.start <= t.i < source.end)]
    return _entity_ids(parts, entities) if len(parts) > 1 else ()


def _entity_ids(parts: Sequence[Token], entities: Sequence[Entity]) -> tuple[str, ...]:
    """The entity each part names, in order and once each; empty when any part names none."""
    found: list[str] = []
    for part in parts:
        entity = _entity_at(part, entities)
        if entity is None:
            return ()
        if entity.id not in found:
            found.append(entity.id)
    return tuple(found)


RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def _antecedent(head: Token) -> SpacySpan | None:
    """The noun phrase a relative pronoun stands for: "Senator Jones, who said …" (the
    phrase up to its head noun, without the relative clause itself)."""
    if head.lower_ not in RELATIVE_PRONOUNS or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = head.head
    if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    noun = clause.head
    # "officials familiar with the talks, who said": the parse hangs the clause on the
    # nearest noun; "who" means people, so a common noun inside a modifier gives way, and
    # so does a name that is no person's ("a spokeswoman for the Department …, who said")
    while head.lower_ == "who" and noun.dep_ == "pobj" and _no_person(noun):
        above = noun.head.head
        if above.pos_ == "ADJ" and above.dep_ == "amod":
            above = above.head
        if above.pos_ not in ("NOUN", "PROPN"):
            break
        noun = above
        if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON":
            break
    if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON" and noun.head.i < noun.i:
        # "Ann Lee, the president of the Harbour Trust, who"; "Ann Lee, a lawyer who"; "Ann
        # Lee and Ed Park, two lawyers who" (both)
        head = noun.head
        people = [head, *(head.conjuncts if noun.tag_ == "NNS" else ())]
        people = [p for p in people if p.i < noun.i]
        start = min(p.i for p in people)
        while start > 0 and noun.doc[start - 1].dep_ == "compound":
            start -= 1  # "Ann" of "Ann Lee"
        return noun.doc[start : max(p.i for p in people) + 1]
    return noun.doc[noun.left_edge.i : noun.i + 1]


PLACES = frozenset({"GPE", "LOC", "FAC"})
PLACES_AND_BODIES = PLACES | {"ORG"}


def _unnamed_on_request(noun: Token) -> bool:
    """The noun, or a noun in apposition to it, has a clause asking for anonymity ("an
    employee, a nurse who spoke on condition of anonymity,")."""
    if noun.pos_ not in ("NOUN", "PRON"):
        return False
    return any(asks_anonymity(c) for c in _clauses(noun))


def _clauses(noun: Token) -> list[Token]:
    """The relative and participle clauses on a noun and on the nouns in apposition to it."""
    nouns = [noun, *(c for c in noun.children if c.dep_ == "appos")]
    return [c for n in nouns for c in n.children if c.dep_ in ("relcl", "acl")]


def _before_clause(source: SpacySpan, noun: Token) -> str:
    """The source's words up to its head noun's first clause ("one worker" of "one worker,
    who asked not to be named for fear …")."""
    end = min([source.end, *(c.left_edge.i for c in _clauses(noun))])
    doc = source.doc
    while end > source.start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return _words(doc[source.start : end])


def _words(span: SpacySpan) -> str:
    """The span's text as the user wrote it (the parse reads no-break spaces as plain)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def _no_person(noun: Token) -> bool:
    return noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and noun.ent_type_ in PLACES_AND_BODIES)


def _described(antecedent: SpacySpan, pronoun: Token) -> str:
    """The antecedent's whole phrase before its relative clause ("officials familiar with
    the talks")."""
    doc = antecedent.doc
    end = max(antecedent.end, pronoun.head.left_edge.i)
    while end > antecedent.end and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return _words(doc[antecedent.start : end])


def resolve_speaker(
    source: SpacySpan,
    entities: Sequence[Entity],
    recent: Sequence[Speaker] = (),
) -> Speaker:
    """Resolve ``source`` (a span of the parsed doc) to an entity id, or call it anonymous.

    ``recent`` holds the speakers of the earlier attributions, latest last. A pronoun
    prefers the latest of them of a compatible kind before any other earlier mention: "he"
    and "she" a person; "they" a group ("The two leaders said … . They also agreed …"),
    unnamed people ("Analysts wrote … . But they warned …") or an organisation, country or
    nationality; "it" only the organisation or country of the attribution just before.
    """
    speaker = _resolve(source, entities, recent)
    if speaker.anonymous and not speaker.plural and source.root.tag_ in ("NNS", "NNPS"):
        return replace(speaker, plural=True)
    return speaker


AGED = re.compile(r"[Tt]he\s+\d{1,3}-year-old")
QUANTITIES = frozenset({"one", "some", "many", "several", "most", "all", "few", "none", "each"})


def _partitive(head: Token) -> SpacySpan | None:
    """The whole that ``head`` is a part of: "the aides" of "one of the aides"."""
    if head.lower_ not in QUANTITIES and head.pos_ != "NUM":
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for whole in prep.children:
                if whole.dep_ == "pobj" and whole.pos_ == "NOUN":
                    return head.doc[whole.left_edge.i : whole.right_edge.i + 1]
    return None


def _plural_subject_before(pronoun: Token) -> str | None:
    """Unnamed people who are the subject of the sentence before the pronoun's, outside
    quotes ("The researchers, led by …, followed 40,000 nurses. They found …")."""
    sentence = pronoun.sent
    if sentence.start == 0:
        return None
    if any(t.dep_ in SUBJECTS for t in pronoun.doc[sentence.start : pronoun.i]):
        return None  # "… said both sides confirmed X, while they agreed …"
    before = pronoun.doc[sentence.start - 1].sent
    if any(t.text in QUOTE_MARKS for t in before):
        return None  # "Nurses need rest," she said. They differ …
    for token in before:
        if (
            token.dep_ == "nsubj"
            and token.head.dep_ == "ROOT"
            and token.tag_ == "NNS"
            and not token.ent_type_
            and token.lower_ in word_list("anonymous_sources.txt")
        ):
            end = token.right_edge.i + 1
            while end > token.i + 1 and before.doc[end - 1].is_punct:
                end -= 1
            return _words(before.doc[token.left_edge.i : end])
    return None


QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _resolve(source: SpacySpan, entities: Sequence[Entity], recent: Sequence[Speaker]) -> Speaker:
    if len(source) > 1 and source[-1].tag_ in ("WP", "WDT"):
        # the noun and its relative pronoun in one source ("Officials familiar with the
        # talks, who"): the noun's words are the source
        doc, end = source.doc, source.end - 1
        while end > source.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end > source.start:
            noun = doc[source.start : end]
            meant = resolve_speaker(noun, entities, recent)
            return (
                replace(meant, described=meant.described or _words(noun))
                if meant.anonymous
                else meant
            )
    head = source.root
    if _unnamed_on_request(head):  # "one worker, who asked not to be named, told …"
        return Speaker(None, True, "anonymous", described=_before_clause(source, head))
    antecedent = _antecedent(head)
    if antecedent is not None:
        meant = resolve_speaker(antecedent, entities, recent)
        if meant.anonymous or meant.how == "none":  # "a letter from his doctor that says"
            return replace(meant, described=_described(antecedent, head))
        return meant
    members = _conjoined(source, entities)
    if len(members) > 1:
        return Speaker(None, False, "group", members)
    part = _partitive(head)
    if part is not None:  # "one of the aides" is as unnamed as the aides
        meant = resolve_speaker(part, entities, recent)
        if meant.anonymous:
            return replace(meant, described=_words(source), plural=head.lower_ != "one")
    named = _entity_in(source, entities)
    if named is not None:
        return Speaker(named.id, False, "name")
    authored = _document_author(source, entities, recent)
    if authored is not None:
        return authored
    group = _group(source, entities)
    if group:
        return Speaker(None, False, "group", group)
    by_id = {e.id: e for e in entities}
    word = head.lower_
    if word in PERSON_PRONOUNS or word in GROUP_PRONOUNS:
        plural = word in GROUP_PRONOUNS
        types = GROUP_TYPES if plural else frozenset({"PERSON"})
        text = doc_text(source.doc)
        fits = [e for e in entities if _may_be(e, PRONOUN_GENDER.get(word), text)]
        fitting = {e.id for e in fits}
        if plural and word != "we":
            unnamed = _plural_subject_before(head)
            if unnamed is not None:  # "The researchers followed … . They found"
                return Speaker(None, True, "pronoun", described=unnamed, plural=True)
            if recent and recent[-1].anonymous and recent[-1].plural:  # "Analysts … . They"
                return replace(recent[-1], how="pronoun")
        for earlier in reversed(recent):
            if plural and earlier.group:
                return Speaker(None, False, "group", earlier.group)
            if earlier.entity in fitting and by_id[earlier.entity].type in types:
                return Speaker(earlier.entity, False, "pronoun")
        found = _latest_before(source.start_char, fits, types)
        return Speaker(found.id if found else None, False, "pronoun")
    if AGED.fullmatch(_words(source)):  # "the 71-year-old writes": the person just quoted
        people = [e for e in entities if e.type == "PERSON"]
        for earlier in reversed(recent):
            if earlier.entity is not None and by_id[earlier.entity].type == "PERSON":
                return Speaker(earlier.entity, False, "title")
        found = _latest_before(source.start_char, people, PEOPLE)
        return Speaker(found.id if found else None, False, "title")
    if word in THING_PRONOUNS:
        # "it" is mostly a thing: only the organisation or country quoted last speaks again
        party = by_id.get(recent[-1].entity or "") if recent else None
        if party is not None and party.type in GROUP_TYPES:
            return Speaker(party.id, False, "pronoun")
        return Speaker(None, False, "none")
    if head.pos_ in ("NOUN", "PROPN"):
        titled = _by_title(head, source.start_char, entities)
        if titled is not None and any(t.lower_ in ("the", "this", "that") for t in source):
            return Speaker(titled.id, False, "title")
        body = _named_body(source, entities) or _by_kind(source, entities)
        if body is not None:
            return Speaker(body.id, False, "title")
    # a name beside the head noun, not one inside its modifiers ("aides to Senator Lee")
    has_name = (head.pos_ == "PROPN" and head.ent_type_ == "PERSON") or any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children
    )
    if not has_name and head.lower_ in word_list("anonymous_sources.txt"):
        return Speaker(None, True, "anonymous")
    return Speaker(None, False, "none")


AUTHOR_PREPOSITIONS = frozenset({"by", "from"})


def _document_author(
    source: SpacySpan, entities: Sequence[Entity], recent: Sequence[Speaker]
) -> Speaker | None:
    """Who speaks through a document: its authors where the source names them ("a joint
    statement by the US and Iraq", "a statement released by the ministry", "a Pentagon
    statement", "the ministry's report"), each part an entity; for a definite document
    that names none ("the joint statement"), the authors of the latest earlier one of that
    kind. None for any other source."""
    head = source.root
    kinds = word_list("sourcing_documents.txt")
    kind = next((k for k in (head.lemma_.lower(), head.lower_) if k in kinds), None)
    if kind is None:  # ("data" is a "datum" to spaCy's lemmatiser)
        return None
    parts = _author_words(head)
    if parts:
        found = _entity_ids(parts, entities)
        if not found:  # "a report by the Interior Department's inspector general"
            owners = [c for p in parts for c in p.children if c.dep_ == "poss"]
            found = _entity_ids(owners, entities) if owners else ()
        if not found:
            return None
        if len(found) == 1:
            return Speaker(found[0], False, "document", document=kind)
        return Speaker(None, False, "document", found, document=kind)
    if not any(t.dep_ == "det" and t.lower_ in ("the", "this", "that") for t in head.children):
        return None
    for earlier in reversed(recent):
        if earlier.document == kind and (earlier.entity or earlier.group):
            return earlier
    return None


def _author_words(head: Token) -> list[Token]:
    """The words naming a document's authors, with their conjuncts: the object of "by" or
    "from" on the noun or on a participle after it ("released by"), else a proper noun
    before it ("a Pentagon statement", "Iraq's report")."""
    for child in head.children:
        holders = [child] if child.dep_ == "prep" else []
        if child.dep_ == "acl":
            holders = [c for c in child.children if c.dep_ in ("agent", "prep")]
        for holder in holders:
            if holder.lower_ not in AUTHOR_PREPOSITIONS:
                continue
            for obj in holder.children:
                if obj.dep_ == "pobj":
                    return [obj, *obj.conjuncts]
    for child in head.children:
        if child.i < head.i and child.dep_ in ("poss", "compound") and child.pos_ == "PROPN":
            return [child, *child.conjuncts]
    return []
