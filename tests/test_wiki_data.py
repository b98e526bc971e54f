"""scripts/wiki_data.py: the opening paragraphs become the reference, the rest the text."""

from __future__ import annotations

import argparse

from scripts.wiki_data import split_lead, to_record

OPENING = "المدينة كبيرة وقديمة جدا. فيها نهر طويل ومباني كثيرة."  # 10 words, 2 sentences
MIDDLE = "السوق القديم في وسط المدينة. الناس يشترون الخبز والفاكهة هناك."
BODY = " ".join(["الشارع الرئيسي طويل ومزدحم في الصباح."] * 12)


def _page(*paragraphs: str) -> dict[str, str]:
    return {"id": "7", "title": "مدينة", "text": "\n".join(["مدينة", "", *paragraphs])}


def _args(min_words: int, max_words: int, ratio: float) -> argparse.Namespace:
    return argparse.Namespace(min_ref_words=min_words, max_ref_words=max_words, min_ratio=ratio)


def test_takes_paragraphs_until_the_minimum_and_drops_the_title_line() -> None:
    split = split_lead(_page(OPENING, MIDDLE, BODY), min_words=15, max_words=40)
    assert split == (f"{OPENING} {MIDDLE}", BODY)


def test_no_split_when_the_opening_runs_past_the_maximum() -> None:
    assert split_lead(_page(OPENING + " " + MIDDLE, BODY), min_words=5, max_words=15) is None


def test_record_needs_two_sentences_and_a_long_enough_body() -> None:
    page = _page(OPENING, MIDDLE, BODY)
    record = to_record(page, _args(8, 40, 3.0))
    assert record == {"text": f"{MIDDLE}\n{BODY}", "references": [OPENING], "title": "مدينة"}
    assert to_record(page, _args(8, 40, 20.0)) is None
    assert to_record(_page("جملة واحدة بلا نهاية ثانية هنا الآن", BODY), _args(5, 40, 1.0)) is None
