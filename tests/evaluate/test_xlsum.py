"""The XL-Sum authors' ROUGE tokens for Arabic (validated against their code by
scripts/validate_xlsum_rouge.py; here: the rules, each checked by hand)."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.stem.snowball import ArabicStemmer

from summarize.evaluate.rouge import rouge_tokens
from summarize.evaluate.scoring import Bootstrap, rouge_scores
from summarize.evaluate.xlsum import arabic_stopwords, xlsum_rouge, xlsum_tokens


def test_punctuation_splits_and_disappears() -> None:
    assert xlsum_tokens("«قال»،كتب؟") == ["قال", "كتب"]
    assert xlsum_tokens("a.b,c!d") == ["a", "b", "c", "d"]


def test_letters_and_digits_are_split_and_text_lower_cased() -> None:
    assert xlsum_tokens("H2O 2011م") == ["h", "2", "o", "2011", "م"]


def test_symbols_are_tokens_of_their_own() -> None:
    assert xlsum_tokens("x©y") == ["x", "©", "y"]


def test_short_tokens_are_not_stemmed_and_long_ones_are() -> None:
    stem = ArabicStemmer().stem
    assert xlsum_tokens("كتب") == ["كتب"]
    assert xlsum_tokens("المدارس") == [stem("المدارس")] != ["المدارس"]


def test_stop_words_are_kept_whole() -> None:
    assert "الذي" in arabic_stopwords()
    assert ArabicStemmer().stem("الذي") != "الذي"  # the list is what keeps it
    assert xlsum_tokens("الذي") == ["الذي"]


def test_the_stop_words_are_nltks_2017_arabic_list() -> None:
    # nltk_data's stopwords.zip, corpora/stopwords/arabic, commits 2a761ab9 (Oct 2017) to
    # 3a486db7 (Oct 2019), served until October 2021: 249 lines, 243 distinct words.
    from importlib import resources

    from summarize.evaluate.xlsum import STOPWORDS_FILE

    data = resources.files("summarize").joinpath("data", STOPWORDS_FILE).read_bytes()
    digest = "71b90ae127ecaf1779640220079e719084b64ae27b01162d37881d09f63fe1db"
    assert hashlib.sha256(data).hexdigest() == digest
    assert len(arabic_stopwords()) == 243
    # Words of the third-party fork that never shipped in NLTK: stemmed like any word.
    assert not {"كان", "كانت", "وقال", "يمكن", "يكون", "عندما"} & arabic_stopwords()
    assert xlsum_tokens("عندما") == [ArabicStemmer().stem("عندما")]


def test_letters_are_not_folded_unlike_the_default() -> None:
    # Short tokens are not stemmed, so nothing unifies the hamza on the alef.
    assert rouge_tokens("أخ") == rouge_tokens("اخ")
    assert xlsum_tokens("أخ") == ["أخ"] != xlsum_tokens("اخ")


def test_identical_texts_score_one() -> None:
    text = "أعلنت وزارة الصحة افتتاح ثلاثة مستشفيات جديدة في الجنوب."
    assert all(s.fmeasure == pytest.approx(1.0) for s in xlsum_rouge(text, text).values())


def test_eval_scores_with_the_chosen_scheme() -> None:
    preds, refs = ["أخ"], [["اخ"]]
    fast = Bootstrap(resamples=10)
    assert rouge_scores(preds, refs, fast)["rouge1"].value == 100.0
    assert rouge_scores(preds, refs, fast, "xlsum")["rouge1"].value == 0.0


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىة ًٌٍَُِّْ0123456789٠١٢٣abc.,،؛؟!«»-", max_size=80)
)
def test_tokens_are_never_empty_nor_hold_spaces(text: str) -> None:
    tokens = xlsum_tokens(text)
    assert all(t and not any(ch.isspace() for ch in t) for t in tokens)


def test_a_missing_stop_word_list_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.errors import SummarizeError
    from summarize.evaluate import xlsum

    monkeypatch.setattr(xlsum, "STOPWORDS_FILE", "no_such_list.txt")
    xlsum.arabic_stopwords.cache_clear()
    try:
        with pytest.raises(SummarizeError, match=r"stop-word list .*missing"):
            xlsum.arabic_stopwords()
    finally:
        xlsum.arabic_stopwords.cache_clear()


def test_missing_nltk_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from summarize.errors import SummarizeError
    from summarize.evaluate import xlsum

    monkeypatch.setitem(sys.modules, "nltk.stem.snowball", None)
    xlsum.arabic_stemmer.cache_clear()
    try:
        with pytest.raises(SummarizeError, match=r"pip install 'summarize\[eval\]'"):
            xlsum.arabic_stemmer()
    finally:
        xlsum.arabic_stemmer.cache_clear()
