"""ROUGE as the XL-Sum authors score Arabic (``csebuetnlp/xl-sum``: ``multilingual_rouge_scoring``).

Published mT5 Arabic figures use this scorer, so ``summarize eval --rouge xlsum`` gives numbers
that compare with them. It differs from :mod:`summarize.evaluate.rouge` (the default) in the
tokens only; the ROUGE-1/2/L arithmetic is the same:

1. the text is lower-cased; control characters, U+FFFD and every punctuation character
   (Unicode ``P*`` and all ASCII non-alphanumerics) are removed, splitting words there
   (BERT's ``BasicTokenizer``);
2. OpenNMT's "aggressive" tokenisation splits runs of letters from runs of digits and makes
   any other character (a symbol, an emoji) a token of its own; a combining mark stays with
   what precedes it (reimplemented here, checked against ``pyonmttok``);
3. tokens longer than 3 characters are stemmed by NLTK's Snowball Arabic stemmer, with NLTK's
   Arabic stop-word list (stop words are not stemmed).

No Arabic letter folding is done (``أ``/``ا``, ``ة``/``ه`` stay distinct except where the
stemmer normalises them). The stemmer needs ``nltk`` (``pip install 'summarize[eval]'``); the
stop-word list ships in ``summarize/data`` (see docs/benchmarks.md for where it comes from).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache
from importlib import resources

from summarize.errors import SummarizeError
from summarize.evaluate.rouge import RougeScore, score_tokens

STOPWORDS_FILE = "nltk_stopwords_arabic.txt"
XLSUM_HINT = "pip install 'summarize[eval]'"
_MIN_STEM_CHARS = 3  # the reference stems only tokens longer than this
# How pyonmttok writes a space that a combining mark is attached to.
_ESCAPED_SPACE = "\uff050020"
# CJK ideograph blocks, as in BERT's tokenizer.
_CJK = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F),
    (0x2B820, 0x2CEAF),
    (0xF900, 0xFAFF),
    (0x2F800, 0x2FA1F),
)


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _clean(text: str) -> str:
    """BERT's ``_clean_text``: drop NUL, U+FFFD and controls; white space becomes a space."""
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch in " \t\n\r" or cat == "Zs":
            out.append(" ")
        elif ch == "\x00" or ch == "\ufffd" or cat.startswith("C"):
            continue
        else:
            out.append(ch)
    return "".join(out)


def _basic_tokens(text: str) -> list[str]:
    """BERT's ``BasicTokenizer`` as the reference uses it: words with punctuation cut out."""
    words = []
    for word in _clean(text).split():
        run: list[str] = []
        for ch in word:
            if _is_punctuation(ch):
                if run:
                    words.append("".join(run))
                run = []
            else:
                run.append(ch)
        if run:
            words.append("".join(run))
    return words


def _kind(ch: str) -> str:
    cat = unicodedata.category(ch)[0]
    return cat if cat in "LNM" else "O"


def _aggressive(text: str) -> list[str]:
    """OpenNMT's ``Tokenizer('aggressive')`` on single-spaced text without punctuation."""
    out: list[str] = []
    for n, word in enumerate(text.split(" ")):
        kind = ""  # kind of this word's last token; "" before the first
        if word and n and _kind(word[0]) == "M":
            out.append(_ESCAPED_SPACE)
            kind = "O"
        for ch in word:
            k = _kind(ch)
            if (k == "M" and kind) or (k in "LN" and k == kind):
                out[-1] += ch
                continue
            out.append(ch)
            kind = k if k in "LN" else "O"
    return out


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _CJK)


def _split_cjk(tokens: list[str]) -> list[str]:
    """BERT's ``tokenize_chinese_chars``: every CJK ideograph is a token of its own."""
    if not any(_is_cjk(ch) for t in tokens for ch in t):
        return tokens
    spaced = "".join(f" {ch} " if _is_cjk(ch) else ch for ch in " ".join(tokens))
    return spaced.split()


@cache
def arabic_stopwords() -> frozenset[str]:
    """NLTK's Arabic stop-word list, as ``nltk.corpus.stopwords.words('arabic')`` reads it."""
    path = resources.files("summarize").joinpath("data", STOPWORDS_FILE)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SummarizeError(
            f"the NLTK Arabic stop-word list ({STOPWORDS_FILE}) is missing from this "
            "installation; reinstall summarize"
        ) from None
    return frozenset(line for line in text.splitlines() if line.strip())


@cache
def arabic_stemmer() -> Callable[[str], str]:
    """NLTK's Snowball Arabic stemmer with the shipped stop-word list (stop words kept)."""
    try:
        from nltk.stem.snowball import ArabicStemmer  # type: ignore[import-untyped]
    except ImportError:
        raise SummarizeError(f"--rouge xlsum needs nltk: {XLSUM_HINT}") from None
    stemmer = ArabicStemmer(ignore_stopwords=False)
    stemmer.stopwords = set(arabic_stopwords())
    stem: Callable[[str], str] = stemmer.stem
    return stem


def xlsum_tokens(text: str) -> list[str]:
    """The tokens the XL-Sum scorer compares for Arabic (see the module docstring)."""
    stem = arabic_stemmer()
    pieces = _split_cjk(_aggressive(" ".join(_basic_tokens(text.lower().strip()))))
    tokens = [stem(t) if len(t) > _MIN_STEM_CHARS else t for t in pieces]
    return [t for t in tokens if t]


def xlsum_rouge(candidate: str, reference: str) -> dict[str, RougeScore]:
    """ROUGE-1/2/L of ``candidate`` against one reference, with XL-Sum's Arabic tokens."""
    return score_tokens(xlsum_tokens(candidate), xlsum_tokens(reference))
