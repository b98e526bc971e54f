"""The embedded extractive engine: ranks the article's sentences and yields the best ones.

No model and no download: it runs offline in milliseconds per article. How sentences are
scored and chosen is in :mod:`summarize.engines.extractive.ranking`; this module turns a
:class:`~summarize.engines.base.Length` into budgets and streams the choice in article order.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from summarize.engines.base import Document, Length
from summarize.engines.extractive.ranking import Weights, score_sentences, select
from summarize.text.normalize import word_count
from summarize.text.sentences import Sentence

# With no length asked for: about a fifth of the article's sentences, one to three of them
# (a news standfirst is one to three sentences).
DEFAULT_SHARE = 0.2
DEFAULT_MAX_SENTENCES = 3


def budgets(length: Length, sentences: Sequence[Sentence]) -> tuple[int | None, int | None]:
    """The (sentence count, word count) limits for ``length``; ``None`` means no limit.

    ``ratio`` is a share of the article's words and combines with ``max_words`` by taking the
    smaller. With neither a sentence count nor a word limit the default size applies.
    """
    max_words = length.max_words
    if length.ratio is not None:
        total = sum(word_count(s.text) for s in sentences)
        by_ratio = max(1, round(length.ratio * total))
        max_words = by_ratio if max_words is None else min(max_words, by_ratio)
    count = length.sentences
    if count is None and max_words is None:
        count = min(DEFAULT_MAX_SENTENCES, max(1, math.ceil(DEFAULT_SHARE * len(sentences))))
    return count, max_words


class ExtractiveEngine:
    """Picks sentences of the article; no model, instant, offline."""

    name = "extractive"
    model: str | None = None

    def __init__(self, weights: Weights | None = None) -> None:
        self.weights = weights or Weights()

    def choose(self, doc: Document, length: Length) -> list[Sentence]:
        """The sentences of the summary, in article order."""
        count, max_words = budgets(length, doc.sentences)
        scored = score_sentences(doc.sentences, doc.lang, doc.title, self.weights)
        chosen = select(scored, count, max_words, self.weights, fill=length.fill)
        return [doc.sentences[i] for i in chosen]

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Yield the chosen sentences in article order, separated by spaces.

        ``target_lang`` is not used: the registry only gives this engine same-language work.
        """
        for i, sentence in enumerate(self.choose(doc, length)):
            yield (" " if i else "") + sentence.text

    def close(self) -> None:
        """Nothing to release."""
