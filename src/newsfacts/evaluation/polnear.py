"""Score attributions against a PolNeAR-format corpus, read from the directory given at run
time (nothing of the corpus is kept here).

``read_corpus`` expects two folders, ``text/`` and ``attributions/``, and pairs each text with
the annotation files named after it, keeping the first of them by name. ``parse_ann`` reads
brat standoff: span lines (``T``) give a type and character pieces, event lines (``E``) tie
spans to roles. Events whose type is in ``TRIGGERS`` become attributions, their role names
read without a trailing number; every other line type is left out.

Scores, micro-averaged over the corpus, per role (source, cue, content):

* exact: a role's pieces (whitespace trimmed) equal the gold role's pieces;
* token: the tokens the role covers in an article, predicted against gold;
* linked (whole attributions): a prediction matches an unmatched gold attribution when the
  contents' token F1 is at least 0.5 and the sources overlap (or both are empty).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsfacts.errors import InputError, NewsfactsError
from newsfacts.models import Attribution, Span

ROLES = ("source", "cue", "content")
TRIGGERS = frozenset({"Attribution", "Attribution-no-source"})
TOKEN = re.compile(r"\w+|[^\w\s]")
LINK_THRESHOLD = 0.5
ANN_LINE = re.compile(r"[A-Z]+\d+\t")

Pieces = tuple[tuple[int, int], ...]


class PolnearFormatError(InputError):
    """A PolNeAR directory or annotation file could not be read."""


@dataclass(frozen=True)
class GoldAttribution:
    source: Pieces
    cue: Pieces
    content: Pieces

    def role(self, name: str) -> Pieces:
        value: Pieces = getattr(self, name)
        return value


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass
class Score:
    """True positives against the predicted and gold counts."""

    tp_pred: int = 0  # predictions that match
    tp_gold: int = 0  # gold items that are matched
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp_pred: int, tp_gold: int, predicted: int, gold: int) -> None:
        self.tp_pred += tp_pred
        self.tp_gold += tp_gold
        self.predicted += predicted
        self.gold += gold


@dataclass
class PolnearReport:
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    exact: dict[str, Score] = field(default_factory=lambda: {r: Score() for r in ROLES})
    token: dict[str, Score] = field(default_factory=lambda: {r: Score() for r in ROLES})
    linked: Score = field(default_factory=Score)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article, why): found nothing


# -- reading ---------------------------------------------------------------------------------


def _pieces(field_text: str) -> Pieces:
    pieces = []
    for part in field_text.split(";"):
        start, end = part.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def parse_ann(content: str) -> tuple[GoldAttribution, ...]:
    """The attributions of one brat ``.ann`` file, in file order."""
    spans: dict[str, tuple[str, Pieces]] = {}
    events: list[list[tuple[str, str]]] = []
    for number, line in enumerate(content.splitlines(), 1):
        if not ANN_LINE.match(line):
            continue  # blank, or the rest of a span text that ran over a line break
        fields = line.split("\t")
        try:
            if line.startswith("T"):
                kind, _, offsets = fields[1].partition(" ")
                spans[fields[0]] = (kind, _pieces(offsets))
            elif line.startswith("E"):
                parts = (arg.partition(":") for arg in fields[1].split())
                events.append([(role, ref) for role, _, ref in parts])
        except (IndexError, ValueError) as err:
            raise PolnearFormatError(f"line {number}: cannot read {line!r}") from err
    found: list[GoldAttribution] = []
    for args in events:
        trigger = args[0][0] if args else ""
        if trigger not in TRIGGERS:
            continue
        roles: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
        for role, ref in args[1:]:
            name = role.rstrip("0123456789").lower()
            if name in roles and ref in spans:
                roles[name].extend(spans[ref][1])
        found.append(GoldAttribution(*(tuple(sorted(roles[r])) for r in ROLES)))
    return tuple(found)


def read_corpus(directory: Path) -> list[GoldArticle]:
    """Every article of a PolNeAR-format ``directory`` with its first annotator's attributions."""
    texts = directory / "text"
    annotations = directory / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise PolnearFormatError(f"{directory} has no text/ and attributions/ folders")
    ann_files = sorted(p.name for p in annotations.glob("*.ann"))
    articles: list[GoldArticle] = []
    for path in sorted(texts.glob("*.txt")):
        name = path.stem
        mine = [f for f in ann_files if f == f"{name}.ann" or f.startswith(f"{name}_")]
        if not mine:
            continue
        text = path.read_text("utf-8")
        gold = parse_ann((annotations / mine[0]).read_text("utf-8"))
        articles.append(GoldArticle(name, text, gold))
    if not articles:
        raise PolnearFormatError(f"{directory} holds no annotated article")
    return articles


def gold_as_attributions(article: GoldArticle) -> list[Attribution]:
    """The gold attributions as newsfacts ``Attribution`` objects (for checks and baselines)."""

    def spans(pieces: Pieces) -> tuple[Span, ...]:
        return tuple(Span.of(article.text, s, e) for s, e in pieces)

    return [
        Attribution(
            id=f"A{i}",
            kind="indirect",
            source=spans(g.source),
            cue=spans(g.cue),
            content=spans(g.content),
        )
        for i, g in enumerate(article.attributions, 1)
    ]


# -- scoring ---------------------------------------------------------------------------------


def _trim(text: str, pieces: Iterable[tuple[int, int]]) -> Pieces:
    out = []
    for start, end in pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return tuple(sorted(set(out)))


def _tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in TOKEN.finditer(text)]


def _covered(tokens: Sequence[tuple[int, int]], pieces: Iterable[tuple[int, int]]) -> set[int]:
    """Indices of tokens that overlap any piece (``tokens`` sorted by offset)."""
    ends = [end for _, end in tokens]
    hits: set[int] = set()
    for start, end in pieces:
        i = bisect_right(ends, start)  # first token ending after the piece starts
        while i < len(tokens) and tokens[i][0] < end:
            hits.add(i)
            i += 1
    return hits


def _f1(a: set[int], b: set[int]) -> float:
    if not a and not b:
        return 1.0
    common = len(a & b)
    return 2 * common / (len(a) + len(b)) if common else 0.0


def _overlap(a: Pieces, b: Pieces) -> bool:
    if not a and not b:
        return True
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def score_article(
    report: PolnearReport,
    text: str,
    gold: Sequence[GoldAttribution],
    predicted: Sequence[Attribution],
) -> None:
    """Add one article's counts to ``report``."""
    gold, pred = _trimmed(text, gold, predicted)
    tokens = _tokens(text)
    report.articles += 1
    report.gold += len(gold)
    report.predicted += len(pred)
    for role in ROLES:
        p_values = Counter(a.role(role) for a in pred if a.role(role))
        g_values = Counter(g.role(role) for g in gold if g.role(role))
        common = sum((p_values & g_values).values())
        report.exact[role].add(common, common, sum(p_values.values()), sum(g_values.values()))
        p_tokens = _covered(tokens, (x for a in pred for x in a.role(role)))
        g_tokens = _covered(tokens, (x for g in gold for x in g.role(role)))
        both = len(p_tokens & g_tokens)
        report.token[role].add(both, both, len(p_tokens), len(g_tokens))
    matched = sum(_links(tokens, gold, pred))
    report.linked.add(matched, matched, len(pred), len(gold))


def _links(
    tokens: Sequence[tuple[int, int]],
    gold: Sequence[GoldAttribution],
    pred: Sequence[GoldAttribution],
) -> list[bool]:
    """For each prediction in order, whether it links to a gold attribution not linked yet:
    content token-F1 at least ``LINK_THRESHOLD`` and overlapping sources (or neither has
    one); of several, the one with the highest F1."""
    g_content = [_covered(tokens, g.content) for g in gold]
    unmatched = set(range(len(gold)))
    out = []
    for a in pred:
        content = _covered(tokens, a.content)
        best: tuple[float, int] | None = None
        for j in unmatched:
            f1 = _f1(content, g_content[j])
            if f1 >= LINK_THRESHOLD and _overlap(a.source, gold[j].source):
                if best is None or f1 > best[0]:
                    best = (f1, j)
        if best is not None:
            unmatched.discard(best[1])
        out.append(best is not None)
    return out


def linked_predictions(
    text: str, gold: Sequence[GoldAttribution], predicted: Sequence[Attribution]
) -> list[bool]:
    """For each predicted attribution, whether the linked score counts it as right."""
    trimmed, pred = _trimmed(text, gold, predicted)
    return _links(_tokens(text), trimmed, pred)


def _trimmed(
    text: str, gold: Sequence[GoldAttribution], predicted: Sequence[Attribution]
) -> tuple[list[GoldAttribution], list[GoldAttribution]]:
    """Gold and predicted roles as pieces with no whitespace at either end."""
    pred = [
        GoldAttribution(*(_trim(text, ((s.start, s.end) for s in getattr(a, r))) for r in ROLES))
        for a in predicted
    ]
    return [GoldAttribution(*(_trim(text, g.role(r)) for r in ROLES)) for g in gold], pred


def evaluate(directory: Path, predict: Callable[[str], Sequence[Attribution]]) -> PolnearReport:
    """Run ``predict`` (article text → attributions) on every article of ``directory``. An
    article ``predict`` refuses is scored as finding nothing and listed in ``failed``."""
    report = PolnearReport()
    for article in read_corpus(directory):
        try:
            predicted = predict(article.text)
        except NewsfactsError as err:
            report.failed.append((article.name, str(err)))
            predicted = []
        score_article(report, article.text, article.attributions, predicted)
    return report


def format_report(report: PolnearReport) -> str:
    """A plain-text table of the scores in percent."""
    lines = [
        f"PolNeAR: {report.articles} articles, {report.gold} gold and "
        f"{report.predicted} predicted attributions",
    ]
    if report.failed:
        lines.append(f"{len(report.failed)} could not be analysed and count as finding nothing")
    lines.append(f"{'':16}{'P':>7}{'R':>7}{'F1':>7}")

    def row(label: str, score: Score) -> str:
        return (
            f"{label:16}{100 * score.precision:7.1f}{100 * score.recall:7.1f}{100 * score.f1:7.1f}"
        )

    for role in ROLES:
        lines.append(row(f"{role} exact", report.exact[role]))
    for role in ROLES:
        lines.append(row(f"{role} token", report.token[role]))
    lines.append(row("linked", report.linked))
    return "\n".join(lines)
