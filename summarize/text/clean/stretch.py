"""A whole page pasted as text ("select all, copy"): keep the article's stretch only.

Such a paste holds the masthead, a news ticker, menus and lists of teaser headlines
above and below the article, captions, ad labels and buttons inside it. The article is
found by what it is, not by what the furniture says: the longest stretch of prose.
A *paragraph* is a line of ``_PARAGRAPH_WORDS`` words or more that ends a sentence, or
of ``_LONG_WORDS`` words or more (sites that drop the last full stop); furniture is short.

A paste is recognised by its shape: at least ``_MIN_LINES`` body lines, of which at
least ``_FURNITURE_SHARE`` are not paragraphs; or, when the site's navigation is in it
(at least ``_NAV_MENU_LINES`` menu lines, which an extractor's output of an HTML page
never has), ``_NAV_MIN_LINES`` and ``_NAV_FURNITURE_SHARE``. The article is then the
stretch of paragraphs with the most words, where up to ``_GAP`` short lines in a row may
stand between two paragraphs; a readers' comments heading ends every stretch. The
stretch must hold at least ``_DOMINANT`` of the words of all paragraphs (a page of
several sections, an interview or a list, is left alone).

Inside the stretch of a page pasted with its navigation, a short line stays only as a
crosshead: headline-like, between two paragraphs, in a story of at least ``_SECTIONED``
paragraphs (a short story has no sections: its short lines are captions, ad labels, the
half of a button). Of the ``_HEAD`` body lines above the stretch, the headline stays:
the headline-like line (``_MIN_TITLE_WORDS`` to ``_MAX_TITLE_WORDS`` words, no sentence
end) with at least ``_SUPPORT`` of its content words in the stretch and the best score,
that share times the square root of its length (a photo caption of the same words is
shorter than the headline; a teaser on the same topic shares fewer words); when no line
is supported, the headline-like line right above the stretch if it shares a word with it.
Every other body line goes (date and byline lines are not body lines and stay), except
the lines the learned line classifier (:mod:`.lineclass`) rates as body (P >= ``_THRESHOLD``):
it adds body lines the rules miss (a one-sentence paragraph, a short line of the story) and
never removes a line the rules keep. Ordinary pasted articles, mostly paragraphs, never take
this path.

:data:`STRATEGY` says how the classifier takes part; only ``union`` (the above) ships, the
others are measured options (``scripts/bench_paste.py``, docs/benchmarks.md, issue 20):
``rules`` (no classifier), ``scorer`` (the stretch chosen by its words weighed by P(body)),
``veto`` (short lines of the stretch with P < ``_VETO`` go), ``classifier`` (the lines with
P >= ``_THRESHOLD`` alone).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from summarize.text.clean.boilerplate import Kind, ends_sentence, is_headline, word_total
from summarize.text.clean.lineclass import body_probabilities, shipped_model
from summarize.text.clean.lines import Line
from summarize.text.clean.vocabulary import support

_MIN_LINES = 25
_FURNITURE_SHARE = 0.6
# With the site's navigation in it (a paste, not an extractor's output), a smaller page.
_NAV_MENU_LINES = 3
_NAV_MIN_LINES = 8
_NAV_FURNITURE_SHARE = 0.5
_PARAGRAPH_WORDS = 12
_LONG_WORDS = 25
_GAP = 3
_HEAD = 15
_SECTIONED = 6
_CROSSHEAD_WORDS = 12
_MIN_TITLE_WORDS = 3
_MAX_TITLE_WORDS = 20
_SUPPORT = 0.4
_VOCABULARY_WORDS = 600
_NEAR = 1
_DOMINANT = 0.5
_THRESHOLD = 0.5
_VETO = 0.2
STRATEGIES = ("rules", "union", "scorer", "veto", "classifier")
STRATEGY = "union"


def _is_paragraph(line: Line) -> bool:
    words = word_total(line.text)
    return words >= _LONG_WORDS or (words >= _PARAGRAPH_WORDS and ends_sentence(line.text))


def _stretches(flags: list[bool], sizes: list[int]) -> list[tuple[int, int, int]]:
    """(words, first, last) positions of each run of paragraphs (``flags``; ``sizes`` are
    the lines' word counts)."""
    runs: list[tuple[int, int, int]] = []
    start = last = None
    words = gap = 0
    for pos, paragraph in enumerate(flags):
        if paragraph:
            if start is None or gap > _GAP:
                if start is not None and last is not None:
                    runs.append((words, start, last))
                start, words = pos, 0
            words += sizes[pos]
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
    if best is not None:
        return best[1]
    # No line shares enough of the story's words (a columnist's abstract title): the
    # headline-like line right above the stretch, if it shares one (a menu row shares none).
    near = [i for i in above[-_NEAR:] if is_headline(lines[i].text, _MAX_TITLE_WORDS)]
    near = [i for i in near if word_total(lines[i].text) >= _MIN_TITLE_WORDS]
    near = [i for i in near if support(lines[i].words, vocabulary) > 0]
    return near[-1] if near else None


def _article(lines: list[Line], stretch: list[int], pasted: bool) -> set[int]:
    """The stretch's paragraphs, and its crossheads when the story has sections (on a
    page pasted with its navigation; otherwise every line of the stretch)."""
    if not pasted:
        return set(stretch)
    paragraphs = [i for i in stretch if _is_paragraph(lines[i])]
    keep = set(paragraphs)
    if len(paragraphs) < _SECTIONED:
        return keep
    for before, i, after in zip(stretch, stretch[1:], stretch[2:], strict=False):
        crosshead = is_headline(lines[i].text, _CROSSHEAD_WORDS)
        if crosshead and before in keep and _is_paragraph(lines[after]):
            keep.add(i)
    return keep


def _body_lines(lines: list[Line]) -> list[int]:
    """Body lines up to the readers' comments (the first heading after a paragraph)."""
    body: list[int] = []
    seen_paragraph = False
    for i, line in enumerate(lines):
        if line.info.kind is Kind.COMMENTS and seen_paragraph:
            break
        if line.body:
            body.append(i)
            seen_paragraph = seen_paragraph or _is_paragraph(line)
    return body


@dataclass(frozen=True)
class Page:
    """A page's body lines (positions in ``lines``), which of them are paragraphs, their
    word counts, and the runs of paragraphs (:func:`_stretches`)."""

    body: list[int]
    paragraph: list[bool]
    sizes: list[int]
    runs: list[tuple[int, int, int]]

    @property
    def longest(self) -> tuple[int, int] | None:
        """(first, last) positions in ``body`` of the run with the most words."""
        best = max(self.runs, default=None)
        return (best[1], best[2]) if best is not None else None


def page_of(lines: list[Line]) -> Page:
    """The body lines of ``lines`` (up to the readers' comments) and their paragraphs."""
    body = _body_lines(lines)
    paragraph = [_is_paragraph(lines[i]) for i in body]
    sizes = [word_total(lines[i].text) for i in body]
    return Page(body, paragraph, sizes, _stretches(paragraph, sizes))


def _probabilities(lines: list[Line], page: Page) -> list[float]:
    texts = [lines[i] for i in page.body]
    return body_probabilities(texts, page.paragraph, page.longest, shipped_model())


def _learned_runs(page: Page, p: list[float]) -> list[tuple[int, int, int]]:
    """The runs weighed by the classifier: each paragraph's words times P(body)."""
    out = []
    for _, first, last in page.runs:
        ks = range(first, last + 1)
        out.append((round(sum(p[k] * page.sizes[k] for k in ks if page.paragraph[k])), first, last))
    return out


def _with_classifier(keep: set[int], lines: list[Line], page: Page) -> set[int]:
    """The rules' lines, with the classifier's as :data:`STRATEGY` says."""
    if STRATEGY in ("rules", "scorer"):
        return keep
    p = _probabilities(lines, page)
    rated = {i for k, i in enumerate(page.body) if p[k] >= _THRESHOLD}
    if STRATEGY == "union":
        return keep | rated
    if STRATEGY == "classifier":
        return rated
    return keep - {i for k, i in enumerate(page.body) if not page.paragraph[k] and p[k] < _VETO}


def keep_article_stretch(lines: list[Line]) -> None:
    """On a whole-page paste, drop the body lines outside the article's stretch (and keep
    the lines the line classifier rates as body)."""
    page = page_of(lines)
    body = page.body
    navigation = sum(line.info.kind is Kind.MENU for line in lines) >= _NAV_MENU_LINES
    least, share = (
        (_NAV_MIN_LINES, _NAV_FURNITURE_SHARE) if navigation else (_MIN_LINES, _FURNITURE_SHARE)
    )
    short = len(body) - sum(page.paragraph)
    if len(body) < least or short < share * len(body) or not page.runs:
        return
    scored = STRATEGY == "scorer"
    runs = _learned_runs(page, _probabilities(lines, page)) if scored else page.runs
    words, first, last = max(runs)
    if words < _DOMINANT * sum(run[0] for run in runs):
        return  # several stretches of prose: sections or a list, not one story in furniture
    keep = _with_classifier(_article(lines, body[first : last + 1], navigation), lines, page)
    headline = _headline(lines, body[max(0, first - _HEAD) : first], body[first : last + 1])
    if headline is not None:
        keep.add(headline)
    for i, line in enumerate(lines):
        if line.body and i not in keep:
            line.drop()
