"""Markdown tables for ``engines.py`` (stdout), ready for docs/benchmarks.md."""

from __future__ import annotations

import os
import statistics
from typing import Any

from scripts.bench_neural.runs import THREADS


def _load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def _rate(report: dict[str, Any], seconds: float) -> str:
    return f"{report['docs'] / seconds:.1f}"


def throughput_table(reports: list[dict[str, Any]]) -> str:
    """Issue 3: tool vs raw CTranslate2, int8 vs float32 (docs/s)."""
    lines = [
        "| model | beam | tool int8 | raw int8 | tool/raw int8 | tool f32 | raw f32 "
        "| tool/raw f32 | f32/int8 (tool) | same output int8, f32 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for report in reports:
        for beam, row in report["beams"].items():
            s, r = row["seconds"], row["ratios"]
            lines.append(
                f"| {report['model']} | {beam} | {_rate(report, s['tool int8'])} "
                f"| {_rate(report, s['raw int8'])} | {r['tool/raw int8']:.2f} "
                f"| {_rate(report, s['tool float32'])} | {_rate(report, s['raw float32'])} "
                f"| {r['tool/raw float32']:.2f} | {r['float32/int8 (tool)']:.2f} "
                f"| {row['identical_tool_raw_int8']}, {row['identical_tool_raw_float32']} |"
            )
    return "\n".join(lines)


def hf_table(reports: list[dict[str, Any]]) -> str:
    """Issue 3: transformers ``generate`` (float32) against the tool, on the first docs."""
    lines = [
        "| model | docs | beam | tool int8 (s) | tool f32 (s) | hf f32 (s) | hf/tool int8 "
        "| hf/tool f32 | no n-gram block: raw f32 (s) | hf f32 (s) | hf/raw |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for report in reports:
        block = report["hf"]
        for beam, row in block["beams"].items():
            s, r = row["seconds"], row["ratios"]
            lines.append(
                f"| {report['model']} | {block['docs']} | {beam} | {s['tool int8']:.2f} "
                f"| {s['tool float32']:.2f} | {s['hf float32']:.2f} | {r['hf/tool int8']:.1f} "
                f"| {r['hf/tool float32']:.1f} | {s['raw float32 no-block']:.2f} "
                f"| {s['hf float32 no-block']:.2f} | {r['hf/raw float32 no-block']:.1f} |"
            )
    return "\n".join(lines)


def batching_table(reports: list[dict[str, Any]]) -> str:
    """Issue 4: cross-document batching vs a per-article loop and ``translate_iterable``."""
    lines = [
        "| model | beam | batch (docs/s) | loop (docs/s) | loop/batch | iterable (docs/s) "
        "| batch/iterable |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for report in reports:
        for beam, row in report["beams"].items():
            s, r = row["seconds"], row["ratios"]
            loop = _rate(report, s["loop int8"]) if "loop int8" in s else "–"
            loop_ratio = f"{r['loop/tool int8']:.2f}" if "loop/tool int8" in r else "–"
            lines.append(
                f"| {report['model']} | {beam} | {_rate(report, s['tool int8'])} | {loop} "
                f"| {loop_ratio} | {_rate(report, s['iterable int8'])} "
                f"| {r['tool/iterable int8']:.2f} |"
            )
    return "\n".join(lines)


def workload_table(reports: list[dict[str, Any]]) -> str:
    """What each model decoded: documents, units, tokens in and out."""
    lines = [
        "| model | task | docs | units | source tokens | beam | output tokens "
        "| raw int8 tokens/s |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for report in reports:
        for beam, row in report["beams"].items():
            per_s = row["output_tokens"] / row["seconds"]["raw int8"]
            lines.append(
                f"| {report['model']} | {report['task']} | {report['docs']} | {report['units']} "
                f"| {report['source_tokens']} | {beam} | {row['output_tokens']} | {per_s:.0f} |"
            )
    return "\n".join(lines)


def memory_table(memory: list[dict[str, Any]]) -> str:
    """Peak RSS per configuration (one child process each)."""
    lines = ["| model | system | peak RSS (MiB) | run (s) |", "|---|---|---:|---:|"]
    for row in memory:
        lines.append(
            f"| {row['model']} | {row['system']} | {row['rss_mib']:.0f} | {row['seconds']:.1f} |"
        )
    return "\n".join(lines)


def cold_table(cold: list[dict[str, Any]]) -> str:
    """Fresh processes: spawn → first byte on the terminal, and → exit (medians)."""
    floor = cold[0]["exit_s"] if cold else 0.0
    lines = [
        "| command | first byte (ms) | exit (ms) | first byte − floor (ms) |",
        "|---|---:|---:|---:|",
    ]
    for row in cold:
        first = row["first_byte_s"]
        shown = "–" if first != first else f"{first * 1000:.0f}"
        over = "–" if first != first else f"{(first - floor) * 1000:.0f}"
        lines.append(f"| `{row['command']}` | {shown} | {row['exit_s'] * 1000:.0f} | {over} |")
    return "\n".join(lines)


def _maybe(table: Any, reports: list[dict[str, Any]]) -> str:
    """``table(reports)``, or a note when ``--systems`` left out a system it needs."""
    try:
        return str(table(reports))
    except KeyError as exc:
        return f"(not measured in this run: {exc})"


def times_table(reports: list[dict[str, Any]]) -> str:
    """Every system's min and median seconds over the repetitions, and the load around them."""
    lines = [
        "| model | block | beam | system | reps | min (s) | median (s) | load before → after |",
        "|---|---|---:|---|---:|---:|---:|---|",
    ]
    for report in reports:
        blocks = [("ct2", report["beams"]), ("hf", report["hf"]["beams"])]
        for block, rows in blocks:
            for beam, row in rows.items():
                before, after = row["load"]
                for name, times in row["times"].items():
                    lines.append(
                        f"| {report['model']} | {block} | {beam} | {name} | {len(times)} "
                        f"| {min(times):.2f} | {statistics.median(times):.2f} "
                        f"| {before:.2f} → {after:.2f} |"
                    )
    return "\n".join(lines)


def render(
    reports: list[dict[str, Any]],
    memory: list[dict[str, Any]],
    cold: list[dict[str, Any]],
    args: Any,
) -> str:
    """All tables, with the settings they were measured with."""
    parts = [
        f"Settings: {args.reps} interleaved repetitions ({args.hf_reps} with transformers), "
        f"beams {args.beams}, {THREADS} threads (CTranslate2 intra_threads, torch.set_num_threads)"
        f"; {os.cpu_count()} cores, load average {_load()}.",
        "",
        "Workload:",
        "",
        _maybe(workload_table, reports),
        "",
        "Throughput (docs/s, medians; ratios are medians of per-repetition time ratios):",
        "",
        _maybe(throughput_table, reports),
        "",
        "transformers generate (PyTorch, float32, same batches and options):",
        "",
        _maybe(hf_table, reports),
        "",
        "Cross-document batching:",
        "",
        _maybe(batching_table, reports),
        "",
        "Every system's time (seconds per repetition; ratios above are per repetition):",
        "",
        times_table(reports),
    ]
    if memory:
        parts += ["", "Peak memory:", "", memory_table(memory)]
    if cold:
        parts += ["", "Cold start:", "", cold_table(cold)]
    return "\n".join(parts)
