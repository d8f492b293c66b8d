"""Events: meetings, statements, agreements, demands, visits, decisions, attacks, arrests.

One event per trigger word, found from a table of verbs and nouns per type
(``data/event_triggers.json``). Around each trigger the dependency parse gives the
participants (subjects and objects, "between A and B", "A met with B", "a statement by A"),
the place ("in Washington"), the date (the temporal expression hanging from the trigger or
its clause), and whether the event is negated ("did not reach an agreement") or hedged
("may meet", "is expected to visit", "a possible deal"). Ordinary reporting verbs ("said")
are attribution cues, not events; a repeated definite mention ("the meeting") of an event
already found is not a new event.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsfacts.models import (
    Attribution,
    Entity,
    Event,
    EventDate,
    Location,
    Participant,
    Span,
    TimeExpression,
)
from newsfacts.nlp.doctext import doc_text
from newsfacts.settings import Settings

_VERB_POS = frozenset({"VERB", "AUX"})
_CLAUSE_LINKS = frozenset({"xcomp", "advcl", "conj", "ccomp", "pcomp"})
_NOT_PARTIES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})


@dataclass(frozen=True)
class _Table:
    verbs: dict[str, str]  # lemma -> event type
    nouns: dict[str, str]  # lemma or lower form -> event type
    phrasal_verbs: dict[str, tuple[str, frozenset[str]]]  # lemma -> (type, particles)
    phrasal_nouns: dict[str, tuple[str, frozenset[str]]]
    trigger_words: frozenset[str]  # every key of the four tables above
    object_participants: frozenset[str]  # types whose objects are participants
    light_verbs: frozenset[str]
    needs_party: frozenset[str]
    cancelling_particles: dict[str, frozenset[str]]
    cancelling_modifiers: dict[str, frozenset[str]]
    cancelling_context: dict[str, frozenset[str]]  # words near the trigger: a labour strike
    cancelling_objects: dict[str, frozenset[str]]  # "struck a softer tone" is no attack
    cancelling_subjects: dict[str, frozenset[str]]  # "the quake struck" is no attack
    human_nouns: frozenset[str]
    agent_types: frozenset[str]
    location_types: frozenset[str]
    location_preps: frozenset[str]
    verb_preps: frozenset[str]
    noun_preps: frozenset[str]
    say_preps: frozenset[str]
    modals: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_governors: frozenset[str]
    hedge_modifiers: frozenset[str]
    negation_words: frozenset[str]
    negation_governors: frozenset[str]
    anaphoric: frozenset[str]


@lru_cache(maxsize=1)
def _table() -> _Table:
    source = resources.files("newsfacts").joinpath("data", "event_triggers.json")
    raw: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    phrasal_verbs: dict[str, tuple[str, frozenset[str]]] = {}
    phrasal_nouns: dict[str, tuple[str, frozenset[str]]] = {}
    objects: set[str] = set()
    for kind, spec in raw["types"].items():
        for verb in spec.get("verbs", []):
            verbs.setdefault(verb, kind)
        for noun in spec.get("nouns", []):
            nouns.setdefault(noun, kind)
        for verb, particles in spec.get("phrasal_verbs", {}).items():
            phrasal_verbs[verb] = (kind, frozenset(particles))
        for noun, particles in spec.get("phrasal_nouns", {}).items():
            phrasal_nouns[noun] = (kind, frozenset(particles))
        if spec.get("objects_are_participants"):
            objects.add(kind)
    hedges, negations = raw["hedges"], raw["negations"]
    return _Table(
        verbs=verbs,
        nouns=nouns,
        phrasal_verbs=phrasal_verbs,
        phrasal_nouns=phrasal_nouns,
        trigger_words=frozenset(verbs) | frozenset(nouns) | set(phrasal_verbs) | set(phrasal_nouns),
        object_participants=frozenset(objects),
        light_verbs=frozenset(raw["light_verbs"]),
        needs_party=frozenset(raw["verbs_needing_a_party"]),
        cancelling_particles={k: frozenset(v) for k, v in raw["particles_that_cancel"].items()},
        cancelling_modifiers={k: frozenset(v) for k, v in raw["modifiers_that_cancel"].items()},
        cancelling_context={k: frozenset(v) for k, v in raw["sentence_words_that_cancel"].items()},
        cancelling_objects={k: frozenset(v) for k, v in raw["objects_that_cancel"].items()},
        cancelling_subjects={k: frozenset(v) for k, v in raw["subjects_that_cancel"].items()},
        human_nouns=frozenset(raw["human_nouns"]),
        agent_types=frozenset(raw["agent_entity_types"]),
        location_types=frozenset(raw["location_entity_types"]),
        location_preps=frozenset(raw["location_prepositions"]),
        verb_preps=frozenset(raw["participant_prepositions"]["verb"]),
        noun_preps=frozenset(raw["participant_prepositions"]["noun"]),
        say_preps=frozenset(raw["say_verb_prepositions"]),
        modals=frozenset(hedges["modals"]),
        hedge_adverbs=frozenset(hedges["adverbs"]),
        hedge_governors=frozenset(hedges["governors"]),
        hedge_modifiers=frozenset(hedges["noun_modifiers"]),
        negation_words=frozenset(negations["words"]),
        negation_governors=frozenset(negations["governors"]),
        anaphoric=frozenset(raw["anaphoric_determiners"]),
    )


class _Mentions:
    """Character ranges of entity mentions, for "which entity is this token in?"."""

    def __init__(self, doc: Doc, entities: Sequence[Entity]) -> None:
        self.ranges: list[tuple[int, int, str, str]] = [
            (m.start, m.end, e.id, e.type) for e in entities for m in e.mentions
        ]
        self.doc = doc
        self._ents: list[SpacySpan] | None = None  # doc.ents walks the whole doc: once

    def at(self, token: Token) -> tuple[int, int, str | None, str] | None:
        """(start, end, entity id or None, type) of the mention holding ``token``."""
        for start, end, ident, kind in self.ranges:
            if start <= token.idx < end:
                return start, end, ident, kind
        if token.ent_type_:
            if self._ents is None:
                self._ents = list(self.doc.ents)
            ent = next(e for e in self._ents if e.start <= token.i < e.end)
            return ent.start_char, ent.end_char, None, ent.label_
        return None


# ---------------------------------------------------------------- triggers


def _trigger_type(token: Token, table: _Table, mentions: _Mentions) -> str | None:
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma not in table.trigger_words and lower not in table.trigger_words:
        return None  # most words: no need to look at the children
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
    particles |= {  # "calling for US troops to leave": "for" marks the clause
        g.lower_
        for c in token.children
        if c.dep_ in ("advcl", "ccomp", "xcomp")
        for g in c.children
        if g.dep_ == "mark" and g.i < c.i
    }
    if particles & table.cancelling_particles.get(lemma, frozenset()):
        return None
    if token.pos_ == "VERB":
        if lemma in table.phrasal_verbs:
            kind, needed = table.phrasal_verbs[lemma]
            return kind if particles & needed else None
        verb_kind = table.verbs.get(lemma)
        if verb_kind is None:
            return None
        objects = table.cancelling_objects.get(lemma, frozenset())
        if any(c.lemma_.lower() in objects for c in _children(token, "dobj")):
            return None  # "struck a softer tone", "struck a deal" (the deal is the event)
        natural = table.cancelling_subjects.get(lemma, frozenset())
        if any(c.lemma_.lower() in natural for c in _children(token, "nsubj")):
            return None  # "the quake struck shortly before midnight"
        if lemma in table.needs_party and not _has_party(token, table, mentions):
            return None  # "to meet this changing threat", "ruled out"
        if lemma == "agree" and not (particles or _children(token, "xcomp", "dobj", "conj")):
            return None  # "I agree that ...": an opinion, not an agreement
        return verb_kind
    if token.pos_ in ("NOUN", "PROPN"):
        for key in (lower, lemma):
            if key in table.phrasal_nouns:
                kind, needed = table.phrasal_nouns[key]
                return kind if particles & needed else None
        if token.pos_ == "PROPN" or token.ent_type_:
            return None
        blockers = table.cancelling_modifiers.get(lower, frozenset())
        if any(c.lower_ in blockers for c in token.children):
            return None  # "a nationwide strike" is not an attack
        on = token.head.lower_ == "on" and token.dep_ == "pobj"
        if on and lower in table.cancelling_context:
            return None  # "went on strike"
        return table.nouns.get(lower) or table.nouns.get(lemma)
    return None


def _with_sentences_before(sentence: SpacySpan, most: int) -> SpacySpan:
    """``sentence`` with up to ``most`` sentences before it."""
    start = sentence.start
    for _ in range(most):
        if start == 0:
            break
        start = sentence.doc[start - 1].sent.start
    return sentence.doc[start : sentence.end]


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _has_party(verb: Token, table: _Table, mentions: _Mentions) -> bool:
    if any(c.lower_ == "with" for c in _children(verb, "prep")):
        return True
    objects = _children(verb, "dobj")
    if objects:
        return all(_is_agent(o, table, mentions) for o in objects)
    subjects = _subjects(verb)
    return not subjects or any(_is_agent(s, table, mentions) for s in subjects)


def _is_agent(token: Token, table: _Table, mentions: _Mentions) -> bool:
    if token.pos_ == "PRON":
        return token.lower_ not in ("it", "this", "that", "which", "what")
    found = mentions.at(token)
    if found is not None and found[3] in table.agent_types:
        return True
    return token.lower_ in table.human_nouns or token.lemma_.lower() in table.human_nouns


# ---------------------------------------------------------------- participants


def _subjects(verb: Token) -> list[Token]:
    """Grammatical subjects of ``verb``, inherited through xcomp/advcl/conj when missing."""
    for _ in range(4):
        found = _children(verb, "nsubj", "csubj")
        found += [  # headline "US, Iraq agree ..."
            c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i < verb.i
        ]
        if found:
            if verb.dep_ == "relcl" and all(t.tag_ in ("WDT", "WP") for t in found):
                return [verb.head]  # "officials who met": the officials
            return found
        if _children(verb, "nsubjpass"):
            return []  # a passive clause has its own subject: "X said the plan will be
            # divulged in a meeting" does not make X a party to the meeting
        bare_participle = verb.tag_ == "VBN" and not _children(verb, "aux", "auxpass")
        if verb.dep_ not in _CLAUSE_LINKS or verb.head.i == verb.i or bare_participle:
            return []
        verb = verb.head
        while any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
            if verb.head.i == verb.i:
                return []
            verb = verb.head  # "for US troops to leave": not the controller
    return []


def _with_conjuncts(token: Token) -> list[Token]:
    out = [token]
    for c in token.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(_with_conjuncts(c))
    return out


def _participant_tokens(
    trigger: Token, kind: str, governor: Token | None, table: _Table, mentions: _Mentions
) -> list[Token]:
    heads: list[Token] = []
    if trigger.pos_ == "VERB":
        if trigger.tag_ == "VBN" and _children(trigger, "auxpass"):
            heads += [p for prep in _children(trigger, "agent") for p in _children(prep, "pobj")]
            if kind in table.object_participants:
                heads += _children(trigger, "nsubjpass")
        else:
            heads += _subjects(trigger)
        if kind in table.object_participants:
            heads += [o for o in _children(trigger, "dobj") if _is_agent(o, table, mentions)]
        for prep in _children(trigger, "prep"):
            if prep.lower_ in table.verb_preps or (
                kind == "demand" and prep.lower_ in ("on", "upon")
            ):
                heads += _children(prep, "pobj")
    else:
        heads += _children(trigger, "poss")
        heads += [
            c
            for c in _children(trigger, "compound", "amod", "nmod")
            if (m := mentions.at(c)) is not None and m[3] in table.agent_types
        ]
        for prep in _children(trigger, "prep"):
            if prep.lower_ in table.noun_preps and (
                prep.lower_ != "of" or kind in table.object_participants
            ):
                heads += [
                    p
                    for p in _children(prep, "pobj")
                    if _is_agent(p, table, mentions) or prep.lower_ == "between"
                ]
        if governor is not None and (
            governor.lemma_.lower() in table.light_verbs
            or (
                not heads
                and any(
                    c.lower_ in table.say_preps for c in trigger.ancestors if c.head.i == governor.i
                )
            )
        ):
            heads += _subjects(governor)
    tokens: list[Token] = []
    for head in heads:
        for t in _with_conjuncts(head):
            if t.i != trigger.i and t not in tokens and t.ent_type_ not in _NOT_PARTIES:
                tokens.append(t)
    return tokens


def _participant(token: Token, mentions: _Mentions, text: str) -> Participant:
    found = mentions.at(token)
    if found is not None and found[2] is not None:
        start, end, ident, _ = found
        return Participant(text[start:end], start, end, ident)
    if found is not None and token.pos_ == "PROPN":
        start, end = found[0], found[1]
        return Participant(text[start:end], start, end, None)
    first = token.left_edge if token.left_edge.i >= token.i - 10 else token
    while first.i < token.i and (first.is_punct or first.dep_ in ("cc", "preconj")):
        first = first.doc[first.i + 1]
    start, end = first.idx, token.idx + len(token.text)
    return Participant(text[start:end], start, end, None)


def _as_speakers(
    participant: Participant, attributions: Sequence[Attribution]
) -> list[Participant]:
    """A participant with no entity that is an attribution's whole source ("they agreed")
    stands for that source's resolved speakers, each anchored on the participant's words."""
    if participant.entity is not None:
        return [participant]
    for attribution in attributions:
        if (
            attribution.speakers
            and len(attribution.source) == 1
            and (attribution.source[0].start, attribution.source[0].end)
            == (participant.start, participant.end)
        ):
            return [replace(participant, entity=ident) for ident in attribution.speakers]
    return [participant]


# ---------------------------------------------------------------- context


def _governor(trigger: Token) -> Token | None:
    """The verb a noun trigger is the object, subject or prepositional object of."""
    token = trigger
    for _ in range(3):
        if token.dep_ == "conj":
            token = token.head
            continue
        head = token.head
        if head.i == token.i:
            return None
        if head.pos_ in _VERB_POS and token.dep_ in (
            "dobj",
            "nsubj",
            "nsubjpass",
            "attr",
            "pobj",
            "dative",
        ):
            return head
        if head.pos_ == "ADP" and head.head.pos_ in _VERB_POS:
            return head.head
        return None
    return None


def _location(
    trigger: Token, governor: Token | None, table: _Table, mentions: _Mentions, text: str, kind: str
) -> Location | None:
    anchors = [trigger] + ([governor] if governor is not None else [])
    candidates: list[Token] = []
    for anchor in anchors:
        for prep in _children(anchor, "prep"):
            if prep.lower_ in table.location_preps:
                candidates += _children(prep, "pobj")
        if kind == "visit" and anchor is trigger:
            candidates += _children(anchor, "dobj")
        for prep in _children(anchor, "prep"):  # "visit to Baghdad"
            if kind == "visit" and prep.lower_ == "to":
                candidates += _children(prep, "pobj")
    for token in candidates:
        found = mentions.at(token)
        if found is not None and found[3] in table.location_types:
            start, end, ident, _ = found
            return Location(text[start:end], start, end, ident)
    return None


def _time_owner(root: Token, triggers: dict[int, Token], light: dict[int, int]) -> int | None:
    """The trigger a temporal expression hangs from, without crossing another clause."""
    token = root
    for _ in range(12):
        if token.i in triggers and token.i != root.i:
            return token.i
        if token.i in light:
            return light[token.i]
        if token.head.i == token.i:
            return None
        if token.i != root.i and token.pos_ in _VERB_POS:
            if token.dep_ not in ("acl", "relcl") or token.head.i not in triggers:
                return None  # "a statement released on Wednesday" may pass, nothing else
        token = token.head
    return None


def _clause_verb(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in _VERB_POS:
            return ancestor
    return None


def _negated(trigger: Token, governor: Token | None, table: _Table) -> bool:
    light = governor is not None and governor.lemma_.lower() in table.light_verbs
    for anchor in (trigger, governor if light else None):
        if anchor is None:
            continue
        if any(_negating(c, table) for c in anchor.children):
            return True
        if anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in table.negation_governors:
            return True
        if any(_no_one(c, table) for c in anchor.children if c.dep_ == "nsubj"):
            return True  # "Not everyone agrees", "No one agreed to the plan"
    if governor is not None and trigger.dep_ == "dobj":
        if governor.lemma_.lower() in table.negation_governors:
            return True  # "rejected the deal"
    return trigger.head.lower_ == "without"


def _negating(child: Token, table: _Table) -> bool:
    """A "not" or a "no" on the word it hangs from."""
    return child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in table.negation_words)


def _no_one(subject: Token, table: _Table) -> bool:
    return subject.lower_ in ("nobody", "none") or any(
        _negating(c, table) for c in subject.children
    )


def _hedged(trigger: Token, governor: Token | None, table: _Table) -> bool:
    if any(c.lower_ in table.hedge_modifiers for c in _children(trigger, "amod", "compound")):
        return True
    for anchor in (trigger, governor):
        if anchor is None:
            continue
        for c in anchor.children:
            if c.dep_ == "aux" and c.lower_ in table.modals:
                return True
            if c.dep_ == "advmod" and c.lower_ in table.hedge_adverbs:
                return True
        verb = anchor
        for _ in range(3):
            if verb.dep_ not in ("xcomp", "acomp") or verb.head.i == verb.i:
                break
            verb = verb.head
            if verb.lemma_.lower() in table.hedge_governors:
                return True
            if any(c.dep_ == "aux" and c.lower_ in table.modals for c in verb.children):
                return True
    if governor is None or governor.lemma_.lower() not in table.hedge_governors:
        return False
    # "the agency said in a statement": the medium of the saying, not a hedge on it
    return not (trigger.head.head.i == governor.i and trigger.head.lower_ in table.say_preps)


# ---------------------------------------------------------------- orchestration


@dataclass
class _Draft:
    trigger: Token
    kind: str
    governor: Token | None


def _drafts(doc: Doc, table: _Table, mentions: _Mentions) -> list[_Draft]:
    found: dict[int, _Draft] = {}
    for token in doc:
        kind = _trigger_type(token, table, mentions)
        if kind is not None:
            governor = _governor(token) if token.pos_ != "VERB" else None
            found[token.i] = _Draft(token, kind, governor)
    drop: set[int] = set()
    for i, draft in found.items():
        token = draft.trigger
        if token.pos_ == "VERB":
            nouns = [o for o in _children(token, "dobj") if o.i in found]
            if nouns and token.lemma_.lower() in table.light_verbs:
                drop.add(i)  # "strike a deal": the deal is the event
            continue
        above = token.head
        if token.dep_ == "conj" and above.i in found and found[above.i].kind == draft.kind:
            drop.add(i)  # "an agreement or a roadmap"
        gov = draft.governor
        if gov is not None and gov.i in found and found[gov.i].kind == draft.kind:
            drop.add(i)  # "agree to a new roadmap"
    strikes = {i for i, d in found.items() if _labour_word(d.trigger, table)}
    if strikes and _labour_dispute(doc, table):  # "… walked off the job … . The strike is"
        drop |= strikes
    return [d for i, d in sorted(found.items()) if i not in drop]


# what makes a strike a military one in a story about a labour dispute: a modifier ("an
# air strike") or what the strike did ("the strike killed four")
_MILITARY = frozenset({"air", "missile", "drone", "rocket", "artillery", "military", "naval"})
_HARM = frozenset({"kill", "wound", "injure", "hit", "destroy", "target", "damage"})


def _labour_word(token: Token, table: _Table) -> bool:
    """A noun that names a labour strike in a story about one ("strike", "strikes"), not
    one that is plainly military ("an air strike", "an Israeli strike", "the strike killed")."""
    if token.pos_ != "NOUN" or token.lower_ not in table.cancelling_context:
        return False
    if any(c.lower_ in _MILITARY or c.ent_type_ in ("NORP", "GPE") for c in token.children):
        return False
    return not (token.dep_ == "nsubj" and token.head.lemma_.lower() in _HARM)


def _labour_dispute(doc: Doc, table: _Table) -> bool:
    """Some strike in ``doc`` is plainly a labour one: a word of a labour dispute near it."""
    for token in doc:
        if token.pos_ == "NOUN" and token.lower_ in table.cancelling_context:
            context = table.cancelling_context[token.lower_]
            if any(t.lower_ in context for t in _with_sentences_before(token.sent, 2)):
                return True
    return False


def _is_repeat(draft: _Draft, date: str | None, earlier: list[Event], table: _Table) -> bool:
    """A definite noun ("the joint statement") naming an event already found."""
    token = draft.trigger
    if token.pos_ == "VERB":
        return False
    first = next(iter(token.lefts), None)
    if first is None or first.lower_ not in table.anaphoric:
        return False
    return any(
        e.type == draft.kind
        and (date is None or e.date is None or e.date.value is None or e.date.value == date)
        for e in earlier
    )


def extract_events(
    doc: Doc,
    entities: Sequence[Entity],
    attributions: Sequence[Attribution],
    times: Sequence[TimeExpression],
    settings: Settings,
) -> list[Event]:
    """Events in ``doc``, one per trigger, in text order, with ids ``ev1``, ``ev2``, ..."""
    del settings  # no tunables yet; kept for the common extractor signature
    table = _table()
    text = doc_text(doc)
    mentions = _Mentions(doc, entities)
    drafts = _drafts(doc, table, mentions)
    triggers = {d.trigger.i: d.trigger for d in drafts}
    light = {
        d.governor.i: d.trigger.i
        for d in drafts
        if d.governor is not None and d.governor.lemma_.lower() in table.light_verbs
    }
    dates = _dates(doc, drafts, times, triggers, light)
    events: list[Event] = []
    for draft in drafts:
        token = draft.trigger
        date = dates.get(token.i)
        if _is_repeat(draft, date.value if date else None, events, table):
            continue
        found = _participant_tokens(token, draft.kind, draft.governor, table, mentions)
        participants = tuple(
            sorted(  # stable: a group's members stay in the attribution's order
                dict.fromkeys(
                    resolved
                    for t in found
                    for resolved in _as_speakers(_participant(t, mentions, text), attributions)
                ),
                key=lambda p: (p.start, p.end),
            )
        )
        start, end = token.idx, token.idx + len(token.text)
        events.append(
            Event(
                id=f"V{len(events) + 1}",
                type=draft.kind,
                trigger=Span(start, end, text[start:end]),
                participants=participants,
                location=_location(token, draft.governor, table, mentions, text, draft.kind),
                date=date,
                attribution=_attribution(start, end, attributions),
                negated=_negated(token, draft.governor, table),
                hedged=_hedged(token, draft.governor, table),
            )
        )
    return events


def _dates(
    doc: Doc,
    drafts: list[_Draft],
    times: Sequence[TimeExpression],
    triggers: dict[int, Token],
    light: dict[int, int],
) -> dict[int, EventDate]:
    owned: dict[int, EventDate] = {}
    by_clause: dict[int, EventDate] = {}
    for time in times:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            continue
        date = EventDate(time.text, time.start, time.end, time.value)
        owner = _time_owner(span.root, triggers, light)
        if owner is not None:
            owned.setdefault(owner, date)
            continue
        verb = span.root if span.root.pos_ in _VERB_POS else _clause_verb(span.root)
        if verb is not None:
            by_clause.setdefault(verb.i, date)
    for draft in drafts:  # "During his meeting Tuesday, he said": the clause's date
        token = draft.trigger
        if token.i in owned or token.pos_ == "VERB":
            continue
        verb = _clause_verb(token)
        if verb is not None and verb.i in by_clause and verb.i not in triggers:
            owned[token.i] = by_clause[verb.i]
    return owned


def _attribution(start: int, end: int, attributions: Sequence[Attribution]) -> str | None:
    for attribution in attributions:
        if any(c.start <= start and end <= c.end for c in attribution.content):
            return attribution.id
    return None
