"""News outlets: the names in ``data/outlets.txt`` and the words that make a name one."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

# what a name is called that makes it an outlet ("the newspaper Handelsblatt", "German
# broadcaster ZDF", "the Spanish daily El País")
OUTLET_NOUNS = frozenset(
    {"newspaper", "paper", "daily", "weekly", "tabloid", "magazine", "broadcaster", "channel"}
    | {"network", "station", "outlet", "website", "site", "agency", "newsletter", "podcast"}
)


@lru_cache(maxsize=1)
def outlet_table() -> tuple[tuple[str, ...], frozenset[str]]:
    """Outlet names and the words that make a named recipient an outlet."""
    text = files("newsfacts").joinpath("data/outlets.txt").read_text("utf-8")
    names: list[str] = []
    words: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@word "):
            words.add(line[6:].strip())
        else:
            names.append(line)
    return tuple(sorted(names, key=len, reverse=True)), frozenset(words)


def is_outlet(name: str) -> bool:
    """A listed outlet, or a name holding an outlet word ("Kestrel Herald")."""
    names, words = outlet_table()
    return name in names or any(word in words for word in name.split())


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def called_outlet(text: str, start: int) -> bool:
    """The name at ``start`` follows a word for an outlet ("the broadcaster NOS")."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1).lower() in OUTLET_NOUNS
