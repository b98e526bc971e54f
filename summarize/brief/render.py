"""Showing a brief: rich text on a terminal, plain Markdown in pipes, JSON for machines.

Renderers take the events of :func:`summarize.brief.build.stream_brief` as they come, so the
headline is on screen before the first bullet is translated. stdout carries the brief only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol, TextIO

from rich.console import Console

from summarize.brief.build import Brief, BriefEvent, Bullet, Done, Headline, Paragraph, Partial
from summarize.render import ConsoleOutput, JsonOutput, RendererKinds, StreamOutput, underlined
from summarize.text.layout import SEPARATOR, Layout, Rows, isolate_latin
from summarize.text.support import Marker, Support

# Characters that Markdown would read as markup inside a line of text.
_MARKUP = re.compile(r"([\\`*_\[\]<>#|~])")
# Line starts that Markdown would read as a list item.
_BULLET_START = re.compile(r"^(\s*)([-+])(?=\s|$)")
_NUMBER_START = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")


def escape(text: str) -> str:
    """``text`` as literal Markdown: markup characters and line-start markers escaped."""
    escaped = _MARKUP.sub(r"\\\1", text)
    escaped = _BULLET_START.sub(r"\1\\\2", escaped)
    return _NUMBER_START.sub(r"\1\\\2", escaped)


def metadata_line(event: Headline) -> str:
    """``source · date · models: ...`` (the parts that are known)."""
    parts = [p for p in (event.source, event.date) if p]
    parts.append("machine summary: " + ", ".join(event.models))
    return " · ".join(parts)


class BriefRenderer(Protocol):
    """Consumes brief events and writes to stdout."""

    def partial(self, event: Partial) -> None:
        """A fragment of the headline or a bullet while it is decoded (streaming only)."""

    def headline(self, event: Headline) -> None:
        """The headline, the Arabic title and the metadata are known."""

    def bullet(self, event: Bullet) -> None:
        """One bullet, complete."""

    def paragraph(self, event: Paragraph) -> None:
        """A fragment of the paragraph."""

    def done(self, brief: Brief) -> None:
        """The brief is complete."""


class MarkdownBriefRenderer(StreamOutput):
    """Plain Markdown, written (and flushed) part by part."""

    def __init__(self, out: TextIO) -> None:
        super().__init__(out)
        self.in_paragraph = False

    def partial(self, event: Partial) -> None:
        """Markdown is written a part at a time, each part complete."""

    def headline(self, event: Headline) -> None:
        """``# Headline``, the Arabic title under it, then the metadata line in italics."""
        lines = [f"# {escape(event.text)}", ""]
        if event.original:
            lines += [escape(event.original), ""]
        lines += [f"*{escape(metadata_line(event))}*", ""]
        self.write("\n".join(lines) + "\n")

    def bullet(self, event: Bullet) -> None:
        """``- text``."""
        self.write(f"- {escape(event.text)}\n")

    def paragraph(self, event: Paragraph) -> None:
        """The paragraph, after a blank line."""
        text = event.text
        if not self.in_paragraph:
            self.in_paragraph = True
            self.write("\n")
            text = text.lstrip()
        self.write(escape(text))

    def done(self, brief: Brief) -> None:
        """End the last line."""
        self.write("\n")


class RichBriefRenderer(ConsoleOutput):
    """A terminal: headline and bullets appear token by token, then the paragraph streams.

    The heading is drawn as rich draws a Markdown heading (bold, underlined; left-aligned, as
    it is written while decoded), the bullets as list items with a hanging indent. Every part
    is laid out in whole-word rows (:mod:`summarize.text.layout`).
    """

    HEADING = "bold underline"
    BULLET, HANG = " • ", "   "

    def __init__(self, console: Console, layout: Layout) -> None:
        super().__init__(console, layout)
        self.open: tuple[str, int] | None = None  # the part being written
        self.rows: Rows | None = None
        self.in_paragraph = False
        self.marker = Marker(None)
        self.underlined = False

    def _rows(self, part: str, marker: Marker | None = None) -> Rows:
        """Rows for ``part``, underlining what ``marker`` (else the current one) finds."""
        write = self.underlining(marker or self.marker, self.HEADING if part == "headline" else "")
        if part == "bullet":
            return Rows(self.layout, write, indent=self.HANG, first=self.BULLET)
        return Rows(self.layout, write)

    def _close(self, part: tuple[str, int] | None = None) -> bool:
        """End the part being written (only if it is ``part``, when given)."""
        if self.rows is None or (part is not None and self.open != part):
            return False
        self.marker.flush()
        self.underlined = self.underlined or bool(self.marker.marked)
        self.rows.close()
        self.open, self.rows = None, None
        return True

    def _whole(self, text: str, check: Support | None, part: str) -> None:
        """A complete part in whole-word rows, its unsupported claims underlined."""
        marker = Marker(check)
        marker.feed(text)
        marker.flush()
        self.underlined = self.underlined or bool(marker.marked)
        style = self.HEADING if part == "headline" else ""
        bullet = part == "bullet"
        lines = self.layout.lines(
            text, indent=self.HANG if bullet else "", first=self.BULLET if bullet else ""
        )
        for row in lines:
            self.console.print(underlined(row, marker, style), soft_wrap=True)

    def partial(self, event: Partial) -> None:
        """Write a fragment, starting its rows first when it is new."""
        part = (event.part, event.index)
        if self.open != part:
            self._close()
            self.marker = Marker(event.check)
            self.open, self.rows = part, self._rows(event.part)
        assert self.rows is not None
        self.marker.feed(event.text)
        self.rows.feed(event.text)

    def headline(self, event: Headline) -> None:
        """The heading (unless it was streamed), the Arabic title dimmed, the metadata line."""
        if not self._close(("headline", 0)):
            self._whole(event.text, event.check, "headline")
        if event.original:
            self.block(event.original, "dim")
        line = metadata_line(event).replace(" · ", SEPARATOR)
        self.block(isolate_latin(line), "italic dim")
        self.console.print()

    def bullet(self, event: Bullet) -> None:
        """One list item (ends the streamed rows, or writes the whole item)."""
        if not self._close(("bullet", event.index)):
            self._whole(event.text, event.check, "bullet")

    def paragraph(self, event: Paragraph) -> None:
        """Stream the paragraph as it is decoded."""
        text = event.text
        if not self.in_paragraph:
            self._close()
            self.in_paragraph = True
            self.console.print()
            self.marker = Marker(event.check)
            self.open, self.rows = ("paragraph", 0), self._rows("paragraph")
            text = text.lstrip()
        assert self.rows is not None
        self.marker.feed(text)
        self.rows.feed(text)

    def done(self, brief: Brief) -> None:
        """End the last row; say what underlining means when something is underlined."""
        self._close()
        self.legend(self.underlined)


class JsonBriefRenderer(JsonOutput):
    """One JSON object at the end: indented (``json``) or on one line (``jsonl``)."""

    def partial(self, event: Partial) -> None:
        """JSON waits for the whole brief."""

    def headline(self, event: Headline) -> None:
        """JSON waits for the whole brief."""

    def bullet(self, event: Bullet) -> None:
        """JSON waits for the whole brief."""

    def paragraph(self, event: Paragraph) -> None:
        """JSON waits for the whole brief."""

    def done(self, brief: Brief) -> None:
        """Write the brief's fields."""
        self.emit(brief.to_dict())


def make_brief_renderer(
    fmt: str, out: TextIO | None = None, bidi: str = "logical"
) -> BriefRenderer:
    """The renderer for ``--format``: text is rich on a terminal, plain Markdown otherwise."""
    kinds = RendererKinds[BriefRenderer](
        for_json=JsonBriefRenderer, for_terminal=RichBriefRenderer, for_pipe=MarkdownBriefRenderer
    )
    return kinds.choose(fmt, out, bidi)


def render_brief(events: Iterable[BriefEvent], renderer: BriefRenderer) -> Brief:
    """Drive ``renderer`` with ``events``; return the finished brief."""
    for event in events:
        if isinstance(event, Partial):
            renderer.partial(event)
        elif isinstance(event, Headline):
            renderer.headline(event)
        elif isinstance(event, Bullet):
            renderer.bullet(event)
        elif isinstance(event, Paragraph):
            renderer.paragraph(event)
        elif isinstance(event, Done):
            renderer.done(event.brief)
            return event.brief
    raise RuntimeError("the brief ended without a result")
