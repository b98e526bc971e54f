"""ROUGE as eval uses it, the bootstrap interval, and sacrebleu's translation metrics."""

from __future__ import annotations

import sys

import numpy as np
import pytest
import sacrebleu
from rouge_score import rouge_scorer

from summarize.errors import SummarizeError
from summarize.evaluate.scoring import (
    Bootstrap,
    mean_scores,
    percentile,
    reference_streams,
    require_translation_metrics,
    rouge_record,
    rouge_scores,
    translation_scores,
)

ENGLISH = [
    ("the cat sat on the mat", ["the cat is on the mat"]),
    (
        "Police arrested two men after the robbery in the city centre on Monday.",
        ["Two men were arrested on Monday after a robbery in the centre.", "Robbery: two held."],
    ),
    ("Markets fell sharply; oil rose 3%.", ["Oil prices rose 3% while markets fell."]),
]


def test_hand_checked_english_example() -> None:
    # unigrams: the x2, cat, on, mat = 5 of 6 each side; bigrams: the cat, on the,
    # the mat = 3 of 5; LCS: the cat on the mat = 5.
    scores = rouge_record("the cat sat on the mat", ["the cat is on the mat"])
    assert scores["rouge1"] == pytest.approx(100 * 5 / 6)
    assert scores["rouge2"] == pytest.approx(100 * 3 / 5)
    assert scores["rougeL"] == pytest.approx(100 * 5 / 6)


@pytest.mark.parametrize(("prediction", "references"), ENGLISH)
def test_english_matches_rouge_score_averaged_over_references(
    prediction: str, references: list[str]
) -> None:
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)
    per_ref = [scorer.score(ref, prediction) for ref in references]
    ours = rouge_record(prediction, references)
    for metric in ("rouge1", "rouge2", "rougeL"):
        expected = 100 * sum(s[metric].fmeasure for s in per_ref) / len(per_ref)
        assert ours[metric] == pytest.approx(expected)


def test_hand_checked_arabic_partial_overlap() -> None:
    # Folded tokens: ارتفعت اسعار القمح في مصر / اسعار القمح ترتفع في مصر.
    # 4 of 5 unigrams, 2 of 4 bigrams (اسعار القمح, في مصر), LCS 4.
    scores = rouge_record("ارتفعت أسعار القمح في مصر", ["أسعار القمح ترتفع في مصر"])
    assert scores == pytest.approx({"rouge1": 80.0, "rouge2": 50.0, "rougeL": 80.0})


def test_arabic_spelling_variants_and_punctuation_do_not_count() -> None:
    # Hamza on alef, tatweel, diacritics, alef maqsura, ta marbuta and punctuation.
    prediction = "إرتفاع أسعـار القَمْح على المدرسة!"
    reference = "ارتفاع اسعار القمح علي المدرسه."
    assert rouge_record(prediction, [reference]) == pytest.approx(
        {"rouge1": 100.0, "rouge2": 100.0, "rougeL": 100.0}
    )


def test_several_references_are_averaged_not_maximised() -> None:
    scores = rouge_record("أسعار القمح", ["أسعار القمح", "هطول الأمطار"])
    assert scores == pytest.approx({"rouge1": 50.0, "rouge2": 50.0, "rougeL": 50.0})


def test_records_weigh_the_same() -> None:
    # One perfect record and one with nothing in common: the mean is 50 whatever their length.
    scores = rouge_scores(
        ["a b c d e f g h", "x"], [["a b c d e f g h"], ["y"]], Bootstrap(resamples=50)
    )
    assert scores["rouge1"].value == pytest.approx(50.0)


@pytest.mark.parametrize("q", [0.0, 0.025, 0.31, 0.5, 0.975, 1.0])
def test_percentile_matches_numpy(q: float) -> None:
    values = sorted(np.random.default_rng(3).normal(size=57).tolist())
    assert percentile(values, q) == pytest.approx(float(np.percentile(values, 100 * q)))


VALUES = [float(v) for v in np.random.default_rng(1).uniform(0, 100, size=80)]


def test_interval_contains_the_mean_and_is_reproducible() -> None:
    first = mean_scores({"x": VALUES}, Bootstrap(resamples=500, seed=7))["x"]
    again = mean_scores({"x": VALUES}, Bootstrap(resamples=500, seed=7))["x"]
    assert first == again
    assert first.value == pytest.approx(sum(VALUES) / len(VALUES))
    assert first.low < first.value < first.high
    # The standard error of a mean of 80 uniform(0, 100) values is about 3.2.
    assert 6 < first.high - first.low < 20


def test_another_seed_draws_other_resamples() -> None:
    a = mean_scores({"x": VALUES}, Bootstrap(resamples=200, seed=1))["x"]
    b = mean_scores({"x": VALUES}, Bootstrap(resamples=200, seed=2))["x"]
    assert a.value == b.value
    assert (a.low, a.high) != (b.low, b.high)


def test_constant_values_have_no_spread() -> None:
    score = mean_scores({"x": [42.0] * 10}, Bootstrap(resamples=100))["x"]
    assert (score.low, score.value, score.high) == pytest.approx((42.0, 42.0, 42.0))


HYPS = [
    "The minister opened the new port on Monday.",
    "Heavy rain closed several roads in the capital.",
    "The team won three goals to one.",
    "Prices of wheat rose by ten percent.",
]
REFS = [
    ["The minister inaugurated the new port on Monday."],
    ["Heavy rains shut several main roads in the capital.", "Rain closed roads in the capital."],
    ["The national team won three to one."],
    ["Wheat prices rose ten percent last week."],
]


def test_translation_metrics_equal_sacrebleu() -> None:
    scores = translation_scores(HYPS, REFS, Bootstrap(resamples=200))
    streams = reference_streams(REFS)
    assert scores["chrf++"].value == pytest.approx(
        sacrebleu.corpus_chrf(HYPS, streams, word_order=2).score
    )
    assert scores["bleu"].value == pytest.approx(sacrebleu.corpus_bleu(HYPS, streams).score)
    for score in scores.values():
        assert score.low <= score.value <= score.high


def test_single_reference_streams_equal_the_plain_layout() -> None:
    single = [[r[0]] for r in REFS]
    ours = translation_scores(HYPS, single, Bootstrap(resamples=20))
    plain = [[r[0] for r in REFS]]
    assert ours["chrf++"].value == pytest.approx(
        sacrebleu.corpus_chrf(HYPS, plain, word_order=2).score
    )
    assert ours["bleu"].value == pytest.approx(sacrebleu.corpus_bleu(HYPS, plain).score)


def test_reference_streams_pad_short_records_with_none() -> None:
    assert reference_streams([["a", "b"], ["c"]]) == [["a", "c"], ["b", None]]


def test_missing_sacrebleu_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sacrebleu.metrics.bleu", None)
    with pytest.raises(SummarizeError, match=r"pip install 'summarize\[eval\]'"):
        require_translation_metrics()
