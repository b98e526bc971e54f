"""The format → renderer choice shared by summaries and briefs (``RendererKinds``)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pytest

from summarize import render
from summarize.brief import render as brief_render
from summarize.brief.build import Brief, BriefEvent, Bullet, Done, Headline, Paragraph


class FakeTerminal(io.StringIO):
    """A string buffer that says it is a terminal."""

    def isatty(self) -> bool:
        return True


BRIEF = Brief(
    headline="Minister announces plan",
    headline_ar="الوزير يعلن خطة",
    source=None,
    date="2024-03-12",
    bullets=("first fact",),
    summary="The plan costs.",
    models=("m",),
    via="translate",
)

EVENTS: list[BriefEvent] = [
    Headline(BRIEF.headline, BRIEF.headline_ar, BRIEF.source, BRIEF.date, BRIEF.models),
    Bullet(0, "first fact"),
    Paragraph("The plan costs."),
    Done(BRIEF),
]

# (factory, json class, terminal class, pipe class) for each kind of output.
KINDS: list[tuple[Callable[..., Any], type[Any], type[Any], type[Any]]] = [
    (render.make_renderer, render.JsonRenderer, render.RichRenderer, render.PlainRenderer),
    (
        brief_render.make_brief_renderer,
        brief_render.JsonBriefRenderer,
        brief_render.RichBriefRenderer,
        brief_render.MarkdownBriefRenderer,
    ),
]


@pytest.mark.parametrize(("make", "as_json", "terminal", "pipe"), KINDS)
def test_each_format_gets_its_renderer_on_the_given_stream(
    make: Callable[..., Any], as_json: type[Any], terminal: type[Any], pipe: type[Any]
) -> None:
    out = io.StringIO()
    for fmt, indent in (("json", 2), ("jsonl", None)):
        chosen = make(fmt, out)
        assert type(chosen) is as_json
        assert chosen.indent == indent and chosen.out is out
    piped = make("text", out)
    assert type(piped) is pipe and piped.out is out
    tty = FakeTerminal()
    drawn = make("text", tty)
    assert type(drawn) is terminal and drawn.console.file is tty
    # JSON on a terminal stays JSON.
    assert type(make("json", tty)) is as_json


def test_brief_on_a_terminal_is_styled_and_in_a_pipe_is_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    tty, pipe = FakeTerminal(), io.StringIO()
    brief_render.render_brief(EVENTS, brief_render.make_brief_renderer("text", tty))
    brief_render.render_brief(EVENTS, brief_render.make_brief_renderer("text", pipe))
    assert "\x1b[1" in tty.getvalue()  # the heading is bold
    assert "Minister announces plan" in tty.getvalue()
    assert "\x1b" not in pipe.getvalue()
    assert pipe.getvalue().startswith("# Minister announces plan\n")


def test_jsonl_brief_is_one_line_with_arabic_kept() -> None:
    out = io.StringIO()
    assert brief_render.render_brief(EVENTS, brief_render.make_brief_renderer("jsonl", out)) == (
        BRIEF
    )
    text = out.getvalue()
    assert text.count("\n") == 1 and text.endswith("\n")
    assert "الوزير يعلن خطة" in text  # not \u escapes
    assert json.loads(text) == BRIEF.to_dict()
