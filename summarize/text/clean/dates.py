"""Dates as written in Arabic and English news, read into ISO 8601 when they can be.

Understood: a day, a month name (Egyptian/Gulf ``مايو``, Levantine ``أيار``, Maghreb
``ماي``, English; ``مايو/أيار`` pairs) and a four-digit year; numeric ``2024-05-12``,
``12/05/2024``, ``12.05.2024`` and ``١ / ١٢ / ٢٠٢٠`` (day first), ``2024/05/12`` (year
first, with ``/`` or ``.``); ISO strings from page metadata. A clock time
``10:45`` after the date is kept (``2024-05-12T10:45``); ``مساءً``/``م``/``pm`` after it
mean the afternoon (``09:22 مساءً`` is ``T21:22``). Anything else gives ``None``.
"""

from __future__ import annotations

import re

from summarize.text.normalize import fold

_MONTHS = {
    1: "يناير كانون الثاني جانفي january jan",
    2: "فبراير شباط فيفري february feb",
    3: "مارس آذار march mar",
    4: "أبريل إبريل نيسان أفريل april apr",
    5: "مايو أيار ماي may",
    6: "يونيو يونيه حزيران جوان june jun",
    7: "يوليو يوليه تموز جويلية july jul",
    8: "أغسطس اغسطس آب أوت august aug",
    9: "سبتمبر أيلول september sep sept",
    10: "أكتوبر تشرين الأول october oct",
    11: "نوفمبر تشرين الثاني november nov",
    12: "ديسمبر كانون الأول december dec",
}
# Two-word Levantine names first: «تشرين الثاني» is November, «كانون الثاني» January.
_PAIRS = {
    ("تشرين", "الاول"): 10,
    ("تشرين", "الثاني"): 11,
    ("كانون", "الاول"): 12,
    ("كانون", "الثاني"): 1,
}
_SINGLE = {
    fold(name): month
    for month, names in _MONTHS.items()
    for name in names.split()
    if fold(name) not in {"الاول", "الثاني", "تشرين", "كانون"}
}
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}))?")
_DAY_FIRST = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b")
_YEAR_FIRST = re.compile(r"\b(\d{4})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{1,2})\b")
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})(?::\d{2})?\b(?:\s*(مساء|م|pm|صباحا|ص|am)\b)?")
_AFTERNOON = {"مساء", "م", "pm"}


def _month(tokens: list[str], i: int) -> int | None:
    pair = _PAIRS.get((tokens[i], tokens[i + 1])) if i + 1 < len(tokens) else None
    return pair or _SINGLE.get(tokens[i])


def _from_words(tokens: list[str]) -> tuple[int, int, int] | None:
    """(year, month, day) from a day number, a month name and a four-digit year."""
    day = year = month = None
    for i, token in enumerate(tokens):
        if token.isdigit():
            value = int(token)
            if len(token) == 4 and year is None:
                year = value
            elif 1 <= value <= 31 and day is None and year is None:
                day = value
        elif month is None:
            month = _month(tokens, i)
    if day and month and year:
        return year, month, day
    return None


def _numeric(folded: str) -> tuple[int, int, int] | None:
    """(year, month, day) from ``12/05/2024``, ``١ / ١٢ / ٢٠٢٠`` or ``2024/05/12``."""
    day_first = _DAY_FIRST.search(folded)
    if day_first:
        d, mo, y = (int(g) for g in day_first.groups())
        return y, mo, d
    year_first = _YEAR_FIRST.search(folded)
    if year_first:
        y, mo, d = (int(g) for g in year_first.groups())
        return y, mo, d
    return None


def _clock(folded: str) -> tuple[int, int] | None:
    """(hour, minute) on the 24-hour clock; ``09:22 مساءً`` is 21:22, ``12:05 ص`` 00:05."""
    match = _CLOCK.search(folded)
    if match is None:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2)), match.group(3)
    if half in _AFTERNOON and hour < 12:
        hour += 12
    elif half and half not in _AFTERNOON and hour == 12:
        hour = 0
    return hour, minute


def _valid(year: int, month: int, day: int) -> bool:
    return 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


def to_iso(text: str) -> str | None:
    """The ISO 8601 form of a written date (with ``THH:MM`` when a time is given)."""
    folded = fold(text)
    iso = _ISO.search(folded)
    if iso:
        y, mo, d = (int(g) for g in iso.groups()[:3])
        found: tuple[int, int, int] | None = (y, mo, d)
        clock = iso.group(4) and (int(iso.group(4)), int(iso.group(5)))
    else:
        words = _CLOCK.sub(" ", folded)  # «10:45 12 مايو» : the day is 12, not 10
        found = _numeric(folded) or _from_words(_TOKEN.findall(words))
        clock = _clock(folded)
    if found is None or not _valid(*found):
        return None
    date = f"{found[0]:04d}-{found[1]:02d}-{found[2]:02d}"
    if clock and clock[0] < 24 and clock[1] < 60:
        return f"{date}T{clock[0]:02d}:{clock[1]:02d}"
    return date
