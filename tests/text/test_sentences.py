"""Sentence splitting: golden cases for each rule, and properties of any split."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.text.sentences import Sentence, split_sentences

CASES = sorted((Path(__file__).parent / "golden" / "sentences").glob("*.txt"))

# Arabic letters, diacritics, tatweel, Arabic punctuation, Arabic-Indic digits, bidi marks,
# Latin, white space and line breaks, the terminators, quotes and brackets.
ALPHABET = st.sampled_from(
    list("ابتجدرسعفقلمنهويةىأإ") + list("ًٌٍَُِّْ") + ["ـ", "،", "؛", "؟", "٫"]
    + list("٠١٢٣٩") + ["\u200f", "\u200e", "\u061c"] + list("abcXYZ019")
    + [" ", " ", "\t", "\n", "\n", "\r", "\u2028", ".", ".", "!", "?", "…"]
    + list("«»\"“”()")
)  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden(case: Path) -> None:
    expected = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))["sentences"]
    got = [[s.paragraph, s.text] for s in split_sentences(case.read_text(encoding="utf-8"))]
    assert got == expected


def test_spans_point_into_the_source() -> None:
    text = "  أولا. ثانيا!\n\nثالثا"
    assert split_sentences(text) == [
        Sentence("أولا.", 2, 7, 0),
        Sentence("ثانيا!", 8, 14, 0),
        Sentence("ثالثا", 16, 21, 1),
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


@settings(max_examples=400, deadline=None)
@given(st.text(ALPHABET, max_size=200))
def test_sentences_tile_the_input(text: str) -> None:
    sentences = split_sentences(text)
    pos = 0
    for s in sentences:
        assert s.text
        assert s.text == text[s.start : s.end]
        assert s.text == s.text.strip()
        assert s.start >= pos
        assert text[pos : s.start].isspace() or pos == s.start
        pos = s.end
    assert not text[pos:].strip()
    assert [s.paragraph for s in sentences] == sorted(s.paragraph for s in sentences)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(ALPHABET.filter(lambda c: not c.isspace()), min_size=1), max_size=8))
def test_every_finished_line_starts_a_new_paragraph(lines: list[str]) -> None:
    # A line that ends with punctuation is never a wrap (the wrap cases are golden ones).
    lines = [line + "." for line in lines]
    sentences = split_sentences("\n".join(lines))
    assert sorted({s.paragraph for s in sentences}) == list(range(len(lines)))
    assert all(s.text.count("\n") == 0 for s in sentences)


@settings(max_examples=200, deadline=None)
@given(st.text(ALPHABET, max_size=200))
def test_no_split_after_arabic_comma_or_semicolon(text: str) -> None:
    sentences = split_sentences(text)
    for s, nxt in itertools.pairwise(sentences):
        if s.paragraph == nxt.paragraph:
            assert s.text[-1] not in "،؛"
