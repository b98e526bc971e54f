"""The support check: numbers, dates and names of an output that the article does not hold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.text.support import Marker, Support, claims

ARTICLE = (
    "قال الرئيس ترامب في القاهرة يوم الخميس 12 مارس 2024 إن ٣٥٠ شخصا وصلوا، "
    "وإن 3 ملايين دولار خصصت لخمسة مشاريع. وزار الوفد مصر وإسرائيل."
)


def _unsupported(output: str, article: str = ARTICLE, **kwargs: object) -> list[str]:
    return [c.text for c in Support(article, **kwargs).check(output)]  # type: ignore[arg-type]


def test_arabic_output_marks_invented_numbers_dates_and_titled_names() -> None:
    output = (
        "قال الرئيس ترامب إن ٣٥٠ شخصا وصلوا في مارس 2024، وإن الرئيس بايدن سيزور البلاد "
        "في يونيو 2025 مع 900 جندي وثلاثة ملايين."
    )
    assert _unsupported(output) == ["بايدن", "يونيو", "2025", "900"]


def test_english_output_is_checked_across_scripts() -> None:
    output = (
        "President Trump said 350 people arrived in Cairo on Thursday, March 12, 2024; Biden "
        "will visit Egypt and Israel in June with 900 soldiers, five projects and $3 million."
    )
    assert _unsupported(output) == ["Biden", "June", "900"]


@pytest.mark.parametrize(
    ("article", "output"),
    [
        ("بلغ العدد 1,200 شخص", "1200"),
        ("بلغ العدد ١٢٠٠ شخص", "1,200"),
        ("النسبة ٣٫٥ في المئة", "3.5"),
        ("ثلاثة قتلى", "3"),
        ("three were killed", "ثلاثة"),
        ("2 مليون", "2,000,000"),
        ("في 12/03/2024", "March"),
        ("في آذار 2024", "مارس 2024"),
        ("The vote was on Friday", "جرى التصويت يوم الجمعة"),
    ],
)
def test_the_same_fact_written_another_way_is_supported(article: str, output: str) -> None:
    assert claims(output), output
    assert _unsupported(output, article) == []


def test_sentence_openers_titles_and_translated_names_are_not_claims() -> None:
    output = "Officials said. The President met Minister Ahmed Hamdan."
    assert [c.text for c in claims(output)] == ["Ahmed", "Hamdan"]
    assert _unsupported(output, "التقى الرئيس بالوزير") == ["Ahmed", "Hamdan"]
    assert _unsupported(output, "التقى الرئيس بالوزير", names=["Ahmed Hamdan met"]) == []
    # Arabic words that are names only sometimes: «الجمعة» alone is not a date claim.
    assert [c.text for c in claims("عقدت الجمعة العامة اجتماعها")] == []


def test_marker_holds_back_the_word_being_written_and_marks_what_settles() -> None:
    marker = Marker(Support(ARTICLE))
    out = marker.feed("وصل 9") + marker.feed("00 جندي في ") + marker.flush()
    assert "".join(text for text, _ in out) == "وصل 900 جندي في "
    assert [text for text, marked in out if marked] == ["900"]
    assert [c.text for c in marker.marked] == ["900"]
    plain = Marker(None)
    assert plain.feed("a 900 b") + plain.flush() == [("a 900 ", False), ("b", False)]


_STREAMED = (
    "President Trump said 350 people arrived in Cairo on Thursday, March 12, 2024; Biden "
    "will visit Egypt in June with 900 soldiers. قال الرئيس بايدن إن ٣٥٠ شخصا وصلوا في "
    "يونيو 2025، وإن 3 ملايين دولار خصصت. The Minister Ahmed Saleh met Macron on Monday.\n"
)


@given(st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=400))
def test_a_stream_marks_what_the_whole_check_marks(cuts: list[int]) -> None:
    text = _STREAMED * 3
    support = Support(ARTICLE)
    marker = Marker(support)
    out: list[tuple[str, bool]] = []
    at = 0
    for size in cuts:
        out += marker.feed(text[at : at + size])
        at += size
    out += marker.feed(text[at:]) + marker.flush()
    assert "".join(piece for piece, _ in out) == text
    whole = support.check(text)
    assert [c.text for c in marker.marked] == [c.text for c in whole]
    assert [piece for piece, marked in out if marked] == [c.text for c in whole]


def test_a_long_stream_is_scanned_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.text.support as support_module

    scanned: list[int] = []
    real = support_module.claims

    def counting(output: str, start: int = 0) -> list[object]:
        scanned.append(len(output) - start)
        return real(output, start)  # type: ignore[return-value]

    monkeypatch.setattr(support_module, "claims", counting)
    text = _STREAMED * 40
    marker = Marker(Support(ARTICLE))
    for word in text.split(" "):
        marker.feed(word + " ")
    marker.flush()
    # Each settled word rescans a bounded window, never the whole output again.
    assert len(scanned) > 500
    assert sum(scanned) < 200 * len(scanned)
