"""Word-budget selection by value per word: an exact knapsack over the article's sentences.

A sentence's value is the learned model's probability that it belongs in the summary times
its words (its expected share of reference bigrams). Under a word budget N the engine takes
the set of whole sentences that gives the most value per word, ``value / (words + N)`` (ROUGE-2
F1 is ``2·matches / (summary + reference bigrams)``), among the sets that

* keep the best-scored sentence that fits and needs no predecessor (greedy's first pick),
* use at least 85% of N (or as many words as any set can, when none reaches 85%),
* leave no room: no other sentence that could join still fits ("filled"),
* skip headings, and take a sentence that points back (``after``) only with its predecessor.

Exact dynamic programme in article order over the ``CANDIDATES`` best-scored sentences
(states: words used, whether the previous candidate was chosen): O(candidates × N). Pure
Python. Opt-in (``ExtractiveEngine(selection="knapsack")``): better than greedy MMR on
encyclopedic text, behind it on held-out news (docs/benchmarks.md, "Value per word: measured,
not shipped").
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from summarize.engines.extractive.ranking import FILL_FLOOR, Scored, Weights, lone, select

# The best-scored sentences the programme chooses from (the first pick always among them).
CANDIDATES = 40

# (words used, previous candidate chosen) -> (total value, chosen indices in order)
_States = dict[tuple[int, bool], tuple[float, tuple[int, ...]]]


def pick(
    scored: Sequence[Scored], max_sentences: int | None, max_words: int | None, w: Weights
) -> list[int]:
    """The engine's selection: the knapsack under a word budget alone, greedy MMR otherwise.

    A sentence count (with or without a word budget), no budget, a ranker without
    probabilities, a lone sentence over the budget (cut by the engine) and an article with
    no filled set all keep :func:`~summarize.engines.extractive.ranking.select`.
    """
    if max_sentences is not None or max_words is None:
        return select(scored, max_sentences, max_words, w)
    pool = [s for s in scored if not s.heading]
    if lone([s for s in pool if s.after is None], max_words, w) is None:
        packed = pack(pool, max_words)
        if packed is not None:
            return packed
    return select(scored, max_sentences, max_words, w)


def anchor(pool: Sequence[Scored], max_words: int) -> Scored | None:
    """Greedy's first pick: the best-scored sentence that fits and needs no predecessor."""
    free = [s for s in pool if s.after is None and s.n_words <= max_words]
    return max(free, key=lambda s: s.score) if free else None


def pack(
    pool: Sequence[Scored], max_words: int, candidates: int | None = CANDIDATES
) -> list[int] | None:
    """The indices (article order) of the best filled set, or ``None`` when there is none.

    ``pool`` holds the sentences that may be chosen (headings already left out), each with
    its ``probability``; ``None`` also when a sentence has none (a ranker without a model).
    ``candidates=None`` lets every sentence in (the uncapped programme, for measurement).
    """
    first = anchor(pool, max_words)
    if first is None or any(s.probability is None for s in pool):
        return None
    ranked = sorted(pool, key=lambda s: -s.score)
    chosen = ranked if candidates is None else ranked[:candidates]
    order = sorted({s.index: s for s in (*chosen, first)}.values(), key=lambda s: s.index)
    sets = _programme(order, max_words, first.index)
    if not sets:
        return None
    need = min(math.ceil(FILL_FLOOR * max_words), max(used for used, _, _ in sets))
    kept = [t for t in sets if t[0] >= need and not _room_left(pool, t[2], max_words - t[0])]
    if not kept:
        return None
    best = max(kept, key=lambda t: t[1] / (t[0] + max_words))
    return list(best[2])


def _programme(
    order: Sequence[Scored], max_words: int, first: int
) -> list[tuple[int, float, tuple[int, ...]]]:
    """Every non-empty best set by words used: (words, value, indices), in DP order."""
    states: _States = {(0, False): (0.0, ())}
    previous: int | None = None
    for s in order:
        value = (s.probability or 0.0) * s.n_words
        joinable = s.after is None or s.after == previous
        new: _States = {}
        for (used, taken), (total, picks) in states.items():
            options = [] if s.index == first else [((used, False), (total, picks))]
            if (s.after is None or (taken and joinable)) and used + s.n_words <= max_words:
                options.append(((used + s.n_words, True), (total + value, (*picks, s.index))))
            for key, state in options:
                if key not in new or new[key][0] < state[0]:
                    new[key] = state
        states, previous = new, s.index
    return [(used, total, picks) for (used, _), (total, picks) in states.items() if picks]


def _room_left(pool: Sequence[Scored], picks: Sequence[int], room: int) -> bool:
    """Another sentence of ``pool`` could still join ``picks`` within ``room`` words."""
    chosen = set(picks)
    return any(
        s.index not in chosen and s.n_words <= room and s.after in (None, *chosen) for s in pool
    )
