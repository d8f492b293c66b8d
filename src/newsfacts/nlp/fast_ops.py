"""Matrix products for spaCy's networks through NumPy's BLAS instead of blis.

thinc's CPU ops multiply matrices with blis. On the CPUs measured here (x86 with AVX-512) the
OpenBLAS build that NumPy ships does the same products about three times faster on one
thread, and the token encoders of spaCy's tagger, parser and NER are mostly such products.
``use_matmul`` swaps the ops of a loaded pipeline's networks for ``MatmulOps``: every other
operation is thinc's own, and the annotations come out the same (measured on the PolNeAR dev
and train articles: every tag, head, dependency label, lemma and entity of 841,000 tokens;
a test checks a hand-built text).

The parser's transition steps run compiled code of their own and are not affected.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Any

import numpy
from spacy.language import Language
from thinc.api import Model, NumpyOps


class MatmulOps(NumpyOps):  # type: ignore[misc]
    """thinc's NumPy ops, with ``gemm`` computed by ``numpy.matmul``."""

    name = "newsfacts_matmul"

    def gemm(
        self,
        x: Any,
        y: Any,
        out: Any = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        left = x.T if trans1 else x
        right = y.T if trans2 else y
        if out is None:
            return numpy.matmul(left, right)
        numpy.matmul(left, right, out=out)
        return out


def use_matmul(nlp: Language) -> None:
    """Give every network of ``nlp``'s components ``MatmulOps`` (idempotent)."""
    ops = MatmulOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                if type(node.ops) is NumpyOps:
                    node.ops = ops


def one_blas_thread() -> AbstractContextManager[object]:
    """Hold NumPy's BLAS to one thread for the ``with`` block (then restore it).

    The products here are small (a few hundred rows at a time): a second thread gains little
    and, beside a second worker or any other busy process, its spinning costs more than that.
    """
    limiter: AbstractContextManager[object] = _controller().limit(limits=1, user_api="blas")
    return limiter


@lru_cache(maxsize=1)
def _controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()
