"""Text laid out for a terminal: rows wrapped at word boundaries, and right-to-left order.

A terminal wraps a long line wherever its last column falls, which cuts Arabic words in two;
:class:`Rows` ends every row with a newline itself, before a word that would not fit. On a
terminal that reorders right-to-left text (bidi), a word that crosses a row can also flip
the next one; whole rows avoid that too. For terminals that do not reorder (xterm, tmux, most
Windows terminals), :class:`Layout` with ``visual`` prints each row in visual order with its
letters joined (python-bidi and arabic-reshaper, imported only then: the ``bidi`` extra).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from summarize.errors import UsageError

BIDI_MODES = ("logical", "visual")
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate, pop directional isolate
# A run of Latin words (digits alone follow the text around them and need no isolate).
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9 .,:_+\-/()]*[A-Za-z0-9)]|[A-Za-z]")
_ZERO = {"Mn", "Me", "Cf"}
# Where rows may break: white space other than the no-break space (which binds a separator).
_SPACES = re.compile(r"([ \t\n\r\f\v]+)")
SEPARATOR = "\u00a0· "


def bidi_mode(flag: str | None, env: Mapping[str, str] | None = None) -> str:
    """``--bidi`` if given, else ``SUMMARIZE_BIDI``, else ``logical``; a usage error otherwise."""
    env = os.environ if env is None else env
    mode = flag or env.get("SUMMARIZE_BIDI", "").strip() or "logical"
    if mode not in BIDI_MODES:
        raise UsageError(f"unknown bidi mode {mode!r} (choose from: {', '.join(BIDI_MODES)})")
    if mode == "visual":
        visual("")  # refused now, before any work, when the libraries are missing
    return mode


def cells(text: str) -> int:
    """Terminal columns ``text`` takes: marks, diacritics and format characters take none."""
    total = 0
    for char in text:
        if unicodedata.category(char) in _ZERO:
            continue
        total += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return total


def is_rtl(text: str) -> bool:
    """Whether the first strongly directional letter of ``text`` is right-to-left."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def isolate_latin(text: str) -> str:
    """In right-to-left ``text``, each Latin run wrapped in FSI … PDI, so that it lands
    where a reader expects (``… · machine summary: tiny-mt5`` keeps its order)."""
    if not is_rtl(text):
        return text
    return _LATIN_RUN.sub(lambda m: f"{FSI}{m.group(0)}{PDI}", text)


def visual(row: str, rtl: bool = True) -> str:
    """``row`` in visual order with Arabic letters in their joined forms (needs the extra);
    ``rtl``: the direction of its paragraph."""
    try:
        import arabic_reshaper
        from bidi import get_display
    except ImportError:
        raise UsageError(
            "--bidi visual needs python-bidi and arabic-reshaper: pip install 'summarize[bidi]'"
        ) from None
    plain = row.replace(FSI, "").replace(PDI, "")
    return str(get_display(arabic_reshaper.reshape(plain), base_dir="R" if rtl else "L"))


@dataclass(frozen=True)
class Layout:
    """How rows are laid out: the terminal's width, and logical or visual order."""

    width: int = 80
    mode: str = "logical"

    @property
    def visual(self) -> bool:
        """Whether rows are printed in visual order."""
        return self.mode == "visual"

    def row(self, text: str, rtl: bool | None = None) -> str:
        """One finished row as it is written: visual order (right-aligned) when asked.

        ``rtl``: the direction of the row's paragraph (default: the row's own first letter).
        """
        if not self.visual or not (is_rtl(text) if rtl is None else rtl):
            return text
        shown = visual(text, rtl=True)
        return " " * max(self.width - cells(shown), 0) + shown

    def lines(self, text: str, indent: str = "", first: str = "") -> list[str]:
        """``text`` as rows: ``first`` before the first row, ``indent`` before the others."""
        out: list[str] = []
        rows = Rows(self, out.append, indent=indent, first=first)
        rows.feed(text)
        rows.close()
        return "".join(out).splitlines()


class Rows:
    """Text fed in pieces (tokens as they are decoded), written back as whole words on rows
    no wider than the layout; a word longer than a row is cut only then.

    ``write`` receives text to print as is: in logical order each word as it completes (so
    streaming shows), in visual order each row as it is finished (a row cannot be reordered
    before it is complete). Every row ends with a newline, the last one at :meth:`close`.
    """

    def __init__(
        self, layout: Layout, write: Callable[[str], None], indent: str = "", first: str = ""
    ) -> None:
        self.layout = layout
        self.write = write
        self.indent = indent
        self.word = ""  # the word being fed, not yet placed
        self.space = False  # white space seen after the last placed word
        self.row = first  # the row so far (kept for visual order and widths)
        self.written = 0  # how much of ``row`` was written (logical order)
        self.empty = True  # nothing placed on this row yet (after ``first``/``indent``)
        self.rtl: bool | None = None  # the paragraph's direction, from its first row

    def feed(self, text: str) -> None:
        """Add text; complete words are placed as soon as their end is seen."""
        for part in _SPACES.split(text):
            if not part:
                continue
            if part.isspace():
                self._place()
                if "\n" not in part:
                    self.space = not self.empty
                    continue
                if not self.empty:
                    self._newline()
                self.rtl = None  # a new paragraph finds its own direction
                if part.count("\n") > 1:
                    self.write("\n")
            else:
                self.word += part

    def close(self) -> None:
        """Place the last word and end the last row."""
        self._place()
        if not self.empty:
            self._newline()

    def _place(self) -> None:
        word, self.word = self.word, ""
        if not word:
            return
        gap = " " if self.space and not self.empty else ""
        self.space = False
        while cells(self.row) + len(gap) + cells(word) > self.layout.width and not self.empty:
            self._newline()
            gap = ""
        while cells(self.row) + cells(word) > self.layout.width and len(word) > 1:
            # A word wider than a whole row: cut it at the row's end (nothing else helps).
            room = max(self.layout.width - cells(self.row), 1)
            head, word = word[:room], word[room:]
            self.row += head
            self.empty = False
            self._newline()
        self.row += gap + word
        self.empty = False
        self._flush()

    def _flush(self) -> None:
        if not self.layout.visual:
            self.write(self.row[self.written :])
            self.written = len(self.row)

    def _newline(self) -> None:
        if self.layout.visual:
            if self.rtl is None:
                self.rtl = is_rtl(self.row)
            self.write(self.layout.row(self.row, self.rtl) + "\n")
        else:
            self._flush()
            self.write("\n")
        self.row, self.written, self.empty, self.space = self.indent, 0, True, False
