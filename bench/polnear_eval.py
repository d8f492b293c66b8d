"""Score the rule-based attributions on a PolNeAR split and print the table.

.venv/bin/python bench/polnear_eval.py [DIR]      # default: ../shared/data/polnear/dev
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from newsfacts.evaluation.polnear import evaluate, format_report
from newsfacts.extract.attribution import extract_attributions
from newsfacts.models import Attribution, Region
from newsfacts.nlp.loader import load_pipeline, parse_body
from newsfacts.settings import Settings

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT)
    args = parser.parse_args()
    settings = Settings()
    nlp = load_pipeline(settings)

    def predict(text: str) -> Sequence[Attribution]:
        doc = parse_body(nlp, text, [Region(0, len(text))])
        return extract_attributions(doc, (), settings)  # speakers do not count here

    began = time.perf_counter()
    report = evaluate(args.directory, predict)
    print(format_report(report))
    print(f"{time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
