"""The `newsfacts` command, run as a user runs it: a real subprocess on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import DOUBTED, EXAMPLE, check_facts

CLI = [sys.executable, "-m", "newsfacts"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=300)


def test_extract_json_is_valid_and_fast_path(tmp_path: Path) -> None:
    result = run("extract", str(EXAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    check_facts(payload)
    assert payload["entities"] == [] and payload["attributions"] == []
    assert payload["metadata"]["title"].startswith("Netherlands and Germany agree")


def test_analyze_batch_reports_bad_inputs_and_keeps_going(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Officials met in Berlin on Monday to discuss the budget.\n\n"
        "“We have a deal,” Finance Minister Anna Berg said after the meeting.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = run("analyze", str(empty), str(good), str(binary), "--format", "jsonl")
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [item["input"] for item in lines] == [str(good)]
    check_facts(lines[0])
    stderr = result.stderr.decode()
    assert f"{empty}:" in stderr and f"{binary}:" in stderr
    assert "Traceback" not in stderr


def test_analyze_stdin_and_published(tmp_path: Path) -> None:
    text = "“Prices will fall,” Central Bank Governor Maria Lind said on Tuesday.\n"
    result = run(
        "analyze", "-", "--format", "json", "--published", "2024-07-25", stdin=text.encode()
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    check_facts(payload)
    assert payload["input"] == "-"
    assert payload["metadata"]["published"] == "2024-07-25"


def test_bad_published_date_is_a_clear_error() -> None:
    result = run("analyze", str(EXAMPLE), "--published", "25/07/2024")
    assert result.returncode == 1
    assert b"YYYY-MM-DD" in result.stderr and b"Traceback" not in result.stderr


def test_missing_file_is_reported() -> None:
    result = run("extract", "no/such/file.txt")
    assert result.returncode == 1
    assert b"no/such/file.txt" in result.stderr


def test_json_list_for_a_directory(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(
            "The mayor said on Friday that the bridge would reopen next month.\n", encoding="utf-8"
        )
    result = run("extract", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert isinstance(payload, list) and len(payload) == 2
    for item in payload:
        check_facts(item)


def test_text_report_names_people() -> None:
    result = run("analyze", str(EXAMPLE), "--published", "2025-03-14")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Pieter van Dalen" in out and "Katrin Albers" in out
    assert "Who said what" in out


def test_schema_command_prints_the_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "newsfacts ArticleFacts"


def test_every_command_has_help() -> None:
    for command in ("analyze", "extract", "schema", "eval"):
        result = run(command, "--help")
        assert result.returncode == 0, command
        assert b"Usage:" in result.stdout


def test_warnings_exit_3_with_full_output() -> None:
    fixtures = Path(__file__).parent / "fixtures" / "inputs"
    for name in ("mojibake.txt", "windows1252.txt"):
        result = run("extract", str(fixtures / name), "--format", "json")
        assert result.returncode == 3, (name, result.stderr)
        assert b"warning" in result.stderr
        payload = json.loads(result.stdout)
        check_facts(payload)
        assert payload["warnings"]


def test_unbalanced_quotes_are_analysed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "quotes.txt"
    path.write_text(
        "“We will not stop, Mayor Jane Ortiz said on Monday. The council voted later.\n",
        encoding="utf-8",
    )
    result = run("analyze", str(path), "--format", "json")
    assert result.returncode == 3, result.stderr
    payload = json.loads(result.stdout)
    check_facts(payload)
    assert any("quot" in w for w in payload["warnings"])


def test_not_english_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(
        "Le gouvernement a annoncé mardi que les négociations avec les syndicats reprendraient "
        "la semaine prochaine, selon un communiqué publié par le ministère du travail à Paris.\n",
        encoding="utf-8",
    )
    result = run("analyze", str(path))
    assert result.returncode == 1
    assert b"English" in result.stderr and result.stdout == b""


def test_too_large_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("The minister said it was fine. " * 200_000, encoding="utf-8")
    result = run("extract", str(path))
    assert result.returncode == 1
    assert b"limit" in result.stderr or b"large" in result.stderr


def _report(text: str, people: tuple[str, ...], source: str, content: str, **found: Any) -> str:
    """The text report of one hand-built attribution "<source> said/says <content>" in
    ``text``, with ``people`` as entities E1, E2, … and ``found`` the speaker fields."""
    import io

    from newsfacts.interfaces.report import print_report
    from newsfacts.models import ArticleFacts, Attribution, Entity, Metadata, Region, Span

    def span(words: str) -> Span:
        return Span.of(text, text.index(words), text.index(words) + len(words))

    cue = "said" if " said " in text else "says"
    facts = ArticleFacts(
        input="report.txt",
        text=text,
        body=(Region(0, len(text)),),
        metadata=Metadata(),
        entities=tuple(
            Entity(f"E{n}", "PERSON", name, mentions=(span(name),))
            for n, name in enumerate(people, 1)
        ),
        attributions=(
            Attribution(
                "A1",
                "indirect",
                source=(span(source),),
                cue=(span(cue),),
                content=(span(content),),
                **found,
            ),
        ),
    )
    out = io.StringIO()
    print_report(facts, out)
    return out.getvalue()


def test_the_report_names_the_members_of_a_group_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    text = "Antony Blinken met Wang Yi. The two said talks should continue."
    printed = _report(
        text,
        ("Antony Blinken", "Wang Yi"),
        "The two",
        "talks should continue",
        speakers=("E1", "E2"),
    )
    assert "The two (Antony Blinken, Wang Yi)" in printed


def test_the_report_says_what_a_relative_pronoun_stands_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    text = "She cited a new study, which says the plan would cost $2 billion."
    printed = _report(
        text, (), "which", "the plan would cost $2 billion", source_description="a new study"
    )
    assert "which (a new study)" in printed


def test_eval_polnear_scores_a_refused_article_as_nothing_found(tmp_path: Path) -> None:
    english = "The mayor said the bridge would reopen in the spring after repairs.\n"
    french = (Path(__file__).parent / "fixtures" / "inputs" / "french.txt").read_text("utf-8")
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for name, text in (("en", english), ("fr", french)):
        (tmp_path / "text" / f"{name}.txt").write_text(text, "utf-8")
        (tmp_path / "attributions" / f"{name}_x.ann").write_text(
            "T1\tSource 0 9\tx\nT2\tCue 10 14\tx\nE1\tAttribution:T2 Source:T1 Cue:T2\n", "utf-8"
        )
    result = run("eval", "polnear", str(tmp_path))
    assert result.returncode == 1
    assert b"fr: text does not look like English" in result.stderr
    assert b"(scored as finding nothing)" in result.stderr
    assert b"PolNeAR: 2 articles" in result.stdout and b"source exact" in result.stdout


def test_all_attributions_keeps_the_unlikely_ones(tmp_path: Path) -> None:
    path = tmp_path / "donors.txt"
    path.write_text(DOUBTED, encoding="utf-8")
    found = {}
    for flags in ((), ("--all-attributions",)):
        result = run("analyze", str(path), "--format", "json", *flags)
        assert result.returncode == 0, result.stderr
        found[flags] = json.loads(result.stdout)["attributions"]
    kept, everything = found[()], found[("--all-attributions",)]
    assert len(everything) > len(kept) >= 1
    assert all(a["confidence"] >= 0.25 for a in kept)
    assert any(a["confidence"] < 0.25 for a in everything)
