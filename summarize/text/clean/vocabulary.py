"""Content words of a text, for telling whether two passages are about the same story.

A content word is a folded word of at least three letters that is not a stop word, with
one common Arabic prefix (``وال``, ``بال``, ``ال``, ``و`` ...) taken off when enough is
left. :func:`support` is the share of a passage's content words that a vocabulary holds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

from summarize.text.normalize import fold

_WORD = re.compile(r"[^\W\d_]{3,}")
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
_MIN_STEM = 3


@functools.cache
def _stopwords() -> frozenset[str]:
    out: set[str] = set()
    for name in ("stopwords_ar.txt", "stopwords_en.txt"):
        text = resources.files("summarize").joinpath("data", name).read_text(encoding="utf-8")
        out.update(fold(w.split("#", 1)[0].strip()) for w in text.splitlines())
    out.discard("")
    return frozenset(out)


@functools.lru_cache(maxsize=1 << 15)
def _stem(word: str) -> str:
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            return word[len(prefix) :]
    return word


def content_words(text: str) -> list[str]:
    """The stems of the content words of ``text``, in order."""
    stop = _stopwords()
    out = []
    for word in _WORD.findall(fold(text)):
        if word not in stop and not (word[0] in "وف" and word[1:] in stop):
            out.append(_stem(word))
    return out


def support(words: Iterable[str], vocabulary: set[str] | frozenset[str]) -> float:
    """The share of the distinct ``words`` that ``vocabulary`` holds (1.0 for none)."""
    distinct = set(words)
    if not distinct:
        return 1.0
    return len(distinct & vocabulary) / len(distinct)
