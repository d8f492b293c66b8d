"""Network layers of the attribution role tagger, registered with spaCy's architectures.

The tagger reuses the English model's shared token vectors (``doc.tensor``, set by its
``tok2vec`` while parsing) instead of encoding the words a second time: they are joined with
a small embedding of the word, its POS tag and its dependency (carried in LEMMA by
``feature_doc``), projected, and given an encoder of the tagger's own: two window layers,
then a bidirectional LSTM over the whole article whose output is added to theirs.

Importing this module registers the architectures; it must happen before the tagger is
loaded or built. It imports nothing heavy at import time beyond thinc and spaCy's registry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from spacy.ml.models.tok2vec import MaxoutWindowEncoder, MultiHashEmbed
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import LSTM, Maxout, Model, chain, concatenate, residual, with_array, with_padded
from thinc.types import Floats2d

TENSOR_WIDTH = 96  # the width of en_core_web_sm's shared tok2vec output


def doc_tensor(width: int = TENSOR_WIDTH) -> Model[list[Doc], list[Floats2d]]:
    """The docs' ``tensor`` rows as features (fixed: nothing is learned or back-propagated)."""
    return Model("doc_tensor", _tensor_forward, dims={"nO": width})


def _tensor_forward(
    model: Model[list[Doc], list[Floats2d]], docs: list[Doc], is_train: bool
) -> tuple[list[Floats2d], Callable[[Any], list[Doc]]]:
    width = model.get_dim("nO")
    out = []
    for doc in docs:
        if not len(doc):
            out.append(model.ops.alloc2f(0, width))
            continue
        tensor = doc.tensor
        if tensor is None or tensor.shape != (len(doc), width):
            shape = None if tensor is None else tensor.shape
            raise ValueError(
                f"doc.tensor has shape {shape}; the attribution tagger needs ({len(doc)}, "
                f"{width}): the token vectors of en_core_web_sm 3.8's tok2vec"
            )
        out.append(model.ops.asarray2f(cast(Floats2d, tensor)))

    def backprop(_: Any) -> list[Doc]:
        return []

    return out, backprop


def tensor_and_hash_embed(
    width: int,
    own_width: int,
    attrs: list[str],
    rows: list[int],
    tensor_width: int = TENSOR_WIDTH,
    pieces: int = 3,
) -> Model[list[Doc], list[Floats2d]]:
    """Shared token vectors joined with a hashed embedding of ``attrs``, projected to ``width``."""
    own = MultiHashEmbed(width=own_width, attrs=attrs, rows=rows, include_static_vectors=False)
    joined: Model[list[Doc], list[Floats2d]] = concatenate(doc_tensor(tensor_width), own)
    project: Model[list[Floats2d], list[Floats2d]] = with_array(
        Maxout(nO=width, nI=tensor_width + own_width, nP=pieces, dropout=0.0, normalize=True)
    )
    model: Model[list[Doc], list[Floats2d]] = chain(joined, project)
    model.set_dim("nO", width)
    return model


def window_lstm_encoder(
    width: int, depth: int, window_size: int, maxout_pieces: int, lstm_depth: int = 1
) -> Model[list[Floats2d], list[Floats2d]]:
    """``depth`` window layers, then a bidirectional LSTM over each doc, added to their output.

    Each window layer widens the view by one token on each side; the LSTM carries the rest
    of the article (thinc's own LSTM: NumPy and Cython, no PyTorch).
    """
    windows = MaxoutWindowEncoder(width, window_size, maxout_pieces, depth)
    lstm: Model[list[Floats2d], list[Floats2d]] = residual(
        with_padded(LSTM(nO=width, nI=width, bi=True, depth=lstm_depth))
    )
    model: Model[list[Floats2d], list[Floats2d]] = chain(windows, lstm)
    model.set_dim("nO", width)
    return model


registry.architectures.register("newsfacts.DocTensor.v1", func=doc_tensor)
registry.architectures.register("newsfacts.WindowLSTMEncoder.v1", func=window_lstm_encoder)
registry.architectures.register("newsfacts.TensorAndHashEmbed.v1", func=tensor_and_hash_embed)
