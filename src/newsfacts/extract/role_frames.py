"""Attribution frames from the trained role tagger's SOURCE / CUE / CONTENT spans.

The tagger labels spans; this module links them: every cue becomes a frame, takes the
nearest source in its own sentence and the content spans that lie closest to it (its own
sentence first, then the neighbouring ones). Cues left without content and content left
without a cue are dropped: PolNeAR's annotators mark neither alone. A cue's edges are
settled first (``cue_edges``), its source by ``frame_sources``, and quotes that the sentence
split handed to the wrong cue are given back by ``split_quotes``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from newsfacts.extract.anonymity import anonymity_reason, asks_anonymity
from newsfacts.extract.attribution import Frame, passive_participle, spoken_to
from newsfacts.extract.content_pieces import (
    QUOTE_OPENERS,
    passive_complement,
    plain_only,
    speaks_on,
    whole_clause,
    without_later_clauses,
    without_main_clause,
    without_opening_setting,
)
from newsfacts.extract.cue_edges import RAISING, trimmed_cue
from newsfacts.extract.experiencers import feeling_object, passive_feeling
from newsfacts.extract.frame_sources import (
    agent_source,
    felt_content,
    noun_phrase,
    phrase_source,
    plain_passive,
    raising_only,
    subject_source,
    untagged_subject,
)
from newsfacts.extract.object_occasion import OBJECT_PREPOSITIONS, without_occasion
from newsfacts.extract.outlets import outlet_of
from newsfacts.extract.quotes import Quote
from newsfacts.extract.roles import Role
from newsfacts.extract.split_quotes import mark_quotes, pair_split_quotes, resume_closed_quotes
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
    cues = [trimmed_cue(doc, r, tagged) for r in roles if r.label == "CUE"]
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

    pair_split_quotes(doc, cues, sources, owned)
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
    resume_closed_quotes(doc, cues, owned, sentence)
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
            passive_participle(root) or plain_passive(root) or raising_only(doc, cue)
        )
        felt = feeling_object(root)
        if felt is not None:  # "His behavior has angered the leaders": the leaders feel it
            source = phrase_source(doc, felt[0], near)
            owned[i] = felt_content(doc, cue, owned[i], felt[1], source)
        elif passive:
            source = agent_source(doc, cue, near)
        else:
            source = subject_source(doc, cue, near, content_tokens)
            if source is None:
                subject = None if bystanders[i] else untagged_subject(doc, cue, content_tokens)
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
        raising = child.dep_ == "nsubj" and raising_only(doc, cue)
        if not (passive or raising) or child.i >= cue.start:
            continue
        first = min(owned, key=lambda r: r.start)
        if child.lower_ in ("it", "there") and (
            raising or doc[first.start].lower_ in CLAUSE_OPENERS
        ):
            return None  # "it seems likely that …", "it was revealed that …"
        subject = noun_phrase(doc, child)
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


def _via(doc: Doc, cue: Role) -> str | None:
    """The outlet a claim came through: "sources … told Al Arabiya English", "said in an
    interview with Kestrel Radio"."""
    return outlet_of(doc[cue.start : cue.end].root, doc)
