"""A site or agency name glued before a paragraph as a dateline: ``المدينة نيوز :- بلغت``.

Arabic news sites open the first paragraph with their own name (or a city) followed by
``:-``; the pair of marks is a dateline separator, not prose. :func:`strip_source_prefix`
removes such a prefix of one to ``_PREFIX_WORDS`` words when a paragraph of at least
``_MIN_REST_WORDS`` words follows it.
"""

from __future__ import annotations

import re

_PREFIX_WORDS = 3
_MIN_REST_WORDS = 6
_PREFIX = re.compile(rf"^\s*[^\W\d_]+(?:\s+[^\W\d_]+){{0,{_PREFIX_WORDS - 1}}}\s*:\s*-+\s*")


def strip_source_prefix(line: str) -> str:
    """``line`` without a leading ``اسم الموقع :-`` dateline, when a paragraph follows."""
    match = _PREFIX.match(line)
    if match is None:
        return line
    rest = line[match.end() :]
    return rest if len(rest.split()) >= _MIN_REST_WORDS else line
