"""Text in terminal rows: whole words, the same rows however the text is streamed, visual order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from summarize.text.layout import FSI, PDI, Layout, Rows, cells, isolate_latin

RTL_FORMS = range(0xFE70, 0xFF00)  # Arabic presentation forms: letters joined for display
WORDS = st.lists(
    st.sampled_from(["الحكومة", "أعلنت،", "خطة", "tiny-mt5", "١٢", "سنوات.", "xlsum"]),
    min_size=1,
    max_size=40,
)


def _rows(layout: Layout, pieces: list[str]) -> list[str]:
    out: list[str] = []
    rows = Rows(layout, out.append)
    for piece in pieces:
        rows.feed(piece)
    rows.close()
    return "".join(out).splitlines()


@given(WORDS, st.integers(min_value=12, max_value=60), st.integers(min_value=1, max_value=7))
def test_rows_hold_whole_words_whatever_the_pieces(words: list[str], width: int, step: int) -> None:
    text = " ".join(words)
    pieces = [text[i : i + step] for i in range(0, len(text), step)]
    rows = _rows(Layout(width), pieces)
    assert rows == _rows(Layout(width), [text])  # streamed token by token or whole: same rows
    assert " ".join(rows).split() == words  # every word whole, in order
    assert all(cells(row) <= width for row in rows)


def test_visual_order_joins_letters_and_keeps_latin_runs_readable() -> None:
    row = Layout(60, "visual").row(isolate_latin("ملخص الخبر · machine summary: tiny-mt5"))
    assert len(row) == 60 and row.endswith("ﺺﺨﻠﻣ")  # right-aligned; the first word at the right
    assert "machine summary: tiny-mt5" in row  # the Latin run kept in reading order
    assert FSI not in row and PDI not in row
    assert any(ord(char) in RTL_FORMS for char in row)


def test_latin_runs_in_an_arabic_line_are_isolated() -> None:
    line = isolate_latin("الأحد 12 مايو · وكالات · mt5 (tiny-mt5)")
    assert line.endswith(f"{FSI}mt5 (tiny-mt5){PDI}")
    assert f"{FSI}12" not in line  # digits follow their neighbours without an isolate
    assert isolate_latin("Reuters · mt5") == "Reuters · mt5"  # a left-to-right line as is
