"""``summarize eval``: typer wiring only; the work (systems, the run with its progress bar, the
output) is done in :mod:`summarize.evaluate.command`."""

from __future__ import annotations

from typing import Annotated, List, Optional  # noqa: UP035

import typer

from summarize.cli import options as opt

# typer evaluates these annotations at runtime; Python 3.10 needs Optional/List spelled out.
DataArg = Annotated[
    str, typer.Argument(help="JSONL records to evaluate on, or - for stdin.", metavar="DATA")
]
Systems = Annotated[
    Optional[List[str]],  # noqa: UP006, UP045
    typer.Option(
        "--system",
        "--engine",
        "-e",
        help="A system to run: an engine name or 'lead' (repeatable).",
    ),
]
Models = Annotated[
    Optional[List[str]],  # noqa: UP006, UP045
    typer.Option("--model", "-m", help="Run an installed model as a system (repeatable)."),
]
Runs = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--runs", help="TOML file of named runs ([runs.NAME] tables).", metavar="FILE"),
]
PredictionsOpt = Annotated[
    Optional[List[str]],  # noqa: UP006, UP045
    typer.Option(
        "--predictions",
        "-p",
        help="Score existing outputs (JSONL with id and summary/translation; repeatable).",
        metavar="FILE",
    ),
]
Task = Annotated[str, typer.Option("--task", help="summarize, or translate (chrF++, BLEU).")]
Budget = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--budget",
        help="reference: give each summary its reference's length in words, a cap that "
        "extractive engines fill with whole sentences (the default unless a length option is "
        "given); fixed: use the length options as given.",
    ),
]
Rouge = Annotated[
    str,
    typer.Option(
        "--rouge",
        help="ROUGE tokens. default: folded words (diacritics, alef/ya/ta-marbuta variants "
        "unified, no stemming); xlsum: the XL-Sum authors' scorer for Arabic (punctuation "
        "split, NLTK Snowball Arabic stemming, no letter folding), as published mT5 figures "
        "use; needs nltk.",
    ),
]
Resamples = Annotated[
    int, typer.Option("--resamples", min=1, help="Bootstrap resamples for the 95% interval.")
]
Seed = Annotated[int, typer.Option("--seed", help="Seed of the bootstrap resampling.")]
Limit = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option("--limit", min=1, help="Evaluate only the first N records."),
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
    beam: opt.Beam = None,
    device: opt.Device = None,
    compute_type: opt.ComputeType = None,
    threads: opt.Threads = None,
    resamples: Resamples = 1000,
    seed: Seed = 0,
    limit: Limit = None,
    fmt: opt.Format = "text",
    quiet: opt.Quiet = False,
    offline: opt.Offline = False,
) -> None:
    """Score systems on your own data: ROUGE-1/2/L (or chrF++/BLEU) with 95% intervals.

    Records need `text` and `references` (or `reference`); the lead baseline is always
    in the table.

    Example: summarize eval dev.jsonl --system extractive --model mt5-xlsum
    """
    import sys

    from summarize.engines.base import Length
    from summarize.errors import InputError, UsageError
    from summarize.evaluate.command import (
        run_with_progress,
        systems_for,
        warnings_of,
        write_report,
    )
    from summarize.evaluate.records import eval_task, load_dataset
    from summarize.evaluate.scoring import ROUGE_SCHEMES, SCORERS, Bootstrap
    from summarize.evaluate.systems import SystemSpec, check_spec
    from summarize.render import check_format, stderr_console
    from summarize.settings import Settings

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
        beam=beam,
        device=device,
        compute_type=compute_type,
    )
    check_spec(default)
    systems = systems_for(task, default, system or [], model or [], runs, predictions or [])
    settings = Settings.from_flags(
        offline=offline, device=device, compute_type=compute_type, threads=threads
    )
    dataset = load_dataset(data, task, to=lang, limit=limit)
    if not dataset.records:
        first = f"; line {dataset.bad[0].line}: {dataset.bad[0].reason}" if dataset.bad else ""
        raise InputError(f"{data}: no usable records{first}")
    bootstrap = Bootstrap(resamples=resamples, seed=seed)
    report = run_with_progress(
        dataset,
        systems,
        settings,
        task=task,
        bootstrap=bootstrap,
        quiet=quiet,
        data=data,
        rouge=rouge,
    )
    console = stderr_console(quiet)
    for line in warnings_of(report):
        console.print(line, markup=False)
    write_report(report, fmt)
    if any(row.scored == 0 for row in report.systems):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to the main app."""
    app.command("eval")(eval_command)
