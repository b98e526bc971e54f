"""Content terms: stop words, light stemming and the conjunction rule."""

from __future__ import annotations

from summarize.text.normalize import fold
from summarize.text.terms import content_terms, is_stopword, stem_ar, stem_en, stopwords


def test_stop_word_lists_load_folded_and_sized() -> None:
    ar, en = stopwords("ar"), stopwords("en")
    assert 200 <= len(ar) <= 400
    assert {"the", "of", "said"} <= en
    # Written with hamza and ta marbuta in the file, folded on load.
    assert {fold("إلى"), fold("هذه"), fold("ثلاثة")} <= ar
    assert "إلى" not in ar
    assert stopwords("xx") == ar | en


def test_conjunction_prefixed_stop_words() -> None:
    ar = stopwords("ar")
    assert is_stopword(fold("وهذه"), ar) and is_stopword(fold("فإن"), ar)
    assert is_stopword(fold("وقال"), ar)
    # Two-letter entries do not spread: ولي (guardian, crown prince) is a word.
    assert not is_stopword(fold("ولي"), ar)
    assert not is_stopword(fold("وزير"), ar)


def test_light_arabic_stems_meet_across_forms() -> None:
    assert stem_ar(fold("الحكومة")) == stem_ar(fold("حكومته")) == stem_ar(fold("للحكومة"))
    assert stem_ar(fold("والمعلمون")) == stem_ar(fold("المعلمين"))
    # Short words keep their letters: nothing under three letters is left.
    assert stem_ar(fold("بيته")) == fold("بيت")
    assert stem_ar("كتب") == "كتب"


def test_english_stems() -> None:
    assert stem_en("floods") == "flood"
    assert stem_en("glass") == "glass"
    assert stem_en("is") == "is"


def test_content_terms_drop_function_words_and_numbers() -> None:
    text = "وقالت الحكومة إن المدارس ستغلق في ٣ مدن"
    terms = content_terms(text, "ar")
    assert terms == [stem_ar(fold("الحكومة")), "مدارس", "ستغلق", "مدن"]


def test_bare_conjunction_comes_off_only_when_the_article_has_the_word() -> None:
    assert content_terms("وحكومة", "ar", {"حكومه"}) == [stem_ar("حكومه")]
    assert content_terms("وحكومة", "ar", set()) == [stem_ar("وحكومه")]
    assert content_terms("وزير", "ar", {"وزير"}) == ["وزير"]
