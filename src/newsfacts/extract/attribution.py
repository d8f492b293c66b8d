"""Attributions — who said, wrote or believed what — by rules over spaCy's dependency parse.

The algorithm, in the order ``extract_attributions`` runs it:

1. find the quoted stretches of the text (``quotes.find_quotes``);
2. find cue frames on the parse: a cue verb from ``data/cue_verbs.txt`` with its subject as
   source and its clausal complement (or the clause it comments on) as content, and
   "according to X" phrases with the clause they qualify as content;
3. snap each frame's content to the quotes it touches: wholly quoted content becomes a direct
   quote, partly quoted content a mixed one, and a cue with no content of its own takes the
   quote just before or after it ("X said: “…”");
4. give a paragraph introduced by a lead-in line ("The governor added:") to that line's
   speaker (``lead_ins``);
5. give quotes no frame claimed to the speaker of the quote before them, in the same paragraph
   or, for a paragraph that opens with a quote, in the paragraph before; a quote left open at
   a paragraph's end and carried on by the next goes to whoever says the next quote;
6. tidy each frame's pieces (``frame_tidy``: no dateline, no own source or cue in the
   content), give a source with an apposition the comma that closes it (PolNeAR's
   convention), resolve each source to an entity (``speakers.resolve_speaker``);
7. rate each frame (``confidence``: how likely it is to be right), leave out the unlikely
   ones and number the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.resources import files

import numpy
from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsfacts.extract.datelines import openers, roles_after_openers
from newsfacts.extract.entity_lookup import word_list
from newsfacts.extract.outlets import outlet_of
from newsfacts.extract.quotes import Quote, find_quotes, opens_paragraph, paragraphs
from newsfacts.extract.speaker_record import Speaker
from newsfacts.extract.speakers import resolve_speaker
from newsfacts.models import Attribution, Entity, Span
from newsfacts.nlp.doctext import doc_text
from newsfacts.settings import Settings

Offsets = tuple[int, int]

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# the passive subject of these is who was spoken to: "the mayor was asked whether …"
# (PolNeAR train: with "question", "press" and "warn" as well, 4 more content spans exact)
ADDRESSED = frozenset({"ask", "assure", "tell", "inform", "question", "press", "warn"})
# Subjects whose own modifiers would make the source run on ("a statement released on ...").
SOURCE_CUTS = frozenset({"acl", "advcl"})
QUOTE_MARKS = '"“”«»„'
CLAUSE_LINKS = frozenset({"ccomp", "parataxis"})
SHARED_SUBJECT = frozenset({"conj", "xcomp", "advcl"})
RELATIVES = frozenset({"who", "which", "that"})


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    weak: bool  # counts only with a clausal complement or a quote


@lru_cache(maxsize=1)
def cue_table() -> dict[str, CueEntry]:
    """The cue verbs of ``data/cue_verbs.txt`` by lemma."""
    text = files("newsfacts").joinpath("data/cue_verbs.txt").read_text("utf-8")
    table: dict[str, CueEntry] = {}
    for line in text.splitlines():
        fields = line.split()
        if fields and not fields[0].startswith("#"):
            table[fields[0].lower()] = CueEntry(fields[0].lower(), "weak" in fields[1:])
    return table


@dataclass
class Frame:
    """An attribution under construction; offsets are character pieces into the text."""

    cue: list[Offsets]
    source: list[Offsets]
    content: list[Offsets]
    source_span: SpacySpan | None = None
    speaker_span: SpacySpan | None = None
    according_to: bool = False
    via: str | None = None
    quoted: bool = False  # content came from quote marks
    quotes: list[Quote] = field(default_factory=list)
    # what found it, set where the tagger's frames meet the rules' (``merge_frames``):
    # "tagger", "rules", "both" (a tagger frame whose cue a rule frame also found), or ""
    found_by: str = ""

    @property
    def anchor(self) -> int:
        return min(s for s, _ in self.cue)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content + self.cue + self.source)


# -- token helpers ---------------------------------------------------------------------------


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _is_edge_punct(token: Token) -> bool:
    return (token.is_punct and token.text not in QUOTE_MARKS) or token.is_space


def token_pieces(tokens: Iterable[Token]) -> list[Offsets]:
    """Contiguous runs of ``tokens`` as offsets, edge punctuation and spaces trimmed."""
    ordered = sorted(tokens, key=lambda t: t.i)
    runs: list[list[Token]] = []
    for token in ordered:
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    pieces: list[Offsets] = []
    for run in runs:
        while run and _is_edge_punct(run[0]):
            run.pop(0)
        while run and _is_edge_punct(run[-1]):
            if run[-1].text == ")" and any(t.text == "(" for t in run):
                break  # "Mike Pence (R-IN)" keeps its bracket
            run.pop()
        if run:
            pieces.append((run[0].idx, _end(run[-1])))
    return pieces


QUESTIONED = frozenset({"asked", "pressed", "questioned"})


def interposed_question(verb: Token) -> bool:
    """ "X, asked whether …, said": a participle between commas that the parser took for the
    main verb of a clause with X as its subject, hung on the verb after it, which has no
    subject of its own. X was asked; X is the one who said."""
    doc = verb.doc
    head = verb.head
    return (
        verb.lower_ in QUESTIONED
        and verb.dep_ == "ccomp"
        and head.i > verb.i
        and verb.i > 1
        and doc[verb.i - 1].text == ","
        and doc[head.i - 1].text == ","
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ in SUBJECTS for c in head.children)
    )


def passive_participle(verb: Token) -> bool:
    """A participle clause that opens the sentence, with no subject or auxiliary of its own
    ("Asked whether …, X said"; "When asked about …"): X was asked, so X is not the source
    (PolNeAR's annotators give such a cue no source, or its "by" agent). So is one set
    between commas after X ("X, asked whether …, said") that the parser misread."""
    if interposed_question(verb):
        return True
    first = verb.sent.start
    while first < verb.i and (verb.doc[first].is_punct or verb.doc[first].is_space):
        first += 1
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and verb.left_edge.i == first
        and not any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _subject(verb: Token) -> Token | None:
    """The verb's subject, borrowed from the verb it hangs on for "…, saying" and "… and said"."""
    if passive_participle(verb):
        return None
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in SUBJECTS:
                return child
            if child.dep_ == "ccomp" and interposed_question(child):
                return next(c for c in child.children if c.dep_ == "nsubj")
        if current.dep_ not in SHARED_SUBJECT or current.head.i == current.i:
            return None
        current = current.head
    return None


def spoken_to(verb: Token) -> bool:
    """The verb's subject is who was spoken to ("the mayor was asked whether …"); who spoke
    the article does not say."""
    return verb.lemma_ in ADDRESSED and any(c.dep_ == "nsubjpass" for c in verb.children)


def _source_tokens(subject: Token) -> list[Token]:
    """The subject's noun phrase with appositions and titles, without clauses hanging on it."""
    keep: list[Token] = [subject]
    for child in subject.children:
        if child.dep_ in SOURCE_CUTS and not _defining_participle(child):
            continue
        keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    # keep only the contiguous run around the head
    run = [subject]
    by_index = {t.i: t for t in keep}
    i = subject.i - 1
    while i in by_index:
        run.insert(0, by_index[i])
        i -= 1
    i = subject.i + 1
    while i in by_index:
        run.append(by_index[i])
        i += 1
    return run


def _defining_participle(clause: Token) -> bool:
    """A past participle that says which (or whose) the subject is, as PolNeAR's
    annotators keep it in the source: "a poll released last week", "three people briefed
    on the discussions"; not one set off by a comma ("Clinton, clearly frustrated,")."""
    doc = clause.doc
    first = clause.left_edge
    if clause.dep_ != "acl" or clause.tag_ != "VBN" or first.i == 0:
        return False
    return not doc[first.i - 1].is_punct


def source_of(verb: Token) -> tuple[list[Offsets], SpacySpan] | None:
    """The pieces and span of the subject before ``verb`` that speaks through it, if any."""
    subject = _subject(verb)
    if subject is None or subject.i > verb.i or subject.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None  # "Here's what to know:"
    tokens = _source_tokens(subject)
    return token_pieces(tokens), verb.doc[tokens[0].i : tokens[-1].i + 1]


NP_PARTS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "CCONJ", "NUM", "PART"})


def _preceding_phrase(first: Token) -> list[Token]:
    """The noun phrase right before a cue the parser left without a subject."""
    doc = first.doc
    i = first.i - 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN", "PRON"):
        return []
    phrase: list[Token] = []
    while i >= 0 and doc[i].sent == first.sent:
        token = doc[i]
        glued = token.text in ("-", "–") or token.pos_ in NP_PARTS or token.dep_ == "npadvmod"
        if not glued and not (token.pos_ == "VERB" and token.dep_ == "amod"):
            break
        if token.pos_ == "PRON" and phrase:
            break
        phrase.insert(0, token)
        i -= 1
    while phrase and phrase[0].pos_ == "CCONJ":
        phrase.pop(0)
    return phrase


def _cue_tokens(verb: Token) -> list[Token]:
    """The cue verb with its auxiliaries, negation and particle ("has learned", "pointed out")."""
    left = {c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i}
    first = verb.i
    while first - 1 in left:  # only auxiliaries touching the verb: "has also said" keeps "said"
        first -= 1
    tokens = [verb.doc[i] for i in range(first, verb.i + 1)]
    tokens.extend(c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1)
    return tokens


def _content_tokens(verb: Token, weak: bool) -> list[Token] | None:
    """The complement clause of ``verb``, or the clause it comments on ("…, officials said")."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return list(child.subtree)
    misread = _that_clause_on_medium(verb)
    if misread is not None:
        return misread
    if weak:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.i > verb.i:
                return list(child.subtree)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        as_phrase = [c for c in verb.children if c.dep_ in ("prep", "oprd") and c.lower_ == "as"]
        if objects and as_phrase:
            return [t for c in objects + as_phrase for t in c.subtree]
    else:
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        if objects and verb.lemma_ not in ("tell", "ask"):
            return list(objects[0].subtree)
    head = verb.head
    if verb.dep_ in CLAUSE_LINKS and head.i < verb.i:
        while head.dep_ == "conj" and head.head.i < head.i:  # "A, but B, a source said": both
            head = head.head
        inner = {t.i for t in verb.subtree}
        return [t for t in head.subtree if t.i not in inner and t.i < verb.i]
    return None


# verbs that take a letter or a speech as their object ("a letter that she wrote"): a "that"
# after such a noun is a relative pronoun
HANDLES_DOCUMENTS = frozenset(
    {"write", "send", "post", "publish", "release", "sign", "obtain", "see", "issue", "share"}
    | {"give", "file", "read", "submit", "circulate", "receive", "draft", "make", "deliver"}
    | {"distribute", "review", "leak", "email", "tweet", "pen", "prepare", "get", "have"}
)


def _that_clause_on_medium(verb: Token) -> list[Token] | None:
    """What "said in a letter that repairs had stalled" says: the parse may hang the "that"
    clause on the letter as a relative clause. One that has a subject of its own, and whose
    verb is not one that takes a letter as object, is the cue's content."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in noun.children:
                if clause.dep_ != "relcl" or clause.lemma_.lower() in HANDLES_DOCUMENTS:
                    continue
                tokens = list(clause.subtree)
                subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                if tokens[0].lower_ == "that" and any(c.lower_ != "that" for c in subjects):
                    return tokens
    return None


# -- frames ----------------------------------------------------------------------------------


def cue_frames(doc: Doc) -> list[Frame]:
    """One frame per cue verb that has a subject (the source)."""
    table = cue_table()
    frames: list[Frame] = []
    for token in _verbs(doc):
        entry = table.get(token.lemma_.lower())
        if entry is None or spoken_to(token):
            continue
        subject = _subject(token)
        if subject is not None:
            source = _source_tokens(subject)
        else:
            source = _preceding_phrase(_cue_tokens(token)[0])
            if not source:
                continue
            subject = max(source, key=lambda t: t.i)
        content = _content_tokens(token, entry.weak)
        source_ids = {t.i for t in source}
        if content is not None:
            content = [t for t in content if t.i not in source_ids]
        speaker_span: SpacySpan | None = None
        if subject.lower_ in RELATIVES and token.dep_ == "relcl":
            noun = token.head
            speaker_span = doc[noun.left_edge.i : noun.i + 1]
        frame = Frame(
            cue=token_pieces(_cue_tokens(token)),
            source=token_pieces(source),
            content=token_pieces(content) if content else [],
            source_span=doc[source[0].i : source[-1].i + 1],
            speaker_span=speaker_span,
            via=outlet_of(token, doc),
        )
        if not frame.source or not frame.cue:
            continue
        if entry.weak and not frame.content:
            continue  # "I believe" alone is no attribution
        frames.append(frame)
    return frames


def _verbs(doc: Doc) -> Iterator[Token]:
    """The verbs and auxiliaries of ``doc`` (found on the doc's arrays, not token by token)."""
    pos = doc.to_array(POS)
    for i in numpy.flatnonzero((pos == VERB) | (pos == AUX)):
        yield doc[int(i)]


def tokens_with(doc: Doc, attr: int, value: str) -> Iterator[Token]:
    """The tokens whose ``attr`` (an ID such as LOWER) is ``value``."""
    if value not in doc.vocab.strings:
        return
    for i in numpy.flatnonzero(doc.to_array(attr) == doc.vocab.strings[value]):
        yield doc[int(i)]


def according_to_frames(doc: Doc) -> list[Frame]:
    """Frames for "according to X": X is the source, the qualified clause the content."""
    frames: list[Frame] = []
    for token in tokens_with(doc, LOWER, "according"):
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            to = doc[token.i + 1]
        if to is None:
            continue
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects:
            continue
        source = _source_tokens(objects[0])
        source += _name_after(source)
        clause = token.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        phrase = {t.i for t in token.subtree} | {t.i for t in to.subtree} | {t.i for t in source}
        content = [t for t in clause.subtree if t.i not in phrase]
        source, content = _swallowed_clause(token, source) or (source, content)
        frame = Frame(
            cue=[(token.idx, _end(to))],
            source=token_pieces(source),
            content=token_pieces(content),
            source_span=doc[source[0].i : source[-1].i + 1],
            according_to=True,
        )
        if frame.source and frame.content:
            frames.append(frame)
    return frames


def _name_after(source: list[Token]) -> list[Token]:
    """ "according to the utility, Coastal Energy.": a name set off by a comma after a
    common noun source, up to the end of the sentence, is the source's apposition, which
    the parser may hang elsewhere. Nothing otherwise."""
    doc, head = source[0].doc, source[-1]
    after = head.i + 1
    if head.pos_ != "NOUN" or after >= len(doc) or doc[after].text != ",":
        return []
    name: list[Token] = []
    i = after + 1
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].ent_type_:
        name.append(doc[i])
        i += 1
    ends = i >= len(doc) or doc[i].is_sent_start or doc[i].text in (".", ";", "\n")
    return [doc[after], *name] if name and ends else []


def _listing(comma: Token) -> bool:
    """The comma goes on a list of names: "Alabama, New York and Ohio"."""
    doc, i = comma.doc, comma.i + 1
    while i < len(doc) and doc[i].pos_ == "PROPN":
        i += 1
    return i > comma.i + 1 and i < len(doc) and doc[i].lower_ in (",", "and", "or")


def _swallowed_clause(
    according: Token, source: list[Token]
) -> tuple[list[Token], list[Token]] | None:
    """ "According to Rep. Ann Lee, congressional probing was …": where the phrase opens its
    sentence and no comma closes the source, the parser ran the source into the clause it
    qualifies (in apposition to the name, or a noun phrase of its own). The source then
    ends at its last comma, and the rest of the sentence is the content."""
    doc, sentence = according.doc, according.sent
    first = next((t for t in sentence if not (t.is_punct or t.is_space)), None)
    after = source[-1].i + 1
    closed = source[-1].text == "," or (after < len(doc) and doc[after].text == ",")
    if first is None or first.i != according.i or closed:
        return None
    commas = [  # not "Washington, D.C.", nor the commas of a list ("Alabama, Georgia and …")
        t for t in source if t.text == "," and not t.ent_type_ and not _listing(t)
    ]
    if not commas:
        return None
    cut = commas[-1].i
    end = sentence.end
    while end > cut + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    rest = [doc[i] for i in range(cut + 1, end)]
    return ([t for t in source if t.i < cut], rest) if rest else None


# -- quotes ----------------------------------------------------------------------------------


def _overlap(a: Offsets, b: Offsets) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pieces_overlap(a: Sequence[Offsets], b: Sequence[Offsets]) -> bool:
    """True when any piece of ``a`` shares a character with any piece of ``b``."""
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _only_punct(text: str) -> bool:
    return all(c.isspace() or (not c.isalnum()) for c in text)


def _words_outside(text: str, pieces: Sequence[Offsets], quotes: Sequence[Quote]) -> int:
    count = 0
    for start, end in pieces:
        chars = list(text[start:end])
        for q in quotes:
            for i in range(max(start, q.start), min(end, q.end)):
                chars[i - start] = " "
        words = [w for w in "".join(chars).split() if any(c.isalnum() for c in w)]
        count += len([w for w in words if w.lower() != "that"])
    return count


def _opening_that(text: str, start: int, quote: int) -> int | None:
    """Where "that" starts when it is all that stands between ``start`` and the quote mark
    at ``quote``: content such as "that “we will win.”" keeps its "that" (on PolNeAR train,
    where "that “" stands in the text, gold content opens at "that" 101 times and at the quote
    mark twice)."""
    lead = text[start:quote]
    word = lead.strip()
    if word.lower() != "that" or not text[quote - 1].isspace():
        return None
    return start + lead.index(word)


def _snap_to_quotes(frame: Frame, quotes: Sequence[Quote], text: str) -> None:
    touched = [q for q in quotes if any(_overlap(p, (q.start, q.end)) for p in frame.content)]
    cue_inside = [q for q in touched if any(_overlap(c, (q.start, q.end)) for c in frame.cue)]
    touched = [q for q in touched if q not in cue_inside]
    if not touched:
        return
    if _words_outside(text, frame.content, touched) == 0:
        opener = _opening_that(text, min(s for s, _ in frame.content), touched[0].start)
        frame.content = [(q.start, q.end) for q in touched]
        if opener is not None:  # "warned that “…”": the "that" stays, as PolNeAR has it
            frame.content[0] = (opener, touched[0].end)
        frame.quoted = True
        frame.quotes = list(touched)
        return
    # mixed: keep the clause, stretch it over the quote marks it cuts through
    pieces: list[Offsets] = []
    for start, end in frame.content:
        for q in touched:
            if q.start < end < q.end and _only_punct(text[end : q.end]):
                end = q.end
            if q.start < start < q.end and _only_punct(text[q.start : start]):
                start = q.start
        pieces.append((start, end))
    frame.content = pieces
    frame.quotes = list(touched)


def _adjacent_quote(frame: Frame, quotes: Sequence[Quote], text: str) -> Quote | None:
    """The quote right after the cue ("said: “…”") or right before the source and cue."""
    spans = frame.cue + frame.source
    left = min(s for s, _ in spans)
    right = max(e for _, e in spans)
    for q in quotes:
        if (
            q.start >= right
            and _only_punct(text[right : q.start])
            and "\n" not in text[right : q.start]
        ):
            return q
        if q.end <= left and _only_punct(text[q.end : left]) and "\n" not in text[q.end : left]:
            return q
    return None


def _claim_quotes(frames: list[Frame], quotes: Sequence[Quote], text: str) -> None:
    for frame in frames:
        if frame.according_to:
            continue
        if frame.content:
            _snap_to_quotes(frame, quotes, text)
        else:
            quote = _adjacent_quote(frame, quotes, text)
            if quote is not None:
                frame.content = [(quote.start, quote.end)]
                frame.quoted = True
                frame.quotes = [quote]
    frames[:] = [f for f in frames if f.content]


def _continue_quotes(frames: list[Frame], quotes: Sequence[Quote], text: str) -> None:
    """Hand quotes no frame claimed to the previous quote's speaker (same or next paragraph)."""
    claimed = {q for f in frames for q in f.quotes}
    covered = [p for f in frames for p in f.content]
    paras = paragraphs(text)

    def paragraph_of(offset: int) -> int:
        return next((i for i, (s, e) in enumerate(paras) if s <= offset <= e), -1)

    for quote in quotes:
        if quote in claimed or quote.words(text) < 3:
            continue
        if any(_overlap(p, (quote.start, quote.end)) for p in covered):
            continue
        before = text[max(0, quote.start - 3) : quote.start].strip()
        starts_sentence = opens_paragraph(text, quote) or before[-1:] in (".", "!", "?", "”", '"')
        if not starts_sentence:
            continue
        here = paragraph_of(quote.start)
        earlier = [f for f in frames if f.end <= quote.start]
        if not earlier:
            continue
        previous = max(earlier, key=lambda f: f.end)
        if not previous.quoted and not previous.quotes:
            continue
        gap = here - paragraph_of(previous.end)
        if gap == 0 or (gap == 1 and opens_paragraph(text, quote)):
            previous.content.append((quote.start, quote.end))
            previous.quotes.append(quote)
            claimed.add(quote)


def _on_line(text: str, offset: int, quote: Quote) -> bool:
    """``offset`` lies after ``quote`` on the same line."""
    return quote.end <= offset and "\n" not in text[quote.end : offset]


def _carry_open_quotes(frames: list[Frame], quotes: Sequence[Quote], text: str) -> None:
    """A quote left open at the end of its paragraph and carried on by the next one's
    opening mark (“A … ⏎ “B,” X said.) is X's, even where the frame before it had taken it
    as a continuation (PolNeAR train: 37 such quotes of 47 share an attribution with the
    next). Read backwards, so that a quote over three paragraphs reaches its speaker."""
    takers: list[Frame] = []
    for k in range(len(quotes) - 2, -1, -1):
        quote, carried = quotes[k], quotes[k + 1]
        if not quote.continues or quote.words(text) < 3:  # a one-word aside in a transcript
            continue
        piece, next_piece = (quote.start, quote.end), (carried.start, carried.end)
        owner = next((f for f in frames if any(_overlap(p, next_piece) for p in f.content)), None)
        if owner is None or not (
            any(f is owner for f in takers) or _on_line(text, min(s for s, _ in owner.cue), carried)
        ):
            continue
        holders = [f for f in frames if any(_overlap(p, piece) for p in f.content)]
        if any(f is owner for f in holders):
            continue
        for f in holders:
            kept = [p for p in f.content if not _overlap(p, piece)]
            if kept:  # (a frame left with nothing keeps it; settle_shared_quotes decides)
                f.content = kept
        owner.content = sorted([*owner.content, piece])
        owner.quotes = sorted([*owner.quotes, quote], key=lambda q: q.start)
        takers.append(owner)


def _dedupe(frames: list[Frame]) -> list[Frame]:
    seen: set[tuple[Offsets, ...]] = set()
    kept: list[Frame] = []
    for frame in sorted(frames, key=lambda f: f.anchor):
        key = tuple(frame.cue)
        if key in seen:
            continue
        seen.add(key)
        kept.append(frame)
    return kept


# -- output ----------------------------------------------------------------------------------


RELATIVE_AFTER_COMMA = re.compile(r",\s+(?:who|which)$")


def close_apposition(source: list[Offsets], text: str) -> list[Offsets]:
    """Take in the comma that closes an apposition ("Ban Ki-moon, the U.N. chief, said"),
    as PolNeAR's annotators do (922 times in train, against 106 left out), and end there
    rather than at the relative pronoun after it."""
    if not source:
        return source
    start, end = source[-1]
    piece = text[start:end]
    relative = RELATIVE_AFTER_COMMA.search(piece)
    if relative is not None and relative.start() > 0:
        # "said Ann Lee, an analyst at Fenwick, who covers …": up to the apposition's comma
        # ("said Lee, who …": up to the name), not the "who" (on PolNeAR train, gold never
        # takes the bare pronoun)
        cut = start + relative.start()
        return [*source[:-1], (start, cut + 1 if "," in text[start:cut] else cut)]
    if piece.count("(") > piece.count(")") and text[end : end + 1] == ")":
        end += 1  # "Sen. Ann Lee (D-Ore.)": the bracket the party closes (120 in train, 3 not)
        source = [*source[:-1], (start, end)]
    if "," in text[start:end] and text[end : end + 1] == ",":
        return [*source[:-1], (start, end + 1)]
    return source


def _kind(frame: Frame) -> str:
    if frame.according_to:
        return "according_to"
    if frame.quoted:
        return "direct"
    if frame.quotes:
        return "mixed"
    return "indirect"


def the_writer(writers: Sequence[str]) -> str:
    """How an "I" outside quotes is described: "the writer, Jane Doe" (of a byline of two,
    "the writer, Jane Doe or John Roe"), or "the writer" where no byline was found."""
    return f"the writer, {' or '.join(writers)}" if writers else "the writer"


def _spans(text: str, pieces: Sequence[Offsets]) -> tuple[Span, ...]:
    return tuple(Span.of(text, s, e) for s, e in sorted(set(pieces)))


def _with_model(
    doc: Doc,
    frames: list[Frame],
    quotes: Sequence[Quote],
    lines: Sequence[Offsets],
    settings: Settings,
) -> list[Frame]:
    """Merge the trained role tagger's frames in (when its model is present); ``lines`` are
    the story's dateline and time stamps, which no role keeps."""
    # imported here: role_frames builds on this module's Frame
    from newsfacts.extract.frame_merge import consult_lstm, merge_frames
    from newsfacts.extract.role_frames import frames_from_roles
    from newsfacts.extract.roles import role_tagger, roles_of

    tagger = role_tagger(settings)
    if tagger is None:
        return frames
    roles = roles_after_openers(doc, roles_of(doc, tagger), lines)
    model = [
        f
        for f in frames_from_roles(doc, roles, quotes)
        if not any(q.start < f.anchor < q.end for q in quotes)
    ]
    if settings.role_tagger == "encoder":
        model = consult_lstm(doc, model, quotes)
    return merge_frames(model, frames, doc)


def _as_reporter(doc: Doc, frame: Frame, speaker: Speaker) -> Speaker:
    """Who "reported" something wrote a report, and who "issued a statement" or "said in a
    letter" wrote that: a later "the report", "the statement" means them ("Bloomberg News
    reported … . … according to the report")."""
    if not frame.cue or speaker.document or speaker.anonymous:
        return speaker  # (one whose author is unknown stops "the statement" going further back)
    cue = doc.char_span(*frame.cue[0], alignment_mode="expand")
    if cue is None:
        return speaker
    if cue.root.lemma_.lower() == "report":
        return replace(speaker, document="report")
    kinds = word_list("sourcing_documents.txt")
    for noun in _cue_nouns(cue.root):
        kind = next((k for k in (noun.lemma_.lower(), noun.lower_) if k in kinds), None)
        if kind is not None:
            return replace(speaker, document=kind)
    return speaker


# what a document a cue names is said in ("said in a statement", "wrote in a letter to")
DOCUMENT_PREPOSITIONS = frozenset({"in", "through", "via"})


def _cue_nouns(verb: Token) -> Iterator[Token]:
    """The nouns a cue verb names as what it made or spoke in: its object ("issued a
    statement") and the object of "in" on the verb or on that object ("said in a
    statement", "denied the claims in a statement")."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    yield from holders[1:]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in DOCUMENT_PREPOSITIONS:
                yield from (c for c in prep.children if c.dep_ == "pobj")


def extract_attributions(
    doc: Doc, entities: Sequence[Entity], settings: Settings, writers: Sequence[str] = ()
) -> list[Attribution]:
    """Attributions in ``doc`` (parsed by ``parse_body``), in text order, ids A1, A2, …
    ``writers``: the story's byline, whom an "I" outside quotes is described as."""
    text = doc_text(doc)
    quotes = find_quotes(text)
    lines = openers(text)
    from newsfacts.extract.colon_quotes import answer_frames, colon_frames  # uses Frame
    from newsfacts.extract.dash_quotes import dash_frames, keep_signed_quotes  # uses Frame
    from newsfacts.extract.poll_frames import poll_frames  # uses Frame

    signed = dash_frames(doc)
    frames = _dedupe(cue_frames(doc) + according_to_frames(doc) + poll_frames(doc) + signed)
    # speech reported inside a quote ("I think …") belongs to the quote, not to the article
    frames = [f for f in frames if not any(q.start < f.anchor < q.end for q in quotes)]
    _claim_quotes(frames, quotes, text)
    if settings.attribution_model:
        frames = _with_model(doc, frames, quotes, lines, settings)
    from newsfacts.extract.lead_ins import lead_in_frames  # uses Frame

    frames = lead_in_frames(doc, frames, quotes)
    frames.sort(key=lambda f: f.anchor)
    _continue_quotes(frames, quotes, text)
    _carry_open_quotes(frames, quotes, text)
    # transcript turns and "Name: words" headlines, like signed quotes, are their speakers'
    signed += colon_frames(doc)
    if signed:
        frames = keep_signed_quotes(frames, signed)
    # an interview's answers; a frame the tagger made of the same "A:" gives way to its answer
    answers = answer_frames(doc)
    taken = {tuple(f.cue) for f in answers}
    frames = [f for f in frames if tuple(f.cue) not in taken]
    frames = sorted(frames + answers, key=lambda f: f.anchor)
    from newsfacts.extract.confidence import attribution_confidence, load_model  # reads Frame
    from newsfacts.extract.frame_merge import settle_shared_quotes  # builds on Frame
    from newsfacts.extract.frame_tidy import tidy_frames  # builds on Frame

    frames = settle_shared_quotes(frames, text)
    frames = tidy_frames(frames, doc, lines, quotes)
    for frame in frames:
        frame.source = close_apposition(frame.source, text)
    results: list[Attribution] = []
    recent: list[Speaker] = []  # the speakers of the attributions so far
    model = load_model()
    for frame in frames:
        span = frame.speaker_span or frame.source_span
        speaker = resolve_speaker(span, entities, recent) if span is not None else None
        speaker = speaker or Speaker(None, False, "none")
        if speaker.how == "writer":
            speaker = replace(speaker, described=the_writer(writers))
        source = _spans(text, frame.source)
        if speaker.anonymous and not speaker.described:  # what a later "they" stands for
            speaker = replace(speaker, described=" ".join(s.text for s in source))
        # (a frame left out below still names its speaker for a later "he" or "she")
        at = span.start_char if span is not None else -1
        recent.append(replace(_as_reporter(doc, frame, speaker), at=at))
        kind = _kind(frame)
        confidence, keep = attribution_confidence(doc, frame, speaker, kind, model)
        if not keep and not settings.all_attributions:
            continue
        results.append(
            Attribution(
                id=f"A{len(results) + 1}",
                kind=kind,
                source=source,
                cue=_spans(text, frame.cue),
                content=_spans(text, frame.content),
                speaker=speaker.entity,
                speakers=speaker.group,
                anonymous=speaker.anonymous,
                source_description=speaker.described,
                via=frame.via,
                confidence=confidence,
            )
        )
    return results
