"""Sentence segmentation for Arabic and English news text.

Rules, applied line by line:

* Every line break ends a sentence, and every non-blank line is a new paragraph:
  ``Sentence.paragraph`` counts non-blank lines from 0, so blank lines between
  paragraphs do not skip numbers. (Scraped news, the BBC data included, puts one
  paragraph on each line.) The exception is a hard wrap that the unwrapper missed: a line
  without final punctuation continues on the next one (no blank line between) when it ends
  with a clause mark (``، , ؛ ;``) or a word that cannot end a sentence (``في``, ``التي``,
  ``أن``…), or when it has at least ``_WRAPPED_WORDS`` words and the next line opens with a
  digit or a lower-case Latin letter (``… استبانات الدراسة`` / ``5.8 أفراد.``). The
  sentence then spans the line break.
* A run of ``. ! ? ؟ …`` (with any closing brackets or quotes after it) ends a sentence
  when white space or the end of the line follows, or when an Arabic letter (or an
  opening quote and an Arabic letter) follows directly after a word, a number or a
  closing quote or bracket (``زيلينسكي.وأضاف``, ``2024.وقال``, ``«...».وتابع``: common
  in scraped text), unless the dotted word is an acronym of short parts (``أيه.دي.إس``).
  ``،`` and ``؛`` never end a sentence.
* Ellipses stay inside headlines and standfirsts: ``..`` (the Arabic press's pause mark)
  never ends a sentence in the middle of a line, and neither do ``...`` and ``…`` in a
  headline-like line (at most 25 words, not ending with a full stop), so
  ``ترامب يهدد... والصين ترد`` stays one sentence.
* A single ``.`` does not end a sentence after an abbreviation (``د.``, ``Dr.``, ``U.S.``,
  ``e.g.``), after a list number at the start of a line, or before a lower-case Latin
  word. After a one-letter word (an initial: ``د. أحمد``) it ends one only when the next
  word starts a sentence (``فيتامين د. ويقول``: a conjunction with a verb or a common
  sentence opener). Numbers, dates, URLs and e-mails (``3.5``, ``12.05.2024``,
  ``bbc.com``) have no space after their dots, so they stay whole.
* A terminator inside a quotation (``«...»``, ``“...”`` or a pair of ``"``) does not end
  the sentence unless the quotation closes right after it, as in ``قال "انتهى." ثم``.
* Sentences are stripped; what lies between them is white space only, so the sentences
  and the white space between them rebuild the input exactly.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text == source[start:end]``; ``paragraph`` counts from 0."""

    text: str
    start: int
    end: int
    paragraph: int


_LINE = re.compile("[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_TERMINATORS = re.compile("[.!?؟…‼⁇⁈⁉]+")
_QUOTES = re.compile('[«»“”"]')
_PAIRED = {"«": "»", "“": "”"}
# Closing brackets and quotes that stay with the sentence they close.
_CLOSERS = frozenset(")]}»”’›")
_OPENERS = "([{«“\"'‘‹"
_ABBREVIATION_TEXT = (
    "mr mrs ms dr prof st jr sr vs gen col lt sgt capt gov sen rep rev mt ft approx fig "
    "vol cf nos dept univ est"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_TEXT.split())
# Dotted abbreviations without their final dot: U.S, e.g, i.e, ق.م, أ.د
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_HEADLINE_WORDS = 25
# Words that open a sentence (after a one-letter word and a full stop, they show that the
# letter ended a sentence rather than being an initial): a conjunction و/ف with a verb
# prefix (ويقول, وأضاف, فتابع), or a common opener.
_VERB_AFTER_CONJUNCTION = re.compile("[وف][يتنأإا][\u0621-\u064a]{2,}")
_OPENER_TEXT = (
    "وقال وقالت وكان وكانت وقد ولم ولا وفي ومن وهذا وهذه وذلك وبحسب وحسب ومع وعلى وهو وهي "
    "وهم ولكن وبعد ومنذ فقد ثم لكن كما إلا غير في من هذا هذه ذلك وقد قد لم لن إن أن كان "
    "the this that these it he she they we in on at but and however a an there his her its"
)
_OPENERS_WORDS = frozenset(_OPENER_TEXT.split())
# Words that do not end a sentence: a line ending with one was wrapped, not finished.
_OPEN_ENDED_TEXT = (
    "في من إلى على عن أن إن التي الذي الذين اللذين اللتين و أو ثم مع بين حتى بعد قبل "
    "عند لدى منذ خلال ضد نحو حول دون عبر بل كان كانت قد لم لن of the a an and or to in "
    "on at for with by from that which"
)
_OPEN_ENDED = frozenset(_OPEN_ENDED_TEXT.split())
_CLAUSE_MARKS = "،,؛;"
_WRAPPED_WORDS = 6
_LINE_BREAKS = ("\n", "\r\n", "\r")


def _is_arabic_letter(ch: str) -> bool:
    return ch.isalpha() and ("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u08ff")


def _quote_spans(line: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the quotations in ``line``; unmatched quotes are ignored."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    ascii_open: int | None = None
    for match in _QUOTES.finditer(line):
        ch, pos = match.group(), match.start()
        if ch in _PAIRED:
            stack.append((_PAIRED[ch], pos))
        elif ch == '"':
            if ascii_open is None:
                ascii_open = pos
            else:
                spans.append((ascii_open, pos))
                ascii_open = None
        else:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    spans.append((stack[depth][1], pos))
                    del stack[depth:]
                    break
    return spans


def _token_before(line: str, pos: int) -> tuple[str, int]:
    """The word that ends at ``pos`` (opening punctuation removed) and where it starts."""
    start = pos
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    token = line[start:pos]
    stripped = token.lstrip(_OPENERS)
    return stripped, start + len(token) - len(stripped)


def _is_abbreviation(line: str, pos: int) -> bool:
    """Whether the ``.`` at ``pos`` closes an abbreviation or a leading list number."""
    token, start = _token_before(line, pos)
    token = token.replace("\u0640", "")  # هـ is written with a tatweel
    if not token:
        return False
    if token.isdigit():
        return _skip_space(line, start - 1, -1) < 0 and len(token) <= 3
    if token.casefold() in _ABBREVIATIONS or _DOTTED.fullmatch(token):
        return True
    if len(token) == 1 and token.isalpha():
        # "2024 م." and "1445 هـ." end sentences: after a number the letter is an era.
        previous, _ = _token_before(line, _skip_space(line, start - 1, -1) + 1)
        return not previous.rstrip("،,").isdigit() and not _opens_sentence(line, pos + 1)
    return False


def _opens_sentence(line: str, pos: int) -> bool:
    """Whether the word after ``pos`` (white space skipped) typically opens a sentence."""
    begin = _skip_space(line, pos, 1)
    end = begin
    while end < len(line) and not line[end].isspace():
        end += 1
    word = line[begin:end].lstrip(_OPENERS).rstrip("،,؛;:")
    return word.casefold() in _OPENERS_WORDS or bool(_VERB_AFTER_CONJUNCTION.match(word))


def _is_acronym(line: str, pos: int) -> bool:
    """Whether the dotted word around ``pos`` is an acronym of short parts (أيه.دي.إس)."""
    start = pos
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    end = pos
    while end < len(line) and not line[end].isspace():
        end += 1
    parts = [p.strip(_OPENERS + "".join(_CLOSERS) + "،,؛;:") for p in line[start:end].split(".")]
    return all(len(p) <= 3 for p in parts)


def _skip_space(line: str, pos: int, step: int) -> int:
    """The first offset from ``pos`` (moving by ``step``) that is not white space."""
    while 0 <= pos < len(line) and line[pos].isspace():
        pos += step
    return pos


def _next_is_lower_latin(line: str, pos: int) -> bool:
    pos = _skip_space(line, pos, 1)
    return pos < len(line) and line[pos].isascii() and line[pos].islower()


def _is_headline_line(line: str) -> bool:
    """A short line that does not end with a full stop: a headline or a standfirst."""
    stripped = line.rstrip("".join(_CLOSERS) + " \t")
    return len(line.split()) <= _HEADLINE_WORDS and not stripped.endswith(".")


def _glued_join(line: str, start: int, after: int) -> bool:
    """Whether a terminator glued to the next word (no space) still ends a sentence.

    Only a clear Arabic join counts: a word, number, closing quote or bracket before the
    run, an Arabic letter (maybe behind an opening quote) after it, and no acronym.
    """
    before = line[start - 1] if start > 0 else ""
    if not (before.isalnum() or before in _CLOSERS or before in "\"'"):
        return False
    nxt = after
    while nxt < len(line) and line[nxt] in _OPENERS:
        nxt += 1
    if nxt >= len(line) or not _is_arabic_letter(line[nxt]):
        return False
    return not _is_acronym(line, start)


def _ends_sentence(line: str, start: int, end: int, after: int, headline: bool) -> bool:
    """Whether the terminator run ``line[start:end]`` (closers up to ``after``) ends one."""
    run = line[start:end]
    ellipsis = set(run) <= {".", "…"} and run != "."
    if after < len(line) and ellipsis and (run == ".." or headline):
        return False  # an ellipsis in the middle of a headline, or the ".." pause mark
    if after < len(line) and not line[after].isspace() and not _glued_join(line, start, after):
        return False
    if run == "." and _is_abbreviation(line, start):
        return False
    return not (set(run) <= {".", "…"} and _next_is_lower_latin(line, after))


def _line_ends(line: str) -> list[int]:
    """Offsets in ``line`` where a sentence ends (the last one is the end of the line)."""
    spans = sorted(_quote_spans(line))
    closes = {close for _, close in spans}
    opens = [open_ for open_, _ in spans]
    # reach[k]: the furthest close among the first k+1 quotations (by opening offset).
    reach = list(itertools.accumulate((close for _, close in spans), max))
    headline = _is_headline_line(line)
    ends: list[int] = []
    for match in _TERMINATORS.finditer(line):
        start, end = match.span()
        after = end
        while after < len(line) and (line[after] in _CLOSERS or after in closes):
            after += 1
        opened = bisect.bisect_left(opens, start)
        if opened and reach[opened - 1] >= after:
            continue  # inside a quotation that this run does not close
        if _skip_space(line, ends[-1] if ends else 0, 1) >= start:
            continue  # nothing before it to end (a line that starts with "...")
        if _ends_sentence(line, start, end, after, headline):
            ends.append(after)
    if not ends or ends[-1] != len(line):
        ends.append(len(line))
    return ends


def _continues(line: str, gap: str, following: str) -> bool:
    """Whether ``line`` was hard-wrapped: its sentence goes on in ``following``."""
    stripped = line.rstrip()
    if gap not in _LINE_BREAKS or not stripped or not following.strip():
        return False
    core = stripped.rstrip("".join(_CLOSERS) + "\"'")
    if not core or _TERMINATORS.fullmatch(core[-1]) or core[-1] == ":":
        return False
    if stripped[-1] in _CLAUSE_MARKS or stripped.split()[-1].casefold() in _OPEN_ENDED:
        return True
    first = following.lstrip().lstrip("(")[:1]
    wraps_to = first.isdigit() or (first.isascii() and first.islower())
    return wraps_to and len(stripped.split()) >= _WRAPPED_WORDS


def _logical_lines(text: str) -> Iterator[tuple[str, int]]:
    """Each line of ``text`` with its offset, a hard-wrapped line joined to its sequel."""
    lines = list(_LINE.finditer(text))
    i = 0
    while i < len(lines):
        start, end = lines[i].span()
        while i + 1 < len(lines) and _continues(
            lines[i].group(), text[lines[i].end() : lines[i + 1].start()], lines[i + 1].group()
        ):
            i += 1
            end = lines[i].end()
        yield text[start:end], start
        i += 1


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with character spans; see the module docstring."""
    out: list[Sentence] = []
    paragraph = 0
    for line, offset in _logical_lines(text):
        begin = 0
        emitted = False
        for end in _line_ends(line):
            piece = line[begin:end]
            stripped = piece.strip()
            if stripped:
                start = offset + begin + len(piece) - len(piece.lstrip())
                out.append(Sentence(stripped, start, start + len(stripped), paragraph))
                emitted = True
            begin = end
        if emitted:
            paragraph += 1
    return out
