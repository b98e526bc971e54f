"""Language detection by script: Arabic, Latin (taken as English) or other.

Only letters vote; digits, punctuation and symbols are ignored. The dominant script
wins, and a tie between Arabic and Latin goes to Arabic, the language this tool is for.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from typing import Literal

Script = Literal["ar", "en", "other"]


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> Script:
    """The script of one letter, by its Unicode name (``ARABIC ...``, ``LATIN ...``)."""
    if ch.isascii():
        return "en"
    name = unicodedata.name(ch, "")
    if name.startswith("ARABIC"):
        return "ar"
    if name.startswith("LATIN"):
        return "en"
    return "other"


def detect_lang(text: str) -> Script:
    """The dominant script among the letters of ``text``: "ar", "en" (Latin) or "other".

    Text without letters (empty, digits only, punctuation) is "other".
    """
    counts: dict[Script, int] = {"ar": 0, "en": 0, "other": 0}
    for ch, n in Counter(text).items():  # counting in C first: a text has few distinct chars
        if ch.isalpha():
            counts[_script(ch)] += n
    if not any(counts.values()):
        return "other"
    # max() keeps the first of equal counts, so the order settles ties.
    order: tuple[Script, ...] = ("ar", "en", "other")
    return max(order, key=counts.__getitem__)
