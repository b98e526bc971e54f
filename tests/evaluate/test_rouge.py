"""ROUGE: hand-checked values, Arabic normalisation, and parity with Google's rouge-score."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rouge_score import rouge_scorer

from summarize.evaluate.rouge import RougeScore, lcs_length, rouge_max, rouge_tokens

GOOGLE = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)


def assert_same_as_google(candidate: str, references: list[str]) -> None:
    ours = rouge_max(candidate, references)
    theirs = GOOGLE.score_multi(references, candidate)
    for measure in ("rouge1", "rouge2", "rougeL"):
        expected = theirs[measure]
        got = ours[measure]
        assert got.precision == pytest.approx(expected.precision, abs=1e-12), measure
        assert got.recall == pytest.approx(expected.recall, abs=1e-12), measure
        assert got.fmeasure == pytest.approx(expected.fmeasure, abs=1e-12), measure


def test_hand_checked_english() -> None:
    r = rouge_max("the cat sat on the mat", "the cat lay on the mat")
    # Unigrams: the ×2, cat, on, mat shared = 5 of 6 on each side.
    assert r["rouge1"] == RougeScore(5 / 6, 5 / 6, pytest.approx(5 / 6))
    # Bigrams: "the cat", "on the", "the mat" shared = 3 of 5.
    assert r["rouge2"].fmeasure == pytest.approx(3 / 5)
    # LCS: "the cat on the mat" = 5.
    assert r["rougeL"].fmeasure == pytest.approx(5 / 6)


def test_hand_checked_arabic_precision_and_recall_differ() -> None:
    reference = "فازت المغنية بالجائزة الكبرى في المهرجان"  # 6 tokens
    candidate = "فازت المغنية بالجائزة"  # 3 tokens, all in the reference, in order
    r = rouge_max(candidate, reference)
    assert (r["rouge1"].precision, r["rouge1"].recall) == (1.0, 0.5)
    assert r["rouge1"].fmeasure == pytest.approx(2 / 3)
    assert (r["rouge2"].precision, r["rouge2"].recall) == (1.0, 2 / 5)
    assert r["rougeL"].recall == 0.5


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("كَتَبَ الطَّالِبُ الدَّرْسَ", "كتب الطالب الدرس"),  # diacritics
        ("كـــتب الطـالب", "كتب الطالب"),  # tatweel
        ("أحمد إلى آخر", "احمد الى اخر"),  # alef with hamza or madda
        ("على مستشفى", "علي مستشفي"),  # alef maqsura
        ("مدرسة جديدة", "مدرسه جديده"),  # ta marbuta
        ("عام ٢٠١٨", "عام 2018"),  # Arabic-Indic digits
        ("قال: «نعم»، ثم غادر؟!", "قال نعم ثم غادر"),  # punctuation and guillemets
        ("BBC عربي", "bbc عربي"),  # Latin case
    ],
)
def test_arabic_normalisation(written: str, plain: str) -> None:
    assert rouge_tokens(written) == rouge_tokens(plain)
    assert rouge_max(written, plain)["rouge2"].fmeasure == 1.0


def test_tokens_split_on_non_word_characters() -> None:
    assert rouge_tokens("الأمم_المتحدة/نيويورك-2018") == ["الامم", "المتحده", "نيويورك", "2018"]
    assert rouge_tokens("...، ؟") == []


def test_different_words_do_not_match() -> None:
    r = rouge_max("انسحبت المغنية", "فاز الفريق")
    assert all(r[m].fmeasure == 0.0 for m in ("rouge1", "rouge2", "rougeL"))


def test_best_reference_wins_for_each_measure() -> None:
    refs = ["فاز الفريق بالمباراة", "انسحبت المغنية من البرنامج"]
    assert rouge_max("انسحبت المغنية من البرنامج", refs)["rouge1"].fmeasure == 1.0
    with pytest.raises(ValueError):
        rouge_max("نص", [])


def test_empty_candidate_scores_zero() -> None:
    r = rouge_max("", "the cat")
    assert r["rouge1"] == RougeScore(0.0, 0.0, 0.0)
    assert r["rougeL"] == RougeScore(0.0, 0.0, 0.0)


def test_lcs_length() -> None:
    assert lcs_length("abcbdab", "bdcaba") == 4
    assert lcs_length([], ["a"]) == 0


@pytest.mark.parametrize(
    ("candidate", "references"),
    [
        ("the cat sat on the mat", ["the cat lay on the mat"]),
        ("Police killed the gunman.", ["The gunman was shot dead by police."]),
        ("a a a b", ["a b a b a"]),
        ("It's 3 p.m., isn't it?", ["it is 3 PM; is it not"]),
        ("", ["something here"]),
        ("only the candidate", [""]),
        ("one two three four", ["four three two one", "one two three"]),
        ("the_underscore splits words", ["the underscore splits words"]),
    ],
)
def test_english_equals_rouge_score(candidate: str, references: list[str]) -> None:
    assert_same_as_google(candidate, references)


_WORDS = st.sampled_from(["the", "cat", "sat", "on", "mat", "a", "dog", "ran", "2018", "Mat"])
_TEXT = st.lists(_WORDS, max_size=25).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(candidate=_TEXT, references=st.lists(_TEXT, min_size=1, max_size=3))
def test_english_equals_rouge_score_on_random_texts(candidate: str, references: list[str]) -> None:
    assert_same_as_google(candidate, references)
