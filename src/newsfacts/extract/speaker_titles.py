"""Sources that name their speaker by a title or a kind: "the spokesman", "the Pentagon
chief", "the company", "The United Auto Workers union"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsfacts.extract.entity_lookup import entity_at, latest_before
from newsfacts.extract.outlets import called_outlet, is_outlet
from newsfacts.extract.titles import lexicon
from newsfacts.models import Entity
from newsfacts.nlp.doctext import doc_text

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
DISTINGUISHING = frozenset({"vice", "deputy", "assistant", "former", "acting", "prime"})
# of those, the ones a story always writes in a title that has them: it may call someone
# "President Bill Clinton" and later "the former president", but a prime minister is never
# just "Minister"
OFFICES = DISTINGUISHING - {"former", "acting"}
PARTY_WORDS = frozenset({"republican", "democratic"})  # nor a title of the other party


def _other_fields(source: set[str], title: set[str]) -> bool:
    """Both name the field of the office ("health", "foreign"), and not the same one."""
    fields = lexicon().modifiers - DISTINGUISHING
    return bool(source & fields) and bool(title & fields) and not source & title & fields


def _title_words(words: Iterable[str]) -> set[str]:
    plain = {TITLE_ABBREVIATIONS.get(w, w) for w in (w.lower() for w in words)}
    plain |= {w[3:] for w in plain if w.startswith("co-")}  # "the founder", a co-founder
    return plain | {"republican"} if "gop" in plain else plain


def _title_head(title: str) -> str:
    """The noun a title is about: "Secretary of State" → "Secretary", "Senate Majority
    Leader" → "Leader"."""
    before = title.replace(",", " ").split(" of ")[0].split(" for ")[0].split()
    return before[-1] if before else title


def by_description(head: Token, entities: Sequence[Entity]) -> Entity | None:
    """The person an earlier apposition described with the source's noun and its modifiers:
    "the nurse" or "the estate agent" for "Tom Hale, an estate agent in Leeds," or "a nurse,
    Ann Lee,"; of several, the one described last before the source. A "former" or "deputy"
    that the source does not say rules a description out, as it does a title."""
    lemma = head.lemma_.lower()
    # (a possessive pronoun must be said there too: "Her daughter, Elena Ruiz," for "her
    # daughter", not "C2I, a company" for "his company")
    said = {
        t.lower_
        for t in head.lefts
        if t.dep_ in ("compound", "amod") or (t.dep_ == "poss" and t.pos_ == "PRON")
    }
    found: Entity | None = None
    for noun in head.doc[: head.i]:
        if noun.lemma_.lower() != lemma or noun.pos_ != "NOUN":
            continue
        words = {t.lower_ for t in noun.lefts}
        if not said <= words or (words & DISTINGUISHING) - said:
            continue  # "the estate agent" is no "travel agent", "the governor" no former one
        for name in _described_names(noun):
            person = entity_at(name, entities)
            if person is not None and person.type == "PERSON":
                found = person
    return found


def _described_names(noun: Token) -> list[Token]:
    """The names a noun describes in apposition, set off by a comma: "Tom Hale, an estate
    agent" and "A teacher, Ann Byrne,", not "the author of the book, Ann Byrne"."""
    doc = noun.doc
    if noun.dep_ == "appos":
        start = noun.left_edge.i
        return [noun.head] if start > 0 and doc[start - 1].text == "," else []
    if noun.dep_ == "pobj":
        return []
    return [
        c
        for c in noun.children
        if c.dep_ == "appos" and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","
    ]


def by_title(head: Token, offset: int, entities: Sequence[Entity]) -> Entity | None:
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
            if (words & DISTINGUISHING) - modifiers or (modifiers & OFFICES) - words:
                continue  # "the prime minister" is no "Minister Karen Holt", nor the reverse
            if _other_fields(modifiers, words):
                continue  # "the health minister" is not the Foreign Minister
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
        latest_before(offset, candidates, frozenset({e.type for e in candidates})) or candidates[0]
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


def named_next(head: Token, entities: Sequence[Entity]) -> Entity | None:
    """The one person the next sentence first names with the title an indefinite source
    gave ("A federal judge on Thursday blocked … . U.S. District Judge Robert Pitman wrote
    …": Pitman), as a story's opening often does."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return None
    doc = head.doc
    k = head.sent.end
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc):
        return None
    after = doc[k].sent
    word = {head.lower_, head.lemma_.lower()}
    found = [
        e
        for e in entities
        if e.type == "PERSON"
        and after.start_char <= min(m.start for m in e.mentions) < after.end_char
        and any(word & _title_words([_title_head(t)]) for t in e.titles)
    ]
    return found[0] if len(found) == 1 else None


def named_body(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The organisation named before an organisation noun ("The United Auto Workers union",
    "the Brightline company"); not a person's ("the Trump campaign") nor a title's ("the
    Pentagon chief")."""
    head = source.root
    if head.lower_ not in COMPANY_NOUNS and head.lower_ not in NAMED_BODY_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "compound" and child.i < head.i:
            found = entity_at(child, entities)
            if found is not None and found.type == "ORG":
                return found
    return None


def police_force(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The police force a story named, for "police" or "the police" ("West Yorkshire
    Police said … . Officers were called …, police said"): the one named last before, or
    the only one it names."""
    words = [t.lower_ for t in source if not t.is_punct]
    if words not in (["police"], ["the", "police"]):
        return None
    forces = [e for e in entities if e.type == "ORG" and e.name.lower().endswith(" police")]
    before = latest_before(source.start_char, forces, frozenset({"ORG"}))
    return before or (forces[0] if len(forces) == 1 else None)


def by_kind(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The organisation a definite common noun stands for ("The company said", "the
    ministry added", "the budget office": every word after "the" in its name); nothing but
    "the" or "this" and such words before the noun, nothing after it."""
    head = source.root
    word = head.lower_
    if word not in COMPANY_NOUNS and word not in NAMED_BODY_NOUNS:
        return None
    words = definite_phrase(source)
    if words is None:
        return None
    named = [t.lower_ for t in words[1:]]
    if len(named) > 1 and not all(t.is_lower for t in words[1:]):
        return None  # "the Trump campaign", "the carmaker's board": other rules
    bodies = [e for e in entities if e.type == "ORG"]
    if word in COMPANY_NOUNS:  # (not the paper that reported it, nor "the broadcaster NOS")
        text = doc_text(source.doc)
        bodies = [e for e in bodies if not (outlet_entity(e, text) or _public_body(e))]
        # "the production company": Lark Productions, whose name holds the word
        bodies = [e for e in bodies if all(_in_name(w, e.name) for w in named[:-1])]
        # not the firm of an analyst quoted on the company ("an analyst at Berenberg")
        in_story = [_outside_titles(e, source.doc) for e in bodies]
        if any(e.mentions for e in in_story):
            bodies = in_story
    else:  # the words in its name ("the agency": an outlet word, but in the name)
        bodies = [e for e in bodies if set(named) <= set(e.name.lower().split())]
    return latest_before(source.start_char, bodies, frozenset({"ORG"}))


# the last words of the names of public bodies, which no story calls "the company"
PUBLIC_BODY_WORDS = frozenset(
    {"court", "commission", "department", "ministry", "police", "council", "committee"}
    | {"senate", "congress", "parliament", "university", "school", "administration", "bureau"}
)


def _public_body(entity: Entity) -> bool:
    """A body no story calls "the company": "Supreme Court", "University of Toronto"."""
    words = entity.name.lower().split()
    head = words[: words.index("of")] if "of" in words else words
    return bool(head) and head[-1] in PUBLIC_BODY_WORDS


def _outside_titles(entity: Entity, doc: Doc) -> Entity:
    """``entity`` with only its mentions that are not part of someone's title ("an analyst
    at Berenberg", "Berenberg analyst Jonas Weber")."""
    heads = lexicon().heads
    kept = []
    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        root = span.root if span is not None else None
        if root is not None:
            titled = root.head if root.dep_ == "compound" else None
            if root.dep_ == "pobj" and root.head.dep_ == "prep":
                titled = root.head.head
            if titled is not None and titled.lower_ in heads:
                continue
        kept.append(mention)
    return replace(entity, mentions=tuple(kept))


def definite_phrase(source: SpacySpan) -> list[Token] | None:
    """The words of the source's noun phrase when it is "the" or "this", lower-case words
    and its head noun, nothing after the head ("the company"; "The company flat-out" read
    with an adverb of the verb after it): None otherwise."""
    head = source.root
    words = [t for t in source if not t.is_punct and (t == head or head in t.ancestors)]
    if len(words) < 2 or words[0].lower_ not in ("the", "this") or words[-1] != head:
        return None
    return words


def _in_name(word: str, name: str) -> bool:
    """A name word that is ``word`` or its plural ("production" in "Lark Productions")."""
    return any(w in (word, word + "s") for w in name.lower().split())


def outlet_entity(entity: Entity, text: str) -> bool:
    return is_outlet(entity.name) or any(called_outlet(text, m.start) for m in entity.mentions)


# words for a news outlet that a story uses for the one it named last ("the newspaper
# reported", "the broadcaster said"); not "agency" nor "station", said of other bodies too
OUTLET_KINDS = frozenset(
    {"newspaper", "paper", "daily", "tabloid", "magazine", "broadcaster", "channel", "outlet"}
    | {"network", "website", "publication"}
)
NEWS_WORDS = frozenset({"news", "media"})  # "the news organization", "the media group"


def by_outlet_kind(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The news outlet named last before a definite word for one ("the newspaper", "The
    news organization, citing …, reported")."""
    head = source.root
    words = definite_phrase(source)
    if words is None or not all(t.is_lower for t in words[1:]):
        return None
    modifiers = {t.lower_ for t in words[1:-1]}
    if head.lower_ not in OUTLET_KINDS and not modifiers & NEWS_WORDS:
        return None
    text = doc_text(source.doc)
    outlets = [e for e in entities if e.type == "ORG" and outlet_entity(e, text)]
    return latest_before(source.start_char, outlets, frozenset({"ORG"}))


# what a story calls a body it named ("The Kestrel Trust said … . The group added …", "the
# organization believes"), and the words that name such a body, not a company or an outlet
BODY_NOUNS = frozenset(
    {"group", "organization", "organisation", "coalition", "alliance", "association"}
)
BODY_NAME_WORDS = frozenset(
    {"coalition", "alliance", "association", "foundation", "institute", "center", "centre"}
    | {"council", "committee", "union", "federation", "league", "society", "group", "fund"}
    | {"network", "project", "campaign", "movement", "front", "international", "watch"}
    | {"trust", "commission", "forum", "caucus", "organization", "organisation", "board"}
    | {"chamber"}
)


def by_body_noun(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The body named last before "the group" or "the organization": an organisation
    whose name has a word such as Coalition, Institute or Union in it."""
    doc = source.doc
    text = doc_text(doc)
    bodies = [
        e
        for e in entities
        if e.type == "ORG"
        and BODY_NAME_WORDS & set(e.name.lower().split())
        and not outlet_entity(e, text)
    ]
    body = latest_before(source.start_char, bodies, frozenset({"ORG"}))
    if body is None:
        return None
    named = max(m.end for m in body.mentions if m.end <= source.start_char)
    between = doc.char_span(named, source.start_char, alignment_mode="contract")
    for token in between or ():  # "the high-earning group", "a group of voters": another
        if token.lower_ == source.root.lower_ and not _bare(token):
            return None
    return body


def _bare(noun: Token) -> bool:
    """The noun with "the" before it and nothing more ("the group")."""
    children = list(noun.children)
    return len(children) == 1 and children[0].lower_ == "the" and children[0].i == noun.i - 1


# bodies of a state that speak for it ("Norway's defence ministry", "the Kestrel government")
STATE_BODIES = frozenset(
    {"ministry", "government", "embassy", "military", "army", "navy", "cabinet", "presidency"}
    | {"administration", "parliament", "consulate", "mission", "foreign", "office"}
)


def state_body(head: Token, entities: Sequence[Entity]) -> Entity | None:
    """The country whose ministry, government or embassy speaks ("Norway's defence ministry
    said": Norway)."""
    if head.lower_ not in STATE_BODIES:
        return None
    for child in head.children:
        if child.dep_ in ("poss", "compound") and child.i < head.i:
            found = entity_at(child, entities)
            if found is not None and found.type == "GPE":
                return found
    return None
