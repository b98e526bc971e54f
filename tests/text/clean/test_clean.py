"""Golden cases for the cleaner, one rule (or one non-removal) per case, plus properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.text.clean import CleanArticle, clean_article
from summarize.text.clean.wrap import unwrap
from summarize.text.normalize import normalize_text

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted((GOLDEN / "clean").glob("*.txt"))
EXAMPLES = Path(__file__).parents[3] / "examples"


def _as_dict(article: CleanArticle) -> dict[str, object]:
    return {
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "date_iso": article.date_iso,
        "lines": article.text.split("\n") if article.text else [],
    }


def test_there_are_enough_golden_cases() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden(case: Path) -> None:
    expected = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
    assert _as_dict(clean_article(case.read_text(encoding="utf-8"))) == expected


def test_example_article() -> None:
    raw = (EXAMPLES / "article.txt").read_text(encoding="utf-8")
    expected = json.loads((GOLDEN / "article.json").read_text(encoding="utf-8"))
    assert _as_dict(clean_article(raw)) == expected


def test_empty_input() -> None:
    assert clean_article("  \n\n ") == CleanArticle(text="")


_LINE_CHARS = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةى")
    + list("َُِّْ")
    + ["ـ", " ", "،", "؛", "؟", "."]
    + list("٠١٢٣")
    + ["\u200f", "a", "Z", ":", "-", "🔴", "(", ")"]
)
_MARKERS = st.sampled_from(
    ["اقرأ أيضاً:", "ذات صلة", "المصدر: وكالات", "تاريخ النشر: 2024/5/12", "تابعونا على فيسبوك",
     "كلمات دلالية: أ، ب", "⚡️ عاجل", "---", "مصدر الصورة Getty Images"]
)  # fmt: skip
_LINES = st.lists(st.one_of(st.text(_LINE_CHARS, max_size=60), _MARKERS), max_size=14)


@settings(max_examples=200, deadline=None)
@given(_LINES)
def test_output_is_a_normalised_subsequence_of_the_input_lines(lines: list[str]) -> None:
    raw = "\n".join(lines)
    article = clean_article(raw)
    # Hard-wrapped lines are joined first (see test_wrap.py); the rest is line by line.
    source_lines = [line for line in unwrap(normalize_text(raw)).split("\n") if line]
    out = article.text.split("\n") if article.text else []
    assert normalize_text(article.text) == article.text
    assert "" not in out
    it = iter(source_lines)
    # The only edits inside a line are inline photo credits, interface glyphs at its start
    # and a glued related marker; this alphabet makes none of them.
    assert all(any(line == src for src in it) for line in out)
    if article.title is not None:
        assert article.title in source_lines
        assert out.count(article.title) < source_lines.count(article.title)


def _marked_text(n: int) -> str:
    """``n`` paragraphs of one story, each followed by a related-stories block."""
    story = "وقال المتحدث إن حملة التطعيم في المدارس الحكومية ستستمر أسابيع وإن اللقاحات متوفرة"
    lines = ["حملة تطعيم جديدة في المدارس الحكومية"]
    for i in range(n):
        lines += [f"{story} في المرحلة {i}.", "اقرأ أيضا:", f"خبر آخر {i}", f"خبر ثان {i}"]
    return "\n".join(lines)


def _work(monkeypatch: pytest.MonkeyPatch, n: int) -> int:
    """Words the cleaner counts or folds into content words for ``_marked_text(n)``."""
    import summarize.text.clean.lines as lines_module
    import summarize.text.clean.stories as stories_module

    seen = [0]

    def counting(fn):  # type: ignore[no-untyped-def]
        def wrapped(text: str):  # type: ignore[no-untyped-def]
            seen[0] += len(text.split())
            return fn(text)

        return wrapped

    monkeypatch.setattr(stories_module, "word_total", counting(stories_module.word_total))
    monkeypatch.setattr(lines_module, "content_words", counting(lines_module.content_words))
    article = clean_article(_marked_text(n))
    monkeypatch.undo()
    assert len(article.text.split("\n")) == n  # every paragraph kept, every marker gone
    return seen[0]


def test_related_markers_cost_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _work(monkeypatch, 50), _work(monkeypatch, 200)
    assert 0 < large <= 4.5 * small
