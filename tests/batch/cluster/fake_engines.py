"""Fake engines for the cluster tests.

Worker processes register them by importing :data:`WORKER_MODULE` (through
``run_cluster_batch(..., imports=(WORKER_MODULE,))``); the test process registers them
with :func:`register` for the length of a test only, so other tests see the registry
unchanged. Behaviour is driven by words in the article text:

- ``BOOM``: the engine raises (the record must become an error record);
- ``KILLONCE``: the worker process kills itself (SIGKILL) the first time, leaving a
  marker file in ``$FAKE_KILL_DIR`` so that the retry succeeds;
- ``KILLALWAYS``: the worker process kills itself every time.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

from summarize.engines import register_summarizer, unregister_summarizer
from summarize.engines.base import Document, Length
from summarize.settings import Settings

WORKER_MODULE = "tests.batch.cluster.worker_fakes"
ENGINE = "cluster-fake"
PID_ENGINE = "cluster-pid"
SLOW_ENGINE = "cluster-slow"
COUNTED_ENGINE = "cluster-counted"
LOADS_FILE = "loads.txt"
KILL_DIR = "FAKE_KILL_DIR"


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class ScriptedEngine:
    """Echoes an article's first sentence and its length; misbehaves on cue."""

    name = ENGINE
    model: str | None = "scripted-1"

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Yield the first sentence, then the length, unless a cue word says otherwise."""
        if "BOOM" in doc.text:
            raise RuntimeError("scripted failure")
        if "KILLALWAYS" in doc.text:
            _die()
        if "KILLONCE" in doc.text:
            marker = Path(os.environ[KILL_DIR]) / "killed"
            if not marker.exists():
                marker.touch()
                _die()
        yield doc.sentences[0].text
        yield f" ({len(doc.text)})"

    def close(self) -> None:
        """Nothing held."""


class SlowEngine(ScriptedEngine):
    """The scripted engine, 25 ms per article: a run long enough to interrupt."""

    name = SLOW_ENGINE

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Sleep, then summarise as :class:`ScriptedEngine` does."""
        time.sleep(0.025)
        return super().summarize(doc, length, target_lang)


class PidEngine:
    """Writes the id of the process that ran it: where each record was processed."""

    name = PID_ENGINE
    model: str | None = None

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Yield this process's id, and its parent's command line (what started it)."""
        parent = Path(f"/proc/{os.getppid()}/cmdline").read_bytes().replace(b"\0", b" ")
        yield f"{os.getpid()} {parent.decode(errors='replace').strip()}"

    def close(self) -> None:
        """Nothing held."""


def _scripted(settings: Settings, model: str | None) -> ScriptedEngine:
    return ScriptedEngine()


def _pid(settings: Settings, model: str | None) -> PidEngine:
    return PidEngine()


def _slow(settings: Settings, model: str | None) -> SlowEngine:
    return SlowEngine()


def _counted(settings: Settings, model: str | None) -> ScriptedEngine:
    """The scripted engine; each build appends this process's id to ``$FAKE_KILL_DIR``."""
    with (Path(os.environ[KILL_DIR]) / LOADS_FILE).open("a") as loads:
        loads.write(f"{os.getpid()}\n")
    return ScriptedEngine()


def register() -> None:
    """Add the fake engines to this process's registry."""
    register_summarizer(ENGINE, _scripted)
    register_summarizer(PID_ENGINE, _pid)
    register_summarizer(SLOW_ENGINE, _slow)
    register_summarizer(COUNTED_ENGINE, _counted)


def unregister() -> None:
    """Remove the fake engines from this process's registry."""
    unregister_summarizer(ENGINE)
    unregister_summarizer(PID_ENGINE)
    unregister_summarizer(SLOW_ENGINE)
    unregister_summarizer(COUNTED_ENGINE)
