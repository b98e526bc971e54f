"""Cleaning of web-scraped Arabic news: boilerplate out, title/date/source kept as metadata.

The text is normalised, hard-wrapped paragraphs are joined (:mod:`summarize.text.wrap`,
so a wrapped fragment is never taken as the title), and it is split into non-blank
lines. Interface glyphs at the start of a line (``×``, «صورة الخبر») are cut and a
related-stories marker glued to its first link is taken apart. Each line is then classified
on its own by :mod:`summarize.text.boilerplate` (date, source, tags, teaser, social,
caption, byline, menu row, comment policy, separator, related-stories marker, or body).
Then, over the sequence of lines:

* tag lists, menus, blocks in another script and repeated lines
  (:mod:`summarize.text.blocks`);
* the **title** among the short lines above the first paragraph
  (:mod:`summarize.text.headline`); a copy of it in the body goes;
* related-story blocks and **appended stories** (:mod:`summarize.text.stories`);
* **metadata**: ``source`` is the first source line of the main story (or of the dropped
  tail); ``date`` is the first publication date of the main story: a date marked as an
  update (``آخر تحديث``) above the headline is the site header's, used only when there
  is no other. ``date_iso`` is its ISO 8601 form when it can be read
  (:mod:`summarize.text.dates`). ``(صورة: ...)`` credits inside a body line are cut out.

The body keeps one paragraph per line. Every step is linear in the number of lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarize.text.blocks import absorb_tag_lists, mark_menus, mark_other_script, mark_repeats
from summarize.text.boilerplate import (
    Kind,
    classify_line,
    strip_inline_captions,
    strip_ui_prefix,
    unglue_marker,
)
from summarize.text.dates import to_iso
from summarize.text.headline import find_title
from summarize.text.lines import Line
from summarize.text.normalize import fold, normalize_text
from summarize.text.prefixes import strip_source_prefix
from summarize.text.stories import cut_stories
from summarize.text.stretch import keep_article_stretch
from summarize.text.wrap import unwrap


@dataclass(frozen=True)
class CleanArticle:
    """The main story's body and the metadata the cleaner found."""

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    date_iso: str | None = None


def _lines(raw: str) -> list[Line]:
    out = []
    for text in unwrap(normalize_text(raw)).split("\n"):
        text = strip_source_prefix(unglue_marker(strip_ui_prefix(text)))
        if text:
            out.append(Line(text, classify_line(text)))
    return out


def _first_value(lines: list[Line], kind: Kind) -> str | None:
    return next((line.info.value for line in lines if line.info.kind is kind), None)


def _date(main: list[Line], tail: list[Line], title_at: int | None) -> str | None:
    """The publication date: not an update time above the headline (the site header's)."""
    dates = [
        (i, line.info) for i, line in enumerate(main) if line.info.kind is Kind.DATE
    ]  # fmt: skip
    header = title_at if title_at is not None else -1
    for i, info in dates:
        if not (info.updated and i < header):
            return info.value
    return (dates[0][1].value if dates else None) or _first_value(tail, Kind.DATE)


def _drop_title_copies(lines: list[Line], title: str) -> None:
    folded = fold(title)
    for line in lines:
        if line.body and fold(line.text) == folded:
            line.drop()


def clean_article(raw: str) -> CleanArticle:
    """Normalise ``raw`` and strip news boilerplate; see the module docstring."""
    lines = _lines(raw)
    absorb_tag_lists(lines)
    mark_menus(lines)
    mark_other_script(lines)
    mark_repeats(lines)
    keep_article_stretch(lines)
    title_at = find_title(lines)
    title = None
    if title_at is not None:
        title = lines[title_at].text
        lines[title_at].keep = False
        _drop_title_copies(lines, title)
    title_words = lines[title_at].words if title_at is not None else []
    cut = cut_stories(lines, title_words)
    main, tail = lines[:cut], lines[cut:]
    date = _date(main, tail, title_at)
    source = _first_value(main, Kind.SOURCE) or _first_value(tail, Kind.SOURCE)
    body = (strip_inline_captions(line.text) for line in main if line.body)
    text = "\n".join(b for b in body if b)
    return CleanArticle(text, title, date, source, to_iso(date) if date else None)
