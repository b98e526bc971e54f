"""Banded Levenshtein distance: how far a decoded text is from the one it should be.

The decoder's tests and ``scripts/bench_decode.py`` judge a decoding of damaged bytes by it.
"""

from __future__ import annotations


def distance(a: str, b: str, band: int = 16) -> int:
    """Levenshtein distance of ``a`` and ``b``, exact up to ``band`` (larger: ``band + 1``)."""
    if abs(len(a) - len(b)) > band:
        return band + 1
    far = band + 1
    previous = {j: j for j in range(min(len(b), band) + 1)}
    for i in range(1, len(a) + 1):
        current: dict[int, int] = {}
        for j in range(max(0, i - band), min(len(b), i + band) + 1):
            if j == 0:
                current[j] = i
                continue
            substitute = previous.get(j - 1, far) + (a[i - 1] != b[j - 1])
            current[j] = min(substitute, previous.get(j, far) + 1, current.get(j - 1, far) + 1)
        previous = current
    return min(previous.get(len(b), far), far)
