"""Render an HTML page as a naive scraper would: every visible text node, one block per line."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_SKIP = {"script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object"}
_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "td",
    "th",
    "ul",
    "option",
    "button",
    "label",
    "select",
    "textarea",
    "caption",
    "html",
}
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


def render_html(html: bytes | str) -> str:
    """Visible text of ``html``: inline text joined, each block element on its own line."""
    if isinstance(html, bytes):
        root = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(encoding=_encoding(html)))
    else:
        root = lxml.html.fromstring(html)
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.split("}")[-1].lower()
        if tag in _SKIP or not tag:
            # comments, processing instructions and hidden containers: only their tail shows
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in _BLOCK
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _encoding(data: bytes) -> str:
    """UTF-8 when the bytes decode as such (the benchmark's pages mostly are), else a guess."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return best.encoding if best is not None else "utf-8"
    return "utf-8"
