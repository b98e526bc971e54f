"""Sentence-aligned chunking to a token budget.

Chunks are consecutive, stripped slices of the text: ``chunk.text == text[start:end]``,
each chunk starts where the previous one ended plus white space only, and the white
space before the first and after the last chunk is all that is left out. So
``text == text[:c[0].start] + c[0].text + text[c[0].end:c[1].start] + ... + text[c[-1].end:]``
with every gap ``str.isspace()`` (or empty).

Units are sentences. A sentence over the budget is cut, in order of preference, after
clause punctuation (``، ؛ , ; :``), before a ``و`` conjunction, between words, and as a
last resort between characters. Units are then packed greedily.

Cost: ``count_tokens`` is called once per unit (and per distinct gap string), the chunk
sizes are estimated by adding unit counts, and each finished chunk is counted once more
to check the estimate; a chunk that turns out over budget is halved until it fits. So a
long text costs O(sentences) calls, not O(sentences²).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from summarize.text.sentences import split_sentences


@dataclass(frozen=True)
class Chunk:
    """A slice ``text == source[start:end]`` whose token count is ``tokens``."""

    text: str
    start: int
    end: int
    tokens: int


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    tokens: int


# Where a piece may start inside an over-long sentence, coarsest first: after clause
# punctuation, before a word starting with the conjunction و, after any white space.
_CUTS = (
    re.compile(r"(?<=[،؛,;:])\s*(?=\S)"),
    re.compile(r"\s+(?=و\w)"),
    re.compile(r"\s+(?=\S)"),
)


class _Counter:
    """``count_tokens`` with the per-text overhead (special tokens) measured once."""

    def __init__(self, text: str, count_tokens: Callable[[str], int]) -> None:
        self.text = text
        self.count = count_tokens
        self.overhead = max(count_tokens(""), 0)
        self._gaps: dict[str, int] = {}

    def span(self, start: int, end: int) -> int:
        return self.count(self.text[start:end])

    def gap(self, start: int, end: int) -> int:
        """Tokens the white space between two units adds once they are joined."""
        gap = self.text[start:end]
        if gap not in self._gaps:
            self._gaps[gap] = max(self.count(gap) - self.overhead, 0) if gap else 0
        return self._gaps[gap]


def _pieces(text: str, start: int, end: int, cut: re.Pattern[str]) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at the matches of ``cut``, dropping the white space."""
    out: list[tuple[int, int]] = []
    begin = start
    for match in cut.finditer(text, start, end):
        if match.start() > begin:
            out.append((begin, len(text[begin : match.start()].rstrip()) + begin))
        begin = match.end()
    out.append((begin, end))
    return [(a, b) for a, b in out if b > a]


def _longest_prefix(counter: _Counter, start: int, end: int, budget: int) -> int:
    """End of the longest ``text[start:end']`` within budget (at least one character).

    Galloping then binary search, so the cost depends on the answer's length, not on
    the length of the word.
    """
    good, step = start + 1, 1
    while good < end and counter.span(start, min(good + step, end)) <= budget:
        good = min(good + step, end)
        step *= 2
    bad = min(good + step, end + 1)  # first length known (or assumed) over budget
    while bad - good > 1:
        mid = (good + bad) // 2
        if counter.span(start, mid) <= budget:
            good = mid
        else:
            bad = mid
    return good


def _split_chars(counter: _Counter, start: int, end: int, budget: int) -> list[_Unit]:
    """Cut a single word into the longest prefixes that fit."""
    out: list[_Unit] = []
    while start < end:
        stop = _longest_prefix(counter, start, end, budget)
        out.append(_Unit(start, stop, counter.span(start, stop)))
        start = stop
    return out


def _fit(
    counter: _Counter, start: int, end: int, tokens: int, budget: int, level: int
) -> list[_Unit]:
    """Units within budget covering ``text[start:end]`` (whose count is ``tokens``)."""
    if tokens <= budget:
        return [_Unit(start, end, tokens)]
    if level == len(_CUTS):
        return _split_chars(counter, start, end, budget)
    pieces = _pieces(counter.text, start, end, _CUTS[level])
    if len(pieces) == 1:
        return _fit(counter, start, end, tokens, budget, level + 1)
    units: list[_Unit] = []
    for a, b in pieces:
        units.extend(_fit(counter, a, b, counter.span(a, b), budget, level + 1))
    # Pieces cut at this level may be rejoined while they fit, keeping clauses together.
    return [_Unit(g[0].start, g[-1].end, t) for g, t in _pack(counter, units, budget)]


def _pack(counter: _Counter, units: list[_Unit], budget: int) -> list[tuple[list[_Unit], int]]:
    """Greedy packing by estimated size, then each group checked with a real count.

    The estimate of a group is the overhead once plus, for each unit, its count less the
    overhead, plus the tokens of the white space between units.
    """
    groups: list[list[_Unit]] = []
    estimate = 0
    for unit in units:
        if groups:
            joined = estimate + counter.gap(groups[-1][-1].end, unit.start)
            joined += unit.tokens - counter.overhead
            if joined <= budget:
                groups[-1].append(unit)
                estimate = joined
                continue
        groups.append([unit])
        estimate = unit.tokens
    out: list[tuple[list[_Unit], int]] = []
    for group in groups:
        out.extend(_verify(counter, group, budget))
    return out


def _verify(counter: _Counter, group: list[_Unit], budget: int) -> list[tuple[list[_Unit], int]]:
    """Count ``group`` for real; halve it while the estimate was too optimistic."""
    if len(group) == 1:
        return [(group, group[0].tokens)]
    tokens = counter.span(group[0].start, group[-1].end)
    if tokens <= budget:
        return [(group, tokens)]
    half = len(group) // 2
    return _verify(counter, group[:half], budget) + _verify(counter, group[half:], budget)


def chunk_text(text: str, count_tokens: Callable[[str], int], budget: int) -> list[Chunk]:
    """Split ``text`` into consecutive chunks of at most ``budget`` tokens each.

    Chunk boundaries fall between sentences, except inside a sentence that alone is over
    the budget (see the module docstring). Every chunk satisfies
    ``count_tokens(chunk.text) == chunk.tokens <= budget``, unless a single character is
    over the budget by itself; such a character becomes a chunk of its own.
    """
    if budget < 1:
        raise ValueError(f"budget must be at least 1 token, got {budget}")
    counter = _Counter(text, count_tokens)
    units: list[_Unit] = []
    for sentence in split_sentences(text):
        tokens = count_tokens(sentence.text)
        units.extend(_fit(counter, sentence.start, sentence.end, tokens, budget, 0))
    return [
        Chunk(text[g[0].start : g[-1].end], g[0].start, g[-1].end, tokens)
        for g, tokens in _pack(counter, units, budget)
    ]
