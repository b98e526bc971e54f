"""Hand-written evaluation records and scripted engines whose scores are known in advance."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from summarize.engines.base import Document, Length

# Short news-style articles written for these tests; each names a different city, which is
# how the scripted engines below recognise the article they are given.
ARTICLES: list[dict[str, Any]] = [
    {
        "id": "wheat",
        "key": "القاهرة",
        "text": (
            "ارتفعت أسعار القمح في أسواق القاهرة بنسبة عشرة في المئة خلال الأسبوع الماضي. "
            "وقال تجار إن الجفاف في مناطق الإنتاج هو السبب الأول. "
            "وتوقع محللون أن تستقر الأسعار مع بداية الموسم الجديد."
        ),
        "references": ["ارتفاع أسعار القمح في القاهرة عشرة في المئة بسبب الجفاف."],
    },
    {
        "id": "port",
        "key": "الإسكندرية",
        "text": (
            "افتتحت الحكومة رصيفا جديدا في ميناء الإسكندرية يستقبل السفن الكبيرة. "
            "ويهدف المشروع إلى مضاعفة حركة الحاويات خلال خمس سنوات. "
            "وقال وزير النقل إن الرصيف سيوفر آلاف الوظائف."
        ),
        "references": [
            "افتتاح رصيف جديد في ميناء الإسكندرية لمضاعفة حركة الحاويات.",
            "رصيف جديد للسفن الكبيرة في الإسكندرية.",
        ],
    },
    {
        "id": "rain",
        "key": "عمّان",
        "text": (
            "هطلت أمطار غزيرة على عمّان مساء الخميس وأغلقت عدة طرق رئيسية. "
            "ودعت الأرصاد الجوية السكان إلى البقاء في منازلهم. "
            "ويتوقع أن يستمر المنخفض الجوي حتى نهاية الأسبوع."
        ),
        "reference": "أمطار غزيرة تغلق طرقا رئيسية في عمّان والأرصاد تدعو السكان للبقاء في المنازل.",
    },
    {
        "id": "books",
        "key": "الرباط",
        "text": (
            "انطلق معرض الرباط الدولي للكتاب بمشاركة ستمئة دار نشر من أربعين دولة. "
            "ويستمر المعرض عشرة أيام ويضم ندوات وأمسيات شعرية. "
            "وقالت إدارة المعرض إنها تتوقع نصف مليون زائر."
        ),
        "references": ["معرض الرباط الدولي للكتاب ينطلق بمشاركة ستمئة دار نشر."],
    },
    {
        "id": "match",
        "key": "تونس",
        "text": (
            "فاز منتخب تونس على ضيفه بثلاثة أهداف مقابل هدف في مباراة ودية. "
            "وسجل المهاجم الشاب هدفين في الشوط الثاني. "
            "ويستعد المنتخب لبطولة الأمم الأفريقية الشهر المقبل."
        ),
        "references": ["منتخب تونس يفوز وديا بثلاثة أهداف مقابل هدف استعدادا لبطولة أفريقيا."],
    },
    {
        "id": "phones",
        "key": "دبي",
        "text": (
            "كشفت شركة ناشئة في دبي عن هاتف يعمل بالطاقة الشمسية. "
            "ويمكن للهاتف أن يعمل يومين كاملين دون شحن كهربائي. "
            "وتخطط الشركة لطرحه في الأسواق العربية العام المقبل."
        ),
        "references": ["شركة ناشئة في دبي تكشف عن هاتف يعمل بالطاقة الشمسية."],
    },
]


def references_of(article: dict[str, Any]) -> list[str]:
    """The article's references, whichever field holds them."""
    if "references" in article:
        return list(article["references"])
    return [article["reference"]]


def write_jsonl(path: Path, rows: Sequence[dict[str, Any] | str]) -> Path:
    """Write rows (objects, or raw lines for broken input) as JSON Lines."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dataset_rows() -> list[dict[str, Any]]:
    """The articles as evaluation records (the ``key`` helper field left out)."""
    return [{k: v for k, v in a.items() if k != "key"} for a in ARTICLES]


def _article_for(doc: Document) -> dict[str, Any]:
    return next(a for a in ARTICLES if a["key"] in doc.text)


class OracleEngine:
    """Writes each article's first reference: every ROUGE score is 100."""

    name = "oracle"
    model: str | None = None

    def __init__(self) -> None:
        self.lengths: list[Length] = []

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Yield the reference word by word, as a neural engine streams tokens."""
        self.lengths.append(length)
        words = references_of(_article_for(doc))[0].split()
        for i, word in enumerate(words):
            yield (" " if i else "") + word

    def close(self) -> None:
        """Nothing to release."""


class FlakyEngine:
    """Writes the last sentence of the article, and fails on the articles it is told to."""

    name = "flaky"
    model: str | None = "flaky-1"

    def __init__(self, fail_on: Sequence[str] = ()) -> None:
        self.fail_on = set(fail_on)
        self.closed = False

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Yield the last sentence; raise for the articles in ``fail_on``."""
        if _article_for(doc)["id"] in self.fail_on:
            raise RuntimeError("scripted failure")
        yield doc.sentences[-1].text

    def close(self) -> None:
        """Remember that the evaluation released the engine."""
        self.closed = True
