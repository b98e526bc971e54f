"""Hard-wrapped text: golden cases for :func:`unwrap`, and the cleaner's use of it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.text.clean import clean_article
from summarize.text.clean.wrap import unwrap, wrap_width
from summarize.text.sentences import split_sentences

GOLDEN = Path(__file__).parent / "golden" / "wrap"
CASES = sorted(GOLDEN.glob("*.txt"))

PARAGRAPHS = [
    "أعلنت وزارة الصحة في بيان صدر صباح اليوم عن افتتاح ثلاثة مستشفيات جديدة في المحافظات "
    "الجنوبية بتكلفة إجمالية تجاوزت مئتي مليون دولار، في إطار خطة لتوسيع الخدمات الصحية.",
    "وقال المتحدث باسم الوزارة إن المستشفيات الجديدة ستستقبل المرضى اعتبارا من الشهر المقبل، "
    "وإن كل واحد منها يضم أكثر من مئة سرير وقسما للطوارئ يعمل على مدار الساعة.",
]


def test_there_are_enough_golden_cases() -> None:
    assert len(CASES) >= 6


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden(case: Path) -> None:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8")
    assert unwrap(case.read_text(encoding="utf-8")) == expected


def test_wrapped_first_line_is_not_taken_as_the_title() -> None:
    wrapped = "\n".join(textwrap.fill(p, 50) for p in PARAGRAPHS)
    first_line = wrapped.split("\n")[0]
    article = clean_article(wrapped)
    assert article.title is None
    assert article.text.split("\n") == PARAGRAPHS
    assert split_sentences(article.text)[0].text != first_line


def test_a_real_title_above_wrapped_text_is_kept() -> None:
    wrapped = "\n".join(textwrap.fill(p, 50) for p in PARAGRAPHS)
    article = clean_article("افتتاح ثلاثة مستشفيات في الجنوب\n\n" + wrapped)
    assert article.title == "افتتاح ثلاثة مستشفيات في الجنوب"
    assert article.text.split("\n") == PARAGRAPHS


@settings(max_examples=60, deadline=None)
@given(width=st.integers(min_value=30, max_value=120))
def test_any_wrap_width_is_undone(width: int) -> None:
    wrapped = "\n".join(textwrap.fill(p, width) for p in PARAGRAPHS)
    if wrapped.count("\n") >= 3:
        assert wrap_width(wrapped.split("\n")) is not None
        assert unwrap(wrapped) == "\n".join(PARAGRAPHS)
    else:
        assert unwrap(wrapped) == wrapped


_WORD = st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهوي", min_size=1, max_size=9)
_PARAGRAPH = st.lists(_WORD, min_size=3, max_size=60).map(lambda ws: " ".join(ws) + ".")


@settings(max_examples=80, deadline=None)
@given(paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=5), width=st.integers(25, 110))
def test_unwrap_restores_paragraphs_or_leaves_the_text_alone(
    paragraphs: list[str], width: int
) -> None:
    wrapped = "\n".join(textwrap.fill(p, width) for p in paragraphs)
    assert unwrap(wrapped) in (wrapped, "\n".join(paragraphs))
    if wrap_width(wrapped.split("\n")) is not None:
        assert unwrap(wrapped) == "\n".join(paragraphs)
