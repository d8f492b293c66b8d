"""The role tagger's own encoder: window layers, then an LSTM that reads the whole article."""

from __future__ import annotations

import numpy

from newsfacts.extract.role_layers import window_lstm_encoder


def _changed_rows(depth: int, lstm: bool) -> list[int]:
    """Rows of the encoder's output that move when only the first token's input moves."""
    from spacy.ml.models.tok2vec import MaxoutWindowEncoder

    rng = numpy.random.default_rng(3)
    tokens = rng.standard_normal((12, 16)).astype("float32")
    encoder = window_lstm_encoder(16, depth, 1, 2) if lstm else MaxoutWindowEncoder(16, 1, 2, depth)
    encoder.initialize(X=[tokens])
    before = encoder.predict([tokens])[0]
    moved = tokens.copy()
    moved[0] += 5.0
    after = encoder.predict([moved])[0]
    return [i for i in range(len(tokens)) if not numpy.array_equal(before[i], after[i])]


def test_window_layers_alone_see_only_their_neighbours() -> None:
    assert _changed_rows(depth=2, lstm=False) == [0, 1, 2]


def test_the_lstm_carries_a_word_to_the_end_of_the_article() -> None:
    rows = _changed_rows(depth=2, lstm=True)
    assert rows == list(range(12))  # the window layers alone reach three (above)
