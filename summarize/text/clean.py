"""Cleaning of web-scraped Arabic news: boilerplate out, title/date/source kept as metadata.

The text is normalised, hard-wrapped paragraphs are joined (:mod:`summarize.text.wrap`),
and it is split into non-blank lines; each line is classified on its
own by :mod:`summarize.text.boilerplate` (date, source, tags, emoji teaser, social,
photo caption, separator, related-stories marker, or body). Then, looking at the
sequence of lines:

* **Title**: the first body line, when it is one sentence, short (at most 20 words),
  does not end with ``. … ، : ؛`` and a sentence-like body line follows later.
  It is moved to ``title``.
* **Related stories**: a marker line (``اقرأ أيضاً``, ``ذات صلة`` ...) is removed with the
  link lines right after it (short headline-like lines, at most ``_MAX_LINKS``). What
  comes next decides whether the main story resumes or another story was appended:

  - nothing but boilerplate follows the block, or
  - the block is followed by its own date line, or
  - the marker stands alone and is followed by at most one headline line and then body
    paragraphs, and it lies in the latter part of the article (at least as many body
    words before the marker as after the block), or
  - the marker carries its headline on the same line (``اقرأ أيضا: ...``) and the body
    after it is short next to the body before it (at most a third of it)

  means an appended story: everything from the marker on is dropped. Otherwise (several
  link lines, a marker early in the text, or one before any body line) only the block
  goes and the story resumes.
* **Metadata**: ``date`` and ``source`` come from the first date and source lines of
  the main story (or, if it has none, from the dropped tail). Tag, teaser, social,
  caption and separator lines are dropped; ``(صورة: ...)`` credits inside a body line
  are cut out of it.

The body keeps one paragraph per line.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarize.text.boilerplate import (
    Kind,
    LineInfo,
    classify_line,
    ends_sentence,
    is_headline,
    strip_inline_captions,
    word_total,
)
from summarize.text.normalize import normalize_text
from summarize.text.sentences import split_sentences
from summarize.text.wrap import unwrap

_MAX_TITLE_WORDS = 20
_MAX_LINKS = 8
_TAG_WORDS = 4


@dataclass(frozen=True)
class CleanArticle:
    """The main story's body and the metadata the cleaner found."""

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None


@dataclass
class _Line:
    text: str
    info: LineInfo
    keep: bool = True

    @property
    def body(self) -> bool:
        return self.info.kind is Kind.BODY


def _absorb_tag_lists(lines: list[_Line]) -> None:
    """A tag marker on a line of its own is followed by the tags, one short line each."""
    for i, line in enumerate(lines):
        if line.info.kind is Kind.TAGS and line.info.value is None:
            for nxt in lines[i + 1 :]:
                if not nxt.body or word_total(nxt.text) > _TAG_WORDS or ends_sentence(nxt.text):
                    break
                nxt.info = LineInfo(Kind.TAGS)


def _find_title(lines: list[_Line]) -> int | None:
    """Index of the headline line at the top, if there is one."""
    first = next((i for i, line in enumerate(lines) if line.body), None)
    if first is None or not is_headline(lines[first].text, _MAX_TITLE_WORDS):
        return None
    if len(split_sentences(lines[first].text)) != 1:
        return None
    rest = [line for line in lines[first + 1 :] if line.body]
    if any(ends_sentence(line.text) or not is_headline(line.text) for line in rest):
        return first
    return None


def _words(lines: list[_Line]) -> int:
    return sum(word_total(line.text) for line in lines if line.body and line.keep)


def _is_appended(lines: list[_Line], marker: int, links: int, resume: int) -> bool:
    """Whether the story after the related block at ``marker`` is another story."""
    tail = lines[resume:]
    before, after = _words(lines[:marker]), _words(tail)
    if before == 0:
        return False  # no main story yet: a block under the headline
    if after == 0:
        return True
    if any(line.info.kind is Kind.DATE for line in lines[marker + 1 : resume + 3]):
        return True
    if lines[marker].info.value is None:
        return links <= 1 and before >= after
    return links == 0 and 3 * after <= before


def _link_count(lines: list[_Line], marker: int) -> int:
    """How many headline-like lines follow the marker (link lines of the block).

    A marker that carries its own headline is followed by further links only if they
    do not end like a sentence: a question right after it is the story resuming.
    """
    inline = lines[marker].info.value is not None
    count = 0
    for line in lines[marker + 1 : marker + 1 + _MAX_LINKS]:
        if not line.body or not is_headline(line.text) or (inline and ends_sentence(line.text)):
            break
        count += 1
    return count


def _remove_related(lines: list[_Line]) -> int:
    """Drop related-story blocks; return where the main story ends (exclusive)."""
    i = 0
    while i < len(lines):
        if lines[i].info.kind is not Kind.RELATED:
            i += 1
            continue
        links = _link_count(lines, i)
        resume = i + 1 + links
        if _is_appended(lines, i, links, resume):
            return i
        for line in lines[i:resume]:
            line.keep = False
        i = resume
    return len(lines)


def _first_value(lines: list[_Line], kind: Kind) -> str | None:
    return next((line.info.value for line in lines if line.info.kind is kind), None)


def clean_article(raw: str) -> CleanArticle:
    """Normalise ``raw`` and strip news boilerplate; see the module docstring."""
    # Hard-wrapped lines are joined first, so a wrapped fragment is never taken as the title.
    text = unwrap(normalize_text(raw))
    lines = [_Line(t, classify_line(t)) for t in text.split("\n") if t]
    _absorb_tag_lists(lines)
    title_at = _find_title(lines)
    title = None
    if title_at is not None:
        title = lines[title_at].text
        lines[title_at].keep = False
    cut = _remove_related(lines)
    main, tail = lines[:cut], lines[cut:]
    date = _first_value(main, Kind.DATE) or _first_value(tail, Kind.DATE)
    source = _first_value(main, Kind.SOURCE) or _first_value(tail, Kind.SOURCE)
    body = (strip_inline_captions(line.text) for line in main if line.body and line.keep)
    return CleanArticle(text="\n".join(b for b in body if b), title=title, date=date, source=source)
