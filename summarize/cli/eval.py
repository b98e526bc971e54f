"""``summarize eval``: typer wiring only; the work is done in :mod:`summarize.evaluate`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from summarize.cli import options as opt
from summarize.cli.helpformat import PanelCommand

if TYPE_CHECKING:
    from summarize.evaluate.records import Dataset
    from summarize.evaluate.report import Report
    from summarize.evaluate.systems import System, SystemSpec
    from summarize.settings import Settings

DataArg = Annotated[
    str, typer.Argument(help="JSONL records to evaluate on, or - for stdin.", metavar="DATA")
]
Systems = Annotated[
    list[str] | None,
    typer.Option(
        "--system",
        "--engine",
        "-e",
        metavar="NAME",
        help="A system to run: an engine name or 'lead' (repeatable).",
    ),
]
Models = Annotated[
    list[str] | None,
    typer.Option(
        "--model",
        "-m",
        metavar="NAME",
        help="Run an installed model as a system (repeatable).",
    ),
]
Runs = Annotated[
    str | None,
    typer.Option("--runs", help="TOML file of named runs ([runs.NAME] tables).", metavar="FILE"),
]
PredictionsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--predictions",
        "-p",
        help="Score existing outputs (JSONL with id and summary/translation; repeatable).",
        metavar="FILE",
    ),
]
Task = Annotated[
    str,
    typer.Option(
        "--task", metavar="summarize|translate", help="summarize, or translate (chrF++, BLEU)."
    ),
]
Budget = Annotated[
    str | None,
    typer.Option(
        "--budget",
        metavar="reference|fixed",
        help="reference: give each summary its reference's length in words, a cap that "
        "extractive engines fill with whole sentences (the default unless a length option is "
        "given); fixed: use the length options as given.",
    ),
]
Rouge = Annotated[
    str,
    typer.Option(
        "--rouge",
        metavar="default|xlsum",
        help="ROUGE tokens. default: folded words (diacritics, alef/ya/ta-marbuta variants "
        "unified, no stemming); xlsum: the XL-Sum authors' scorer for Arabic (punctuation "
        "split, NLTK Snowball Arabic stemming, no letter folding), as published mT5 figures "
        "use; needs nltk.",
    ),
]
Resamples = Annotated[
    int,
    typer.Option(
        "--resamples", min=1, metavar="N", help="Bootstrap resamples for the 95% interval."
    ),
]
Seed = Annotated[int, typer.Option("--seed", metavar="N", help="Seed of the bootstrap resampling.")]
Limit = Annotated[
    int | None,
    typer.Option("--limit", min=1, metavar="N", help="Evaluate only the first N records."),
]
EVAL_FORMATS = ("text", "json", "jsonl")


def eval_command(
    data: DataArg,
    system: Systems = None,
    model: Models = None,
    runs: Runs = None,
    predictions: PredictionsOpt = None,
    task: Task = "summarize",
    budget: Budget = None,
    rouge: Rouge = "default",
    sentences: opt.Sentences = None,
    max_words: opt.MaxWords = None,
    ratio: opt.Ratio = None,
    lang: opt.Lang = None,
    resamples: Resamples = 1000,
    seed: Seed = 0,
    limit: Limit = None,
    fmt: opt.Format = "text",
    *,
    runtime: opt.Runtime,
) -> None:
    """Score systems on your own data: ROUGE-1/2/L (or chrF++/BLEU) with 95% intervals.

    Records need `text` and `references` (or `reference`); the lead baseline is always
    in the table.

    Example: summarize eval dev.jsonl --system extractive --model mt5-xlsum
    """
    import sys

    from summarize.engines.base import Length
    from summarize.errors import InputError, UsageError
    from summarize.evaluate.records import eval_task, load_dataset
    from summarize.evaluate.scoring import ROUGE_SCHEMES, SCORERS
    from summarize.evaluate.systems import SystemSpec, check_spec
    from summarize.render import check_format

    check_format(fmt, EVAL_FORMATS)
    if rouge not in ROUGE_SCHEMES:
        raise UsageError(f"unknown --rouge {rouge!r} (choose from: {', '.join(ROUGE_SCHEMES)})")
    eval_task(task)
    if rouge != "default" and not SCORERS[task].rouge:
        raise UsageError("--rouge applies to summaries (--task summarize) only")
    if data == "-" and sys.stdin.isatty():
        raise UsageError("no data: give a JSONL file, or pipe records into '-'")
    has_length = any(v is not None for v in (sentences, max_words, ratio))
    default = SystemSpec(
        name="",
        target_lang=lang,
        length=Length(sentences, max_words, ratio),
        budget=budget or ("fixed" if has_length else "reference"),
        beam=runtime.beam,
        device=runtime.device,
        compute_type=runtime.compute_type,
    )
    check_spec(default)
    systems = _systems(task, default, system or [], model or [], runs, predictions or [])
    settings = runtime.settings()
    quiet = runtime.quiet
    dataset = load_dataset(data, task, to=lang, limit=limit)
    if not dataset.records:
        first = f"; line {dataset.bad[0].line}: {dataset.bad[0].reason}" if dataset.bad else ""
        raise InputError(f"{data}: no usable records{first}")
    report = _run(dataset, systems, settings, task, resamples, seed, quiet, data, rouge)
    _warn(report, quiet)
    _print(report, fmt)
    if any(row.scored == 0 for row in report.systems):
        raise typer.Exit(1)


def _systems(
    task: str,
    default: SystemSpec,
    names: list[str],
    models: list[str],
    runs: str | None,
    predictions: list[str],
) -> list[System]:
    """The systems asked for on the command line, plus the lead baseline for summaries."""
    from dataclasses import replace
    from pathlib import Path

    from summarize.engines import engine_names
    from summarize.engines.lead import LEAD
    from summarize.errors import UsageError
    from summarize.evaluate.records import eval_task
    from summarize.evaluate.systems import (
        PredictionsSpec,
        SystemSpec,
        load_runs,
        unique_names,
        with_lead,
    )

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


def per_system(progress: Any, records: int, systems: int) -> Callable[[str], None]:
    """The ``on_record`` of a bar that counts one system's records at a time (``extractive
    (1/2)``, 0 to ``records``), not records times systems."""
    bar = progress.add_task("evaluating", total=records)
    seen: list[str] = []

    def advance(name: str) -> None:
        if not seen or seen[-1] != name:
            seen.append(name)
            progress.reset(bar, total=records, description=f"{name} ({len(seen)}/{systems})")
        progress.update(bar, advance=1)

    return advance


def _run(
    dataset: Dataset,
    systems: list[System],
    settings: Settings,
    task: str,
    resamples: int,
    seed: int,
    quiet: bool,
    data: str,
    rouge: str = "default",
) -> Report:
    """Evaluate, with a progress bar on stderr when it is a terminal (and not --quiet)."""
    from summarize.evaluate.runner import evaluate
    from summarize.evaluate.scoring import SCORERS, Bootstrap, rouge_tokenizer
    from summarize.evaluate.systems import SystemSpec
    from summarize.render import stderr_console

    SCORERS[task].require()
    if rouge != "default":
        rouge_tokenizer(rouge)  # fail before any engine runs when nltk is missing
    bootstrap = Bootstrap(resamples=resamples, seed=seed)
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
        advance = per_system(progress, len(dataset.records), running)

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


def _warn(report: Report, quiet: bool) -> None:
    """Bad records and failures, on stderr: counted in the table, explained here."""
    from summarize.render import stderr_console

    console = stderr_console(quiet)
    if report.bad_records:
        first = report.bad_records[0]
        console.print(
            f"warning: {len(report.bad_records)} bad records left out "
            f"(first: line {first.line}: {first.reason})",
            markup=False,
        )
    for row in report.systems:
        if row.failures:
            console.print(f"warning: {row.name}: {row.failures} records failed", markup=False)
        for note in row.notes:
            console.print(f"warning: {row.name}: {note}", markup=False)


def _print(report: Report, fmt: str) -> None:
    """The results on stdout: a table (rich on a terminal), JSON, or one JSON line per system."""
    import sys

    from summarize.evaluate.report import plain_table, print_rich_table
    from summarize.render import dumps

    if fmt == "json":
        sys.stdout.write(dumps(report.to_dict(), indent=2) + "\n")
    elif fmt == "jsonl":
        whole = report.to_dict()
        for row in whole["systems"]:
            sys.stdout.write(dumps({"task": report.task, "data": report.data, **row}) + "\n")
    elif sys.stdout.isatty():
        print_rich_table(report, sys.stdout)
    else:
        sys.stdout.write(plain_table(report))
    sys.stdout.flush()


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to the main app."""
    app.command("eval", cls=PanelCommand)(opt.with_runtime(eval_command))
