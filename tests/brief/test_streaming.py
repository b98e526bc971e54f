"""Streaming: events in order, the headline out before the bullets are decoded, a terminal run."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from summarize.brief.build import (
    Bullet,
    Done,
    Headline,
    Paragraph,
    Partial,
    brief_record,
    stream_brief,
)
from summarize.brief.engines import BriefOptions, SentenceEngine, resolve_brief_engines
from summarize.engines.base import BatchSummarizer, Document, SentenceDecoder
from summarize.pipeline import prepare
from summarize.settings import Settings
from tests.brief.helpers import TITLE, titled_article, untitled_article, write
from tests.pty_run import run_in_terminal
from tests.tiny_models import install_tiny


def _settings(home: Path) -> Settings:
    return Settings(home=home, device="cpu", offline=True)


def _kinds(events: list[Any]) -> list[str]:
    return [type(e).__name__ for e in events]


@pytest.mark.parametrize(
    ("families", "text"),
    [
        (("nllb",), titled_article()),
        (("nllb",), untitled_article()),
        (("crosssum",), titled_article()),
        (("crosssum",), untitled_article()),
        (("crosssum", "marian"), titled_article()),
    ],
)
def test_events_come_headline_bullets_paragraph_done(
    isolated_home: Path, families: tuple[str, ...], text: str
) -> None:
    for family in families:
        install_tiny(isolated_home, family)
    options = BriefOptions(bullets=3, stream=True)
    engines = resolve_brief_engines(_settings(isolated_home), options)
    try:
        events = list(stream_brief(prepare(text), engines, options))
    finally:
        engines.close()
    kinds = [k for k in _kinds(events) if k != "Partial"]
    assert kinds[:4] == ["Headline", "Bullet", "Bullet", "Bullet"]
    assert set(kinds[4:-1]) == {"Paragraph"} and kinds[-1] == "Done"
    done = events[-1]
    assert isinstance(done, Done)
    brief = done.brief
    assert [e.text for e in events if isinstance(e, Bullet)] == list(brief.bullets)
    assert [e.index for e in events if isinstance(e, Bullet)] == [0, 1, 2]
    paragraph = "".join(e.text for e in events if isinstance(e, Paragraph))
    assert " ".join(paragraph.split()) == brief.summary
    headline = next(e for e in events if isinstance(e, Headline))
    assert headline.text == brief.headline
    _check_partials(events, titled=brief.headline_ar is not None)


def _check_partials(events: list[Any], *, titled: bool) -> None:
    """Streamed fragments come just before their complete event and add up to its text."""
    held: list[str] = []
    seen = set()
    for event in events:
        if isinstance(event, Partial):
            assert event.text
            held.append(event.text)
            seen.add((event.part, event.index))
        elif isinstance(event, Headline | Bullet):
            if held:
                assert " ".join("".join(held).split()) == event.text
            held = []
        else:
            assert not held
    # Bullets are always translated text; the headline too when the article has a title.
    assert ("bullet", 0) in seen and (("headline", 0) in seen) == titled


def test_headline_is_out_before_the_bullets_are_decoded(isolated_home: Path) -> None:
    install_tiny(isolated_home, "nllb")
    options = BriefOptions(bullets=4, stream=True)
    engines = resolve_brief_engines(_settings(isolated_home), options)
    decoded: list[int] = []
    neural = engines.sentences.engine.neural
    real_stream = neural.stream

    def counting(*args: Any, **kwargs: Any) -> Iterator[tuple[int, str]]:
        for unit, text in real_stream(*args, **kwargs):
            decoded.append(unit)
            yield unit, text

    neural.stream = counting
    try:
        events = stream_brief(prepare(titled_article()), engines, options)
        first = next(events)
        assert isinstance(first, Partial) and first.part == "headline"
        assert set(decoded) == {0}  # the first words of the title, nothing of the bullets
        for event in events:
            if isinstance(event, Headline):
                break
        # Knowing the title ended takes one look ahead: at most one fragment of unit 1.
        assert event.original == TITLE and set(decoded) <= {0, 1} and decoded.count(1) <= 1
        rest = list(events)
    finally:
        engines.close()
    # The title is unit 0; the bullets (units 1..4) are decoded after it is shown.
    assert set(decoded) >= {0, 1, 2, 3, 4}
    assert sum(isinstance(e, Bullet) for e in rest) == 4


@pytest.mark.parametrize("beam", [None, 1, 2])
def test_streamed_brief_equals_batch_brief(isolated_home: Path, beam: int | None) -> None:
    install_tiny(isolated_home, "nllb")
    prepared = prepare(titled_article())
    records = []
    for options in (BriefOptions(stream=True, beam=beam), BriefOptions(beam=beam)):
        engines = resolve_brief_engines(_settings(isolated_home), options)
        try:
            records.append(brief_record(prepared, engines, options))
        finally:
            engines.close()
    assert records[0] == records[1]
    assert len(records[0]["bullets"]) == 4


class _Upper:
    """A fake translator without a neural model: goes through the public protocol."""

    name = "upper"
    model: str | None = "upper-1"

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def translate(self, doc: Document, target_lang: str) -> Iterator[str]:
        yield doc.text.upper()

    def translate_batch(self, docs: list[Document], target_lang: str) -> list[str]:
        self.batches.append([d.text for d in docs])
        return [f"<{target_lang}>{d.text}" for d in docs]

    def close(self) -> None:
        """Nothing held."""


def test_sentence_engine_without_a_neural_model_uses_one_batch_call() -> None:
    fake = _Upper()
    engine = SentenceEngine(fake)
    out = list(engine.stream(["أ", "ب", "أ"], "ar", "en"))
    assert out == [(0, "<en>أ"), (1, "<en>ب"), (2, "<en>أ")]
    assert fake.batches == [["أ", "ب", "أ"]]


def test_terminal_shows_title_metadata_then_bullets(isolated_home: Path, tmp_path: Path) -> None:
    install_tiny(isolated_home, "nllb")
    path = write(tmp_path, titled_article())
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "400", "TERM": "xterm-256color"}
    args = [sys.executable, "-m", "summarize", "brief", str(path), "--bullets", "3", "-q"]
    code, screen = run_in_terminal(args, env)
    assert code == 0, screen
    plain = re.sub(r"\x1b\[[0-9;]*m", "", screen.replace("\r", ""))
    lines = [line for line in plain.split("\n") if line.strip()]
    title_at = next(i for i, line in enumerate(lines) if TITLE in line)
    meta_at = next(i for i, line in enumerate(lines) if "machine summary" in line)
    bullet_rows = [i for i, line in enumerate(lines) if line.startswith(" • ")]
    assert title_at == 1  # the English heading is the first line, the Arabic title under it
    assert title_at < meta_at < bullet_rows[0]
    assert len(bullet_rows) == 3 and bullet_rows == list(range(bullet_rows[0], bullet_rows[0] + 3))
    assert bullet_rows[-1] < len(lines) - 1  # the paragraph follows
    assert not re.search(r"\x1b\[[0-9;]*3[0-9]m", screen)  # NO_COLOR: styles, no colours


def test_brief_records_share_engines_and_do_not_depend_on_order(isolated_home: Path) -> None:
    """What batch mode does: one set of engines, one record per article."""
    from summarize.errors import InputError

    install_tiny(isolated_home, "nllb")
    articles = [prepare(t) for t in (titled_article(), untitled_article(), titled_article(6, 5))]
    options = BriefOptions(bullets=2)
    engines = resolve_brief_engines(_settings(isolated_home), options)
    try:
        forward = [brief_record(p, engines, options) for p in articles]
        backward = [brief_record(p, engines, options) for p in reversed(articles)][::-1]
        with pytest.raises(InputError):
            brief_record(prepare("The minister said the plan works today.\n"), engines, options)
    finally:
        engines.close()
    assert forward == backward
    assert [r["headline_ar"] is None for r in forward] == [False, True, False]
    assert all(len(r["bullets"]) == 2 for r in forward)
    assert forward[0]["bullets"] != forward[2]["bullets"]


class _Spelled(_Upper):
    """A fake engine that is a SentenceDecoder: one unit per word, decoded by spelling it."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[list[list[str]]] = []

    def units(self, text: str) -> list[list[str]]:
        return [[word] for word in text.split()]

    def decode_units(
        self, units: Sequence[list[str]], source_lang: str, target_lang: str
    ) -> Iterator[tuple[int, str]]:
        self.calls.append([list(u) for u in units])
        for i, unit in enumerate(units):
            yield i, "-".join(unit[0])


def test_a_sentence_decoder_gets_every_unique_unit_in_one_call() -> None:
    # The protocol, not the engine's class or its attributes, puts it on the unit path.
    fake = _Spelled()
    assert isinstance(fake, SentenceDecoder)
    out = list(SentenceEngine(fake).stream(["ab cd", "cd", "ab"], "ar", "en"))
    assert fake.calls == [[["ab"], ["cd"]]] and fake.batches == []
    texts = ["", "", ""]
    for i, piece in out:
        texts[i] += piece
    assert texts == ["a-b c-d", "c-d", "a-b"]


def test_a_fallback_batches_only_when_its_engine_does() -> None:
    from summarize.engines.extractive.engine import ExtractiveEngine
    from summarize.engines.resolve import fallback

    class Batching(ExtractiveEngine):
        def summarize_batch(self, docs: Sequence[Document], length: Any, lang: str) -> list[str]:
            return ["".join(self.summarize(d, length, lang)) for d in docs]

    assert not isinstance(fallback(ExtractiveEngine(), "n"), BatchSummarizer)
    wrapped = fallback(Batching(), "n")
    assert isinstance(wrapped, BatchSummarizer) and wrapped.notice == "n"
    # No attribute passes through by accident: a brief cannot see inside a fallback.
    assert not isinstance(wrapped, SentenceDecoder)
    assert not hasattr(wrapped, "ranker")
