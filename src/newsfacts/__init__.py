"""newsfacts: attributed, offset-anchored facts from raw news.

    >>> import newsfacts
    >>> facts = newsfacts.analyze(text, published="2024-07-25")
    >>> [e.name for e in facts.entities if e.type == "PERSON"]

Importing the package builds nothing; the spaCy model loads on the first ``analyze``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsfacts.errors import NewsfactsError
from newsfacts.settings import Settings

if TYPE_CHECKING:
    from newsfacts.models import ArticleFacts

__version__ = "0.1.0"


def analyze(
    text: str,
    published: str | None = None,
    *,
    settings: Settings | None = None,
    input: str = "<text>",
) -> ArticleFacts:
    """Analyse one article's text: entities, attributions, times and events."""
    from newsfacts.pipeline import analyze_text

    return analyze_text(text, _settings(settings, published), input)


def extract(
    text: str,
    published: str | None = None,
    *,
    settings: Settings | None = None,
    input: str = "<text>",
) -> ArticleFacts:
    """Clean one article's text and find its metadata, without NLP (fast)."""
    from newsfacts.pipeline import extract_text

    return extract_text(text, _settings(settings, published), input)


def _settings(settings: Settings | None, published: str | None) -> Settings:
    """The caller's settings (or the defaults) with a validated publication date."""
    from newsfacts.pipeline import parse_published

    base = settings or Settings()
    return replace(base, published=parse_published(published) or base.published)


__all__ = ["NewsfactsError", "Settings", "analyze", "extract", "__version__"]
