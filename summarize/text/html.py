"""HTML pages to plain article text, with the standard library's ``html.parser`` only.

Dropped: ``script``, ``style``, ``nav``, ``header``, ``footer``, ``aside``, ``form``,
``figure`` (and its caption) and similar page furniture, plus any element marked
``hidden``/``aria-hidden`` or whose class or id names a related, share, social, comment
or advert box. When the page has ``<article>`` elements, only their paragraphs are kept,
which leaves sidebars out even when they are plain ``div``s.

Paragraphs are the text of block elements (``p``, ``h2``-``h6``, ``li``, ``blockquote``,
``div`` ...), white space collapsed. The title is the first ``<h1>``, else ``og:title``,
else ``<title>``; the date is ``article:published_time``, else the first
``<time datetime>``, else a ``date``/``datePublished`` meta; the source is ``og:site_name``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SKIP_TAGS = _names(
    "script style noscript template nav header footer aside form figure figcaption svg "
    "iframe button select textarea object canvas"
)
_VOID_TAGS = _names("area base br col embed hr img input link meta source track wbr")
_BLOCK_TAGS = _names(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table "
    "tr td th br hr body"
)
_NOISE = re.compile(
    r"(?:^|[\s_-])(?:related|share|sharing|social|comments?|advert\w*|ads?|promo\w*|"
    r"newsletter|breadcrumbs?|tags|sidebar|cookie\w*|popup|modal)(?:$|[\s_-])",
    re.IGNORECASE,
)
# Page-level containers are never dropped for their class names ("has-sidebar" ...).
_STRUCTURAL = frozenset({"html", "body", "main", "article"})
_DATE_META = ("article:published_time", "datepublished", "date", "pubdate", "publish-date")
_SPACE = re.compile(r"\s+")


class _ArticleParser(HTMLParser):
    """Collects paragraphs and metadata in one pass over the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[str, bool]] = []  # (text, inside <article>)
        self.meta: dict[str, str] = {}
        self.h1: str | None = None
        self.title_tag: str | None = None
        self.time: str | None = None
        self._buffer: list[str] = []
        self._skip_tag: str | None = None
        self._skip_depth = 0
        self._article_depth = 0
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if self._skip_tag is not None:
            self._skip_depth += tag == self._skip_tag
            return
        if tag == "meta":
            self._read_meta(values)
        if tag == "time" and self.time is None and values.get("datetime"):
            self.time = values["datetime"].strip()
        if tag not in _VOID_TAGS and self._is_noise(tag, values):
            self._flush()
            self._skip_tag, self._skip_depth = tag, 0
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        self._article_depth += tag == "article"
        self._in_title = self._in_title or tag == "title"
        self._in_h1 = self._in_h1 or (tag == "h1" and self.h1 is None)

    def handle_endtag(self, tag: str) -> None:
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                if self._skip_depth == 0:
                    self._skip_tag = None
                else:
                    self._skip_depth -= 1
            return
        if tag == "title":
            self._in_title = False
        if tag == "h1" and self._in_h1:
            self.h1 = _SPACE.sub(" ", "".join(self._buffer)).strip() or None
            self._buffer.clear()
            self._in_h1 = False
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "article" and self._article_depth:
            self._flush()
            self._article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._skip_tag is not None:
            return
        if self._in_title:
            self.title_tag = (self.title_tag or "") + data
            return
        self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        if self._in_h1:
            return  # the headline is collected whole, even across <br> or <span>
        text = _SPACE.sub(" ", "".join(self._buffer)).strip()
        self._buffer.clear()
        if text:
            self.paragraphs.append((text, self._article_depth > 0))

    def _read_meta(self, values: dict[str, str]) -> None:
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
        content = values.get("content", "").strip()
        if key and content and key not in self.meta:
            self.meta[key] = content

    @staticmethod
    def _is_noise(tag: str, values: dict[str, str]) -> bool:
        if tag in _SKIP_TAGS or "hidden" in values:
            return True
        if values.get("aria-hidden", "").lower() == "true":
            return True
        names = f"{values.get('class', '')} {values.get('id', '')} {values.get('role', '')}"
        return tag not in _STRUCTURAL and bool(_NOISE.search(names))


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page (or fragment) rather than plain text."""
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(?:p|div|article|body|h1|br)\b[^>]*>", head)
    )


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Article text of an HTML page (headline first, one paragraph per line) and metadata.

    The metadata has the keys ``title``, ``date`` and ``source`` for those found.
    """
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    in_article = [text for text, inside in parser.paragraphs if inside]
    paragraphs = in_article or [text for text, _ in parser.paragraphs]
    title_tag = _SPACE.sub(" ", parser.title_tag or "").strip() or None
    meta: dict[str, str] = {}
    title = parser.h1 or parser.meta.get("og:title") or title_tag
    if title:
        meta["title"] = title
    date = next((parser.meta[k] for k in _DATE_META if k in parser.meta), None) or parser.time
    if date:
        meta["date"] = date
    if "og:site_name" in parser.meta:
        meta["source"] = parser.meta["og:site_name"]
    lines = [title] if title else []
    lines += [p for p in paragraphs if p != title]
    return "\n".join(lines), meta
