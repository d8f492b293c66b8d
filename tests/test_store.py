"""The corpus store, on hand-built ArticleFacts: SQLite always, PostgreSQL when a server is up."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from newsfacts.models import (
    ArticleFacts,
    Attribution,
    Entity,
    Event,
    Location,
    Metadata,
    Participant,
    Region,
    Span,
)
from newsfacts.store import (
    Database,
    StoreError,
    content_hash,
    entity_profile,
    export_facts,
    export_rows,
    find_people,
    open_database,
    quotes,
    search,
    sources,
    stats,
    store_facts,
    timeline,
)
from newsfacts.store import writer as writer_module
from newsfacts.store.database import split_sqlite_statements
from newsfacts.store.migrations import current_version, latest_version
from newsfacts.store.queries import fts5_query
from test_store_postgres import postgres_url


# -- building facts by hand ---------------------------------------------------------------
def span(text: str, piece: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Span(start, start + len(piece), piece)


def person(text: str, eid: str, name: str, *mentions: str, titles: tuple[str, ...] = ()) -> Entity:
    spans = tuple(span(text, m) for m in (mentions or (name,)))
    return Entity(eid, "PERSON", name, titles=titles, mentions=spans)


def place(text: str, eid: str, name: str) -> Entity:
    return Entity(eid, "GPE", name, mentions=(span(text, name),))


def said(
    text: str,
    aid: str,
    content: str,
    *,
    speaker: str | None = None,
    source: str | None = None,
    kind: str = "direct",
    anonymous: bool = False,
    description: str | None = None,
) -> Attribution:
    return Attribution(
        aid,
        kind,
        source=(span(text, source),) if source else (),
        cue=(span(text, "said"),) if "said" in text else (),
        content=(span(text, content),),
        speaker=speaker,
        anonymous=anonymous,
        source_description=description,
    )


def facts(
    text: str,
    *,
    name: str,
    published: str | None = None,
    title: str | None = None,
    entities: tuple[Entity, ...] = (),
    attributions: tuple[Attribution, ...] = (),
    events: tuple[Event, ...] = (),
) -> ArticleFacts:
    return ArticleFacts(
        input=name,
        text=text,
        body=(Region(0, len(text)),),
        metadata=Metadata(title=title, published=published, outlet="Example News"),
        entities=entities,
        attributions=attributions,
        events=events,
    )


WALL = (
    "Donald Trump said on Monday that “we will build a great wall on the border”. "
    "Hillary Clinton met voters in Ohio. "
    "A senior campaign official said the plan was far too expensive."
)
TAXES = "Trump told reporters that taxes would fall. Gov. Mike Pence agreed with Trump in Indiana."
ECONOMY = "Former President Bill Clinton said “the economy matters most” at a rally."


def wall_article() -> ArticleFacts:
    t = WALL
    return facts(
        t,
        name="wall.txt",
        published="2016-09-12",
        title="Trump on the wall",
        entities=(
            person(t, "e1", "Donald Trump", titles=("Republican nominee",)),
            person(t, "e2", "Hillary Clinton"),
            place(t, "e3", "Ohio"),
        ),
        attributions=(
            said(
                t,
                "a1",
                "we will build a great wall on the border",
                speaker="e1",
                source="Donald Trump",
            ),
            said(
                t,
                "a2",
                "the plan was far too expensive",
                source="A senior campaign official",
                kind="indirect",
                anonymous=True,
                description="senior campaign official",
            ),
        ),
        events=(
            Event(
                "v1",
                "meeting",
                span(t, "met"),
                participants=(Participant("Hillary Clinton", *_at(t, "Hillary Clinton"), "e2"),),
                location=Location("Ohio", *_at(t, "Ohio"), "e3"),
            ),
        ),
    )


def _at(text: str, piece: str) -> tuple[int, int]:
    s = span(text, piece)
    return s.start, s.end


def taxes_article() -> ArticleFacts:
    t = TAXES
    return facts(
        t,
        name="taxes.txt",
        published="2016-10-01",
        title="Taxes",
        entities=(
            person(t, "e1", "Trump", "Trump", titles=("candidate",)),
            person(t, "e2", "Mike Pence", "Gov. Mike Pence", titles=("Governor",)),
            place(t, "e3", "Indiana"),
        ),
        attributions=(said(t, "a1", "taxes would fall", speaker="e1", kind="indirect"),),
    )


def economy_article() -> ArticleFacts:
    t = ECONOMY
    return facts(
        t,
        name="economy.txt",
        entities=(person(t, "e1", "Bill Clinton", titles=("former president",)),),
        attributions=(said(t, "a1", "the economy matters most", speaker="e1"),),
    )


# -- the backends -------------------------------------------------------------------------
@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        with open_database(f"sqlite:///{tmp_path / 'corpus.db'}") as database:
            yield database
    else:
        with postgres_url() as url, open_database(url) as database:
            yield database


@pytest.fixture()
def corpus(db: Database) -> Database:
    for article in (wall_article(), taxes_article(), economy_article()):
        assert store_facts(db, article).created
    return db


# -- opening and migrating ----------------------------------------------------------------
def test_urls_open_sqlite_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for url, made in (
        ("sqlite:///rel.db", tmp_path / "rel.db"),
        (f"sqlite:///{tmp_path / 'abs.db'}", tmp_path / "abs.db"),
        ("bare.db", tmp_path / "bare.db"),
    ):
        with open_database(url) as database:
            assert database.dialect == "sqlite"
        assert made.is_file(), url
    with open_database("sqlite:///:memory:") as database:
        assert current_version(database) == latest_version("sqlite")


def test_bad_urls_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unsupported database URL"):
        open_database("mysql://user@host/db")
    with pytest.raises(StoreError, match="no folder"):
        open_database(str(tmp_path / "missing" / "x.db"))


def test_migrations_apply_once_and_refuse_a_newer_schema(tmp_path: Path) -> None:
    path = f"sqlite:///{tmp_path / 'c.db'}"
    open_database(path).close()
    with open_database(path) as database:
        assert database.rows("SELECT version, name FROM schema_version") == [
            {"version": 1, "name": "initial"},
            {"version": 2, "name": "identities"},
            {"version": 3, "name": "attribution_speakers"},
        ]
        database.execute(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', 'now')"
        )
    with pytest.raises(StoreError, match="newer"):
        open_database(path)


def test_trigger_bodies_stay_one_statement() -> None:
    script = (
        "CREATE TABLE t (a);\n-- note\n"
        "CREATE TRIGGER x AFTER INSERT ON t BEGIN\n  SELECT 1;\nEND;\n"
    )
    assert len(split_sqlite_statements(script)) == 2


# -- writing ------------------------------------------------------------------------------
def test_the_same_text_is_stored_once(db: Database) -> None:
    first = store_facts(db, wall_article())
    again = store_facts(db, replace(wall_article(), input="copy.txt"))
    assert first.created and not again.created
    assert again.article_id == first.article_id
    assert stats(db)["articles"] == 1
    assert content_hash("a  b\n c") == content_hash("a b c") != content_hash("a b d")


def test_an_article_is_stored_whole_or_not_at_all(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise StoreError("disk on fire")

    monkeypatch.setattr(writer_module, "_insert_events", broken)
    with pytest.raises(StoreError):
        store_facts(db, wall_article())
    assert stats(db)["articles"] == stats(db)["entities"] == stats(db)["people"] == 0
    monkeypatch.undo()
    assert store_facts(db, wall_article()).created  # a re-run stores it


def _long_text(seed: int, words: int = 240) -> str:
    vocab = ["minister", "budget", "talks", "energy", "border", "vote", "court", "rally", "tax"]
    return (
        " ".join(f"{vocab[(i * seed + i // 3) % len(vocab)]}{i % 17}" for i in range(words)) + "."
    )


def test_near_duplicates_are_linked_to_the_first_copy(db: Database) -> None:
    original = _long_text(7)
    edited = original.replace("budget", "Budget", 1) + " One more sentence was added here."
    unrelated = _long_text(5)
    first = store_facts(db, facts(original, name="one"))
    second = store_facts(db, facts(edited, name="two"))
    third = store_facts(db, facts(unrelated, name="three"))
    assert second.created and second.near_duplicate_of == first.article_id
    assert second.similarity is not None and second.similarity >= 0.8
    assert third.near_duplicate_of is None
    assert stats(db)["near_duplicates"] == 1


def test_people_are_one_identity_across_articles(corpus: Database) -> None:
    trump = find_people(corpus, "Donald J. Trump")
    assert [(p["name"], p["articles"]) for p in trump] == [("Donald Trump", 2)]
    assert {p["name"] for p in find_people(corpus, "Clinton")} == {
        "Hillary Clinton",
        "Bill Clinton",
    }
    assert find_people(corpus, "Nobody Atall") == []


def test_a_surname_seen_first_is_merged_into_the_full_name(db: Database) -> None:
    store_facts(db, taxes_article())
    store_facts(db, wall_article())
    assert [p["articles"] for p in find_people(db, "Trump")] == [2]
    profile = entity_profile(db, "Trump")
    assert profile["name"] == "Trump" or profile["name"] == "Donald Trump"
    assert {t["title"] for t in profile["titles"]} == {"candidate", "Republican nominee"}


# -- asking -------------------------------------------------------------------------------
def test_quotes_by_speaker_with_article_date_and_text(corpus: Database) -> None:
    found = quotes(corpus, speaker="Trump")
    assert [(q["published"], q["title"], q["content"]) for q in found] == [
        ("2016-09-12", "Trump on the wall", "we will build a great wall on the border"),
        ("2016-10-01", "Taxes", "taxes would fall"),
    ]
    assert {q["speaker"] for q in found} == {"Donald Trump"}
    assert [q["content"] for q in quotes(corpus, speaker="Trump", since="2016-09-13")] == [
        "taxes would fall"
    ]
    assert [q["content"] for q in quotes(corpus, speaker="Trump", until="2016-09-12")] == [
        "we will build a great wall on the border"
    ]
    assert [q["content"] for q in quotes(corpus, speaker="Trump", about="walls")] == [
        "we will build a great wall on the border"
    ]
    assert quotes(corpus, speaker="Bill Clinton")[0]["published"] is None
    with pytest.raises(StoreError, match="YYYY-MM-DD"):
        quotes(corpus, since="last week")


def test_what_a_group_said_is_found_under_each_member(db: Database) -> None:
    t = "Donald Trump met Mike Pence in Indiana. The two said the ticket was united."
    group = Attribution(
        "a1",
        "indirect",
        source=(span(t, "The two"),),
        cue=(span(t, "said"),),
        content=(span(t, "the ticket was united"),),
        speakers=("e1", "e2"),
    )
    store_facts(
        db,
        facts(
            t,
            name="ticket.txt",
            entities=(person(t, "e1", "Donald Trump"), person(t, "e2", "Mike Pence")),
            attributions=(group,),
        ),
    )
    for name in ("Trump", "Mike Pence"):
        (found,) = quotes(db, speaker=name)
        assert found["content"] == "the ticket was united"
        assert found["speaker"] == "The two (Donald Trump, Mike Pence)"
        assert entity_profile(db, name)["quotes"] == 1
        assert [r["text"] for r in timeline(db, name) if r["kind"] == "quote"] == [
            "the ticket was united"
        ]
    assert quotes(db, speaker="Hillary Clinton") == []


def test_the_writers_i_is_stored_with_its_description(db: Database) -> None:
    t = "I think the plan will fail, and the council said it would not."
    mine = said(
        t,
        "a1",
        "the plan will fail",
        source="I",
        kind="indirect",
        description="the writer, Ann Lee",
    )
    store_facts(db, facts(t, name="column.txt", attributions=(mine,)))
    (found,) = quotes(db, speaker="Ann Lee")
    assert found["speaker"] == "I (the writer, Ann Lee)"
    assert [r["source"] for r in sources(db)] == ["the writer, Ann Lee"]


def test_pronouns_nobody_was_found_for_are_no_source_of_their_own(db: Database) -> None:
    for name in ("a.txt", "b.txt"):
        t = f"You never know, he said. We hope so, they wrote in {name}."
        yours = said(t, "a1", "never know", source="You", kind="indirect")
        ours = said(t, "a2", "hope so", source="We", kind="indirect")
        store_facts(db, facts(t, name=name, attributions=(yours, ours)))
    rows = [(r["source"], r["quotes"], r["articles"]) for r in sources(db)]
    assert rows == [("(unresolved pronoun)", 4, 2)]


def test_unlinked_speakers_match_by_their_words(corpus: Database) -> None:
    found = quotes(corpus, speaker="campaign official")
    assert [q["content"] for q in found] == ["the plan was far too expensive"]
    assert found[0]["anonymous"] is True


def test_anonymous_sources(corpus: Database) -> None:
    rows = sources(corpus, anonymous=True)
    assert [(r["source"], r["quotes"]) for r in rows] == [("senior campaign official", 1)]
    everyone = {r["source"]: r["quotes"] for r in sources(corpus)}
    assert everyone["Donald Trump"] == 2 and everyone["Bill Clinton"] == 1


def test_entity_profile(corpus: Database) -> None:
    profile = entity_profile(corpus, "Trump")
    assert profile["name"] == "Donald Trump" and profile["type"] == "PERSON"
    assert profile["articles"] == 2 and profile["quotes"] == 2
    assert [(t["title"], t["first"]) for t in profile["titles"]] == [
        ("Republican nominee", "2016-09-12"),
        ("candidate", "2016-10-01"),
    ]
    assert {"Donald Trump", "Trump"} <= set(profile["aliases"])
    company = {c["name"]: c["articles"] for c in profile["cooccurring"]}
    assert company == {"Hillary Clinton": 1, "Ohio": 1, "Mike Pence": 1, "Indiana": 1}
    ohio = entity_profile(corpus, "ohio")
    assert ohio["type"] == "GPE" and ohio["articles"] == 1
    with pytest.raises(StoreError, match="no person or entity"):
        entity_profile(corpus, "Atlantis")


def test_timeline_orders_quotes_and_events_by_date(corpus: Database) -> None:
    rows = timeline(corpus, "Hillary Clinton")
    assert [(r["date"], r["kind"], r["detail"]) for r in rows] == [
        ("2016-09-12", "event", "meeting")
    ]
    assert rows[0]["text"] == "Hillary Clinton met voters in Ohio."
    assert [r["kind"] for r in timeline(corpus, "Trump")] == ["quote", "quote"]


def test_full_text_search(corpus: Database) -> None:
    hits = search(corpus, "walls")
    assert [h["title"] for h in hits] == ["Trump on the wall"]
    assert "wall" in hits[0]["snippet"].casefold() and "[" in hits[0]["snippet"]
    assert [h["input"] for h in search(corpus, '"the economy matters"')] == ["economy.txt"]
    assert {h["input"] for h in search(corpus, "economy OR taxes")} == {"economy.txt", "taxes.txt"}
    assert search(corpus, "zeppelin") == []


def test_stats_and_export_round_trip(corpus: Database) -> None:
    numbers = stats(corpus)
    assert numbers["articles"] == 3 and numbers["attributions"] == 4
    assert numbers["anonymous_attributions"] == 1 and numbers["events"] == 1
    assert numbers["people"] == 4 and numbers["dated_articles"] == 2
    assert (numbers["first_published"], numbers["last_published"]) == ("2016-09-12", "2016-10-01")
    exported = [ArticleFacts.from_dict(d) for d in export_facts(corpus)]
    assert exported == [wall_article(), taxes_article(), economy_article()]
    rows = export_rows(corpus, "attributions")
    assert len(rows) == 4 and rows[0]["speaker"] == "Donald Trump"


def test_fts5_query_syntax() -> None:
    assert fts5_query('wall "great wall" OR border -tax') == (
        '"wall" "great wall" OR "border" NOT "tax"'
    )
    assert fts5_query("  ?? ") == ""


def test_the_store_imports_no_nlp() -> None:
    code = (
        "import sys, newsfacts.store;"
        "bad = [m for m in sys.modules if m.startswith(('spacy', 'newsfacts.extract',"
        " 'newsfacts.nlp', 'newsfacts.pipeline'))];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _mentions(name: str, *people: str) -> ArticleFacts:
    text = " ".join(f"{p} spoke on {name}." for p in people)
    return facts(
        text,
        name=name,
        entities=tuple(person(text, f"e{i}", p) for i, p in enumerate(people)),
    )


def test_a_bare_surname_goes_to_the_dominant_person_only(db: Database) -> None:
    for day in ("one", "two", "three"):
        store_facts(db, _mentions(day, "Donald Trump"))
    store_facts(db, _mentions("four", "Ivanka Trump"))
    store_facts(db, _mentions("five", "Trump"))  # 3 articles against 1: Donald
    assert [(p["name"], p["articles"]) for p in find_people(db, "Trump")] == [("Donald Trump", 4)]
    store_facts(db, _mentions("six", "Hillary Clinton"))
    store_facts(db, _mentions("seven", "Bill Clinton"))
    store_facts(db, _mentions("eight", "Clinton"))  # one article each: nobody to guess
    names = [p["name"] for p in find_people(db, "Clinton")]
    assert sorted(names) == ["Bill Clinton", "Clinton", "Hillary Clinton"]


def test_a_longer_name_is_not_taken_for_a_shorter_one(db: Database) -> None:
    store_facts(db, _mentions("one", "Crooked Hillary Clinton"))
    store_facts(db, _mentions("two", "Hillary Clinton"))
    assert [p["name"] for p in find_people(db, "Hillary Clinton")] == ["Hillary Clinton"]
    store_facts(db, _mentions("three", "Mohamed Shia al-Sudani"))
    store_facts(db, _mentions("four", "al-Sudani"))  # a surname with its particle
    assert [(p["name"], p["articles"]) for p in find_people(db, "Sudani")] == [
        ("Mohamed Shia al-Sudani", 2)
    ]
