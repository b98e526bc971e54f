"""The evaluation report: one row per system, best value per column, as a table or JSON.

The table goes to stdout (results are results): a rich table on a terminal, plain aligned
text otherwise, where a ``*`` marks the best value of each column. A column where every
system ties has no best.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from summarize.evaluate.records import BadRecord
from summarize.evaluate.scoring import METRIC_LABELS, Bootstrap, Score

SPEED = "records_per_s"
FAILURES = "failures"


@dataclass(frozen=True)
class SystemResult:
    """One system's row: its scores, how many records it scored and failed, its speed."""

    name: str
    scored: int
    failures: int
    scores: dict[str, Score]
    options: dict[str, object] = field(default_factory=dict)
    engine: str | None = None
    model: str | None = None
    records_per_s: float | None = None
    # Why some records failed (a few examples), and unreadable prediction lines.
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    """Everything an evaluation found, for rendering."""

    task: str
    data: str
    records: int
    bad_records: tuple[BadRecord, ...]
    metrics: tuple[str, ...]
    bootstrap: Bootstrap
    systems: tuple[SystemResult, ...]

    def column_value(self, row: SystemResult, column: str) -> float | None:
        """The number a column compares (``None``: not applicable)."""
        if column == SPEED:
            return row.records_per_s
        if column == FAILURES:
            return float(row.failures)
        score = row.scores.get(column)
        return score.value if score is not None else None

    def best(self) -> dict[str, list[str]]:
        """For each column, the systems with its best value (none when all tie)."""
        out: dict[str, list[str]] = {}
        for column in (*self.metrics, SPEED, FAILURES):
            values = {r.name: self.column_value(r, column) for r in self.systems}
            known = {n: v for n, v in values.items() if v is not None}
            pick: Callable[[Any], float] = min if column == FAILURES else max
            if len(set(known.values())) < 2 and len(known) == len(values):
                out[column] = []
                continue
            top = pick(known.values()) if known else None
            out[column] = [n for n, v in known.items() if v == top]
        return out

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape (scores on a 0-100 scale, with their interval)."""
        best = self.best()
        return {
            "task": self.task,
            "data": self.data,
            "records": self.records,
            "bad_records": len(self.bad_records),
            "bad_record_examples": [f"line {b.line}: {b.reason}" for b in self.bad_records[:5]],
            "metrics": list(self.metrics),
            "scale": "0-100",
            "interval": {
                "method": "percentile bootstrap over records",
                "confidence": self.bootstrap.confidence,
                "resamples": self.bootstrap.resamples,
                "seed": self.bootstrap.seed,
            },
            "best": best,
            "systems": [self._row_dict(r, best) for r in self.systems],
        }

    def _row_dict(self, row: SystemResult, best: dict[str, list[str]]) -> dict[str, Any]:
        speed = row.records_per_s
        return {
            "name": row.name,
            "engine": row.engine,
            "model": row.model,
            "options": row.options,
            "scored": row.scored,
            "failures": row.failures,
            SPEED: round(speed, 2) if speed is not None else None,
            "scores": {m: s.to_dict() for m, s in row.scores.items()},
            "best": [c for c, names in best.items() if row.name in names],
            "notes": list(row.notes),
        }


def _cell(report: Report, row: SystemResult, column: str) -> str:
    if column == FAILURES:
        return str(row.failures)
    if column == SPEED:
        return f"{row.records_per_s:.1f}" if row.records_per_s is not None else "–"
    score = row.scores.get(column)
    if score is None:
        return "–"
    return f"{score.value:.2f} [{score.low:.2f}, {score.high:.2f}]"


def _headers(report: Report) -> list[str]:
    return ["system", *(METRIC_LABELS[m] for m in report.metrics), "records/s", "failures"]


def _columns(report: Report) -> list[str]:
    return [*report.metrics, SPEED, FAILURES]


def footer(report: Report) -> str:
    """The line under the table: what was scored and how intervals were made."""
    b = report.bootstrap
    bad = f" ({len(report.bad_records)} bad, left out)" if report.bad_records else ""
    return (
        f"{report.records} records{bad}; scores 0-100, the mean over records (not a "
        f"bootstrap median), with a {b.confidence:.0%} bootstrap interval "
        f"({b.resamples} resamples, seed {b.seed})"
    )


def plain_table(report: Report) -> str:
    """Aligned plain text; ``*`` marks the best value of each column."""
    best = report.best()
    # Headers get the same one-character mark slot as the values, so they line up.
    head = _headers(report)
    rows = [[head[0], *(h + " " for h in head[1:])]]
    for row in report.systems:
        cells = [row.name]
        for column in _columns(report):
            mark = "*" if row.name in best[column] else " "
            cells.append(_cell(report, row, column) + mark)
        rows.append(cells)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    ]
    lines.append("")
    lines.append(footer(report) + "; * best in column")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def print_rich_table(report: Report, out: TextIO) -> None:
    """A rich table for a terminal, the best value of each column in bold green."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    best = report.best()
    table = Table(caption=footer(report), caption_justify="left")
    for i, header in enumerate(_headers(report)):
        table.add_column(header, justify="left" if i == 0 else "right", no_wrap=i == 0)
    for row in report.systems:
        cells = [Text(row.name, style="bold")]
        for column in _columns(report):
            style = "bold green" if row.name in best[column] else ""
            score = row.scores.get(column)
            if score is None:
                cells.append(Text(_cell(report, row, column), style=style))
            else:
                # The interval on a second, dim line keeps the table narrow enough for 80 columns.
                interval = f"{score.low:.2f}–{score.high:.2f}"
                cells.append(Text.assemble((f"{score.value:.2f}", style), "\n", (interval, "dim")))
        table.add_row(*cells)
    Console(file=out, highlight=False).print(table)
