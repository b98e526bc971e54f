"""Over-long sentences cut into clause-sized units, for text with few or no sentence ends.

A text without sentence punctuation (a transcript, a list, a scrape that lost its full stops)
splits into one "sentence" per line, and a line can be a whole article. A sentence over a
length limit is cut into *units* of at most ``unit_words`` words: at clause marks
(``، , ؛ ; :``, also an Arabic comma typed before the space instead of after it:
``للتشغيل ،أو``) where there are some, packing consecutive clauses into a unit while they
fit, and at a word count where a single clause is still too long. Shorter sentences pass
through unchanged. Each unit keeps the invariant of
:class:`~summarize.text.sentences.Sentence`: ``text == source[start:end]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from summarize.text.sentences import Sentence

_WORD = re.compile(r"\S+")
_CLAUSE_END = re.compile(r"[،,؛;:]['\"”’»)\]]*$")
_CLAUSE_START = re.compile(r"[،؛]\w")


def _clauses(text: str) -> list[list[tuple[int, int]]]:
    """Word spans of ``text``, grouped into clauses (a clause ends at a clause mark)."""
    clauses: list[list[tuple[int, int]]] = [[]]
    for match in _WORD.finditer(text):
        if _CLAUSE_START.match(match.group(0)) and clauses[-1]:
            clauses.append([])  # «للتشغيل ،أو»: the mark typed before the space
        clauses[-1].append(match.span())
        if _CLAUSE_END.search(match.group(0)):
            clauses.append([])
    return [c for c in clauses if c]


def _units(text: str, max_words: int) -> Iterator[list[tuple[int, int]]]:
    """Word spans of ``text`` packed into units of at most ``max_words`` words."""
    unit: list[tuple[int, int]] = []
    for clause in _clauses(text):
        if len(unit) + len(clause) <= max_words:
            unit += clause
            continue
        if unit:
            yield unit
        unit = []
        while len(clause) > max_words:
            yield clause[:max_words]
            clause = clause[max_words:]
        unit = clause
    if unit:
        yield unit


def split_long(sentences: Iterable[Sentence], longest: int, unit_words: int) -> list[Sentence]:
    """``sentences`` with every one over ``longest`` words cut into ``unit_words`` units."""
    out = []
    for s in sentences:
        if len(s.text.split()) <= longest:
            out.append(s)
            continue
        for unit in _units(s.text, unit_words):
            a, b = unit[0][0], unit[-1][1]
            out.append(Sentence(s.text[a:b], s.start + a, s.start + b, s.paragraph))
    return out
