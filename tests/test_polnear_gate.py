"""Quality gate: attribution scores on PolNeAR dev, read from ../shared at run time (skipped
when it is absent), must not fall below the floors reached.

Floors sit a little under the figures measured when the shipped model was trained (see the
closing note of the attribution work); a change that loses accuracy fails the build.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import shared_path
from newsfacts.evaluation.polnear import PolnearReport, evaluate
from newsfacts.pipeline import analyze_text
from newsfacts.settings import Settings

# exact-span F1 per role and the linked F1, in percent (measured in the twenty-sixth session:
# 77.8, 73.4, 61.8, 74.4); the margin allows for another CPU's BLAS summing in another order
FLOORS = {
    "lstm": {"source": 77.3, "cue": 72.8, "content": 61.2, "linked": 73.8},
    # --tagger encoder (measured: 80.7, 76.0, 65.0, 78.2 on an AMD EPYC; 80.3, 75.7, 64.3,
    # 77.5 on an Intel Xeon before the twenty-fourth session's rules: its 8-bit products
    # round otherwise from one processor to the next)
    "encoder": {"source": 80.1, "cue": 75.4, "content": 64.4, "linked": 77.6},
}


@pytest.fixture(scope="module", params=["lstm", "encoder"])
def report(request: pytest.FixtureRequest) -> tuple[str, PolnearReport]:
    directory = shared_path("polnear", "dev")
    if request.param == "encoder":
        pytest.importorskip("onnxruntime")
    settings = replace(Settings(), role_tagger=request.param)
    return request.param, evaluate(
        directory, lambda text: analyze_text(text, settings).attributions
    )


@pytest.mark.parametrize("role", ["source", "cue", "content"])
def test_exact_span_f1_floor(report: tuple[str, PolnearReport], role: str) -> None:
    tagger, scores = report
    assert 100 * scores.exact[role].f1 >= FLOORS[tagger][role]


def test_linked_f1_floor(report: tuple[str, PolnearReport]) -> None:
    tagger, scores = report
    assert 100 * scores.linked.f1 >= FLOORS[tagger]["linked"]
