"""HTML → article text and metadata, through trafilatura."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement

from newsfacts.errors import EmptyInputError
from newsfacts.models import Metadata

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MIN_ARTICLE_WORDS = 10  # fewer extracted words means trafilatura found menus, not an article

_SNIFF = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\|)\s*", re.IGNORECASE)
_BY = re.compile(r"^by\s+", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_].*)?$")
_WORD = re.compile(r"\w+")


def is_html(name: str, head: str, media_type: str | None = None) -> bool:
    """Decide by the media type (URLs), the file name's suffix, or the start of the text."""
    if media_type is not None and media_type in HTML_MEDIA_TYPES:
        return True
    path = urlsplit(name).path if "://" in name else name
    suffixes = PurePosixPath(path.replace("\\", "/")).suffixes
    if suffixes and suffixes[-1].lower() == ".gz":
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1].lower() in HTML_SUFFIXES:
        return True
    return bool(_SNIFF.match(head[:4096]))


def extract_article(html: str, name: str, url: str | None = None) -> tuple[str, Metadata]:
    """The article text (paragraphs on their own lines) and the page's metadata.

    Raises EmptyInputError when the page holds no article text.
    """
    tree = trafilatura.load_html(html)
    if tree is None:
        raise EmptyInputError(f"no article text found in {name} (the HTML could not be parsed)")
    language = _language(tree)
    found = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(found, "text", None) or "").strip()
    words = len(_WORD.findall(text))
    if found is None or words < MIN_ARTICLE_WORDS:
        raise EmptyInputError(
            f"no article text found in {name} (only {words} words could be extracted)"
        )
    metadata = Metadata(
        title=_clean(getattr(found, "title", None)),
        authors=split_authors(getattr(found, "author", None)),
        published=_date(getattr(found, "date", None)),
        outlet=_clean(getattr(found, "sitename", None)),
        url=_clean(getattr(found, "url", None)) or url,
        language=language,
    )
    return text, metadata


def split_authors(value: str | None) -> tuple[str, ...]:
    """'By Jane Smith and John Doe; AP' → ('Jane Smith', 'John Doe', 'AP')."""
    if not value:
        return ()
    names: list[str] = []
    for part in _AUTHOR_SPLIT.split(value):
        part = _BY.sub("", part.strip())
        if part and part not in names:
            names.append(part)
    return tuple(names)


def _language(tree: HtmlElement) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath(
        "//meta[translate(@http-equiv,'CONTENTLANGUAGE','contentlanguage')"
        "='content-language']/@content"
    )
    candidates += tree.xpath("//meta[@property='og:locale']/@content")
    for value in candidates:
        match = _LANG.match(str(value).strip()) if value else None
        if match:
            return match.group(1).lower()
    return None


def _date(value: str | None) -> str | None:
    return value[:10] if value and _ISO_DATE.match(value) else None


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None
