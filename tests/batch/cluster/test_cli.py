"""``summarize batch --cluster`` through the real CLI entry point: records and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarize.cli.batch import cluster_without_address
from tests.batch.cluster.conftest import articles, read_records, with_bad_lines
from tests.batch.helpers import without_ms
from tests.cli.helpers import run_cli

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


def test_cluster_records_equal_local_records_and_stdout_stays_empty(
    shared_cluster: dict[str, Any], tmp_path: Path, capsys: Capsys, monkeypatch: Patch
) -> None:
    data = with_bad_lines(tmp_path / "in.jsonl", 12)
    local, remote = tmp_path / "local.jsonl", tmp_path / "cluster.jsonl"
    common = ["batch", str(data), "--engine", "extractive", "--sentences", "2", "--batch-size", "4"]
    first = run_cli(capsys, monkeypatch, [*common, "-o", str(local), "--workers", "1"])
    address = shared_cluster["address"]
    second = run_cli(capsys, monkeypatch, [*common, "-o", str(remote), "--cluster", address])
    assert (first.code, second.code) == (1, 1)
    assert second.out == ""
    assert "5 of 17 records failed" in second.err
    assert without_ms(read_records(remote)) == without_ms(read_records(local))


def test_cluster_local_writes_stdout_in_order(
    tmp_path: Path, capsys: Capsys, monkeypatch: Patch
) -> None:
    data = articles(tmp_path / "in.jsonl", 10)
    args = ["batch", str(data), "--engine", "extractive", "--cluster", "local", "--workers", "2"]
    result = run_cli(capsys, monkeypatch, [*args, "-q"])
    assert result.code == 0, result.err
    assert result.err == ""
    assert [json.loads(line)["id"] for line in result.out.splitlines()] == [
        f"a{i}" for i in range(10)
    ]


def test_cluster_usage_and_model_errors_keep_their_exit_codes(
    shared_cluster: dict[str, Any], tmp_path: Path, capsys: Capsys, monkeypatch: Patch
) -> None:
    data = articles(tmp_path / "in.jsonl", 2)
    address = shared_cluster["address"]
    both = ["batch", str(data), "--cluster", address, "--scheduler-file", str(tmp_path / "s")]
    usage = run_cli(capsys, monkeypatch, both)
    assert usage.code == 2 and "not both" in usage.err and usage.out == ""
    missing = run_cli(
        capsys, monkeypatch, ["batch", str(data), "--cluster", address, "--model", "nope"]
    )
    assert missing.code == 3 and missing.out == ""
    assert "worker could not load engine: " in missing.err and "nope" in missing.err


def test_a_bare_cluster_flag_means_auto(tmp_path: Path) -> None:
    data = articles(tmp_path / "in.jsonl", 1)
    assert cluster_without_address(["in", "--cluster"]) == ["in", "--cluster", "auto"]
    assert cluster_without_address(["--cluster", "-o", "x"]) == ["--cluster", "auto", "-o", "x"]
    assert cluster_without_address(["--cluster", "-"]) == ["--cluster", "auto", "-"]
    # An existing file after the flag is an input, not an address...
    assert cluster_without_address(["--cluster", str(data)]) == ["--cluster", "auto", str(data)]
    # ...while keywords, URLs and host:port are addresses, whatever exists on disk.
    for address in ("local", "auto", "tcp://10.0.0.5:8786", "scheduler:8786", "somehost"):
        assert cluster_without_address(["--cluster", address]) == ["--cluster", address]


@pytest.mark.parametrize("where", ["before the input", "last"])
def test_a_bare_cluster_flag_joins_the_environment_scheduler(
    where: str, tmp_path: Path, capsys: Capsys, monkeypatch: Patch
) -> None:
    import socket

    from summarize.batch.cluster import connect as cluster_connect

    monkeypatch.setattr(cluster_connect, "CONNECT_TIMEOUT_S", 1)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", f"tcp://127.0.0.1:{port}")
    data = str(articles(tmp_path / "in.jsonl", 2))
    args = ["--cluster", data] if where == "before the input" else [data, "--cluster"]
    result = run_cli(capsys, monkeypatch, ["batch", *args, "--engine", "extractive"])
    assert result.code == 1 and result.out == ""
    assert f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in result.err
