"""Every command is documented in docs/cli.md, and the README's quick start is the two commands."""

from __future__ import annotations

from conftest import REPO
from newsfacts.interfaces.cli import main


def test_every_command_is_documented() -> None:
    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in main.commands:  # type: ignore[attr-defined]
        assert f"`newsfacts {name}" in doc, f"docs/cli.md does not describe `newsfacts {name}`"


def test_quick_start_is_make_demo_and_make_test() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Quick start")
    block = readme[start : readme.index("```", readme.index("```", start) + 3)]
    assert [line for line in block.splitlines()[3:] if line.strip()] == ["make demo", "make test"]
