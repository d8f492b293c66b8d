"""Attribution frames from the trained role tagger's SOURCE / CUE / CONTENT spans.

The tagger labels spans; this module links them: every cue becomes a frame, takes the
nearest source in its own sentence and the content spans that lie closest to it (its own
sentence first, then the neighbouring ones). Cues left without content and content left
without a cue are dropped: PolNeAR's annotators mark neither alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token

from newsfacts.extract.anonymity import anonymity_reason, asks_anonymity
from newsfacts.extract.attribution import Frame, passive_participle, spoken_to
from newsfacts.extract.content_pieces import (
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
    direct_quote,
    passive_complement,
    plain_only,
    speaks_on,
    whole_clause,
    without_later_clauses,
    without_main_clause,
    without_opening_setting,
)
from newsfacts.extract.experiencers import feeling_object, passive_feeling
from newsfacts.extract.object_occasion import OBJECT_PREPOSITIONS, without_occasion
from newsfacts.extract.outlets import outlet_of
from newsfacts.extract.quotes import Quote
from newsfacts.extract.roles import Role
from newsfacts.nlp.doctext import doc_text
from newsfacts.nlp.tokens import end_before_punct

MAX_SENTENCE_GAP = 2  # content may sit this many sentences from its cue
QUOTE_CHARS = "“\"'‘`"


def _sentence_index(doc: Doc) -> list[int]:
    """The number of each token's sentence (counted on the doc's arrays)."""
    if not len(doc):
        return []
    starts = doc.to_array(SENT_START) == 1
    starts[0] = True
    index: list[int] = (numpy.cumsum(starts) - 1).tolist()
    return index


def _governs(doc: Doc, cue: Role, content: Role) -> bool:
    """The content is a "that" clause the parse hangs on the cue's word ("told the Post on
    Friday that …"), even where another cue stands nearer ("…, although neither government
    has confirmed it"). Any content whose head is the cue was tried: worse on dev and on the
    train sample (the tagger's spans often hold nested attributions)."""
    root = doc[content.start : content.end].root
    if doc[content.start].lower_ != "that" or doc[content.start].head != root:
        return False
    return cue.start <= root.head.i < cue.end


UNREACHABLE = 10**6  # a cue's sentence gap when it may not take a content


def _within_clause(doc: Doc, cue: Role, content: Role) -> bool:
    verb = doc[cue.start : cue.end].root
    return verb.left_edge.i <= content.start and content.end <= verb.right_edge.i + 1


def _distance(a: Role, b: Role) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


class _CuePlaces:
    """Where the cues sit, as arrays, to measure every cue's distance to a content at once."""

    def __init__(self, cues: Sequence[Role], sentence: Sequence[int]) -> None:
        self.sentence = sentence
        self.sents = numpy.array([sentence[c.start] for c in cues], dtype=numpy.int64)
        self.starts = numpy.array([c.start for c in cues], dtype=numpy.int64)
        self.ends = numpy.array([c.end for c in cues], dtype=numpy.int64)

    def gaps(self, content: Role) -> numpy.ndarray:
        """Sentences between each cue and the nearest sentence the content touches."""
        first, last = self.sentence[content.start], self.sentence[content.end - 1]
        outside = numpy.minimum(abs(self.sents - first), abs(self.sents - last))
        inside = (first <= self.sents) & (self.sents <= last)
        return numpy.where(inside, 0, outside)

    def distances(self, content: Role) -> numpy.ndarray:
        """Tokens between each cue and the content (0 where they touch or overlap)."""
        apart = numpy.maximum(content.start - self.ends, self.starts - content.end)
        return numpy.maximum(apart, 0)


def _with_verb(doc: Doc, cue: Role, tagged: set[int]) -> Role:
    """A cue of auxiliaries only takes the verb they serve, next to it and in no other role
    ("has" of "has acknowledged", where the tagger stopped at a no-break space)."""
    words = doc[cue.start : cue.end]
    if not all(t.dep_ in ("aux", "auxpass", "neg") for t in words):
        return cue
    verb = words[-1].head
    end = cue.end
    while end < len(doc) and doc[end].is_space and "\n" not in doc[end].text:
        end += 1
    if verb.i != end or verb.pos_ != "VERB" or verb.i in tagged:
        return cue
    return Role(cue.label, cue.start, verb.i + 1)


def _with_raised_verb(doc: Doc, cue: Role, tagged: set[int]) -> Role:
    """A cue that ends in a raising verb takes the verb it raises, when the tagger gave that
    verb no other role: "appeared" of "appeared to blame the staff" becomes "appeared to
    blame", so its subject is the source, not part of the content."""
    last = doc[cue.end - 1]
    if last.lemma_ not in RAISING or cue.end + 1 >= len(doc) or doc[cue.end].lower_ != "to":
        return cue
    verb = doc[cue.end + 1]
    if verb.pos_ != "VERB" or verb.lemma_ in ("be", "have") or verb.head.i != last.i:
        return cue
    if verb.dep_ != "xcomp" or cue.end in tagged or verb.i in tagged:
        return cue
    return Role(cue.label, cue.start, verb.i + 1)


def _without_trailing_date(doc: Doc, cue: Role) -> Role:
    """A cue "said on Monday" becomes "said": the date is the attribution's time, not its cue.

    (PolNeAR's annotators leave the date out of the cue about three times in five.)
    """
    end = cue.end
    while end - 1 > cue.start and doc[end - 1].ent_type_ in ("DATE", "TIME"):
        end -= 1
    if end < cue.end and end - 1 > cue.start and doc[end - 1].dep_ == "prep":
        end -= 1
    return cue if end == cue.end else Role(cue.label, cue.start, end)


SPEECH = frozenset({"say", "tell", "add", "write", "announce", "recall"})
SETTINGS = frozenset({"in", "on", "at", "of", "via"})


def _without_setting(doc: Doc, cue: Role) -> Role:
    """A speech verb's cue leaves out where or how it was said: "said in a statement",
    "said of", "told reporters on Monday" (PolNeAR train: "said" alone before "in" 152 times,
    with it 115; "on" 60 against 24; "at" 34 against 17). "In a statement" is the
    exception: it stays (49 against 24)."""
    verb = doc[cue.start : cue.end].root
    after = verb.i + 1
    if verb.lemma_ not in SPEECH or after >= cue.end:
        return cue
    if doc[after].lower_ in SETTINGS and doc[after].head == verb:
        if doc[after].lower_ == "in" and any(
            c.dep_ == "pobj" and c.lemma_ == "statement" for c in doc[after].children
        ):
            return cue
        return Role(cue.label, cue.start, after)
    return cue


def _without_agent(doc: Doc, cue: Role) -> Role:
    """A passive cue leaves out the "by" of its agent: "was endorsed by" becomes "was
    endorsed" (PolNeAR train: 174 cues stop before such a "by", 76 take it)."""
    if cue.end - cue.start > 1 and doc[cue.end - 1].dep_ == "agent":
        return Role(cue.label, cue.start, cue.end - 1)
    return cue


DANGLING = frozenset({"and", "while", "as", "which", "but"})


def _without_dangling_end(doc: Doc, content: Role) -> Role:
    """Content does not end on a conjunction that opens the next clause ("…, which")."""
    end = content.end
    while end - 1 > content.start and (doc[end - 1].lower_ in DANGLING or doc[end - 1].text == ","):
        end -= 1
    return content if end == content.end else Role(content.label, content.start, end)


def _offsets(doc: Doc, role: Role) -> tuple[int, int]:
    span = doc[role.start : role.end]
    return span.start_char, span.end_char


def frames_from_roles(doc: Doc, roles: Sequence[Role], quotes: Sequence[Quote]) -> list[Frame]:
    sentence = _sentence_index(doc)
    sources = [r for r in roles if r.label == "SOURCE"]
    contents = [r for r in roles if r.label == "CONTENT"]
    tagged = {k for r in roles if r.label != "CUE" for k in range(r.start, r.end)}
    cues = [
        _without_agent(
            doc,
            _without_setting(
                doc,
                _without_trailing_date(
                    doc, _with_raised_verb(doc, _with_verb(doc, r, tagged), tagged)
                ),
            ),
        )
        for r in roles
        if r.label == "CUE"
    ]
    if not cues:
        return []

    def sent_gap(a: Role, b: Role) -> int:
        return abs(sentence[a.start] - sentence[b.start])

    owned: dict[int, list[Role]] = {i: [] for i in range(len(cues))}
    far: list[tuple[int, int, Role]] = []  # (gap, cue, content) across sentences
    cue_at = _CuePlaces(cues, sentence)
    # "who asked not to be named": such a cue takes no content beyond its own clause
    unnaming = [i for i, cue in enumerate(cues) if asks_anonymity(doc[cue.start : cue.end].root)]
    for content in contents:
        if anonymity_reason(doc[content.start : content.end].root):
            continue  # "because they were not allowed to talk about the plan"
        gaps, distances = cue_at.gaps(content), cue_at.distances(content)
        for i in unnaming:
            if not _within_clause(doc, cues[i], content):
                gaps[i] = UNREACHABLE
        governed = numpy.zeros(len(cues), dtype=bool)
        if doc[content.start].lower_ == "that":  # (_governs finds the span's root: dear)
            for i in numpy.flatnonzero(gaps == gaps.min()).tolist():
                governed[i] = _governs(doc, cues[i], content)
        # fewest sentences away, then the cue a "that" clause hangs on, then fewest tokens
        best = int(numpy.lexsort((distances, ~governed, gaps))[0])
        if gaps[best] == 0:
            owned[best].append(content)
            continue
        if doc[content.start].text in QUOTE_OPENERS:
            # a quote in a sentence of its own continues the speaker before it
            before = [i for i in range(len(cues)) if cues[i].end <= content.start]
            if not before:
                continue
            # the nearest sentence first, then a cue that holds a quote or nothing yet over
            # one that holds plain content only, then the nearest
            best = min(before, key=lambda i: (gaps[i], plain_only(doc, owned[i]), distances[i]))
        if gaps[best] <= MAX_SENTENCE_GAP:
            far.append((int(gaps[best]), best, content))
    # Content in another sentence goes to a cue with none of its own, or continues a quote.
    for distance, i, content in sorted(far, key=lambda x: x[0]):
        quoted = doc[content.start].text in QUOTE_OPENERS
        if not owned[i] or (quoted and distance == 1 and speaks_on(doc, cues[i], owned[i])):
            owned[i].append(content)

    _pair_split_quotes(doc, cues, sources, owned)
    bystanders = [_bystanders(doc, cue) for cue in cues]
    for i, cue in enumerate(cues):
        owned[i] = without_main_clause(doc, cue, owned[i])
        owned[i] = without_later_clauses(doc, cue, without_opening_setting(doc, cue, owned[i]))
        owned[i] = [
            c
            for c in owned[i]
            if not _linking_only(doc, c, LONE_LINKS)
            and not any(b.start <= c.start and c.end <= b.end for b in bystanders[i])
        ]
    for i, cue in enumerate(cues):
        if len(owned[i]) == 1:
            content = whole_clause(doc, cue, _object_complement(doc, cue, owned[i][0]))
            owned[i] = [without_occasion(doc, cue, content)]
    _resume_closed_quotes(doc, cues, owned, sentence)
    content_tokens = {k for c in contents for k in range(c.start, c.end)}
    for i, cue in enumerate(cues):
        if not owned[i]:
            continue
        opening = _passive_subject(doc, cue, owned[i]) or _parenthetical_opening(
            doc, cue, owned[i], sources, sentence, content_tokens
        )
        if opening is not None:
            owned[i].append(opening)
            content_tokens.update(range(opening.start, opening.end))
        rest = passive_complement(doc, cue, owned[i], content_tokens)
        if rest is not None:
            owned[i].append(rest)
            content_tokens.update(range(rest.start, rest.end))
    taken: set[int] = set()
    frames: list[Frame] = []
    for i, cue in enumerate(cues):
        if not owned[i] or anonymity_reason(doc[cue.start : cue.end].root):
            continue
        near = [
            (j, s)
            for j, s in enumerate(sources)
            if sent_gap(cue, s) == 0
            and not any(s.start < c.end and c.start < s.end for c in [*owned[i], *bystanders[i]])
        ]
        root = doc[cue.start : cue.end].root
        passive = not passive_feeling(root) and (
            passive_participle(root) or _plain_passive(root) or _raising_only(doc, cue)
        )
        felt = feeling_object(root)
        if felt is not None:  # "His behavior has angered the leaders": the leaders feel it
            source = _phrase_source(doc, felt[0], near)
            owned[i] = _felt_content(doc, cue, owned[i], felt[1], source)
        elif passive:
            source = _agent_source(doc, cue, near)
        else:
            source = _subject_source(doc, cue, near, content_tokens)
            if source is None:
                subject = None if bystanders[i] else _untagged_subject(doc, cue, content_tokens)
                source = (-1, subject) if subject is not None else None
        if source is None and not passive:
            if any(j not in taken for j, _ in near):  # a source serves a second cue if need be
                near = [(j, s) for j, s in near if j not in taken]
            source = min(near, key=lambda js: _distance(cue, js[1]), default=None)
        frame = Frame(
            cue=[_offsets(doc, cue)],
            source=[_offsets(doc, source[1])] if source else [],
            content=[
                _offsets(doc, _without_dangling_end(doc, c))
                for c in sorted(owned[i], key=lambda r: r.start)
            ],
            source_span=doc[source[1].start : source[1].end] if source else None,
            according_to=doc[cue.start].lower_ == "according",
        )
        if source:
            taken.add(source[0])
        frame.via = _via(doc, cue)
        mark_quotes(frame, quotes, doc_text(doc))
        frames.append(frame)
    return frames


SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
CHAINED = frozenset({"advcl", "xcomp", "conj"})  # "…, requesting …": the governing verb's subject


def _subject_source(
    doc: Doc, cue: Role, near: Sequence[tuple[int, Role]], content_tokens: set[int]
) -> tuple[int, Role] | None:
    """The tagged source holding the cue verb's grammatical subject, if one does.

    A participle or coordinated cue ("…, requesting …") takes the subject of the verb it
    hangs from; subjects inside content spans are passed over on the way up. A tagged
    source that runs into the subject from before it starts where the subject's phrase
    does (PolNeAR source exact F1: train 81.82 -> 81.96, dev 77.49 -> 77.64).
    """
    for verb in _governing_verbs(doc, cue):
        # (a misparse may give a verb two: "WASHINGTON (AP) — Senate leaders said")
        subjects = [child for child in verb.children if child.dep_ in SUBJECTS]
        subjects = subjects or _controller(verb)
        for child in subjects:
            held = _held(near, [child])
            if held is not None:
                j, source = held
                start = child.left_edge.i
                if source.start < start and "\n" not in doc[start : source.end].text:
                    # "Florida, Clinton said": the subject's phrase, not what runs into it
                    return j, Role(source.label, start, source.end)
                return j, source
        if any(child.i not in content_tokens for child in subjects):
            return None  # a subject the tagger did not mark (see _untagged_subject)
    return None


def _agent_source(doc: Doc, cue: Role, near: Sequence[tuple[int, Role]]) -> tuple[int, Role] | None:
    """The tagged source holding a passive cue's "by" agent ("Asked by reporters …")."""
    verb = doc[cue.start : cue.end].root
    agents = [t for c in verb.children if c.dep_ == "agent" for t in c.children]
    return _held(near, agents)


def _held(near: Sequence[tuple[int, Role]], tokens: Sequence[Token]) -> tuple[int, Role] | None:
    """The first tagged source (in ``near``'s order) that holds any of ``tokens``."""
    return next(((j, s) for j, s in near if any(s.start <= t.i < s.end for t in tokens)), None)


def _governing_verbs(doc: Doc, cue: Role) -> Iterator[Token]:
    """The cue's head word, then (for "…, requesting …") the verbs it hangs from, up to
    a verb whose object is the cue's subject (``_controller``)."""
    verb = doc[cue.start : cue.end].root
    for _ in range(4):
        yield verb
        if verb.dep_ not in CHAINED or verb.head is verb or _controller(verb):
            return
        verb = verb.head


# verbs whose object does what the infinitive after it says: "led the chairman to declare"
OBJECT_CONTROL = frozenset(
    {"lead", "prompt", "force", "leave", "require", "urge", "ask", "press", "pressure"}
    | {"push", "encourage", "persuade", "convince", "allow", "cause", "drive", "inspire"}
    | {"challenge", "invite", "order", "compel", "spur", "tell", "get"}
)


def _controller(verb: Token) -> list[Token]:
    """The object of the verb an infinitive hangs on, when that verb hands the infinitive
    to its object ("the vote forced the mayor to admit …": the mayor admits). On PolNeAR
    train, a gold cue in such an infinitive has that object as its source 35 times, the
    governing verb's subject 8 times ("used the platform to discuss", not in the list)."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in OBJECT_CONTROL:
        return []
    return [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i][:1]


RAISING = frozenset({"seem", "appear"})
CLAUSE_OPENERS = frozenset({"that", "whether", "if"})


def _passive_subject(doc: Doc, cue: Role, owned: Sequence[Role]) -> Role | None:
    """The subject of a passive or raising cue is part of the content, not its source:
    "the mayor was expected to win …", "the team has appeared to concede …"
    (PolNeAR train: 594 such subjects in content, 105 in a source). An expletive "it"
    with a raising verb or before a "that" clause is neither ("it seems unlikely …", "it
    was revealed that …"), nor who was spoken to ("the mayor was asked whether …")."""
    verb = doc[cue.start : cue.end].root
    for child in verb.children:
        passive = child.dep_ == "nsubjpass" and not spoken_to(verb) and not passive_feeling(verb)
        raising = child.dep_ == "nsubj" and _raising_only(doc, cue)
        if not (passive or raising) or child.i >= cue.start:
            continue
        first = min(owned, key=lambda r: r.start)
        if child.lower_ in ("it", "there") and (
            raising or doc[first.start].lower_ in CLAUSE_OPENERS
        ):
            return None  # "it seems likely that …", "it was revealed that …"
        subject = _noun_phrase(doc, child)
        if subject is None or subject.end > cue.start:
            return None
        if any(subject.start < r.end and r.start < subject.end for r in owned):
            return None
        return Role("CONTENT", subject.start, subject.end)
    return None


OPENING_LINKS = frozenset({"so", "still", "yet"})  # "So, he said, …"
LONE_LINKS = frozenset({"still", "yet"})  # a piece "so" alone is content: "I think so"


def _linking_only(doc: Doc, content: Role, linking: frozenset[str]) -> bool:
    """A piece of nothing but "But", "And", "Still": no content."""
    return all(
        t.pos_ == "CCONJ" or t.lower_ in linking or t.is_punct or t.is_space
        for t in doc[content.start : content.end]
    )


def _plain_passive(verb: Token) -> bool:
    """A passive cue ("was labeled", "known as") takes only its "by" agent as source, not
    the nearest source of its sentence (PolNeAR source exact F1: train 81.58 -> 81.74, dev
    77.17 -> 77.38)."""
    return verb.tag_ == "VBN" and (
        any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ == "acl"
    )


def _raising_only(doc: Doc, cue: Role) -> bool:
    """A raising cue with no verb after it ("the plan seems unlikely …"), whose subject is
    content, takes no other source of its sentence either (PolNeAR source exact F1: train
    81.74 -> 81.82, dev 77.38 -> 77.49)."""
    root = doc[cue.start : cue.end].root
    return root.lemma_ in RAISING and not _verb_after(doc, cue, root)


def _bystanders(doc: Doc, cue: Role) -> list[Role]:
    """Subjects of the cue verb that are neither its source nor its content: who a passive
    cue says was spoken to ("the mayor was asked whether …"; PolNeAR train, "was asked": 6
    such subjects in the content, 21 in neither) and an expletive "it" or "there" before a
    raising verb ("it seems likely that …")."""
    verb = doc[cue.start : cue.end].root
    return [
        Role("PHRASE", c.left_edge.i, c.right_edge.i + 1)
        for c in verb.children
        if c.i < cue.start
        and (
            (c.dep_ == "nsubjpass" and spoken_to(verb))
            or (c.dep_ == "nsubj" and verb.lemma_ in RAISING and c.lower_ in ("it", "there"))
        )
    ]


def _parenthetical_opening(
    doc: Doc,
    cue: Role,
    owned: Sequence[Role],
    sources: Sequence[Role],
    sentence: Sequence[int],
    content_tokens: set[int],
) -> Role | None:
    """The source and cue interrupt the content, whose opening words are its first piece:
    "To avoid delays, he said, city workers should start early"."""
    rest = min((r for r in owned if r.start >= cue.end), key=lambda r: r.start, default=None)
    if rest is None or rest.start < 1 or doc[rest.start - 1].text != ",":
        return None
    before = next((s for s in sources if s.end == cue.start), None)
    after = next((s for s in sources if s.start == cue.end), None)
    between = range(after.end if after else cue.end, rest.start - 1)
    if len(between) > 4 or any(doc[k].pos_ in ("VERB", "AUX") or doc[k].is_punct for k in between):
        return None
    first = before.start if before else cue.start
    if first < 2 or doc[first - 1].text != ",":
        return None
    start = first - 1
    while (
        start > 0
        and sentence[start - 1] == sentence[first]
        and "\n" not in doc[start - 1].text_with_ws
    ):
        start -= 1
    while start < first - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    end = first - 1
    if start >= end or not content_tokens.isdisjoint(range(start, end)):
        return None
    if _linking_only(doc, Role("CONTENT", start, end), OPENING_LINKS):
        return None  # "But, he added, …" opens with nothing that was said
    return Role("CONTENT", start, end)


def _object_complement(doc: Doc, cue: Role, content: Role) -> Role:
    """Content that stops at the cue verb's object runs on through what the verb says of
    that object: "accused the mayor[, who …,] of hiding …", "urges her brother to step
    out of the truck"."""
    verb = doc[cue.start : cue.end].root
    for child in verb.children:
        if child.dep_ not in ("dobj", "dative") or child.left_edge.i != content.start:
            continue
        if child.right_edge.i + 1 < content.end:
            continue
        end = child.right_edge.i + 1
        if content.end <= child.i:
            continue  # the content stops short of the object's head noun
        following = [
            k
            for k in verb.children
            if k.i > child.i
            and (
                k.dep_ in ("xcomp", "oprd")
                or (k.dep_ == "prep" and k.lower_ in OBJECT_PREPOSITIONS)
            )
        ]
        if not following:
            continue
        nxt = following[0]
        if nxt.left_edge.i > end + 1:
            continue
        stop = nxt.right_edge.i + 1
        stop = end_before_punct(doc, stop, content.end)
        if "\n" in doc[content.start : stop].text:
            continue
        return Role("CONTENT", content.start, stop)
    return content


def _verb_after(doc: Doc, cue: Role, verb: Token) -> bool:
    """The cue holds a second verb ("appeared to suggest"): that verb's subject speaks."""
    return any(doc[k].pos_ == "VERB" for k in range(verb.i + 1, cue.end))


def _untagged_subject(doc: Doc, cue: Role, content_tokens: set[int]) -> Role | None:
    """The cue verb's grammatical subject as a source, when the tagger marked none nearby
    ("DNC rules permit …"): the whole noun phrase, appositions included. A noun cue takes
    its possessor ("his claim")."""
    wanted = SUBJECTS | {"poss"} if doc[cue.start : cue.end].root.pos_ == "NOUN" else SUBJECTS
    for verb in _governing_verbs(doc, cue):
        speakers = [c for c in verb.children if c.dep_ in wanted] or _controller(verb)
        for child in speakers:
            if child.pos_ in ("NOUN", "PROPN", "PRON"):
                phrase = _noun_phrase(doc, child)
                if phrase is None or not content_tokens.isdisjoint(range(phrase.start, phrase.end)):
                    return None
                if phrase.start <= cue.start < phrase.end:
                    return None
                return Role("SOURCE", phrase.start, phrase.end)
    return None


def _felt_content(
    doc: Doc, cue: Role, owned: list[Role], subject: Token, source: tuple[int, Role] | None
) -> list[Role]:
    """The content of a verb that makes its object feel: its subject (what was felt about)
    in place of the object, which is the source."""
    stimulus = _noun_phrase(doc, subject)
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


def _phrase_source(
    doc: Doc, head: Token, near: Sequence[tuple[int, Role]]
) -> tuple[int, Role] | None:
    """The tagged source holding ``head``, else the noun phrase it heads."""
    held = _held(near, [head])
    if held is not None:
        return held
    phrase = _noun_phrase(doc, head)
    return (-1, Role("SOURCE", phrase.start, phrase.end)) if phrase is not None else None


def _noun_phrase(doc: Doc, head: Token) -> Role | None:
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


def _pair_split_quotes(
    doc: Doc, cues: Sequence[Role], sources: Sequence[Role], owned: dict[int, list[Role]]
) -> None:
    """“A,” she said, “B.” — the quote that resumes right after the cue (and its source)
    belongs to that cue, whichever cue the sentence split gave it to."""
    source_tokens = {i for s in sources for i in range(s.start, s.end)}
    for i, cue in enumerate(cues):
        if not any(doc[c.end - 1].text in QUOTE_CLOSERS for c in owned[i] if c.end <= cue.start):
            continue
        # where the cue was said may stand between: "she said at a rally in Ohio, “B.”"
        setting = {
            t.i
            for child in doc[cue.start : cue.end].root.rights
            if child.i >= cue.end
            and child.dep_ in ("prep", "npadvmod")
            and not any(t.pos_ == "VERB" for t in child.subtree)  # "before asking her"
            for t in child.subtree
        }
        k = cue.end
        while (
            k < len(doc)
            and k - cue.end < 16
            and (
                k in source_tokens
                or (doc[k].text not in QUOTE_OPENERS and (k in setting or doc[k].is_punct))
            )
        ):
            k += 1
        for j, others in owned.items():
            resumed = next((c for c in others if c.start == k), None)
            if j != i and resumed is not None and doc[k].text in QUOTE_OPENERS:
                others.remove(resumed)
                owned[i].append(resumed)


def _closed_quote(doc: Doc, content: Role) -> bool:
    """A quote that is a whole sentence of its own: “… .”"""
    return (
        content.end - content.start > 2
        and direct_quote(doc, content)
        and doc[content.end - 2].text in (".", "?", "!")
    )


def _resume_closed_quotes(
    doc: Doc, cues: Sequence[Role], owned: dict[int, list[Role]], sentence: Sequence[int]
) -> None:
    """'"A," said X, a professor. "B." Y recalled …': a closed quote that opens a sentence
    continues the speaker quoted in the sentence before, not a cue that follows it."""
    for i, cue in enumerate(cues):
        for content in list(owned[i]):
            if content.end > cue.start or not _closed_quote(doc, content):
                continue
            if content.start > 0 and sentence[content.start - 1] == sentence[content.start]:
                continue  # the quote does not open its sentence
            earlier = [
                j
                for j in range(len(cues))
                if cues[j].end <= content.start
                and 0 < sentence[content.start] - sentence[cues[j].start] <= 1
                and any(doc[c.end - 1].text in QUOTE_CLOSERS for c in owned[j])
            ]
            if earlier:
                owned[i].remove(content)
                owned[max(earlier)].append(content)


def _via(doc: Doc, cue: Role) -> str | None:
    """The outlet a claim came through: "sources … told Al Arabiya English", "said in an
    interview with Kestrel Radio"."""
    return outlet_of(doc[cue.start : cue.end].root, doc)


def mark_quotes(frame: Frame, quotes: Sequence[Quote], text: str) -> None:
    """Record which quotes the content touches, and whether it is nothing but quotes."""
    touched = [q for q in quotes if any(s < q.end and q.start < e for s, e in frame.content)]
    frame.quotes = touched
    if touched:
        inside = [(q.start, q.end) for q in touched]
        frame.quoted = all(
            all(
                not ch.isalnum()
                for k, ch in enumerate(text[s:e], start=s)
                if not any(a <= k < b for a, b in inside)
            )
            for s, e in frame.content
        )
