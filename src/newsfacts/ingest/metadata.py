"""Article metadata from a parsed HTML page: title, authors, date, outlet, URL.

Each source gives its own ``Metadata`` and ``merge`` keeps, field by field, the first
source that has a value, in order of trust: JSON-LD (schema.org articles), then meta tags
(OpenGraph, ``article:*``, Twitter cards, ``author``/``byl``/``parsely-author``...), then
what trafilatura/htmldate found, then a visible "By ..." byline near the headline.
Author names are cleaned on the way in: "By" and job titles go, outlets are not people,
and "Jane Doe and John Roe" is two people.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newsfacts.models import Metadata

_SPACE = re.compile(r"\s+")
_ISO = re.compile(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\b|T)")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T|\s|$)")
_SPLIT = re.compile(r"\s*(?:;|,|&|\+|\|| and | with |/|·|•)\s*", re.IGNORECASE)
_TITLE_SEP = re.compile(r"\s+[|\-–—:·•»]\s+")
_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|de|da|del|der|di|du|la|le|van|von|dos|y)$")
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$|^(?:al|el|as|ash|ad)-[A-ZÀ-ÖØ-Þ][\w'’-]*$")
_BY_LINE = re.compile(r"^(?i:by)\s+[A-ZÀ-ÖØ-Þ]")
_LETTERS = re.compile(r"[^a-z0-9]")
_MAX_BYLINE = 160  # longer "byline" elements are paragraphs, not bylines
_BYLINE_WINDOW = 60  # elements after the headline searched for a visible byline
_MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class _Rules:
    article_types: frozenset[str]
    title_meta: tuple[str, ...]
    site_meta: tuple[str, ...]
    author_meta: tuple[str, ...]
    date_meta: tuple[str, ...]
    url_meta: tuple[str, ...]
    byline_markers: tuple[str, ...]
    byline_prefix: re.Pattern[str]
    cut_words: tuple[str, ...]
    not_names: frozenset[str]
    date_words: frozenset[str]
    roles: re.Pattern[str]
    outlets: frozenset[str]


def page_metadata(
    tree: HtmlElement, url: str | None = None, found: Metadata | None = None
) -> Metadata:
    """The page's metadata, merged in order of trust; ``found`` is trafilatura's own.

    ``url`` (where the page was fetched from) is the last resort for the URL.
    """
    jsonld = json_ld_metadata(tree)
    tags = meta_tag_metadata(tree)
    found = found or Metadata()
    outlet = jsonld.outlet or tags.outlet or found.outlet
    page_title = _text(tree.findtext(".//title"))
    # The site's name as the page's <title> ends ("... - The Mountain Gazette") is no author.
    extra = tuple(n for n in (outlet, _title_site(page_title)) if n)
    titles = [jsonld.title, tags.title, found.title, page_title]
    title = next(
        (strip_site_suffix(t, outlet, url or jsonld.url or tags.url) for t in titles if t), None
    )
    title = _as_headline(title, tree)
    authors = next(
        (
            names
            for names in (
                clean_authors(jsonld.authors, extra),
                clean_authors(tags.authors, extra),
                clean_authors(visible_byline(tree), extra),
                clean_authors(found.authors, extra),
            )
            if names
        ),
        (),
    )
    merged = merge(jsonld, tags, found, Metadata(url=url))
    return replace(merged, title=title or None, authors=authors, outlet=outlet)


def merge(*sources: Metadata) -> Metadata:
    """Field by field, the first source's value that is not empty."""
    values: dict[str, Any] = {}
    for spec in fields(Metadata):
        values[spec.name] = next(
            (getattr(s, spec.name) for s in sources if getattr(s, spec.name)),
            getattr(Metadata(), spec.name),
        )
    return Metadata(**values)


# -- JSON-LD --------------------------------------------------------------------------------
def json_ld_metadata(tree: HtmlElement) -> Metadata:
    """Title, authors, date, publisher and URL of the first schema.org article on the page."""
    rules = _rules()
    for script in tree.xpath("//script[contains(translate(@type,'LDJSON','ldjson'),'ld+json')]"):
        data = _load_json(script.text or "")
        for item in _items(data):
            if not _types(item) & rules.article_types:
                continue
            return Metadata(
                title=_text(item.get("headline") or item.get("name")),
                authors=tuple(_person_names(item.get("author") or item.get("creator"))),
                published=iso_date(
                    _first_text(item.get("datePublished") or item.get("dateCreated"))
                ),
                outlet=_text(_name(item.get("publisher"))),
                url=_absolute(_first_text(item.get("url") or item.get("mainEntityOfPage"))),
            )
    return Metadata()


def _load_json(raw: str) -> Any:
    raw = raw.strip()
    if raw.startswith("<!--") or raw.startswith("//<![CDATA["):
        raw = re.sub(r"^(?://)?(?:<!--|<!\[CDATA\[)|(?://)?(?:-->|\]\]>)$", "", raw).strip()
    try:
        return json.loads(raw, strict=False)
    except ValueError:
        return None


def _items(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD value: lists, ``@graph`` lists, nested ``mainEntity``."""
    if isinstance(data, list):
        for value in data:
            yield from _items(value)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in data:
                yield from _items(data[key])


def _types(item: dict[str, Any]) -> set[str]:
    value = item.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1] for v in values if v}


def _person_names(value: Any) -> Iterator[str]:
    """Names from a JSON-LD author: a string, an object, or a list of either."""
    if isinstance(value, list):
        for item in value:
            yield from _person_names(item)
    elif isinstance(value, dict):
        if _types(value) & {"Organization", "NewsMediaOrganization", "Corporation"}:
            return
        name = _name(value)
        if name:
            yield name
    elif isinstance(value, str) and value.strip():
        yield value


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        return next((n for n in map(_name, value) if n), None)
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            return name
        given, family = value.get("givenName"), value.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            return f"{given} {family}"
        return None
    return value if isinstance(value, str) else None


def _first_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value if isinstance(value, str) else None


# -- meta tags ------------------------------------------------------------------------------
def meta_tag_metadata(tree: HtmlElement) -> Metadata:
    """Metadata from ``<meta>`` tags (OpenGraph, article:*, Twitter cards, bylines) and
    ``itemprop`` attributes; each field from the most trusted tag that has it."""
    rules = _rules()
    tags = _meta_tags(tree)
    authors = [v for key in rules.author_meta for v in tags.get(key, ()) if not _is_url(v)]
    authors += [_text(e.text_content()) or "" for e in tree.xpath("//*[@itemprop='author']")][:3]
    dates = [v for key in rules.date_meta for v in tags.get(key, ())]
    dates += [
        str(v)
        for v in tree.xpath(
            "//*[@itemprop='datePublished']/@content|//time[@itemprop='datePublished']/@datetime"
        )
    ]
    canonical = [str(v) for v in tree.xpath("//link[@rel='canonical']/@href")]
    return Metadata(
        title=_first(tags, rules.title_meta),
        authors=tuple(a for a in authors if a),
        published=next((d for d in map(iso_date, dates) if d), None),
        outlet=next(
            (v for v in (_first(tags, rules.site_meta),) if v and not v.startswith("@")), None
        ),
        url=next(
            (u for u in [*canonical, *(_first(tags, rules.url_meta) or "",)] if _is_url(u)), None
        ),
    )


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """Every ``<meta>`` value by lower-case name/property/itemprop, in page order."""
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = _text(meta.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                found.setdefault(key, []).append(content)
    return found


def _first(tags: dict[str, list[str]], keys: Iterable[str]) -> str | None:
    return next((tags[k][0] for k in keys if tags.get(k)), None)


# -- visible byline -------------------------------------------------------------------------
def visible_byline(tree: HtmlElement) -> tuple[str, ...]:
    """The byline shown on the page: an element marked as a byline/author, or a short
    "By ..." line, nearest after the headline (``<h1>``)."""
    rules = _rules()
    body = tree.find(".//body")
    elements = [e for e in (body if body is not None else tree).iter() if isinstance(e.tag, str)]
    start = next((i for i, e in enumerate(elements) if e.tag == "h1"), 0)
    window = elements[start : start + _BYLINE_WINDOW] + elements[:start]
    marked: list[str] = []
    by_lines: list[str] = []
    for element in window:
        if element.tag in ("script", "style", "noscript", "meta", "link"):
            continue
        text = _text(element.text_content())
        if not text or len(text) > _MAX_BYLINE:
            continue
        labels = " ".join(
            element.get(a) or "" for a in ("class", "id", "itemprop", "rel", "data-testid")
        ).lower()
        if any(marker in labels for marker in rules.byline_markers):
            marked.append(text)
        elif _BY_LINE.match(text):
            by_lines.append(text)
    return tuple(by_lines[:1] or marked[:1])


# -- cleaning -------------------------------------------------------------------------------
def clean_authors(values: Iterable[str], outlets: Iterable[str] = ()) -> tuple[str, ...]:
    """People's names from raw byline strings: 'By Jane Doe and John Roe, Staff Writers'
    → ('Jane Doe', 'John Roe'). Outlets, roles, e-mail addresses and URLs are dropped."""
    rules = _rules()
    not_people = rules.outlets | {_key(o) for o in outlets}
    names: list[str] = []
    for value in values:
        value = _text(value) or ""
        if _is_url(value):
            continue
        value = rules.byline_prefix.sub("", value)
        for part in _SPLIT.split(value):
            name = _clean_name(part, rules)
            if name and _key(name) not in not_people and _key(name) not in {_key(n) for n in names}:
                names.append(name)
    return tuple(names)


def _clean_name(part: str, rules: _Rules) -> str | None:
    part = rules.byline_prefix.sub("", part.strip(" .,:-–—|()[]"))
    lowered = f" {part.lower()} "
    for word in rules.cut_words:
        at = lowered.find(word)
        if at > 0:
            part = part[: at - 1]
            lowered = f" {part.lower()} "
    part = rules.roles.sub("", part).strip(" .,:-–—|")
    words = part.split()
    # "Carrie Arnold November 15": a date after the name is no part of it ("May Lee" is a name).
    cut = next(
        (i for i, w in enumerate(words) if i >= 2 and w.lower().strip(".,") in rules.date_words),
        None,
    )
    if cut is not None:
        words = words[:cut]
        part = " ".join(words)
    if "@" in part or any(c.isdigit() for c in part) or part.lower() in rules.not_names:
        return None
    if part.isupper():
        part = part.title()
        words = part.split()
    if not 2 <= len(words) <= _MAX_NAME_WORDS:
        return None
    if not all(_NAME_TOKEN.match(w) or _PARTICLE.match(w) for w in words):
        return None
    if _PARTICLE.match(words[0]) or _PARTICLE.match(words[-1]):
        return None
    if any(w.lower() in rules.not_names for w in words):
        return None
    return part


def strip_site_suffix(title: str, site: str | None = None, url: str | None = None) -> str:
    """'Harbour deal agreed | The Coastal Herald' → 'Harbour deal agreed'.

    A part before or after a separator goes when it is the site's name or its web address's
    name (the host without 'www.' and the domain suffix); the title itself always stays.
    """
    title = _text(title) or ""
    parts = _TITLE_SEP.split(title)
    if len(parts) < 2:
        return title
    host = _host_key(url)
    site_key = _key(site or "")

    def is_site(part: str) -> bool:
        key = _key(part)
        if not key:
            return False
        if site_key and (key == site_key or key == _key("the " + site_key)):
            return True
        return bool(host) and len(part.split()) <= 4 and (key in host or host in key)

    if is_site(parts[-1]):
        return _TITLE_SEP.split(title)[0] if len(parts) == 2 else _join_before_last(title)
    if is_site(parts[0]):
        return title[_TITLE_SEP.search(title).end() :]  # type: ignore[union-attr]
    return title


def _as_headline(title: str | None, tree: HtmlElement) -> str | None:
    """The page's ``<h1>`` when the title is that headline plus a separator and more."""
    if not title or not _TITLE_SEP.search(title):
        return title
    parts = {_key(p) for p in _TITLE_SEP.split(title)}
    for heading in tree.iter("h1"):
        text = _text(heading.text_content())
        if text and _key(text) in parts:
            return text
    return title


def _title_site(title: str | None) -> str | None:
    """The last part of a title after a separator, when it is short enough to be a name."""
    parts = _TITLE_SEP.split(title or "")
    if len(parts) < 2 or len(parts[-1].split()) > _MAX_NAME_WORDS:
        return None
    return parts[-1]


def _join_before_last(title: str) -> str:
    last = list(_TITLE_SEP.finditer(title))[-1]
    return title[: last.start()]


def iso_date(value: str | None) -> str | None:
    """'2024-03-05T08:30:00+00:00', '2024/3/5', '20240305' → '2024-03-05'; else None."""
    if not value:
        return None
    match = _ISO.match(value) or _COMPACT.match(value)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _key(name: str) -> str:
    key = _LETTERS.sub("", name.lower())
    return key[3:] if key.startswith("the") and len(key) > 6 else key


def _host_key(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url and "://" in url else ""
    labels = [x for x in host.lower().split(".") if x not in ("www", "m", "edition", "amp")]
    # "bbc.co.uk" → "bbc", "nytimes.com" → "nytimes": the longest label before the suffix.
    core = labels[:-1] if len(labels) > 1 else labels
    return max(core, key=len, default="")


def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://", "//", "www."))


def _absolute(value: str | None) -> str | None:
    return value if value and value.lower().startswith(("http://", "https://")) else None


def _text(value: Any) -> str | None:
    """Whitespace collapsed and HTML entities decoded (meta values are often escaped twice)."""
    if not isinstance(value, str):
        return None
    return _SPACE.sub(" ", html.unescape(value)).strip() or None


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = resources.files("newsfacts.data")
    raw: dict[str, Any] = json.loads(data.joinpath("metadata_rules.json").read_text("utf-8"))
    roles = [
        line.strip()
        for line in data.joinpath("metadata_roles.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    outlets = [
        line.strip()
        for line in data.joinpath("outlets.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    prefixes = sorted(raw["byline_prefixes"], key=len, reverse=True)
    role_names = sorted(roles, key=len, reverse=True)
    return _Rules(
        article_types=frozenset(raw["article_types"]),
        title_meta=tuple(raw["title_meta"]),
        site_meta=tuple(raw["site_meta"]),
        author_meta=tuple(raw["author_meta"]),
        date_meta=tuple(raw["date_meta"]),
        url_meta=tuple(raw["url_meta"]),
        byline_markers=tuple(raw["byline_markers"]),
        byline_prefix=re.compile(
            r"^(?:" + "|".join(re.escape(p) for p in prefixes) + r")\b[:\s]*", re.IGNORECASE
        ),
        cut_words=tuple(raw["author_cut_words"]),
        not_names=frozenset(raw["not_names"]),
        date_words=frozenset(raw["date_words"]),
        roles=re.compile(
            r"(?:^|[\s,]+)(?:" + "|".join(re.escape(r) for r in role_names) + r")\s*$",
            re.IGNORECASE,
        ),
        outlets=frozenset(_key(o) for o in outlets),
    )
