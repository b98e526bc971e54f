"""Fixtures for the cluster backend: a shared 2-worker LocalCluster, fakes, child processes."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.batch.cluster import fake_engines
from tests.batch.helpers import article, write_jsonl

# A retry is allowed once: a worker killed once costs one restart, one killed twice gives up.
ALLOWED_FAILURES = 1
# A hang guard, not a speed check: a killed worker's restart alone can take a minute or more
# on a loaded machine (a new process importing distributed and summarize).
TEST_TIMEOUT_S = 900


@contextmanager
def local_cluster(
    tmp_path_factory: pytest.TempPathFactory, allowed_failures: int = ALLOWED_FAILURES
) -> Iterator[dict[str, Any]]:
    """A 2-worker LocalCluster on loopback (its address, home, kill dir), closed after."""
    import dask
    from distributed import LocalCluster

    from summarize.batch.cluster.connect import LOCAL_CONFIG

    home = tmp_path_factory.mktemp("cluster_home")
    kill_dir = tmp_path_factory.mktemp("kill")
    env = {
        "SUMMARIZE_HOME": str(home),
        "SUMMARIZE_OFFLINE": "1",
        fake_engines.KILL_DIR: str(kill_dir),
    }
    with (
        dask.config.set(
            {
                **LOCAL_CONFIG,
                "distributed.scheduler.allowed-failures": allowed_failures,
                # Hang guards, not speed checks: a killed worker's restart on a loaded machine
                # may take longer than Dask's 30 s defaults, and a nanny that times out
                # restarting its worker leaves the cluster without it for good.
                "distributed.comm.timeouts.connect": f"{TEST_TIMEOUT_S}s",
                "distributed.comm.timeouts.tcp": f"{TEST_TIMEOUT_S}s",
                # LOCAL_CONFIG restarts killed workers from a forkserver, as users' clusters do.
            }
        ),
        LocalCluster(
            host="127.0.0.1",
            n_workers=2,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=50,
            env=env,
        ) as cluster,
    ):
        yield {"address": cluster.scheduler_address, "home": home, "kill_dir": kill_dir}


@pytest.fixture(scope="module")
def shared_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A cluster shared by a test module's tests, none of which kills its workers.

    A test that kills workers starts its own (:func:`local_cluster`): the restart of a killed
    worker is slow on a loaded machine, and no test may depend on what another left behind.
    """
    with local_cluster(tmp_path_factory) as cluster:
        yield cluster


@pytest.fixture
def fakes() -> Iterator[None]:
    """The fake engines in this process's registry, for one test."""
    fake_engines.register()
    yield
    fake_engines.unregister()


def articles(path: Path, count: int, cues: dict[int, str] | None = None) -> Path:
    """``count`` made-up Arabic articles as JSON Lines; ``cues[i]`` is appended to article i."""
    cues = cues or {}
    records = [
        {"id": f"a{i}", "text": article(i) + (f" {cues[i]}." if i in cues else ""), "url": f"u{i}"}
        for i in range(count)
    ]
    return write_jsonl(path, records)


def with_bad_lines(path: Path, count: int) -> Path:
    """Good articles with bad records among them: each kind the batch reader reports."""
    articles(path, count)
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = [
        "{not json",
        json.dumps({"id": "no-text", "title": "x"}),
        json.dumps({"id": "not-a-string", "text": 42}),
        json.dumps({"id": "empty", "text": ""}),
        "[1, 2]",
    ]
    for offset, line in enumerate(bad):
        lines.insert(3 + offset * 4, line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_records(path: Path) -> list[dict[str, Any]]:
    """The JSON records of an output file, one per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def descendants(pid: int | None = None) -> set[int]:
    """Live descendant processes of ``pid`` (default: this one), from /proc.

    Python's multiprocessing resource tracker and fork server are left out: they belong to
    the interpreter, not to a cluster, and live until the interpreter exits. The processes
    forked from the server (the workers) are counted: their parent is the server.
    """
    parents: dict[int, int] = {}
    commands: dict[int, bytes] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and b"resource_tracker" not in cmdline:
            parents[int(entry)] = int(fields[1])
            commands[int(entry)] = cmdline
    server = b"multiprocessing.forkserver"
    servers = {
        child
        for child, parent in parents.items()
        if server in commands[child] and server not in commands.get(parent, b"")
    }
    found: set[int] = set()
    frontier = {os.getpid() if pid is None else pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found - servers


@pytest.fixture(autouse=True)
def deadline() -> Iterator[None]:
    """Fail a cluster test that hangs instead of waiting for it forever."""
    import signal

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"cluster test still running after {TEST_TIMEOUT_S} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(TEST_TIMEOUT_S)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)
