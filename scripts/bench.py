"""Whole-process benchmarks of `summarize`, each against its floor or peer in the same run.

    python scripts/bench.py startup [--runs 10] [--before OLD_TREE]
    python scripts/bench.py scaling [--runs 3] [--only NAME]
    python scripts/bench.py imports [--runs 5] [--src OTHER_TREE]

``startup``: ``summarize --help`` and one extractive summary of the bundled sample against the
bare interpreter (``python -c pass``, the floor), ``import typer`` alone, and sumy's LexRank
command line (the peer, when sumy and pyarabic are installed: the ``bench`` extra).

``scaling``: the sample repeated ×100 and ×800 with no size limit (the cost ratio for 8x the
input), the same ×800 and a 30 MB input under the default limit, ``--sentences 200`` and
``-n 600`` on a ~312 KB article (BBC articles from ../shared/data, read at run time, joined;
the sample repeated when that is absent), and ``batch`` over three records, the middle one
5.2 MB. Every table prints min and median of the repetitions and the machine's load.
``imports``: the ``-X importtime`` top 10 (cumulative, the min over runs of each module).
Other benchmarks live in their own scripts, listed in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_proc import Case, load, table, time_cases

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "article.txt"
SHARED = ROOT.parent / "shared" / "data" / "ant_bbc_arabic" / "data.jsonl"
NO_LIMIT = {"SUMMARIZE_MAX_CHARS": "0"}


def _summarize() -> list[str]:
    """The console script next to this interpreter (as users run it), else ``-m summarize``."""
    script = Path(sys.executable).parent / "summarize"
    return [str(script)] if script.exists() else [sys.executable, "-m", "summarize"]


def _report(title: str, cases: list[Case], runs: int, floor: bool = True) -> None:
    print(f"\n### {title}\n\n{load()} (before)\n")
    timings = time_cases(cases, runs)
    print(table(cases, timings, timings[0] if floor else None))
    print(f"\n{load()} (after); {runs} runs each after one warm-up, interleaved")


def startup(runs: int, before: Path | None = None) -> None:
    """Whole-process wall time of the CLI against the bare interpreter and sumy.

    ``before``: another source tree (e.g. an older commit's ``git archive``), timed in the
    same rounds through ``python -m summarize`` run from that folder.
    """
    py, cli = sys.executable, _summarize()
    cases = [
        Case("`python -c pass` (floor)", [py, "-c", "pass"]),
        Case("`python -c 'import typer'`", [py, "-c", "import typer"]),
        Case("`summarize --help`", [*cli, "--help"]),
        Case("`summarize examples/article.txt`", [*cli, str(SAMPLE)]),
        Case("`summarize examples/article.txt -f json`", [*cli, str(SAMPLE), "-f", "json"]),
    ]
    if before is not None:
        old, env = [py, "-m", "summarize"], {"PYTHONPATH": str(before)}
        cases.append(Case("before: `summarize --help`", [*old, "--help"], env, cwd=before))
        cases.append(
            Case("before: `summarize examples/article.txt`", [*old, str(SAMPLE)], env, cwd=before)
        )
    sumy = Path(sys.executable).parent / "sumy"
    if sumy.exists():
        peer = [str(sumy), "lex-rank", "--length=3", "--language=arabic", f"--file={SAMPLE}"]
        cases.append(Case("`sumy lex-rank --length=3` (peer)", peer))
    else:
        print("sumy is not installed (pip install -e '.[bench]'): no peer row", file=sys.stderr)
    _report("Start-up", cases, runs)


def _repeat(path: Path, times: int) -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    path.write_text("\n".join([text] * times), encoding="utf-8")
    return path


def _long_article(path: Path, size: int = 312_000) -> Path:
    """~``size`` bytes of distinct news text: BBC articles joined, else the sample repeated."""
    if not SHARED.exists():
        return _repeat(path, size // len(SAMPLE.read_bytes()) + 1)
    parts, total = [], 0
    with SHARED.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            parts.append(text)
            total += len(text.encode())
            if total >= size:
                break
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def _batch_input(path: Path) -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    huge = "\n".join([text] * (5_200_000 // len(SAMPLE.read_bytes()) + 1))
    records = [{"id": "before", "text": text}, {"id": "huge", "text": huge}]
    records.append({"id": "after", "text": text})
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path


def scaling(runs: int, only: str | None = None) -> None:
    """How cost grows with the input, and what the size limit does to huge inputs.

    ``only``: run just the cases whose name contains it (e.g. ``"-n 600"``, ``"batch"``).
    """
    cli = [*_summarize(), "-q", "-e", "extractive"]
    tmp = Path(tempfile.mkdtemp(prefix="bench-scaling-"))
    try:
        x100, x800 = _repeat(tmp / "x100.txt", 100), _repeat(tmp / "x800.txt", 800)
        x8000 = _repeat(tmp / "x8000.txt", 8000)
        long = _long_article(tmp / "long.txt")
        size = f"{long.stat().st_size // 1000} KB"
        cases = [
            Case("sample ×100 (0.37 MB), no limit", [*cli, str(x100)], NO_LIMIT),
            Case("sample ×800 (3.0 MB), no limit", [*cli, str(x800)], NO_LIMIT),
            Case("sample ×800 (3.0 MB), default limit", [*cli, str(x800)]),
            Case("sample ×8000 (30 MB), default limit", [*cli, str(x8000)]),
            Case(f"`--sentences 200`, {size} article", [*cli, str(long), "-n", "200"]),
            Case(f"`-n 600`, {size} article", [*cli, str(long), "-n", "600"]),
            Case("`batch`, 3 records, the middle one 5.2 MB", _batch_cmd(tmp)),
        ]
        if only:
            cases = [case for case in cases if only in case.name]
        print(f"\n### Scaling\n\n{load()} (before)\n")
        timings = time_cases(cases, runs, warmup=False)
        print(table(cases, timings, None))
        if not only:
            ratio = timings[1].median / timings[0].median
            print(f"\n×800 / ×100 (8x the input): {ratio:.1f}x the time (median)")
        print(f"{load()} (after); {runs} runs each, interleaved, no warm-up")
    finally:
        shutil.rmtree(tmp)


def _batch_cmd(tmp: Path) -> list[str]:
    path = _batch_input(tmp / "huge.jsonl")
    return [*_summarize(), "batch", str(path), "-q", "-e", "extractive"]


def _importtime(argv: list[str], src: Path) -> dict[str, int]:
    """Cumulative import microseconds per module of one ``summarize ARGV`` run from ``src``."""
    code = "import sys; from summarize.cli import main; main(sys.argv[1:])"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code, *argv],
        env={**os.environ, "PYTHONPATH": str(src)},
        cwd=src,
        capture_output=True,
        text=True,
        check=False,
    )
    out: dict[str, int] = {}
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            if cumulative.strip().isdigit():
                out[name.strip()] = int(cumulative)
    return out


def imports(runs: int, src: Path | None) -> None:
    """``-X importtime`` top 10 (cumulative, min over runs) for --help and one summary."""
    for argv in (["--help"], [str(SAMPLE)]):
        best: dict[str, int] = {}
        for _ in range(runs):
            for name, us in _importtime(argv, src or ROOT).items():
                best[name] = min(us, best.get(name, us))
        print(f"\n`summarize {' '.join(argv)}` ({src or 'this tree'}), min of {runs}; {load()}\n")
        print("| module | cumulative (ms) |\n| --- | ---: |")
        for name, us in sorted(best.items(), key=lambda kv: -kv[1])[:10]:
            print(f"| {name} | {us / 1000:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="bench", required=True)
    start = sub.add_parser("startup", help="start-up against the interpreter and sumy")
    start.add_argument("--runs", type=int, default=10)
    start.add_argument("--before", type=Path, default=None, help="an older source tree to time")
    scale = sub.add_parser("scaling", help="cost against input size; huge inputs")
    scale.add_argument("--runs", type=int, default=3)
    scale.add_argument("--only", help="run only the cases whose name contains this")
    imp = sub.add_parser("imports", help="-X importtime top 10, for --help and one summary")
    imp.add_argument("--runs", type=int, default=5)
    imp.add_argument("--src", type=Path, default=None, help="another source tree to import")
    args = parser.parse_args()
    if args.bench == "startup":
        startup(args.runs, args.before)
    elif args.bench == "imports":
        imports(args.runs, args.src)
    else:
        scaling(args.runs, args.only)


if __name__ == "__main__":
    main()
