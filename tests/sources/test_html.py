"""HTML input: pages through the extractor, tagged text as text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.sources.html import html_to_text, looks_like_html, markup_kind, tags_to_text
from summarize.text.clean import clean_article

EXAMPLES = Path(__file__).parents[2] / "examples"
GOLDEN = Path(__file__).parents[1] / "text" / "clean" / "golden"  # the cleaner's

_PARAGRAPHS = [
    "تناولت الصحف البريطانية الصادرة صباح اليوم أزمة أسعار الغاز في أوروبا، وتوقعت أن تواجه"
    " القارة شتاء صعبا مع تراجع الإمدادات وارتفاع الطلب على التدفئة.",
    "ونشرت صحيفة الغارديان تقريرا قالت فيه إن أسعار الغاز بالجملة تضاعفت ثلاث مرات منذ بداية"
    " العام، وإن آلاف الأسر لن تتمكن من دفع فواتير التدفئة.",
    "وأضافت الصحيفة أن الحكومات الأوروبية تدرس وضع سقف لأسعار الغاز، لكن الخلاف بين الدول"
    " الأعضاء يؤخر الاتفاق على آلية موحدة.",
]
_HEADLINE = "صحف بريطانية: أوروبا تواجه شتاء صعبا بسبب أسعار الغاز"


def _page(extra_h1: str = "<h1>CNN</h1>") -> str:
    body = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    return f"""<!DOCTYPE html><html><head><meta property="og:title" content="{_HEADLINE}">
    <meta property="og:site_name" content="شبكة الأخبار">
    <meta property="article:published_time" content="2023-10-04T08:30:00+03:00">
    <title>CNN</title></head><body><header>{extra_h1}<nav><a>الرئيسية</a> | <a>فيديو</a></nav>
    </header><main><article><h1>{_HEADLINE}</h1>{body}
    <p>ترحب الشبكة بالنقاش الحيوي والمفيد، وكي لا نضطر في إدارة الموقع إلى مراجعة التعليقات
    قبل نشرها، ننصحك بمراجعة إرشادات الاستخدام.</p></article>
    <aside><h2>الأكثر قراءة</h2><ul><li><a>خبر أول</a></li><li><a>خبر ثان</a></li></ul></aside>
    </main><footer><p>الصفحة الرئيسية | فيديو | الشرق الأوسط | اقتصاد</p></footer></body></html>"""


def test_main_text_title_date_and_site_of_a_page() -> None:
    text, meta = html_to_text(_page())
    assert meta == {"title": _HEADLINE, "date": "2023-10-04", "source": "شبكة الأخبار"}
    article = clean_article(text)
    assert article.title == _HEADLINE
    assert article.text.split("\n") == _PARAGRAPHS


def test_logo_h1_loses_to_the_supported_headline() -> None:
    _, meta = html_to_text(_page("<h1>CNN</h1><h1>اخبار العالم</h1>"))
    assert meta["title"] == _HEADLINE


def test_site_name_glued_to_the_page_title_is_dropped() -> None:
    page = _page().replace(f'content="{_HEADLINE}"', f'content="{_HEADLINE} - شبكة الأخبار"', 1)
    _, meta = html_to_text(page.replace(f"<h1>{_HEADLINE}</h1>", "<h1>CNN</h1>"))
    assert meta["title"] == _HEADLINE


def test_dateline_under_the_headline_is_the_date() -> None:
    page = _page().replace(
        f"<h1>{_HEADLINE}</h1>",
        f"<h1>{_HEADLINE}</h1><div>الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)</div>",
    )
    published = '<meta property="article:published_time" content="2023-10-04T08:30:00+03:00">'
    text, meta = html_to_text(page.replace(published, ""))
    assert meta["date"] == "الأربعاء، 28 آب/اغسطس 2013"
    assert "آخر تحديث" not in clean_article(text).text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الأربعاء، 4 أكتوبر 2023 - 10:15 ص", "الأربعاء، 4 أكتوبر 2023 - 10:15 ص"),
        ("الخميس، 5 أكتوبر 2023 - 1:15 ص", "الخميس، 5 أكتوبر 2023 - 1:15 ص"),  # local vs UTC
        ("الأربعاء، 28 آب/اغسطس 2013", "2023-10-04"),  # a teaser's date: metadata wins
        ("هاتف: 61-2-9468-6300", "2023-10-04"),  # not a date
    ],
)
def test_dateline_against_the_page_metadata(line: str, expected: str) -> None:
    page = _page().replace(f"<h1>{_HEADLINE}</h1>", f"<h1>{_HEADLINE}</h1><div>{line}</div>")
    _, meta = html_to_text(page)
    assert meta["date"] == expected


def test_example_page_cleans_like_the_text_example() -> None:
    text, meta = html_to_text((EXAMPLES / "article.html").read_text(encoding="utf-8"))
    article = clean_article(text)
    expected = json.loads((GOLDEN / "article.json").read_text(encoding="utf-8"))
    assert article.title == expected["title"] == meta["title"]
    assert meta["date"] == "الأحد 12 مايو/أيار 2024"  # as written under the headline
    assert meta["source"] == "أخبار الساحل"
    assert "اقرأ" not in article.text and "تابعونا" not in article.text
    assert article.text.split("\n")[0] == expected["lines"][0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body></body></html>", "page"),
        ("<div><p>فقرة</p></div>", "page"),
        ("  <p>فقرة</p>", "tagged"),
        ("سطر أول<br/>سطر ثان", "tagged"),
        ("نص عادي <b>ليس</b> صفحة", "tagged"),
        ("قال إن 3 < 5 و 7 > 2", "text"),
    ],
)
def test_markup_kind(text: str, expected: str) -> None:
    assert markup_kind(text) == expected
    assert looks_like_html(text) is (expected == "page")


def test_tags_become_line_breaks() -> None:
    text = "السطر الأول.<br/>السطر الثاني &amp; <b>الثالث</b>.<p>فقرة جديدة.</p>"
    assert tags_to_text(text).split("\n") == [
        "السطر الأول.",
        "السطر الثاني & الثالث.",
        "فقرة جديدة.",
        "",
    ]


def test_text_with_a_few_tags_is_read_as_text() -> None:
    from summarize.sources.inputs import to_source

    raw = "عنوان الخبر هنا<br/>الفقرة الأولى من الخبر.<br/>الفقرة الثانية من الخبر."
    source = to_source(raw, "pasted.txt")
    assert source.text.split("\n") == [
        "عنوان الخبر هنا",
        "الفقرة الأولى من الخبر.",
        "الفقرة الثانية من الخبر.",
    ]
    assert source.title is None
