"""Text → facts: the one orchestrator.

ingest (read, decode, HTML) → clean (checks, litter, title, byline) → nlp (parse the
body only) → extract (entities, attributions, times, events) → ArticleFacts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from newsfacts.clean import Cleaned, clean_text
from newsfacts.clean.quality import check_text
from newsfacts.errors import EmptyInputError, InputError, NewsfactsError, TimeLimitError
from newsfacts.ingest import Document
from newsfacts.models import ArticleFacts, Metadata
from newsfacts.settings import Settings
from newsfacts.time_limit import time_limit


@dataclass(frozen=True)
class Prepared:
    """A document checked and cleaned, ready for NLP (or to be reported as is)."""

    document: Document
    cleaned: Cleaned
    metadata: Metadata
    warnings: tuple[str, ...]


def prepare(document: Document, settings: Settings) -> Prepared:
    """Check the text, mark its body and merge metadata. Raises InputError subclasses."""
    warnings = list(document.warnings) + check_text(document.text, settings)
    cleaned = clean_text(document.text, settings)
    if not cleaned.body:
        raise EmptyInputError("no article body found in the text")
    return Prepared(
        document, cleaned, _metadata(document.metadata, cleaned, settings), tuple(warnings)
    )


def _metadata(found: Metadata, cleaned: Cleaned, settings: Settings) -> Metadata:
    return replace(
        found,
        title=found.title or cleaned.title,
        authors=found.authors or cleaned.authors,
        outlet=found.outlet or cleaned.agency,
        published=found.published or cleaned.published or settings.published,
        language=found.language or "en",
    )


def extract_prepared(prepared: Prepared) -> ArticleFacts:
    """The facts that need no NLP: text, body and metadata."""
    return ArticleFacts(
        input=prepared.document.input,
        text=prepared.document.text,
        body=prepared.cleaned.body,
        metadata=prepared.metadata,
        warnings=prepared.warnings,
    )


@dataclass(frozen=True)
class Failure:
    """An input that could not be analysed, with a one-line message for the user."""

    input: str
    message: str


def analyze_prepared(prepared: Prepared, settings: Settings) -> ArticleFacts:
    result = next(iter(analyze_many([prepared], settings)))
    if isinstance(result, Failure):
        raise NewsfactsError(result.message)
    return result


def analyze_many(items: Iterable[Prepared], settings: Settings) -> Iterator[ArticleFacts | Failure]:
    """Parse bodies in batches and run every extractor; yields results in input order.

    An extractor failing on one article yields a Failure for it and the batch goes on.
    """
    from newsfacts.extract.attribution import extract_attributions
    from newsfacts.extract.entities import extract_entities
    from newsfacts.extract.events import extract_events
    from newsfacts.extract.roles import LSTM_ROLES_KEY, lstm_tagger, role_tagger, tag_roles
    from newsfacts.extract.sourcing import sourcing_profile
    from newsfacts.extract.times import extract_times
    from newsfacts.nlp.fast_ops import one_blas_thread
    from newsfacts.nlp.loader import load_pipeline, parse_many

    nlp = load_pipeline(settings)
    batch = list(items)
    with one_blas_thread():
        docs = list(
            parse_many(
                nlp,
                ((p.document.text, p.cleaned.body) for p in batch),
                batch_size=settings.batch_size,
            )
        )
        tagger = role_tagger(settings)  # an encoder that cannot load stops here, clearly
        # the encoder tagger also takes the LSTM tagger's content (role_frames)
        lstm = (
            lstm_tagger(second_opinion=True)
            if settings.role_tagger == "encoder" and tagger
            else None
        )
        if tagger is not None:
            try:
                tag_roles(docs, tagger)
                if lstm is not None:
                    tag_roles(docs, lstm, LSTM_ROLES_KEY)
            except Exception:  # noqa: BLE001, S110 - each article is tagged again below on its
                pass  # own, so a failure is reported for the article that has it
    for prepared, doc in zip(batch, docs, strict=True):
        published = _date(prepared.metadata.published)
        try:
            with time_limit(settings.article_time_limit):  # no input may stall a run
                entities = extract_entities(doc, settings)
                authors = prepared.metadata.authors
                attributions = extract_attributions(doc, entities, settings, authors)
                times = extract_times(doc, published, settings)
                events = extract_events(doc, entities, attributions, times, settings)
                sourcing = sourcing_profile(attributions, entities, prepared.cleaned.body)
        except TimeLimitError as err:
            yield Failure(prepared.document.input, str(err))
            continue
        except Exception as err:  # noqa: BLE001 - one bad article must not end a batch
            yield Failure(prepared.document.input, f"analysis failed: {type(err).__name__}: {err}")
            continue
        yield replace(
            extract_prepared(prepared),
            entities=tuple(entities),
            attributions=tuple(attributions),
            times=tuple(times),
            events=tuple(events),
            sourcing=sourcing,
        )


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_published(value: str | None) -> str | None:
    """Validate a user-given publication date (YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as err:
        raise InputError(f"publication date must be YYYY-MM-DD, got {value!r}") from err


def text_document(text: str, input_name: str = "<text>") -> Document:
    return Document(
        input=input_name,
        text=text,
        metadata=Metadata(),
        is_html=False,
        encoding="utf-8",
        warnings=(),
    )


def analyze_text(text: str, settings: Settings, input_name: str = "<text>") -> ArticleFacts:
    return analyze_prepared(prepare(text_document(text, input_name), settings), settings)


def extract_text(text: str, settings: Settings, input_name: str = "<text>") -> ArticleFacts:
    return extract_prepared(prepare(text_document(text, input_name), settings))


__all__ = [
    "Failure",
    "NewsfactsError",
    "Prepared",
    "analyze_many",
    "analyze_prepared",
    "analyze_text",
    "extract_prepared",
    "extract_text",
    "parse_published",
    "prepare",
]
