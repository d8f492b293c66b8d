"""Titles set off from a name by commas. After it: "Lloyd Austin, the defense secretary,
said", "X, a professor of nutrition at the University of Reading," (``title_after``). Before
it: "Velden's chief executive, Markus Brandt, said", "its regional head, Petra Lang,"
(``title_before_comma``). ``titles.titles_before`` reads a title joined to the name ("Chief
executive Markus Brandt").
"""

from __future__ import annotations

import re

from newsfacts.extract.titles import (
    MAX_WINDOW,
    Lexicon,
    TitleMatch,
    Word,
    ends_sentence,
    is_possessive,
    lexicon,
    place_of,
    read_window,
    trailing_run,
    with_qualifiers,
    words_in,
)

_PARTY_RE = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")
_DETERMINERS = frozenset({"the", "a", "an"})
_APPOSITION_LINKS = frozenset({"for", "of", "at", "with", "to"})
_NAME_LINKS = frozenset({"of", "for", "and", "on", "&"})  # inside a body's name
_APPOSITION_ENDS = frozenset(
    {",", ".", ";", ":", ")", "—", "–", "who", "whose", "said", "says", "and"}
)
_MAX_FIELD = 4  # plain words of a title's field: "professor of clinical epidemiology"

# what opens such a title when no named owner does
OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "whose"})
# what may follow the name, so that it closes the apposition ("…, Ann Lee, said")
CLOSERS = frozenset({",", ".", ";", ":", ")"})
MOST_WORDS = 6
# common nouns for the holder's body inside such a title: "a company spokeswoman,"
_BODY_NOUNS = frozenset(
    {"company", "firm", "party", "agency", "club", "team", "union", "group", "bank"}
    | {"government", "ministry", "department", "police", "army", "school", "hospital"}
)
# how long the holder has held it, between the owner and the title ("its new chairman")
TENURE = frozenset({"new", "longtime", "long-time", "current", "newly", "appointed"})


def title_before_comma(text: str, name_start: int, name_end: int, limit: int) -> TitleMatch:
    """The title of a possessive or article phrase that ends in a comma right before the name
    at ``name_start``, with the owner as the affiliation where it is named; nothing unless
    the name closes the apposition (a comma or a full stop after it)."""
    after = text[name_end : name_end + 2].lstrip(" ")
    if after and after[0] not in CLOSERS and after[0] != "\n":
        return TitleMatch()
    lex = lexicon()
    words = words_in(text, limit, name_start)
    if len(words) < 2 or words[-1].text != ",":
        return TitleMatch()
    remit = _remit(words, len(words) - 2, lex)
    window: list[Word] = []
    i = len(words) - 2 - len(remit)
    while i >= 0 and len(window) < MOST_WORDS and _title_or_body_word(words[i], lex):
        window.insert(0, words[i])
        i -= 1
    if not window or window[-1].norm not in lex.heads:
        return TitleMatch()
    named = _named_owner(words, i, lex)  # "The United Nations envoy": the owner is named
    i -= len(named)
    while i >= 0 and words[i].norm in TENURE:
        i -= 1
    if i < 0:
        return TitleMatch()
    opener = words[i]
    owner: list[Word] = []
    if is_possessive(opener) and not named:  # "Velden's" names the owner; "the union's" not
        owner = trailing_run(words[max(0, i - 4) : i], lex)
    elif not (opener.norm in OPENERS or _plural_possessive(words, i)):  # "The rebels' leader"
        return TitleMatch()
    title, affiliation, span = read_window(text, [*named, *window, *remit], lex)
    if title is None:
        return TitleMatch()
    if owner:
        affiliation, span = text[owner[0].start : owner[-1].end], None
    if affiliation is not None:
        affiliation = place_of(affiliation, lex)
    return TitleMatch((title,), affiliation, span, None)


def _title_or_body_word(word: Word, lex: Lexicon) -> bool:
    """A word of a title, or a common noun for the holder's body: "a company spokeswoman"."""
    return lex.is_vocab(word.norm) or _body_noun(word)


def _remit(words: list[Word], i: int, lex: Lexicon) -> list[Word]:
    """The named remit that ends the title at ``words[i]``: "for Saresh" of "The United
    Nations envoy for Saresh,", "of State" of "The Secretary of State,"."""
    j = i
    while j >= 0 and i - j < 4 and words[j].text[:1].isalpha() and words[j].capitalised:
        if lex.is_stop(words[j]):
            break
        j -= 1
    if j == i:
        return []
    if j >= 0 and words[j].norm == "the":
        j -= 1
    if j >= 1 and words[j].norm in {"for", "of"} and words[j - 1].norm in lex.heads:
        return words[j : i + 1]
    return []


def _named_owner(words: list[Word], i: int, lex: Lexicon) -> list[Word]:
    """The capitalised name between an article and a title that ends at ``words[i]``:
    "United Nations" of "The United Nations envoy"."""
    run: list[Word] = []
    k = i
    while k >= 0 and len(run) < 4 and _name_word(words[k], lex):
        run.insert(0, words[k])
        k -= 1
    return run if run and k >= 0 and words[k].norm in _DETERMINERS else []


def _name_word(word: Word, lex: Lexicon) -> bool:
    return (
        word.capitalised
        and word.text[0].isalpha()
        and not lex.is_vocab(word.norm)
        and not lex.is_stop(word)
    )


def _possessive_in_name(words: list[Word], j: int) -> bool:
    """``words[j]`` is a possessive inside a name: the "'s" of "Moody's Analytics"."""
    return (
        j + 1 < len(words)
        and is_possessive(words[j])
        and words[j + 1].capitalised
        and words[j + 1].text[0].isalpha()
    )


def _owned_body(words: list[Word], j: int) -> bool:
    """``words[j]`` is a possessive before a common noun for a body: "'s party"."""
    return j + 1 < len(words) and is_possessive(words[j]) and _body_noun(words[j + 1])


def _body_noun(word: Word) -> bool:
    return word.text.islower() and word.norm in _BODY_NOUNS


def _past_epithets(words: list[Word], j: int, lex: Lexicon) -> int:
    """The index after one or two lower-case words that describe the body named after them
    ("nationalist" of "the nationalist Homeland party"); ``j`` where no name follows."""
    k = j
    while k < len(words) and k - j < 2 and words[k].text.isalpha() and words[k].text.islower():
        if lex.is_stop(words[k]) or _body_noun(words[k]):
            return j
        k += 1
    return k if k > j and k < len(words) and words[k].capitalised else j


def _plural_possessive(words: list[Word], i: int) -> bool:
    """``words[i]`` is the apostrophe of a plural possessive: "The rebels' …"."""
    word = words[i]
    return (
        word.text in {"'", "\u2019"}
        and i > 0
        and words[i - 1].end == word.start
        and words[i - 1].text.endswith("s")
    )


def _field_of(
    words: list[Word], window: list[Word], i: int, lex: Lexicon
) -> tuple[list[Word], int, bool]:
    """A title's field in plain words after "of" ("a professor of clinical epidemiology at
    …", "director of communications,"): the window with the field taken in, the next word's
    index and whether the sentence ended with the field."""
    if i >= len(words) or words[i].norm != "of":
        return window, i, False
    field: list[Word] = []
    j, closed = i + 1, False
    while j < len(words) and len(field) < _MAX_FIELD and not closed:
        word = words[j]
        closed = word.text.endswith(".")  # "a professor of nutrition. He said …"
        bare = word.text[:-1] if closed else word.text
        if not (bare.isalpha() and bare.islower()) or lex.is_stop(word):
            closed = False
            break
        field.append(Word(word.start, word.start + len(bare), bare))
        j += 1
    if not field:
        return window, i, False
    return [*window, words[i], *field], j, closed


# what makes the words after a name its title, besides a comma: "X was elected mayor of
# Lyon", "X became chief executive"
_BECAME = (
    ("was", "elected"),
    ("was", "re-elected"),
    ("was", "appointed"),
    ("was", "named"),
    ("was", "sworn", "in", "as"),
    ("became",),
)


def _opening(words: list[Word]) -> int | None:
    """Where an apposition's or a predicate's title starts after a name, if anywhere."""
    if len(words) >= 2 and words[0].text == ",":
        return 1
    for lead in _BECAME:
        if tuple(w.norm for w in words[: len(lead)]) == lead:
            return len(lead) + (len(words) > len(lead) and words[len(lead)].norm == "as")
    return None


def title_after(text: str, name_end: int, limit: int) -> TitleMatch:
    """A title in apposition after a name: "Lloyd Austin, the defense secretary, said".

    Also "X, a spokesman for the National Security Council" (affiliation from the "for"
    phrase), the party-state tag "Sen. Elizabeth Warren, D-Mass." and a title the name
    takes on ("X was elected mayor of Lyon", "X became chief executive").
    """
    lex = lexicon()
    words = words_in(text, name_end, limit)
    i = _opening(words)
    if i is None or i >= len(words):
        return TitleMatch()
    taken_on = words[0].text != ","  # a predicate's title ends anywhere: "… mayor in 2020"
    if _PARTY_RE.match(words[i].text):
        tag = words[i]
        return TitleMatch(affiliation=tag.text, region=(tag.start, tag.end))
    owner: list[Word] = []
    if words[i].norm in _DETERMINERS:
        i += 1
        if i + 1 < len(words) and words[i].text.islower() and is_possessive(words[i + 1]):
            i += 2  # "the club's medical director": a title of the club's, whoever it is
    k = i
    while k < len(words) and words[k].capitalised and k - i < 5:
        k += 1
    if i < k < len(words) and is_possessive(words[k]):
        # "President Biden's national security adviser", "the WHO's regional director":
        # the owner is "Biden", "WHO".
        named = words[i:k]
        owner = with_qualifiers(named, trailing_run(named, lex), lex)  # "State Department"
        i = k + 1
    window: list[Word] = []
    closed = False  # the sentence ended inside the apposition: what follows is not its
    while i < len(words) and len(window) < MAX_WINDOW:
        w = words[i]
        if lex.is_vocab(w.norm) or (w.capitalised and not lex.is_stop(w) and w.norm.isalpha()):
            if ends_sentence(w, lex):  # "a campaign aide." ends the apposition
                window.append(Word(w.start, w.end - 1, w.text[:-1]))
                i += 1
                closed = True
                break
            window.append(w)
            i += 1
        else:
            break
    if not window or window[-1].norm not in lex.heads:
        return TitleMatch()
    if not closed:
        window, i, closed = _field_of(words, window, i, lex)
    affiliation: str | None = None
    aff_span: tuple[int, int] | None = None
    if not closed and i < len(words) and words[i].norm in _APPOSITION_LINKS:
        j = i + 1
        if j < len(words) and words[j].norm == "the":
            j += 1
        j = _past_epithets(words, j, lex)  # "the nationalist Homeland party"
        comp: list[Word] = []
        while j < len(words):
            if comp and words[j].norm in _NAME_LINKS and j + 1 < len(words):
                if not (words[j + 1].capitalised and words[j + 1].text[0].isalpha()):
                    break
                comp.append(words[j])  # "the University of Texas", "Center for … Rights"
                j += 1
            elif comp and _possessive_in_name(words, j):  # "at Moody's Analytics"
                comp.append(words[j])
                j += 1
                continue
            elif comp and _owned_body(words, j):  # "a spokeswoman for Moreau's party"
                comp.extend(words[j : j + 2])
                j += 2
                closed = comp[-1].text.endswith(".")
                break
            elif comp and _body_noun(words[j]):  # "the Homeland party"
                comp.append(words[j])
                j += 1
                closed = comp[-1].text.endswith(".")
                break
            elif not (words[j].capitalised and words[j].text[0].isalpha()):
                break
            comp.append(words[j])
            j += 1
            if ends_sentence(comp[-1], lex):  # "an analyst at Berenberg. He said …"
                closed = True
                break
        if not comp:
            return TitleMatch()
        affiliation = text[comp[0].start : comp[-1].end].rstrip(".")
        named = [w for w in comp if w.capitalised]  # the entity: "Homeland" of "… party"
        aff_span = (comp[0].start, min(comp[0].start + len(affiliation), named[-1].end))
        i = j
    elif not closed:
        i, closed = _place_after(words, i, lex)
    if (
        not closed
        and not taken_on
        and i < len(words)
        and words[i].norm not in _APPOSITION_ENDS
        and words[i].text not in (_APPOSITION_ENDS)
    ):
        return TitleMatch()
    title, pre_aff, pre_span = read_window(text, window, lex)
    if title is None:
        return TitleMatch()
    if owner:
        affiliation = text[owner[0].start : owner[-1].end]
        aff_span = None
    elif pre_aff is not None:
        affiliation, aff_span = pre_aff, pre_span
    if affiliation is not None:
        affiliation = place_of(affiliation, lex)
    return TitleMatch((title,), affiliation, aff_span, None)


def _place_after(words: list[Word], i: int, lex: Lexicon) -> tuple[int, bool]:
    """Skip the place where the holder works, "in Iasi" of "a paediatrician in Iasi,": the
    next word's index and whether the sentence ended with the place."""
    if i >= len(words) or words[i].norm != "in":
        return i, False
    j = i + 1
    while j < len(words) and j - i <= 4 and words[j].capitalised and words[j].text[0].isalpha():
        j += 1
        if ends_sentence(words[j - 1], lex):
            return j, True
    return (j, False) if j > i + 1 else (i, False)
