"""Accuracy of event extraction on the hand-annotated fixture.

    .venv/bin/python bench/events.py [-v]

Prints trigger precision/recall (a system trigger overlapping a gold one), type accuracy,
participant precision/recall (overlapping spans, over matched events), and date, negation
and hedging accuracy over matched events. Entities come from
``newsfacts.extract.entities.extract_entities`` when it is available, else from spaCy's
entities, grouped by text.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsfacts.extract.events import extract_events
from newsfacts.extract.times import extract_times
from newsfacts.models import Entity, Event, Region, Span
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "events" / "wire.json"


def entities_for(doc: Doc) -> list[Entity]:
    try:
        from newsfacts.extract.entities import extract_entities
    except ImportError:
        groups: dict[tuple[str, str], list[Span]] = defaultdict(list)
        for ent in doc.ents:
            groups[(ent.label_, ent.text)].append(Span(ent.start_char, ent.end_char, ent.text))
        return [
            Entity(f"E{i}", label, name, mentions=tuple(spans))
            for i, ((label, name), spans) in enumerate(groups.items(), 1)
        ]
    return extract_entities(doc, Settings())


def overlaps(a: dict[str, Any], start: int, end: int) -> bool:
    return bool(a["start"] < end and start < a["end"])


def main() -> None:
    verbose = "-v" in sys.argv
    nlp = load_pipeline(Settings())
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    n_gold = n_found = matched = type_ok = date_ok = neg_ok = hedge_ok = 0
    p_gold = p_found = p_hit_gold = p_hit_found = 0
    for d in data["documents"]:
        text = d["text"]
        published = dt.date.fromisoformat(d["published"]) if d["published"] else None
        doc = parse_body(nlp, text, [Region(0, len(text))])
        times = extract_times(doc, published, Settings())
        events: list[Event] = extract_events(doc, entities_for(doc), [], times, Settings())
        n_gold += len(d["events"])
        n_found += len(events)
        for g in d["events"]:
            t = g["trigger"]
            hits = [e for e in events if overlaps(t, e.trigger.start, e.trigger.end)]
            if not hits:
                if verbose:
                    print(f"  missed {t['text']!r} in {text[:60]!r}")
                continue
            e = hits[0]
            matched += 1
            type_ok += e.type == g["type"]
            date_ok += (e.date.value if e.date else None) == g["date"]
            neg_ok += e.negated == g["negated"]
            hedge_ok += e.hedged == g["hedged"]
            p_gold += len(g["participants"])
            p_found += len(e.participants)
            p_hit_gold += sum(
                any(overlaps(gp, p.start, p.end) for p in e.participants)
                for gp in g["participants"]
            )
            p_hit_found += sum(
                any(overlaps(gp, p.start, p.end) for gp in g["participants"])
                for p in e.participants
            )
            if verbose and (e.type != g["type"] or (e.date.value if e.date else None) != g["date"]):
                print(f"  {t['text']!r}: got {e.type} {e.date}, want {g['type']} {g['date']}")
    print(f"events: {n_gold} gold, {n_found} found, {matched} matched")
    print(f"  trigger  P {matched / n_found:.3f} R {matched / n_gold:.3f}")
    print(f"  type accuracy {type_ok / matched:.3f}")
    print(f"  participants  P {p_hit_found / p_found:.3f} R {p_hit_gold / p_gold:.3f}")
    print(f"  date accuracy {date_ok / matched:.3f}")
    print(f"  negation accuracy {neg_ok / matched:.3f}  hedging accuracy {hedge_ok / matched:.3f}")


if __name__ == "__main__":
    main()
