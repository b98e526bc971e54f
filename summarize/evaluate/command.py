"""What ``summarize eval`` does once its options are parsed: systems, the run, the output.

:func:`systems_for` turns the command line's systems into specs (the lead baseline added for
summaries); :func:`run_with_progress` evaluates them with a progress bar on a terminal;
:func:`warnings_of` and :func:`write_report` say what happened (stderr) and what scored how
(stdout).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from summarize.errors import UsageError
from summarize.evaluate.records import Dataset, eval_task
from summarize.evaluate.report import Report, plain_table, print_rich_table
from summarize.evaluate.runner import evaluate
from summarize.evaluate.scoring import SCORERS, Bootstrap, rouge_tokenizer
from summarize.evaluate.systems import (
    PredictionsSpec,
    System,
    SystemSpec,
    load_runs,
    unique_names,
    with_lead,
)
from summarize.settings import Settings


def systems_for(
    task: str,
    default: SystemSpec,
    names: list[str],
    models: list[str],
    runs: str | None,
    predictions: list[str],
) -> list[System]:
    """The systems asked for on the command line, plus the lead baseline for summaries."""
    from summarize.engines import engine_names
    from summarize.engines.lead import LEAD

    systems: list[System] = [replace(default, name=n, engine=n) for n in names]
    systems += [replace(default, name=m, model=m) for m in models]
    if runs:
        systems += load_runs(runs, default)
    systems += [PredictionsSpec(Path(p).stem or p, p) for p in predictions]
    kind = eval_task(task)
    if not systems:
        systems = [replace(default, name=kind.default_system, engine=kind.default_engine)]
    known = engine_names()
    for spec in systems:
        if isinstance(spec, SystemSpec) and spec.engine not in known:
            raise UsageError(f"unknown system {spec.engine!r} (choose from: {', '.join(known)})")
        if not kind.lead and isinstance(spec, SystemSpec) and spec.engine == LEAD:
            raise UsageError("the lead baseline is for summaries, not translations")
    if kind.lead:
        systems = with_lead(systems, default)
    unique_names(systems)
    return systems


def run_with_progress(
    dataset: Dataset,
    systems: list[System],
    settings: Settings,
    *,
    task: str,
    bootstrap: Bootstrap,
    quiet: bool,
    data: str,
    rouge: str = "default",
) -> Report:
    """Evaluate, with a progress bar on stderr when it is a terminal (and not ``quiet``)."""
    from summarize.render import stderr_console

    SCORERS[task].require()
    if rouge != "default":
        rouge_tokenizer(rouge)  # fail before any engine runs when nltk is missing
    console = stderr_console(quiet)
    running = sum(isinstance(s, SystemSpec) for s in systems)
    if quiet or not console.is_terminal or not running:
        return evaluate(
            dataset, systems, settings, task=task, bootstrap=bootstrap, data=data, rouge=rouge
        )
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        bar = progress.add_task("evaluating", total=running * len(dataset.records))

        def advance(name: str) -> None:
            progress.update(bar, advance=1, description=name)

        return evaluate(
            dataset,
            systems,
            settings,
            task=task,
            bootstrap=bootstrap,
            on_record=advance,
            data=data,
            rouge=rouge,
        )


def warnings_of(report: Report) -> list[str]:
    """Bad records and failures, for stderr: counted in the table, explained here."""
    lines = []
    if report.bad_records:
        first = report.bad_records[0]
        lines.append(
            f"warning: {len(report.bad_records)} bad records left out "
            f"(first: line {first.line}: {first.reason})"
        )
    for row in report.systems:
        if row.failures:
            lines.append(f"warning: {row.name}: {row.failures} records failed")
        lines += [f"warning: {row.name}: {note}" for note in row.notes]
    return lines


def write_report(report: Report, fmt: str, out: TextIO | None = None) -> None:
    """The results: a table (rich on a terminal), JSON, or one JSON line per system."""
    from summarize.render import dumps

    out = out or sys.stdout
    if fmt == "json":
        out.write(dumps(report.to_dict(), indent=2) + "\n")
    elif fmt == "jsonl":
        whole = report.to_dict()
        for row in whole["systems"]:
            out.write(dumps({"task": report.task, "data": report.data, **row}) + "\n")
    elif out.isatty():
        print_rich_table(report, out)
    else:
        out.write(plain_table(report))
    out.flush()
