"""Choosing the headline among the short lines above the first paragraph.

The top of a pasted page holds the logo, section labels, a menu and the headline. The
candidates are the body lines above the first paragraph (the first line that ends with
``. … ، : ؛`` or is longer than ``_MAX_TITLE_WORDS``) that read as a headline: one sentence,
short, not ending with ``. … ، : ؛``. A candidate is *supported* when at least
``_SUPPORT`` of its content words occur in the body below. The headline is the first
supported candidate of at least ``_MIN_WORDS`` words, else the longest supported one;
with no supported candidate it is the first line, when a paragraph follows (the old rule).
Short labels (at most ``_LABEL_WORDS`` words) above the chosen headline go with it: they
are a logo or a section name.

:func:`best_title` applies the same test to the titles an HTML page offers (``og:title``,
each ``<h1>``, ``<title>``), preferring them in the order given.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from summarize.text.clean.boilerplate import is_headline, word_total
from summarize.text.clean.lines import Line
from summarize.text.clean.titles import strip_site_affix
from summarize.text.clean.vocabulary import content_words, support
from summarize.text.sentences import split_sentences

_MAX_TITLE_WORDS = 20
_MIN_WORDS = 3
_LABEL_WORDS = 4
_SUPPORT = 0.4
_BODY_WORDS = 600


def _is_candidate(text: str) -> bool:
    return is_headline(text, _MAX_TITLE_WORDS) and len(split_sentences(text)) == 1


def _top(lines: list[Line]) -> tuple[list[int], int | None]:
    """Indices of the body lines above the first paragraph, and that paragraph's index."""
    top: list[int] = []
    for i, line in enumerate(lines):
        if not line.body:
            continue
        if not is_headline(line.text, _MAX_TITLE_WORDS):
            return top, i
        top.append(i)
    return top, None


def _body_vocabulary(lines: list[Line], start: int) -> set[str]:
    words = itertools.chain.from_iterable(line.words for line in lines[start:] if line.body)
    return set(itertools.islice(words, _BODY_WORDS))


def find_title(lines: list[Line]) -> int | None:
    """Index of the headline line at the top, if there is one; labels above it are dropped."""
    top, first_paragraph = _top(lines)
    if first_paragraph is None:
        return None
    candidates = [i for i in top if _is_candidate(lines[i].text)]
    if not candidates:
        return None
    vocabulary = _body_vocabulary(lines, first_paragraph)
    supported = [i for i in candidates if support(lines[i].words, vocabulary) >= _SUPPORT]
    long_enough = [i for i in supported if word_total(lines[i].text) >= _MIN_WORDS]
    if long_enough:
        chosen = long_enough[0]
    elif supported:
        chosen = max(supported, key=lambda i: word_total(lines[i].text))
    elif top[0] == candidates[0]:
        chosen = candidates[0]
    else:
        return None
    for i in top:
        if i < chosen and word_total(lines[i].text) <= _LABEL_WORDS:
            lines[i].drop()
    return chosen


def best_title(candidates: Sequence[str], body: str, site: str | None = None) -> str | None:
    """The first of ``candidates`` the body supports, else the first one given.

    The chosen title loses a site-name segment glued to it (``الخبر - اليوم السابع``):
    see :func:`summarize.text.clean.titles.strip_site_affix`.
    """
    chosen = _pick_title(candidates, body)
    if chosen is None:
        return None
    return strip_site_affix(chosen, [c for c in candidates if c != chosen], site)


def _pick_title(candidates: Sequence[str], body: str) -> str | None:
    vocabulary = set(itertools.islice(content_words(body), _BODY_WORDS))
    usable = [c for c in candidates if c and word_total(c) >= 2]
    for text in usable:
        if support(content_words(text), vocabulary) >= _SUPPORT:
            return text
    return usable[0] if usable else next((c for c in candidates if c), None)
