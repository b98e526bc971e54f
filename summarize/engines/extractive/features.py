"""Sentence features for the learned ranker (:mod:`summarize.engines.extractive.learned`).

One row of numbers per sentence, computed inside one article. The same function serves the
engine at run time and ``scripts/train_ranker.py`` at training time, so the two cannot drift.
Pure Python: the engine must not import numpy.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from summarize.engines.extractive.ranking import Signals, cosine
from summarize.text.normalize import word_count
from summarize.text.sentences import Sentence

FEATURES = (
    "first",  # the first sentence of the article
    "position",  # 1 / (1 + index)
    "relative",  # index / number of sentences
    "paragraph_start",  # the first sentence of its paragraph
    "log_words",  # log(1 + words)
    "short",  # fewer than 6 words
    "long",  # more than 60 words
    "centrality",  # cosine with the rest of the article, scaled to [0, 1]
    "title",  # cosine with the headline, scaled to [0, 1] (0 without one)
    "quote",  # share of characters inside quotation marks
    "digits",  # share of words holding a digit
    "entities",  # share of words that look like names (Latin capitals, or repeated rare words)
    "unpunctuated",  # does not end with sentence punctuation
    "headline_line",  # alone on its line, short and unpunctuated (caption, link)
    "paragraph_index",  # 1 / (1 + rank of its paragraph)
    "in_paragraph",  # 1 / (1 + index within its paragraph)
    "first_similarity",  # cosine with the first sentence (1 for the first)
    "reporting",  # holds a reporting verb (قال, أضاف, أكد, ...)
)

_FINAL = re.compile(r"[.!?؟…:]['\"”’»)\]]*$")
_QUOTED = re.compile(r"[\"“«][^\"”»]*[\"”»]")
_DIGIT = re.compile(r"\d")
_VERBS = (
    "قال|قالت|أضاف|أضافت|أكد|أكدت|أوضح|أوضحت|تابع|تابعت|أشار|أشارت|ذكر|ذكرت|صرح|صرحت|اعتبر|اعتبرت"
)
_REPORTING = re.compile(rf"(^|\s)(و|ف)?({_VERBS})(\s|$)")


def _entity_share(text: str, counts: Counter[str]) -> float:
    """Share of words that look like names: capitalised Latin, or words that recur in the
    article but are long and not common (a crude stand-in for named-entity recognition)."""
    parts = text.split()
    if not parts:
        return 0.0
    named = sum(1 for w in parts if w[:1].isupper() or (len(w) > 4 and 2 <= counts[w] <= 5))
    return named / len(parts)


def _layout(sentences: Sequence[Sentence], sig: Signals) -> list[list[float]]:
    """Paragraph rank, place in the paragraph, likeness to the first sentence, reporting."""
    ranks = {p: k for k, p in enumerate(sorted({s.paragraph for s in sentences}))}
    rows = []
    in_paragraph, previous = 0, None
    for i, s in enumerate(sentences):
        in_paragraph = in_paragraph + 1 if s.paragraph == previous else 0
        previous = s.paragraph
        first = cosine(sig.vectors[i], sig.vectors[0]) if i else 1.0
        rows.append(
            [
                1.0 / (1 + ranks[s.paragraph]),
                1.0 / (1 + in_paragraph),
                first,
                float(bool(_REPORTING.search(s.text))),
            ]
        )
    return rows


def sentence_features(sentences: Sequence[Sentence], sig: Signals) -> list[list[float]]:
    """The :data:`FEATURES` of every sentence of one article, in order."""
    n = len(sentences)
    counts = Counter(w for s in sentences for w in s.text.split())
    per_paragraph = Counter(s.paragraph for s in sentences)
    rows = []
    previous_paragraph = -1
    for i, s in enumerate(sentences):
        n_words = word_count(s.text)
        quoted = sum(len(m.group(0)) for m in _QUOTED.finditer(s.text))
        digits = sum(1 for w in s.text.split() if _DIGIT.search(w))
        unpunctuated = not _FINAL.search(s.text)
        rows.append(
            [
                float(i == 0),
                1.0 / (1 + i),
                i / n,
                float(s.paragraph != previous_paragraph),
                math.log1p(n_words),
                float(n_words < 6),
                float(n_words > 60),
                sig.centrality[i],
                sig.title[i],
                quoted / max(1, len(s.text)),
                digits / max(1, n_words),
                _entity_share(s.text, counts),
                float(unpunctuated),
                float(unpunctuated and per_paragraph[s.paragraph] == 1 and n_words < 14),
            ]
        )
        previous_paragraph = s.paragraph
    return [row + extra for row, extra in zip(rows, _layout(sentences, sig), strict=True)]
