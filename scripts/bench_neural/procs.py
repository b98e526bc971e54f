"""Whole-process measurements for ``engines.py``: peak RSS per configuration, cold start.

Peak memory: each configuration runs once in a fresh child (``engines --worker
SPEC``) that loads its model, decodes the workload and reports its own peak RSS
(``VmHWM``: the peak resident set of that process alone). ``idle`` is the floor: an interpreter that
imported ctranslate2 and sentencepiece and loaded nothing.

Cold start: a fresh ``summarize FILE --model NAME`` (or ``summarize translate``) with the
model in a temporary ``SUMMARIZE_HOME`` and stdout on a pseudo-terminal, so the CLI streams
tokens as it would for a user; timed from just before the process is spawned to the first
byte on the terminal and to its exit, alternating with ``python -c pass`` as the floor.
"""

from __future__ import annotations

import json
import os
import pty
import resource
import select
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from scripts.bench_neural import models
from summarize.engines.neural.model import BATCH_TOKENS

MEMORY_DOCS = 3


def _spec_file(root: Path, name: str, spec: dict[str, Any]) -> Path:
    path = root / f"spec_{name}.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return path


def run_worker(spec_path: Path, command: str = "engines") -> dict[str, Any]:
    """Run ``python -m scripts.bench_neural COMMAND --worker SPEC`` in a fresh interpreter.

    Returns its last stdout line, as JSON.
    """
    done = subprocess.run(
        [sys.executable, "-m", "scripts.bench_neural", command, "--worker", str(spec_path)],
        cwd=models.ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"worker {spec_path.name} failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def peak_rss(
    built: list[models.BenchModel], reports: list[dict[str, Any]], root: Path
) -> list[dict[str, Any]]:
    """Peak RSS (MiB) of one child per configuration, on each model's first documents."""
    rows: list[dict[str, Any]] = [{"model": "-", "system": "idle", **_idle(root)}]
    for model, report in zip(built, reports, strict=True):
        work = report["workload"]
        beams = {"tool": max(report["beams"]), "raw": max(report["beams"])}
        beams["hf"] = max(report["hf"]["beams"])
        texts = [doc.text for doc in work.docs[:MEMORY_DOCS]]
        units = [
            {"source": u.source, "prefix": u.prefix, "cap": u.cap}
            for u in work.units
            if u.doc < MEMORY_DOCS
        ]
        base = {
            "key": model.key,
            "task": model.task,
            "hf": str(model.hf),
            "home": str(model.home),
            "names": model.names,
            "texts": texts,
            "units": units,
            "repetition": report["repetition"],
        }
        for system, quantization in (
            ("tool", "int8"),
            ("tool", "float32"),
            ("raw", "int8"),
            ("hf", "float32"),
        ):
            spec = {**base, "system": system, "quantization": quantization, "beam": beams[system]}
            path = _spec_file(root, f"{model.key}_{system}_{quantization}", spec)
            result = run_worker(path)
            rows.append({"model": model.key, "system": f"{system} {quantization}", **result})
            print(f"memory {rows[-1]}", file=sys.stderr)
    return rows


def _idle(root: Path) -> dict[str, Any]:
    return run_worker(_spec_file(root, "idle", {"system": "idle"}))


def worker_main(spec_path: str) -> None:
    """Child side of :func:`peak_rss`: run one configuration, print its peak RSS as JSON."""
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    start = time.perf_counter()
    if spec["system"] == "idle":
        import ctranslate2  # noqa: F401
        import sentencepiece  # noqa: F401
    else:
        _work(spec)
    seconds = time.perf_counter() - start
    print(json.dumps({"rss_mib": _peak_rss_kib() / 1024, "seconds": seconds}))


def _peak_rss_kib() -> int:
    """This process's peak RSS. ``ru_maxrss`` would not do: Linux keeps it across
    ``execve``, so a child would report its parent's peak if that was higher."""
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _work(spec: dict[str, Any]) -> None:
    from scripts.bench_neural import runs

    model = models.BenchModel(
        spec["key"], spec["task"], Path(spec["hf"]), Path(spec["home"]), spec["names"]
    )
    units = [runs.Unit(0, u["source"], u["prefix"], u["cap"]) for u in spec["units"]]
    beam = int(spec["beam"])
    if spec["system"] == "tool":
        neural = runs.load(model, spec["quantization"])
        docs = [runs.document(text) for text in spec["texts"]]
        runs.tool_batch(neural, model.task, runs.Workload(docs, units), beam)
        neural.close()
    elif spec["system"] == "raw":
        translator = runs.raw_translator(model, spec["quantization"])
        runs.raw_ct2(translator, runs.Workload([], units), beam, spec["repetition"])
    else:
        # n-gram blocking changes time, not memory: left out to keep this pass short.
        hf = runs.HfGenerate(model.hf, BATCH_TOKENS, 0)
        hf.run(runs.Workload([], units), beam)


def _summarize_command() -> list[str]:
    script = Path(sys.executable).parent / "summarize"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "summarize"]


def _first_byte(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to the first byte on the terminal, and to exit."""
    master, slave = pty.openpty()
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.DEVNULL, env=env
    )
    os.close(slave)
    first = float("nan")
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        if first != first:
            first = time.perf_counter() - start
    proc.wait()
    total = time.perf_counter() - start
    os.close(master)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}")
    return first, total


def cold_start(built: list[models.BenchModel], args: Any, root: Path) -> list[dict[str, Any]]:
    """First streamed byte and exit of fresh CLI processes, against ``python -c pass``."""
    reps = 3 if args.quick else 4
    env = {**os.environ, "SUMMARIZE_OFFLINE": "1", "SUMMARIZE_THREADS": "2", "NO_COLOR": "1"}
    cases: dict[str, list[str]] = {"python -c pass": [sys.executable, "-c", "pass"]}
    for model in built:
        name = model.names["int8"]
        text = root / f"cold_{model.key}.txt"
        text.write_text(model_text(model, args.data), encoding="utf-8")
        env["SUMMARIZE_HOME"] = str(model.home)
        if model.task == "summarize":
            cases[f"summarize FILE --model {name}"] = [
                *_summarize_command(),
                str(text),
                "--model",
                name,
            ]
        else:
            cases[f"summarize translate FILE --to en --model {name}"] = [
                *_summarize_command(),
                "translate",
                str(text),
                "--to",
                "en",
                "--model",
                name,
            ]
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for rep in range(reps):
        for name in cases if rep % 2 == 0 else reversed(list(cases)):
            samples[name].append(_first_byte(cases[name], env))
    rows = []
    for name, values in samples.items():
        rows.append(
            {
                "command": name,
                "first_byte_s": statistics.median(v[0] for v in values),
                "exit_s": statistics.median(v[1] for v in values),
            }
        )
    return rows


def model_text(model: models.BenchModel, data: Path) -> str:
    """A short article (its first three sentences) for the cold-start runs."""
    from summarize.text.sentences import split_sentences

    row = models.read_rows(data)[0]
    return " ".join(s.text for s in split_sentences(row["text"])[:3]) + "\n"
