"""The encoder tagger's training data step (`make train-encoder`'s prep), on a tiny corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

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


def test_the_crf_loss_sums_over_every_valid_path() -> None:
    torch = pytest.importorskip("torch")
    from itertools import product

    from newsfacts.extract.encoder_windows import LABELS
    from newsfacts.training.crf import WordCRF, word_scores

    torch.manual_seed(0)
    crf = WordCRF()
    with torch.no_grad():
        for table in (crf.step, crf.first, crf.last):
            table.normal_()
    logits = torch.randn(2, 6, len(LABELS))  # two windows of word pieces
    # the second window opens inside a content span: its first word continues the B-CONTENT
    # before it, a move the opening of an article forbids
    scores, tags, mask = word_scores(logits, [[1, 2, 4], [1, 3]], [[1, 2, 0], [6, 6]])
    before = torch.tensor([-1, 5])
    step, first, last = (t.detach() for t in crf.tables())

    def path_score(window: int, path: tuple[int, ...]) -> Any:
        opening = first if window == 0 else step[5]
        total = opening[path[0]] + scores[window, 0, path[0]]
        for t in range(1, len(path)):
            total = total + step[path[t - 1], path[t]] + scores[window, t, path[t]]
        return total + last[path[-1]]

    expected = 0.0
    for window, n in ((0, 3), (1, 2)):
        every = torch.stack([path_score(window, p) for p in product(range(len(LABELS)), repeat=n)])
        gold = tuple(int(x) for x in tags[window, :n])
        expected += float(torch.logsumexp(every, 0) - path_score(window, gold))
    assert abs(crf.loss(scores, tags, mask, before).item() - expected / 5) < 1e-4
    # read as an article's opening, the second window's gold path is all but impossible
    assert crf.loss(scores, tags, mask).item() > 1000


def test_each_window_knows_the_gold_label_before_it() -> None:
    tokenizers = pytest.importorskip("tokenizers")
    from importlib.resources import files

    from newsfacts.extract.encoder_windows import LABELS
    from newsfacts.training.encoder_tagger import windows_of

    path = files("newsfacts").joinpath("data/encoder_tagger/tokenizer.json")
    tokenizer = tokenizers.Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    # two sentences of five words; the content runs on into the second
    words = ["He", "said", "taxes", "would", "rise", "and", "spending", "would", "fall", "."]
    labels = ["B-SOURCE", "B-CUE", "B-CONTENT"] + ["I-CONTENT"] * 6 + ["O"]
    row = {"words": words, "sent_starts": [0, 5], "labels": labels}
    windows = windows_of(row, tokenizer, width=6)  # too narrow for both sentences
    assert len(windows) == 2
    assert windows[0]["before"] == -1
    assert [LABELS[i] for i in windows[0]["labels"]] == labels[:5]
    assert windows[1]["before"] == LABELS.index("I-CONTENT")
    assert LABELS[windows[1]["labels"][0]] == "I-CONTENT"


def test_mean_of_transition_tables() -> None:
    from newsfacts.training.encoder_tagger import _mean_table

    tables = [[[1.0, -1e4], [3.0, 5.0]], [[2.0, -1e4], [0.0, -5.0]]]
    assert _mean_table(tables) == [[1.5, -1e4], [1.5, 0.0]]
    assert _mean_table([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]]) == [2.0, 4.0]


def test_the_average_of_two_epochs(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    safetensors_torch = pytest.importorskip("safetensors.torch")
    from newsfacts.training.encoder_tagger import average_epochs

    epochs = []
    for n, value in ((1, 1.0), (2, 3.0)):
        folder = tmp_path / f"epoch{n}"
        folder.mkdir()
        weights = {"w": torch.full((2, 3), value), "b": torch.tensor([value, -value])}
        safetensors_torch.save_file(weights, str(folder / "model.safetensors"))
        (folder / "config.json").write_text(json.dumps({"epoch": n}), "utf-8")
        (folder / "transitions.json").write_text(
            json.dumps({"step": [[value, 0.0]], "first": [value], "last": [0.0]}), "utf-8"
        )
        epochs.append(folder)
    out = average_epochs(epochs, tmp_path / "average")
    mean = safetensors_torch.load_file(str(out / "model.safetensors"))
    assert torch.equal(mean["w"], torch.full((2, 3), 2.0))
    assert torch.equal(mean["b"], torch.tensor([2.0, -2.0]))
    assert json.loads((out / "config.json").read_text("utf-8")) == {"epoch": 2}
    assert json.loads((out / "transitions.json").read_text("utf-8")) == {
        "step": [[2.0, 0.0]],
        "first": [2.0],
        "last": [0.0],
    }
