"""The line model: logistic regression over paragraph features, weights kept as data.

The weights are learned by ``bench/train_cleaner.py`` from the scrapinghub pages and stored in
``data/clean_line_model.json``; nothing is learned or downloaded at run time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from newsfacts.clean.features import FEATURE_NAMES
from newsfacts.errors import CleaningError

MODEL_FILE = "clean_line_model.json"


@dataclass(frozen=True)
class LineModel:
    """Weights over standardised features, and how the body run is picked from the odds."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    run_threshold: float = 0.5  # blocks above this probability pull the body run towards them
    keep_threshold: float = 0.2  # blocks inside the run below this probability are dropped

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """P(body) for each feature row."""
        if not rows:
            return []
        x = (np.asarray(rows, dtype=float) - np.asarray(self.mean)) / np.asarray(self.scale)
        z = x @ np.asarray(self.weights) + self.bias
        return [float(p) for p in 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))]

    def to_json(self) -> dict[str, object]:
        return {
            "names": list(self.names),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "bias": self.bias,
            "run_threshold": self.run_threshold,
            "keep_threshold": self.keep_threshold,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LineModel:
        try:
            names = tuple(str(n) for n in _seq(data["names"]))
            model = cls(
                names=names,
                mean=tuple(float(str(v)) for v in _seq(data["mean"])),
                scale=tuple(float(str(v)) for v in _seq(data["scale"])),
                weights=tuple(float(str(v)) for v in _seq(data["weights"])),
                bias=float(str(data["bias"])),
                run_threshold=float(str(data.get("run_threshold", 0.5))),
                keep_threshold=float(str(data.get("keep_threshold", 0.2))),
            )
        except (KeyError, TypeError, ValueError) as err:
            raise CleaningError(f"bad line model: {err}") from err
        if names != FEATURE_NAMES:
            raise CleaningError("line model was trained on other features; retrain it")
        if not len(model.mean) == len(model.scale) == len(model.weights) == len(names):
            raise CleaningError("line model has vectors of different lengths")
        return model


def _seq(value: object) -> list[object]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return value


@lru_cache(maxsize=1)
def default_model() -> LineModel:
    """The shipped line model (loaded once)."""
    raw = resources.files("newsfacts.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return LineModel.from_json(json.loads(raw))
