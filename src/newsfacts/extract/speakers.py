"""Link a source span to entities: names, pronouns, titles, nominals, groups, anonymous sources."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsfacts.extract.anonymity import asks_anonymity
from newsfacts.extract.clause_subjects import (
    QUOTE_MARKS,
    SUBJECTS,
    named_above,
    subject_before,
)
from newsfacts.extract.entity_lookup import (
    PEOPLE,
    entity_at,
    entity_ids,
    latest_before,
    word_list,
)
from newsfacts.extract.epithets import by_epithet, epithet_sex
from newsfacts.extract.first_names import first_name_sexes, honorific_sex
from newsfacts.extract.interviews import answers, interviewee
from newsfacts.extract.recent_speakers import body_just_quoted, one_of_them, unnamed_just_before
from newsfacts.extract.source_names import (
    GROUP_TYPES,
    PLACES,
    SPEAKS_FOR,
    named_in,
    outer_tokens,
)
from newsfacts.extract.speaker_groups import group
from newsfacts.extract.speaker_record import PRONOUN_GENDER, QUANTITIES, Speaker
from newsfacts.extract.speaker_titles import (
    BODY_NOUNS,
    by_body_noun,
    by_description,
    by_kind,
    by_outlet_kind,
    by_title,
    definite_phrase,
    named_body,
    named_next,
    police_force,
    state_body,
)
from newsfacts.models import Entity
from newsfacts.nlp.doctext import doc_text
from newsfacts.nlp.tokens import end_before_punct

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"they", "them"})
AUTHOR_PRONOUNS = frozenset({"we", "i"})
THING_PRONOUNS = frozenset({"it"})  # an organisation or country that just spoke


def _may_be(said: set[str], gender: str | None) -> bool:
    """Nothing ``said`` of the person's sex (``_sexes``) rules out ``gender``."""
    return gender is None or not said or gender in said


def _sexes(entity: Entity, text: str) -> set[str]:
    """What says the person's sex: an honorific before a mention ("Mr. Castell" is no
    "she"), a title ("spokeswoman") or, failing those, a first name the census found almost
    only among one sex ("Donald" is no "she"); empty for anything but a person."""
    said: set[str] = set()
    if entity.type != "PERSON":
        return said
    for mention in entity.mentions:
        sex = honorific_sex(text, mention.start)
        if sex is not None:
            said.add(sex)
    # "spokeswoman" is a woman; "spokesman" and "chairman" are said of women too
    if any(title.lower().endswith("woman") for title in entity.titles):
        said.add("f")
    words = entity.name.split()
    if not said and len(words) > 1:  # a first name of one sex (not a lone family name)
        sex = first_name_sexes().get(words[0].lower())
        if sex is not None:
            said.add(sex)
    return said


def _by_sex(pronoun: Token, entities: Sequence[Entity]) -> tuple[set[str], set[str]]:
    """The ids of the entities ``pronoun`` may mean by sex (nothing rules them out), and of
    the people it surely may (what is said of them is the pronoun's sex alone)."""
    text = doc_text(pronoun.doc)
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    fitting: set[str] = set()
    surely: set[str] = set()
    for entity in entities:
        said = _sexes(entity, text)
        if _may_be(said, gender):
            fitting.add(entity.id)
        if gender is not None and said == {gender}:
            surely.add(entity.id)
    return fitting, surely


def _conjoined(
    source: SpacySpan, entities: Sequence[Entity], recent: Sequence[Speaker]
) -> tuple[str, ...]:
    """The entities a coordinated source names, when each part names one: "The US and
    Iraq", "Mr. Smith and Ms. Jones", "he and Lee" (the pronoun as it resolves alone), "the
    two witnesses, Ann Lee and Ed Park," (the names in apposition); empty when any part
    names none."""
    root = source.root
    if root.pos_ == "NOUN" and not root.conjuncts:  # "the two witnesses, Ann Lee and Ed Park,"
        named = [c for c in root.children if c.dep_ == "appos"] + outer_tokens(source)
        root = next((t for t in named if t.conjuncts and source.start <= t.i < source.end), root)
    listed = _misread_list(root, source, entities)  # "Ann Lee, Ed Park and Tom Hale"
    root = listed or root
    parts = [root, *(t for t in root.conjuncts if source.start <= t.i < source.end)]
    if listed:
        parts.insert(0, listed.head)
    if root.tag_ == "NNS" and entity_at(root, entities) is None:
        parts = parts[1:]  # "the two witnesses, Ann Lee and …" parsed as three conjuncts
    if len(parts) < 2 or any(c.dep_ == "case" for part in parts for c in part.children):
        return ()  # "Lund, Kestrel’s chairman": a misparsed apposition, no pair
    if sum(part.lower_ in PERSON_PRONOUNS for part in parts) > 1:
        return ()  # "he or she": anyone
    found: list[str] = []
    for part in parts:
        if part.lower_ in PERSON_PRONOUNS:
            alone = _resolve(source.doc[part.i : part.i + 1], entities, recent).entity
            ids: tuple[str, ...] = (alone,) if alone else ()
        else:
            ids = entity_ids([part], entities)
        if not ids:
            return ()
        found.extend(i for i in ids if i not in found)
    return tuple(found)


def _misread_list(root: Token, source: SpacySpan, entities: Sequence[Entity]) -> Token | None:
    """ "Ann Lee, Ed Park and Tom Hale": the parser may take the second name for an
    apposition of the first, and the rest for its conjuncts. A person's name is no
    apposition of another person's: the second name, whose conjuncts follow within the
    source, when it is."""
    if root.pos_ != "PROPN" or root.conjuncts:
        return None
    first = entity_at(root, entities)
    for child in root.children:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or not child.conjuncts:
            continue
        if not all(source.start <= t.i < source.end for t in (child, *child.conjuncts)):
            continue
        second = entity_at(child, entities)
        if first is not None and second is not None and first.id != second.id:
            if first.type == second.type == "PERSON":
                return child
    return None


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
    end = end_before_punct(doc, end, source.start + 1)
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
    end = end_before_punct(doc, end, antecedent.end)
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
# what a person in the news is known for, which a story calls them by after naming them
# ("the actor said"); not words as often said of someone new ("the judge", "the officer")
# nor epithets for a story's subject while others are quoted ("the billionaire", "the mogul":
# on PolNeAR those went to the wrong person two times in three)
KNOWN_FOR_WORK = frozenset(
    {"actor", "actress", "singer", "rapper", "comedian", "musician", "songwriter", "novelist"}
    | {"filmmaker", "chef", "poet", "quarterback"}
)


OWN_VOICES = SPEAKS_FOR | {"campaign", "office", "team", "camp"}


def _owner_in_title(head: Token, titled: Entity) -> bool:
    """A named owner of the source noun that the person's title names too ("Kestrel's chief
    executive" for the "Kestrel chief executive")."""
    owners = [c.lower_ for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    return any(owner in title.lower().split() for owner in owners for title in titled.titles)


def _pronoun_owner(head: Token) -> SpacySpan | None:
    """The possessive pronoun of a noun that speaks for its owner ("his" of "his
    campaign", "her spokeswoman")."""
    if head.lower_ not in OWN_VOICES:
        return None
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "PRON" and child.lower_ != "its":
            return head.doc[child.i : child.i + 1]
    return None


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


def _resolve(source: SpacySpan, entities: Sequence[Entity], recent: Sequence[Speaker]) -> Speaker:
    if len(source) > 1 and source[-1].tag_ in ("WP", "WDT"):
        # the noun and its relative pronoun in one source ("Officials familiar with the
        # talks, who"): the noun's words are the source
        doc, end = source.doc, source.end - 1
        end = end_before_punct(doc, end, source.start)
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
    members = _conjoined(source, entities, recent)
    if len(members) > 1:
        return Speaker(None, False, "group", members)
    owner = _pronoun_owner(head)
    if owner is not None:  # "X said … . His campaign said": X, quoted just before
        fitting = _by_sex(owner.root, entities)[0]
        above = named_above(owner.root, fitting, entities)  # "Trump …, but his campaign said"
        if above is not None:
            return Speaker(above.id, False, "pronoun")
        if recent:
            owned = resolve_speaker(owner, entities, recent)
            if owned.entity and owned.entity == recent[-1].entity:
                return owned
    if head.lower_ in OWN_VOICES:  # "the governor's office": the governor's voice
        for owner_noun in (c for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN"):
            titled = by_title(owner_noun, source.start_char, entities)
            if titled is not None and titled.type == "PERSON":
                return Speaker(titled.id, False, "title")
    one_of = one_of_them(source, recent)
    if one_of is not None:  # "Two employees … told … . One of them said"
        return one_of
    part = _partitive(head)
    named_beside = any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children)
    if part is not None and not named_beside:  # "one of the aides" is as unnamed as they
        meant = resolve_speaker(part, entities, recent)
        if meant.anonymous:
            return replace(meant, described=_words(source), plural=head.lower_ != "one")
    named = named_in(source, entities)
    if named is not None:
        return Speaker(named.id, False, "name")
    authored = _document_author(source, entities, recent)
    if authored is not None:
        return authored
    parties, who = group(source, entities)
    if parties:  # "the two": both, or the one named ("Gen. CQ Brown and his counterpart")
        return Speaker(None, False, "group", parties, described=who)
    by_id = {e.id: e for e in entities}
    word = head.lower_
    if word == "a" and source.start_char in {start for start, _ in answers(doc_text(head.doc))}:
        asked = interviewee(doc_text(head.doc), source.start_char, entities)
        return Speaker(asked.id if asked else None, False, "pronoun" if asked else "none")
    if word in AUTHOR_PRONOUNS:  # outside quotes, the writer's own voice ("We asked …")
        asked = (
            interviewee(doc_text(head.doc), source.start_char, entities) if word == "i" else None
        )
        if asked is not None:  # unless in an interview's answer
            return Speaker(asked.id, False, "pronoun")
        # "I" is the one who wrote the story (an opinion piece, a first-person account);
        # "we" may be the writers, an editorial board or everyone ("we have seen this before")
        return Speaker(None, False, "writer" if word == "i" else "none")
    if word in PERSON_PRONOUNS or word in GROUP_PRONOUNS:
        plural = word in GROUP_PRONOUNS
        types = GROUP_TYPES if plural else frozenset({"PERSON"})
        fitting, surely = _by_sex(head, entities)
        fits = [e for e in entities if e.id in fitting]
        if plural:
            unnamed = _plural_subject_before(head)
            if unnamed is not None:  # "The researchers followed … . They found"
                return Speaker(None, True, "pronoun", described=unnamed, plural=True)
            if recent and recent[-1].anonymous and recent[-1].plural:  # "Analysts … . They"
                return replace(recent[-1], how="pronoun")
        unnamed_one = None if plural else unnamed_just_before(head, recent, fits)
        if unnamed_one is not None:  # "A witness … told the Post … . '…,' she said"
            return unnamed_one
        above = None if plural else named_above(head, fitting, entities)
        if above is None and not plural:  # "Trump took offense … . He later suggested"
            above = subject_before(head, surely, entities)
        if above is not None:  # "Trump — even as he says …, has proposed"
            return Speaker(above.id, False, "pronoun")
        for earlier in reversed(recent):
            if plural and earlier.group:
                return Speaker(None, False, "group", earlier.group)
            if earlier.entity in fitting and by_id[earlier.entity].type in types:
                return Speaker(earlier.entity, False, "pronoun")
        found = latest_before(source.start_char, fits, types)
        return Speaker(found.id if found else None, False, "pronoun")
    if AGED.fullmatch(_words(source)):  # "the 71-year-old writes": the person just quoted
        people = [e for e in entities if e.type == "PERSON"]
        for earlier in reversed(recent):
            if earlier.entity is not None and by_id[earlier.entity].type == "PERSON":
                return Speaker(earlier.entity, False, "title")
        found = latest_before(source.start_char, people, PEOPLE)
        return Speaker(found.id if found else None, False, "title")
    if word in THING_PRONOUNS:
        # "it" is mostly a thing: only the organisation or country quoted last speaks again
        party = by_id.get(recent[-1].entity or "") if recent else None
        if party is not None and party.type in GROUP_TYPES:
            return Speaker(party.id, False, "pronoun")
        return Speaker(None, False, "none")
    if head.pos_ in ("NOUN", "PROPN"):
        titled = by_title(head, source.start_char, entities)
        definite = any(
            (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
            or (c.dep_ == "poss" and c.pos_ == "NOUN")  # "the state's governor"
            for c in head.children
        )
        if (
            titled is not None
            and head.tag_ != "NNS"
            and (definite or _owner_in_title(head, titled))
        ):
            return Speaker(titled.id, False, "title")  # not "the analysts"
        if definite and head.tag_ == "NN" and head.lemma_.lower() in KNOWN_FOR_WORK:
            for earlier in reversed(recent):  # "Lee said … . The actor said": Lee
                if earlier.entity is not None and by_id[earlier.entity].type == "PERSON":
                    return Speaker(earlier.entity, False, "title")
        mine = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
        described = (
            by_description(head, entities) if (definite or mine) and head.tag_ == "NN" else None
        )
        if described is not None:  # "Tom Hale, an estate agent, … . The agent added"
            return Speaker(described.id, False, "title")
        introduced = None if definite or head.tag_ != "NN" else named_next(head, entities)
        if introduced is not None:  # "A federal judge … . U.S. District Judge X wrote"
            return Speaker(introduced.id, False, "title")
        if definite:  # "Trump … . The New York businessman says"
            text, sex = doc_text(head.doc), epithet_sex(head)
            person = by_epithet(head, entities, lambda e: _may_be(_sexes(e, text), sex))
            if person is not None:
                return Speaker(person.id, False, "title")
        body = (
            named_body(source, entities)
            or by_kind(source, entities)
            or state_body(head, entities)
            or by_outlet_kind(source, entities)
        )
        if body is not None:
            return Speaker(body.id, False, "title")
        earlier_body = _body_named_before(source, entities, recent)
        if earlier_body is not None:
            return earlier_body
        force = police_force(source, entities)
        if force is not None:  # "West Yorkshire Police said … . … , police said"
            return Speaker(force.id, False, "title")
        last = body_just_quoted(source, recent, by_id)
        if last is not None:  # "the World Health Organization said … . The agency said"
            return last
    # a name beside the head noun, not one inside its modifiers ("aides to Senator Lee")
    has_name = (head.pos_ == "PROPN" and head.ent_type_ == "PERSON") or any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children
    )
    if not has_name and head.lower_ in word_list("anonymous_sources.txt"):
        return Speaker(None, True, "anonymous")
    return Speaker(None, False, "none")


def _body_named_before(
    source: SpacySpan, entities: Sequence[Entity], recent: Sequence[Speaker]
) -> Speaker | None:
    """For "the group" or "the organization": unnamed people of that noun quoted just
    before ("A group of nurses told … . The group said"), else the body named last
    (``by_body_noun``)."""
    head = source.root
    if head.lower_ not in BODY_NOUNS or definite_phrase(source) is None:
        return None
    last = recent[-1] if recent else None
    if last is not None and last.anonymous:
        if head.lower_ in (last.described or "").lower().split():
            return replace(last, how="title")
    body = by_body_noun(source, entities)
    return Speaker(body.id, False, "title") if body is not None else None


AUTHOR_PREPOSITIONS = frozenset({"by", "from"})
# how a document reaches others than its authors ("a statement seen by the Harbour Post")
COME_BY = frozenset({"see", "obtain", "review", "read", "acquire", "get", "leak"}) | frozenset(
    {"report", "cite", "quote", "reveal", "describe", "uncover", "examine"}
)  # "the memo, first reported by The Guardian": the paper is not its author


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
        found = entity_ids(parts, entities)
        if not found:  # "a report by the Interior Department's inspector general"
            owners = [c for p in parts for c in p.children if c.dep_ == "poss"]
            found = entity_ids(owners, entities) if owners else ()
        if not found:
            return None
        if len(found) == 1:
            return Speaker(found[0], False, "document", document=kind)
        return Speaker(None, False, "document", found, document=kind)
    if not any(t.dep_ == "det" and t.lower_ in ("the", "this", "that") for t in head.children):
        return None
    for earlier in reversed(recent):  # the latest of that kind, unless its author is unknown
        if earlier.document == kind:
            return earlier if earlier.entity or earlier.group else None
    return None


def _author_words(head: Token) -> list[Token]:
    """The words naming a document's authors, with their conjuncts: the object of "by" or
    "from" on the noun or on a participle after it ("released by"), else a proper noun
    before it ("a Pentagon statement", "Iraq's report")."""
    for child in head.children:
        holders = [child] if child.dep_ == "prep" else []
        if child.dep_ == "acl" and child.lemma_.lower() not in COME_BY:
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
