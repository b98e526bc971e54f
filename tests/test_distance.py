"""The banded edit distance used to judge decodings."""

from __future__ import annotations

from scripts.distance import distance


def test_exact_within_the_band() -> None:
    assert distance("kitten", "sitting") == 3
    assert distance("", "abc") == 3
    assert distance("نص عربي", "نص عربي") == 0


def test_past_the_band_is_band_plus_one() -> None:
    assert distance("a" * 40, "", band=16) == 17
    assert distance("a" * 30, "b" * 30, band=4) == 5
