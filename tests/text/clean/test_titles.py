"""Site names glued to page titles."""

from __future__ import annotations

import pytest

from summarize.text.clean.titles import strip_site_affix

_HEADLINE = "وزير الري يشهد توقيع عقد دراسة المياه الجوفية"


@pytest.mark.parametrize(
    ("title", "others", "site", "expected"),
    [
        (f"{_HEADLINE} - اليوم الجديد", [], "اليوم الجديد", _HEADLINE),
        (f"{_HEADLINE} | قناة البلد", [], "البلد", _HEADLINE),
        (f"أخبار البلد - {_HEADLINE}", [_HEADLINE], "شركة البث", _HEADLINE),
        (f"أخبار البلد – {_HEADLINE}", [], None, f"أخبار البلد – {_HEADLINE}"),
        ("غزة - مقتل خمسة في قصف", [], "شبكة الأخبار", "غزة - مقتل خمسة في قصف"),
        ("الموقع - خبر قصير", [], "الموقع", "الموقع - خبر قصير"),
        (_HEADLINE, [], "اليوم الجديد", _HEADLINE),
    ],
)
def test_strip_site_affix(title: str, others: list[str], site: str | None, expected: str) -> None:
    assert strip_site_affix(title, others, site) == expected
