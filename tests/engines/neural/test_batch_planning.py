"""Batch planning on the real runtime: units of different output caps share decoding calls."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from summarize.engines.neural.model import CAP_STEPS, plan_batches, step_down, step_up
from summarize.tiny.corpus import arabic_lines
from tests.engines.neural.neural_helpers import load


def test_plans_cover_every_index_once_within_the_budget() -> None:
    lengths = [5, 90, 12, 12, 300, 7, 44, 12]
    batches = plan_batches(lengths, 200)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for batch in batches:
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= 200
    flat = [i for b in batches for i in b]
    assert [lengths[i] for i in flat] == sorted(lengths)
    caps = [16, 84, 32, 32, 84, 16, 84, 32]
    by_cap = plan_batches(lengths, 200, caps)
    assert sorted(i for b in by_cap for i in b) == list(range(len(lengths)))
    assert all(len({caps[i] for i in b}) == 1 for b in by_cap)


class CountingTranslator:
    """The real translator, counting the documents of each ``translate_batch`` call."""

    def __init__(self, real: Any, calls: list[int]) -> None:
        self.real, self.calls = real, calls

    def translate_batch(self, source: list[list[str]], **kwargs: Any) -> Any:
        self.calls.append(len(source))
        return self.real.translate_batch(source, **kwargs)

    def unload_model(self) -> None:
        self.real.unload_model()


def test_units_of_different_caps_share_calls_and_keep_their_own_cap(isolated_home: Path) -> None:
    model = load(isolated_home, "nllb")
    calls: list[int] = []
    real = model.ct2.translator

    try:
        lines = arabic_lines(60, seed=5)
        units = [model.tokenizer.pieces(" ".join(lines[i : i + 1 + i % 4])) for i in range(60)]
        caps = [model.cap(len(u)) for u in units]
        alone = [model.run([u], "ar", "en", beam=1)[0] for u in units]
        model.ct2._translator = CountingTranslator(real, calls)
        together = model.run(units, "ar", "en", beam=1)
        # Grouping equal caps only needed one call per distinct cap at least.
        assert len(set(caps)) >= 3
        assert len(calls) < len(set(caps))
        assert sum(calls) == len(units)
        # Decoded to the batch's largest cap and cut to its own, each unit reads as alone.
        assert together == alone
        # Beam search keeps one cap per call: a longer limit could change the best hypothesis.
        calls.clear()
        beamed = model.run(units, "ar", "en", beam=2)
        assert len(calls) >= len(set(caps))
        model.ct2._translator = real
        assert beamed[:10] == [model.run([u], "ar", "en", beam=2)[0] for u in units[:10]]
    finally:
        model.close()


def test_caps_come_from_a_few_fixed_steps() -> None:
    assert [step_up(n) for n in (1, 16, 17, 24, 25, 100, 200)] == [16, 16, 24, 24, 32, 128, 256]
    assert [step_down(n) for n in (8, 16, 23, 100, 200)] == [8, 16, 16, 96, 192]
    assert step_up(CAP_STEPS[-1] + 1) == CAP_STEPS[-1] + 1


def test_beam_search_makes_one_call_per_cap_step_and_any_batching_decodes_the_same(
    isolated_home: Path,
) -> None:
    """60 NLLB units of 20+ lengths at beam 4: one call per cap step, not one per length."""
    model = load(isolated_home, "nllb")
    calls: list[int] = []
    real = model.ct2.translator

    try:
        lines = arabic_lines(60, seed=9)
        units = [model.tokenizer.pieces(" ".join(lines[i : i + 1 + i % 6])) for i in range(60)]
        assert len({len(u) for u in units}) >= 20
        caps = [model.cap(len(u)) for u in units]
        assert set(caps) <= set(CAP_STEPS) | {model.cap(10_000)}
        model.batch_tokens = 10**6  # one call per cap, not split by the token budget
        model.ct2._translator = CountingTranslator(real, calls)
        together = model.run(units, "ar", "en", beam=4)
        assert len(calls) == len(set(caps)) <= 6
        assert sum(calls) == len(units)
        model.ct2._translator = real
        # Alone, in reverse order, and in random halves: the same text for every unit.
        assert [model.run([u], "ar", "en", beam=4)[0] for u in units[:12]] == together[:12]
        assert model.run(units[::-1], "ar", "en", beam=4) == together[::-1]
        order = list(range(60))
        random.Random(3).shuffle(order)
        for half in (order[:30], order[30:]):
            assert model.run([units[i] for i in half], "ar", "en", beam=4) == [
                together[i] for i in half
            ]
    finally:
        model.close()
