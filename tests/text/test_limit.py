"""The input-size limit: where the cut lands, and that the kept part is a prefix within it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from summarize.pipeline import prepare
from summarize.text.limit import MAX_CHARS, cut_notice, cut_text

SENTENCE = "ارتفعت أسعار القمح في الأسواق العالمية بنسبة كبيرة هذا الأسبوع. "


def test_text_within_the_limit_is_kept_whole() -> None:
    text = SENTENCE * 3
    assert cut_text(text, len(text)) == text
    assert cut_text(text, 0) == text


def test_the_cut_prefers_the_last_paragraph_break() -> None:
    text = "أ" * 95 + "\n" + "ب" * 50
    assert cut_text(text, 100) == "أ" * 95


def test_then_the_last_sentence_end() -> None:
    text = "أ" * 93 + ". " + "ب" * 50
    assert cut_text(text, 100) == "أ" * 93 + "."


def test_then_the_last_space() -> None:
    text = "أ" * 93 + " " + "ب" * 50
    assert cut_text(text, 100) == "أ" * 93


def test_with_no_break_near_the_limit_it_cuts_exactly() -> None:
    text = "أ" * 50 + "\n" + "ب" * 100
    assert cut_text(text, 100) == text[:100]


alphabet = st.sampled_from(list("ابت ثج\n.؟!\t"))


@given(st.text(alphabet=alphabet, max_size=400), st.integers(min_value=1, max_value=300))
def test_the_kept_part_is_a_prefix_within_the_limit(text: str, limit: int) -> None:
    kept = cut_text(text, limit)
    assert text.startswith(kept)
    if len(text) <= limit:
        assert kept == text
    else:
        assert len(kept) <= limit


def test_prepare_records_the_length_of_a_cut_input() -> None:
    text = SENTENCE * 100
    prepared = prepare(text, max_chars=1000)
    assert prepared.meta.truncated_from == len(text)
    assert len(prepared.doc.text) <= 1000
    assert prepare(text, max_chars=0).meta.truncated_from is None
    assert prepare(SENTENCE * 3).meta.truncated_from is None


def test_the_default_limit_is_far_beyond_an_article() -> None:
    # The longest features run to ~50,000 characters: ten times that goes through whole.
    assert MAX_CHARS >= 10 * 50_000
    assert "SUMMARIZE_MAX_CHARS" in cut_notice(2 * MAX_CHARS, MAX_CHARS)
