"""Word budgets choose by value per word (issue 19 §3): the knapsack of ``knapsack.py``."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.engines.base import Document, Length
from summarize.engines.extractive.engine import ExtractiveEngine
from summarize.engines.extractive.knapsack import anchor, pack, pick
from summarize.engines.extractive.ranking import FILL_FLOOR, Scored, Weights, select
from summarize.text.normalize import word_count
from tests.engines.extractive.test_extractive import FLOODS, floods, make_doc


def sentence(i: int, score: float, n_words: int, probability: float | None, **kw: object) -> Scored:
    """A scored sentence with its own term, so that no two are similar."""
    return Scored(i, score, n_words, {f"t{i}": 1.0}, probability=probability, **kw)  # type: ignore[arg-type]


# Greedy takes 0, then the long 1 (next best score) and 19 of 20 words are used: nothing
# else fits. 2 and 3 are shorter and worth more per word: 0 + 2 + 3 is the better summary.
WASTEFUL = [
    sentence(0, 3.0, 10, 0.9),
    sentence(1, 2.0, 9, 0.3),
    sentence(2, 1.0, 5, 0.8),
    sentence(3, 0.9, 5, 0.8),
]


def test_two_short_sentences_of_more_value_per_word_beat_a_long_one() -> None:
    assert select(WASTEFUL, None, 20, Weights()) == [0, 1]
    assert pick(WASTEFUL, None, 20, Weights()) == [0, 2, 3]


def test_value_per_word_not_most_value() -> None:
    # 0 + 1 has more value (10 against 9.55) but 0 + 2 more per word (9.55 / 37 > 10 / 40).
    scored = [sentence(0, 3.0, 10, 0.5), sentence(1, 2.0, 10, 0.5), sentence(2, 1.0, 7, 0.65)]
    assert pack(scored, 20) == [0, 2]


class Fixed(ExtractiveEngine):
    """The engine with the scores above, whatever the article says."""

    def score(self, units: Sequence[object], doc: Document) -> list[Scored]:
        return WASTEFUL


def test_the_engine_uses_the_knapsack_under_a_word_budget_when_asked() -> None:
    doc = make_doc([[s] for s in FLOODS[:4]])
    picked = Fixed(selection="knapsack").choose(doc, Length(max_words=20))
    assert [doc.sentences.index(s) for s in picked] == [0, 2, 3]
    # A sentence count keeps greedy MMR.
    picked = Fixed(selection="knapsack").choose(doc, Length(sentences=2, max_words=20))
    assert [doc.sentences.index(s) for s in picked] == [0, 1]


def test_greedy_stays_the_default_selection() -> None:
    # Held-out news was worse with the knapsack (docs/benchmarks.md): not the default.
    doc = make_doc([[s] for s in FLOODS[:4]])
    picked = Fixed().choose(doc, Length(max_words=20))
    assert [doc.sentences.index(s) for s in picked] == [0, 1]
    with pytest.raises(ValueError, match="unknown selection"):
        ExtractiveEngine(selection="best")


def test_the_learned_ranker_gives_probabilities_and_the_heuristic_none() -> None:
    doc = floods()
    learned = ExtractiveEngine(ranker="learned").score(list(doc.sentences), doc)
    assert all(s.probability is not None and 0 < s.probability < 1 for s in learned)
    heuristic = ExtractiveEngine(ranker="heuristic").score(list(doc.sentences), doc)
    assert all(s.probability is None for s in heuristic)
    assert pack(heuristic, 40) is None  # no value without a model: greedy keeps the choice


def test_only_the_best_scored_candidates_are_packed() -> None:
    # Sentence 3 is the best per word but the lowest score: outside a cap of 2 (+ the anchor).
    assert pack(WASTEFUL, 20, candidates=None) == [0, 2, 3]
    assert pack(WASTEFUL, 20, candidates=2) == [0, 1]


def test_a_lone_sentence_over_the_budget_is_still_cut_by_the_engine() -> None:
    long = " ".join(FLOODS[:3]).replace(".", "،")
    doc = make_doc([[long, FLOODS[5]]])
    out = "".join(ExtractiveEngine().summarize(doc, Length(max_words=10), "ar"))
    assert word_count(out) <= 10


@st.composite
def articles(draw: st.DrawFn) -> list[Scored]:
    """Sentences with random scores, sizes, probabilities, headings and dependencies."""
    n = draw(st.integers(1, 9))
    out, previous = [], None
    for i in range(n):
        heading = draw(st.booleans()) and draw(st.booleans())
        dependent = previous is not None and draw(st.booleans())
        out.append(
            sentence(
                i,
                draw(st.floats(0.0, 5.0)),
                draw(st.integers(1, 25)),
                draw(st.floats(0.01, 0.99)),
                heading=heading,
                after=previous if dependent else None,
            )
        )
        previous = previous if heading else i
    return out


def _valid(pool: Sequence[Scored], picks: Sequence[int], budget: int, first: int) -> bool:
    chosen = set(picks)
    size = sum(pool_by(pool)[i].n_words for i in picks)
    joins = all(pool_by(pool)[i].after in (None, *chosen) for i in picks)
    return first in chosen and size <= budget and joins


def pool_by(pool: Sequence[Scored]) -> dict[int, Scored]:
    return {s.index: s for s in pool}


def _room(pool: Sequence[Scored], picks: Sequence[int], room: int) -> bool:
    """Some sentence left out could still join."""
    return any(
        s.index not in picks and s.n_words <= room and (s.after is None or s.after in picks)
        for s in pool
    )


def _brute_force(pool: Sequence[Scored], budget: int) -> float | None:
    """The best value per word over every filled set, by enumeration."""
    first = anchor(pool, budget)
    if first is None:
        return None
    by = pool_by(pool)
    valid = [
        c
        for r in range(1, len(pool) + 1)
        for c in itertools.combinations(sorted(by), r)
        if _valid(pool, c, budget, first.index)
    ]
    if not valid:
        return None
    size = {c: sum(by[i].n_words for i in c) for c in valid}
    need = min(math.ceil(FILL_FLOOR * budget), max(size.values()))
    filled = [c for c in valid if size[c] >= need and not _room(pool, c, budget - size[c])]
    value = {c: sum((by[i].probability or 0.0) * by[i].n_words for i in c) for c in filled}
    return max((value[c] / (size[c] + budget) for c in filled), default=None)


@settings(max_examples=150, deadline=None)
@given(scored=articles(), budget=st.integers(1, 60))
def test_the_programme_finds_the_best_filled_set(scored: list[Scored], budget: int) -> None:
    pool = [s for s in scored if not s.heading]
    best = _brute_force(pool, budget)
    picks = pack(pool, budget, candidates=None)
    if best is None:
        assert picks is None
        return
    assert picks is not None
    by = pool_by(pool)
    size = sum(by[i].n_words for i in picks)
    value = sum((by[i].probability or 0.0) * by[i].n_words for i in picks)
    assert math.isclose(value / (size + budget), best)


@settings(max_examples=200, deadline=None)
@given(scored=articles(), budget=st.integers(1, 60), cap=st.none() | st.integers(1, 5))
def test_the_choice_keeps_the_engine_rules(
    scored: list[Scored], budget: int, cap: int | None
) -> None:
    picks = pick(scored, None, budget, Weights())
    assert picks == sorted(set(picks))
    by = pool_by(scored)
    if any(not s.heading for s in scored):
        assert not any(by[i].heading for i in picks)
    assert all(by[i].after in (None, *picks) for i in picks)
    if len(picks) > 1:
        assert sum(by[i].n_words for i in picks) <= budget
    packed = pack([s for s in scored if not s.heading], budget, candidates=cap)
    if packed is not None:
        first = anchor([s for s in scored if not s.heading], budget)
        assert first is not None and first.index in packed
        assert sum(by[i].n_words for i in packed) <= budget
        assert all(by[i].after in (None, *packed) for i in packed)
