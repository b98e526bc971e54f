"""Output: rich text in a terminal, plain text in pipes, JSON for machines.

Renderers receive pipeline events; stdout carries results only. Notices go to the
stderr console made by :func:`stderr_console`. The output bases (:class:`StreamOutput`,
:class:`ConsoleOutput`, :class:`JsonOutput`) and :class:`RendererKinds` are shared with
the brief renderers in :mod:`summarize.brief.render`.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TextIO, TypeVar

from summarize.pipeline import Event, Finished, Fragment, Meta, Result, Started

if TYPE_CHECKING:
    # rich costs ~20 ms to import: it loads only where a terminal gets rich output.
    from rich.console import Console
    from rich.text import Text

    from summarize.text.layout import Layout
    from summarize.text.support import Marker, Support

FORMATS = ("text", "json", "jsonl")
_WORD = re.compile(r"\w+")


def check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> str:
    """``fmt`` if it is one of ``allowed``, else a usage error listing them."""
    if fmt not in allowed:
        from summarize.errors import UsageError

        raise UsageError(f"unknown format {fmt!r} (choose from: {', '.join(allowed)})")
    return fmt


def stderr_console(quiet: bool = False) -> Console:
    """The one console for progress, notices and errors (honours NO_COLOR via rich)."""
    from rich.console import Console

    return Console(stderr=True, quiet=quiet, highlight=False, soft_wrap=True)


class Notices(Protocol):
    """What the single-input commands use of the stderr console: notices and a spinner."""

    @property
    def is_terminal(self) -> bool:
        """Whether stderr is a terminal (a spinner is shown only there)."""

    quiet: bool

    def print(
        self, *objects: Any, markup: bool | None = None, highlight: bool | None = None
    ) -> None:
        """Print one notice line."""

    def status(self, status: str, *, spinner: str = "dots") -> AbstractContextManager[Any]:
        """A spinner while something loads."""


class PlainNotices:
    """Notices as plain lines on a stderr that is not a terminal, without importing rich."""

    is_terminal = False

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet

    def print(
        self, *objects: Any, markup: bool | None = None, highlight: bool | None = None
    ) -> None:
        """Write ``objects`` as one line (markup and highlighting never apply here)."""
        if not self.quiet:
            sys.stderr.write(" ".join(str(o) for o in objects) + "\n")
            sys.stderr.flush()

    def status(self, status: str, *, spinner: str = "dots") -> AbstractContextManager[Any]:
        """No spinner off a terminal."""
        from contextlib import nullcontext

        return nullcontext()


def notices(quiet: bool = False) -> Notices:
    """The stderr console for notices: rich on a terminal, plain lines otherwise."""
    return stderr_console(quiet) if sys.stderr.isatty() else PlainNotices(quiet)


# Line breaks that JSON leaves raw in strings but ``str.splitlines`` (and JavaScript before
# ES2019) break lines at: escaped, so that a JSON Lines record is one line for every reader.
# They can only stand inside strings in JSON text, so escaping them changes no value.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps(record: Any, *, indent: int | None = None, allow_nan: bool = True) -> str:
    """The one JSON emitter of what ``summarize`` prints: non-ASCII text kept readable."""
    text = json.dumps(record, ensure_ascii=False, indent=indent, allow_nan=allow_nan)
    return text.translate(_LINE_BREAKS)


def stdout_console(out: TextIO) -> Console:
    """A console for results on the terminal ``out`` (honours NO_COLOR via rich)."""
    from rich.console import Console

    return Console(file=out, highlight=False, soft_wrap=True)


class StreamOutput:
    """Base of the renderers that write plain text to a stream as it is made."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, text: str) -> None:
        """Write and flush, so a reader downstream sees text as it is made."""
        self.out.write(text)
        self.out.flush()


def underlined(piece: str, marker: Marker, style: str = "") -> Text:
    """``piece`` in ``style``, the words of the claims ``marker`` found unsupported underlined."""
    from rich.text import Text

    words = {w for claim in marker.marked for w in _WORD.findall(claim.text)}
    text = Text(piece, style=style)
    for match in _WORD.finditer(piece) if words else ():
        if match.group() in words:
            text.stylize("underline", match.start(), match.end())
    return text


class ConsoleOutput:
    """Base of the renderers that draw on a terminal through a rich console.

    Text is laid out in rows by :mod:`summarize.text.layout` (whole words, every row ended by a
    newline here, not by the terminal), in visual order when the layout asks for it.
    """

    def __init__(self, console: Console, layout: Layout) -> None:
        self.console = console
        self.layout = layout

    def inline(self, text: str | Text) -> None:
        """Print without a newline: fragments join into the flowing text."""
        self.console.print(text, end="", markup=False, highlight=False, soft_wrap=True)

    def block(self, text: str, style: str = "", indent: str = "", first: str = "") -> None:
        """``text`` as whole rows in ``style`` (``first`` opens it, ``indent`` the rest)."""
        from rich.text import Text

        for row in self.layout.lines(text, indent=indent, first=first):
            self.console.print(Text(row, style=style), soft_wrap=True)

    def underlining(self, marker: Marker, style: str = "") -> Callable[[str], None]:
        """A writer for :class:`~summarize.text.layout.Rows` that underlines the pieces
        holding a word of a claim ``marker`` found unsupported (it is fed first)."""

        def write(piece: str) -> None:
            self.inline(underlined(piece, marker, style))

        return write

    def legend(self, marked: bool) -> None:
        """The line saying what underlined words mean, when some were underlined."""
        if marked:
            from rich.text import Text

            from summarize.text.support import LEGEND

            self.console.print(Text(LEGEND, style="dim"))


class JsonOutput(StreamOutput):
    """Base of the renderers that write one JSON object once the output is complete."""

    def __init__(self, out: TextIO, indent: int | None) -> None:
        super().__init__(out)
        self.indent = indent

    def emit(self, record: dict[str, Any]) -> None:
        """Write ``record`` as one JSON document (indented or on one line) and a newline."""
        self.write(dumps(record, indent=self.indent) + "\n")


RendererT = TypeVar("RendererT")


@dataclass(frozen=True)
class RendererKinds(Generic[RendererT]):
    """The renderers of one kind of output, and the choice between them for ``--format``."""

    for_json: Callable[[TextIO, int | None], RendererT]
    for_terminal: Callable[[Console, Layout], RendererT]
    for_pipe: Callable[[TextIO], RendererT]

    def choose(self, fmt: str, out: TextIO | None = None, bidi: str = "logical") -> RendererT:
        """``json`` indented, ``jsonl`` on one line; ``text`` rich on a terminal, else plain.

        ``bidi``: ``visual`` prints right-to-left rows in visual order (terminal only).
        """
        out = out or sys.stdout
        if fmt == "json":
            return self.for_json(out, 2)
        if fmt == "jsonl":
            return self.for_json(out, None)
        if out.isatty():
            from summarize.text.layout import Layout

            console = stdout_console(out)
            return self.for_terminal(console, Layout(console.width, bidi))
        return self.for_pipe(out)


class Renderer(Protocol):
    """Consumes pipeline events and writes the result to stdout."""

    def start(self, meta: Meta, by: str | None = None, support: Support | None = None) -> None:
        """Metadata is known (``by``: the engine and model that write; ``support``: what the
        article supports); nothing of the output yet."""

    def fragment(self, text: str) -> None:
        """A piece of output, in order."""

    def finish(self, result: Result) -> None:
        """The output is complete."""


class PlainRenderer(StreamOutput):
    """Plain text for pipes and files: the output only, streamed, one newline at the end."""

    def start(self, meta: Meta, by: str | None = None, support: Support | None = None) -> None:
        """Plain output carries no header."""

    def fragment(self, text: str) -> None:
        """Stream the fragment."""
        self.write(text)

    def finish(self, result: Result) -> None:
        """End the output with a newline."""
        self.write("\n")


class RichRenderer(ConsoleOutput):
    """A terminal: the headline, a dim line (date, source, engine and model), then the text
    streamed in whole-word rows, numbers, dates and names the article does not hold
    underlined."""

    def __init__(self, console: Console, layout: Layout) -> None:
        from summarize.text.layout import Rows
        from summarize.text.support import Marker

        super().__init__(console, layout)
        self.marker = Marker(None)
        self.rows = Rows(layout, self.underlining(self.marker))

    def start(self, meta: Meta, by: str | None = None, support: Support | None = None) -> None:
        """The headline (when found), and what is known of the article and who writes."""
        from summarize.text.layout import SEPARATOR, isolate_latin

        self.marker.support = support
        if meta.title:
            self.block(meta.title, "bold")
        details = SEPARATOR.join(x for x in (meta.date, meta.source, by) if x)
        if details:
            self.block(isolate_latin(details), "dim")
        self.console.print()

    def fragment(self, text: str) -> None:
        """Stream the fragment into the flowing rows (claims checked as words settle)."""
        self.marker.feed(text)
        self.rows.feed(text)

    def finish(self, result: Result) -> None:
        """End the last row; say what underlining means when something is underlined."""
        self.marker.flush()
        self.rows.close()
        self.legend(bool(self.marker.marked))


class JsonRenderer(JsonOutput):
    """One JSON object at the end (``json``: indented; ``jsonl``: one line)."""

    def start(self, meta: Meta, by: str | None = None, support: Support | None = None) -> None:
        """Nothing is written before the result is complete."""

    def fragment(self, text: str) -> None:
        """Fragments are collected by the pipeline; JSON waits for the result."""

    def finish(self, result: Result) -> None:
        """Write the result object."""
        self.emit(result.to_dict())


def make_renderer(fmt: str, out: TextIO | None = None, bidi: str = "logical") -> Renderer:
    """The renderer for ``--format``; ``text`` is rich on a terminal, plain otherwise."""
    kinds = RendererKinds[Renderer](
        for_json=JsonRenderer, for_terminal=RichRenderer, for_pipe=PlainRenderer
    )
    return kinds.choose(fmt, out, bidi)


def engine_label(engine: object) -> str:
    """Who writes, for a notice: ``mt5 (tiny-mt5)``; a brief's engines by their models."""
    models = getattr(engine, "models", None)
    if isinstance(models, tuple):
        return ", ".join(models)
    return written_by(getattr(engine, "name", None), getattr(engine, "model", None)) or "?"


def written_by(engine: str | None, model: str | None) -> str | None:
    """``extractive``, ``mt5 (tiny-mt5)``: the engine, and its model when it has one."""
    if engine is None:
        return None
    return f"{engine} ({model})" if model and model != engine else engine


def is_streaming(fmt: str, out: TextIO | None = None) -> bool:
    """Whether output is shown as it is generated (text on a terminal)."""
    return fmt == "text" and (out or sys.stdout).isatty()


def streams_tokens(fmt: str, beam: int | None, out: TextIO | None = None) -> bool:
    """Whether to hand text out as it is decoded: text to a terminal.

    Decoding does not depend on it (``beam`` or the model's default, terminal or pipe alike):
    greedy output streams token by token, beam search unit by unit.
    """
    return is_streaming(fmt, out)


def render(events: Iterable[Event], renderer: Renderer) -> Result:
    """Drive ``renderer`` with ``events`` and return the final result."""
    result: Result | None = None
    for event in events:
        if isinstance(event, Started):
            renderer.start(event.meta, written_by(event.engine, event.model), event.support)
        elif isinstance(event, Fragment):
            renderer.fragment(event.text)
        elif isinstance(event, Finished):
            result = event.result
            renderer.finish(result)
    if result is None:
        raise RuntimeError("the pipeline ended without a result")
    return result
