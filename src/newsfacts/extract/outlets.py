"""News outlets: the names in ``data/outlets.txt``, the words that make a name one, and the
outlet a claim came through ("told Al Arabiya English", "said in an interview with Kestrel
Radio")."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc, Token

from newsfacts.nlp.doctext import doc_text

# what a name is called that makes it an outlet ("the newspaper Handelsblatt", "German
# broadcaster ZDF", "the Spanish daily El País")
OUTLET_NOUNS = frozenset(
    {"newspaper", "paper", "daily", "weekly", "tabloid", "magazine", "broadcaster", "channel"}
    | {"network", "station", "outlet", "website", "site", "agency", "newsletter", "podcast"}
)


@lru_cache(maxsize=1)
def outlet_table() -> tuple[tuple[str, ...], frozenset[str]]:
    """Outlet names and the words that make a named recipient an outlet."""
    text = files("newsfacts").joinpath("data/outlets.txt").read_text("utf-8")
    names: list[str] = []
    words: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@word "):
            words.add(line[6:].strip())
        else:
            names.append(line)
    return tuple(sorted(names, key=len, reverse=True)), frozenset(words)


def is_outlet(name: str) -> bool:
    """A listed outlet, or a name holding an outlet word ("Kestrel Herald")."""
    names, words = outlet_table()
    return name in names or any(word in words for word in name.split())


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def called_outlet(text: str, start: int) -> bool:
    """The name at ``start`` follows a word for an outlet ("the broadcaster NOS")."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1).lower() in OUTLET_NOUNS


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def recipient_outlet(verb: Token, doc: Doc) -> str | None:
    """The outlet a verb's object names: "sources … told Al Arabiya English"."""
    objects = [c for c in verb.children if c.dep_ in ("dative", "dobj", "iobj")]
    for child in objects:
        if child.lower_ in BROADCAST_NOUNS:
            start = child.i  # "told Kestrel 24 television", parsed as two objects
            while start - 1 > verb.i and doc[start - 1].pos_ in ("PROPN", "NUM"):
                start -= 1
            if start < child.i:
                return doc_text(doc)[doc[start].idx : _end(child)]
    for child in verb.children:
        if child.dep_ in ("dative", "dobj", "iobj"):
            name = _outlet_named(child, doc)
            if name is not None:
                return name
        # a listed name the parser took for an adverb by its ending: "told Ruptly"
        if child.dep_ == "advmod" and child.i == verb.i + 1 and child.text in outlet_table()[0]:
            return child.text
    return None


def _called_outlet(head: Token, doc: Doc) -> str | None:
    """The name a word for an outlet introduces, beside it or after it: "the newspaper
    Handelsblatt" (which spaCy may parse as two objects), "broadcaster ZDF"."""
    if head.text in OUTLET_NOUNS and head.pos_ == "NOUN":  # (not the "Daily" of a name)
        after = head.i + 1
        end = after
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        if end > after:
            return doc_text(doc)[doc[after].idx : _end(doc[end - 1])]
        return None
    if head.pos_ not in ("PROPN", "NOUN") or not (head.is_title or head.is_upper):
        return None
    called = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod")]
    if any(c.text in OUTLET_NOUNS for c in called):
        start = max(c.i for c in called if c.text in OUTLET_NOUNS) + 1
        return doc_text(doc)[doc[start].idx : _end(head)]
    return None


# what a claim is made in, before the outlet it appears with ("in an interview with Kestrel TV")
MEDIA_WORDS = frozenset(
    {"interview", "op-ed", "column", "editorial", "essay", "article", "piece", "appearance"}
    | {"podcast", "broadcast", "program", "programme", "show", "segment"}
)


# verbs whose "to" names whom they spoke to ("explained to The Huffington Post"), unlike
# "compared X to", "responded to", "linked to"
SPOKE_TO = frozenset(
    {"say", "speak", "talk", "explain", "reiterate", "complain", "confirm", "write"}
)


# what a source writes to an outlet ("in an email to Reuters")
MESSAGE_WORDS = frozenset(
    {"email", "e-mail", "statement", "message", "letter", "note", "response", "reply"}
)
# what links a medium to its outlet ("an interview with", "an op-ed for", "an email to")
MEDIUM_PREPOSITIONS = frozenset({"with", "for", "on", "of", "to"})
# verbs of the outlet putting the question ("when reached by Reuters", "Asked by CNN")
ASKED = frozenset({"contact", "ask", "reach", "question", "approach"})


def outlet_of(verb: Token, doc: Doc) -> str | None:
    """The outlet a claim came through: the recipient of "told", or where it was said
    ("said in an interview with Kestrel Radio", "wrote in an op-ed for the Harbour Post",
    "said on Channel 4", "explained to the Kestrel Herald")."""
    if verb.lemma_ == "tell":
        told = recipient_outlet(verb, doc)
        if told is not None:
            return told
    for clause in verb.children:  # "Speaking to ESPN on Tuesday, Reese said …"
        if clause.dep_ == "advcl" and clause.lemma_ in SPOKE_TO and clause.i < verb.i:
            found = outlet_of(clause, doc)
            if found is not None:
                return found
        if clause.dep_ == "advcl" and clause.lemma_ in ASKED:  # "when reached by Reuters"
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                for named in (c for c in agent.children if c.dep_ == "pobj"):
                    found = _outlet_named(named, doc)
                    if found is not None:
                        return found
    for prep in verb.children:
        if prep.dep_ != "prep" or verb.lower_ == "according":
            continue
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            if (
                prep.lower_ == "on"
                or (prep.lower_ in ("to", "with") and verb.lemma_ in SPOKE_TO)
                or (prep.lower_ == "for" and verb.lemma_ == "write")  # "wrote for the Post"
            ):
                name = _outlet_named(place, doc)
                if name is not None:
                    return name
            message = prep.lower_ == "in" and place.lower_ in MESSAGE_WORDS
            if (prep.lower_ in ("in", "on", "during") and _media(place, doc)) or message:
                for inner in place.children:
                    if inner.dep_ != "prep" or inner.lower_ not in MEDIUM_PREPOSITIONS:
                        continue
                    for named in (c for c in inner.children if c.dep_ == "pobj"):
                        name = _outlet_named(named, doc)
                        if name is not None:
                            return name
    return None


def _media(noun: Token, doc: Doc) -> bool:
    """An interview, column or the like ("op-ed" is three tokens: its head is "ed")."""
    if noun.lower_ in MEDIA_WORDS:
        return True
    start = noun.left_edge.i
    while start < noun.i and doc[start].dep_ in ("det", "amod", "poss", "case"):
        start += 1  # "an", "recent", "his"
    return doc_text(doc)[doc[start].idx : _end(noun)].lower() in MEDIA_WORDS


# what a broadcaster or paper is called after its name: "RPP radio", "state television"
BROADCAST_NOUNS = frozenset({"radio", "television", "tv", "channel", "newspaper", "daily"})
# words that stand for the outlet named before: "… told Al Arabiya English. A second official
# told the outlet …" ("the newspaper" may be the article's own, and stays unresolved)
STANDS_FOR_NAMED = frozenset({"outlet", "publication"})


def _earlier_outlet(head: Token, doc: Doc) -> str | None:
    """The outlet named last before ``head``: a listed name, with the capitalised words
    that follow it ("Al Arabiya English"), or an entity holding an outlet word."""
    text = doc_text(doc)
    found: list[tuple[int, int]] = []  # (end, start) of each name
    names, _ = outlet_table()
    for name in names:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text[: head.idx]):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            end = span.end
            while end < head.i and doc[end].pos_ == "PROPN" and doc[end].is_title:
                end += 1
            found.append((_end(doc[end - 1]), span.start_char))
    for entity in doc.ents:
        if entity.end <= head.i and is_outlet(entity.text):
            found.append((entity.end_char, entity.start_char))
    if not found:
        return None
    end, start = max(found)
    if text[max(0, start - 4) : start] == "the ":  # as it was named: "told the BBC"
        start -= 4
    return text[start:end]


# a site named by its address: "Polygraph.info", "AutoIndustriya.com"
WEB_NAME = re.compile(r"[A-Za-z0-9][\w-]*(\.[\w-]+)*\.(com|org|net|info|news|tv|co\.uk)")
# what makes "media" a body of outlets one can name ("state media", "Iranian media"), unlike
# "the media", "news media" or "social media"
MEDIA_KINDS = frozenset({"state", "local", "foreign", "national", "regional", "official"})
STATE_KINDS = frozenset({"state", "official"})  # "state television", not "national television"


def _whose_media(head: Token, doc: Doc) -> str | None:
    """ "US media", "Iranian state media", "Russian media outlets", "state television": the
    words before "media" (or "media outlets", "television") when one of them is a name or
    says whose the media are."""
    words = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    whose = [w for w in words if w.text != "media"]
    kinds = MEDIA_KINDS if head.text in ("media", "outlets", "outlet") else STATE_KINDS
    if not any(w.lower_ in kinds or w.text[:1].isupper() for w in whose):
        return None
    return doc_text(doc)[words[0].idx : _end(head)]


def _outlet_named(head: Token, doc: Doc) -> str | None:
    """The words of ``head``'s phrase when they name an outlet; of "Kestrel TV's Ann Lee", the
    possessor."""
    names, words = outlet_table()
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is not None:  # "the Harbour Post's editorial board"
        found = _outlet_named(owner, doc)
        if found is not None:
            return re.sub(r"['’]s?$", "", found).rstrip()
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for employer in (c for c in prep.children if c.dep_ == "pobj"):
            found = _outlet_named(employer, doc)  # "Tom Vail of Kestrel News"
            if found is not None:
                return found
    called = _called_outlet(head, doc)
    if called is not None:
        return called
    if head.lower_ in STANDS_FOR_NAMED and any(c.lower_ == "the" for c in head.children):
        return _earlier_outlet(head, doc)  # "told the outlet"
    if WEB_NAME.fullmatch(head.text):
        return head.text  # "told Polygraph.info"
    if (
        head.text == "media"
        or head.lower_ in BROADCAST_NOUNS - OUTLET_NOUNS
        or (
            # (not a company's name: "investors of New Media")
            head.text in ("outlets", "outlet")
            and any(c.text == "media" and c.dep_ == "compound" for c in head.children)
        )
    ):
        return _whose_media(head, doc)  # "told Iranian state media", "Russian media outlets"
    if head.pos_ != "PROPN" and not any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children
    ):
        return None  # a name, not "a broadcast of …" (but "the BBC interviewer")
    # the name without what follows it: a bracketed abbreviation, a phrase ("Kestrel News
    # about Clinton"), a clause, or the comma before the speaker ("with the Harbour Post,")
    after = [c for c in head.children if c.i > head.i and c.dep_ not in ("compound", "flat")]
    end = min([c.left_edge.i for c in after] + [head.right_edge.i + 1])
    tokens = [t for t in head.subtree if t.i < end]
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    text = doc_text(doc)[tokens[0].idx : _end(tokens[-1])]
    bare = text[4:] if text.startswith("the ") else text  # "told the BBC"
    # a name in capitals, as some outlets print their own: "told POLITICO", "THE WEEKLY …"
    first = tokens[0].text
    shout = (text.isupper() and len(text) > 3) or (first.isupper() and len(first) > 3)
    fold = str.upper if shout else str  # (not "AP" or "RT" in capitals against "Ap…")
    for name in names:
        for whole in (text, bare):
            if fold(whole) == fold(name):
                return text
            starts = fold(whole).startswith(fold(name) + " ")
            rest = whole[len(name) + 1 :] if starts else None
            if rest is not None and any(w.islower() for w in rest.split()):
                # the outlet's people: "CNN anchor Jake Tapper", "the BBC interviewer"
                return whole[: len(name)]
            if rest is not None:
                return text  # a longer name: "Al Arabiya English"
    proper = [t for t in tokens if t.pos_ == "PROPN"]
    if proper and head.pos_ == "NOUN" and head.lower_ in BROADCAST_NOUNS:
        return text  # "told RPP radio", "the Kestrel 1 television channel"
    if proper and any(t.text in words for t in proper):
        if head.pos_ != "PROPN":  # "the Kestrel Times reporter": the outlet, not its reporter
            return doc_text(doc)[proper[0].idx : _end(proper[-1])]
        return text
    return None
