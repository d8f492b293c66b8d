"""The PolNeAR scorer on hand-built gold attributions, and the reader on the real dev split,
read from ../shared (those tests skip when it is absent)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from conftest import shared_path
from newsfacts.errors import InputError
from newsfacts.evaluation.polnear import (
    ROLES,
    TRIGGERS,
    GoldArticle,
    GoldAttribution,
    PolnearFormatError,
    PolnearReport,
    evaluate,
    format_report,
    gold_as_attributions,
    parse_ann,
    read_corpus,
    score_article,
)
from newsfacts.models import Attribution, Span

TEXT = "Taxes will rise, Smith said. Jones told reporters the plan is dead and buried.\n"
# two attributions, the second's content in two pieces ("the plan is" + "dead and buried")
GOLD = (
    GoldAttribution(source=((17, 22),), cue=((23, 27),), content=((0, 15),)),
    GoldAttribution(source=((29, 34),), cue=((35, 39),), content=((50, 58), (59, 77))),
)


def attribution(
    source: tuple[int, int], cue: tuple[int, int], content: tuple[int, int]
) -> Attribution:
    def span(pair: tuple[int, int]) -> tuple[Span, ...]:
        return (Span.of(TEXT, *pair),)

    return Attribution("A1", "indirect", span(source), span(cue), span(content))


def scored(predicted: list[Attribution]) -> PolnearReport:
    report = PolnearReport()
    score_article(report, TEXT, GOLD, predicted)
    return report


def test_gold_scores_100() -> None:
    report = scored(gold_as_attributions(GoldArticle("a", TEXT, GOLD)))
    for role in ("source", "cue", "content"):
        assert report.exact[role].f1 == 1.0 and report.token[role].f1 == 1.0
    assert report.linked.f1 == 1.0
    assert "100.0" in format_report(report)


def test_partial_prediction() -> None:
    # right source and cue, content one word short: exact misses, token and linked credit it
    report = scored([attribution((17, 22), (23, 27), (6, 15))])
    assert report.exact["source"].precision == 1.0 and report.exact["source"].recall == 0.5
    assert report.exact["content"].tp_pred == 0
    assert report.token["content"].precision == 1.0
    assert report.token["content"].tp_gold == 2  # "will rise" out of 3 + 6 gold tokens
    assert report.linked.tp_pred == 1 and report.linked.recall == 0.5


def test_wrong_source_does_not_link() -> None:
    assert scored([attribution((29, 34), (23, 27), (0, 15))]).linked.tp_pred == 0


def test_missing_folders_raise(tmp_path: Path) -> None:
    with pytest.raises(PolnearFormatError):
        read_corpus(tmp_path)


# -- the real dev split ---------------------------------------------------------------------


def test_the_first_annotator_file_in_sorted_order_is_read() -> None:
    dev = shared_path("polnear", "dev")
    files: dict[str, list[Path]] = defaultdict(list)
    for path in (dev / "attributions").glob("*.ann"):
        files[path.stem.rsplit("_", 1)[0]].append(path)
    several = {name: sorted(paths) for name, paths in files.items() if len(paths) > 1}
    assert several  # the split has articles annotated more than once
    articles = {a.name: a for a in read_corpus(dev)}
    for name, paths in several.items():
        assert articles[name].attributions == parse_ann(paths[0].read_text("utf-8"))


def _label(line: str) -> str:
    """The type a standoff line declares: the second column's first word, before any colon;
    empty for the rest of a span's words run over a line break."""
    columns = line.split("\t")
    return columns[1].split(" ")[0].split(":")[0] if len(columns) > 1 else ""


def _scored(label: str) -> bool:
    """An attribution's trigger, a role's span, or no label at all: what the scorer reads."""
    return not label or label in TRIGGERS or label.rstrip("0123456789").lower() in ROLES


def test_discontiguous_spans_are_pieces_and_flags_no_attributions() -> None:
    dev = shared_path("polnear", "dev")
    flagged = 0
    for path in sorted((dev / "attributions").glob("*.ann")):
        content = path.read_text("utf-8")
        lines = content.splitlines(keepends=True)
        unflagged = [ln for ln in lines if _scored(_label(ln))]  # without annotators' flags
        if len(unflagged) < len(lines):
            flagged += 1
            assert parse_ann("".join(unflagged)) == parse_ann(content)
    assert flagged
    pieces = [g.content for a in read_corpus(dev) for g in a.attributions]
    assert any(len(p) > 1 for p in pieces)


def test_real_dev_gold_scores_100() -> None:
    dev = shared_path("polnear", "dev")
    articles = {a.text: a for a in read_corpus(dev)}
    for article in articles.values():
        for gold in article.attributions:
            for start, end in gold.source + gold.cue + gold.content:
                assert 0 <= start < end <= len(article.text)
    report = evaluate(dev, lambda text: gold_as_attributions(articles[text]))
    assert report.gold > 2000
    assert all(report.exact[r].f1 == 1.0 for r in ("source", "cue", "content"))
    assert report.linked.f1 == 1.0


def test_an_article_the_system_refuses_counts_as_finding_nothing() -> None:
    dev = shared_path("polnear", "dev")
    articles = read_corpus(dev)
    refused = next(a for a in articles if a.attributions)
    by_text = {a.text: a for a in articles}

    def predict(text: str) -> list[Attribution]:
        if text == refused.text:
            raise InputError("not analysable")
        return gold_as_attributions(by_text[text])

    report = evaluate(dev, predict)
    assert report.articles == len(articles)
    assert report.failed == [(refused.name, "not analysable")]
    assert report.exact["cue"].precision == 1.0 and report.exact["cue"].recall < 1.0
    assert "1 could not be analysed" in format_report(report)
