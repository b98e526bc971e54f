"""English output gets an English headline: the translation in ``title``, the Arabic original
in ``title_ar`` (tiny real models: the words are made up, the fields and their order are not)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.text.layout import is_rtl
from tests.brief.helpers import TITLE, titled_article, write
from tests.cli.helpers import run_cli
from tests.tiny_models import install_tiny

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


@pytest.mark.parametrize(
    ("argv", "family"),
    [
        (["translate", "FILE", "--to", "en"], "nllb"),
        (["FILE", "--lang", "en"], "nllb"),  # extractive summary, then the translator
        (["FILE", "--lang", "en"], "crosssum"),  # a cross-lingual summariser, no translator
    ],
)
def test_english_output_has_a_translated_headline(
    capsys: Capsys,
    monkeypatch: Patch,
    isolated_home: Path,
    tmp_path: Path,
    argv: list[str],
    family: str,
) -> None:
    install_tiny(isolated_home, family)
    path = write(tmp_path, titled_article())
    args = [str(path) if a == "FILE" else a for a in argv]
    res = run_cli(capsys, monkeypatch, [*args, "-f", "json", "-q"])
    assert res.code == 0, res.err
    record = json.loads(res.out)
    assert record["title_ar"] == TITLE
    assert record["title"] and record["title"] != TITLE


def test_arabic_output_keeps_its_headline(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    path = write(tmp_path, titled_article())
    record = json.loads(run_cli(capsys, monkeypatch, [str(path), "-f", "json", "-q"]).out)
    assert record["title"] == TITLE and "title_ar" not in record
    assert is_rtl(record["title"])


def test_batch_records_in_english_carry_both_headlines(
    capsys: Capsys, monkeypatch: Patch, isolated_home: Path, tmp_path: Path
) -> None:
    install_tiny(isolated_home, "nllb")
    data = tmp_path / "in.jsonl"
    line = {"id": "a", "text": titled_article().split("\n", 1)[1], "title": TITLE}
    data.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    res = run_cli(capsys, monkeypatch, ["batch", str(data), "--task", "translate", "-q"])
    assert res.code == 0, res.err
    record = json.loads(res.out)
    assert record["title_ar"] == TITLE and record["title"] != TITLE
