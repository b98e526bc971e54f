"""Language detection: the script first (Arabic, Latin or other), then, for Latin, the language.

:func:`detect_lang` is the script: only letters vote (digits, punctuation and symbols are
ignored), the dominant script wins, and a tie between Arabic and Latin goes to Arabic, the
language this tool is for. :func:`detect_language` names the language of Latin text by its
function words, so that French is never labelled English: ``en`` when English words are
as common as those of any language below (or nothing tells; a few Latin words), the other
language's code when its words clearly lead, ``other`` when a Latin text holds no English
function words at all, or several languages' words lead equally.
"""

from __future__ import annotations

import functools
import re
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


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words, lower-case, none of them an English word (``a``, ``in``, ``die``, ``on``
# are left out) and none of the English ones a word of the others.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _set(
        "the and of to is was that with for are by from it this have has were which said "
        "but not be an at as they their been would will its who also after"
    ),
    "fr": _set(
        "le la les des du et est une un dans pour que qui sur pas au aux avec sont par ce "
        "cette il elle ont été à l d qu selon mais ou où leur nous vous"
    ),
    "es": _set(
        "el los las del y es una un en que por con para se su al lo como más pero fue "
        "sus este esta según han"
    ),
    "de": _set(
        "der die das und ist nicht mit den dem ein eine zu von auf für sich auch es im "
        "wird wurde sind dass nach bei"
    ),
    "it": _set(
        "il di che della e per sono con una del gli le non è si nel alla dei delle ha "
        "anche più questo"
    ),
    "pt": _set(
        "o os da do das dos e que em um uma para com não por no na se foi pelo pela ao mais são"
    ),
    "nl": _set("de het een en van dat op niet met zijn voor ook naar werd wordt bij aan"),
    "tr": _set("ve bir bu da de için ile olarak çok daha olan gibi"),
    "id": _set("yang dan di ini itu dengan untuk dari dalam tidak akan pada"),
}
LANGUAGE_NAMES = {
    "ar": "Arabic",
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "tr": "Turkish",
    "id": "Indonesian",
}
_ENGLISH = _FUNCTION_WORDS["en"]
_FOREIGN = {lang: words - _ENGLISH for lang, words in _FUNCTION_WORDS.items() if lang != "en"}
_LATIN_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000
# Latin text this long (in words) without one English function word in 50 is not English.
_LONG_ENOUGH = 40


def detect_language(text: str) -> str:
    """``ar``, ``en``, another language's code for Latin text (``fr``), or ``other``."""
    script = detect_lang(text)
    return _latin_language(text[:_SAMPLE]) if script == "en" else script


def _latin_language(text: str) -> str:
    tokens = [t.casefold() for t in _LATIN_WORD.findall(text)]
    english = sum(1 for t in tokens if t in _ENGLISH)
    hits = {lang: sum(1 for t in tokens if t in words) for lang, words in _FOREIGN.items()}
    ranked = sorted(hits.items(), key=lambda item: item[1], reverse=True)
    (best, most), (_, second) = ranked[0], ranked[1]
    if most <= english or most < 2:
        if len(tokens) >= _LONG_ENOUGH and english * 50 < len(tokens):
            return "other"
        return "en"
    return best if most >= 1.5 * second else "other"
