"""The registry: summarisers and translators by name, the built-in lead engine."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from summarize.engines import (
    SummaryOptions,
    engine_names,
    register_translator,
    resolve_summarizer,
    resolve_translator,
    unregister_translator,
)
from summarize.engines.base import Document
from summarize.errors import ModelNotInstalledError
from summarize.settings import Settings
from tests.cli.helpers import run_cli

ARTICLE = "الجملة الأولى في الخبر. والجملة الثانية فيه. وثالثة في آخره."


class UpperTranslator:
    """A fake translator: the text in capitals, whatever the language."""

    name = "upper"
    model: str | None = "upper-1"

    def translate(self, doc: Document, target_lang: str) -> Iterator[str]:
        """The whole text at once."""
        yield f"[{target_lang}] {doc.text.upper()}"

    def close(self) -> None:
        """Nothing held."""


@pytest.fixture
def upper() -> Iterator[None]:
    register_translator("upper", lambda settings, model: UpperTranslator())
    yield
    unregister_translator("upper")


def test_a_registered_translator_is_chosen_by_name(upper: None) -> None:
    engine = resolve_translator("upper", Settings.from_env(), source_lang="ar", target_lang="en")
    assert isinstance(engine, UpperTranslator)
    unregister_translator("upper")
    with pytest.raises(ModelNotInstalledError):
        resolve_translator("upper", Settings.from_env(), source_lang="ar", target_lang="en")


def test_translate_command_uses_the_registry(capsys, monkeypatch, upper: None) -> None:
    argv = ["translate", "-", "--model", "upper", "-f", "json"]
    res = run_cli(capsys, monkeypatch, argv, ARTICLE.encode())
    assert res.code == 0, res.err
    record = json.loads(res.out)
    assert record["translation"].startswith("[en] ")
    assert (record["engine"], record["model"]) == ("upper", "upper-1")


def test_lead_is_an_engine_like_the_others(capsys, monkeypatch) -> None:
    assert "lead" in engine_names()
    engine = resolve_summarizer(SummaryOptions(engine="lead"), "ar", "ar", Settings.from_env())
    assert engine.name == "lead"
    argv = ["-", "--engine", "lead", "--sentences", "2", "-f", "json"]
    res = run_cli(capsys, monkeypatch, argv, ARTICLE.encode())
    assert res.code == 0, res.err
    assert json.loads(res.out)["summary"] == "الجملة الأولى في الخبر. والجملة الثانية فيه."
