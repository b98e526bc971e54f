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
    assert model.lead_prior == data["lead_prior"] >= 0.0


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


def test_layout_and_reporting_features() -> None:
    # Paragraphs: [0, 1], [2], [3 (reporting verb), 4].
    doc = make_doc([[FLOODS[0], FLOODS[1]], [FLOODS[2]], [FLOODS[3], FLOODS[4]]])
    rows = sentence_features(doc.sentences, signals(doc.sentences, "ar", None))
    named = [dict(zip(FEATURES, row, strict=True)) for row in rows]
    assert [r["paragraph_index"] for r in named] == [1.0, 1.0, 0.5, 1 / 3, 1 / 3]
    assert [r["in_paragraph"] for r in named] == [1.0, 0.5, 1.0, 1.0, 0.5]
    assert [r["reporting"] for r in named] == [0.0, 0.0, 0.0, 1.0, 0.0]
    assert named[0]["first_similarity"] == 1.0
    # The flooded streets share words with the lead sentence; the library shares fewer.
    assert named[1]["first_similarity"] > named[2]["first_similarity"]


def test_the_lead_prior_lifts_early_sentences() -> None:
    doc = floods()
    flat = replace(shipped_model(), lead_prior=0.0)
    steep = replace(shipped_model(), lead_prior=5.0)
    base = learned_scores(doc.sentences, "ar", None, flat)
    lifted = learned_scores(doc.sentences, "ar", None, steep)
    gains = [b.score - a.score for a, b in zip(base, lifted, strict=True)]
    assert gains == sorted(gains, reverse=True)
    assert gains[0] == 5.0


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


def test_the_learned_ranker_is_the_default_and_the_heuristic_one_stays_reachable() -> None:
    from summarize.engines.registry import summarizer_factory

    assert ExtractiveEngine().ranker == "learned"
    rankers = {}
    for name in ("extractive", "extractive-learned", "extractive-heuristic"):
        assert name in engine_names()
        factory = summarizer_factory(name)
        assert factory is not None
        engine = factory(Settings.from_env(), None)
        assert isinstance(engine, ExtractiveEngine)
        rankers[name] = engine.ranker
    assert rankers == {
        "extractive": "learned",
        "extractive-learned": "learned",
        "extractive-heuristic": "heuristic",
    }
