"""Markdown tables of ``realsize.py`` results."""

from __future__ import annotations

import statistics
from typing import Any


def _s(stats: dict[str, float]) -> str:
    return f"{stats['min']:.1f} / {stats['median']:.1f}"


def _shapes(results: dict[str, Any]) -> list[str]:
    return [k for k, v in results.items() if isinstance(v, dict) and "tool" in v]


def main_table(results: dict[str, Any]) -> str:
    """Per shape: conversion, load, memory, one article, batch."""
    rows = [
        "| shape | convert s | load s (min / median) | RSS loaded MiB | article: words, "
        "tokens, chunks | one article, default decoding s | beam 1 s | beam 4 s | "
        "batch articles/min | peak RSS MiB |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for shape in _shapes(results):
        tool = results[shape]["tool"]
        art = tool["article_s"]
        default = art[f"beam {tool['default_beam']}"]
        batch = tool.get("batch")
        rate = f"{60 * batch['docs'] / batch['times']['median']:.1f}" if batch else "-"
        rows.append(
            f"| {shape} | {results[shape]['build']['convert_s']:.0f} | {_s(tool['load_s'])} | "
            f"{tool['load_rss_mib']:.0f} | {tool['article_words']}, {tool['article_tokens']}, "
            f"{tool['chunks'] or '-'} | {_s(default)} (beam {tool['default_beam']}) | "
            f"{_beam(art, 1)} | {_beam(art, 4)} | {rate} | "
            f"{tool.get('rss_mib', tool['article_rss_mib']):.0f} |"
        )
    return "\n".join(rows)


def _beam(article: dict[str, Any], beam: int) -> str:
    """An article's time at ``beam``, or a dash where that beam was not run (1.3B)."""
    times = article.get(f"beam {beam}")
    return _s(times) if times else "-"


def side_table(results: dict[str, Any]) -> str:
    """Tool vs raw CTranslate2 vs transformers on the article's units."""
    rows = [
        "| shape | units, beam | tool s (min / median) | raw CT2 s | tool / raw | "
        "transformers fp32 s | transformers / tool | transformers RSS MiB |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for shape in _shapes(results):
        side = results[shape]["tool"].get("side")
        if not side:
            continue
        t, r = side["times"]["tool"], side["times"]["raw"]
        ratio = statistics.median(a / b for a, b in zip(t, r, strict=True))
        hf = results[shape].get("hf")
        hf_s = hf_ratio = hf_rss = "-"
        if hf:
            hf_s = f"{min(hf['times']):.1f} / {statistics.median(hf['times']):.1f}"
            hf_ratio = f"{statistics.median(hf['times']) / statistics.median(t):.2f}"
            hf_rss = f"{hf['rss_mib']:.0f}"
        rows.append(
            f"| {shape} | {side['units']}, {side['beam']} | {min(t):.1f} / "
            f"{statistics.median(t):.1f} | {min(r):.1f} / {statistics.median(r):.1f} | "
            f"{ratio:.2f} | {hf_s} | {hf_ratio} | {hf_rss} |"
        )
    return "\n".join(rows)


def where_table(results: dict[str, Any]) -> str:
    """Raw CTranslate2 trials, as ratios of the median time to greedy's."""
    shapes = [s for s in _shapes(results) if results[s]["tool"].get("where")]
    if not shapes:
        return ""
    trials = list(results[shapes[0]]["tool"]["where"]["times"])
    head = "| trial (raw CTranslate2, the article's units) | " + " | ".join(shapes) + " |"
    rows = [head, "| --- |" + " --- |" * len(shapes)]
    for trial in trials:
        cells = []
        for shape in shapes:
            times = results[shape]["tool"]["where"]["times"]
            base = times["greedy"]["median"]
            cells.append(f"{times[trial]['median']:.2f} s ({times[trial]['median'] / base:.2f}x)")
        rows.append(f"| {trial} | " + " | ".join(cells) + " |")
    notes = []
    for shape in shapes:
        w = results[shape]["tool"]["where"]
        ratio = results[shape]["tool"].get("output_ratio")
        output = (
            f"output fixed at {ratio:g} x the call's longest source (the tool's cap, "
            f"{w['cap']}, is a loop guard)"
            if ratio
            else f"output fixed at {w['cap']} tokens"
        )
        notes.append(
            f"{shape}: {w['units']} units, source {w['shortest']}-{w['longest']} tokens, {output}"
        )
    return "\n".join(rows) + "\n\n" + "; ".join(notes) + "."


def render(results: dict[str, Any]) -> str:
    """Every table, with the machine's load before and after."""
    before = ", ".join(f"{x:.2f}" for x in results["load_before"])
    after = ", ".join(f"{x:.2f}" for x in results["load_after"])
    if not results["seconds"]:
        before, after = f"lowest {before}", f"highest {after} (at the end of a stage)"
    parts = [main_table(results), side_table(results), where_table(results)]
    if "pair" in results:
        parts.append(
            f"mt5-base + nllb-600m loaded together, a summary then its translation: peak RSS "
            f"{results['pair']['rss_mib']:.0f} MiB."
        )
    took = f"; {results['seconds']:.0f} s" if results["seconds"] else ""
    parts.append(f"Load average: {before}; {after}{took}.")
    return "\n\n".join(p for p in parts if p)
