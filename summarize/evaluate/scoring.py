"""Scores: ROUGE for summaries, chrF++ and BLEU for translations, with bootstrap intervals.

Every score is on a 0-100 scale. ROUGE-1/2/L F1 is averaged over a record's references,
then over records (so each record weighs the same). chrF++ and BLEU are sacrebleu's
corpus-level scores, the numbers published results use. The 95% interval is a seeded
percentile bootstrap over records: resample the records with replacement, recompute the
score, take the 2.5th and 97.5th percentiles. Systems scored on the same records share the
same resamples, so their intervals are paired.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from summarize.errors import SummarizeError

ROUGE_METRICS = ("rouge1", "rouge2", "rougeL")
# default: the project's folded tokens (summarize.evaluate.rouge); xlsum: the XL-Sum authors'
# tokens and Arabic stemming (summarize.evaluate.xlsum), comparable with published figures.
ROUGE_SCHEMES = ("default", "xlsum")
TRANSLATION_METRICS = ("chrf++", "bleu")
METRIC_LABELS = {
    "rouge1": "ROUGE-1",
    "rouge2": "ROUGE-2",
    "rougeL": "ROUGE-L",
    "chrf++": "chrF++",
    "bleu": "BLEU",
}
EVAL_EXTRA_HINT = "pip install 'summarize[eval]'"


@dataclass(frozen=True)
class Score:
    """A score and its bootstrap confidence interval (``low`` ≤ ``high``)."""

    value: float
    low: float
    high: float

    def to_dict(self) -> dict[str, float]:
        """Rounded for JSON: two decimals is finer than any interval here."""
        return {
            "value": round(self.value, 4),
            "low": round(self.low, 4),
            "high": round(self.high, 4),
        }


@dataclass(frozen=True)
class Bootstrap:
    """How intervals are estimated: ``resamples`` draws, seeded, at ``confidence``."""

    resamples: int = 1000
    seed: int = 0
    confidence: float = 0.95

    def indices(self, n: int) -> Iterator[list[int]]:
        """The resamples of ``n`` records, drawn lazily: the same for the same ``n`` and seed."""
        rng = random.Random(f"{self.seed}:{n}")
        population = range(n)
        for _ in range(self.resamples):
            yield rng.choices(population, k=n)


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0-1) of sorted values, interpolating linearly (numpy's default)."""
    if not sorted_values:
        raise ValueError("percentile of no values")
    pos = q * (len(sorted_values) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def interval(stats: Sequence[float], bootstrap: Bootstrap) -> tuple[float, float]:
    """Percentile interval of resampled statistics."""
    ordered = sorted(stats)
    tail = (1 - bootstrap.confidence) / 2
    return percentile(ordered, tail), percentile(ordered, 1 - tail)


def mean_scores(columns: Mapping[str, Sequence[float]], bootstrap: Bootstrap) -> dict[str, Score]:
    """The mean of each column of per-record values, with bootstrap intervals.

    All columns share each resample (one pass over the resamples).
    """
    n = len(next(iter(columns.values())))
    if n == 0:
        raise ValueError("no values to score")
    means: dict[str, list[float]] = {name: [] for name in columns}
    for idx in bootstrap.indices(n):
        for name, values in columns.items():
            means[name].append(sum([values[i] for i in idx]) / n)
    return {
        name: Score(sum(values) / n, *interval(means[name], bootstrap))
        for name, values in columns.items()
    }


def rouge_tokenizer(scheme: str) -> Callable[[str], list[str]]:
    """The tokens ROUGE compares under ``scheme`` (one of :data:`ROUGE_SCHEMES`)."""
    if scheme == "xlsum":
        from summarize.evaluate.xlsum import arabic_stemmer, xlsum_tokens

        arabic_stemmer()  # fail now, with the install command, when nltk is missing
        return xlsum_tokens
    from summarize.evaluate.rouge import rouge_tokens

    return rouge_tokens


def rouge_record(
    prediction: str, references: Sequence[str], scheme: str = "default"
) -> dict[str, float]:
    """ROUGE-1/2/L F1 (0-100) of one prediction: the MEAN over its references."""
    from summarize.evaluate.rouge import score_tokens

    tokens = rouge_tokenizer(scheme)
    cand = tokens(prediction)
    per_ref = [score_tokens(cand, tokens(ref)) for ref in references]
    return {m: 100 * sum(r[m].fmeasure for r in per_ref) / len(per_ref) for m in ROUGE_METRICS}


def rouge_scores(
    predictions: Sequence[str],
    references: Sequence[Sequence[str]],
    bootstrap: Bootstrap,
    scheme: str = "default",
) -> dict[str, Score]:
    """ROUGE-1/2/L F1 over records: per-record mean over references, then mean over records."""
    rows = [rouge_record(p, refs, scheme) for p, refs in zip(predictions, references, strict=True)]
    return mean_scores({m: [row[m] for row in rows] for m in ROUGE_METRICS}, bootstrap)


def _sacrebleu_metrics() -> dict[str, Any]:
    try:
        from sacrebleu.metrics.bleu import BLEU
        from sacrebleu.metrics.chrf import CHRF
    except ImportError:
        raise SummarizeError(f"translation metrics need sacrebleu: {EVAL_EXTRA_HINT}") from None
    return {"chrf++": CHRF(word_order=2), "bleu": BLEU()}


def require_translation_metrics() -> None:
    """Fail early, with the install command, when sacrebleu is missing."""
    _sacrebleu_metrics()


def reference_streams(references: Sequence[Sequence[str]]) -> list[list[str | None]]:
    """sacrebleu's layout: one stream per reference slot, ``None`` where a record has fewer."""
    width = max(len(refs) for refs in references)
    return [[refs[k] if k < len(refs) else None for refs in references] for k in range(width)]


def _corpus_score(
    metric: Any, hyps: Sequence[str], streams: list[list[str | None]], bootstrap: Bootstrap
) -> Score:
    """A corpus score and its interval, recomputed from resampled sentence statistics.

    This is how sacrebleu's own ``--confidence`` works; its bootstrap cannot be seeded
    through the API, so the resampling here uses the shared seeded indices.
    """
    import numpy as np  # a dependency of sacrebleu

    value = float(metric.corpus_score(hyps, streams).score)
    stats = np.asarray(metric._extract_corpus_statistics(hyps, streams), dtype=np.float64)
    scores = [
        float(metric._compute_score_from_stats(stats[np.asarray(idx)].sum(axis=0)).score)
        for idx in bootstrap.indices(len(hyps))
    ]
    low, high = interval(scores, bootstrap)
    return Score(value, low, high)


def translation_scores(
    predictions: Sequence[str], references: Sequence[Sequence[str]], bootstrap: Bootstrap
) -> dict[str, Score]:
    """chrF++ (sacrebleu ``CHRF(word_order=2)``) and BLEU (sacrebleu defaults), 0-100."""
    streams = reference_streams(references)
    return {
        name: _corpus_score(metric, list(predictions), streams, bootstrap)
        for name, metric in _sacrebleu_metrics().items()
    }


Scorer = Callable[[Sequence[str], Sequence[Sequence[str]], Bootstrap], dict[str, Score]]


def _nothing_to_install() -> None:
    """ROUGE is built in."""


@dataclass(frozen=True)
class Metrics:
    """The metrics of a task: their names, the scorer, and an early check of what they need.

    ``rouge``: the metrics are ROUGE, so ``--rouge`` picks their tokenisation scheme.
    """

    names: tuple[str, ...]
    score: Scorer
    require: Callable[[], None] = _nothing_to_install
    rouge: bool = False


SCORERS: dict[str, Metrics] = {
    "summarize": Metrics(ROUGE_METRICS, rouge_scores, rouge=True),
    "translate": Metrics(TRANSLATION_METRICS, translation_scores, require_translation_metrics),
}


def scorer_for(task: str, rouge: str = "default") -> Scorer:
    """The scorer of ``task``; summaries are scored with the ``rouge`` tokenisation scheme."""
    metrics = SCORERS[task]
    if not metrics.rouge or rouge == "default":
        return metrics.score

    def scored(
        predictions: Sequence[str], references: Sequence[Sequence[str]], bootstrap: Bootstrap
    ) -> dict[str, Score]:
        return rouge_scores(predictions, references, bootstrap, rouge)

    return scored
