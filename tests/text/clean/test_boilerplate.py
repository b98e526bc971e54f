"""One line at a time: which rule a line falls under, and what value it carries."""

from __future__ import annotations

import pytest

from summarize.text.clean.boilerplate import Kind, LineInfo, classify_line, is_headline

B = Kind.BODY


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("اقرأ أيضاً:", LineInfo(Kind.RELATED)),
        ("إقرأ أيضا - مقتل ثلاثة في حادث سير", LineInfo(Kind.RELATED, "مقتل ثلاثة في حادث سير")),
        ("اقرا ايضا تراجع أسعار النفط", LineInfo(Kind.RELATED, "تراجع أسعار النفط")),
        ("أخبار ذات صلة", LineInfo(Kind.RELATED)),
        ("ذات صلة: تراجع أسعار النفط", LineInfo(Kind.RELATED, "تراجع أسعار النفط")),
        ("ذات صلة بالموضوع قال الوزير إن الأسعار سترتفع.", LineInfo(B)),
        ("تاريخ النشر: 12/05/2024", LineInfo(Kind.DATE, "12/05/2024")),
        (
            "آخر تحديث | 10:30 صباحا 12 مايو",
            LineInfo(Kind.DATE, "10:30 صباحا 12 مايو", updated=True),
        ),
        (
            "الجمعة، 3 نوفمبر/تشرين الثاني 2023",
            LineInfo(Kind.DATE, "الجمعة، 3 نوفمبر/تشرين الثاني 2023"),
        ),
        ("2024-05-12 14:05", LineInfo(Kind.DATE, "2024-05-12 14:05")),
        ("مايو 2024 كان شهرا صعبا", LineInfo(B)),
        ("تحديث: 3 قتلى في هجوم جديد على القرية", LineInfo(B)),
        ("تحديث: 10:30 بتوقيت غرينتش", LineInfo(Kind.DATE, "10:30 بتوقيت غرينتش", updated=True)),
        ("3 قتلى", LineInfo(B)),
        ("المصدر: وكالة الأنباء الرسمية", LineInfo(Kind.SOURCE, "وكالة الأنباء الرسمية")),
        ("(المصدر: أ ف ب)", LineInfo(Kind.SOURCE, "أ ف ب")),
        ("المصدر الرئيسي للدخل هو السياحة.", LineInfo(B)),
        ("كلمات دلالية: اقتصاد، نفط", LineInfo(Kind.TAGS, "اقتصاد، نفط")),
        ("الوسوم", LineInfo(Kind.TAGS)),
        ("🔴 عاجل", LineInfo(Kind.TEASER)),
        ("👈👈", LineInfo(Kind.TEASER)),
        ("=====", LineInfo(Kind.SEPARATOR)),
        ("تابعونا على إنستغرام", LineInfo(Kind.SOCIAL)),
        ("انضم إلى قناتنا على تيليجرام", LineInfo(Kind.SOCIAL)),
        ("واتساب | فيسبوك | تويتر", LineInfo(Kind.SOCIAL)),
        ("شارك المئات في الاحتجاج أمام البرلمان.", LineInfo(B)),
        ("حقوق الصورة: رويترز", LineInfo(Kind.CAPTION)),
        ("Getty Images", LineInfo(Kind.CAPTION)),
        ("AFP", LineInfo(Kind.CAPTION)),
        ("وقالت رويترز إن المحادثات انتهت.", LineInfo(B)),
        ("صورة جماعية للمشاركين في المؤتمر", LineInfo(B)),
    ],
)
def test_classify_line(line: str, expected: LineInfo) -> None:
    assert classify_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("تراجع أسعار النفط في الأسواق العالمية", True),
        ("- هل تتراجع أسعار النفط؟", True),
        ("تراجعت أسعار النفط اليوم.", False),
        ("وقال الوزير،", False),
        (" ".join(["كلمة"] * 21), False),
    ],
)
def test_is_headline(line: str, expected: bool) -> None:
    assert is_headline(line) is expected
