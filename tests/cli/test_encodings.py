"""Damaged and legacy-encoded input through the CLI: no mojibake leaves with exit 0."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.batch.helpers import article, parse_lines
from tests.cli.helpers import run_cli

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch
# Windows-1256 reading of UTF-8 Arabic: ا is "ط§", ل is "ظ„".
MOJIBAKE_MARKS = ("ط§", "ظ„", "ظ…")


def _damaged(text: str) -> bytes:
    data = bytearray(text.encode("utf-8"))
    middle = len(data) // 2
    for offset in (0, 37, 101):
        data[middle + offset] = 0xFF
    return bytes(data)


def test_damaged_utf8_is_summarised_as_utf8_with_a_warning(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(_damaged(article(1, sentences=8)))
    res = run_cli(capsys, monkeypatch, [str(path), "--format", "json"])
    assert res.code == 0
    summary = json.loads(res.out)["summary"]
    assert summary and not any(mark in summary for mark in MOJIBAKE_MARKS)
    assert re.search(rf"warning: {re.escape(str(path))}: \d+ invalid UTF-8 byte sequence", res.err)


def test_batch_reads_damaged_utf8_as_utf8_and_says_so(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_bytes(_damaged(article(2, sentences=8)))
    res = run_cli(capsys, monkeypatch, ["batch", str(tmp_path), "-q"])
    assert res.code == 0
    (record,) = parse_lines(res.out)
    assert not any(mark in record["summary"] for mark in MOJIBAKE_MARKS)
    assert re.fullmatch(
        r".*: \d+ invalid UTF-8 byte sequence\(s\) replaced with U\+FFFD", record["warning"]
    )


def test_utf16_without_bom_is_read_not_called_binary(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    path = tmp_path / "utf16.txt"
    text = article(3, sentences=6)
    path.write_bytes(text.encode("utf-16-le"))
    res = run_cli(capsys, monkeypatch, [str(path), "--format", "json"])
    assert res.code == 0, res.err
    summary = json.loads(res.out)["summary"]
    # Sentences of the article, not necessarily adjacent ones (the ranker picks them).
    assert summary and all(part in text for part in re.split(r"(?<=\.) ", summary))


def test_bytes_beyond_repair_are_refused_with_one_line(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    data = bytearray(article(4).encode("utf-8"))
    data[1::3] = b"\xff" * len(data[1::3])
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(data))
    res = run_cli(capsys, monkeypatch, [str(path)])
    assert res.code == 1
    assert res.out == ""
    assert res.err.startswith(f"summarize: error: {path}: not text in a supported encoding")
    assert res.err.count("\n") == 1
