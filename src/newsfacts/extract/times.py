"""Temporal expressions, found in the parse and normalised against the publication date.

Detection starts from spaCy's DATE/TIME entities and adds rule matches (weekdays,
explicit dates, "last week", "two years ago", ...). Overlapping candidates are merged and
trimmed of prepositions, so "over the past decade" becomes "the past decade".

Normalisation lives in ``time_values.py``; this module finds the expressions and reads the
tense of the governing verb ("will meet on Tuesday" looks forward, "met on Tuesday" back).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsfacts.extract.datelines import TIME_STAMP
from newsfacts.extract.time_values import (
    FUTURE,
    NARRATED,
    PAST,
    Lexicon,
    alt,
    lexicon,
    normalise,
)
from newsfacts.models import TimeExpression
from newsfacts.nlp.doctext import doc_text
from newsfacts.settings import Settings

_ENTITY_LABELS = frozenset({"DATE", "TIME"})
_CONNECTORS = frozenset({"and", "or", "to", "through", "until", "-", "–", "—", ",", "&"})


def _scan_patterns() -> tuple[re.Pattern[str], ...]:
    """Patterns over the original text; the group ``x`` (or the whole match) is the span."""
    lex = lexicon()
    month = "|".join(
        re.escape(m.capitalize()) + (r"\.?" if len(m) <= 4 and m != "may" else "")
        for m in sorted(lex.months, key=len, reverse=True)
    )
    month = f"(?:{month})(?![a-z])"
    weekday = "(?:" + "|".join(w.capitalize() for w in lex.weekdays if len(w) > 5) + ")"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
    units = alt(lex.units)
    clock_units = alt(lex.time_units)
    nums = alt([n for n in lex.numbers if n not in {"a", "an"}]) + r"|a|an|\d+"
    mods = alt(
        [*lex.relative_past, *lex.relative_future, *lex.relative_current, *lex.relative_narrative]
    )
    parts = alt(lex.parts_of_day)
    preps = "in|since|until|by|during|through|from|before|after|of|throughout"
    qual = "early|late|mid|mid-|earlier|later"
    sources = [
        r"\b\d{4}-\d{2}-\d{2}\b",
        r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b",
        rf"\b(?:{weekday},?\s+)?{month}\s+{day}\b(?:,?\s+{year}\b)?",
        rf"\b(?P<x>{year}\s*(?:-|–|(?i:to|through|until|and))\s*{year})\b",
        rf"\b(?:{weekday},?\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{year}\b)?",
        rf"\b(?:(?i:{qual})[- ]?)?{month},?\s+{year}\b",
        rf"\b(?i:{preps})\s+(?P<x>{month})(?![\w.]|\.?\s+\d)",
        rf"\b(?P<x>(?i:last|next|this|early|late|mid-)\s*{month})\b(?!\.?\s+\d)",
        rf"\b(?i:{preps}|fiscal)\s+(?P<x>(?:(?i:{qual})[- ])?{year})\b(?!\s*(?:%|percent))",
        rf"\b(?P<x>(?i:{qual})[- ]{year})\b",
        r"(?P<x>\b(?:(?i:the)\s+)?(?:(?i:early|mid|late)[- ])?(?:1[5-9]|20)\d0'?s)\b",
        rf"\b(?P<x>(?:(?i:last|next|this|coming|early|late)\s+)?{weekday}"
        rf"(?:\s+(?i:{parts}))?)(?!\w)",
        rf"\b(?P<x>{weekday}s)\b",
        rf"\b(?P<x>(?:(?i:{nums})-)?(?i:{units})s?-?long)\b",
        rf"\b(?P<x>(?i:today|tonight|yesterday|tomorrow)(?:\s+(?i:{parts}))?)\b",
        r"\b(?P<x>(?i:this)\s+(?i:morning|afternoon|evening)|(?i:last)\s+(?i:night))\b",
        rf"\b(?P<x>(?:(?i:the|this)\s+)?(?:(?i:earlier|later|early|late)\s+)?(?i:{mods})\s+"
        rf"(?:(?i:{nums})\s+)?(?i:{units}|weekend)s?)\b",
        rf"\b(?P<x>(?:(?i:the)\s+)?(?i:past|last|next)\s+(?i:{nums})\s+(?i:{clock_units})s)\b",
        rf"\b(?P<x>(?i:{nums})\s+(?i:{units}|{clock_units})s?\s+(?i:ago|earlier|later|from now))\b",
        r"\b(?P<x>\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|(?i:am|pm)\b)"
        r"(?:\s+(?:[ECMP][SD]?T|GMT|UTC)\b)?)",
        rf"\b(?P<x>(?i:every|each)\s+(?:{weekday}|(?i:day|week|month|year|morning|night)))\b",
    ]
    return tuple(re.compile(s) for s in sources)


def _rule_candidates(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for pattern in _scan_patterns():
        for m in pattern.finditer(text):
            start, end = m.span("x") if "x" in pattern.groupindex else m.span()
            if end > start:
                found.append((start, end))
    return _longest_first(found)


def _longest_first(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans overlapping a longer one; return the rest in text order."""
    kept: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda p: (-(p[1] - p[0]), p[0])):
        if all(e <= ks or s >= ke for ks, ke in kept):
            kept.append((s, e))
    return sorted(kept)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut leading prepositions and hedges and trailing punctuation or possessive 's."""
    lex = lexicon()
    changed = True
    while changed and start < end:
        changed = False
        while start < end and not text[start].isalnum() and text[start] not in "'’":
            start += 1
        lower = text[start:end].lower()
        for phrase in lex.leading_trim:
            if lower.startswith(phrase + " ") or lower.startswith(phrase + "\n"):
                start += len(phrase) + 1
                changed = True
                break
    while end > start and (text[end - 1] in ' \n\t,;:!?"”)(–—-' or text[end - 1] == "."):
        if text[end - 1] == "." and _keeps_period(text[start:end]):
            break
        end -= 1
    for suffix in ("'s", "’s"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
    return start, end


def _keeps_period(expression: str) -> bool:
    """True when the final period belongs to "p.m." or an abbreviation such as "Sept."."""
    lex = lexicon()
    last = re.search(r"(\w+)\.$", expression)
    if last is None:
        return False
    word = last.group(1).lower()
    short = {w for w in (*lex.months, *lex.weekdays) if len(w) <= 4 and w != "may"}
    return word in short or re.search(r"[ap]\.m\.$", expression.lower()) is not None


def _is_temporal(text: str, start: int, end: int) -> bool:
    lex = lexicon()
    expression = text[start:end]
    if expression.isupper() and len(expression) > 3 and re.search(r"[A-Z]\w*\s+$", text[:start]):
        return False  # "USA TODAY": part of a name
    lower = expression.lower()
    if _name_like_unit(text, start, expression, lex):
        return False
    words = re.findall(r"[a-z]+", lower)
    after = text[end : end + 12].lower()
    if any(w in lex.age_words for w in words) or re.match(r"[- ]+(?:old|aged)\b", after):
        return False
    if re.search(r"\b(?:1[5-9]|20|21)\d\d\b|\d{1,2}[/:.-]\d{1,2}|\d0'?s\b|\d ?[ap]\.?m\b", lower):
        return True
    return any(w in lex.vocabulary for w in words)


def _name_like_unit(text: str, start: int, expression: str, lex: Lexicon) -> bool:
    """A capitalised unit word inside a sentence is a name ("Martin Weeks", "Ann Day")."""
    if not re.fullmatch(r"[A-Z][a-z]+", expression):
        return False
    unit = expression.lower()
    unit = unit[:-1] if unit.endswith("s") else unit
    before = text[max(0, start - 20) : start].rstrip(" ")
    return unit in lex.units and bool(before) and before[-1] not in ".!?\n\"“‘'(:—-"


def _candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    text = doc_text(doc)
    rules = _rule_candidates(text)
    spans: list[tuple[int, int]] = []
    claimed: set[tuple[int, int]] = set()
    for ent in doc.ents:
        if ent.label_ not in _ENTITY_LABELS:
            continue
        s, e = ent.start_char, ent.end_char
        inside = [r for r in rules if r[0] < e and r[1] > s]
        claimed.update(inside)
        if len(inside) >= 2 and _only_connectors(text, inside):
            spans.extend(inside)  # "Monday and Tuesday": two expressions
            continue
        for r in inside:
            s, e = min(s, r[0]), max(e, r[1])
        spans.append((s, e))
    spans.extend(r for r in rules if r not in claimed)
    result: list[tuple[int, int]] = []
    for s, e in spans:
        s, e = _trim(text, s, e)
        if e > s and _is_temporal(text, s, e):
            result.append((s, e))
    return _join_clock_times(text, _longest_first(result))


_CLOCK = re.compile(r"\d ?[ap]\.?m\b|\b(?:noon|midnight)\b", re.IGNORECASE)


def _join_clock_times(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "9 a.m. Friday", "Friday at noon": a clock time and its day are one expression."""
    joined: list[tuple[int, int]] = []
    for s, e in spans:
        if joined:
            ps, pe = joined[-1]
            gap = text[pe:s]
            clock = _CLOCK.search(text[ps:pe]) or _CLOCK.search(text[s:e])
            if clock and re.fullmatch(r"\s*,?\s*|\s+(?:on|at)\s+", gap):
                joined[-1] = (ps, e)
                continue
        joined.append((s, e))
    return joined


def _only_connectors(text: str, spans: list[tuple[int, int]]) -> bool:
    for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False):
        gap = text[e1:s2].replace(",", " , ").split()
        if any(w.lower() not in _CONNECTORS for w in gap):
            return False
    return True


# ---------------------------------------------------------------- tense


def _direction(doc: Doc, start: int, end: int) -> str:
    """FUTURE when the clause the expression hangs from is future, NARRATED when its verb is
    in the simple past, else PAST."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return PAST
    lex = lexicon()
    token: Token = span.root
    for _ in range(12):
        if any(
            c.lower_ in lex.future_adjectives and c.dep_ == "amod" and c not in span
            for c in token.children
        ):
            return FUTURE
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    if _verb_is_future(token, lex):
        return FUTURE
    return NARRATED if token.tag_ == "VBD" else PAST


def _verb_is_future(verb: Token, lex: Lexicon) -> bool:
    for _ in range(6):
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in lex.future_aux for a in aux) or verb.lower_ in lex.future_aux:
            return True
        if verb.lemma_ in lex.future_verbs and (
            verb.tag_ in ("VBZ", "VBP", "VBG", "JJ") or any(a.dep_ == "auxpass" for a in aux)
        ):
            return True
        if any(c.dep_ in ("acomp", "attr") and c.lemma_ in lex.future_verbs for c in verb.children):
            return True
        if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in aux):
            return True
        if verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
            return True  # "is to leave on Sunday"
        if verb.dep_ in ("xcomp", "ccomp", "conj", "advcl") and verb.tag_ == "VB":
            verb = verb.head
            continue
        return False
    return False


# ---------------------------------------------------------------- normalisation


def extract_times(doc: Doc, published: dt.date | None, settings: Settings) -> list[TimeExpression]:
    """Temporal expressions in ``doc``, in text order, normalised against ``published``."""
    del settings  # no tunables yet; kept for the common extractor signature
    text = doc_text(doc)
    found: list[TimeExpression] = []
    for start, end in _candidate_spans(doc):
        value, kind = normalise(text[start:end], published, _direction(doc, start, end))
        if kind == "time" and value and value.startswith("T") and published is not None:
            if _time_stamp(text, start):  # a live blog's entry: "10:15 a.m. — …"
                value = f"{published.isoformat()}{value}"
        found.append(TimeExpression(start, end, text[start:end], value, kind))
    return found


def _time_stamp(text: str, start: int) -> bool:
    """The time opens its paragraph as a live blog's time stamp, which is of the day the
    story was published."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and TIME_STAMP.match(text, start) is not None
