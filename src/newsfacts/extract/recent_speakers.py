"""Sources that mean the speaker quoted just before them: "he" or "she" after an unnamed
person's words ("A witness … told the Post … . '…,' she said"), "One of them" after unnamed
people, "the agency" after the body that spoke. ``recent`` is the list of speakers of the
attributions so far, latest last, each with where its source starts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsfacts.extract.speaker_record import PRONOUN_GENDER, QUANTITIES, Speaker
from newsfacts.extract.speaker_titles import definite_phrase, outlet_entity
from newsfacts.models import Entity
from newsfacts.nlp.doctext import doc_text

# what a story calls a body whose name does not say so ("the agency" for the World Health
# Organization, "the union" for the Association of Flight Attendants, "the association"
# for Port Employers Europe)
_AGENCY_NOUNS = frozenset({"agency", "union", "association", "federation"})
# how far after an unnamed person's words a "he" or "she" may still mean them (characters)
_UNNAMED_REACH = 600
# people who speak for an organisation, whom a story may call "he" or "she" next
_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "official"})
# words for a person that say their sex, in an unnamed source ("a spokesman", "one woman")
_SEX_NOUNS = {
    **dict.fromkeys(("man", "men", "spokesman", "father", "husband", "son", "brother"), "m"),
    **dict.fromkeys(("woman", "spokeswoman", "mother", "wife", "daughter", "sister"), "f"),
}


def unnamed_just_before(
    pronoun: Token, recent: Sequence[Speaker], fits: Sequence[Entity]
) -> Speaker | None:
    """The one unnamed person whose words came just before a "he" or "she", with nobody
    the pronoun may mean named since the start of that person's sentence, and nothing in
    the source's words against its sex ("A witness, who asked not to be named, told the
    Post … . '…,' she said"); an unnamed spokesman is the voice of the body he spoke for
    ("a spokesman for the commission said. He would not say …")."""
    last = recent[-1] if recent else None
    if last is None or last.plural or last.at < 0:
        return None
    if not 0 < pronoun.idx - last.at <= _UNNAMED_REACH:
        return None
    doc = pronoun.doc
    voice = _voice_for_body(doc, last, fits)
    if not (last.anonymous and not last.entity) and voice is None:
        return None
    people = [e for e in fits if e.type == "PERSON"]
    source = doc.char_span(last.at, last.at + 1, alignment_mode="expand")
    since = source.sent.start_char if source is not None else last.at
    if any(since <= m.start < pronoun.idx for e in people for m in e.mentions):
        return None  # (nor where someone is named before it in its own sentence)
    if (last.described or "").lower().split()[:1] in (["some"], ["many"], ["others"]):
        return None  # "some say": no one person
    said = f"{last.described or ''} {voice or ''}".lower().split()
    sexes = {_SEX_NOUNS.get(w) for w in said} - {None}
    if sexes - {PRONOUN_GENDER.get(pronoun.lower_)}:
        return None
    return replace(last, how="pronoun")


def _voice_for_body(doc: Doc, last: Speaker, fits: Sequence[Entity]) -> str | None:
    """The noun of an unnamed person who spoke for an organisation in the source just
    before ("a spokesman" of "a spokesman for the commission said"), else None."""
    if last.entity is None or not any(e.id == last.entity and e.type == "ORG" for e in fits):
        return None
    start = doc.char_span(last.at, last.at + 1, alignment_mode="expand")
    if start is None:
        return None
    for token in doc[start.start : start.start + 3]:
        if token.pos_ == "NOUN":
            return token.lower_ if token.lower_ in _VOICES else None
    return None


def one_of_them(source: SpacySpan, recent: Sequence[Speaker]) -> Speaker | None:
    """Unnamed people quoted just before, when the source picks some of them by a pronoun
    ("One of them said", "Two of them"): as unnamed as they, described by both."""
    head = source.root
    last = recent[-1] if recent else None
    if last is None or not (last.anonymous and last.plural and last.described):
        return None
    if head.lower_ not in QUANTITIES and head.pos_ != "NUM":
        return None
    wholes = [
        w
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for w in prep.children
        if w.dep_ == "pobj" and w.lower_ in ("them", "those")
    ]
    if not wholes:
        return None
    said = doc_text(source.doc)[source.start_char : source.end_char]
    described = f"{said} ({last.described})"
    return replace(last, how="pronoun", described=described, plural=head.lower_ != "one")


def body_just_quoted(
    source: SpacySpan, recent: Sequence[Speaker], by_id: Mapping[str, Entity]
) -> Speaker | None:
    """The organisation quoted just before, for a definite word for a body whose name does
    not hold it ("the agency" for the World Health Organization), or for its voice ("an
    agency spokesman"), close after it."""
    head = source.root
    if head.lower_ in _VOICES:
        kinds = [c for c in head.children if c.dep_ == "compound" and c.lower_ in _AGENCY_NOUNS]
        if not kinds:
            return None
        head = kinds[0]  # "an agency spokesman": the agency's voice
    elif head.lower_ not in _AGENCY_NOUNS or definite_phrase(source) is None:
        return None
    if not recent or recent[-1].entity is None:
        return None
    last = recent[-1]
    body = by_id.get(last.entity or "")
    if body is None or body.type != "ORG" or last.at < 0:
        return None
    if outlet_entity(body, doc_text(head.doc)):
        return None  # an outlet that reported what the agency said
    if not 0 < source.start_char - last.at <= _UNNAMED_REACH:
        return None
    between = source.doc.char_span(last.at, source.start_char, alignment_mode="contract")
    if any(t.lower_ == head.lower_ and not _apposed(t, body) for t in between or ()):
        return None  # "an agency of the city …": the word was said of another
    return Speaker(body.id, False, "title")


def _apposed(word: Token, body: Entity) -> bool:
    """``word`` stands in apposition to a mention of ``body`` ("The employers' association,
    Port Employers Europe,")."""
    linked = [c for c in word.children if c.dep_ == "appos"]
    if word.dep_ == "appos":
        linked.append(word.head)
    return any(m.start <= t.idx < m.end for t in linked for m in body.mentions)
