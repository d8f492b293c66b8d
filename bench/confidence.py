"""How well each attribution's confidence tells right from wrong, on PolNeAR dev.

    .venv/bin/python bench/confidence.py [DIR] [--encoder]   (default ../shared/data/polnear/dev)

Analyses every article with every attribution kept (``confidence.recording``), labels each
one right when PolNeAR's linked score counts it, and prints:
- the AUC of the confidence (the chance that a right attribution is rated above a wrong one)
  and its Brier score, beside those of a constant at the share of right attributions;
- for cut-offs around the shipped one, how many attributions would be left out, how many of
  them right, and the exact-span F1 of source, cue and content and the linked F1, with all
  attributions and with those under the cut-off left out (the shipped one is marked).
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsfacts.evaluation.polnear import (
    PolnearReport,
    linked_predictions,
    read_corpus,
    score_article,
)
from newsfacts.extract.confidence import load_model, recording
from newsfacts.models import Attribution
from newsfacts.pipeline import analyze_text
from newsfacts.settings import Settings

CUT_OFFS = (0.15, 0.2, 0.25, 0.3, 0.35)


def auc(scores: list[float], labels: list[bool]) -> float:
    """Mann-Whitney: ties count half."""
    ranked = sorted(zip(scores, labels, strict=True))
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mean_rank = (i + j + 1) / 2  # ranks i+1 … j
        rank_sum += mean_rank * sum(1 for _, label in ranked[i:j] if label)
        i = j
    right = sum(labels)
    wrong = len(labels) - right
    return (rank_sum - right * (right + 1) / 2) / (right * wrong)


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--encoder"]
    directory = Path(args[0]) if args else Path("../shared/data/polnear/dev")
    model = load_model()
    if model is None:
        raise SystemExit("no confidence model shipped (src/newsfacts/data/)")
    settings = Settings(role_tagger="encoder" if "--encoder" in sys.argv else "lstm")
    articles = []
    for article in read_corpus(directory):
        with recording():
            facts = analyze_text(article.text, settings)
        right = linked_predictions(article.text, article.attributions, facts.attributions)
        articles.append((article, list(facts.attributions), right))
    scores = [a.confidence for _, found, _ in articles for a in found]
    labels = [r for _, _, right in articles for r in right]
    share = sum(labels) / len(labels)
    brier = sum((s - y) ** 2 for s, y in zip(scores, labels, strict=True)) / len(labels)
    print(f"{len(articles)} articles, {len(labels)} attributions, {share:.1%} right (linked)")
    print(f"confidence: AUC {auc(scores, labels):.3f}, Brier {brier:.4f}")
    print(f"a constant {share:.2f}: AUC 0.500, Brier {share * (1 - share):.4f}")

    def report(cut: float) -> PolnearReport:
        out = PolnearReport()
        for article, found, _ in articles:
            kept: list[Attribution] = [a for a in found if a.confidence >= cut]
            score_article(out, article.text, article.attributions, kept)
        return out

    def figures(r: PolnearReport) -> str:
        exact = " / ".join(f"{r.exact[role].f1 * 100:.2f}" for role in ("source", "cue", "content"))
        return f"{exact}; linked {r.linked.f1 * 100:.2f}"

    print(f"all kept:         {figures(report(0.0))}")
    for cut in sorted({*CUT_OFFS, model.drop_below}):
        left = [y for s, y in zip(scores, labels, strict=True) if s < cut]
        mark = " (shipped)" if cut == model.drop_below else ""
        print(
            f"below {cut:.2f}: {len(left):4d} left out, {sum(left):3d} of them right; "
            f"{figures(report(cut))}{mark}"
        )


if __name__ == "__main__":
    main()
