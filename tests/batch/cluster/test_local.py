"""The cluster backend on a LocalCluster it starts itself: models, quiet, nothing left."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from summarize.batch.cluster.connect import ENV_ADDRESS, cluster_target
from summarize.batch.cluster.driver import run_cluster_batch
from summarize.batch.run import BatchConfig, run_batch
from summarize.engines.base import Length
from summarize.errors import SummarizeError, UsageError
from summarize.pipeline import SummaryOptions
from summarize.settings import Settings
from summarize.tasks import Summarize
from tests.batch.cluster import fake_engines
from tests.batch.cluster.conftest import articles, descendants, read_records
from tests.batch.helpers import without_ms
from tests.hang import HANG_S
from tests.tiny_models import install_tiny


def config(inputs: Path, out: Path, options: SummaryOptions, window: int = 4) -> BatchConfig:
    """A quiet batch job over ``inputs`` writing ``out``."""
    return BatchConfig(
        inputs=[str(inputs)],
        task=Summarize(options),
        settings=Settings.from_env(),
        output=str(out),
        workers=1,
        window=window,
        quiet=True,
    )


def test_a_tiny_ctranslate2_model_gives_the_local_records(
    tmp_path: Path, isolated_home: Path
) -> None:
    install_tiny(isolated_home, "mt5", "tiny-mt5")
    data = articles(tmp_path / "in.jsonl", 12)
    local, remote = tmp_path / "local.jsonl", tmp_path / "cluster.jsonl"
    options = SummaryOptions(length=Length(max_words=20), model="tiny-mt5")
    run_batch(config(data, local, options))
    # The local cluster's workers read the driver's store (SUMMARIZE_HOME): the tiny model.
    run_cluster_batch(config(data, remote, options), "local", 2, None)
    records = read_records(remote)
    assert [(r["id"], r["engine"], r["model"]) for r in records] == [
        (f"a{i}", "neural", "tiny-mt5") for i in range(12)
    ]
    assert without_ms(records) == without_ms(read_records(local))


def test_a_local_cluster_is_quiet_and_leaves_no_process(
    tmp_path: Path, fakes: None, capfd: pytest.CaptureFixture[str]
) -> None:
    before = descendants()
    data = articles(tmp_path / "in.jsonl", 80)
    out = tmp_path / "cluster.jsonl"
    options = SummaryOptions(engine=fake_engines.PID_ENGINE)
    imports = (fake_engines.WORKER_MODULE,)
    tally = run_cluster_batch(config(data, out, options), "local", 2, None, imports=imports)
    after = descendants()
    assert (tally.written, tally.errors) == (80, 0)
    # The pid engine writes the process that ran each record: two workers, not this one.
    summaries = [str(r["summary"]).split(" ", 1) for r in read_records(out)]
    workers = {int(pid) for pid, _ in summaries}
    assert len(workers) == 2 and os.getpid() not in workers
    # Workers are forks of a forkserver (a killed one comes back fast on a loaded machine).
    assert all("multiprocessing.forkserver" in parent for _, parent in summaries)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    assert after <= before
    captured = capfd.readouterr()
    assert captured.out == ""
    assert "distributed" not in captured.err and "Traceback" not in captured.err


def test_the_cluster_target_follows_flag_then_file_then_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(ENV_ADDRESS, raising=False)
    assert cluster_target(None, None) is None
    assert cluster_target("auto", None) is None
    assert cluster_target("local", None) is None
    assert cluster_target("tcp://10.0.0.5:8786", None) == "tcp://10.0.0.5:8786"
    assert cluster_target(None, "/shared/scheduler.json") == "file:/shared/scheduler.json"
    monkeypatch.setenv(ENV_ADDRESS, "tcp://10.0.0.9:8786")
    assert cluster_target(None, None) == "tcp://10.0.0.9:8786"
    assert cluster_target("auto", None) == "tcp://10.0.0.9:8786"
    assert cluster_target("local", None) is None
    assert cluster_target(None, "/s.json") == "file:/s.json"
    with pytest.raises(UsageError, match="not both"):
        cluster_target("tcp://10.0.0.5:8786", "/s.json")
    with pytest.raises(UsageError, match="exclude each other"):
        cluster_target("local", "/s.json")


def test_without_dask_distributed_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A None entry in sys.modules makes `import distributed` raise ImportError.
    monkeypatch.setitem(sys.modules, "distributed", None)
    data = articles(tmp_path / "in.jsonl", 2)
    job = config(data, tmp_path / "out.jsonl", SummaryOptions(engine="extractive"))
    with pytest.raises(SummarizeError) as raised:
        run_cluster_batch(job, "local", 1, None)
    assert str(raised.value) == (
        "the cluster backend needs Dask distributed: install with pip install 'summarize[cluster]'"
    )
    assert not (tmp_path / "out.jsonl").exists()


def test_an_unreachable_scheduler_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    from summarize.batch.cluster import connect as cluster_connect

    monkeypatch.setattr(cluster_connect, "CONNECT_TIMEOUT_S", 1)
    # A port that was free a moment ago: nothing listens there.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = articles(tmp_path / "in.jsonl", 2)
    job = config(data, tmp_path / "out.jsonl", SummaryOptions(engine="extractive"))
    with pytest.raises(
        SummarizeError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"
    ):
        run_cluster_batch(job, f"tcp://127.0.0.1:{port}", 1, None)


BLOCK_SUMMARIZE = """
import sys
from importlib.abc import MetaPathFinder


class NoSummarize(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "summarize" or name.startswith("summarize."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, NoSummarize())
from distributed.cli.dask_worker import main

sys.argv = ["dask-worker", *sys.argv[1:]]
main()
"""


def test_a_worker_without_the_package_fails_in_one_line(tmp_path: Path) -> None:
    import subprocess

    from distributed import LocalCluster

    data = articles(tmp_path / "in.jsonl", 2)
    job = config(data, tmp_path / "out.jsonl", SummaryOptions(engine="extractive"))
    with LocalCluster(
        host="127.0.0.1", n_workers=0, dashboard_address=None, silence_logs=50
    ) as cluster:
        # A worker machine where `summarize` is not installed (imports of it fail).
        args = [cluster.scheduler_address, "--nthreads", "1", "--no-nanny", "--no-dashboard"]
        worker = subprocess.Popen(
            [sys.executable, "-c", BLOCK_SUMMARIZE, *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            with pytest.raises(SummarizeError) as raised:
                run_cluster_batch(job, cluster.scheduler_address, 1, None)
        finally:
            worker.terminate()
            worker.wait(timeout=HANG_S)
    # Dask sends this one back wrapped (the worker could not even unpickle the plugin).
    assert str(raised.value) == (
        "worker could not load engine: ModuleNotFoundError(\"No module named 'summarize'\"); "
        "install summarize on every worker: pip install 'summarize[cluster]'"
    )
    # The output was locked (created) before the cluster was reached: it holds no record.
    assert (tmp_path / "out.jsonl").read_bytes() == b""


def _listening(pids: set[int]) -> list[str]:
    """Addresses (HEX_IP:HEX_PORT) of TCP sockets that ``pids`` listen on, from /proc."""
    inodes = set()
    for pid in pids:
        try:
            links = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
        except OSError:
            continue
        inodes |= {link[8:-1] for link in links if link.startswith("socket:[")}
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                found.append(fields[1])
    return found


def test_a_local_cluster_listens_on_loopback_only(isolated_home: Path) -> None:
    from summarize.batch.cluster.connect import connect

    with connect(None, 2, str(isolated_home)) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        addresses = _listening({os.getpid(), *descendants()})
    # The scheduler and the nannies at least; every one of them on 127.0.0.1.
    assert len(addresses) >= 3
    assert all(
        a.split(":")[0] in ("0100007F", "0000000000000000FFFF00000100007F") for a in addresses
    )


def test_a_local_cluster_is_capped_at_two_processes_per_cpu(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from contextlib import contextmanager

    from summarize.batch.cluster import driver

    asked: list[int] = []

    @contextmanager
    def connect(target: str | None, workers: int, home: str, log_level: int) -> Iterator[None]:
        asked.append(workers)
        raise SummarizeError("no cluster in this test")
        yield

    monkeypatch.setattr(driver, "connect", connect)
    monkeypatch.setattr(driver, "cpu_count", lambda: 2)
    data = articles(tmp_path / "in.jsonl", 2)
    job = config(data, tmp_path / "out.jsonl", SummaryOptions(engine="extractive"))
    with pytest.raises(SummarizeError, match="no cluster in this test"):
        run_cluster_batch(replace(job, quiet=False), "local", 100_000, None)
    assert asked == [4]
    assert "--workers 100000: using 4 processes (at most 2 per CPU" in capsys.readouterr().err
