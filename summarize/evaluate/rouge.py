"""ROUGE-1, ROUGE-2 and ROUGE-L (precision, recall, F1) for Arabic and English.

Tokens are folded words: Arabic diacritics and tatweel removed, alef/ya/ta-marbuta variants
unified, Arabic-Indic digits turned into ASCII ones, Latin lower-cased, punctuation dropped,
text split on anything that is not a letter or digit. No stemming and no stop words.

On ASCII English this gives exactly the numbers of Google's ``rouge-score`` package with
``use_stemmer=False`` (``rougeL`` there is the sentence-level LCS computed here). That package
drops every non-ASCII character, so it scores Arabic text as empty; that is why this one exists.
:func:`rouge_max` scores against several references by taking, for each measure, the
best-scoring one (like ``rouge-score``'s ``score_multi``); ``summarize eval`` instead averages
over a record's references (:func:`summarize.evaluate.scoring.rouge_record`), which
:func:`score_tokens` serves. The XL-Sum authors' tokenisation is in
:mod:`summarize.evaluate.xlsum`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.text.normalize import fold

# Letters and digits of any script; the underscore, which ``\w`` also matches, separates.
_TOKEN = re.compile(r"[^\W_]+")

MEASURES = ("rouge1", "rouge2", "rougeL")


@dataclass(frozen=True)
class RougeScore:
    """Precision, recall and F1 of one ROUGE measure."""

    precision: float
    recall: float
    fmeasure: float


def rouge_tokens(text: str) -> list[str]:
    """The tokens ROUGE compares: folded letters-and-digits runs of ``text``."""
    return _TOKEN.findall(fold(text))


def _score(overlap: int, n_candidate: int, n_reference: int) -> RougeScore:
    precision = overlap / n_candidate if n_candidate else 0.0
    recall = overlap / n_reference if n_reference else 0.0
    total = precision + recall
    f1 = 2 * precision * recall / total if total > 0 else 0.0
    return RougeScore(precision, recall, f1)


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> RougeScore:
    """ROUGE-N of token lists: clipped n-gram overlap over each side's n-gram count."""
    cand, ref = _ngrams(candidate, n), _ngrams(reference, n)
    overlap = sum(min(count, ref[gram]) for gram, count in cand.items())
    return _score(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of two token lists (two-row DP)."""
    if len(b) > len(a):
        a, b = b, a
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> RougeScore:
    """Sentence-level ROUGE-L of token lists (LCS over the whole text)."""
    if not candidate or not reference:
        return RougeScore(0.0, 0.0, 0.0)
    return _score(lcs_length(candidate, reference), len(candidate), len(reference))


def score_tokens(candidate: Sequence[str], reference: Sequence[str]) -> dict[str, RougeScore]:
    """ROUGE-1/2/L of two token lists, keyed ``rouge1``, ``rouge2``, ``rougeL``."""
    return {
        "rouge1": rouge_n(candidate, reference, 1),
        "rouge2": rouge_n(candidate, reference, 2),
        "rougeL": rouge_l(candidate, reference),
    }


def rouge_max(candidate: str, references: str | Sequence[str]) -> dict[str, RougeScore]:
    """ROUGE-1/2/L of ``candidate`` against one reference, or the MAXIMUM over several.

    For each measure the reference with the best F1 is taken (not the mean, which
    ``summarize eval`` reports). Returns a dict keyed ``rouge1``, ``rouge2``, ``rougeL``
    (the ``rouge-score`` names).
    """
    refs = [references] if isinstance(references, str) else list(references)
    if not refs:
        raise ValueError("rouge_max() needs at least one reference")
    cand = rouge_tokens(candidate)
    scored = [score_tokens(cand, rouge_tokens(ref)) for ref in refs]
    return {m: max((s[m] for s in scored), key=lambda r: r.fmeasure) for m in MEASURES}
