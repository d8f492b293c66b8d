"""The encoder tagger's training data step (`make train-encoder`'s prep), on a tiny corpus."""

from __future__ import annotations

import json
from pathlib import Path

from newsfacts.training.encoder_tagger import prep

TEXT = "The mayor said the bridge would reopen. Traffic was light on Monday.\n"
# Source "The mayor" (0-9), Cue "said" (10-14), Content "the bridge would reopen" (15-38)
ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 38\tthe bridge would reopen\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
)


def _corpus(root: Path) -> Path:
    for split in ("train", "dev"):
        (root / split / "text").mkdir(parents=True)
        (root / split / "attributions").mkdir()
        (root / split / "text" / "a.txt").write_text(TEXT, "utf-8")
        (root / split / "attributions" / "a_x.ann").write_text(ANN, "utf-8")
    return root


def test_prep_writes_parsed_sentences_and_bio_labels(tmp_path: Path) -> None:
    shared = _corpus(tmp_path / "polnear")
    path = prep(shared, build=tmp_path / "build", cache=tmp_path / "cache")
    rows = json.loads(path.read_text("utf-8"))
    assert [len(rows[s]) for s in ("train", "dev")] == [1, 1]
    row = rows["train"][0]
    assert row["name"] == "a"
    # the windows follow the parser's sentences: two here, the second at "Traffic"
    assert row["sent_starts"] == [0, row["words"].index("Traffic")]
    labelled = list(zip(row["words"], row["labels"], strict=True))
    assert labelled[:7] == [
        ("The", "B-SOURCE"),
        ("mayor", "I-SOURCE"),
        ("said", "B-CUE"),
        ("the", "B-CONTENT"),
        ("bridge", "I-CONTENT"),
        ("would", "I-CONTENT"),
        ("reopen", "I-CONTENT"),
    ]
    assert {label for _, label in labelled[7:]} == {"O"}
    # a second run reads the cached parse and writes the same rows
    again = prep(shared, build=tmp_path / "build", cache=tmp_path / "cache")
    assert json.loads(again.read_text("utf-8")) == rows
