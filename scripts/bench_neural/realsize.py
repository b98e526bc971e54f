"""Real-size benchmark: the published mT5-base and NLLB architectures, random weights, int8.

    python -m scripts.bench_neural realsize                 # mt5-base, nllb-600m, nllb-1.3b
    python -m scripts.bench_neural realsize --shapes mt5-base --reps 2
    python -m scripts.bench_neural realsize --no-trials       # the tables without the trials
    python -m scripts.bench_neural realsize --quick           # one repetition of each figure

A model with a pinned model's published configuration (d_model, layers, heads, d_ff,
vocabulary) and random weights converts, loads and decodes as fast as the real one when
the output length is fixed, which every decoding here does. One shape is built at a time, each
stage in its own interpreter (see ``realsize_work.py``), and its files are deleted before the
next shape is built, so memory and disk hold one model at a time (the summariser + translator
pair stage aside). Markdown tables go to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from scripts.bench_neural import models


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_neural realsize")
    parser.add_argument("--shapes", default="mt5-base,nllb-600m,nllb-1.3b")
    parser.add_argument("--reps", type=int, default=3, help="timed repetitions")
    parser.add_argument("--hf-reps", type=int, default=2, help="transformers repetitions (0: skip)")
    parser.add_argument("--batch-docs", type=int, default=8, help="articles in the batch run")
    parser.add_argument("--batch-reps", type=int, default=1)
    parser.add_argument("--data", type=Path, default=models.DATA)
    parser.add_argument("--json", type=Path, default=None, help="also write raw results here")
    parser.add_argument(
        "--save", type=Path, default=None, help="write each stage's result here as it ends"
    )
    parser.add_argument(
        "--report", type=Path, default=None, help="print the tables of a --save folder and exit"
    )
    parser.add_argument("--stage", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--shape", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--article-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one repetition, no warm-up, default decoding only, 2 batch articles, no trials",
    )
    parser.add_argument(
        "--no-trials",
        action="store_true",
        help="skip the where-the-time-goes trials (most of the run's time)",
    )
    return parser.parse_args(argv)


def stage(args: argparse.Namespace) -> None:
    """Child side: run one stage and print its result as one JSON line."""
    from scripts.bench_neural import realsize_work as work

    real = work.SHAPES[args.shape] if args.shape else None
    if args.stage == "build":
        assert real is not None
        result = work.build(real, args.root, args.data)
    elif args.stage == "tool":
        assert real is not None
        result = work.tool_stage(real, args.root, args.data, args)
    elif args.stage == "hf":
        assert real is not None
        result = work.hf_stage(real, args.root, args.data, args)
    else:
        result = work.pair_stage(args.root, args.data, args)
    print(json.dumps(result))


def run_stage(name: str, shape: str | None, root: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Run ``name`` for ``shape`` in a fresh interpreter; its JSON result."""
    cmd = [sys.executable, "-m", "scripts.bench_neural", "realsize", "--stage", name]
    cmd += ["--root", str(root), "--reps", str(args.reps), "--hf-reps", str(args.hf_reps)]
    cmd += ["--batch-docs", str(args.batch_docs), "--batch-reps", str(args.batch_reps)]
    cmd += ["--data", str(args.data)]
    if shape:
        cmd += ["--shape", shape]
    if shape == "nllb-1.3b":
        cmd += ["--article-only"]
    if args.no_trials:
        cmd += ["--no-trials"]
    if args.quick:
        cmd += ["--quick"]
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=models.ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"stage {name} {shape} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["load_avg"] = os.getloadavg()
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        (args.save / f"{name}-{shape or 'pair'}.json").write_text(json.dumps(result))
    took = time.perf_counter() - started
    print(f"{name} {shape or ''}: {took:.0f} s, load {os.getloadavg()[0]:.2f}", file=sys.stderr)
    return result


def measure(args: argparse.Namespace, root: Path) -> dict[str, Any]:
    """Every shape asked for, one at a time; the pair stage once both defaults exist."""
    results: dict[str, Any] = {"load_before": os.getloadavg()}
    shapes = [s for s in args.shapes.split(",") if s]
    for shape in shapes:
        out = {"build": run_stage("build", shape, root, args)}
        out["tool"] = run_stage("tool", shape, root, args)
        if args.hf_reps and shape != "nllb-1.3b":
            out["hf"] = run_stage("hf", shape, root, args)
        shutil.rmtree(root / "hf" / shape, ignore_errors=True)
        if shape == "nllb-1.3b":
            shutil.rmtree(root / "home" / "models" / shape, ignore_errors=True)
        results[shape] = out
    if "mt5-base" in shapes and "nllb-600m" in shapes:
        results["pair"] = run_stage("pair", None, root, args)
    results["load_after"] = os.getloadavg()
    return results


def saved(folder: Path) -> dict[str, Any]:
    """The results of a ``--save`` folder (``STAGE-SHAPE.json`` files), as :func:`measure`
    returns them; the load averages are those at the end of each stage."""
    results: dict[str, Any] = {}
    loads = []
    for path in sorted(folder.glob("*.json")):
        name, _, shape = path.stem.partition("-")
        data = json.loads(path.read_text(encoding="utf-8"))
        loads.append(data.get("load_avg", [0.0, 0.0, 0.0]))
        if shape == "pair":
            results["pair"] = data
        else:
            results.setdefault(shape, {})[name] = data
    results["load_before"] = min(loads, key=lambda x: x[0])
    results["load_after"] = max(loads, key=lambda x: x[0])
    results["seconds"] = 0.0
    return results


def main(argv: list[str] | None = None) -> None:
    """Build, measure and print the tables."""
    args = parse_args(argv)
    if args.quick:
        args.reps, args.hf_reps, args.batch_docs, args.no_trials = 1, 1, 2, True
    if args.stage:
        stage(args)
        return
    if args.report:
        from scripts.bench_neural.realsize_report import render

        print(render(saved(args.report)))
        return
    if not args.data.is_file():
        sys.exit(f"no dev set at {args.data} (read at run time, never copied into the repo)")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench_realsize_") as tmp:
        results = measure(args, Path(tmp))
    results["seconds"] = time.perf_counter() - started
    from scripts.bench_neural.realsize_report import render

    print(render(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"total {results['seconds']:.0f} s", file=sys.stderr)
