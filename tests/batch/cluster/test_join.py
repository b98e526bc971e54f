"""The cluster backend joining a running cluster: same records as local batch, failures."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarize.batch.cluster.driver import run_cluster_batch
from summarize.batch.records import InputRecord
from summarize.batch.run import BatchConfig, run_batch
from summarize.engines.base import Length
from summarize.errors import ModelNotInstalledError, SummarizeError
from summarize.pipeline import SummaryOptions
from summarize.settings import Settings
from summarize.tasks import Summarize
from tests.batch.cluster import fake_engines
from tests.batch.cluster.conftest import articles, local_cluster, read_records, with_bad_lines
from tests.batch.helpers import without_ms

FAKES = (fake_engines.WORKER_MODULE,)


def config(inputs: Path, out: Path, **options: Any) -> BatchConfig:
    """A quiet batch job writing ``out``; ``options`` go to SummaryOptions, bar ``window``."""
    window = options.pop("window", 4)
    resume = options.pop("resume", False)
    quiet = options.pop("quiet", True)
    return BatchConfig(
        inputs=[str(inputs)],
        task=Summarize(SummaryOptions(length=Length(sentences=2), **options)),
        settings=Settings.from_env(),
        output=str(out),
        resume=resume,
        workers=1,
        window=window,
        quiet=quiet,
    )


def test_same_records_as_local_batch_bad_lines_included(
    shared_cluster: dict[str, Any], tmp_path: Path
) -> None:
    data = with_bad_lines(tmp_path / "in.jsonl", 30)
    local, remote = tmp_path / "local.jsonl", tmp_path / "cluster.jsonl"
    with pytest.raises(SummarizeError, match="5 of 35 records failed"):
        run_batch(config(data, local, engine="extractive"))
    with pytest.raises(SummarizeError, match="5 of 35 records failed"):
        run_cluster_batch(
            config(data, remote, engine="extractive"), shared_cluster["address"], 2, None
        )
    records = read_records(remote)
    assert without_ms(records) == without_ms(read_records(local))
    failed = [r["id"] for r in records if "error" in r]
    assert failed == ["line-4", "no-text", "not-a-string", "empty", "line-20"]
    assert [r["id"] for r in records if "summary" in r] == [f"a{i}" for i in range(30)]
    assert all(r["engine"] == "extractive" and r["url"] for r in records if "summary" in r)


def test_a_record_that_raises_becomes_an_error_record(
    shared_cluster: dict[str, Any], tmp_path: Path, fakes: None
) -> None:
    data = articles(tmp_path / "in.jsonl", 24, {5: "BOOM", 17: "BOOM"})
    local, remote = tmp_path / "local.jsonl", tmp_path / "cluster.jsonl"
    job = {"engine": fake_engines.ENGINE}
    with pytest.raises(SummarizeError, match="2 of 24 records failed"):
        run_cluster_batch(
            config(data, remote, **job), shared_cluster["address"], 2, None, imports=FAKES
        )
    with pytest.raises(SummarizeError, match="2 of 24 records failed"):
        run_batch(config(data, local, **job))
    records = read_records(remote)
    assert without_ms(records) == without_ms(read_records(local))
    errors = {r["id"]: r["error"] for r in records if "error" in r}
    assert errors == {
        "a5": "RuntimeError: scripted failure",
        "a17": "RuntimeError: scripted failure",
    }
    assert [r["id"] for r in records] == [f"a{i}" for i in range(24)]


def test_a_worker_killed_mid_run_loses_nothing(
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    fakes: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = articles(tmp_path / "in.jsonl", 40, {13: "KILLONCE"})
    local, remote = tmp_path / "local.jsonl", tmp_path / "cluster.jsonl"
    job = {"engine": fake_engines.ENGINE}
    with local_cluster(tmp_path_factory) as cluster:
        marker = cluster["kill_dir"] / "killed"
        monkeypatch.setenv(fake_engines.KILL_DIR, str(cluster["kill_dir"]))
        tally = run_cluster_batch(
            config(data, remote, **job), cluster["address"], 2, None, imports=FAKES
        )
    # The marker is written just before the worker kills itself: the kill did happen.
    assert marker.exists()
    # In this process the marker exists, so the engine runs the record instead of dying.
    run_batch(config(data, local, **job))
    assert (tally.written, tally.errors) == (40, 0)
    assert without_ms(read_records(remote)) == without_ms(read_records(local))


def test_a_batch_that_kills_every_worker_becomes_error_records(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, fakes: None
) -> None:
    data = articles(tmp_path / "in.jsonl", 20, {9: "KILLALWAYS"})
    calm = articles(tmp_path / "calm.jsonl", 20)
    out, local = tmp_path / "cluster.jsonl", tmp_path / "local.jsonl"
    job = {"engine": fake_engines.ENGINE}
    # A cluster of its own: the workers it kills restart slowly on a loaded machine, and
    # the next test must not wait for them. One retry, as for a real run: with none, a record
    # that only shared a worker with the killer could be given up too.
    with (
        local_cluster(tmp_path_factory) as cluster,
        pytest.raises(SummarizeError, match="1 of 20 records failed"),
    ):
        run_cluster_batch(config(data, out, **job), cluster["address"], 2, None, imports=FAKES)
    run_batch(config(calm, local, **job))
    records = read_records(out)
    assert [r["id"] for r in records] == [f"a{i}" for i in range(20)]
    # Its batch (a8-a11, window 4) was split up: only the record that kills is lost.
    assert records[9] == {
        "id": "a9",
        "error": "the worker processing this record died each time it was run (2 workers)",
        "url": "u9",
    }
    others = [r for r in records if r["id"] != "a9"]
    assert without_ms(others) == without_ms([r for r in read_records(local) if r["id"] != "a9"])


def test_resume_skips_done_ids_and_appends_the_rest(
    shared_cluster: dict[str, Any], tmp_path: Path
) -> None:
    full = articles(tmp_path / "all.jsonl", 30)
    head = tmp_path / "head.jsonl"
    head.write_text(
        "".join(full.read_text(encoding="utf-8").splitlines(True)[:12]), encoding="utf-8"
    )
    local, remote = tmp_path / "local.jsonl", tmp_path / "cluster.jsonl"
    address = shared_cluster["address"]
    run_cluster_batch(config(head, remote, engine="extractive"), address, 2, None)
    tally = run_cluster_batch(
        config(full, remote, engine="extractive", resume=True), address, 2, None
    )
    run_batch(config(full, local, engine="extractive"))
    assert (tally.skipped, tally.written) == (12, 18)
    assert without_ms(read_records(remote)) == without_ms(read_records(local))


def test_joins_through_a_scheduler_file_or_the_environment(
    shared_cluster: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A scheduler file as `dask scheduler --scheduler-file` writes it; a client reads only the
    # address from it. (Client.write_scheduler_file would serialise scheduler_info(), which
    # may hold tuple-keyed metrics once tasks have run, and then fail depending on timing.)
    scheduler_file = tmp_path / "scheduler.json"
    identity = {"type": "Scheduler", "address": shared_cluster["address"]}
    scheduler_file.write_text(json.dumps(identity), encoding="utf-8")
    data = articles(tmp_path / "in.jsonl", 6)
    by_file, by_env = tmp_path / "file.jsonl", tmp_path / "env.jsonl"
    run_cluster_batch(config(data, by_file, engine="extractive"), None, 1, str(scheduler_file))
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", shared_cluster["address"])
    run_cluster_batch(config(data, by_env, engine="extractive"), None, 1, None)
    assert [r["id"] for r in read_records(by_file)] == [f"a{i}" for i in range(6)]
    assert without_ms(read_records(by_env)) == without_ms(read_records(by_file))


def test_a_worker_without_the_model_or_a_module_fails_in_one_line(
    shared_cluster: dict[str, Any], tmp_path: Path
) -> None:
    data = articles(tmp_path / "in.jsonl", 4)
    address = shared_cluster["address"]
    with pytest.raises(ModelNotInstalledError) as missing_model:
        run_cluster_batch(
            config(data, tmp_path / "a.jsonl", model="not-installed"), address, 2, None
        )
    message = str(missing_model.value)
    assert message.startswith("worker could not load engine: ") and "not-installed" in message
    assert "\n" not in message and missing_model.value.exit_code == 3
    with pytest.raises(SummarizeError) as missing_module:
        job = config(data, tmp_path / "b.jsonl", engine="extractive")
        run_cluster_batch(job, address, 2, None, imports=("tests.batch.cluster.no_such_module",))
    assert str(missing_module.value) == (
        "worker could not load engine: ModuleNotFoundError: "
        "No module named 'tests.batch.cluster.no_such_module'"
    )
    # The failed setup left nothing behind on the cluster: the next run works.
    tally = run_cluster_batch(
        config(data, tmp_path / "c.jsonl", engine="extractive"), address, 2, None
    )
    assert (tally.written, tally.errors) == (4, 0)


def test_engine_notices_reach_stderr_once_as_in_local_batch(
    shared_cluster: dict[str, Any], tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    data = articles(tmp_path / "in.jsonl", 8)
    local, remote = tmp_path / "local.jsonl", tmp_path / "cluster.jsonl"
    run_batch(config(data, local, quiet=False))
    local_err = capfd.readouterr().err
    run_cluster_batch(config(data, remote, quiet=False), shared_cluster["address"], 2, None)
    captured = capfd.readouterr()
    notice = "No neural summariser installed: using the extractive engine"
    assert local_err.count(notice) == 1
    assert captured.err.count(notice) == 1
    assert captured.out == ""
    assert without_ms(read_records(remote)) == without_ms(read_records(local))


def test_the_driver_reads_lazily_and_bounds_work_in_flight(
    shared_cluster: dict[str, Any], tmp_path: Path
) -> None:
    from distributed import Client

    from summarize.batch.cluster.flow import ordered_outputs
    from summarize.batch.cluster.worker import EnginePlugin
    from summarize.batch.inputs import read_inputs

    records = list(read_inputs([str(articles(tmp_path / "in.jsonl", 40))]))
    pulled = 0

    def batches() -> Iterator[list[InputRecord]]:
        nonlocal pulled
        for start in range(0, len(records), 2):
            pulled += 1
            yield records[start : start + 2]

    job = Summarize(SummaryOptions(engine="extractive"))
    seen = []
    with Client(shared_cluster["address"], set_as_default=False) as client:
        client.register_plugin(EnginePlugin("bounded", job, Settings.from_env()), name="bounded")
        for n, record in enumerate(ordered_outputs(client, "bounded", batches(), limit=3)):
            # Batches taken from the input, minus those written in full: at most 3.
            assert pulled - n // 2 <= 3
            seen.append(record["id"])
        client.unregister_worker_plugin("bounded")
    assert (seen, pulled) == ([f"a{i}" for i in range(40)], 20)


def test_each_worker_loads_the_engine_once(shared_cluster: dict[str, Any], tmp_path: Path) -> None:
    loads = shared_cluster["kill_dir"] / fake_engines.LOADS_FILE
    loads.unlink(missing_ok=True)
    data = articles(tmp_path / "in.jsonl", 40)
    job = config(data, tmp_path / "out.jsonl", engine=fake_engines.COUNTED_ENGINE)
    tally = run_cluster_batch(job, shared_cluster["address"], 2, None, imports=FAKES)
    pids = loads.read_text().split()
    # Ten batches of four, on two workers: two engine builds, one per worker process.
    assert (tally.written, tally.errors) == (40, 0)
    assert len(pids) == 2 and len(set(pids)) == 2
