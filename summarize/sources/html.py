"""HTML input: whole pages go to trafilatura; text with a few tags is read as text.

:func:`markup_kind` tells a page (a doctype, ``<html>``, ``<head>``, ``<body>``, block
containers such as ``<div>``, ``<article>``, ``<meta>`` or ``<script>``) from plain text
that carries a few line tags (``<br/>``, ``<p>``, ``<b>``) from a copy, and from text.
:func:`tags_to_text` turns such line tags into line breaks and drops the others.

:func:`html_to_text` extracts a page's main text, title, date and site name with
trafilatura (dates with htmldate), imported only here so that text input and ``--help``
never load it. The headline is chosen among ``og:title``, the page's ``<h1>`` elements
(longest first) and trafilatura's own title, as the first one the body supports
(:func:`summarize.text.clean.best_title`): a logo ``<h1>`` or a section name loses to
the article's headline. The date is a date line written under the headline when it can be
read and htmldate finds the same day or no full date (extractors drop that line), else
htmldate's. The cleaner's Arabic rules then run on the
text as on any input.
"""

from __future__ import annotations

import datetime
import html as html_lib
import re
from typing import Any, Literal

from summarize.text.clean import best_title

MarkupKind = Literal["page", "tagged", "text"]

_PAGE_TAGS = re.compile(
    r"<(?:!doctype\s+html|html|head|body|div|article|section|main|meta|script|style|"
    r"table|header|footer|nav|title|link)\b",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*/?>")
_LINE_TAG = re.compile(r"<\s*(?:br|/?p|/?li|/?h[1-6]|/?blockquote|hr)\b[^<>]*/?>", re.IGNORECASE)
_SPACE = re.compile(r"[ \t]+")
_DATELINE_REACH = 30  # text nodes after the headline where a dateline may stand


def markup_kind(text: str) -> MarkupKind:
    """``page`` for an HTML document, ``tagged`` for text with a few tags, else ``text``."""
    head = text[:20000]
    if _PAGE_TAGS.search(head):
        return "page"
    return "tagged" if _ANY_TAG.search(head) else "text"


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page rather than (possibly tagged) plain text."""
    return markup_kind(text) == "page"


def tags_to_text(text: str) -> str:
    """Line tags (``<br>``, ``<p>``, ``<li>``, headings) to line breaks; other tags out."""
    text = _LINE_TAG.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    return _SPACE.sub(" ", html_lib.unescape(text))


def _headings(tree: Any) -> list[str]:
    """``og:title`` first, then the ``<h1>`` texts, longest first."""
    out = [str(v).strip() for v in tree.xpath("//meta[@property='og:title']/@content")]
    h1 = [" ".join(e.text_content().split()) for e in tree.xpath("//h1")]
    return out + sorted(h1, key=len, reverse=True)


def _dateline(tree: Any, title: str | None) -> str | None:
    """A date line written under the headline (``الأربعاء، 28 آب/اغسطس 2013``), if any.

    Extractors often drop it from the text, and the page's metadata may hold no date or
    only a year; the line a reader sees is the article's own time.
    """
    from summarize.text.clean import Kind, classify_line

    nodes = tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]")
    texts = [t for t in (" ".join(str(n).split()) for n in nodes) if t]
    start = next((i for i, t in enumerate(texts) if title and t == title), None)
    if start is None:
        return None
    for text in texts[start + 1 : start + 1 + _DATELINE_REACH]:
        info = classify_line(text)
        if info.kind is Kind.DATE and not info.updated:
            return info.value
    return None


def _choose_date(dateline: str | None, found: str | None) -> str | None:
    """The dateline as written when it is readable and htmldate agrees or has no day.

    htmldate pads a bare year to the first of January; that counts as no day. A day apart
    counts as agreement: htmldate often reads UTC, the dateline the site's local time
    (``2020/12/25 - 1:59 صباحًا`` in Cairo is the 24th in UTC).

    A line under the headline may be a teaser's or a comment's date, or no date at all
    (a phone number); htmldate's date, from the page's metadata and markup, wins then.
    """
    from summarize.text.clean import to_iso

    written = to_iso(dateline) if dateline else None
    if written is None:
        return found
    if found is None or _same_time(written, found) or _year_only(found, written):
        return dateline
    return found


def _same_time(written: str, found: str) -> bool:
    """The same day, or a day apart: one instant in the page's time zone and in UTC."""
    try:
        day = datetime.date.fromisoformat(written[:10])
        other = datetime.date.fromisoformat(found[:10])
    except ValueError:
        return False
    return abs((day - other).days) <= 1


def _year_only(found: str, written: str) -> bool:
    """htmldate's date holds only the dateline's year (``2013`` or its ``2013-01-01``)."""
    return found[:4] == written[:4] and (len(found) < len("2000-01-01") or found[4:10] == "-01-01")


def html_to_text(page: str) -> tuple[str, dict[str, str]]:
    """Main text of an HTML page (one paragraph per line) and its metadata.

    The metadata has the keys ``title``, ``date`` (ISO, from the page) and ``source``
    (the site name) for those found. The text starts with the headline.
    """
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(page)
    if tree is None:
        return tags_to_text(page), {}
    doc: Any = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False
    )
    body = (doc.text or "") if doc is not None else ""
    if not body.strip():
        body = trafilatura.html2txt(page) or ""
    meta: dict[str, str] = {}
    view = load_html(page)  # the extractor prunes the tree it is given
    candidates = _headings(view)
    if doc is not None and doc.title:
        candidates.append(doc.title)
    site = getattr(doc, "sitename", None) if doc is not None else None
    title = best_title(candidates, body, str(site) if site else None)
    if title:
        meta["title"] = title
    date = _choose_date(_dateline(view, title), getattr(doc, "date", None))
    for key, value in (("date", date), ("source", getattr(doc, "sitename", None))):
        if value:
            meta[key] = str(value)
    lines = [line.strip() for line in body.split("\n")]
    head = [title] if title else []
    return "\n".join(head + [line for line in lines if line and line != title]), meta
