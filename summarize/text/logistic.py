"""A logistic regression stored as data: the learned sentence ranker's and line classifier's.

Both are standardised feature rows (``mean``, ``scale``) times ``weights`` plus ``bias``, read
from JSON that names its features. Pure Python: nothing here imports a model library.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any


def sigmoid(z: float) -> float:
    """The logistic function, safe for any finite ``z``."""
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@dataclass(frozen=True)
class Logistic:
    """Standardisation, weights and bias of a logistic regression."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    @staticmethod
    def read(data: dict[str, Any], features: Sequence[str], what: str) -> dict[str, Any]:
        """The checked fields of a model's JSON form, as keyword arguments: its feature list
        must be ``features``, with one mean, scale (positive) and weight each."""
        if tuple(data["features"]) != tuple(features):
            raise ValueError(f"{what} was trained on other features")
        vec = {k: tuple(float(v) for v in data[k]) for k in ("mean", "scale", "weights")}
        if not all(len(v) == len(features) for v in vec.values()):
            raise ValueError(f"{what} does not have one value per feature")
        if any(s <= 0 for s in vec["scale"]):
            raise ValueError(f"{what} has a scale that is not positive")
        return {**vec, "bias": float(data["bias"])}

    @cached_property
    def _coefficients(self) -> tuple[tuple[float, ...], float]:
        """The weights on raw features and the intercept (standardisation folded in)."""
        coefficients = tuple(w / s for w, s in zip(self.weights, self.scale, strict=True))
        shift = sum(c * m for c, m in zip(coefficients, self.mean, strict=True))
        return coefficients, self.bias - shift

    def logit(self, row: Sequence[float]) -> float:
        """Log-odds of the positive class for one feature row."""
        coefficients, intercept = self._coefficients
        return intercept + sum(c * x for c, x in zip(coefficients, row, strict=True))

    def probability(self, row: Sequence[float]) -> float:
        """Probability of the positive class for one feature row."""
        return sigmoid(self.logit(row))
