"""Brief renderers on hand-made events: Markdown layout, escaping, JSON shape."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from summarize.brief.build import Brief, BriefEvent, Bullet, Done, Headline, Paragraph
from summarize.brief.render import (
    JsonBriefRenderer,
    MarkdownBriefRenderer,
    escape,
    make_brief_renderer,
    render_brief,
)
from tests.brief.helpers import parse_markdown

BRIEF = Brief(
    headline="Minister *announces* plan",
    headline_ar="الوزير يعلن خطة",
    source="وكالة",
    date="2024-03-12",
    bullets=("- first fact", "2. second fact"),
    summary="The plan # costs 5 [million].",
    models=("crosssum", "nllb-600m"),
    via="crosssum",
)


def _events(brief: Brief = BRIEF) -> list[BriefEvent]:
    head = Headline(brief.headline, brief.headline_ar, brief.source, brief.date, brief.models)
    bullets = [Bullet(i, b) for i, b in enumerate(brief.bullets)]
    paragraph = [Paragraph("The plan # costs"), Paragraph(" 5 [million].")]
    return [head, *bullets, *paragraph, Done(brief)]


def test_markdown_layout_with_markup_in_the_text_escaped() -> None:
    out = io.StringIO()
    assert render_brief(_events(), MarkdownBriefRenderer(out)) == BRIEF
    text = out.getvalue()
    md = parse_markdown(text)
    assert md.heading == r"Minister \*announces\* plan"
    assert md.blocks[0] == ["الوزير يعلن خطة"]
    assert md.blocks[1] == ["*وكالة · 2024-03-12 · machine summary: crosssum, nllb-600m*"]
    assert md.blocks[2] == [r"- \- first fact", r"- 2\. second fact"]
    assert md.blocks[3] == [r"The plan \# costs 5 \[million\]."]
    assert text.endswith(".\n") and len(md.blocks) == 4


def test_markdown_without_title_or_metadata_keeps_the_models_line() -> None:
    brief = Brief(
        "Headline", None, None, None, ("b",), "Summary.", ("extractive", "m"), "translate"
    )
    out = io.StringIO()
    render_brief(_events(brief), MarkdownBriefRenderer(out))
    md = parse_markdown(out.getvalue())
    assert md.blocks[0] == ["*machine summary: extractive, m*"]
    assert md.bullets == ["b"]


def test_json_and_jsonl() -> None:
    for indent, lines in ((2, None), (None, 1)):
        out = io.StringIO()
        render_brief(_events(), JsonBriefRenderer(out, indent))
        data = json.loads(out.getvalue())
        assert data == BRIEF.to_dict()
        assert data["bullets"] == ["- first fact", "2. second fact"]
        if lines is not None:
            assert out.getvalue().count("\n") == lines
    assert isinstance(make_brief_renderer("text", io.StringIO()), MarkdownBriefRenderer)


MARKUP = set("\\`*_[]<>#|~")


@given(st.text(alphabet=st.sampled_from("ab #*_-+>1.)[]\\`|~<\n"), max_size=30))
def test_escaped_text_reads_back_as_the_same_characters(text: str) -> None:
    escaped = escape(text)
    # Reading the escapes back gives the text; no markup character is left unescaped.
    read: list[str] = []
    i = 0
    while i < len(escaped):
        char = escaped[i]
        if char == "\\":
            read.append(escaped[i + 1])
            i += 2
            continue
        assert char not in MARKUP, escaped
        read.append(char)
        i += 1
    assert "".join(read) == text
    first = escaped.lstrip(" ")
    assert not first.startswith(("- ", "+ ")) and first not in ("-", "+")


def test_rich_renderer_writes_streamed_and_whole_parts_on_their_own_lines() -> None:
    from rich.console import Console

    from summarize.brief.build import Partial
    from summarize.brief.render import RichBriefRenderer

    out = io.StringIO()
    head = Headline("Minister announces plan", "الوزير يعلن خطة", "وكالة", None, ("m",))
    events: list[BriefEvent] = [
        Partial("headline", 0, "Minister"),
        Partial("headline", 0, " announces plan"),
        head,
        Partial("bullet", 0, "first"),
        Partial("bullet", 0, " fact"),
        Bullet(0, "first fact"),
        Bullet(1, "second fact"),  # not streamed: written whole
        Paragraph("The plan"),
        Paragraph(" costs."),
        Done(BRIEF),
    ]
    render_brief(events, RichBriefRenderer(Console(file=out, width=120, no_color=True)))
    lines = out.getvalue().split("\n")
    assert lines == [
        "Minister announces plan",
        "الوزير يعلن خطة",
        "وكالة · machine summary: m",
        "",
        " • first fact",
        " • second fact",
        "",
        "The plan costs.",
        "",
    ]
