"""``summarize batch`` on tiny installed CTranslate2 models: same text as one by one, batched."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarize.engines.neural.engine import NeuralSummarizer, NeuralTranslator
from tests.batch.helpers import parse_lines, write_jsonl
from tests.brief.helpers import TITLE, titled_article, untitled_article
from tests.cli.helpers import run_cli
from tests.engines.neural.neural_helpers import arabic_article
from tests.tiny_models import install_tiny

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch
SIZES = (5, 1, 3, 1, 8)


def _articles(tmp_path: Path) -> tuple[Path, list[str]]:
    texts = [arabic_article(n, seed=30 + n) for n in SIZES]
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": t} for i, t in enumerate(texts)])
    return path, texts


def _count_calls(monkeypatch: Patch, cls: type, name: str) -> list[int]:
    """Wrap ``cls.name`` so each call records how many documents it got."""
    calls: list[int] = []
    real = getattr(cls, name)

    def wrapper(self: Any, docs: Any, *args: Any) -> Any:
        calls.append(len(docs))
        return real(self, docs, *args)

    monkeypatch.setattr(cls, name, wrapper)
    return calls


def test_batch_summaries_equal_the_single_article_command(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, isolated_home: Path
) -> None:
    install_tiny(isolated_home, "mt5", "mt5-xlsum")
    path, texts = _articles(tmp_path)
    calls = _count_calls(monkeypatch, NeuralSummarizer, "summarize_batch")
    res = run_cli(capsys, monkeypatch, ["batch", str(path), "--batch-size", "3", "-q"])
    assert res.code == 0, res.err
    records = parse_lines(res.out)
    assert calls == [3, 2]  # two windows, each one shared call
    assert [r["id"] for r in records] == list(range(len(SIZES)))
    assert {(r["engine"], r["model"], r["lang"]) for r in records} == {
        ("neural", "mt5-xlsum", "ar")
    }
    for i, text in enumerate(texts):
        doc = tmp_path / f"{i}.txt"
        doc.write_text(text, encoding="utf-8")
        one = run_cli(capsys, monkeypatch, [str(doc), "--format", "json", "-q"])
        assert one.code == 0, one.err
        assert records[i]["summary"] == json.loads(one.out)["summary"]
    assert len({r["summary"] for r in records}) > 1


def test_batch_translation_equals_the_translate_command(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, isolated_home: Path
) -> None:
    install_tiny(isolated_home, "nllb", "nllb-600m")
    path, texts = _articles(tmp_path)
    calls = _count_calls(monkeypatch, NeuralTranslator, "translate_batch")
    argv = ["batch", str(path), "--task", "translate", "--to", "en", "-q"]
    res = run_cli(capsys, monkeypatch, argv)
    assert res.code == 0, res.err
    records = parse_lines(res.out)
    assert calls == [len(SIZES)]
    assert all("summary" not in r and r["lang"] == "en" for r in records)
    for i, text in enumerate(texts):
        doc = tmp_path / f"{i}.txt"
        doc.write_text(text, encoding="utf-8")
        one = run_cli(capsys, monkeypatch, ["translate", str(doc), "--format", "json", "-q"])
        assert one.code == 0, one.err
        assert records[i]["translation"] == json.loads(one.out)["translation"]


def test_batch_briefs_equal_the_brief_command(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, isolated_home: Path
) -> None:
    install_tiny(isolated_home, "nllb")
    texts = [titled_article(3, seed=40), untitled_article(2, seed=41)]
    records = [{"id": f"a{i}", "text": t, "url": f"u{i}"} for i, t in enumerate(texts)]
    records.append({"id": "en", "text": "The minister spoke today. Prices rose again."})
    path = write_jsonl(tmp_path / "in.jsonl", records)
    argv = ["batch", str(path), "--task", "brief", "--bullets", "2", "--max-words", "12", "-q"]
    res = run_cli(capsys, monkeypatch, argv)
    assert res.code == 1  # the English article cannot be briefed
    out = parse_lines(res.out)
    assert [r["id"] for r in out] == ["a0", "a1", "en"]
    assert "a brief needs 'ar' text" in out[2]["error"]
    assert out[0]["headline_ar"] == TITLE and out[0]["url"] == "u0"
    for i, text in enumerate(texts):
        doc = tmp_path / f"{i}.txt"
        doc.write_text(text, encoding="utf-8")
        argv = ["brief", str(doc), "--bullets", "2", "--words", "12", "--format", "json", "-q"]
        one = run_cli(capsys, monkeypatch, argv)
        assert one.code == 0, one.err
        single = json.loads(one.out)
        assert len(single["bullets"]) == 2
        assert {k: out[i][k] for k in single} == single
        assert out[i]["chars_in"] == len(text)


def test_batch_brief_without_a_model_exits_3(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": titled_article(2)}])
    res = run_cli(capsys, monkeypatch, ["batch", str(path), "--task", "brief"])
    assert res.code == 3 and res.out == ""
    assert "summarize models pull" in res.err
