"""Gold attribution role spans from PolNeAR's brat standoff files."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROLES = {"Source": "SOURCE", "Cue": "CUE", "Content": "CONTENT"}


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    roles: tuple[tuple[str, int, int], ...]  # (label, start, end), discontiguous pieces apart


def read_roles(ann: Path) -> list[tuple[str, int, int]]:
    roles = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        kind, _, offsets = parts[1].partition(" ")
        if kind not in ROLES:
            continue
        for piece in offsets.split(";"):
            start, end = piece.split()
            roles.append((ROLES[kind], int(start), int(end)))
    return roles


def read_articles(directory: Path) -> Iterator[GoldArticle]:
    """Each article with the first annotator file in sorted order."""
    for text_path in sorted((directory / "text").glob("*.txt")):
        anns = sorted((directory / "attributions").glob(text_path.stem + "*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        yield GoldArticle(text_path.stem, text, tuple(read_roles(anns[0])))
