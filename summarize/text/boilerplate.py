"""Line rules for news boilerplate: each small function looks at one line only.

Markers are compared on folded words (:func:`summarize.text.normalize.fold`), so
``اقرأ أيضاً``, ``إقرأ أيضا`` and ``اقرا ايضا`` are the same marker. A marker only counts
at the start of a line, and most need a separator (``:``, ``-``, ``|``) or nothing after
them, so a body sentence that merely contains ``المصدر`` or ``ذات صلة`` is left alone.
:func:`classify_line` returns the first rule that matches, in the order of ``_RULES``.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from summarize.text.normalize import fold


class Kind(Enum):
    """What a line of an article is."""

    BODY = "body"
    SEPARATOR = "separator"
    TEASER = "teaser"
    RELATED = "related"
    DATE = "date"
    SOURCE = "source"
    TAGS = "tags"
    SOCIAL = "social"
    CAPTION = "caption"


@dataclass(frozen=True)
class LineInfo:
    """The kind of a line, and the value it carries (a date, a source, a headline)."""

    kind: Kind
    value: str | None = None


# A word as written: letters and digits with any Arabic diacritics or tatweel inside.
_WORD = re.compile("(?:[^\\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640])+")
_SEPARATORS = ":：-–—|»«>/"
_END_PUNCT = ".…،,:;؛"
_SENTENCE_END = ".!?؟…"
_CLOSERS = "\"'»”’)]}"
_BULLETS = "-–—•*·▪◦"


def _folded_set(text: str) -> frozenset[str]:
    """The folded forms of the white-space separated words of ``text``."""
    return frozenset(fold(w) for w in text.split())


def _phrases(*items: str) -> tuple[tuple[str, ...], ...]:
    """Marker phrases as tuples of folded words, longest first so the longest wins."""
    return tuple(sorted((tuple(fold(p).split()) for p in items), key=len, reverse=True))


RELATED_STRONG = _phrases(
    "اقرأ أيضا", "اقرأ كذلك", "اقرأ المزيد", "طالع أيضا", "شاهد أيضا", "شاهد كذلك",
    "اقرأ أيضا في", "يهمك أيضا", "قد يهمك", "قد يهمك أيضا", "قد يعجبك أيضا",
    "read more", "read also", "see also", "more on this story",
)  # fmt: skip
RELATED_WEAK = _phrases(
    "ذات صلة", "مواضيع ذات صلة", "موضوعات ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة",
    "قصص ذات صلة", "روابط ذات صلة", "أخبار متعلقة", "مقالات مشابهة", "المزيد من الأخبار",
    "related", "related stories", "related articles", "related topics",
)  # fmt: skip
_DATE_MARKERS = _phrases(
    "تاريخ النشر", "نشر في", "نشر بتاريخ", "تاريخ الإضافة", "آخر تحديث", "تم التحديث",
    "تاريخ التحديث", "تحديث", "published", "updated", "last updated", "posted",
)  # fmt: skip
_SOURCE_MARKERS = _phrases("المصدر", "المصادر", "مصدر الخبر", "source", "sources")
_TAG_MARKERS = _phrases(
    "كلمات دلالية", "الكلمات الدلالية", "الوسوم", "وسوم", "كلمات مفتاحية",
    "الكلمات المفتاحية", "tags", "topics",
)  # fmt: skip
_SOCIAL_MARKERS = _phrases(
    "تابعونا", "تابعنا", "تابعوا أخبارنا", "تابعوا قناتنا", "تابعوا صفحتنا", "تابعوا حسابنا",
    "تابعوا حساباتنا", "تابعوا على", "تابعوا عبر", "اشترك في قناتنا", "اشترك في قناة",
    "اشترك في النشرة", "اشتركوا في", "اشترك الآن", "انضم إلى قناتنا", "انضموا إلى",
    "انضم إلى", "شارك هذا", "شارك المقال", "شارك الخبر", "شارك على", "شارك عبر",
    "مشاركة عبر", "حمل تطبيق", "حملوا تطبيق", "نزل تطبيق", "لتحميل تطبيق", "تحميل تطبيق",
    "جميع الحقوق محفوظة", "كل الحقوق محفوظة", "حقوق النشر محفوظة", "share this", "share on",
    "follow us", "subscribe", "all rights reserved",
)  # fmt: skip
_CAPTION_MARKERS = _phrases(
    "مصدر الصورة", "حقوق الصورة", "التعليق على الصورة", "تعليق الصورة", "صورة", "الصورة",
    "تصوير", "image copyright", "image caption", "image source", "photo", "getty images",
)  # fmt: skip
# Caption markers that commonly start a body sentence too, so they need a separator.
_CAPTION_NEEDS_SEPARATOR = _phrases("صورة", "الصورة", "تصوير", "photo")
_PLATFORMS = _folded_set(
    "فيسبوك فيس بوك تويتر إكس يوتيوب تلغرام تليغرام تيليجرام تيلجرام إنستغرام انستغرام "
    "إنستجرام انستقرام واتساب واتس آب اب تيك توك لينكدإن بريد نسخ الرابط رابط طباعة "
    "facebook twitter x youtube telegram instagram whatsapp tiktok linkedin email print "
    "copy link share شارك مشاركة"
)
_AGENCIES = _folded_set("getty afp reuters epa ap shutterstock رويترز الأناضول") | {
    "فرانس برس",
    "ا ف ب",
    "اسوشيتد برس",
}
_MONTH_NAMES = (
    "يناير فبراير مارس أبريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس سبتمبر أكتوبر نوفمبر "
    "ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين جانفي فيفري أفريل ماي "
    "جوان جويلية أوت january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec"
)
_MONTHS = _folded_set(_MONTH_NAMES)
# Words that may stand next to a date: week days, the ordinals in "تشرين الأول", times.
_DATE_WORDS = _MONTHS | _folded_set(
    "الأول الثاني الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت monday "
    "tuesday wednesday thursday friday saturday sunday ص م هـ صباحا مساء مساءً am pm gmt "
    "utc بتوقيت غرينتش جرينتش مكة المكرمة القدس القاهرة الساعة"
)
_ALL_MARKERS = (
    *RELATED_STRONG,
    *RELATED_WEAK,
    *_DATE_MARKERS,
    *_SOURCE_MARKERS,
    *_TAG_MARKERS,
    *_SOCIAL_MARKERS,
    *_CAPTION_MARKERS,
)
_LONGEST_MARKER = max(len(m) for m in _ALL_MARKERS)
_NUMERIC_DATE = re.compile(r"\d{1,4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,4}")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


@functools.lru_cache(maxsize=1024)
def _folded_words(line: str, limit: int | None = None) -> tuple[tuple[str, int], ...]:
    """The folded words of ``line`` (the first ``limit``) with the offset where each ends.

    Cached: every rule of :func:`classify_line` looks at the same line's first words.
    """
    matches = itertools.islice(_WORD.finditer(line), limit)
    return tuple((fold(m.group()), m.end()) for m in matches)


def _after_marker(line: str, markers: tuple[tuple[str, ...], ...]) -> tuple[str, bool] | None:
    """If ``line`` starts with a marker: the rest of the line, and whether a separator
    (or nothing at all) follows the marker. ``None`` when no marker starts the line."""
    stripped = line.lstrip(_BULLETS + "([ ")
    if not _WORD.match(stripped):
        return None
    found = _folded_words(stripped, _LONGEST_MARKER)
    folded = [w for w, _ in found]
    for marker in markers:
        if tuple(folded[: len(marker)]) == marker:
            rest = stripped[found[len(marker) - 1][1] :]
            head = rest.lstrip(" )]")
            separated = not head or head[0] in _SEPARATORS
            return head.lstrip(_SEPARATORS + " ").rstrip(" )]"), separated
    return None


def word_total(line: str) -> int:
    """Number of words (white-space separated) in ``line``."""
    return len(line.split())


def last_char(line: str) -> str:
    """The last character that is not a closing quote or bracket ("" for none)."""
    stripped = line.rstrip(_CLOSERS + " ")
    return stripped[-1] if stripped else ""


def is_headline(line: str, max_words: int = 20) -> bool:
    """A short line that does not end like a sentence part: a headline or link text."""
    text = line.lstrip(_BULLETS + " ")
    return 0 < word_total(text) <= max_words and last_char(text) not in _END_PUNCT


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with sentence-final punctuation."""
    return last_char(line) in _SENTENCE_END and last_char(line) != ""


def _separator(line: str) -> LineInfo | None:
    if not any(ch.isalnum() for ch in line):
        return LineInfo(Kind.TEASER if _starts_with_symbol(line) else Kind.SEPARATOR)
    return None


def _starts_with_symbol(line: str) -> bool:
    return unicodedata.category(line[0]) == "So"


def _teaser(line: str) -> LineInfo | None:
    return LineInfo(Kind.TEASER) if _starts_with_symbol(line) else None


def _related(line: str) -> LineInfo | None:
    strong = _after_marker(line, RELATED_STRONG)
    if strong is not None and word_total(strong[0]) <= 25:
        return LineInfo(Kind.RELATED, strong[0] or None)
    weak = _after_marker(line, RELATED_WEAK)
    if weak is not None and weak[1] and word_total(weak[0]) <= 25:
        return LineInfo(Kind.RELATED, weak[0] or None)
    return None


def _date(line: str) -> LineInfo | None:
    found = _after_marker(line, _DATE_MARKERS)
    if found is not None:
        rest = found[0]
        if word_total(rest) <= 12 and _looks_like_date(rest):
            return LineInfo(Kind.DATE, rest.strip(" |،,"))
        return None
    return LineInfo(Kind.DATE, line) if _is_date_only(line) else None


def _looks_like_date(text: str) -> bool:
    """A month name with a number, a numeric date, or a clock time."""
    folded = [w for w, _ in _folded_words(text)]
    has_month = any(w in _MONTHS for w in folded) and any(w.isdigit() for w in folded)
    return has_month or bool(_NUMERIC_DATE.search(text) or _CLOCK.search(text))


def _is_date_only(line: str) -> bool:
    """A line made of day and month names, numbers, times and zones only."""
    if word_total(line) > 14:
        return False
    folded = [w for w, _ in _folded_words(line)]
    if not folded or len(folded) > 14 or not any(w.isdigit() for w in folded):
        return False
    if not all(w.isdigit() or w in _DATE_WORDS for w in folded):
        return False
    return any(w in _MONTHS for w in folded) or bool(_NUMERIC_DATE.search(line))


def _source(line: str) -> LineInfo | None:
    found = _after_marker(line, _SOURCE_MARKERS)
    if found is None:
        return None
    rest, separated = found
    if separated and rest and word_total(rest) <= 10:
        return LineInfo(Kind.SOURCE, rest.rstrip(" .،,"))
    return None


def _tags(line: str) -> LineInfo | None:
    found = _after_marker(line, _TAG_MARKERS)
    if found is not None and found[1]:
        return LineInfo(Kind.TAGS, found[0] or None)
    return None


def _social(line: str) -> LineInfo | None:
    if word_total(line) > 25:
        return None
    if _after_marker(line, _SOCIAL_MARKERS) is not None:
        return LineInfo(Kind.SOCIAL)
    folded = [w for w, _ in _folded_words(line)]
    if folded and len(folded) <= 12 and all(w in _PLATFORMS for w in folded):
        return LineInfo(Kind.SOCIAL)  # a row of share buttons
    return None


def _caption(line: str) -> LineInfo | None:
    if word_total(line) > 20:
        return None
    found = _after_marker(line, _CAPTION_MARKERS)
    if found is not None:
        needs_separator = _after_marker(line, _CAPTION_NEEDS_SEPARATOR) is not None
        if found[1] or not needs_separator:
            return LineInfo(Kind.CAPTION)
    folded = " ".join(w for w, _ in _folded_words(line))
    credit = any(re.search(rf"\b{re.escape(a)}\b", folded) for a in _AGENCIES)
    if credit and word_total(line) <= 6 and not ends_sentence(line):
        return LineInfo(Kind.CAPTION)
    return None


_RULES: tuple[Callable[[str], LineInfo | None], ...] = (
    _separator,
    _teaser,
    _related,
    _date,
    _source,
    _tags,
    _social,
    _caption,
)


def classify_line(line: str) -> LineInfo:
    """The kind of one (normalised, non-blank) line; ``BODY`` when no rule matches."""
    for rule in _RULES:
        info = rule(line)
        if info is not None:
            return info
    return LineInfo(Kind.BODY)


_INLINE_CAPTION = re.compile(r"\s*\((?:صورة|الصورة|تصوير|صور)\b[^()\n]{0,80}\)")


def strip_inline_captions(line: str) -> str:
    """Remove photo credits in parentheses inside a body line: ``(صورة: أرشيفية)``."""
    return _INLINE_CAPTION.sub("", line).strip()
