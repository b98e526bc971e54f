"""The learned sentence ranker: logistic regression over sentence features (``features``).

The weights are data (``summarize/data/ranker.json``, a few hundred bytes) written by
``scripts/train_ranker.py``; docs/benchmarks.md says what they were trained on and how they
compare with lead. A sentence's score is the model's probability that it belongs in the
summary.

Safety net: when the model is not confident about any sentence of an article (its highest
probability is below the ``confidence`` stored with the weights), the sentences are ranked in
article order instead, so the summary is the lead in whole sentences.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from summarize.engines.extractive.features import FEATURES, sentence_features
from summarize.engines.extractive.ranking import Scored, signals
from summarize.text.normalize import word_count
from summarize.text.sentences import Sentence

MODEL_FILE = "ranker.json"


@dataclass(frozen=True)
class RankerModel:
    """Standardisation, weights and bias of the logistic regression, and its confidence floor."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    confidence: float

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RankerModel:
        """Read the JSON form; the feature list must match :data:`FEATURES`."""
        if tuple(data["features"]) != FEATURES:
            raise ValueError("the ranker weights were trained on other features")
        vec = {k: tuple(float(v) for v in data[k]) for k in ("mean", "scale", "weights")}
        if not all(len(v) == len(FEATURES) for v in vec.values()):
            raise ValueError("the ranker weights do not have one value per feature")
        return cls(
            vec["mean"],
            vec["scale"],
            vec["weights"],
            float(data["bias"]),
            float(data["confidence"]),
        )

    def probability(self, row: Sequence[float]) -> float:
        """P(in the summary) of one feature row."""
        z = self.bias + sum(
            w * (x - m) / s
            for w, x, m, s in zip(self.weights, row, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@cache
def shipped_model() -> RankerModel:
    """The model shipped in ``summarize/data``."""
    text = resources.files("summarize").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return RankerModel.from_dict(json.loads(text))


def learned_scores(
    sentences: Sequence[Sentence], lang: str, title: str | None, model: RankerModel
) -> list[Scored]:
    """Every sentence scored by ``model`` (lead order when it is not confident)."""
    sig = signals(sentences, lang, title)
    probs = [model.probability(row) for row in sentence_features(sentences, sig)]
    if max(probs, default=0.0) < model.confidence:
        probs = [1.0 / (1 + i) for i in range(len(sentences))]
    return [
        Scored(i, p, word_count(s.text), sig.vectors[i])
        for i, (s, p) in enumerate(zip(sentences, probs, strict=True))
    ]
