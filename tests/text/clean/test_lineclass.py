"""The learned line classifier: its weights file, its features, and what it says of lines."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from summarize.text.clean import clean_article, page_lines, stretch
from summarize.text.clean.lineclass import (
    FEATURES,
    LineModel,
    body_probabilities,
    line_features,
    shipped_model,
)
from summarize.text.clean.stretch import page_of

_PROSE = (
    "قال وزير الخارجية في مؤتمر صحفي عقده اليوم في العاصمة إن المحادثات مع الوفد الزائر "
    "تناولت ملفات التعاون الاقتصادي والتجاري بين البلدين وسبل تطويرها في المرحلة المقبلة."
)
_PAGE = "\n".join(
    [
        "الرئيسية",
        "أخبار محلية",
        "رياضة",
        "اقتصاد",
        "الوزير يبحث التعاون الاقتصادي مع الوفد الزائر",
        *[_PROSE] * 1,
        "وأضاف الوزير أن البلدين اتفقا على تشكيل لجنة مشتركة تجتمع كل ثلاثة أشهر لمتابعة "
        "تنفيذ الاتفاقات الموقعة بينهما في مجالات الطاقة والنقل والزراعة.",
        "وأشار إلى أن حجم التبادل التجاري بين البلدين ارتفع خلال العام الماضي بنسبة كبيرة "
        "مقارنة بالعام الذي سبقه، وأن الجانبين يسعيان إلى مضاعفته.",
        "الأكثر قراءة",
        "منتخب الشباب يفوز في افتتاح البطولة",
        "أسعار الذهب اليوم",
        "حالة الطقس غدا",
    ]
)


def _model_dict() -> dict[str, object]:
    text = resources.files("summarize").joinpath("data", "line_classifier.json").read_text()
    data: dict[str, object] = json.loads(text)
    return data


def test_the_shipped_model_loads_with_one_weight_per_feature() -> None:
    model = shipped_model()
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(FEATURES)
    assert 0.0 < model.probability([0.0] * len(FEATURES)) < 1.0


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("features", ["log_words"], "other features"),
        ("weights", [0.0], "one value per feature"),
        ("scale", [0.0] * len(FEATURES), "not positive"),
    ],
)
def test_weights_for_other_features_are_refused(key: str, value: object, message: str) -> None:
    data = {**_model_dict(), key: value}
    with pytest.raises(ValueError, match=message):
        LineModel.from_dict(data)


def test_probability_is_the_logistic_of_the_standardised_sum() -> None:
    n = len(FEATURES)
    model = LineModel((1.0,) * n, (2.0,) * n, (0.5,) + (0.0,) * (n - 1), 0.0)
    assert model.probability([1.0] * n) == pytest.approx(0.5)
    assert model.probability([5.0] + [0.0] * (n - 1)) == pytest.approx(1 / (1 + 2.718281828**-1))


def test_one_row_per_body_line_and_the_stretch_marked() -> None:
    lines = page_lines(_PAGE)
    page = page_of(lines)
    texts = [lines[i] for i in page.body]
    rows = line_features(texts, page.paragraph, page.longest)
    assert len(rows) == len(texts)
    assert all(len(row) == len(FEATURES) for row in rows)
    column = {name: [row[k] for row in rows] for k, name in enumerate(FEATURES)}
    assert column["in_stretch"] == [float(p) for p in page.paragraph]
    assert [d == 0.0 for d in column["paragraph_distance"]] == page.paragraph


def test_a_page_without_paragraphs_has_no_stretch_features() -> None:
    lines = page_lines("الرئيسية\nأخبار\nرياضة\n")
    page = page_of(lines)
    texts = [lines[i] for i in page.body]
    rows = line_features(texts, page.paragraph, page.longest)
    column = {name: [row[k] for row in rows] for k, name in enumerate(FEATURES)}
    assert page.longest is None
    assert column["in_stretch"] == column["stretch_support"] == [0.0] * len(texts)


def test_the_shipped_model_rates_the_article_above_the_furniture() -> None:
    lines = page_lines(_PAGE)
    page = page_of(lines)
    texts = [lines[i] for i in page.body]
    p = body_probabilities(texts, page.paragraph, page.longest, shipped_model())
    prose = [q for q, is_paragraph in zip(p, page.paragraph, strict=True) if is_paragraph]
    furniture = [q for q, is_paragraph in zip(p, page.paragraph, strict=True) if not is_paragraph]
    assert min(prose) > 0.5 > max(furniture)


_GOLDEN = Path(__file__).parent / "golden" / "clean"
_SHORT_PARAGRAPH = "ولم يحدد الوزير موعدا لتشغيل الخط الثاني."


@pytest.mark.parametrize(("strategy", "kept"), [("union", True), ("rules", False)])
def test_the_classifier_keeps_a_short_paragraph_the_rules_drop(
    monkeypatch: pytest.MonkeyPatch, strategy: str, kept: bool
) -> None:
    page = (_GOLDEN / "pasted_short_paragraph_kept_by_classifier.txt").read_text(encoding="utf-8")
    monkeypatch.setattr(stretch, "STRATEGY", strategy)
    assert (_SHORT_PARAGRAPH in clean_article(page).text.split("\n")) is kept


def test_the_shipped_strategy_is_the_union_with_the_rules() -> None:
    assert stretch.STRATEGY == "union"


@pytest.mark.parametrize("case", sorted(_GOLDEN.glob("*.txt")), ids=lambda p: p.stem)
def test_the_union_keeps_every_line_the_rules_keep(
    monkeypatch: pytest.MonkeyPatch, case: Path
) -> None:
    raw = case.read_text(encoding="utf-8")
    monkeypatch.setattr(stretch, "STRATEGY", "rules")
    ruled = clean_article(raw).text.split("\n")
    monkeypatch.setattr(stretch, "STRATEGY", "union")
    assert set(ruled) <= set(clean_article(raw).text.split("\n"))
