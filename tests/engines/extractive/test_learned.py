"""The learned ranker: its shipped weights, features, safety net and engine wiring."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources

import pytest

from summarize.engines import engine_names
from summarize.engines.base import Length
from summarize.engines.extractive.engine import ExtractiveEngine
from summarize.engines.extractive.features import FEATURES, sentence_features
from summarize.engines.extractive.learned import RankerModel, learned_scores, shipped_model
from summarize.engines.extractive.ranking import signals
from summarize.settings import Settings
from tests.engines.extractive.test_extractive import FLOODS, floods, make_doc


def test_shipped_weights_match_the_features_and_are_small() -> None:
    raw = resources.files("summarize").joinpath("data", "ranker.json").read_bytes()
    assert len(raw) < 4096
    data = json.loads(raw)
    assert data["features"] == list(FEATURES)
    model = shipped_model()
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(FEATURES)
    assert 0.0 < model.confidence < 1.0


def test_weights_for_other_features_are_refused() -> None:
    data = json.loads(resources.files("summarize").joinpath("data", "ranker.json").read_text())
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="other features"):
        RankerModel.from_dict(data)


def test_one_feature_row_per_sentence() -> None:
    doc = floods("فيضانات الإسكندرية")
    rows = sentence_features(doc.sentences, signals(doc.sentences, "ar", doc.title))
    assert len(rows) == len(FLOODS)
    assert all(len(row) == len(FEATURES) for row in rows)
    first = dict(zip(FEATURES, rows[0], strict=True))
    assert first["first"] == 1.0 and first["position"] == 1.0
    assert dict(zip(FEATURES, rows[1], strict=True))["first"] == 0.0


def test_the_model_prefers_the_lead_and_on_topic_sentences() -> None:
    scores = learned_scores(floods().sentences, "ar", None, shipped_model())
    assert max(scores, key=lambda s: s.score).index == 0
    assert scores[3].score > scores[2].score  # the power cut vs the library, one place later


def test_an_unconfident_model_falls_back_to_lead_order() -> None:
    # The football sentence first: a confident model could rank it anywhere; a model whose
    # confidence floor is never reached ranks in article order.
    doc = make_doc([[FLOODS[6]], *([s] for s in FLOODS[:6]), [FLOODS[7]]])
    never = replace(shipped_model(), confidence=1.01)
    scores = learned_scores(doc.sentences, "ar", None, never)
    assert [s.index for s in sorted(scores, key=lambda s: -s.score)] == list(range(len(FLOODS)))


def test_the_learned_engine_keeps_the_length_contract() -> None:
    engine = ExtractiveEngine(ranker="learned")
    out = "".join(engine.summarize(floods(), Length(max_words=60), "ar"))
    assert 0.85 * 60 <= len(out.split()) <= 60
    with pytest.raises(ValueError, match="unknown ranker"):
        ExtractiveEngine(ranker="bogus")


def test_the_learned_engine_is_registered() -> None:
    from summarize.engines.registry import summarizer_factory

    assert "extractive-learned" in engine_names()
    factory = summarizer_factory("extractive-learned")
    assert factory is not None
    engine = factory(Settings.from_env(), None)
    assert isinstance(engine, ExtractiveEngine) and engine.ranker == "learned"
