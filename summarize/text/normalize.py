"""Unicode normalisation for display text, and word folding for comparisons.

Two levels: :func:`normalize_text` keeps everything a reader sees (diacritics
included) but removes invisible and decorative characters; :func:`fold` is only
for comparing words (diacritics, alef/ya/ta-marbuta variants, case, digits).
"""

from __future__ import annotations

import re
import unicodedata

TATWEEL = "\u0640"
# Zero-width characters, BOM and bidi controls: invisible, and they break word matching.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width, word joiner, BOM, soft hyphen
        "\u2061\u2062\u2063\u2064\u180e\u034f"  # invisible operators, Mongolian separator, CGJ
        "\u200e\u200f\u061c"  # LRM, RLM, Arabic letter mark
        "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
        "\u2066\u2067\u2068\u2069" + TATWEEL,  # isolates
    )
)
# Line and paragraph separators that str.split("\n") would not see as line breaks.
_LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x85": "\n"})
# Characters NFKC would change in a way a reader notices: word ligatures (ﷺ, ﷲ) that
# expand into whole phrases, the ellipsis, superscripts/subscripts (m² is not m2) and
# vulgar fractions. They are kept as written.
_NFKC_KEEP = re.compile(
    "[\ufdf0-\ufdff\u2026\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u209f\u2150-\u215f\u2189]"
)
# Isolated and medial harakat presentation forms decompose under NFKC to a space or a
# tatweel plus the mark; the space would split the word they sit on, so they map to the
# bare mark instead. Together with the invisible characters this is applied before NFKC,
# so that marks that end up next to each other are put in canonical order by it.
_SPACED_MARKS = {
    code: unicodedata.normalize("NFKC", chr(code)).lstrip(" " + TATWEEL)
    for code in [*range(0xFC5E, 0xFC64), *range(0xFCF2, 0xFCF5), *range(0xFE70, 0xFE80)]
    if unicodedata.name(chr(code), "")
}
_BEFORE_NFKC = {**_INVISIBLE, **_SPACED_MARKS}
# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks).
_DIACRITICS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]"
)
_FOLD_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ک": "ك",
        "ی": "ي",
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Eastern Arabic-Indic digits
    }
)
_SPACES = re.compile(r"[^\S\n]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
# Letters and digits; the underscore that \w also matches is not part of a word.
_WORD = re.compile(r"[^\W_]+")
# A word as lengths count it: no word a reader meets is longer than this; a longer run of
# non-space characters (a 50,000-character "word") counts, and is cut, as one word per
# MAX_WORD_CHARS, so that no input makes a summary longer than its length in words.
MAX_WORD_CHARS = 40
READER_WORD = re.compile(rf"\S{{1,{MAX_WORD_CHARS}}}")


def _nfkc_safe(text: str) -> str:
    """Invisible characters out, then NFKC except for the characters in ``_NFKC_KEEP``.

    NFKC maps Arabic presentation forms (from legacy encodings and PDF copies) to the base
    letters, composes hamza sequences and turns exotic spaces into plain ones, which is
    what we want; Arabic-Indic digits are not touched by it.
    """
    text = text.translate(_BEFORE_NFKC)
    if unicodedata.is_normalized("NFKC", text):
        return text
    out: list[str] = []
    pos = 0
    for match in _NFKC_KEEP.finditer(text):
        out.append(unicodedata.normalize("NFKC", text[pos : match.start()]))
        out.append(match.group())
        pos = match.end()
    out.append(unicodedata.normalize("NFKC", text[pos:]))
    return "".join(out)


def normalize_text(text: str) -> str:
    """Normalise text for processing and display.

    NFKC (where safe), no tatweel or invisible/bidi controls, Unix newlines, runs of
    spaces and tabs collapsed, lines stripped, at most one blank line in a row, and no
    leading or trailing white space.
    """
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    text = _nfkc_safe(text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def strip_diacritics(text: str) -> str:
    """Remove Arabic diacritics (and tatweel), keeping the letters."""
    return _DIACRITICS.sub("", text.replace(TATWEEL, ""))


def fold(text: str) -> str:
    """Fold text for comparison only: NFKC, no invisible characters or diacritics,
    unified alef/ya/ta-marbuta, ASCII digits, case-folded."""
    text = _nfkc_safe(text)
    return strip_diacritics(text).translate(_FOLD_LETTERS).casefold()


def words(text: str) -> list[str]:
    """Folded word tokens of ``text`` (letters and digits; punctuation dropped)."""
    return _WORD.findall(fold(text))


def word_count(text: str) -> int:
    """Number of words as a reader counts them (white-space separated, see ``READER_WORD``)."""
    return sum(1 for _ in READER_WORD.finditer(text))


def first_words(text: str, n: int) -> str:
    """``text`` up to the end of its ``n``-th word (whole when it has no more than ``n``)."""
    if n <= 0:
        return ""
    for i, match in enumerate(READER_WORD.finditer(text), start=1):
        if i == n:
            return text[: match.end()]
    return text
