"""Corpus commands: ingest articles into a database, then ask it who said what.

A thin layer: ``newsfacts.ingest`` reads, the pipeline analyses, ``newsfacts.store``
stores and answers. Library errors become one-line messages here; the exit status is 1
when any input failed (the others are stored) and 2 for usage errors.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

import click

from newsfacts.errors import InputError, NewsfactsError
from newsfacts.interfaces.boundary import (
    all_attributions_option,
    allow_private_option,
    guard,
    jobs_option,
    tagger_option,
    with_tagger,
)
from newsfacts.models import Metadata
from newsfacts.settings import Settings

if TYPE_CHECKING:  # the store is imported when a corpus command runs, not to build the CLI
    from newsfacts.store import Database, Stored

DEFAULT_URL = "newsfacts.db"  # as newsfacts.store.DEFAULT_URL (a test checks they agree)

QUERY_FORMATS = click.Choice(["text", "json", "csv"])
Row = dict[str, Any]


# -- shared options and plumbing ----------------------------------------------------------
def db_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        "db_url",
        envvar="NEWSFACTS_DB",
        default=DEFAULT_URL,
        show_default=True,
        metavar="URL",
        help="sqlite:///path.db, a path, or postgresql://... (default: $NEWSFACTS_DB).",
    )(command)


def format_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=QUERY_FORMATS, default="text", show_default=True)(
        command
    )


def _query(db_url: str, ask: Callable[[Database], Any]) -> Any:
    from newsfacts.store import open_database

    with open_database(db_url) as db:
        return ask(db)


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv(rows: Sequence[Row], out: IO[str], columns: Sequence[str] | None = None) -> None:
    names = list(columns or (rows[0].keys() if rows else []))
    writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})


def _emit(
    payload: Any,
    fmt: str,
    text: Callable[[Any], Iterator[str]],
    columns: Sequence[str] | None = None,
) -> None:
    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        rows = payload if isinstance(payload, list) else [payload]
        write_csv(rows, out, columns)
    else:
        for line in text(payload):
            out.write(line + "\n")


# -- ingest -------------------------------------------------------------------------------
@dataclass
class IngestReport:
    stored: int = 0
    known: int = 0  # the same text was already in the database
    near_duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def fail(self, name: str, message: str) -> None:
        self.failed.append((name, message))
        click.echo(f"newsfacts: error: {name}: {message}", err=True)

    def count(self, stored: Stored) -> None:
        if not stored.created:
            self.known += 1
            return
        self.stored += 1
        self.near_duplicates += stored.near_duplicate_of is not None

    def as_dict(self) -> Row:
        return {
            "stored": self.stored,
            "already_stored": self.known,
            "near_duplicates": self.near_duplicates,
            "failed": len(self.failed),
        }


SIDECAR_KEYS = ("filename", "file", "input", "name", "id")
SIDECAR_FIELDS = {
    "published": ("publication_date", "published", "date"),
    "outlet": ("publisher", "outlet", "source"),
    "authors": ("author", "authors"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
}


def read_sidecar(path: Path) -> dict[str, Metadata]:
    """Per-file metadata from a TSV with a header (PolNeAR's metadata.tsv, for one).

    Rows are keyed by a ``filename`` (or file/input/name/id) column, matched against an
    input's file name with or without its extension.
    """
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise InputError(f"cannot read metadata file {path}: {err}") from err
    if not rows:
        return {}
    header = {name.strip().casefold(): name for name in rows[0]}
    key = next((header[k] for k in SIDECAR_KEYS if k in header), None)
    if key is None:
        raise InputError(f"metadata file {path} has no {'/'.join(SIDECAR_KEYS)} column")
    found: dict[str, Metadata] = {}
    for row in rows:
        values: dict[str, Any] = {}
        for target, names in SIDECAR_FIELDS.items():
            column = next((header[n] for n in names if n in header), None)
            value = (row.get(column) or "").strip() if column else ""
            if value and value.casefold() not in ("none", "null", "n/a"):
                values[target] = value
        if "published" in values:
            values["published"] = _iso_date(values["published"], path)
        if "authors" in values:
            values["authors"] = tuple(a.strip() for a in values["authors"].split(";") if a.strip())
        found[Path(row[key].strip()).name] = Metadata(**values)
    return found


def _iso_date(value: str, path: Path) -> str:
    from newsfacts.pipeline import parse_published

    published = parse_published(value[:10])
    if published is None:
        raise InputError(f"metadata file {path}: bad date {value!r}")
    return published


def _sidecar_for(name: str, sidecar: dict[str, Metadata]) -> Metadata | None:
    path = Path(name)
    return sidecar.get(path.name) or sidecar.get(path.stem)


def _merged(found: Metadata, extra: Metadata) -> Metadata:
    """The document's own metadata first; the sidecar fills what it lacks."""
    return replace(
        found,
        title=found.title or extra.title,
        authors=found.authors or extra.authors,
        published=found.published or extra.published,
        outlet=found.outlet or extra.outlet,
        url=found.url or extra.url,
    )


def _expand(specs: Sequence[str], report: IngestReport) -> list[str]:
    from newsfacts.ingest import expand_inputs

    names: list[str] = []
    for spec in specs:
        try:
            expanded = expand_inputs([spec])
        except NewsfactsError as err:
            report.fail(spec, str(err))
            continue
        # A metadata sidecar inside an input folder is not an article.
        names.extend(n for n in expanded if n == spec or not n.lower().endswith(".tsv"))
    return names


class _Bar(Protocol):
    def advance(self) -> None: ...

    def grow(self) -> None: ...


class _NoBar:
    def advance(self) -> None:
        pass

    def grow(self) -> None:
        pass


@contextmanager
def _progress(total: int, enabled: bool) -> Iterator[_Bar]:
    """A progress bar with rate and ETA on stderr: ``advance()`` after each article,
    ``grow()`` when an input turns out to hold one more article (a feed, a WARC file)."""
    if not enabled:
        yield _NoBar()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.speed
            return Text(f"{speed:.1f} articles/s" if speed else "… articles/s")

    columns = (
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("ingest", total=total)

        class Shown:
            expected = total

            def advance(self) -> None:
                bar.advance(task)

            def grow(self) -> None:
                self.expected += 1
                bar.update(task, total=self.expected)

        yield Shown()


def ingest_inputs(
    inputs: Sequence[str],
    db: Database,
    settings: Settings,
    *,
    sidecar: dict[str, Metadata] | None = None,
    progress: bool = False,
    jobs: int | None = 1,
) -> IngestReport:
    """Read, analyse and store every input; failures are reported and skipped.

    Texts already in the database are skipped before analysis, and each article is
    committed on its own, so an interrupted run resumes where it stopped.
    """
    from newsfacts.batch import analyze_stream
    from newsfacts.ingest import Document, RecordError, iter_documents
    from newsfacts.pipeline import Failure, Prepared, prepare
    from newsfacts.store import StoreError, content_hash, find_article, store_facts

    report = IngestReport()
    names = _expand(inputs, report)
    with _progress(len(names), progress) as bar:

        def documents() -> Iterator[Document | NewsfactsError]:
            # A feed, a JSONL or a WARC file holds many documents; failed records come as
            # errors (one bad record never ends its file), an input that can't be opened raises.
            for name in names:
                records = iter_documents(
                    name, settings, stdin=sys.stdin.buffer, allow_private=settings.allow_private
                )
                try:
                    for count, record in enumerate(records):
                        if count:
                            bar.grow()
                        yield record
                except NewsfactsError as err:
                    yield RecordError(name, str(err))

        def prepared() -> Iterator[Prepared]:
            for document in documents():
                name = getattr(document, "input", "")
                try:
                    if isinstance(document, NewsfactsError):
                        raise document
                    extra = _sidecar_for(name, sidecar or {})
                    if extra is not None:
                        document = replace(document, metadata=_merged(document.metadata, extra))
                    if find_article(db, content_hash(document.text)) is not None:
                        report.known += 1
                        bar.advance()
                        continue
                    item = prepare(document, settings)
                except StoreError:
                    raise  # the database itself fails: stop
                except NewsfactsError as err:
                    report.fail(name, str(err))
                    bar.advance()
                    continue
                yield item

        for result in analyze_stream(prepared(), settings, jobs, len(names)):
            if isinstance(result, Failure):
                report.fail(result.input, result.message)
            else:
                try:
                    report.count(store_facts(db, result))
                except StoreError as err:
                    report.fail(result.input, str(err))
            bar.advance()
    return report


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date when the input has none.")
@click.option(
    "--metadata",
    "sidecar_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TSV of per-file metadata (filename, publication_date, publisher, author, title).",
)
@click.option("--batch-size", type=click.IntRange(1, 1024), help="Articles parsed per batch.")
@jobs_option
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to print the summary (text on stderr, json on stdout).",
)
@allow_private_option
@tagger_option
@all_attributions_option
def ingest(
    inputs: tuple[str, ...],
    db_url: str,
    published: str | None,
    sidecar_path: Path | None,
    batch_size: int | None,
    jobs: int | None,
    progress: bool | None,
    fmt: str,
    allow_private: bool,
    tagger: str,
    all_attributions: bool,
) -> None:
    """Analyse articles and store their facts in a corpus database.

    INPUT is a file, a directory, a glob, - (stdin) or an http(s) URL. A text already
    stored is skipped (by content hash), so running it again stores nothing twice and an
    interrupted run resumes. Near-duplicates are stored and linked to the first copy.
    """

    def body() -> int:
        from newsfacts.pipeline import parse_published
        from newsfacts.store import open_database

        settings = with_tagger(
            replace(
                Settings(),
                published=parse_published(published),
                allow_private=allow_private,
                all_attributions=all_attributions,
            ),
            tagger,
        )
        if batch_size:
            settings = replace(settings, batch_size=batch_size)
        sidecar = read_sidecar(sidecar_path) if sidecar_path else None
        show = sys.stderr.isatty() if progress is None else progress
        with open_database(db_url) as db:
            report = ingest_inputs(inputs, db, settings, sidecar=sidecar, progress=show, jobs=jobs)
            total = int(db.scalar("SELECT COUNT(*) AS n FROM articles") or 0)
        summary = {**report.as_dict(), "articles_in_database": total}
        if fmt == "json":
            click.echo(json.dumps(summary, indent=2))
        else:
            click.echo(
                f"newsfacts: stored {report.stored} new article(s)"
                f" ({report.near_duplicates} near-duplicate), {report.known} already stored,"
                f" {len(report.failed)} failed; {total} in the database",
                err=True,
            )
        return 1 if report.failed else 0

    guard(body)


# -- questions ----------------------------------------------------------------------------
QUOTE_COLUMNS = (
    "article_id",
    "input",
    "title",
    "published",
    "outlet",
    "speaker",
    "kind",
    "anonymous",
    "content",
    "source",
    "cue",
    "via",
    "confidence",
)


def _when(value: str | None) -> str:
    return value or "(undated)  "


@click.command()
@click.argument("query")
@db_option
@format_option
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
def search(query: str, db_url: str, fmt: str, limit: int) -> None:
    """Full-text search of the stored articles: words, "phrases", OR, -word."""
    from newsfacts.store import search as run_search

    def text(rows: list[Row]) -> Iterator[str]:
        if not rows:
            yield "no matching article"
        for row in rows:
            yield f"{_when(row['published'])}  #{row['article_id']}  {row['title'] or row['input']}"
            yield f"    {row['snippet']}"

    def body() -> int:
        rows = _query(db_url, lambda db: run_search(db, query, limit=limit))
        _emit(rows, fmt, text)
        return 0

    guard(body)


@click.command()
@click.option(
    "--speaker",
    metavar="NAME",
    help='Who said it: a person, an organisation ("the Pentagon"), or words of the source.',
)
@click.option("--about", metavar="TEXT", help="Full-text query on what was said.")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before.")
@click.option("--anonymous/--named", default=None, help="Only unnamed (or only named) sources.")
@click.option("--limit", type=click.IntRange(1), help="At most this many quotes.")
@db_option
@format_option
def quotes(
    speaker: str | None,
    about: str | None,
    since: str | None,
    until: str | None,
    anonymous: bool | None,
    limit: int | None,
    db_url: str,
    fmt: str,
) -> None:
    """Quotes and claims with their article, date and text, oldest first."""
    from newsfacts.store import quotes as run_quotes

    def text(rows: list[Row]) -> Iterator[str]:
        if not rows:
            yield "no matching quote"
        for row in rows:
            tags = row["kind"] + (", anonymous" if row["anonymous"] else "")
            where = row["title"] or row["input"]
            yield f"{_when(row['published'])}  {row['speaker'] or '(unknown)'} [{tags}]"
            content = row["content"]
            quoted = content[:1] in "“\"'‘«" and content != ""
            yield f"    {content}" if quoted else f"    “{content}”"
            yield f"    — #{row['article_id']} {where}"

    def body() -> int:
        rows = _query(
            db_url,
            lambda db: run_quotes(
                db,
                speaker=speaker,
                about=about,
                since=since,
                until=until,
                anonymous=anonymous,
                limit=limit,
            ),
        )
        _emit(rows, fmt, text, QUOTE_COLUMNS)
        return 0

    guard(body)


@click.command()
@click.argument("name")
@db_option
@format_option
@click.option("--top", type=click.IntRange(1), default=10, show_default=True)
def entity(name: str, db_url: str, fmt: str, top: int) -> None:
    """Who or what NAME is (a person, organisation, place or group): titles over time,
    aliases, articles, first and last seen, who appears with it."""
    from newsfacts.store import entity_profile

    def text(profile: Row) -> Iterator[str]:
        kind = profile["kind"]
        yield f"{profile['name']} ({profile['type']}{', ' + kind if kind else ''})"
        yield (
            f"  {profile['articles']} article(s), {profile['mentions']} mention(s),"
            f" {profile['quotes']} quote(s); seen {_when(profile['first_seen']).strip()}"
            f" to {_when(profile['last_seen']).strip()}"
        )
        if profile["titles"]:
            yield "  titles:"
            for title in profile["titles"]:
                span = f"{_when(title['first']).strip()} to {_when(title['last']).strip()}"
                yield f"    {title['title']} ({title['articles']} article(s), {span})"
        if profile["aliases"]:
            yield "  also called: " + "; ".join(profile["aliases"])
        if profile["cooccurring"]:
            yield "  appears with:"
            for other in profile["cooccurring"]:
                yield f"    {other['name']} ({other['type']}): {other['articles']} article(s)"
        if profile["other_matches"]:
            yield "  the name may also mean: " + "; ".join(profile["other_matches"])

    def body() -> int:
        profile = _query(db_url, lambda db: entity_profile(db, name, top=top))
        _emit(profile, fmt, text)
        return 0

    guard(body)


@click.command()
@click.argument("name")
@db_option
@format_option
def timeline(name: str, db_url: str, fmt: str) -> None:
    """What NAME (a person or an organisation) said and took part in, in date order."""
    from newsfacts.store import timeline as run_timeline

    def text(rows: list[Row]) -> Iterator[str]:
        if not rows:
            yield "nothing found"
        for row in rows:
            label = "said" if row["kind"] == "quote" else row["detail"]
            yield f"{_when(row['date'])}  {label}: {row['text']}  — #{row['article_id']}"

    def body() -> int:
        rows = _query(db_url, lambda db: run_timeline(db, name))
        _emit(rows, fmt, text, ("date", "article_id", "title", "kind", "detail", "text"))
        return 0

    guard(body)


@click.command()
@click.option("--anonymous", is_flag=True, help="Only sources the articles do not name.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@db_option
@format_option
def sources(anonymous: bool, limit: int, db_url: str, fmt: str) -> None:
    """Who is quoted, most often first."""
    from newsfacts.store import sources as run_sources

    def text(rows: list[Row]) -> Iterator[str]:
        if not rows:
            yield "no sources"
        for row in rows:
            span = f"{_when(row['first']).strip()} to {_when(row['last']).strip()}"
            yield (
                f"{row['quotes']:6d} quote(s) {row['articles']:5d} article(s)  "
                f"{row['source']}  ({span})"
            )

    def body() -> int:
        rows = _query(db_url, lambda db: run_sources(db, anonymous=anonymous, limit=limit))
        _emit(rows, fmt, text)
        return 0

    guard(body)


@click.command()
@db_option
@format_option
def stats(db_url: str, fmt: str) -> None:
    """Counts over the corpus: articles, people, organisations, places, attributions, dates."""
    from newsfacts.store import stats as run_stats

    def text(numbers: Row) -> Iterator[str]:
        for key, value in numbers.items():
            yield f"{key}: {value if value is not None else '-'}"

    def body() -> int:
        _emit(_query(db_url, run_stats), fmt, text)
        return 0

    guard(body)


@click.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="jsonl: the facts of each article; csv/parquet: one flat table.",
)
@click.option(
    "--table",
    type=click.Choice(["articles", "attributions", "entities", "people", "identities"]),
    default="articles",
    show_default=True,
    help="The table for csv and parquet.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="File.")
def export(db_url: str, fmt: str, table: str, output: Path | None) -> None:
    """Export the corpus: facts as JSON lines, or a table as CSV (Parquet with pyarrow)."""
    from newsfacts.store import export_facts, export_rows, open_database

    def body() -> int:
        with open_database(db_url) as db:
            if fmt == "parquet":
                _parquet(export_rows(db, table), output)
                return 0
            out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                if fmt == "jsonl":
                    for facts in export_facts(db):
                        out.write(json.dumps(facts, ensure_ascii=False) + "\n")
                else:
                    write_csv(export_rows(db, table), out)
            finally:
                if output:
                    out.close()
        return 0

    guard(body)


def _parquet(rows: list[Row], output: Path | None) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise InputError("parquet export needs pyarrow, which is not installed") from err
    if output is None:
        raise InputError("parquet export needs --output FILE")
    pq.write_table(
        pa.Table.from_pylist([{k: _cell(v) for k, v in r.items()} for r in rows]), output
    )


COMMANDS = (ingest, search, quotes, entity, timeline, sources, stats, export)


def register(main: click.Group) -> None:
    """Add the corpus commands to the ``newsfacts`` group (once)."""
    for command in COMMANDS:
        if command.name not in main.commands:
            main.add_command(command)
