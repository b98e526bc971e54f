"""Chunking: golden boundaries, and properties for word- and character-counted budgets."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.text.chunking import Chunk, chunk_text
from summarize.text.sentences import split_sentences

GOLDEN = sorted((Path(__file__).parent / "golden" / "chunks").glob("*.json"))


def words(text: str) -> int:
    return len(text.split())


def chars(text: str) -> int:
    return len(text)


def with_specials(text: str) -> int:
    """A tokenizer that adds two special tokens to every text (like <s> ... </s>)."""
    return len(text.split()) + 2


def squared(text: str) -> int:
    """Not additive at all: the sum of the parts underestimates the whole."""
    return len(text.split()) ** 2


def subword(text: str) -> int:
    """About one token per four characters, rounded up, like a subword vocabulary."""
    return math.ceil(len(text) / 4)


COUNTERS: dict[str, Callable[[str], int]] = {"words": words, "chars": chars}

PIECES = st.sampled_from(
    list("ابتجدرسعفقلمنهويةىأإ") + list("ًَُِّ") + ["ـ", "،", "؛", "؟", ",", ";", ":"]
    + list("٠١٢٣") + ["\u200f", "\u061c"] + list("abcXYZ01")
    + [" ", " ", " ", "\n", "\t", ".", "!", "?", "…", "«", "»", "\"", " و"]
)  # fmt: skip
# Whole strings rather than st.text(), so that " و" (a conjunction boundary) is one piece.
TEXTS = st.lists(PIECES, max_size=300).map("".join)


def check_chunks(text: str, chunks: list[Chunk], count: Callable[[str], int], budget: int) -> None:
    """Chunks are non-empty stripped slices, in order, within budget; gaps are white space."""
    pos = 0
    for chunk in chunks:
        assert chunk.text
        assert chunk.text == text[chunk.start : chunk.end] == chunk.text.strip()
        assert chunk.start >= pos
        assert not text[pos : chunk.start].strip()
        assert chunk.tokens == count(chunk.text)
        assert chunk.tokens <= budget or len(chunk.text) == 1
        pos = chunk.end
    assert not text[pos:].strip()
    # Rejoined with the original white space, the chunks are the input again.
    rebuilt, pos = [], 0
    for chunk in chunks:
        rebuilt += [text[pos : chunk.start], chunk.text]
        pos = chunk.end
    assert "".join(rebuilt) + text[pos:] == text


@pytest.mark.parametrize("case", GOLDEN, ids=lambda p: p.stem)
def test_golden(case: Path) -> None:
    spec = json.loads(case.read_text(encoding="utf-8"))
    count = COUNTERS[spec["counter"]]
    chunks = chunk_text(spec["text"], count, spec["budget"])
    assert [c.text for c in chunks] == spec["chunks"]
    check_chunks(spec["text"], chunks, count, spec["budget"])


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(1, 30), st.sampled_from(sorted(COUNTERS)))
def test_chunks_rejoin_to_the_input_within_budget(text: str, budget: int, counter: str) -> None:
    count = COUNTERS[counter]
    check_chunks(text, chunk_text(text, count, budget), count, budget)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.integers(1, 20))
def test_cuts_fall_between_sentences_unless_one_is_over_budget(text: str, budget: int) -> None:
    sentences = split_sentences(text)
    ends = {s.end for s in sentences}
    for chunk in chunk_text(text, words, budget)[:-1]:
        if chunk.end not in ends:
            inside = next(s for s in sentences if s.start < chunk.end < s.end)
            assert words(inside.text) > budget


@pytest.mark.parametrize("count", [with_specials, squared, subword], ids=lambda f: f.__name__)
@settings(max_examples=100, deadline=None)
@given(text=TEXTS, budget=st.integers(4, 40))
def test_non_additive_tokenizers_stay_within_budget(
    count: Callable[[str], int], text: str, budget: int
) -> None:
    check_chunks(text, chunk_text(text, count, budget), count, budget)


def test_count_tokens_is_called_linearly_often() -> None:
    sentence = "قال المتحدث إن الاجتماع سيعقد غدا في العاصمة، وإن الوفود بدأت بالوصول."
    text = " ".join([sentence] * 2000)
    calls = 0

    def counting(t: str) -> int:
        nonlocal calls
        calls += 1
        return len(t.split())

    chunks = chunk_text(text, counting, 100)
    assert len(chunks) == 2000 * 12 // 96  # eight 12-word sentences per 100-token chunk
    assert calls <= 2000 + len(chunks) + 5


def test_one_character_over_budget_is_its_own_chunk() -> None:
    chunks = chunk_text("ab", lambda t: 2 * len(t), 1)
    assert [(c.text, c.tokens) for c in chunks] == [("a", 2), ("b", 2)]


@pytest.mark.parametrize("budget", [0, -3])
def test_budget_must_be_positive(budget: int) -> None:
    with pytest.raises(ValueError, match="budget"):
        chunk_text("نص.", words, budget)


def test_empty_text_has_no_chunks() -> None:
    assert chunk_text(" \n ", words, 10) == []
