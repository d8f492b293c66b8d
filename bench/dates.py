"""Accuracy of temporal expressions on the annotated fixtures.

    .venv/bin/python bench/dates.py

Prints detection precision/recall/F1 by exact and by overlapping span, and value accuracy
(share of gold expressions found with an overlapping span whose value and kind are right).
Scores the hand-written wire passages (``tests/fixtures/times/wire.json``).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfacts.extract.times import extract_times
from newsfacts.models import Region
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "times"


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    exact: int = 0
    overlap: int = 0
    value_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, gold: list[dict[str, Any]], found: list[dict[str, Any]], text: str) -> None:
        self.gold += len(gold)
        self.found += len(found)
        for g in gold:
            same = [f for f in found if (f["start"], f["end"]) == (g["start"], g["end"])]
            near = same or [f for f in found if f["start"] < g["end"] and g["start"] < f["end"]]
            self.exact += bool(same)
            self.overlap += bool(near)
            if near and (near[0]["value"], near[0]["kind"]) == (g["value"], g["kind"]):
                self.value_right += 1
            else:
                got = (near[0]["value"], near[0]["kind"]) if near else "missed"
                want = (g["value"], g["kind"])
                self.misses.append(f"{text[g['start'] : g['end']]!r}: got {got}, want {want}")

    def report(self, name: str) -> None:
        def prf(hits: int) -> str:
            p = hits / self.found if self.found else 0.0
            r = hits / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"

        print(f"{name}: {self.gold} gold, {self.found} found")
        print(f"  exact span    {prf(self.exact)}")
        print(f"  overlap span  {prf(self.overlap)}")
        value = self.value_right / self.gold if self.gold else 0.0
        print(f"  value+kind accuracy {value:.3f} ({self.value_right}/{self.gold})")


def _found(
    nlp: Any, text: str, published: dt.date | None, window: tuple[int, int]
) -> list[dict[str, Any]]:
    doc = parse_body(nlp, text, [Region(0, len(text))])
    times = extract_times(doc, published, Settings())
    lo, hi = window
    return [t.__dict__ for t in times if lo <= t.start and t.end <= hi]


def score_wire(nlp: Any) -> Score:
    score = Score()
    data = json.loads((FIXTURES / "wire.json").read_text(encoding="utf-8"))
    for d in data["documents"]:
        published = dt.date.fromisoformat(d["published"]) if d["published"] else None
        score.add(d["times"], _found(nlp, d["text"], published, (0, len(d["text"]))), d["text"])
    return score


def main() -> None:
    nlp = load_pipeline(Settings())
    verbose = "-v" in sys.argv
    wire = score_wire(nlp)
    wire.report("wire passages (hand-written)")
    if verbose:
        print("\n".join("    " + m for m in wire.misses))


if __name__ == "__main__":
    main()
