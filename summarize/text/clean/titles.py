"""A page title without the site name glued to it (``الخبر - اليوم السابع``).

Page titles (``<title>``, ``og:title``) often carry the site's name before or after the
headline, joined by `` - ``, `` | ``, `` – `` or `` — ``. :func:`strip_site_affix` drops
such an end segment when it is short (at most ``_AFFIX_WORDS`` words), what remains is a
headline of at least ``_MIN_REST_WORDS`` words, and the segment is known to be furniture:
it names the site (equal to, or part of, the page's site name) or the rest stands alone
among the page's other title candidates (the ``<h1>`` without the affix).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.text.normalize import fold

_SEPARATOR = re.compile(r"\s+[-|–—]\s+")
_AFFIX_WORDS = 4
_MIN_REST_WORDS = 3


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def _names_site(segment: str, site: str | None) -> bool:
    if not site:
        return False
    seg, name = _key(segment), _key(site)
    return bool(seg) and (seg == name or seg in name or name in seg)


def strip_site_affix(title: str, others: Sequence[str] = (), site: str | None = None) -> str:
    """``title`` without a leading or trailing site-name segment, when it has one."""
    parts = _SEPARATOR.split(title.strip())
    if len(parts) < 2:
        return title
    known = {_key(o) for o in others if o}
    for segment, rest in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
        remainder = " - ".join(rest).strip()
        if len(segment.split()) > _AFFIX_WORDS or len(remainder.split()) < _MIN_REST_WORDS:
            continue
        if _names_site(segment, site) or _key(remainder) in known:
            return remainder
    return title
