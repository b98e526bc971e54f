"""``summarize eval`` over tiny real CTranslate2 models: the real adapters run end to end.

The models have random weights, so only invariants are checked: every record gets an
output, scores are in range, the engine and model are reported, and runs repeat exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli
from tests.evaluate.fakes import dataset_rows, write_jsonl
from tests.tiny_models import install_tiny


def test_a_tiny_summariser_next_to_the_lead(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    isolated_home: Path,
) -> None:
    install_tiny(isolated_home, "mt5", "tiny-mt5")
    data = write_jsonl(tmp_path / "d.jsonl", dataset_rows())
    args = ["eval", str(data), "--model", "tiny-mt5", "-f", "json", "--resamples", "20"]
    first = run_cli(capsys, monkeypatch, args)
    assert first.code == 0, first.err
    report = json.loads(first.out)
    mt5, lead = report["systems"]
    assert (mt5["name"], lead["name"]) == ("tiny-mt5", "lead")
    assert (mt5["scored"], mt5["failures"]) == (6, 0)
    assert mt5["model"] == "tiny-mt5"
    assert mt5["records_per_s"] > 0
    for score in mt5["scores"].values():
        assert 0 <= score["low"] <= score["value"] <= score["high"] <= 100
    again = json.loads(run_cli(capsys, monkeypatch, args).out)
    assert again["systems"][0]["scores"] == mt5["scores"]


def test_a_tiny_translator(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    isolated_home: Path,
) -> None:
    install_tiny(isolated_home, "nllb", "tiny-nllb")
    rows = [
        {
            "id": "1",
            "ar": "افتتح الوزير الميناء الجديد.",
            "en": "The minister opened the new port.",
        },
        {"id": "2", "ar": "هطلت أمطار غزيرة على العاصمة.", "en": "Heavy rain fell on the capital."},
    ]
    data = write_jsonl(tmp_path / "t.jsonl", rows)
    args = ["eval", str(data), "--task", "translate", "-m", "tiny-nllb", "-f", "json"]
    res = run_cli(capsys, monkeypatch, [*args, "--resamples", "20"])
    assert res.code == 0, res.err
    (nllb,) = json.loads(res.out)["systems"]
    assert (nllb["name"], nllb["scored"], nllb["failures"]) == ("tiny-nllb", 2, 0)
    assert set(nllb["scores"]) == {"chrf++", "bleu"}
    for score in nllb["scores"].values():
        assert 0 <= score["low"] <= score["value"] <= score["high"] <= 100
