"""Link the mentions of one article into entities.

People: a shorter form ("Austin", "Hillary") joins the person whose fuller name it fits
(same last word, or the first name alone; of several, the one named most so far); a fuller
form upgrades the name. A title
used with a full name and later alone with "the" ("the Pentagon chief") is one more mention.
Everything else: mentions join when their normalised names, or the names in the alias table,
agree ("U.S." = "the United States"), and acronyms join their long form ("Islamic State
(ISIS)", "NATO").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from newsfacts.extract.first_names import first_name_sexes, honorific_sex

_NON_PERSON_FOR_SURNAME = frozenset({"GPE", "LOC", "FAC"})
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)")
_INITIAL_SKIP = frozenset({"of", "the", "and", "for", "to", "&", "in", "on"})
# lowercase words inside a family name ("Ursula von der Leyen", "Ludwig van Beethoven")
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "bin", "ibn"})


@dataclass
class Mention:
    """A stretch of text naming something, with what was found around it."""

    start: int
    end: int
    label: str
    titles: tuple[str, ...] = ()
    affiliation: str | None = None
    weak: bool = False  # words the tagger read as common words ("Limited Tools")


@dataclass
class Cluster:
    """One entity while mentions are being linked."""

    mentions: list[Mention] = field(default_factory=list)
    key: str = ""

    def label(self) -> str:
        counts = Counter(m.label for m in self.mentions)
        best = max(counts.values())
        return next(m.label for m in self.mentions if counts[m.label] == best)

    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def last(self) -> int:
        return max(m.start for m in self.mentions)


def normalise(name: str) -> str:
    """Comparison form: lowercase, dots dropped, curly quotes straightened, spaces squeezed."""
    out = name.replace("’", "'").replace(".", "").lower()
    out = re.sub(r"^(the|a|an)\s+", "", out)
    out = re.sub(r"'s$", "", out)
    return " ".join(out.split())


@lru_cache(maxsize=1)
def alias_table() -> dict[str, str]:
    """Variant (normalised) -> canonical key, from ``entity_aliases.json``."""
    raw = json.loads(
        resources.files("newsfacts.data").joinpath("entity_aliases.json").read_text("utf-8")
    )
    table: dict[str, str] = {}
    for key, variants in raw.items():
        if key.startswith("_"):
            continue
        table[normalise(key)] = normalise(key)
        for v in variants:
            table[normalise(v)] = normalise(key)
    return table


def _name_tokens(name: str) -> list[str]:
    return [re.sub(r"^(al|el)-", "", t) for t in normalise(name).split()]


def _fits(short: list[str], full: list[str]) -> bool:
    """Whether the name ``short`` can be a shorter form of ``full``."""
    if not short or len(short) >= len(full):
        return short == full
    if short[-1] == full[-1]:
        it = iter(full)
        return all(t in it for t in short)  # an in-order subsequence
    return len(short) == 1 and short[0] == full[0]


def link_people(text: str, mentions: list[Mention]) -> list[Cluster]:
    """Group PERSON mentions; each shorter form joins a fitting fuller name (``_pick``)."""
    clusters: list[Cluster] = []
    names: list[list[str]] = []  # the fullest tokens per cluster
    for m in sorted(mentions, key=lambda m: m.start):
        toks = _name_tokens(text[m.start : m.end])
        fitting = [n for n, name in enumerate(names) if _fits(toks, name) or _fits(name, toks)]
        best = _pick(text, m, fitting, clusters, names)
        if best is None:
            clusters.append(Cluster([m]))
            names.append(toks)
        else:
            clusters[best].mentions.append(m)
            if len(toks) > len(names[best]):
                names[best] = toks
    return clusters


def _pick(
    text: str, m: Mention, fitting: list[int], clusters: list[Cluster], names: list[list[str]]
) -> int | None:
    """Of the people a name fits, the one it means: where several share it ("Mr. Clinton"
    after Hillary and Bill Clinton), one its honorific's sex allows, then the one named most
    so far (a passing "his brother, Fred Trump," does not take the next "Mr. Trump" from the
    article's Donald Trump), then the one named last."""
    sex = honorific_sex(text, m.start)
    if sex is not None and len(fitting) > 1:
        fitting = [n for n in fitting if _cluster_sex(text, clusters[n], names[n]) in (sex, None)]
    if not fitting:
        return None
    return max(fitting, key=lambda n: (len(clusters[n].mentions), clusters[n].last()))


def _cluster_sex(text: str, cluster: Cluster, name: list[str]) -> str | None:
    """The sex an honorific before a mention, or else the first name, says; None if unsaid."""
    for mention in cluster.mentions:
        sex = honorific_sex(text, mention.start)
        if sex is not None:
            return sex
    return first_name_sexes().get(name[0]) if len(name) > 1 else None


def _could_abbreviate(short: str, name: str) -> bool:
    """An acronym in brackets after a name: two capitals or more, the first the initial of
    the name's first word that counts ("Islamic State (ISIS)"; not "Brussels (Reuters)",
    "WASHINGTON (AP)")."""
    words = [w for w in name.split() if w.lower() not in _INITIAL_SKIP]
    capitals = sum(c.isupper() for c in short)
    return capitals >= 2 and bool(words) and words[0][0].upper() == short[0]


# a company's legal form or kind, left off after the first mention ("Velden AG" …
# "Velden", "Arlen Pharma" … "Arlen"); not words that name places too ("New York Times")
LEGAL_FORMS = frozenset(
    {"ag", "se", "sa", "nv", "bv", "plc", "inc", "corp", "ltd", "llc", "gmbh", "spa", "ab", "asa"}
)
COMPANY_SUFFIXES = LEGAL_FORMS | frozenset(
    {"pharma", "pharmaceuticals", "therapeutics", "biosciences", "holdings", "holding"}
    | {"partners", "group", "motors", "airlines", "airways", "industries", "technologies"}
    | {"capital", "investments", "ventures", "power", "energy"}
)  # (not "Corporation": the C of FDIC, BBC)


_LINKS = frozenset({"of", "and", "&", "for"})


def without_company_suffix(key: str) -> str:
    """A normalised organisation name without its last word where that is a company's
    legal form or kind."""
    words = key.rstrip(",").split()
    if len(words) >= 2 and words[-1] in COMPANY_SUFFIXES and words[-2] not in _LINKS:
        return " ".join(words[:-1]).rstrip(",")
    return key  # (not "Ministry of Trade, Industry and Energy", "Department of Energy")


def link_others(
    text: str, mentions: list[Mention], extra: dict[str, str] | None = None
) -> list[Cluster]:
    """Group non-person mentions by normalised name, alias table, ``extra`` and acronym."""
    table = {**alias_table(), **(extra or {})}
    acronyms: dict[str, str] = {}
    for m in mentions:
        found = _ACRONYM_AFTER.match(text, m.end)
        if found and _could_abbreviate(found.group(1), text[m.start : m.end]):
            long_key = table.get(normalise(text[m.start : m.end]), normalise(text[m.start : m.end]))
            acronyms.setdefault(normalise(found.group(1)), long_key)
    by_key: dict[str, Cluster] = {}
    initials: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        surface = text[m.start : m.end]
        key = without_company_suffix(normalise(surface))
        key = acronyms.get(key, table.get(key, key))
        if key not in by_key and surface.replace(".", "").isupper():
            key = initials.get(key.replace(" ", ""), key)
        cluster = by_key.get(key)
        if cluster is None:
            cluster = by_key[key] = Cluster([], key)
            words = [w for w in key.split() if w not in _INITIAL_SKIP]
            if len(words) >= 2:
                initials.setdefault("".join(w[0] for w in words), key)
        cluster.mentions.append(m)
    return list(by_key.values())


def link_mentions(
    text: str,
    people: list[Mention],
    others: list[Mention],
    extra: dict[str, str] | None = None,
) -> list[Cluster]:
    """All clusters of an article: people first, then the rest (``extra``: more aliases).

    A non-person mention that is exactly a known person's surname ("Trump" tagged ORG), or
    failing that the first word of the name ("Wang" for Wang Yi, whose family name comes
    first), is taken as that person, except for places ("Austin, Texas" stays a place).
    """
    person_clusters = link_people(text, people)
    surnames: dict[str, Cluster] = {}
    first_words: dict[str, Cluster] = {}
    # of people sharing a family name, the one named most takes it (``_pick``)
    for c in sorted(person_clusters, key=lambda c: (len(c.mentions), -c.first())):
        for m in c.mentions:
            words = text[m.start : m.end].split()
            if len(words) >= 2:
                surnames[words[-1]] = c
                first_words[words[0]] = c
                family = _particle_family_name(words)
                if family:
                    surnames[family] = surnames[family[0].upper() + family[1:]] = c
    for word, c in first_words.items():
        surnames.setdefault(word, c)
    rest: list[Mention] = []
    for m in others:
        owner = surnames.get(text[m.start : m.end])  # exact surface: "U.N." is no "Un"
        place = m.label in _NON_PERSON_FOR_SURNAME and reads_as_place(text, m)
        if owner is not None and not place and m.start > owner.first():
            owner.mentions.append(Mention(m.start, m.end, "PERSON"))
        else:
            rest.append(m)
    return person_clusters + link_others(text, rest, extra)


_PLACE_WORD_BEFORE = re.compile(
    r"\b(?:in|at|from|near|to|into|across|outside|around|of|via|toward|towards)\s+$", re.I
)
_REGION_AFTER = re.compile(r",\s+[A-Z][A-Za-z.]*(?![A-Za-z.'’])")  # not "Lee, Kestrel’s chief"


def reads_as_place(text: str, m: Mention) -> bool:
    """A surname-like name the entity tagger took for a place, where the words around it
    make it one ("in Austin", "Austin, Texas"), not where it acts ("Austin's office",
    "that Austin had criticised")."""
    if text[m.end : m.end + 2] in ("'s", "’s"):
        return False  # "of Lund’s career": the person's
    before = _PLACE_WORD_BEFORE.search(text, max(0, m.start - 12), m.start)
    return before is not None or _REGION_AFTER.match(text, m.end) is not None


def _particle_family_name(words: list[str]) -> str | None:
    """ "von der Leyen" of "Ursula von der Leyen": the family name from its first particle."""
    for i in range(1, len(words) - 1):
        if words[i] in NAME_PARTICLES:
            return " ".join(words[i:])
    return None


def person_name(text: str, cluster: Cluster) -> str:
    """The fullest form of a person's name among the cluster's mentions."""
    best = max(cluster.mentions, key=lambda m: (len(text[m.start : m.end].split()), -m.start))
    return text[best.start : best.end]


def other_name(text: str, cluster: Cluster) -> str:
    """The longest form of a non-person name among the cluster's mentions."""
    best = max(cluster.mentions, key=lambda m: (m.end - m.start, -m.start))
    return text[best.start : best.end]


def title_alias_mentions(
    text: str,
    clusters: list[Cluster],
    taken: list[tuple[int, int]],
) -> None:
    """Add "the <title>" mentions to the person who carried that title earlier.

    "Pentagon chief Lloyd Austin ... the Pentagon chief said" -> "Pentagon chief" is one more
    mention of Lloyd Austin. The span excludes "the". ``taken`` holds character ranges (titles
    before names, existing mentions) where no alias may start.
    """
    holders: dict[str, list[tuple[int, Cluster]]] = {}
    for c in clusters:
        for m in c.mentions:
            for t in m.titles:
                holders.setdefault(t.lower(), []).append((m.start, c))
    if not holders:
        return
    pattern = re.compile(
        r"\bthe\s+("
        + "|".join(re.escape(t) for t in sorted(holders, key=len, reverse=True))
        + r")\b",
        re.IGNORECASE,
    )
    for found in pattern.finditer(text):
        s, e = found.start(1), found.end(1)
        if any(a <= s < b or s <= a < e for a, b in taken):
            continue
        # Followed by a capitalised word: a title in front of some other name, not an alias.
        after = text[e : e + 2]
        if after[:1] == " " and after[1:2].isupper():
            continue
        earlier = [(pos, c) for pos, c in holders[found.group(1).lower()] if pos < s]
        if not earlier:
            continue
        owner = max(earlier, key=lambda pc: pc[0])[1]
        owner.mentions.append(Mention(s, e, "PERSON"))


def surname_mentions(
    text: str,
    clusters: list[Cluster],
    taken: list[tuple[int, int]],
    is_name: Callable[[int, int], bool],
) -> None:
    """Add each later use of a person's family name alone that the entity tagger missed
    ("Judge Harriet Colquitt … Colquitt, an appointee of …"), to the person named so
    most recently. ``is_name`` says whether the words at a range read as a name there
    (not "Young" opening a sentence); ``taken`` holds ranges already mentions or titles."""
    holders: dict[str, list[tuple[int, Cluster]]] = {}
    for c in clusters:
        for m in c.mentions:
            words = text[m.start : m.end].split()
            if len(words) >= 2 and words[-1][:1].isupper():
                holders.setdefault(words[-1], []).append((m.start, c))
    if not holders:
        return
    pattern = re.compile(
        r"(?<![\w.-])("
        + "|".join(re.escape(n) for n in sorted(holders, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for found in pattern.finditer(text):
        s, e = found.span(1)
        if any(a < e and s < b for a, b in taken):
            continue
        if _inside_name(text, s, e) or not is_name(s, e):
            continue
        earlier = [(pos, c) for pos, c in holders[found.group(1)] if pos < s]
        if earlier:
            max(earlier, key=lambda pc: pc[0])[1].mentions.append(Mention(s, e, "PERSON"))


_WORD_BEFORE = re.compile(r"(\S+) $")
_WORD_AFTER = re.compile(r" (\S+)")


def _inside_name(text: str, start: int, end: int) -> bool:
    """The word at ``start:end`` is part of a longer name: "Ivanka Trump", "Colquitt
    Street" (a title or a sentence's end before it does not count: "Mr. Trump")."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before and before.group(1)[0].isupper() and not before.group(1).endswith("."):
        return True
    after = _WORD_AFTER.match(text, end)
    return bool(after and after.group(1)[0].isupper())
