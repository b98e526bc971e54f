"""Bytes to text for the encodings Arabic users meet, chosen on evidence.

A BOM wins. Valid UTF-8 is UTF-8 (and UTF-8 that was once misread as Windows-1256 and saved
again is repaired). UTF-16 without a BOM is told by its high bytes. Anything else is decoded
as damaged UTF-8, Windows-1256, ISO-8859-6 and MacArabic, and each decoding is scored by how
much of it reads as text (:func:`plausibility`): the best wins if it reads well enough, else
the bytes are refused. Two legacy decodings that read equally well but spell different words
are refused too: guessing between them is how mojibake leaves with exit 0.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

# A decoding is accepted when at most this share of its visible characters look wrong.
MIN_PLAUSIBILITY = 0.9
# Two decodings that read differently cannot be told apart unless the loser has this share
# of its visible characters (and at least this many) wrong beyond the winner's.
_AMBIGUITY_MARGIN = 0.02
_MIN_EVIDENCE = 3
# Candidates are chosen on a prefix this long (bytes); the winner then decodes everything.
_SAMPLE = 1 << 16
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings in order of preference when two decodings differ only in spaces.
LEGACY = ("cp1256", "iso8859_6", "mac_arabic")
NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16LE",
    "utf-16-be": "UTF-16BE",
    "utf-32": "UTF-32",
    "cp1256": "Windows-1256",
    "iso8859_6": "ISO-8859-6",
    "mac_arabic": "MacArabic",
}
# High bytes of the UTF-16 code units of Latin and Arabic text.
_UTF16_HIGH = frozenset({0x00, 0x06, 0x07, 0xFB, 0xFC, 0xFD, 0xFE})
# Bytes that never occur in text files (C0 controls other than tab, newlines, FF, ESC).
_BINARY_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
# Punctuation that may sit between two letters of one word.
_INNER_PUNCT = frozenset("-'’.:/@·")
# Latin-1 symbols that Arabic words never touch; they do in Arabic read in the wrong code page.
_LATIN1_SYMBOLS = frozenset(chr(code) for code in range(0xA1, 0xC0)) - set("«»·")
# A word with the article: ال, or وال/بال/فال/كال/لل (and, in, so, as, for the).
_ARTICLE = re.compile(r"\W*[وفبك]?ال|\W*لل")
_TANWEEN = frozenset("\u064b\u064c\u064d")


class DecodeError(ValueError):
    """The bytes are not text in a supported encoding (message: the reason, no file name)."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with how it was done."""

    text: str
    encoding: str
    # Invalid byte sequences replaced by U+FFFD (damaged UTF-8 or UTF-16).
    replaced: int = 0
    # UTF-8 that had been read as Windows-1256 and saved again, repaired.
    repaired: bool = False

    @property
    def encoding_name(self) -> str:
        """The encoding as users write it (``Windows-1256``)."""
        return NAMES.get(self.encoding, self.encoding)


def decode(data: bytes) -> Decoded:
    """Decode ``data``; :class:`DecodeError` when no supported encoding reads as text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_checked(data, encoding)
    # Before UTF-8: Arabic in UTF-16 is valid UTF-8 (its letters are U+0621-U+064A).
    utf16 = _utf16_order(data)
    if utf16 is not None:
        decoded = _decode_checked(data, utf16)
        if plausibility(decoded.text) >= MIN_PLAUSIBILITY:
            return decoded
    if looks_binary(data):
        raise DecodeError("not a text file (binary data)")
    try:
        return _valid_utf8(data.decode("utf-8"))
    except UnicodeDecodeError:
        return _best_guess(data)


def looks_binary(data: bytes) -> bool:
    """Whether control bytes that text never holds show up in the first 8 KiB."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    bad = sum(1 for b in sample if b in _BINARY_BYTES)
    return bad > len(sample) // 100


def _valid_utf8(text: str) -> Decoded:
    """Valid UTF-8; repaired when it is UTF-8 that was misread as Windows-1256 and saved."""
    if text.isascii():
        return Decoded(text, "utf-8")
    # Judged on a prefix: a 10 MB article costs no more than a 64 KB one.
    sample = text if len(text) <= _SAMPLE else text[:_SAMPLE].rsplit(None, 1)[0]
    if plausibility(sample) < MIN_PLAUSIBILITY and _repair(sample) is not None:
        repaired = _repair(text)
        if repaired is not None:
            return Decoded(repaired, "utf-8", repaired=True)
    if not any(_kind(ch) == "arabic" for ch in sample):
        _check_not_legacy(sample, sample.encode("utf-8"))
    return Decoded(text, "utf-8")


def _repair(text: str) -> str | None:
    """The UTF-8 text that reading as Windows-1256 turned into ``text``, if it reads better."""
    try:
        repaired = text.encode("cp1256").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return repaired if plausibility(repaired) > plausibility(text) else None


def _check_not_legacy(text: str, data: bytes) -> None:
    """Refuse UTF-8 without Arabic whose bytes read at least as well as legacy Arabic.

    A few legacy Arabic letters can spell valid UTF-8 (``آ،`` in Windows-1256 is ``¡``);
    a longer text cannot.
    """
    for encoding in LEGACY:
        legacy = data.decode(encoding, errors="replace")
        if any(_kind(ch) == "arabic" for ch in legacy) and cost(legacy) <= cost(text):
            raise DecodeError(
                f"cannot tell whether this is UTF-8 or {NAMES[encoding]} text; save it as UTF-8"
            )


def _decode_checked(data: bytes, encoding: str) -> Decoded:
    """Decode in a known encoding, replacing a few invalid sequences, refusing many."""
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        reason = exc.reason
    text = data.decode(encoding, errors="replace")
    replaced = _replacements(text, data, encoding)
    # The whole text's share of replacements, and how a prefix reads (a cheap, fair sample).
    too_many = replaced > (1 - MIN_PLAUSIBILITY) * len(text)
    if too_many or plausibility(text[:_SAMPLE]) < MIN_PLAUSIBILITY:
        raise DecodeError(f"invalid {NAMES.get(encoding, encoding)} text ({reason})")
    return Decoded(text, encoding, replaced=replaced)


def _replacements(text: str, data: bytes, encoding: str) -> int:
    """How many U+FFFD the decoding added (the ones the bytes spelled out do not count)."""
    spelled = data.count("\ufffd".encode(encoding.removesuffix("-sig")))
    return text.count("\ufffd") - spelled


def _utf16_order(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte looks like a UTF-16 high byte."""
    if len(data) < 2 or len(data) % 2 or not (b"\x00" in data or b"\x06" in data):
        return None
    sample = data[: _SAMPLE & ~1]
    odd = sum(1 for b in sample[1::2] if b in _UTF16_HIGH) / (len(sample) // 2)
    even = sum(1 for b in sample[0::2] if b in _UTF16_HIGH) / (len(sample) // 2)
    if odd >= 0.9 and even < 0.5:
        return "utf-16-le"
    if even >= 0.9 and odd < 0.5:
        return "utf-16-be"
    return None


def _best_guess(data: bytes) -> Decoded:
    """The best-reading decoding among damaged UTF-8 and the legacy Arabic code pages."""
    sample = data[:_SAMPLE]
    scored: list[tuple[int, str, str]] = []
    for encoding in ("utf-8", *LEGACY):
        try:
            text = sample.decode(encoding, errors="replace" if encoding == "utf-8" else "strict")
        except UnicodeDecodeError:
            continue
        scored.append((cost(text), encoding, text))
    best = min(item[0] for item in scored)
    # Ties go to plain spaces between words (MacArabic writes them as 0xA0, which
    # ISO-8859-6 reads as no-break spaces), then to the order of preference.
    top = [item for item in scored if item[0] == best]
    _, encoding, text = max(top, key=lambda item: (item[2].count(" "), -top.index(item)))
    if plausibility(text) < MIN_PLAUSIBILITY:
        raise DecodeError(f"not text in a supported encoding ({_supported()})")
    _check_unambiguous(scored, best, encoding, text)
    if encoding != "utf-8":
        return Decoded(data.decode(encoding), encoding)
    return _decode_checked(data, "utf-8")


def _check_unambiguous(
    scored: list[tuple[int, str, str]], best: int, encoding: str, text: str
) -> None:
    """Refuse when a decoding that reads differently costs hardly more than the best."""
    needed = max(_MIN_EVIDENCE, _AMBIGUITY_MARGIN * _wrong(text)[1])
    for other_cost, other, other_text in scored:
        if other == encoding or _visible(other_text) == _visible(text):
            continue
        if other_cost - best < needed:
            raise DecodeError(
                f"cannot tell whether this is {NAMES[encoding]} or {NAMES[other]} text; "
                "save it as UTF-8"
            )


def cost(text: str) -> int:
    """How badly ``text`` reads: wrong characters, less two for each word with ``ال``.

    The article ``ال`` starts about one Arabic word in three; in the wrong code page it
    turns into other letters (``اف`` for Windows-1256 read as ISO-8859-6, ``ان`` for the
    reverse), so it tells apart readings that are all Arabic letters.
    """
    return _wrong(text)[0] - 2 * sum(1 for token in text.split() if _ARTICLE.match(token))


def _visible(text: str) -> str:
    return "".join(text.split())


def _supported() -> str:
    return "UTF-8, UTF-16, " + ", ".join(NAMES[encoding] for encoding in LEGACY)


def plausibility(text: str) -> float:
    """Share of the visible characters that read as text (1.0: all of them).

    Wrong: replacement and control characters; symbols between two letters of a word
    (``ط§ظ„``: UTF-8 read as Windows-1256); letters of another script inside an Arabic word
    (``كè``); combining marks that follow no letter, or tanween inside a word.
    """
    bad, visible = _wrong(text)
    return 1.0 if visible == 0 else 1.0 - bad / visible


def _wrong(text: str) -> tuple[int, int]:
    """Characters that look wrong (see :func:`plausibility`), and visible characters."""
    visible = 0
    bad = 0
    for token in text.split():
        visible += len(token)
        bad += _bad_in_token(token)
    return bad, visible


def _bad_in_token(token: str) -> int:
    kinds = [_kind(ch) for ch in token]
    arabic = kinds.count("arabic")
    latin = kinds.count("latin")
    foreign = "latin" if arabic >= latin else "arabic"
    bad = kinds.count("bad") + (kinds.count(foreign) if arabic and latin else 0)
    for i, kind in enumerate(kinds):
        before = kinds[i - 1] if i else ""
        after = kinds[i + 1] if i + 1 < len(kinds) else ""
        if kind == "punct" and token[i] in _LATIN1_SYMBOLS:
            bad += "arabic" in (before, after)
        elif kind == "punct" and token[i] not in _INNER_PUNCT:
            bad += _is_letter(before) and _is_letter(after)
        elif kind == "mark":
            bad += _bad_mark(token, i, before, after)
    return bad


def _bad_mark(token: str, i: int, before: str, after: str) -> bool:
    if before not in ("arabic", "latin", "other", "mark"):
        return True
    if before == "mark" and i >= 2 and _kind(token[i - 2]) == "mark":
        return True
    return token[i] in _TANWEEN and _is_letter(after) and token[i + 1] not in "اى"


def _is_letter(kind: str) -> bool:
    return kind in ("arabic", "latin", "other")


def _kind(ch: str) -> str:
    """arabic, latin, other (letters), mark, digit, punct or bad."""
    category = unicodedata.category(ch)
    if category[0] == "L":
        code = ord(ch)
        if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
            return "arabic"
        return "latin" if code < 0x0250 else "other"
    if category == "Mn":
        return "mark"
    if category == "Nd":
        return "digit"
    if category in ("Cc", "Co", "Cn", "Cs") or ch == "\ufffd":
        return "bad"
    return "punct"
