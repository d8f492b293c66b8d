"""Checks on decoded text before analysis: empty, not English, mojibake, unbalanced quotes.

Errors (empty, not English) stop the analysis; the rest are warnings, returned as
one-line messages, and the text is analysed as given.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources

import ftfy
from ftfy.badness import BADNESS_RE

from newsfacts.errors import EmptyInputError, NotEnglishError
from newsfacts.settings import Settings

MIN_WORDS_FOR_LANGUAGE = 20  # shorter texts are too small to judge and pass
MIN_LETTERS_FOR_SCRIPT = 50
MIN_SHARE_TO_NAME = 0.1  # another language is named in the refusal from this share of words
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'


def check_text(text: str, settings: Settings) -> list[str]:
    """Warnings about ``text``; raises EmptyInputError or NotEnglishError when it can't be used."""
    if not text.strip():
        raise EmptyInputError("input is empty")
    warnings: list[str] = []
    few = check_english(text, settings.min_english_ratio)
    if few:
        warnings.append(few)
    mojibake = mojibake_warning(text)
    if mojibake:
        warnings.append(mojibake)
    warnings.extend(quote_warnings(text))
    return warnings


def check_english(text: str, min_ratio: float) -> str | None:
    """Raise NotEnglishError when the text is in another script or language.

    Below ``min_ratio`` English function words, the text is refused when another language's
    function words are more common, or when the share is under half of ``min_ratio``;
    otherwise (a short English piece thick with names, tweets or lists: PolNeAR has one at
    19%) it is analysed, and the returned warning says so.
    """
    script = _dominant_foreign_script(text)
    if script:
        raise NotEnglishError(
            f"text does not look like English (it is mostly in {script} script); "
            "newsfacts analyses English only"
        )
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    english = english_ratio(words)
    if english >= min_ratio:
        return None
    other, other_ratio = _likeliest_other(words)
    if other_ratio <= english and english >= min_ratio / 2:
        return (
            f"few English function words ({english:.0%} of the words, under {min_ratio:.0%}); "
            "analysed as English all the same"
        )
    looks = f" (it looks like {other})" if other_ratio > max(english, MIN_SHARE_TO_NAME) else ""
    raise NotEnglishError(
        f"text does not look like English{looks}: English function words are "
        f"{english:.0%} of its words, below {min_ratio:.0%}; newsfacts analyses English only"
    )


def english_ratio(words: list[str]) -> float:
    """The share of ``words`` (lower case) that are English function words."""
    if not words:
        return 0.0
    vocabulary = _english_words()
    return sum(1 for w in words if w in vocabulary) / len(words)


def mojibake_warning(text: str) -> str | None:
    """A warning quoting the first mojibake found (UTF-8 read as a legacy code page), if any."""
    match = BADNESS_RE.search(text)
    if match is None:
        return None
    start = match.start()
    end = match.end()
    # Widen to the surrounding word so the example is recognisable: "donâ€™t".
    while start > 0 and not text[start - 1].isspace() and match.start() - start < 12:
        start -= 1
    while end < len(text) and not text[end].isspace() and end - match.end() < 12:
        end += 1
    example = text[start:end]
    fixed = ftfy.fix_encoding(example)
    hint = f" — probably {fixed!r}" if fixed != example else ""
    return f"text looks like mojibake (e.g. {example!r}{hint}); it is analysed as given"


def quote_warnings(text: str) -> list[str]:
    """Warnings for curly or straight double quotation marks that do not pair up.

    A quotation running over several paragraphs reopens each paragraph without closing
    the previous one; that newspaper convention is not reported.
    """
    warnings: list[str] = []
    curly = _unmatched(text, _OPEN, _CLOSE)
    if curly is not None:
        opened, closed = text.count(_OPEN), text.count(_CLOSE)
        warnings.append(
            f"unbalanced quotation marks: {opened} opening “ and {closed} closing ” "
            f"(first unmatched on line {_line(text, curly)})"
        )
    straight = _unmatched(text, _STRAIGHT, _STRAIGHT)
    if straight is not None:
        count = text.count(_STRAIGHT)
        warnings.append(
            f'unbalanced quotation marks: {count} straight double quotes " '
            f"(the one on line {_line(text, straight)} is never closed)"
        )
    return warnings


def _unmatched(text: str, opening: str, closing: str) -> int | None:
    """The index of the first quotation mark that has no partner, or None."""
    open_at: int | None = None
    for mark in re.finditer("[" + re.escape(opening + closing) + "]", text):
        i, char = mark.start(), mark.group()
        if open_at is not None:
            if char == opening and "\n" in text[open_at:i] and _starts_paragraph(text, i):
                open_at = i  # the quotation continues into a new paragraph
            elif char == closing:
                open_at = None
            else:
                return open_at
        elif char == opening:
            open_at = i
        else:
            return i  # a closing mark with nothing open
    return open_at


def _starts_paragraph(text: str, i: int) -> bool:
    line_start = text.rfind("\n", 0, i) + 1
    return not text[line_start:i].strip()


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _dominant_foreign_script(text: str) -> str | None:
    """The script most letters are in, when it is not Latin and there are enough letters."""
    sample = text[:20000]
    scripts: Counter[str] = Counter()
    # ASCII letters are Latin: only the other letters need their Unicode names (slow)
    scripts["LATIN"] = len(_ASCII_LETTER.findall(sample))
    for char, count in Counter(_NON_ASCII.findall(sample)).items():
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        scripts[name.split(" ")[0] if name else "UNKNOWN"] += count
    total = sum(scripts.values())
    if total < MIN_LETTERS_FOR_SCRIPT or scripts["LATIN"] / total >= 0.5:
        return None
    script, _ = scripts.most_common(1)[0]
    return script if len(script) <= 3 else script.title()


def _likeliest_other(words: list[str]) -> tuple[str, float]:
    """The other language whose function words are the largest share of ``words``."""
    shares = [
        (sum(1 for w in words if w in vocabulary) / len(words), language)
        for language, vocabulary in _other_words().items()
    ]
    share, language = max(shares)
    return language, share


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    raw = resources.files("newsfacts.data").joinpath("english_function_words.txt")
    lines = (line.strip() for line in raw.read_text("utf-8").splitlines())
    return frozenset(line.lower() for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _other_words() -> dict[str, frozenset[str]]:
    raw = resources.files("newsfacts.data").joinpath("other_function_words.json")
    table: dict[str, list[str]] = json.loads(raw.read_text("utf-8"))
    return {k: frozenset(v) for k, v in table.items() if not k.startswith("_")}
