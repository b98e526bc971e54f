"""The lead-N baseline: an article's first sentences. A floor for every evaluation table.

Registered as the ``lead`` engine, so ``summarize eval`` (and ``--engine lead``) build it
like any other engine.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from summarize.engines.base import Document, Length
from summarize.errors import UsageError
from summarize.text.normalize import word_count

LEAD = "lead"
# Lead-N with no length given: as many sentences as a short news summary has.
LEAD_DEFAULT_SENTENCES = 3


class LeadEngine:
    """The lead-N baseline: the article's first sentences, up to the length asked for.

    With ``max_words`` it takes sentences until the budget is reached (the pipeline's
    hard cap cuts the last one); with ``ratio`` the budget is that fraction of the
    article's words; with ``sentences``, that many; with nothing, three sentences.
    """

    name = LEAD
    model: str | None = None
    extractive = True  # the article's own sentences: nothing to check

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Yield the leading sentences, separated by spaces."""
        if target_lang != doc.lang:
            raise UsageError("the lead baseline cannot write in another language")
        budget = length.max_words
        if length.ratio is not None:
            by_ratio = max(1, math.ceil(length.ratio * word_count(doc.text)))
            budget = by_ratio if budget is None else min(budget, by_ratio)
        limit = length.sentences
        if limit is None and budget is None:
            limit = LEAD_DEFAULT_SENTENCES
        used = 0
        for i, sentence in enumerate(doc.sentences):
            if (limit is not None and i >= limit) or (budget is not None and used >= budget):
                return
            used += word_count(sentence.text)
            yield (" " if i else "") + sentence.text

    def close(self) -> None:
        """Nothing to release."""
