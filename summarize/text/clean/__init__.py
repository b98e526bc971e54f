"""The cleaner: web-scraped Arabic news in, the main story's body and metadata out.

:func:`clean_article` runs these stages in order, each linear in the number of lines:

1. **lines** (:mod:`.wrap`, :mod:`.prefixes`, :mod:`.boilerplate`): normalise, join
   hard-wrapped paragraphs (a wrapped fragment is never taken as the title), split into
   non-blank lines, cut interface glyphs (``×``, «صورة الخبر») and source prefixes, take a
   related-stories marker glued to its first link apart, and classify each line on its own
   (date, source, tags, teaser, social, caption, byline, menu row, comment policy,
   separator, related-stories marker, or body; the phrases are data in :mod:`.markers`).
2. **blocks** (:mod:`.blocks`): tag lists, menus, blocks in another script, repeated lines.
3. **stretch** (:mod:`.stretch`): a whole page pasted as text keeps the article's stretch
   of paragraphs, and the lines the learned line classifier (:mod:`.lineclass`) rates as
   article body.
4. **title** (:mod:`.headline`, :mod:`.titles`): the headline among the short lines above
   the first paragraph, the site's name cut from it; copies of it in the body go.
5. **stories** (:mod:`.stories`): related-story blocks and appended stories are cut.
6. **metadata** (:mod:`.dates`): ``source`` is the first source line of the main story (or
   of the dropped tail); ``date`` the first publication date of the main story (an update
   time above the headline is the site header's, used only when there is no other), with
   ``date_iso`` when it can be read.
7. **body**: one paragraph per line, ``(صورة: ...)`` credits inside a line cut out.

:mod:`.lines` holds the line record the stages share; :mod:`.vocabulary` the content words
they compare.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarize.text.clean.blocks import (
    absorb_tag_lists,
    mark_menus,
    mark_other_script,
    mark_repeats,
)
from summarize.text.clean.boilerplate import (
    Kind,
    classify_line,
    strip_inline_captions,
    strip_ui_prefix,
    unglue_marker,
)
from summarize.text.clean.dates import to_iso
from summarize.text.clean.headline import best_title, find_title
from summarize.text.clean.lines import Line
from summarize.text.clean.prefixes import strip_source_prefix
from summarize.text.clean.stories import cut_stories
from summarize.text.clean.stretch import keep_article_stretch
from summarize.text.clean.wrap import unwrap
from summarize.text.normalize import fold, normalize_text

__all__ = [
    "CleanArticle",
    "Kind",
    "Line",
    "best_title",
    "classify_line",
    "clean_article",
    "page_lines",
    "to_iso",
]


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


def page_lines(raw: str) -> list[Line]:
    """The lines of ``raw`` after stages 1 and 2 (each classified; blocks marked)."""
    lines = _lines(raw)  # 1. lines
    absorb_tag_lists(lines)  # 2. blocks
    mark_menus(lines)
    mark_other_script(lines)
    mark_repeats(lines)
    return lines


def clean_article(raw: str) -> CleanArticle:
    """Normalise ``raw`` and strip news boilerplate, in the stages the module lists."""
    lines = page_lines(raw)  # 1. lines, 2. blocks
    keep_article_stretch(lines)  # 3. stretch
    title_at = find_title(lines)  # 4. title
    title = None
    if title_at is not None:
        title = lines[title_at].text
        lines[title_at].keep = False
        _drop_title_copies(lines, title)
    title_words = lines[title_at].words if title_at is not None else []
    cut = cut_stories(lines, title_words)  # 5. stories
    main, tail = lines[:cut], lines[cut:]
    date = _date(main, tail, title_at)  # 6. metadata
    source = _first_value(main, Kind.SOURCE) or _first_value(tail, Kind.SOURCE)
    body = (strip_inline_captions(line.text) for line in main if line.body)  # 7. body
    text = "\n".join(b for b in body if b)
    return CleanArticle(text, title, date, source, to_iso(date) if date else None)
