"""The `newsfacts` command: a thin layer over the library.

Library errors become one-line messages on stderr here. Exit status: 0 when every input
was analysed cleanly; 1 when any input failed (the others are still processed and reported);
2 for usage errors; 3 when every input was analysed but some carried warnings.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

import click

from newsfacts.errors import NewsfactsError
from newsfacts.interfaces.boundary import (
    all_attributions_option,
    allow_private_option,
    guard,
    jobs_option,
    tagger_option,
    with_tagger,
)
from newsfacts.models import ArticleFacts
from newsfacts.settings import Settings

FORMATS = click.Choice(["text", "json", "jsonl"])
EXIT_FAILED = 1  # some input could not be analysed (the others were)
EXIT_WARNED = 3  # every input was analysed, but some with warnings (charset, mojibake, quotes)


class Run:
    """Collects results and failures of one command over many inputs."""

    def __init__(self, fmt: str, out: IO[str]) -> None:
        self.fmt = fmt
        self.out = out
        self.failed = 0
        self.warned = 0
        self.done = 0
        self._json: list[dict[str, Any]] = []

    def fail(self, name: str, message: str) -> None:
        self.failed += 1
        click.echo(f"newsfacts: error: {name}: {message}", err=True)

    def emit(self, facts: ArticleFacts) -> None:
        self.done += 1
        self.warned += bool(facts.warnings)
        for warning in facts.warnings:
            click.echo(f"newsfacts: warning: {facts.input}: {warning}", err=True)
        if self.fmt == "jsonl":
            self.out.write(json.dumps(facts.to_dict(), ensure_ascii=False) + "\n")
            self.out.flush()
        elif self.fmt == "json":
            self._json.append(facts.to_dict())
        else:
            from newsfacts.interfaces.report import print_report

            print_report(facts, self.out)

    def finish(self, single: bool) -> int:
        if self.fmt == "json":
            payload: Any = self._json[0] if single and len(self._json) == 1 else self._json
            self.out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        if self.failed:
            return EXIT_FAILED
        return EXIT_WARNED if self.warned else 0


def _settings(published: str | None, allow_private: bool = False) -> Settings:
    from newsfacts.pipeline import parse_published

    return replace(Settings(), published=parse_published(published), allow_private=allow_private)


def _names(specs: tuple[str, ...], run: Run) -> list[str]:
    """Every input the specs name (directories and globs expanded); bad specs reported."""
    from newsfacts.ingest import expand_inputs

    names: list[str] = []
    for spec in specs:
        try:
            names.extend(expand_inputs([spec]))
        except NewsfactsError as err:
            run.fail(spec, str(err))
    return names


def _prepared(names: list[str], settings: Settings, run: Run) -> Iterator[Any]:
    """Read, check and clean every document of every input (a feed, a JSONL or WARC file
    holds many); failures are reported and skipped, one bad record never ends its file."""
    from newsfacts.ingest import iter_documents
    from newsfacts.pipeline import prepare

    for name in names:
        try:
            for item in iter_documents(
                name, settings, stdin=sys.stdin.buffer, allow_private=settings.allow_private
            ):
                if isinstance(item, NewsfactsError):
                    run.fail(getattr(item, "input", name), str(item))
                    continue
                try:
                    yield prepare(item, settings)
                except NewsfactsError as err:
                    run.fail(item.input, str(err))
        except NewsfactsError as err:
            run.fail(name, str(err))


@click.group()
@click.version_option(package_name="newsfacts")
def main() -> None:
    """Attributed, offset-anchored facts from raw news."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date when the input has none.")
@jobs_option
@allow_private_option
@tagger_option
@all_attributions_option
def analyze(
    inputs: tuple[str, ...],
    fmt: str,
    published: str | None,
    jobs: int | None,
    allow_private: bool,
    tagger: str,
    all_attributions: bool,
) -> None:
    """Analyse articles: people, organisations, places, attributions, times, events.

    INPUT is a file, a directory, a glob, - (stdin) or an http(s) URL.
    """

    def body() -> int:
        from newsfacts.batch import analyze_stream
        from newsfacts.pipeline import Failure

        settings = replace(
            with_tagger(_settings(published, allow_private), tagger),
            all_attributions=all_attributions,
        )
        run = Run(fmt, sys.stdout)
        names = _names(inputs, run)
        # one document per named input is the usual case (a feed or WARC file holds more)
        stream = analyze_stream(_prepared(names, settings, run), settings, jobs, len(names))
        for result in stream:
            if isinstance(result, Failure):
                run.fail(result.input, result.message)
            else:
                run.emit(result)
        return run.finish(single=_single(inputs))

    guard(body)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True)
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date when the input has none.")
@allow_private_option
def extract(inputs: tuple[str, ...], fmt: str, published: str | None, allow_private: bool) -> None:
    """Clean articles and find their metadata, without NLP (fast)."""

    def body() -> int:
        from newsfacts.pipeline import extract_prepared

        settings = _settings(published, allow_private)
        run = Run(fmt, sys.stdout)
        for prepared in _prepared(_names(inputs, run), settings, run):
            run.emit(extract_prepared(prepared))
        return run.finish(single=_single(inputs))

    guard(body)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the facts format."""
    from newsfacts.schema import schema_text

    click.echo(schema_text())


@main.group(name="eval")
def eval_group() -> None:
    """Score newsfacts against annotated corpora."""


@eval_group.command(name="polnear")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@tagger_option
def eval_polnear(directory: Path, tagger: str) -> None:
    """Score attributions on a PolNeAR-format DIRECTORY (text/ and attributions/)."""

    def body() -> int:
        from newsfacts.evaluation.polnear import evaluate, format_report
        from newsfacts.pipeline import analyze_text

        settings = with_tagger(Settings(), tagger)

        def predict(text: str) -> Any:
            return analyze_text(text, settings).attributions

        report = evaluate(directory, predict)
        for name, why in report.failed:
            click.echo(f"newsfacts: error: {name}: {why} (scored as finding nothing)", err=True)
        click.echo(format_report(report))
        return EXIT_FAILED if report.failed else 0

    guard(body)


def _register_corpus_commands() -> None:
    from newsfacts.interfaces.corpus import register

    register(main)


_register_corpus_commands()


def _single(inputs: tuple[str, ...]) -> bool:
    """One object (not a list) in JSON when the user named one plain input."""
    if len(inputs) != 1:
        return False
    spec = inputs[0]
    return spec == "-" or spec.startswith(("http://", "https://")) or Path(spec).is_file()
