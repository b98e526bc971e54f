"""Content terms of a sentence, for comparing sentences inside one article.

A term is a folded word (see :func:`summarize.text.normalize.words`) that is not a stop word,
lightly stemmed: Arabic loses the article and attached conjunctions/prepositions in front and
common plural, dual, nisba and pronoun endings behind, so ``والمدارس`` and ``مدرسة`` are close
and ``الحكومة``/``حكومته`` meet; English loses a plural ``s``. Stemming is deliberately light:
it only has to make one article's mentions of a word meet, not to find linguistic roots.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from summarize.text.normalize import fold, words

# Longest first, so ``وال`` is removed whole rather than only its ``و``.
# A bare و or ف is not here: too many words start with those letters (وزير، فريق); see
# :func:`content_terms` for how they are taken off.
_AR_PREFIXES = ("وبال", "وكال", "وال", "بال", "كال", "فال", "لل", "ال")
# ``ته``/``تها``/``تهم``: a ta marbuta written as ت before a pronoun (حكومته ≈ الحكومة).
_AR_SUFFIXES = (
    "تهما",
    "تها",
    "تهم",
    "ته",
    "هما",
    "كما",
    "ات",
    "ان",
    "ون",
    "ين",
    "يه",
    "ها",
    "هم",
    "نا",
    "كم",
    "ه",
    "ي",
)
_MIN_STEM = 3  # shorter leftovers are usually a root cut too far; keep the longer form
_CONJUNCTIONS = ("و", "ف")


@cache
def stopwords(lang: str) -> frozenset[str]:
    """Folded stop words for ``lang`` (``ar`` or ``en``; anything else gets both lists)."""
    names = {"ar": ("stopwords_ar.txt",), "en": ("stopwords_en.txt",)}
    files = names.get(lang, ("stopwords_ar.txt", "stopwords_en.txt"))
    out: set[str] = set()
    for name in files:
        text = resources.files("summarize").joinpath("data", name).read_text(encoding="utf-8")
        for line in text.splitlines():
            word = line.split("#", 1)[0].strip()
            if word:
                out.add(fold(word))
    return frozenset(out)


def is_stopword(word: str, stop: frozenset[str]) -> bool:
    """Whether folded ``word`` is a stop word, also behind the conjunction و or ف."""
    if word in stop:
        return True
    return len(word) > _MIN_STEM and word[0] in _CONJUNCTIONS and word[1:] in stop


@lru_cache(maxsize=1 << 16)
def stem_ar(word: str) -> str:
    """Light Arabic stem of a folded word: one prefix and one suffix off, if enough is left."""
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            word = word[len(prefix) :]
            break
    for suffix in _AR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def stem_en(word: str) -> str:
    """Light English stem: a plural ``s`` off (not ``ss``), nothing else."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _is_arabic(word: str) -> bool:
    return "\u0621" <= word[0] <= "\u064a"


def content_terms(
    text: str, lang: str, vocabulary: frozenset[str] | set[str] = frozenset()
) -> list[str]:
    """Stemmed content words of ``text``, in order, stop words and bare numbers removed.

    A leading و or ف is taken as a conjunction only when the rest of the word occurs on its
    own in ``vocabulary`` (the folded words of the whole article): ``وحكومة`` loses its و when
    the article also says ``حكومة``, ``وزير`` keeps it.
    """
    return terms_of_words(words(text), lang, vocabulary)


def terms_of_words(
    folded: list[str], lang: str, vocabulary: frozenset[str] | set[str] = frozenset()
) -> list[str]:
    """:func:`content_terms` of words already folded by :func:`summarize.text.normalize.words`."""
    stop = stopwords(lang)
    out = []
    for word in folded:
        if word.isdigit() or is_stopword(word, stop):
            continue
        if not _is_arabic(word):
            out.append(stem_en(word))
            continue
        if word[0] in _CONJUNCTIONS and word[1:] in vocabulary:
            word = word[1:]
        out.append(stem_ar(word))
    return out
