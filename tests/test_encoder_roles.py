"""The encoder role tagger (--tagger encoder): windows, decoding, the shipped ONNX model."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy
import pytest

from conftest import check_facts
from newsfacts.extract.encoder_windows import (
    LABELS,
    Transitions,
    decode,
    labelled_spans,
    pack_windows,
)
from newsfacts.settings import Settings

ENCODER = replace(Settings(), role_tagger="encoder")
CLI = [sys.executable, "-m", "newsfacts"]


# -- windows and decoding (no model) -----------------------------------------------------------


def test_whole_sentences_are_packed_up_to_the_width() -> None:
    # four words of three pieces; sentences start at words 0 and 2
    assert pack_windows([3, 3, 3, 3], [0, 2], 12) == [range(0, 4)]
    assert pack_windows([3, 3, 3, 3], [0, 2], 6) == [range(0, 2), range(2, 4)]
    # a window never splits a sentence that fits: the second sentence moves on whole
    assert pack_windows([3, 2, 2, 2], [0, 2], 6) == [range(0, 2), range(2, 4)]


def test_a_sentence_longer_than_the_width_is_cut_between_words() -> None:
    windows = pack_windows([4, 4, 4, 1], [0], 8)
    assert windows == [range(0, 2), range(2, 4)]
    # a single word longer than the width still gets a window of its own
    assert pack_windows([2, 9, 2], [0], 8) == [range(0, 1), range(1, 2), range(2, 3)]


def test_words_with_no_pieces_ride_along() -> None:
    assert pack_windows([2, 0, 2], [0, 2], 4) == [range(0, 3)]


def test_decoding_never_opens_a_span_with_an_inside_label() -> None:
    def row(best: str) -> list[float]:
        return [0.0 if label == best else -5.0 for label in LABELS]

    # taken label by label the best is I-CUE, O, I-SOURCE: no valid reading
    logp = numpy.array([row("I-CUE"), row("O"), row("I-SOURCE")])
    labels = [LABELS[i] for i in decode(logp)]
    for before, after in zip(["O", *labels], labels, strict=False):
        assert not after.startswith("I-") or before[2:] == after[2:]
    assert labels[1] == "O"


def test_decoding_keeps_a_valid_best_path() -> None:
    wanted = ["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT"]
    logp = numpy.array([[0.0 if label == w else -3.0 for label in LABELS] for w in wanted])
    assert [LABELS[i] for i in decode(logp)] == wanted
    assert decode(numpy.zeros((0, len(LABELS)))) == []


def test_learned_transitions_weigh_in() -> None:
    # on their own the scores say B-CONTENT, O, I-...: a CRF that has learnt that content
    # runs on keeps the second word in the span
    logp = numpy.log(
        numpy.array([[0.1, 0.0, 0.0, 0.0, 0.0, 0.8, 0.1], [0.5, 0.0, 0.0, 0.0, 0.0, 0.1, 0.4]])
        + 1e-6
    )
    assert [LABELS[i] for i in decode(logp)] == ["B-CONTENT", "O"]
    n = len(LABELS)
    step = numpy.zeros((n, n))
    step[LABELS.index("B-CONTENT"), LABELS.index("I-CONTENT")] = 1.0
    learned = Transitions(step, numpy.zeros(n), numpy.zeros(n))
    assert [LABELS[i] for i in decode(logp, learned)] == ["B-CONTENT", "I-CONTENT"]
    # a learnt score never makes a forbidden move possible
    step[LABELS.index("O"), LABELS.index("I-CUE")] = 1e6
    assert "I-CUE" not in [LABELS[i] for i in decode(logp, learned)]


def test_transitions_read_from_the_model_metadata() -> None:
    n = len(LABELS)
    read = Transitions.from_json({"step": [[0.5] * n] * n, "first": [0.0] * n, "last": [1.0] * n})
    assert read.step.shape == (n, n) and float(read.last[0]) == 1.0
    with pytest.raises(ValueError):
        Transitions.from_json({"step": [[0.0] * n], "first": [0.0] * n, "last": [0.0] * n})


def test_labels_to_spans() -> None:
    labels = ["B-SOURCE", "I-SOURCE", "O", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CUE"]
    assert labelled_spans(labels) == [("SOURCE", 0, 2), ("CUE", 3, 4), ("CONTENT", 4, 6)]


# -- the shipped model -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tagger():  # type: ignore[no-untyped-def]
    pytest.importorskip("onnxruntime")
    from newsfacts.extract.encoder_roles import encoder_available, load_encoder_tagger

    if not encoder_available():
        pytest.fail("the encoder model is not in the package (make train-encoder)")
    return load_encoder_tagger()


def _parse(text: str):  # type: ignore[no-untyped-def]
    from newsfacts.models import Region
    from newsfacts.nlp.loader import load_pipeline, parse_body

    return parse_body(load_pipeline(Settings()), text, [Region(0, len(text))])


STATEMENT = "The finance minister said on Tuesday that the budget would be cut next year.\n"


def test_the_model_tags_a_reported_statement(tagger) -> None:  # type: ignore[no-untyped-def]
    doc = _parse(STATEMENT)
    roles = {(r.label, doc[r.start : r.end].text) for r in tagger([doc])[0]}
    assert ("CUE", "said") in roles
    assert ("SOURCE", "The finance minister") in roles
    assert any(label == "CONTENT" and "budget would be cut" in text for label, text in roles)


def test_every_window_of_a_long_article_is_read(tagger) -> None:  # type: ignore[no-untyped-def]
    paragraph = (
        "The mayor of Springfield, Ann Lee, said the bridge over the river would reopen in "
        "the spring after repairs costing several million dollars.\n\n"
    )
    doc = _parse(paragraph * 40)  # some 1,200 word pieces: five windows or more
    found = tagger([doc])[0]
    for role in found:
        assert 0 <= role.start < role.end <= len(doc)
        assert not doc[role.start].is_space and not doc[role.end - 1].is_space
        assert "\n" not in doc[role.start : role.end].text
    cues = [r for r in found if r.label == "CUE" and doc[r.start : r.end].text == "said"]
    assert len(cues) >= 36
    assert doc[cues[-1].start].i > len(doc) - 40  # the last paragraph's cue too


def test_a_word_of_more_pieces_than_a_window_holds(tagger) -> None:  # type: ignore[no-untyped-def]
    url = "https://example.org/" + "/".join(f"a{i}.b{i}" for i in range(400))
    doc = _parse(f"The link {url} was posted. {STATEMENT}")
    assert any(len(t.text) > 2000 for t in doc)  # one token of some 2,400 word pieces
    found = tagger([doc])[0]
    assert any(r.label == "CUE" and doc[r.start : r.end].text == "said" for r in found)


def test_blank_and_empty_input(tagger) -> None:  # type: ignore[no-untyped-def]
    assert tagger([]) == []
    assert tagger([_parse("  \n\n  ")]) == [[]]


def test_analyze_with_the_encoder() -> None:
    pytest.importorskip("onnxruntime")
    from newsfacts.pipeline import analyze_text

    facts = analyze_text(STATEMENT, ENCODER)
    (attribution,) = facts.attributions
    assert [STATEMENT[s.start : s.end] for s in attribution.source] == ["The finance minister"]
    assert [STATEMENT[s.start : s.end] for s in attribution.cue] == ["said"]


def test_the_lstm_tagger_as_a_second_opinion() -> None:
    from newsfacts.extract.attribution import Frame
    from newsfacts.extract.frame_merge import consult_lstm
    from newsfacts.extract.quotes import find_quotes

    doc = _parse(STATEMENT)
    said = STATEMENT.index("said")
    wrong = (STATEMENT.index("on Tuesday"), len(STATEMENT) - 2)
    # cues the LSTM does not frame: one with a source stays as it is, one without goes
    other = Frame(cue=[(0, 3)], source=[(4, 11)], content=[wrong])
    alone = Frame(cue=[(0, 3)], source=[], content=[wrong])
    frame = Frame(cue=[(said, said + 4)], source=[(0, 20)], content=[wrong])
    kept = consult_lstm(doc, [frame, other, alone], find_quotes(STATEMENT))
    assert kept == [frame, other]
    # the LSTM frames "said" with the whole "that" clause: a constituent, where "on Tuesday
    # … next year" is none
    assert [STATEMENT[s:e] for s, e in frame.content] == ["that the budget would be cut next year"]
    assert other.content == [wrong]


def test_cli_tagger_encoder(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    article = tmp_path / "a.txt"
    article.write_text(STATEMENT, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsfacts",
            "analyze",
            str(article),
            "--tagger",
            "encoder",
            "--format",
            "json",
        ],
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    check_facts(payload)
    assert payload["attributions"][0]["cue"][0]["text"] == "said"


def test_encoder_in_two_worker_processes(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    for k in range(6):
        (tmp_path / f"{k}.txt").write_text(STATEMENT.replace("Tuesday", f"day {k}"), "utf-8")
    done = subprocess.run(
        [*CLI, "analyze", str(tmp_path), "--tagger", "encoder", "--jobs", "2", "--format", "jsonl"],
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(lines) == 6
    assert all(
        line["attributions"][0]["source"][0]["text"] == "The finance minister" for line in lines
    )


def test_ingest_with_the_encoder_stores_the_statement(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    article = tmp_path / "a.txt"
    article.write_text(STATEMENT, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'news.db'}"
    cli = [sys.executable, "-m", "newsfacts"]
    done = subprocess.run(
        [*cli, "ingest", str(article), "--db", db, "--tagger", "encoder"],
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    asked = subprocess.run(
        [*cli, "quotes", "--about", "budget", "--db", db, "--format", "json"],
        capture_output=True,
        timeout=300,
    )
    assert asked.returncode == 0, asked.stderr
    (row,) = json.loads(asked.stdout)
    assert row["source"] == "The finance minister" and row["cue"] == "said"


def test_without_the_extra_the_cli_says_what_to_install(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(STATEMENT, encoding="utf-8")
    script = (
        "import sys; sys.modules['onnxruntime'] = None\n"  # as if it were not installed
        "from newsfacts.interfaces.cli import main\n"
        f"sys.argv = ['newsfacts', 'analyze', {str(article)!r}, '--tagger', 'encoder']\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=300)
    assert done.returncode == 1
    assert b"pip install 'newsfacts[encoder]'" in done.stderr
    assert b"Traceback" not in done.stderr and done.stdout == b""
