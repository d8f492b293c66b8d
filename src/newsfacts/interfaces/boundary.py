"""Shared by every command: the error guard, and options that several commands take."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

import click

from newsfacts.errors import NewsfactsError
from newsfacts.settings import Settings


def guard(body: Callable[[], int]) -> None:
    """Run a command body; a NewsfactsError becomes a one-line message and exit status 1."""
    try:
        code = body()
    except NewsfactsError as err:
        click.echo(f"newsfacts: error: {err}", err=True)
        code = 1
    except KeyboardInterrupt:
        # What was committed stays; `ingest` run again goes on from there.
        click.echo("newsfacts: interrupted", err=True)
        code = 130
    sys.exit(code)


F = TypeVar("F", bound=Callable[..., Any])


def jobs_option(command: F) -> F:
    """--jobs N: worker processes; by default chosen from the articles the run holds."""
    option = click.option(
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes (default: 2 when the run holds more than 4 articles and there "
        "are 2 cores; a feed or WARC file counts its records).",
    )
    return option(command)


def allow_private_option(command: F) -> F:
    """--allow-private: fetch URLs whose host is on a private or loopback address."""
    option = click.option(
        "--allow-private",
        is_flag=True,
        help="Fetch URLs on private, loopback or link-local addresses (refused by default).",
    )
    return option(command)


def tagger_option(command: F) -> F:
    """--tagger lstm|encoder: which trained role tagger finds attributions."""
    option = click.option(
        "--tagger",
        type=click.Choice(["lstm", "encoder"]),
        default="lstm",
        show_default=True,
        help="Attribution role tagger: lstm (fast) or encoder (more accurate, slower; needs "
        "the 'encoder' extra).",
    )
    return option(command)


def all_attributions_option(command: F) -> F:
    """--all-attributions: keep the attributions the confidence model leaves out."""
    option = click.option(
        "--all-attributions",
        is_flag=True,
        help="Keep the attributions rated unlikely (confidence under 0.25), which are left "
        "out by default.",
    )
    return option(command)


def with_tagger(settings: Settings, tagger: str) -> Settings:
    """``settings`` using ``tagger``; an encoder that cannot load is an error here, before
    any article is read."""
    if tagger == "encoder":
        from newsfacts.extract.encoder_roles import check_encoder

        check_encoder()
    return replace(settings, role_tagger=tagger)
