"""The embedded extractive engine: ranks the article's sentences and yields the best ones.

No model and no download: it runs offline in milliseconds per article. How sentences are
scored and chosen is in :mod:`summarize.engines.extractive.ranking`; this module turns a
:class:`~summarize.engines.base.Length` into budgets and streams the choice in article order.

The length contract (the summary is always whole sentences of the cleaned article, in
article order, joined by spaces; a sentence never stands next to a piece of another):

* ``max_words`` N: whole sentences that fill N as closely as they can without going over it;
  on an article long enough, at least 85% of N (unless only sentences that must come with
  their predecessor would fill it). Chosen by greedy MMR; ``selection="knapsack"`` (with the
  learned ranker) takes the set with the most value per word instead
  (:mod:`summarize.engines.extractive.knapsack`; not the default: docs/benchmarks.md).
* ``ratio`` r: the same, with N = r × the article's words (the smaller of the two when both
  are given).
* ``sentences`` k: exactly k sentences (all of them when the article has fewer).
* nothing: whole sentences making about a fifth of the article (``DEFAULT_SHARE``): at least
  ``DEFAULT_MIN_WORDS`` words when the article has them, at most ``DEFAULT_MAX_WORDS``.
* A single sentence longer than the budget, when no sentence that fits scores nearly as
  well: its first N words, ending with ``…``, alone. This is the only output that is not
  whole sentences (text with no sentence ends at all is one such sentence). The output never
  exceeds the budget.
* Headings inside the body are never chosen, and a sentence that opens by pointing back
  (``كما``, ``وهي``…) only with the sentence before it
  (:mod:`summarize.engines.extractive.structure`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from summarize.engines.base import Document, Length
from summarize.engines.extractive.knapsack import pick
from summarize.engines.extractive.learned import learned_scores, shipped_model
from summarize.engines.extractive.ranking import Scored, Weights, score_sentences, select
from summarize.engines.extractive.structure import attach, links
from summarize.text.normalize import first_words, word_count
from summarize.text.sentences import Sentence

# With no length asked for: a fifth of the article, between a short paragraph and a long one.
DEFAULT_SHARE = 0.2
DEFAULT_MIN_WORDS = 40
DEFAULT_MAX_WORDS = 120
ELLIPSIS = "…"
# heuristic: the hand-set weighted sum of position, centrality and title
# similarity (summarize.engines.extractive.ranking); learned: logistic regression over
# sentence features plus a lead prior (summarize.engines.extractive.learned), with a
# fall-back to lead order when it is not confident (the default: the two are close, and
# the learned one is ahead on news; docs/benchmarks.md compares them).
RANKERS = ("learned", "heuristic")
RANKER = "learned"
# Under a word budget: greedy MMR with a top-up (summarize.engines.extractive.ranking), or the
# knapsack by value per word (summarize.engines.extractive.knapsack; better on encyclopedic
# text, behind on held-out news, so not the default: docs/benchmarks.md, issue 19).
SELECTIONS = ("greedy", "knapsack")
SELECTION = "greedy"


def default_words(total: int) -> int:
    """The default word budget for an article of ``total`` words (see the module docstring)."""
    share = round(DEFAULT_SHARE * total)
    return min(total, max(DEFAULT_MIN_WORDS, min(DEFAULT_MAX_WORDS, share)))


def budgets(length: Length, sentences: Sequence[Sentence]) -> tuple[int | None, int | None]:
    """The (sentence count, word count) limits for ``length``; ``None`` means no limit.

    ``ratio`` is a share of the article's words and combines with ``max_words`` by taking the
    smaller. With neither a sentence count nor a word limit the default size applies.
    """
    total = sum(word_count(s.text) for s in sentences)
    max_words = length.max_words
    if length.ratio is not None:
        by_ratio = max(1, round(length.ratio * total))
        max_words = by_ratio if max_words is None else min(max_words, by_ratio)
    if length.sentences is None and max_words is None:
        max_words = max(1, default_words(total))
    return length.sentences, max_words


def cut(text: str, max_words: int) -> str:
    """``text`` cut to its first ``max_words`` words, ending with an ellipsis when cut."""
    head = first_words(text, max_words)
    if head == text:
        return text
    if not text[len(head)].isspace():  # inside an over-long word: the ellipsis takes a char
        return head[:-1] + ELLIPSIS
    return head.rstrip("،,؛;:") + ELLIPSIS


def _one_line(text: str) -> str:
    """A sentence that ran over a line break (a hard-wrapped line), on one line."""
    return " ".join(text.split()) if "\n" in text else text


class ExtractiveEngine:
    """Picks sentences of the article; no model, instant, offline."""

    name = "extractive"
    model: str | None = None
    # Its sentences are the article's own: nothing to check against the article.
    extractive = True

    def __init__(
        self, weights: Weights | None = None, ranker: str = RANKER, selection: str = SELECTION
    ) -> None:
        if ranker not in RANKERS:
            raise ValueError(f"unknown ranker {ranker!r} (choose from: {', '.join(RANKERS)})")
        if selection not in SELECTIONS:
            raise ValueError(
                f"unknown selection {selection!r} (choose from: {', '.join(SELECTIONS)})"
            )
        self.weights = weights or Weights()
        self.ranker = ranker
        self.selection = selection

    def _pick(
        self, scored: Sequence[Scored], count: int | None, max_words: int | None
    ) -> list[int]:
        """The chosen indices in article order, by the engine's ``selection``."""
        if self.selection == "knapsack":
            return pick(scored, count, max_words, self.weights)
        return select(scored, count, max_words, self.weights)

    def score(self, units: Sequence[Sentence], doc: Document) -> list[Scored]:
        """Score the sentences with the chosen ranker, headings and dependencies attached."""
        if self.ranker == "learned":
            scored = learned_scores(units, doc.lang, doc.title, shipped_model(), self.weights)
        else:
            scored = score_sentences(units, doc.lang, doc.title, self.weights)
        return attach(scored, links(units))

    def units(self, doc: Document) -> list[Sentence]:
        """The units the engine chooses from: the article's sentences, never pieces of them."""
        return list(doc.sentences)

    def plan(self, doc: Document, length: Length) -> tuple[list[Sentence], int | None]:
        """The chosen sentences in article order, and the word budget they are held to."""
        units = self.units(doc)
        count, max_words = budgets(length, units)
        scored = self.score(units, doc)
        picked = self._pick(scored, count, max_words)
        if count is None and length.max_words is None and length.ratio is None:
            picked, max_words = self._reach_default(scored, picked, max_words)
        return [units[i] for i in picked], max_words

    def _reach_default(
        self, scored: Sequence[Scored], picked: list[int], budget: int | None
    ) -> tuple[list[int], int | None]:
        """With no length asked for: grow the budget until whole sentences reach the minimum.

        A fifth of a short article can be less than its first sentence and the next together.
        The budget then grows to make room for the best-scored sentence left out that can
        join (not a heading, what it refers back to chosen), up to ``DEFAULT_MAX_WORDS``,
        until the summary has ``DEFAULT_MIN_WORDS`` words (or the article's, if fewer).
        """
        floor = min(DEFAULT_MIN_WORDS, sum(s.n_words for s in scored if not s.heading))
        while budget is not None:
            used = sum(scored[i].n_words for i in picked)
            if min(budget, used) >= floor or budget >= DEFAULT_MAX_WORDS:
                break
            joinable = [
                s
                for s in scored
                if s.index not in picked
                and not s.heading
                and s.after in (None, *picked)
                and used + s.n_words <= DEFAULT_MAX_WORDS
            ]
            if not joinable:
                break
            room = used + max(joinable, key=lambda s: s.score).n_words
            budget = min(DEFAULT_MAX_WORDS, max(budget + 1, room))
            picked = self._pick(scored, None, budget)
        return picked, budget

    def choose(self, doc: Document, length: Length) -> list[Sentence]:
        """The units of the summary, in article order (a lone one may be over the budget)."""
        return self.plan(doc, length)[0]

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Yield the chosen sentences in article order, separated by spaces.

        The output never exceeds the word budget: a single sentence over it is cut.
        ``target_lang`` is not used: the registry only gives this engine same-language work.
        """
        chosen, left = self.plan(doc, length)
        for i, sentence in enumerate(chosen):
            if left is not None and left <= 0:
                return
            text = _one_line(sentence.text)
            text = text if left is None else cut(text, left)
            if left is not None:
                left -= word_count(text)
            yield (" " if i else "") + text

    def close(self) -> None:
        """Nothing to release."""
