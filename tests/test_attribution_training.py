"""`make train` end to end on a tiny invented corpus: parse, learn, save, load, tag."""

from __future__ import annotations

from pathlib import Path

import spacy

from newsfacts.extract.roles import COMPONENT, LABELS, predict_roles
from newsfacts.models import Region
from newsfacts.nlp.fast_ops import one_blas_thread
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings
from newsfacts.training.attribution_model import train

ARTICLES = {
    "a": (
        "The mayor said the bridge would reopen in May. Traffic was light.\n",
        [("Source", 0, 9), ("Cue", 10, 14), ("Content", 15, 45)],
    ),
    "b": (
        "Officials warned that the river could flood again. Crews stacked sandbags.\n",
        [("Source", 0, 9), ("Cue", 10, 16), ("Content", 17, 49)],
    ),
}


def _corpus(root: Path) -> Path:
    for split, names in (("train", ["a", "b"]), ("dev", ["a"])):
        (root / split / "text").mkdir(parents=True)
        (root / split / "attributions").mkdir()
        for name in names:
            text, roles = ARTICLES[name]
            (root / split / "text" / f"{name}.txt").write_text(text, "utf-8")
            lines = [
                f"T{i}\t{label} {start} {end}\t{text[start:end]}"
                for i, (label, start, end) in enumerate(roles, 1)
            ]
            ann = "\n".join(lines) + "\n"
            (root / split / "attributions" / f"{name}_x.ann").write_text(ann, "utf-8")
    return root


def _files(model: Path) -> dict[str, bytes]:
    return {str(p.relative_to(model)): p.read_bytes() for p in model.rglob("*") if p.is_file()}


def test_training_writes_a_tagger_that_loads_and_tags(tmp_path: Path) -> None:
    shared = _corpus(tmp_path / "polnear")
    first, second = tmp_path / "first", tmp_path / "second"
    with one_blas_thread():
        train(shared, first, epochs=2, seed=13, cache=tmp_path / "cache")
        # the second run reads the cached parse; the same seed gives the same model
        train(shared, second, epochs=2, seed=13, cache=tmp_path / "cache")
    assert (tmp_path / "cache" / "train.spacy").is_file()
    saved = _files(first)
    assert "config.cfg" in saved
    assert saved == _files(second)

    import newsfacts.extract.role_layers  # noqa: F401 - registers the tagger's layers

    tagger = spacy.load(first)
    assert tagger.pipe_names == [COMPONENT]
    assert set(tagger.get_pipe(COMPONENT).labels) == set(LABELS)  # type: ignore[attr-defined]
    nlp = load_pipeline(Settings())
    text = "The mayor said the bridge would reopen in May."
    doc = parse_body(nlp, text, [Region(0, len(text))])
    (roles,) = predict_roles([doc], tagger)
    assert all(r.label in LABELS and 0 <= r.start < r.end <= len(doc) for r in roles)
