"""Hard-wrapped text: tell a line break that only wraps a paragraph from one that ends it.

Newspaper and e-mail text is often wrapped at a fixed width (about a dozen words a line),
so every paragraph is spread over several lines. The rest of the pipeline takes each line
as a paragraph, so a wrapped paragraph would be cut into sentence fragments, and its first
line taken as a headline. :func:`unwrap` joins such lines back.

The wrap width is estimated as the 90th percentile of the line lengths, in characters
(a wrapping tool never goes past its width; a few long lines, such as a headline, are
allowed). A break after a line is a *wrap* when

* the line does not end with sentence punctuation,
* a non-blank line follows, and
* the first word of that line would not have fitted on this one within the width (a
  wrapping tool moves a word down only when it does not fit; a list of short headlines or
  a paragraph that ends early leaves room).

Text counts as wrapped only when it has at least ``_MIN_LINES`` lines, the width is that of
a wrapped column (at most ``_MAX_WIDTH``), and at least ``_WRAP_SHARE`` of its breaks are
wraps; otherwise it is returned unchanged.
"""

from __future__ import annotations

import itertools
import re

_MIN_LINES = 4
_MAX_WIDTH = 160
_WRAP_SHARE = 0.3
_END = re.compile(r"[.!?؟…:؛;]['\"”’»)\]]*$")


def _width(lines: list[str]) -> int | None:
    sizes = sorted(len(line) for line in lines if line)
    if len(sizes) < _MIN_LINES:
        return None
    width = sizes[min(len(sizes) - 1, int(0.9 * len(sizes)))]
    return width if width <= _MAX_WIDTH else None


def is_wrap(line: str, following: str, width: int) -> bool:
    """Whether the break between ``line`` and ``following`` only wraps a paragraph.

    ``width`` is the width the text is wrapped at; both lines are stripped.
    """
    if not line or not following or _END.search(line):
        return False
    return len(line) + 1 + len(following.split(maxsplit=1)[0]) > width


def wrap_width(lines: list[str]) -> int | None:
    """The width stripped ``lines`` are wrapped at, in characters; ``None`` when not wrapped."""
    width = _width(lines)
    if width is None:
        return None
    breaks = list(itertools.pairwise(lines))
    wraps = sum(1 for line, following in breaks if is_wrap(line, following, width))
    return width if wraps >= 2 and wraps >= _WRAP_SHARE * len(breaks) else None


def unwrap(text: str) -> str:
    """``text`` with the line breaks that only wrap a paragraph replaced by spaces.

    Text that is not hard-wrapped is returned unchanged; see the module docstring.
    """
    raw = text.split("\n")
    lines = [line.strip() for line in raw]
    width = wrap_width(lines)
    if width is None:
        return text
    out = [raw[0]]
    for i in range(1, len(raw)):
        if is_wrap(lines[i - 1], lines[i], width):
            out[-1] = out[-1].rstrip() + " " + lines[i]
        else:
            out.append(raw[i])
    return "\n".join(out)
