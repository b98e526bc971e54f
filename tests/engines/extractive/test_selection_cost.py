"""Greedy MMR selection costs O(n·k) similarity computations (issue 14), counted, not timed."""

from __future__ import annotations

import pytest

from summarize.engines.extractive import ranking
from summarize.engines.extractive.ranking import Scored, Vector, Weights, cosine, select


def _article(n: int) -> list[Scored]:
    """n sentences over a small shared vocabulary, so most pairs overlap a little."""
    out = []
    for i in range(n):
        terms = {f"t{(i * 7 + j * 3) % 50}" for j in range(6)}
        vec: Vector = {t: 1.0 / len(terms) ** 0.5 for t in terms}
        out.append(Scored(i, 1.0 / (1 + i) + (i % 5) * 0.01, 10 + i % 7, vec))
    return out


def _similarity_calls(monkeypatch: pytest.MonkeyPatch, n: int, k: int) -> int:
    calls = 0

    def counting(a: Vector, b: Vector) -> float:
        nonlocal calls
        calls += 1
        return cosine(a, b)

    monkeypatch.setattr(ranking, "cosine", counting)
    chosen = select(_article(n), k, None, Weights(duplicate=1.1))
    assert len(chosen) == k
    return calls


@pytest.mark.parametrize("k", [3, 10, 25])
def test_similarity_calls_grow_linearly_in_sentences(
    monkeypatch: pytest.MonkeyPatch, k: int
) -> None:
    n = 100
    small = _similarity_calls(monkeypatch, n, k)
    large = _similarity_calls(monkeypatch, 4 * n, k)
    assert small <= n * k
    assert large <= 4 * n * k
    # n·k minus the k·(k+1)/2 pairs with sentences already chosen: linear in n.
    assert large <= 4 * small + 2 * k * k


def test_similarity_calls_grow_linearly_in_picks(monkeypatch: pytest.MonkeyPatch) -> None:
    few = _similarity_calls(monkeypatch, 200, 5)
    many = _similarity_calls(monkeypatch, 200, 20)
    assert many <= 4 * few + 2 * 20 * 20
