"""Neural engines benchmark: this tool against raw CTranslate2 and transformers, side by side.

    python -m scripts.bench_neural engines          # tiny + mT5-small-sized models, ~15 minutes
    python -m scripts.bench_neural engines --quick  # tiny models only, fewer docs, ~1 minute

Everything is built at run time in a temporary folder (see ``models.py``):
random-weight models converted int8 and float32 with the real converter, installed in a
temporary model store, and inputs cut from the dev set. In one process, for each model,
every system decodes the same documents with the same decoding options; systems run in
alternating order (forward, then backward) for ``--reps`` repetitions, and each ratio is
the median of the per-repetition ratios, so load from other processes hits both sides of
a ratio alike. Then each configuration runs once more in its own subprocess for its peak
RSS, and fresh ``summarize FILE`` processes are timed to their first streamed byte.

Systems (``runs.py``): ``tool`` = ``summarize_batch`` / ``translate_batch``
over all documents; ``loop`` = one call per article; ``raw`` = ``Translator.translate_batch``
on the tool's pre-tokenised units; ``iterable`` = ``Translator.translate_iterable`` on the
same; ``hf`` = transformers ``generate`` in PyTorch (float32, same batches).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from scripts.bench_neural import models, runs
from scripts.bench_neural.procs import cold_start, peak_rss, worker_main
from summarize.engines.neural.model import BATCH_TOKENS


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def ratio(times: dict[str, list[float]], a: str, b: str) -> float:
    """Median over repetitions of time(a) / time(b) (same repetition, so same load)."""
    return statistics.median(x / y for x, y in zip(times[a], times[b], strict=True))


def _identical(a: list[str], b: list[str]) -> str:
    same = sum(x == y for x, y in zip(a, b, strict=True))
    return f"{same}/{len(a)}"


@dataclass(frozen=True)
class Size:
    """How much to run per model size."""

    docs: int  # documents (translation: half as many, each 2-6 sentences)
    hf_docs: int  # the first documents, for the transformers block
    hf_beams: tuple[int, ...]  # beams timed in the transformers block


SIZES = {"tiny": Size(12, 6, (1, 4)), "small": Size(6, 2, (1,))}
QUICK = Size(6, 3, (1,))


def interleaved(
    systems: dict[str, Callable[[], Any]], reps: int
) -> tuple[dict[str, list[float]], dict[str, Any]]:
    """Seconds per repetition for each system (order reversed every other repetition).

    A warm-up call of each system comes first, untimed; its outputs are returned.
    """
    outputs = {name: fn() for name, fn in systems.items()}
    names = list(systems)
    times: dict[str, list[float]] = {name: [] for name in names}
    for rep in range(reps):
        for name in names if rep % 2 == 0 else reversed(names):
            seconds, _ = _timed(systems[name])
            times[name].append(seconds)
    return times, outputs


def bench_model(model: models.BenchModel, args: argparse.Namespace) -> dict[str, Any]:
    """Throughput of every system on ``model``, for each beam size asked for."""
    size = QUICK if args.quick else SIZES[model.key.split("-")[0]]
    if args.docs:
        size = replace(size, docs=args.docs)
    if args.hf_docs:
        size = replace(size, hf_docs=args.hf_docs)
    if args.hf_beams:
        size = replace(size, hf_beams=tuple(int(b) for b in args.hf_beams.split(",")))
    neural = {q: runs.load(model, q) for q in ("int8", "float32")}
    count = size.docs if model.task == "summarize" else max(3, size.docs // 2)
    docs = runs.make_docs(neural["int8"], model.task, count, args.data)
    work = runs.workload(neural["int8"], model.task, docs)
    repetition = runs.repetition_options(neural["int8"])
    report: dict[str, Any] = {
        "model": model.key,
        "task": model.task,
        "docs": len(docs),
        "units": len(work.units),
        "source_tokens": work.source_tokens,
        "repetition": repetition,
        "beams": {beam: _ct2_block(model, neural, work, beam, args) for beam in args.beams},
        "hf": _hf_block(
            model, neural, docs[: size.hf_docs], size.hf_beams if args.hf_reps else (), args
        ),
    }
    for loaded in neural.values():
        loaded.close()
    report["workload"] = work
    return report


def _ct2_block(
    model: models.BenchModel,
    neural: dict[str, Any],
    work: runs.Workload,
    beam: int,
    args: argparse.Namespace,
) -> dict[str, Any]:
    """Tool (batched and looped) against raw CTranslate2, int8 and float32."""
    repetition = runs.repetition_options(neural["int8"])
    translators = {q: n.ct2.translator for q, n in neural.items()}
    systems: dict[str, Callable[[], Any]] = {
        "tool int8": lambda: runs.tool_batch(neural["int8"], model.task, work, beam),
        "raw int8": lambda: runs.raw_ct2(translators["int8"], work, beam, repetition),
        "iterable int8": lambda: runs.raw_ct2(
            translators["int8"], work, beam, repetition, iterable=True
        ),
        "tool float32": lambda: runs.tool_batch(neural["float32"], model.task, work, beam),
        "raw float32": lambda: runs.raw_ct2(translators["float32"], work, beam, repetition),
    }
    if beam in args.loop_beams:
        systems["loop int8"] = lambda: runs.tool_loop(neural["int8"], model.task, work, beam)
    if args.systems:
        systems = {k: v for k, v in systems.items() if k in args.systems}
    before = os.getloadavg()[0]
    times, outputs = interleaved(systems, args.reps)
    row: dict[str, Any] = {
        "load": (before, os.getloadavg()[0]),
        "seconds": {name: statistics.median(t) for name, t in times.items()},
        "times": times,
        "ratios": _ratios(times),
    }
    for q in ("int8", "float32"):
        if f"raw {q}" in outputs and f"tool {q}" in outputs:
            raw = outputs[f"raw {q}"]
            row["output_tokens"] = sum(len(h) for h in raw)
            texts = runs.raw_texts(neural[q], work, raw)
            row[f"identical_tool_raw_{q}"] = _identical(outputs[f"tool {q}"], texts)
    print(json.dumps({model.key: {beam: row["ratios"]}}), file=sys.stderr)
    return row


def _hf_block(
    model: models.BenchModel,
    neural: dict[str, Any],
    docs: list[Any],
    beams: tuple[int, ...],
    args: argparse.Namespace,
) -> dict[str, Any]:
    """transformers ``generate`` against the tool on the first documents.

    With the tool's repetition guard, and both again without n-gram blocking
    (transformers implements it in Python, which dominates its time).
    """
    work = runs.workload(neural["int8"], model.task, docs)
    repetition = runs.repetition_options(neural["int8"])
    plain = {**repetition, "no_repeat_ngram_size": 0}
    hf = runs.HfGenerate(model.hf, BATCH_TOKENS, repetition["no_repeat_ngram_size"])
    hf_plain = runs.HfGenerate(model.hf, BATCH_TOKENS, 0, share=hf)
    translators = {q: n.ct2.translator for q, n in neural.items()}
    out: dict[str, Any] = {"docs": len(docs), "units": len(work.units), "beams": {}}
    for beam in beams:
        systems: dict[str, Callable[[], Any]] = {
            "tool int8": partial(runs.tool_batch, neural["int8"], model.task, work, beam),
            "tool float32": partial(runs.tool_batch, neural["float32"], model.task, work, beam),
            "hf float32": partial(hf.run, work, beam),
            "raw float32 no-block": partial(
                runs.raw_ct2, translators["float32"], work, beam, plain
            ),
            "hf float32 no-block": partial(hf_plain.run, work, beam),
        }
        before = os.getloadavg()[0]
        times, outputs = interleaved(systems, args.hf_reps)
        out["beams"][beam] = {
            "load": (before, os.getloadavg()[0]),
            "seconds": {name: statistics.median(t) for name, t in times.items()},
            "times": times,
            "output_tokens": sum(len(h) for h in outputs["raw float32 no-block"]),
            "hf_output_tokens": sum(len(h) for h in outputs["hf float32 no-block"]),
            "ratios": {
                "hf/tool int8": ratio(times, "hf float32", "tool int8"),
                "hf/tool float32": ratio(times, "hf float32", "tool float32"),
                "hf/raw float32 no-block": ratio(
                    times, "hf float32 no-block", "raw float32 no-block"
                ),
            },
        }
        print(json.dumps({model.key: {"hf": out["beams"][beam]["ratios"]}}), file=sys.stderr)
    return out


def _ratios(times: dict[str, list[float]]) -> dict[str, float]:
    pairs = {
        "tool/raw int8": ("tool int8", "raw int8"),
        "tool/raw float32": ("tool float32", "raw float32"),
        "tool/iterable int8": ("tool int8", "iterable int8"),
        "float32/int8 (tool)": ("tool float32", "tool int8"),
        "loop/tool int8": ("loop int8", "tool int8"),
    }
    return {key: ratio(times, a, b) for key, (a, b) in pairs.items() if a in times and b in times}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench_neural engines", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="tiny models, 6 docs, greedy only")
    parser.add_argument("--data", type=Path, default=models.DATA)
    parser.add_argument("--docs", type=int, default=None, help="documents per model")
    parser.add_argument("--hf-docs", type=int, default=None, help="documents for transformers")
    parser.add_argument("--hf-beams", default=None, help="beams timed against transformers")
    parser.add_argument("--reps", type=int, default=None, help="timed repetitions per system")
    parser.add_argument("--sizes", default=None, help="comma list of: tiny, small")
    parser.add_argument(
        "--hf-reps", type=int, default=2, help="repetitions with transformers (0: skip it)"
    )
    parser.add_argument("--models", default=None, help="only these models (comma list of keys)")
    parser.add_argument("--beams", default=None, help="beam sizes to time (comma list)")
    parser.add_argument("--loop-beams", default="4", help="beams with the per-article loop")
    parser.add_argument(
        "--systems", default=None, help="time only these CTranslate2 systems (comma list)"
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-RSS pass")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-start pass")
    parser.add_argument("--json", type=Path, default=None, help="also write raw results here")
    parser.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.reps = args.reps or (2 if args.quick else 3)
    args.loop_beams = args.loop_beams if not args.quick else "1"
    args.hf_reps = 1 if args.quick else args.hf_reps
    args.beams = args.beams or ("1" if args.quick else "1,4")
    args.sizes = (args.sizes or ("tiny" if args.quick else "tiny,small")).split(",")
    args.beams = [int(b) for b in args.beams.split(",") if b]
    args.systems = args.systems.split(",") if args.systems else None
    args.loop_beams = [int(b) for b in args.loop_beams.split(",") if b]
    return args


def main(argv: list[str] | None = None) -> None:
    """Build, measure, print markdown tables (stdout) and progress (stderr)."""
    args = parse_args(argv)
    if args.worker:
        worker_main(args.worker)
        return
    if not args.data.is_file():
        sys.exit(f"no dev set at {args.data} (read at run time, never copied into the repo)")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench_neural_") as tmp:
        root = Path(tmp)
        home = root / "home"
        built: list[models.BenchModel] = []
        if "tiny" in args.sizes:
            built += models.build_tiny(root, home)
        if "small" in args.sizes:
            built += models.build_small(root, home, args.data)
        if args.models:
            built = [m for m in built if m.key in args.models.split(",")]
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        reports = [bench_model(m, args) for m in built]
        memory = [] if args.no_memory else peak_rss(built, reports, root)
        cold = [] if args.no_cold else cold_start(built, args, root)
        from scripts.bench_neural.report import render

        print(render(reports, memory, cold, args))
        if args.json:
            for report in reports:
                report.pop("workload", None)
            args.json.write_text(
                json.dumps({"throughput": reports, "memory": memory, "cold": cold}, indent=1)
            )
    print(f"total {time.perf_counter() - started:.0f} s", file=sys.stderr)
