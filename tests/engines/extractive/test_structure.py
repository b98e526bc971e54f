"""Headings and sentences that point back (issue 19 §2), from words to the engine's choice."""

from __future__ import annotations

import pytest

from summarize.engines.base import Document, Length
from summarize.engines.extractive.engine import ExtractiveEngine
from summarize.engines.extractive.ranking import Weights
from summarize.engines.extractive.structure import headings, links, needs_predecessor
from tests.engines.extractive.test_extractive import FLOODS, make_doc


@pytest.mark.parametrize(
    "text",
    [
        "كما كانوا يتبعون النظام العشري.",
        "ولكن الحكومة رفضت الطلب.",
        "وهي من سكان الحي القديم.",
        "وكان متوسط حجم الأسرة ستة أفراد.",
        "«وأضاف أن المشروع سينتهي قريبا».",
        "إلا أن الأمطار عادت.",
        "ومن جهته، قال الوزير إن الوضع مستقر.",
    ],
)
def test_sentences_that_point_back(text: str) -> None:
    assert needs_predecessor(text)


@pytest.mark.parametrize(
    "text",
    ["وقال رئيس البلدية إن المحطة جاهزة.", "أعلنت الحكومة حالة الطوارئ.", "كمامات للجميع.", ""],
)
def test_sentences_that_stand_alone(text: str) -> None:
    assert not needs_predecessor(text)


def test_a_short_unpunctuated_line_is_a_heading_only_among_punctuated_ones() -> None:
    doc = make_doc([[FLOODS[0]], ["نموذج لمدن أخرى"], [FLOODS[1]], [FLOODS[2]]])
    assert headings(doc.sentences) == [False, True, False, False]
    unpunctuated = make_doc([[s.rstrip(".")] for s in FLOODS[:3]] + [["نموذج لمدن أخرى"]])
    assert not any(headings(unpunctuated.sentences))


def test_a_heading_is_never_chosen() -> None:
    heading = "الفيضانات في الإسكندرية"
    doc = make_doc([[FLOODS[0]], [heading], *([s] for s in FLOODS[1:])], title=heading)
    for length in (Length(sentences=k) for k in range(1, len(FLOODS) + 2)):
        chosen = ExtractiveEngine().choose(doc, length)
        assert heading not in [s.text for s in chosen]
    assert len(ExtractiveEngine().choose(doc, Length(sentences=len(FLOODS) + 1))) == len(FLOODS)


def test_a_dependent_sentence_comes_with_its_predecessor_or_not_at_all() -> None:
    # A strong title match makes sentence 3 the best after the lead; opening with "كما" it
    # may only come with sentence 2.
    dependent = "كما تسببت الفيضانات في انقطاع الكهرباء عن مستشفيات المدينة ومدارسها."
    title = "انقطاع الكهرباء عن مستشفيات المدينة ومدارسها"
    engine = ExtractiveEngine(Weights(title=3.0))

    def article(third: str) -> Document:
        return make_doc([[s] for s in [*FLOODS[:3], third, *FLOODS[3:]]], title=title)

    free = article(dependent.removeprefix("كما "))
    assert [free.sentences.index(s) for s in engine.choose(free, Length(sentences=2))] == [0, 3]
    doc = article(dependent)
    assert links(doc.sentences).after[3] == 2
    for k in range(1, len(FLOODS) + 2):
        for length in (Length(sentences=k), Length(max_words=12 * k)):
            picked = [doc.sentences.index(s) for s in engine.choose(doc, length)]
            assert 3 not in picked or 2 in picked, (length, picked)


def test_the_first_sentence_needs_nothing() -> None:
    doc = make_doc([["وكان الطقس صافيا في الإسكندرية صباح الأحد قبل الفيضانات."], [FLOODS[1]]])
    assert links(doc.sentences).after == (None, None)
    assert ExtractiveEngine().choose(doc, Length(sentences=1))
