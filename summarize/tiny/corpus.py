"""A deterministic Arabic + English training corpus for the tiny SentencePiece models.

Every line is generated here from templates and word lists written for the tests: no
downloaded or shared data. The text only has to give SentencePiece enough varied words,
digits and punctuation to learn a few hundred pieces in both scripts.
"""

from __future__ import annotations

import random

AR_SUBJECTS = (
    "الحكومة",
    "الرئيس",
    "الوزير",
    "الشركة",
    "المدينة",
    "البرلمان",
    "الجيش",
    "الشرطة",
    "المنظمة",
    "الجامعة",
    "المحكمة",
    "اللجنة",
    "الوزارة",
    "البنك المركزي",
    "المستشفى",
    "المعارضة",
    "النقابة",
    "السفارة",
    "المدرسة",
    "البلدية",
    "الصحيفة",
    "الاتحاد",
)
AR_VERBS = (
    "أعلنت",
    "قالت",
    "أكدت",
    "نفت",
    "رفضت",
    "بحثت",
    "ناقشت",
    "افتتحت",
    "أطلقت",
    "وقعت",
    "نشرت",
    "طالبت",
    "دعت",
    "استقبلت",
    "درست",
    "أجلت",
    "قررت",
    "انتقدت",
)
AR_OBJECTS = (
    "خطة جديدة",
    "اتفاقا تجاريا",
    "مشروعا كبيرا",
    "الميزانية العامة",
    "نتائج الانتخابات",
    "أزمة المياه",
    "تقريرا مفصلا",
    "برنامجا للتعليم",
    "قانون العمل",
    "أسعار الوقود",
    "خدمات الصحة",
    "مفاوضات السلام",
    "حملة للتطعيم",
    "مطار العاصمة",
    "شبكة الطرق",
    "سوق الأسهم",
    "موسم الحصاد",
    "مهرجان الكتاب",
    "ملف اللاجئين",
    "محطة الكهرباء",
)
AR_PLACES = (
    "القاهرة",
    "بغداد",
    "دمشق",
    "بيروت",
    "عمان",
    "الرياض",
    "تونس",
    "الرباط",
    "الجزائر",
    "الخرطوم",
    "الدوحة",
    "أبوظبي",
    "مسقط",
    "صنعاء",
    "طرابلس",
    "الكويت",
)
AR_TIMES = ("صباح اليوم", "مساء أمس", "الأسبوع الماضي", "خلال الشهر الجاري", "في العام المقبل")
AR_TAILS = (
    "وسط ترحيب واسع",
    "بعد جدل طويل",
    "رغم الانتقادات",
    "في ظل ظروف صعبة",
    "بمشاركة خبراء دوليين",
    "على حد قول مسؤولين",
    "حسب وكالات الأنباء",
)

EN_SUBJECTS = (
    "The government",
    "The president",
    "The minister",
    "The company",
    "The city council",
    "Parliament",
    "The army",
    "Police",
    "The organisation",
    "The university",
    "The court",
    "The committee",
    "The central bank",
    "The hospital",
    "The opposition",
    "The union",
    "The embassy",
    "The newspaper",
    "The federation",
)
EN_VERBS = (
    "announced",
    "said",
    "confirmed",
    "denied",
    "rejected",
    "discussed",
    "opened",
    "launched",
    "signed",
    "published",
    "demanded",
    "welcomed",
    "studied",
    "postponed",
    "approved",
    "criticised",
)
EN_OBJECTS = (
    "a new plan",
    "a trade agreement",
    "a large project",
    "the annual budget",
    "the election results",
    "the water crisis",
    "a detailed report",
    "an education programme",
    "the labour law",
    "fuel prices",
    "health services",
    "peace talks",
    "a vaccination campaign",
    "the capital's airport",
    "the road network",
    "the stock market",
    "the harvest season",
    "the book festival",
    "the refugee file",
    "the power station",
)
EN_PLACES = (
    "Cairo",
    "Baghdad",
    "Damascus",
    "Beirut",
    "Amman",
    "Riyadh",
    "Tunis",
    "Rabat",
    "Algiers",
    "Khartoum",
    "Doha",
    "Abu Dhabi",
    "Muscat",
    "Sanaa",
    "Tripoli",
    "Kuwait",
)
EN_TIMES = ("this morning", "last night", "last week", "this month", "next year")
EN_TAILS = (
    "to wide acclaim",
    "after a long debate",
    "despite criticism",
    "in difficult conditions",
    "with international experts",
    "according to officials",
    "news agencies reported",
)

AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"


def _arabic_indic(number: int) -> str:
    return "".join(AR_DIGITS[int(d)] for d in str(number))


def _arabic_line(rng: random.Random) -> str:
    number = rng.randint(2, 2030)
    shown = _arabic_indic(number) if rng.random() < 0.4 else str(number)
    parts = [
        rng.choice(AR_SUBJECTS),
        rng.choice(AR_VERBS),
        rng.choice(AR_OBJECTS),
        "في",
        rng.choice(AR_PLACES),
        rng.choice(AR_TIMES) + "،",
        rng.choice(AR_TAILS),
    ]
    end = rng.choice((".", ".", "؟", "!"))
    if rng.random() < 0.5:
        parts.append(f"وبلغ العدد {shown}")
    if rng.random() < 0.3:
        parts.insert(3, "؛")
    return " ".join(parts) + end


def _english_line(rng: random.Random) -> str:
    number = rng.randint(2, 2030)
    parts = [
        rng.choice(EN_SUBJECTS),
        rng.choice(EN_VERBS),
        rng.choice(EN_OBJECTS),
        "in",
        rng.choice(EN_PLACES),
        rng.choice(EN_TIMES) + ",",
        rng.choice(EN_TAILS),
    ]
    if rng.random() < 0.5:
        parts.append(f"and the figure reached {number}")
    return " ".join(parts) + rng.choice((".", ".", "?", "!"))


def arabic_lines(count: int = 300, seed: int = 0) -> list[str]:
    """``count`` generated Arabic news-like sentences (deterministic for a seed)."""
    rng = random.Random(seed)
    return [_arabic_line(rng) for _ in range(count)]


def english_lines(count: int = 300, seed: int = 1) -> list[str]:
    """``count`` generated English news-like sentences (deterministic for a seed)."""
    rng = random.Random(seed)
    return [_english_line(rng) for _ in range(count)]


def mixed_lines(count: int = 300) -> list[str]:
    """Arabic and English lines interleaved: ``count`` of each."""
    lines: list[str] = []
    for arabic, english in zip(arabic_lines(count), english_lines(count), strict=True):
        lines.extend((arabic, english))
    return lines


def arabic_article(paragraphs: int, per_paragraph: int = 3, seed: int = 11) -> str:
    """Generated Arabic paragraphs (one per line) of generated sentences."""
    lines = arabic_lines(paragraphs * per_paragraph, seed=seed)
    return "\n".join(
        " ".join(lines[i : i + per_paragraph]) for i in range(0, len(lines), per_paragraph)
    )


def english_article(paragraphs: int, per_paragraph: int = 3, seed: int = 12) -> str:
    """Generated English paragraphs (one per line) of generated sentences."""
    lines = english_lines(paragraphs * per_paragraph, seed=seed)
    return "\n".join(
        " ".join(lines[i : i + per_paragraph]) for i in range(0, len(lines), per_paragraph)
    )
