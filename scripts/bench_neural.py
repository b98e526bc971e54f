"""Neural engines benchmark: this tool against raw CTranslate2 and transformers, side by side.

    python scripts/bench_neural.py            # tiny + mT5-small-sized models, ~10 minutes
    python scripts/bench_neural.py --quick    # tiny models only, fewer docs, ~1 minute

Everything is built at run time in a temporary folder (see ``bench_neural_models.py``):
random-weight models converted int8 and float32 with the real converter, installed in a
temporary model store, and inputs cut from the dev set. In one process, for each model,
every system decodes the same documents with the same decoding options; systems run in
alternating order (forward, then backward) for ``--reps`` repetitions, and each ratio is
the median of the per-repetition ratios, so load from other processes hits both sides of
a ratio alike. Then each configuration runs once more in its own subprocess for its peak
RSS, and fresh ``summarize FILE`` processes are timed to their first streamed byte.

Systems (``bench_neural_runs.py``): ``tool`` = ``summarize_batch`` / ``translate_batch``
over all documents; ``loop`` = one call per article; ``raw`` = ``Translator.translate_batch``
on the tool's pre-tokenised units; ``iterable`` = ``Translator.translate_iterable`` on the
same; ``hf`` = transformers ``generate`` in PyTorch (float32, same batches).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_neural_models as models
import bench_neural_runs as runs
from bench_neural_procs import cold_start, peak_rss, worker_main


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def interleaved(systems: dict[str, Callable[[], Any]], reps: int) -> dict[str, list[float]]:
    """Seconds per repetition for each system, alternating the order every repetition."""
    names = list(systems)
    times: dict[str, list[float]] = {name: [] for name in names}
    for rep in range(reps):
        for name in names if rep % 2 == 0 else reversed(names):
            seconds, _ = _timed(systems[name])
            times[name].append(seconds)
    return times


def ratio(times: dict[str, list[float]], a: str, b: str) -> float:
    """Median over repetitions of time(a) / time(b) (same repetition, so same load)."""
    return statistics.median(x / y for x, y in zip(times[a], times[b], strict=True))


def _identical(a: list[str], b: list[str]) -> str:
    same = sum(x == y for x, y in zip(a, b, strict=True))
    return f"{same}/{len(a)}"


def bench_model(model: models.BenchModel, args: argparse.Namespace) -> dict[str, Any]:
    """Throughput of every system on ``model``, for each beam size asked for."""
    neural = {q: runs.load(model, q) for q in ("int8", "float32")}
    docs = runs.make_docs(neural["int8"], model.task, args.docs, args.data)
    work = runs.workload(neural["int8"], model.task, docs)
    repetition = runs.repetition_options(neural["int8"])
    hf = runs.HfGenerate(model.hf, runs.BATCH_TOKENS, repetition["no_repeat_ngram_size"])
    translators = {q: n.ct2.translator for q, n in neural.items()}
    report: dict[str, Any] = {
        "model": model.key,
        "task": model.task,
        "docs": len(docs),
        "units": len(work.units),
        "source_tokens": work.source_tokens,
        "repetition": repetition,
        "beams": {},
    }
    for beam in args.beams:
        systems: dict[str, Callable[[], Any]] = {
            "tool int8": lambda b=beam: runs.tool_batch(neural["int8"], model.task, work, b),
            "raw int8": lambda b=beam: runs.raw_ct2(translators["int8"], work, b, repetition),
            "iterable int8": lambda b=beam: runs.raw_ct2(
                translators["int8"], work, b, repetition, iterable=True
            ),
            "tool float32": lambda b=beam: runs.tool_batch(neural["float32"], model.task, work, b),
            "raw float32": lambda b=beam: runs.raw_ct2(translators["float32"], work, b, repetition),
            "hf float32": lambda b=beam: hf.run(work, b),
        }
        if beam in args.loop_beams:
            systems["loop int8"] = lambda b=beam: runs.tool_loop(
                neural["int8"], model.task, work, b
            )
        # Warm-up (untimed) and the outputs for the sanity checks below.
        outputs = {name: fn() for name, fn in systems.items()}
        times = interleaved(systems, args.reps)
        tokens = sum(len(h) for h in outputs["raw int8"])
        report["beams"][beam] = {
            "seconds": {name: statistics.median(t) for name, t in times.items()},
            "times": times,
            "output_tokens": tokens,
            "hf_output_tokens": sum(len(h) for h in outputs["hf float32"]),
            "ratios": _ratios(times),
            "identical_tool_raw_int8": _identical(
                outputs["tool int8"], runs.raw_texts(neural["int8"], work, outputs["raw int8"])
            ),
            "identical_tool_raw_float32": _identical(
                outputs["tool float32"],
                runs.raw_texts(neural["float32"], work, outputs["raw float32"]),
            ),
        }
        print(json.dumps({model.key: {beam: report["beams"][beam]["ratios"]}}), file=sys.stderr)
    for loaded in neural.values():
        loaded.close()
    report["workload"] = work
    return report


def _ratios(times: dict[str, list[float]]) -> dict[str, float]:
    pairs = {
        "tool/raw int8": ("tool int8", "raw int8"),
        "tool/raw float32": ("tool float32", "raw float32"),
        "tool/iterable int8": ("tool int8", "iterable int8"),
        "hf/tool int8": ("hf float32", "tool int8"),
        "hf/tool float32": ("hf float32", "tool float32"),
        "float32/int8 (tool)": ("tool float32", "tool int8"),
        "loop/tool int8": ("loop int8", "tool int8"),
    }
    return {key: ratio(times, a, b) for key, (a, b) in pairs.items() if a in times and b in times}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny models, 12 docs, 2 reps")
    parser.add_argument("--data", type=Path, default=models.DATA)
    parser.add_argument("--docs", type=int, default=None, help="documents per model")
    parser.add_argument("--reps", type=int, default=None, help="timed repetitions per system")
    parser.add_argument("--sizes", default=None, help="comma list of: tiny, small")
    parser.add_argument("--beams", default="1,4", help="beam sizes to time (comma list)")
    parser.add_argument("--loop-beams", default="4", help="beam sizes with the per-article loop")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-RSS pass")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-start pass")
    parser.add_argument("--json", type=Path, default=None, help="also write raw results here")
    parser.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.docs = args.docs or (12 if args.quick else 60)
    args.reps = args.reps or (2 if args.quick else 3)
    args.sizes = (args.sizes or ("tiny" if args.quick else "tiny,small")).split(",")
    args.beams = [int(b) for b in args.beams.split(",") if b]
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
            built += models.build_tiny(home)
        if "small" in args.sizes:
            built += models.build_small(root, home, args.data)
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        reports = [bench_model(m, args) for m in built]
        memory = [] if args.no_memory else peak_rss(built, reports, root)
        cold = [] if args.no_cold else cold_start(built, args, root)
        from bench_neural_report import render

        print(render(reports, memory, cold, args))
        if args.json:
            for report in reports:
                report.pop("workload", None)
            args.json.write_text(
                json.dumps({"throughput": reports, "memory": memory, "cold": cold}, indent=1)
            )
    print(f"total {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
