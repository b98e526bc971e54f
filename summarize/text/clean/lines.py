"""One line of a page as the cleaner sees it: its text, its kind, and whether it stays."""

from __future__ import annotations

from dataclasses import dataclass, field

from summarize.text.clean.boilerplate import Kind, LineInfo
from summarize.text.clean.vocabulary import content_words


@dataclass
class Line:
    """A non-blank line; ``keep`` turns false when a sequence rule removes it."""

    text: str
    info: LineInfo
    keep: bool = True
    _words: list[str] | None = field(default=None, repr=False)

    @property
    def body(self) -> bool:
        """A body line that no rule has removed."""
        return self.info.kind is Kind.BODY and self.keep

    @property
    def words(self) -> list[str]:
        """Content words, computed once."""
        if self._words is None:
            self._words = content_words(self.text)
        return self._words

    def drop(self, kind: Kind | None = None) -> None:
        """Remove the line (and, with ``kind``, say what it was)."""
        self.keep = False
        if kind is not None:
            self.info = LineInfo(kind)
