"""Who speaks for a tagged cue: the tagged source that holds the cue verb's subject (or a
passive cue's agent, or the object of a verb that hands the cue to it), else that subject's
own noun phrase. ``role_frames`` falls back on the nearest source of the sentence.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from newsfacts.extract.cue_edges import RAISING
from newsfacts.extract.roles import Role
from newsfacts.nlp.tokens import end_before_punct

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})

CHAINED = frozenset({"advcl", "xcomp", "conj"})  # "…, requesting …": the governing verb's subject


def subject_source(
    doc: Doc, cue: Role, near: Sequence[tuple[int, Role]], content_tokens: set[int]
) -> tuple[int, Role] | None:
    """The tagged source holding the cue verb's grammatical subject, if one does.

    A participle or coordinated cue ("…, requesting …") takes the subject of the verb it
    hangs from; subjects inside content spans are passed over on the way up. A tagged
    source that runs into the subject from before it starts where the subject's phrase
    does (PolNeAR source exact F1: train 81.82 -> 81.96, dev 77.49 -> 77.64).
    """
    for verb in governing_verbs(doc, cue):
        # (a misparse may give a verb two: "WASHINGTON (AP) — Senate leaders said")
        subjects = [child for child in verb.children if child.dep_ in SUBJECTS]
        subjects = subjects or controller(verb)
        for child in subjects:
            held = source_holding(near, [child])
            if held is not None:
                j, source = held
                start = child.left_edge.i
                if source.start < start and "\n" not in doc[start : source.end].text:
                    # "Florida, Clinton said": the subject's phrase, not what runs into it
                    return j, Role(source.label, start, source.end)
                return j, source
        if any(child.i not in content_tokens for child in subjects):
            return None  # a subject the tagger did not mark (see untagged_subject)
    return None


def agent_source(doc: Doc, cue: Role, near: Sequence[tuple[int, Role]]) -> tuple[int, Role] | None:
    """The tagged source holding a passive cue's "by" agent ("Asked by reporters …")."""
    verb = doc[cue.start : cue.end].root
    agents = [t for c in verb.children if c.dep_ == "agent" for t in c.children]
    return source_holding(near, agents)


def source_holding(
    near: Sequence[tuple[int, Role]], tokens: Sequence[Token]
) -> tuple[int, Role] | None:
    """The first tagged source (in ``near``'s order) that holds any of ``tokens``."""
    return next(((j, s) for j, s in near if any(s.start <= t.i < s.end for t in tokens)), None)


def governing_verbs(doc: Doc, cue: Role) -> Iterator[Token]:
    """The cue's head word, then (for "…, requesting …") the verbs it hangs from, up to
    a verb whose object is the cue's subject (``controller``)."""
    verb = doc[cue.start : cue.end].root
    for _ in range(4):
        yield verb
        if verb.dep_ not in CHAINED or verb.head.i == verb.i or controller(verb):
            return
        verb = verb.head


# verbs whose object does what the infinitive after it says: "led the chairman to declare"
OBJECT_CONTROL = frozenset(
    {"lead", "prompt", "force", "leave", "require", "urge", "ask", "press", "pressure"}
    | {"push", "encourage", "persuade", "convince", "allow", "cause", "drive", "inspire"}
    | {"challenge", "invite", "order", "compel", "spur", "tell", "get"}
)


def controller(verb: Token) -> list[Token]:
    """The object of the verb an infinitive hangs on, when that verb hands the infinitive
    to its object ("the vote forced the mayor to admit …": the mayor admits). On PolNeAR
    train, a gold cue in such an infinitive has that object as its source 35 times, the
    governing verb's subject 8 times ("used the platform to discuss", not in the list)."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in OBJECT_CONTROL:
        return []
    return [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i][:1]


def plain_passive(verb: Token) -> bool:
    """A passive cue ("was labeled", "known as") takes only its "by" agent as source, not
    the nearest source of its sentence (PolNeAR source exact F1: train 81.58 -> 81.74, dev
    77.17 -> 77.38)."""
    return verb.tag_ == "VBN" and (
        any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ == "acl"
    )


def raising_only(doc: Doc, cue: Role) -> bool:
    """A raising cue with no verb after it ("the plan seems unlikely …"), whose subject is
    content, takes no other source of its sentence either (PolNeAR source exact F1: train
    81.74 -> 81.82, dev 77.38 -> 77.49)."""
    root = doc[cue.start : cue.end].root
    return root.lemma_ in RAISING and not verb_after(doc, cue, root)


def verb_after(doc: Doc, cue: Role, verb: Token) -> bool:
    """The cue holds a second verb ("appeared to suggest"): that verb's subject speaks."""
    return any(doc[k].pos_ == "VERB" for k in range(verb.i + 1, cue.end))


def untagged_subject(doc: Doc, cue: Role, content_tokens: set[int]) -> Role | None:
    """The cue verb's grammatical subject as a source, when the tagger marked none nearby
    ("DNC rules permit …"): the whole noun phrase, appositions included. A noun cue takes
    its possessor ("his claim"); a cue misread as a plural noun, the words before it."""
    wanted = SUBJECTS | {"poss"} if doc[cue.start : cue.end].root.pos_ == "NOUN" else SUBJECTS
    misread = _misread_verb(doc, cue)
    if misread is not None:
        return misread
    for verb in governing_verbs(doc, cue):
        speakers = [c for c in verb.children if c.dep_ in wanted] or controller(verb)
        for child in speakers:
            if child.pos_ in ("NOUN", "PROPN", "PRON"):
                phrase = noun_phrase(doc, child)
                if phrase is None or not content_tokens.isdisjoint(range(phrase.start, phrase.end)):
                    return None
                if phrase.start <= cue.start < phrase.end:
                    return None
                return Role("SOURCE", phrase.start, phrase.end)
    return None


_BEFORE_A_SUBJECT = frozenset({"CCONJ", "SCONJ", "ADP", "VERB", "AUX"})
_IN_A_NAME = frozenset({"-", "'", "’", "“", "”", '"', "."})  # "Al-Awlaki", "the “X” podcast"


def _misread_verb(doc: Doc, cue: Role) -> Role | None:
    """The words before a one-word cue that the parser read as the plural noun they end
    ("A viral post claims that …" parsed as the phrase "a viral post claims"): its source."""
    root = doc[cue.start : cue.end].root
    if cue.end - cue.start != 1 or root.tag_ != "NNS":
        return None
    if not any(c.dep_ == "compound" and c.i == cue.start - 1 for c in root.children):
        return None
    phrase = noun_phrase(doc, root)
    if phrase is None or phrase.start >= cue.start:
        return None
    start = cue.start  # back to a comma, a conjunction or a preposition ("But Trump claims")
    while start > phrase.start and not _before_a_subject(doc[start - 1]):
        start -= 1
    if start == cue.start or doc[start].is_punct:
        return None
    return Role("SOURCE", start, cue.start)


def _before_a_subject(token: Token) -> bool:
    if token.is_punct:
        return token.text not in _IN_A_NAME
    return token.pos_ in _BEFORE_A_SUBJECT


def felt_content(
    doc: Doc, cue: Role, owned: list[Role], subject: Token, source: tuple[int, Role] | None
) -> list[Role]:
    """The content of a verb that makes its object feel: its subject (what was felt about)
    in place of the object, which is the source."""
    stimulus = noun_phrase(doc, subject)
    if stimulus is None or stimulus.end > cue.start:
        return owned
    held = source[1] if source is not None else None
    kept = [
        c
        for c in owned
        if (c.end <= stimulus.start or c.start >= stimulus.end)
        and not (held is not None and held.start <= c.start and c.end <= held.end)
    ]
    return [Role("CONTENT", stimulus.start, stimulus.end), *kept]


def phrase_source(
    doc: Doc, head: Token, near: Sequence[tuple[int, Role]]
) -> tuple[int, Role] | None:
    """The tagged source holding ``head``, else the noun phrase it heads."""
    held = source_holding(near, [head])
    if held is not None:
        return held
    phrase = noun_phrase(doc, head)
    return (-1, Role("SOURCE", phrase.start, phrase.end)) if phrase is not None else None


def noun_phrase(doc: Doc, head: Token) -> Role | None:
    """The phrase a noun heads, appositions included, trimmed of edge punctuation; None
    where it would cross a line break (nor blanked text outside the body)."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    for k in range(start, head.i):
        if "\n" in doc[k].text_with_ws:
            start = k + 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    end = end_before_punct(doc, end, start)
    if start >= end or "\n" in doc[start:end].text.strip():
        return None
    return Role("PHRASE", start, end)
