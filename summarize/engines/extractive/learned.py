"""The learned sentence ranker: logistic regression over sentence features (``features``).

The weights are data (``summarize/data/ranker.json``, a few hundred bytes) written by
``scripts/train_ranker.py``; docs/benchmarks.md says what they were trained on and how they
compare with lead. A sentence's score is the model's log-odds that it belongs in the
summary, plus a lead prior ``lead_prior / (1 + index)``, plus ``heuristic`` times the
hand-set ranker's score (:func:`~summarize.engines.extractive.ranking.score_sentences`); both
weights are stored with the model and were chosen on tuning data. The blend keeps the
heuristic's strength at long budgets and the model's at reference-length ones.

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
from summarize.engines.extractive.ranking import Scored, Weights, score_sentences, signals
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
    lead_prior: float = 0.0
    heuristic: float = 0.0

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
            float(data.get("lead_prior", 0.0)),
            float(data.get("heuristic", 0.0)),
        )

    def logit(self, row: Sequence[float]) -> float:
        """Log-odds of "in the summary" for one feature row."""
        return self.bias + sum(
            w * (x - m) / s
            for w, x, m, s in zip(self.weights, row, self.mean, self.scale, strict=True)
        )

    def probability(self, row: Sequence[float]) -> float:
        """P(in the summary) of one feature row."""
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, self.logit(row)))))


@cache
def shipped_model() -> RankerModel:
    """The model shipped in ``summarize/data``."""
    text = resources.files("summarize").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return RankerModel.from_dict(json.loads(text))


def learned_scores(
    sentences: Sequence[Sentence],
    lang: str,
    title: str | None,
    model: RankerModel,
    weights: Weights | None = None,
) -> list[Scored]:
    """Every sentence scored by ``model`` (lead order when it is not confident); ``weights``
    are the heuristic ranker's, for the blend."""
    sig = signals(sentences, lang, title)
    logits = [model.logit(row) for row in sentence_features(sentences, sig)]
    top = max(logits, default=-math.inf)
    if _sigmoid(top) < model.confidence:
        scores = [1.0 / (1 + i) for i in range(len(sentences))]
    else:
        hand = [0.0] * len(sentences)
        if model.heuristic:
            hand = [
                s.score for s in score_sentences(sentences, lang, title, weights or Weights(), sig)
            ]
        scores = [
            z + model.lead_prior / (1 + i) + model.heuristic * h
            for i, (z, h) in enumerate(zip(logits, hand, strict=True))
        ]
    return [
        Scored(i, v, word_count(s.text), sig.vectors[i], probability=_sigmoid(z))
        for i, (s, v, z) in enumerate(zip(sentences, scores, logits, strict=True))
    ]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))
