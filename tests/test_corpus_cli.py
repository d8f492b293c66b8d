"""The corpus commands: ingest, then ask. Query commands run on hand-built facts (fast);
ingest runs through the real reader and pipeline on a handful of short articles."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import newsfacts.pipeline
import newsfacts.store
from newsfacts.interfaces.corpus import COMMANDS, ingest_inputs, read_sidecar, register
from newsfacts.models import ArticleFacts
from newsfacts.settings import Settings
from newsfacts.store import Database, open_database, stats, store_facts
from test_store import db as db  # noqa: F401 - the fixture: SQLite and PostgreSQL
from test_store import economy_article, taxes_article, wall_article


@pytest.fixture()
def cli() -> click.Group:
    group = click.Group("newsfacts")
    register(group)
    register(group)  # registering twice is harmless
    return group


@pytest.fixture()
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    with open_database(url) as db:
        for article in (wall_article(), taxes_article(), economy_article()):
            store_facts(db, article)
    return url


def invoke(cli: click.Group, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_command_is_documented(cli: click.Group) -> None:
    assert {c.name for c in COMMANDS} == set(cli.commands)
    for name, command in cli.commands.items():
        assert command.help and len(command.help) > 20, name
        code, out, _ = invoke(cli, name, "--help")
        assert code == 0 and "--db" in out, name


def test_default_database_is_the_stores_and_building_the_cli_imports_no_store() -> None:
    import newsfacts.interfaces.corpus as corpus

    assert corpus.DEFAULT_URL == newsfacts.store.DEFAULT_URL
    code = (
        "import sys, newsfacts.interfaces.cli; "
        "sys.exit(1 if 'newsfacts.store' in sys.modules or 'trafilatura' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0


def test_quotes_as_json_csv_and_text(cli: click.Group, db_url: str) -> None:
    code, out, _ = invoke(cli, "quotes", "--speaker", "Trump", "--db", db_url, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["published"], r["title"], r["content"]) for r in rows] == [
        ("2016-09-12", "Trump on the wall", "we will build a great wall on the border"),
        ("2016-10-01", "Taxes", "taxes would fall"),
    ]
    code, out, _ = invoke(cli, "quotes", "--speaker", "Trump", "--db", db_url, "--format", "csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert [r["content"] for r in table] == [r["content"] for r in rows]
    assert table[0]["speaker"] == "Donald Trump"
    code, out, _ = invoke(
        cli, "quotes", "--speaker", "Trump", "--since", "2016-10-01", "--db", db_url
    )
    assert code == 0 and "“taxes would fall”" in out and "wall" not in out


def test_database_from_the_environment(
    cli: click.Group, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSFACTS_DB", db_url)
    code, out, _ = invoke(cli, "stats", "--format", "json")
    assert code == 0
    assert json.loads(out)["articles"] == 3


def test_entity_timeline_sources_search(cli: click.Group, db_url: str) -> None:
    code, out, _ = invoke(cli, "entity", "Donald Trump", "--db", db_url)
    assert code == 0
    assert "Republican nominee (1 article(s), 2016-09-12 to 2016-09-12)" in out
    assert "Mike Pence (PERSON): 1 article(s)" in out
    code, out, _ = invoke(cli, "entity", "Trump", "--db", db_url, "--format", "json")
    assert json.loads(out)["articles"] == 2
    code, out, _ = invoke(cli, "timeline", "Hillary Clinton", "--db", db_url)
    assert out.startswith("2016-09-12  meeting: Hillary Clinton met voters in Ohio.")
    code, out, _ = invoke(cli, "sources", "--anonymous", "--db", db_url, "--format", "json")
    assert [r["source"] for r in json.loads(out)] == ["senior campaign official"]
    code, out, _ = invoke(cli, "search", "great wall", "--db", db_url)
    assert code == 0 and "Trump on the wall" in out


def test_user_errors_are_one_line_messages(cli: click.Group, db_url: str) -> None:
    code, _, err = invoke(cli, "entity", "Atlantis", "--db", db_url)
    assert code == 1 and err.startswith("newsfacts: error: no person or entity named 'Atlantis'")
    code, _, err = invoke(cli, "quotes", "--since", "yesterday", "--db", db_url)
    assert code == 1 and "YYYY-MM-DD" in err
    code, _, err = invoke(cli, "stats", "--db", "mysql://x/y")
    assert code == 1 and "unsupported database URL" in err


def test_export_jsonl_round_trips_and_csv_tables(
    cli: click.Group, db_url: str, tmp_path: Path
) -> None:
    code, out, _ = invoke(cli, "export", "--db", db_url)
    assert code == 0
    back = [ArticleFacts.from_dict(json.loads(line)) for line in out.splitlines()]
    assert back == [wall_article(), taxes_article(), economy_article()]
    target = tmp_path / "quotes.csv"
    code, _, _ = invoke(
        cli,
        "export",
        "--db",
        db_url,
        "--format",
        "csv",
        "--table",
        "attributions",
        "-o",
        str(target),
    )
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert code == 0 and len(rows) == 4 and rows[1]["anonymous"] == "True"


def test_export_parquet_reads_back(cli: click.Group, db_url: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "attributions.parquet"
    args = ["export", "--db", db_url, "--format", "parquet", "--table", "attributions"]
    code, _, _ = invoke(cli, *args, "-o", str(target))
    assert code == 0
    table = pq.read_table(target)
    assert table.num_rows == 4 and "content" in table.column_names


def test_sidecar_metadata_is_read_by_file_name(tmp_path: Path) -> None:
    sidecar = tmp_path / "metadata.tsv"
    sidecar.write_text(
        "compartment\tfilename\tpublisher\tpublication_date\tauthor\ttitle\n"
        "dev\tone_story\tdaily\t2016-09-12\tNone\tOne story\n",
        encoding="utf-8",
    )
    found = read_sidecar(sidecar)
    meta = found["one_story"]
    assert (meta.published, meta.outlet, meta.authors, meta.title) == (
        "2016-09-12",
        "daily",
        (),
        "One story",
    )


# -- ingest, end to end -------------------------------------------------------------------
GOOD = (
    "Officials met in Berlin on Monday to discuss the budget for the coming year.\n\n"
    "“We have a deal,” Finance Minister Anna Berg said after the meeting.\n"
)
OTHER = (
    "Farmers in the north protested on Tuesday against new water rules.\n\n"
    "“The rules will ruin us,” said Jan Smit, who leads the farmers' union.\n"
)


@pytest.fixture()
def articles(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "budget.txt").write_text(GOOD, encoding="utf-8")
    (folder / "farmers.txt").write_text(OTHER, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "metadata.tsv").write_text(
        "filename\tpublication_date\tpublisher\nbudget\t2024-03-04\tThe Daily\n", encoding="utf-8"
    )
    yield folder


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    # The corpus commands as the `newsfacts` program has them once cli.py registers them.
    code = (
        "from newsfacts.interfaces.cli import main;"
        "from newsfacts.interfaces.corpus import register;"
        "register(main); main()"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300
    )


def test_ingest_stores_once_skips_broken_inputs_and_answers(articles: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    first = run_cli(
        "ingest", str(articles), "--db", url, "--metadata", str(articles / "metadata.tsv"),
        "--published", "2024-03-05", "--format", "json",
    )  # fmt: skip
    assert first.returncode == 1, first.stderr  # the empty file failed; the others are stored
    assert "empty.txt" in first.stderr and "metadata.tsv" not in first.stderr
    assert json.loads(first.stdout)["stored"] == 2
    again = run_cli("ingest", str(articles / "budget.txt"), str(articles / "farmers.txt"),
                    "--db", url, "--format", "json")  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == {
        "stored": 0, "already_stored": 2, "near_duplicates": 0, "failed": 0,
        "articles_in_database": 2,
    }  # fmt: skip
    found = json.loads(run_cli("quotes", "--speaker", "Anna Berg", "--db", url,
                               "--format", "json").stdout)  # fmt: skip
    assert [(q["published"], q["outlet"]) for q in found] == [("2024-03-04", "The Daily")]
    assert "We have a deal" in found[0]["content"]
    dates = json.loads(
        run_cli("quotes", "--about", "rules", "--db", url, "--format", "json").stdout
    )
    assert [q["published"] for q in dates] == ["2024-03-05"]  # --published fills the rest


def test_ingest_keeps_unlikely_attributions_when_asked(tmp_path: Path) -> None:
    import sqlite3

    from conftest import DOUBTED

    path = tmp_path / "donors.txt"
    path.write_text(DOUBTED, encoding="utf-8")
    counts = []
    for name, flags in (("some", ()), ("all", ("--all-attributions",))):
        result = run_cli("ingest", str(path), "--db", f"sqlite:///{tmp_path / name}.db", *flags)
        assert result.returncode == 0, result.stderr
        with sqlite3.connect(tmp_path / f"{name}.db") as con:
            counts.append(con.execute("SELECT COUNT(*) FROM attributions").fetchone()[0])
    assert counts[1] > counts[0] >= 1


def test_an_interrupted_ingest_resumes(
    db: Database, articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Analysis without NLP keeps this fast; what is tested is the commit-per-article loop.
    def analyze(batch: list[newsfacts.pipeline.Prepared], settings: Settings) -> Iterator[object]:
        return (newsfacts.pipeline.extract_prepared(p) for p in batch)

    monkeypatch.setattr(newsfacts.pipeline, "analyze_many", analyze)
    real_store = newsfacts.store.store_facts
    calls = []

    def crash_on_second(database: Database, facts: ArticleFacts) -> newsfacts.store.Stored:
        calls.append(facts.input)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_store(database, facts)

    monkeypatch.setattr(newsfacts.store, "store_facts", crash_on_second)
    inputs = [str(articles / "budget.txt"), str(articles / "farmers.txt")]
    with pytest.raises(KeyboardInterrupt):
        ingest_inputs(inputs, db, Settings())
    assert stats(db)["articles"] == 1
    monkeypatch.setattr(newsfacts.store, "store_facts", real_store)
    report = ingest_inputs(inputs, db, Settings())
    assert (report.known, report.stored, report.failed) == (1, 1, [])
    assert stats(db)["articles"] == 2


def test_organisations_and_places_from_the_command_line(cli: click.Group, tmp_path: Path) -> None:
    from test_store_entities import ARTICLES

    url = f"sqlite:///{tmp_path / 'orgs.db'}"
    with open_database(url) as db:
        for article in ARTICLES:
            store_facts(db, article())
    code, out, _ = invoke(cli, "entity", "the Pentagon", "--db", url)
    assert code == 0 and out.startswith("Pentagon (ORG, organisation)")
    assert "2 article(s)" in out and "seen 2024-01-08 to 2024-02-03" in out
    assert "United States (GPE): 2 article(s)" in out
    code, out, _ = invoke(cli, "quotes", "--speaker", "Pentagon", "--db", url, "--format", "json")
    assert [q["speaker"] for q in json.loads(out)] == ["Pentagon"] * 3
    code, out, _ = invoke(cli, "timeline", "US", "--db", url)
    assert out.startswith("2024-01-08  agreement: The United States and Iraq agreed on a plan")
    code, out, _ = invoke(cli, "stats", "--db", url, "--format", "json")
    numbers = json.loads(out)
    assert (numbers["people"], numbers["organisations"], numbers["places"]) == (1, 3, 3)


def test_progress_counts_the_records_of_a_file(
    db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # One JSON Lines file of five records (two of them broken): the bar ends at 5/5, not 5/1.
    def analyze(batch: list[newsfacts.pipeline.Prepared], settings: Settings) -> Iterator[object]:
        return (newsfacts.pipeline.extract_prepared(p) for p in batch)

    monkeypatch.setattr(newsfacts.pipeline, "analyze_many", analyze)
    spec = str(Path(__file__).parent / "fixtures" / "inputs" / "articles.jsonl")
    report = ingest_inputs([spec], db, Settings(), progress=True, jobs=1)
    assert report.stored + len(report.failed) == 5
    assert "5/5" in capsys.readouterr().err
