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
from summarize.text.logistic import Logistic, sigmoid
from summarize.text.normalize import word_count
from summarize.text.sentences import Sentence

MODEL_FILE = "ranker.json"


@dataclass(frozen=True)
class RankerModel(Logistic):
    """The sentence ranker's logistic regression (P(in the summary) of a sentence's feature
    row), its confidence floor and its blend weights."""

    confidence: float = 0.0
    lead_prior: float = 0.0
    heuristic: float = 0.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RankerModel:
        """Read the JSON form; the feature list must match :data:`FEATURES`."""
        return cls(
            **Logistic.read(data, FEATURES, "the ranker"),
            confidence=float(data["confidence"]),
            lead_prior=float(data.get("lead_prior", 0.0)),
            heuristic=float(data.get("heuristic", 0.0)),
        )


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
    if sigmoid(top) < model.confidence:
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
        Scored(i, v, word_count(s.text), sig.vectors[i], probability=sigmoid(z))
        for i, (s, v, z) in enumerate(zip(sentences, scores, logits, strict=True))
    ]
