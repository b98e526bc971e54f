"""HTML pages to article text and metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.text.clean import clean_article
from summarize.text.html import html_to_text, looks_like_html

EXAMPLES = Path(__file__).parents[2] / "examples"
GOLDEN = Path(__file__).parent / "golden"


def test_page_furniture_is_dropped() -> None:
    html = """<html><head><title>عنوان الصفحة | الموقع</title>
    <style>p { color: red }</style><script>var x = "<p>لا</p>";</script></head>
    <body><header><nav><a>الرئيسية</a></nav></header>
    <h1>العنوان الرئيسي</h1>
    <p>الفقرة <b>الأولى</b>
       على سطرين.</p>
    <form><input name="q"><p>ابحث</p></form>
    <figure><img src="a.jpg"><figcaption>تعليق الصورة</figcaption></figure>
    <h2>عنوان فرعي</h2><ul><li>بند أول</li><li>بند ثان</li></ul>
    <blockquote>اقتباس مهم.</blockquote>
    <aside>مواضيع أخرى</aside><footer>حقوق النشر</footer></body></html>"""
    text, meta = html_to_text(html)
    assert text.split("\n") == [
        "العنوان الرئيسي",
        "الفقرة الأولى على سطرين.",
        "عنوان فرعي",
        "بند أول",
        "بند ثان",
        "اقتباس مهم.",
    ]
    assert meta == {"title": "العنوان الرئيسي"}


def test_metadata_from_meta_tags() -> None:
    html = """<head><meta property="og:title" content="عنوان من og">
    <meta property="article:published_time" content="2024-05-12T10:45:00Z">
    <meta property="og:site_name" content="أخبار"><title>عنوان الوسم</title></head>
    <body><time datetime="2020-01-01">قديم</time><p>نص الخبر.</p></body>"""
    text, meta = html_to_text(html)
    assert meta == {"title": "عنوان من og", "date": "2024-05-12T10:45:00Z", "source": "أخبار"}
    assert text.split("\n")[0] == "عنوان من og"


def test_title_tag_and_time_element_as_fallbacks() -> None:
    html = (
        "<title> عنوان &amp; وسم </title>"
        "<p>في <time datetime='2023-03-01'>الأول من مارس</time> حدث.</p>"
    )
    text, meta = html_to_text(html)
    assert meta == {"title": "عنوان & وسم", "date": "2023-03-01"}
    assert text == "عنوان & وسم\nفي الأول من مارس حدث."


def test_only_article_paragraphs_when_there_is_an_article() -> None:
    html = """<body><div class="menu"><p>قائمة</p></div>
    <article><h1>خبر</h1><p>الفقرة الأولى.</p>
    <div class="related-links"><p>رابط ذو صلة</p><div><p>متداخل</p></div></div>
    <p hidden>مخفي</p><p>الفقرة الثانية.</p></article>
    <div class="widget"><p>الأكثر قراءة</p></div></body>"""
    text, _ = html_to_text(html)
    assert text.split("\n") == ["خبر", "الفقرة الأولى.", "الفقرة الثانية."]


def test_unclosed_and_nested_skips_recover() -> None:
    html = "<div class='share'><div>زر</div>نص</div><p>يبقى<p>ويبقى هذا<br>أيضا"
    text, _ = html_to_text(html)
    assert text.split("\n") == ["يبقى", "ويبقى هذا", "أيضا"]


def test_example_page_cleans_like_the_text_example() -> None:
    text, meta = html_to_text((EXAMPLES / "article.html").read_text(encoding="utf-8"))
    article = clean_article(text)
    expected = json.loads((GOLDEN / "article.json").read_text(encoding="utf-8"))
    assert article.title == expected["title"] == meta["title"]
    assert meta["date"] == "2024-05-12T10:45:00+03:00"
    assert meta["source"] == "أخبار الساحل"
    lines = article.text.split("\n")
    assert [line for line in lines if line != "نموذج لمدن أخرى"] == expected["lines"]
    assert "اقرأ" not in article.text and "تابعونا" not in article.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body></body></html>", True),
        ("  <p>فقرة</p>", True),
        ("نص عادي <b>ليس</b> صفحة", False),
        ("قال إن 3 < 5 و 7 > 2", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected
