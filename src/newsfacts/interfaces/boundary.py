"""Where library errors become messages: one guard shared by every command."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from newsfacts.errors import NewsfactsError


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
