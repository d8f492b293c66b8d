"""The PolNeAR reader and scorer on a tiny hand-made corpus and on the real dev split."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.errors import InputError
from newsfacts.evaluation.polnear import (
    PolnearFormatError,
    evaluate,
    format_report,
    gold_as_attributions,
    parse_ann,
    read_corpus,
)
from newsfacts.models import Attribution, Span

DEV = Path(__file__).parents[1].parent / "shared" / "data" / "polnear" / "dev"
TEXT = "Taxes will rise, Smith said. Jones told reporters the plan is dead and buried.\n"
Piece = tuple[int, int]


def standoff(text: str, spans: list[tuple[str, str, list[Piece]]], events: list[str]) -> str:
    """A brat annotation of ``text``: a line per span (id, label, pieces, words) and the
    event lines that tie an attribution's spans together."""
    lines = [
        f"{sid}\t{label} {';'.join(f'{a} {b}' for a, b in pieces)}\t"
        + " ".join(text[a:b] for a, b in pieces)
        for sid, label, pieces in spans
    ]
    return "\n".join(lines + events) + "\n"


# two attributions (the second's content in two pieces), then an annotator's flags on spans;
# a span's words can run over a line break, which the reader must pass over
ANN = (
    standoff(
        TEXT,
        [
            ("T901", "Content", [(0, 15)]),
            ("T902", "Source", [(17, 22)]),
            ("T903", "Cue", [(23, 27)]),
            ("T904", "Attribution", [(23, 27)]),
        ],
        ["E901\tAttribution:T904 Content:T901 Cue:T903 Source:T902"],
    )
    + standoff(
        TEXT,
        [
            ("T915", "Source", [(29, 34)]),
            ("T916", "Cue", [(35, 39)]),
            ("T917", "Content", [(50, 58), (59, 77)]),
            ("T918", "Attribution", [(35, 39)]),
        ],
        ["E902\tAttribution:T918 Source:T915 Cue:T916 Content:T917"],
    )
    + standoff(TEXT, [("T909", "Discuss", [(0, 5)]), ("T910", "Discard", [(0, 29)])], [])
    + "The rest of a span text that ran over a line break\n"
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "attributions" / "a_x1.ann").write_text(ANN, "utf-8")
    (tmp_path / "attributions" / "a_y2.ann").write_text("", "utf-8")  # second annotator: unused
    return tmp_path


def attribution(
    source: tuple[int, int], cue: tuple[int, int], content: tuple[int, int]
) -> Attribution:
    def span(pair: tuple[int, int]) -> tuple[Span, ...]:
        return (Span.of(TEXT, *pair),)

    return Attribution("A1", "indirect", span(source), span(cue), span(content))


def test_parse_ann_reads_discontiguous_spans_and_skips_flags() -> None:
    first, second = parse_ann(ANN)
    assert first.source == ((17, 22),) and first.content == ((0, 15),)
    assert second.content == ((50, 58), (59, 77))


def test_first_annotator_is_used(corpus: Path) -> None:
    (article,) = read_corpus(corpus)
    assert len(article.attributions) == 2


def test_gold_scores_100(corpus: Path) -> None:
    gold = gold_as_attributions(read_corpus(corpus)[0])
    report = evaluate(corpus, lambda text: gold)
    for role in ("source", "cue", "content"):
        assert report.exact[role].f1 == 1.0 and report.token[role].f1 == 1.0
    assert report.linked.f1 == 1.0
    assert "100.0" in format_report(report)


def test_partial_prediction(corpus: Path) -> None:
    # right source and cue, content one word short: exact misses, token and linked credit it
    guess = attribution((17, 22), (23, 27), (6, 15))
    report = evaluate(corpus, lambda text: [guess])
    assert report.exact["source"].precision == 1.0 and report.exact["source"].recall == 0.5
    assert report.exact["content"].tp_pred == 0
    assert report.token["content"].precision == 1.0
    assert report.token["content"].tp_gold == 2  # "will rise" out of 3 + 6 gold tokens
    assert report.linked.tp_pred == 1 and report.linked.recall == 0.5


def test_wrong_source_does_not_link(corpus: Path) -> None:
    guess = attribution((29, 34), (23, 27), (0, 15))
    assert evaluate(corpus, lambda text: [guess]).linked.tp_pred == 0


def test_an_article_the_system_refuses_counts_as_finding_nothing(corpus: Path) -> None:
    (corpus / "text" / "b.txt").write_text("Smith said taxes would rise.\n", "utf-8")
    spans = [("T951", "Source", [(0, 5)]), ("T952", "Cue", [(6, 10)])]
    spans.append(("T953", "Content", [(11, 28)]))
    event = "E951\tAttribution:T952 Source:T951 Cue:T952 Content:T953"
    ann = standoff("Smith said taxes would rise.\n", spans, [event])
    (corpus / "attributions" / "b_x1.ann").write_text(ann, "utf-8")

    def predict(text: str) -> list[Attribution]:
        if text.startswith("Smith"):
            raise InputError("not analysable")
        return list(gold_as_attributions(read_corpus(corpus)[0]))

    report = evaluate(corpus, predict)
    assert report.articles == 2 and report.failed == [("b", "not analysable")]
    assert report.exact["source"].precision == 1.0 and report.exact["source"].recall == 2 / 3
    assert "1 could not be analysed" in format_report(report)


def test_missing_folders_raise(tmp_path: Path) -> None:
    with pytest.raises(PolnearFormatError):
        read_corpus(tmp_path)


def test_real_dev_gold_scores_100() -> None:
    if not DEV.exists():
        pytest.skip("PolNeAR dev split not present")
    articles = {a.text: a for a in read_corpus(DEV)}
    for article in articles.values():
        for gold in article.attributions:
            for start, end in gold.source + gold.cue + gold.content:
                assert 0 <= start < end <= len(article.text)
    report = evaluate(DEV, lambda text: gold_as_attributions(articles[text]))
    assert report.gold > 2000
    assert all(report.exact[r].f1 == 1.0 for r in ("source", "cue", "content"))
    assert report.linked.f1 == 1.0
