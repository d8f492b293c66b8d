"""Events: triggers, participants, places, dates, negation, hedging; the seed article."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import defaultdict
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.extract.events import extract_events
from newsfacts.extract.times import extract_times
from newsfacts.models import Attribution, Entity, Event, Region, Span
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings

FIXTURE = Path(__file__).parent / "fixtures" / "events" / "wire.json"
SEED = Path(__file__).parents[1].parent / "shared" / "data" / "seed" / "us-iraq-roadmap.txt"
PUBLISHED = dt.date(2024, 7, 25)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings())


def _entities(doc: Doc) -> list[Entity]:
    """Entities built by hand from spaCy's, one per (label, last word)."""
    groups: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            key = (ent.label_, ent.text.split()[-1])
            groups[key].append(Span(ent.start_char, ent.end_char, ent.text))
    return [
        Entity(f"E{i}", label, spans[0].text, mentions=tuple(spans))
        for i, ((label, _), spans) in enumerate(groups.items(), 1)
    ]


def _events(
    nlp: Language,
    text: str,
    published: dt.date | None = PUBLISHED,
    attributions: tuple[Attribution, ...] = (),
) -> tuple[list[Event], list[Entity]]:
    doc = parse_body(nlp, text, [Region(0, len(text))])
    entities = _entities(doc)
    times = extract_times(doc, published, Settings())
    events = extract_events(doc, entities, attributions, times, Settings())
    for e in events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        for p in e.participants:
            assert text[p.start : p.end] == p.text
    return events, entities


def _entity_name(entities: list[Entity], ident: str | None) -> str | None:
    return next((e.name for e in entities if e.id == ident), None)


def test_meeting_with_counterpart(nlp: Language) -> None:
    events, entities = _events(
        nlp, "Pentagon chief Lloyd Austin met with his Iraqi counterpart on Tuesday."
    )
    assert len(events) == 1
    meeting = events[0]
    assert (meeting.type, meeting.trigger.text) == ("meeting", "met")
    people = [(p.text, _entity_name(entities, p.entity)) for p in meeting.participants]
    assert people == [("Lloyd Austin", "Lloyd Austin"), ("his Iraqi counterpart", None)]
    assert meeting.date is not None and meeting.date.value == "2024-07-23"


def test_meet_needs_a_party(nlp: Language) -> None:
    events, _ = _events(nlp, "We must adapt the mission to meet this changing threat.")
    assert events == []


def test_say_is_not_an_event_but_a_statement_is(nlp: Language) -> None:
    events, _ = _events(
        nlp, "The minister said the talks had stalled, the ministry said in a statement."
    )
    assert [e.type for e in events] == ["meeting", "statement"]


def test_location_negation_and_hedging(nlp: Language) -> None:
    events, _ = _events(nlp, "Officials met in Washington. The two sides did not reach a deal.")
    assert events[0].location is not None and events[0].location.text == "Washington"
    assert events[1].type == "agreement" and events[1].negated
    events, _ = _events(nlp, "The president is expected to visit Baghdad next week.")
    visit = events[0]
    assert visit.type == "visit" and visit.hedged and not visit.negated
    assert visit.location is not None and visit.location.text == "Baghdad"
    events, _ = _events(nlp, "The agency said in a statement that the convoy had arrived.")
    assert [(e.type, e.hedged) for e in events] == [("statement", False)]
    assert [p.text for p in events[0].participants] == ["The agency"]  # who issued it
    events, _ = _events(nlp, "The agency is said to be preparing a statement.")
    assert [(e.type, e.hedged) for e in events] == [("statement", True)]
    events, _ = _events(nlp, "No one agreed to the plan. Both sides agreed to the plan.")
    assert [(e.type, e.negated) for e in events] == [("agreement", True), ("agreement", False)]


def test_a_clause_opened_by_for_at_the_root_ends(nlp: Language) -> None:
    # "meet" has no subject of its own; the search climbed to the root "agree", whose
    # "For" sent it up again, and the root's head is the root: it never stopped
    found: list[list[Event]] = []
    text = "For the two sides to agree to meet with Iran."
    worker = threading.Thread(target=lambda: found.append(_events(nlp, text)[0]), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "extract_events did not finish"
    assert [e.type for e in found[0]] == ["agreement", "meeting"]


def test_the_subject_of_the_verb_a_noun_event_hangs_on_is_its_party(nlp: Language) -> None:
    events, _ = _events(nlp, "Ann Lee is in final talks to direct the film.")
    assert [(e.type, [p.text for p in e.participants]) for e in events] == [
        ("meeting", ["Ann Lee"])
    ]
    # a passive clause has its own subject: the one who said it is no party to the meeting
    text = "The plans will be shown in a staff meeting on Friday, Ann Lee said in an email."
    events, _ = _events(nlp, text)
    meeting = next(e for e in events if e.type == "meeting")
    assert meeting.participants == ()


def test_light_verb_gives_one_event(nlp: Language) -> None:
    events, _ = _events(nlp, "The rival factions struck a deal on Sunday.")
    assert [(e.type, e.trigger.text) for e in events] == [("agreement", "deal")]
    assert [p.text for p in events[0].participants] == ["The rival factions"]


def test_attribution_link(nlp: Language) -> None:
    text = "Officials said the two leaders met in Geneva."
    start = text.index("the two")
    content = Span(start, len(text) - 1, text[start : len(text) - 1])
    quote = Attribution("A1", "indirect", (Span(0, 9, "Officials"),), (Span(10, 14, "said"),),
                        (content,))  # fmt: skip
    events, _ = _events(nlp, text, attributions=(quote,))
    assert [e.attribution for e in events] == ["A1"]


def test_pronoun_participant_takes_the_attributions_speakers(nlp: Language) -> None:
    text = "Officials from Washington and Baghdad met on Monday. They agreed to extend the mission."
    they = text.index("They")
    cue = text.index("agreed")
    content = Span(cue + 7, len(text) - 1, text[cue + 7 : len(text) - 1])
    doc = parse_body(nlp, text, [Region(0, len(text))])
    ids = tuple(e.id for e in _entities(doc) if e.name in ("Washington", "Baghdad"))
    assert len(ids) == 2
    group = Attribution("A1", "indirect", (Span(they, they + 4, "They"),),
                        (Span(cue, cue + 6, "agreed"),), (content,), speakers=ids)  # fmt: skip
    events, entities = _events(nlp, text, attributions=(group,))
    agreed = next(e for e in events if e.trigger.text == "agreed")
    assert [(p.text, _entity_name(entities, p.entity)) for p in agreed.participants] == [
        ("They", "Washington"),
        ("They", "Baghdad"),
    ]
    # without an attribution the pronoun stays as it is
    events, _ = _events(nlp, text)
    agreed = next(e for e in events if e.trigger.text == "agreed")
    assert [(p.text, p.entity) for p in agreed.participants] == [("They", None)]


def test_fixture(nlp: Language) -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    gold = right = 0
    for d in data["documents"]:
        published = dt.date.fromisoformat(d["published"]) if d["published"] else None
        events, _ = _events(nlp, d["text"], published)
        by_trigger = {e.trigger.text: e for e in events}
        for g in d["events"]:
            gold += 1
            e = by_trigger.get(g["trigger"]["text"])
            right += e is not None and (
                e.type,
                sorted(p.text for p in e.participants),
                e.date.value if e.date else None,
                e.negated,
                e.hedged,
            ) == (
                g["type"],
                sorted(p["text"] for p in g["participants"]),
                g["date"],
                g["negated"],
                g["hedged"],
            )
    assert right / gold >= 0.8  # bench/events.py prints the figures


def test_seed_article_events(nlp: Language) -> None:
    if not SEED.exists():
        pytest.skip("shared seed article not present")
    events, entities = _events(nlp, SEED.read_text(encoding="utf-8"))

    def find(kind: str, trigger: str, date: str | None) -> Event:
        hits = [
            e for e in events
            if e.type == kind and e.trigger.text == trigger
            and (e.date.value if e.date else None) == date
        ]  # fmt: skip
        assert hits, (kind, trigger, date)
        return hits[0]

    def named(event: Event) -> list[str]:
        return [_entity_name(entities, p.entity) or p.text for p in event.participants]

    assert named(find("meeting", "met", "2024-07-23")) == [
        "Lloyd Austin",
        "his Iraqi counterpart",
    ]
    assert named(find("meeting", "meeting", "2024-07-22")) == ["CQ Brown", "his Iraqi counterpart"]
    assert named(find("statement", "statement", "2024-07-24")) == ["US", "Iraq"]
    assert named(find("agreement", "agreed", None)) == ["US", "Iraq"]
    assert named(find("agreement", "agree", None)) == ["US", "Iraq"]
    statements = [e for e in events if e.type == "statement"]
    assert len(statements) == 1  # "The joint statement also said" repeats it


def test_a_labour_strike_is_no_attack(nlp: Language) -> None:
    text = (
        "Dock workers in Rotterdam went on strike on Monday. "
        "The union called a second strike over pay. "
        "An Israeli strike on Tuesday killed four people in Gaza."
    )
    events, _ = _events(nlp, text)
    assert [(e.type, e.trigger.start) for e in events] == [("attack", text.index("strike on T"))]


def test_striking_a_tone_or_a_deal_is_no_attack(nlp: Language) -> None:
    text = (
        "The president struck a softer tone on Friday. "
        "The two firms struck a deal on Monday. "
        "Drones struck the port on Tuesday."
    )
    events, _ = _events(nlp, text)
    found = [(e.type, e.trigger.text) for e in events]
    assert ("attack", "struck") in found and found.count(("attack", "struck")) == 1
    assert ("agreement", "deal") in found


def test_a_quake_that_struck_is_no_attack(nlp: Language) -> None:
    text = "The quake struck shortly before midnight. Rockets struck the port on Tuesday."
    events, _ = _events(nlp, text)
    assert [(e.type, e.trigger.start) for e in events] == [("attack", text.index("struck the"))]


def test_a_strike_in_a_story_about_a_labour_dispute_is_no_attack(nlp: Language) -> None:
    text = (
        "Dockworkers walked off the job on Tuesday. The strike is the first in forty years. "
        "Shipping lines warned of delays. Ministers urged calm. "
        "Analysts said each day of the strike would cost millions. "
        "Officials reported an air strike in the north on Monday. "
        "Another strike killed two guards."
    )
    events, _ = _events(nlp, text)
    attacks = [e.trigger.start for e in events if e.type == "attack"]
    # the strike far from the walkout is a labour one too; not one that killed
    assert attacks == [text.index("strike in the"), text.index("strike killed")]
    # without a word of the dispute, the strike far from the walkout is an attack
    calm = text.replace("Dockworkers walked off the job", "Crowds gathered")
    events, _ = _events(nlp, calm)
    attacks = [e.trigger.start for e in events if e.type == "attack"]
    assert calm.index("strike would") in attacks
