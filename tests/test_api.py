"""The Python API (``import summarize``): the same results as the command line, engines reused."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import summarize
from summarize.engines.base import Document, Length
from tests.brief.helpers import titled_article, write
from tests.cli.helpers import run_cli
from tests.engines.neural.neural_helpers import arabic_article
from tests.tiny_models import install_tiny

ARTICLE = arabic_article(4, seed=5)


class CountingEngine:
    """A fake summariser: the first sentence; counts how often it is built."""

    name = "counting"
    model: str | None = "counting-1"
    built = 0

    def __init__(self) -> None:
        CountingEngine.built += 1
        self.closed = False

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """The first sentence."""
        yield doc.sentences[0].text

    def close(self) -> None:
        """Remember the release."""
        self.closed = True


def test_summarise_matches_the_command_line(capsys, monkeypatch) -> None:
    res = run_cli(capsys, monkeypatch, ["-", "--sentences", "2", "-f", "json"], ARTICLE.encode())
    assert res.code == 0, res.err
    result = summarize.summarise(ARTICLE, sentences=2)
    assert result.to_dict() == json.loads(res.out)


def test_stream_yields_the_summary_in_pieces() -> None:
    pieces = list(summarize.stream(ARTICLE, sentences=3))
    assert len(pieces) > 1
    assert "".join(pieces).strip() == summarize.summarise(ARTICLE, sentences=3).text


def test_a_session_builds_its_engine_once(monkeypatch) -> None:
    summarize.register_summarizer("counting", lambda settings, model: CountingEngine())
    CountingEngine.built = 0
    try:
        with summarize.Session(engine="counting") as session:
            texts = [session.summarise(arabic_article(2, seed=s)).text for s in range(3)]
            (engine,) = session.engines()
        assert CountingEngine.built == 1
        assert isinstance(engine, CountingEngine) and engine.closed
        assert len(set(texts)) == 3
    finally:
        from summarize.engines import unregister_summarizer

        unregister_summarizer("counting")


def test_errors_are_summarize_errors() -> None:
    with pytest.raises(summarize.UsageError, match="unsupported language 'fr'"):
        summarize.summarise(ARTICLE, lang="fr")
    with pytest.raises(summarize.InputError, match="empty"):
        summarize.summarise("  ")
    with pytest.raises(summarize.ModelNotInstalledError, match="summarize models pull"):
        summarize.translate(ARTICLE, to="en")


def test_translate_and_brief_on_tiny_models(
    capsys, monkeypatch, isolated_home: Path, tmp_path: Path
) -> None:
    install_tiny(isolated_home, "nllb")
    text = titled_article()
    path = write(tmp_path, text)
    res = run_cli(capsys, monkeypatch, ["translate", str(path), "--to", "en", "-f", "json"])
    assert res.code == 0, res.err
    assert summarize.translate(text, to="en").to_dict() == json.loads(res.out)
    res = run_cli(capsys, monkeypatch, ["brief", str(path), "--bullets", "2", "-f", "json"])
    assert res.code == 0, res.err
    assert summarize.write_brief(text, bullets=2).to_dict() == json.loads(res.out)


def test_import_summarize_loads_no_pipeline_until_asked() -> None:
    code = (
        "import sys, summarize\n"
        "assert 'summarize.pipeline' not in sys.modules\n"
        "summarize.summarise\n"
        "assert 'summarize.pipeline' in sys.modules\n"
        "print(all(hasattr(summarize, name) for name in summarize.__all__))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_one_spelling_and_its_older_names_agree() -> None:
    from summarize.engines.base import Length, SummaryOptions

    result = summarize.summarize(ARTICLE, sentences=2)
    assert summarize.summarise is summarize.summarize
    options = SummaryOptions(length=Length(sentences=2))
    assert summarize.summarize_text(ARTICLE, options) == result
    with summarize.Session(sentences=2) as session:
        assert session.run(ARTICLE) == session.summarise(ARTICLE) == result
