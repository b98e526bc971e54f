"""Normalisation for display and folding for comparison."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.text.normalize import fold, normalize_text, strip_diacritics, word_count, words

ALPHABET = st.sampled_from(
    list("ابتجدرسعفقلمنهويةىأإآ") + list("ًٌٍَُِّْٰ") + ["ـ", "،", "؛", "؟"]
    + list("٠١٢٣") + ["\u200f", "\u200e", "\u202b", "\u2067", "\u200b", "\ufeff", "\u00a0"]
    + list("abcXYZ019") + [" ", "\t", "\n", "\r", "\u2028", ".", "ﻻ", "ﺃ", "ﷺ", "…", "²"]
)  # fmt: skip
INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u0640"
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("مرحـــبا", "مرحبا"),  # tatweel
        ("\u202bنص\u202c \u200fعربي\u200e", "نص عربي"),  # bidi controls
        ("كلمة\u200bأخرى\ufeff", "كلمةأخرى"),  # zero width, BOM
        ("ﻻ ﺃﺣﺪ", "لا أحد"),  # presentation forms to letters
        ("ا\u0654", "أ"),  # alef + combining hamza composes
        ("a\u00a0\u2009b\t\tc", "a b c"),  # exotic spaces and tabs
        ("سطر١\r\nسطر٢\rسطر٣\u2028سطر٤", "سطر١\nسطر٢\nسطر٣\nسطر٤"),  # line breaks
        ("أ\n\n\n\n\nب", "أ\n\nب"),  # at most one blank line
        ("  حاشية  \n  ", "حاشية"),
        ("صلى الله عليه وسلم ﷺ", "صلى الله عليه وسلم ﷺ"),  # word ligature kept
        ("انتظر… 5 m² ½", "انتظر… 5 m² ½"),  # ellipsis, superscripts, fractions kept
        ("٣٫٥ و۴", "٣٫٥ و۴"),  # Arabic-Indic digits untouched
        ("ﺏ\ufe70", "بً"),  # isolated harakat form: no space inserted
        ("كَتَبَ", "كَتَبَ"),  # diacritics kept for display
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("إِنَّ", "ان"),
        ("أحمد", "احمد"),
        ("آمال", "امال"),
        ("مكتبة", "مكتبه"),
        ("مستشفى", "مستشفي"),
        ("ﻻ", "لا"),
        ("١٢٣", "123"),
        ("DOHA", "doha"),
        ("مـــدرسة\u200f", "مدرسه"),
    ],
)
def test_fold_unifies_variants(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_keeps_distinct_words_apart() -> None:
    assert fold("كتب") != fold("كتاب")
    assert fold("علم") != fold("عالم")


def test_strip_diacritics() -> None:
    assert strip_diacritics("الْعَرَبِيَّةُ ـ") == "العربية "


def test_words_and_word_count() -> None:
    assert words("قالَ: «الطقسُ جميل_جدا»، 2024!") == ["قال", "الطقس", "جميل", "جدا", "2024"]
    assert word_count(" قال  الوزير\nإن ") == 3


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=120))
def test_normalize_properties(raw: str) -> None:
    text = normalize_text(raw)
    assert normalize_text(text) == text
    assert not any(ch in text for ch in INVISIBLE)
    assert "\r" not in text and "\t" not in text and "  " not in text and "\n\n\n" not in text
    assert text == text.strip()
    assert all(line == line.strip() for line in text.split("\n"))


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=120))
def test_fold_ignores_display_differences(raw: str) -> None:
    folded = fold(raw)
    assert fold(folded) == folded
    assert fold(normalize_text(raw)).split() == folded.split()
    assert fold(strip_diacritics(raw)) == folded
