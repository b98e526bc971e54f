"""A whole page pasted as text ("select all, copy"): keep the article's stretch only.

Such a paste holds the masthead, menus and lists of teaser headlines above and below the
article, often more lines than the article has. It is recognised by its shape: at least
``_MIN_LINES`` body lines, of which at least ``_FURNITURE_SHARE`` are *short* lines (no
sentence end, or fewer than ``_PARAGRAPH_WORDS`` words). The article is then the stretch
of paragraphs (lines of ``_PARAGRAPH_WORDS`` words or more that end a sentence) with the
most words, where up to ``_GAP`` short lines in a row (subheadings, captions) may stand
between two paragraphs. Of the ``_HEAD`` body lines above the stretch, the headline stays:
the headline-like line (``_MIN_TITLE_WORDS`` to ``_MAX_TITLE_WORDS`` words, no sentence
end) with at least ``_SUPPORT`` of its content words in the stretch and the best score,
that share times the square root of its length (a photo caption of the same words is
shorter than the headline; a teaser on the same topic shares fewer words). Every other
body line goes (date and byline lines are not body lines and stay). Ordinary pasted
articles, mostly paragraphs, never take this path.
"""

from __future__ import annotations

import itertools
import math

from summarize.text.clean.boilerplate import ends_sentence, is_headline, word_total
from summarize.text.clean.lines import Line
from summarize.text.clean.vocabulary import support

_MIN_LINES = 25
_FURNITURE_SHARE = 0.6
_PARAGRAPH_WORDS = 12
_GAP = 3
_HEAD = 15
_MIN_TITLE_WORDS = 3
_MAX_TITLE_WORDS = 20
_SUPPORT = 0.4
_VOCABULARY_WORDS = 600


def _is_paragraph(line: Line) -> bool:
    return word_total(line.text) >= _PARAGRAPH_WORDS and ends_sentence(line.text)


def _stretches(body: list[int], lines: list[Line]) -> list[tuple[int, int, int]]:
    """(words, first, last) positions in ``body`` of each run of paragraphs."""
    runs: list[tuple[int, int, int]] = []
    start = last = None
    words = gap = 0
    for pos, i in enumerate(body):
        if _is_paragraph(lines[i]):
            if start is None or gap > _GAP:
                if start is not None and last is not None:
                    runs.append((words, start, last))
                start, words = pos, 0
            words += word_total(lines[i].text)
            last, gap = pos, 0
        else:
            gap += 1
    if start is not None and last is not None:
        runs.append((words, start, last))
    return runs


def _headline(lines: list[Line], above: list[int], article: list[int]) -> int | None:
    """The line above the stretch that reads as its headline, if any."""
    words = itertools.chain.from_iterable(lines[i].words for i in article)
    vocabulary = set(itertools.islice(words, _VOCABULARY_WORDS))
    scored = []
    for i in above:
        size = word_total(lines[i].text)
        if is_headline(lines[i].text, _MAX_TITLE_WORDS) and size >= _MIN_TITLE_WORDS:
            share = support(lines[i].words, vocabulary)
            if share >= _SUPPORT:
                scored.append((share * math.sqrt(size), i))
    best = max(scored, default=None)
    return best[1] if best is not None else None


def keep_article_stretch(lines: list[Line]) -> None:
    """On a whole-page paste, drop the body lines outside the article's stretch."""
    body = [i for i, line in enumerate(lines) if line.body]
    if len(body) < _MIN_LINES:
        return
    short = sum(not _is_paragraph(lines[i]) for i in body)
    if short < _FURNITURE_SHARE * len(body):
        return
    runs = _stretches(body, lines)
    if not runs:
        return
    _, first, last = max(runs)
    keep = set(body[first : last + 1])
    headline = _headline(lines, body[max(0, first - _HEAD) : first], body[first : last + 1])
    if headline is not None:
        keep.add(headline)
    for i in body:
        if i not in keep:
            lines[i].drop()
