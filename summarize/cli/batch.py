"""The ``batch`` command: typer wiring only (the work is in :mod:`summarize.batch.run`)."""

from __future__ import annotations

import os
import re
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperCommand

from summarize.cli import options as opt
from summarize.cli.brief import Bullets, TranslatorModel, Via

Inputs = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Argument(
        help="JSONL files, text/HTML files, directories, or - for standard input.",
        metavar="INPUT",
        show_default=False,
    ),
]
Task = Annotated[
    str,
    typer.Option(
        "--task",
        help="summarize, translate (with --to) or brief (English briefs: --bullets, --via, "
        "--translator; --max-words caps the paragraph).",
    ),
]
Output = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--output",
        "-o",
        help="Append records to this file, which must be new or empty unless --resume, "
        "and is locked for the run (default: stdout).",
    ),
]
Resume = Annotated[
    bool,
    typer.Option(
        "--resume",
        help="Skip ids already in --output and append the rest (failed records count as "
        "done: delete their lines to retry them).",
    ),
]
Workers = Annotated[
    int,
    typer.Option(
        "--workers",
        min=0,
        help="Processes for per-record engines: 0 = auto (one, unless 4+ CPUs with 3 idle); "
        "at most 2 per CPU and 1 per 16 records. With --cluster local: worker processes "
        "(0 = one per CPU); with a cluster address: workers to wait for.",
    ),
]
Cluster = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--cluster",
        metavar="ADDRESS",
        help="Run on a Dask cluster: local (worker processes on this machine), a "
        "scheduler address (tcp://host:8786), or auto ($DASK_SCHEDULER_ADDRESS, else "
        "local; also what --cluster alone means). Needs pip install 'summarize[cluster]'. "
        "A Dask scheduler runs whatever code its clients send: use only one you trust.",
        show_default=False,
    ),
]
SchedulerFile = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--scheduler-file",
        metavar="PATH",
        help="Run on the Dask cluster whose scheduler wrote PATH (implies --cluster; "
        "the scheduler must be trusted, as for --cluster).",
        show_default=False,
    ),
]
InputFormat = Annotated[
    str,
    typer.Option(
        "--input-format",
        help="auto, jsonl, or text (stdin: documents separated by --- lines).",
    ),
]
BatchSize = Annotated[
    int,
    typer.Option("--batch-size", min=1, help="Records per shared model call (neural)."),
]
BatchFormat = Annotated[
    str, typer.Option("--format", "-f", help="Output format: jsonl (the only one).")
]


def batch(
    inputs: Inputs = None,
    task: Task = "summarize",
    output: Output = None,
    resume: Resume = False,
    workers: Workers = 0,
    cluster: Cluster = None,
    scheduler_file: SchedulerFile = None,
    input_format: InputFormat = "auto",
    batch_size: BatchSize = 32,
    sentences: opt.Sentences = None,
    max_words: opt.MaxWords = None,
    ratio: opt.Ratio = None,
    fmt: BatchFormat = "jsonl",
    engine: opt.Engine = "auto",
    model: opt.Model = None,
    lang: opt.Lang = None,
    to: opt.To = "en",
    bullets: Bullets = 4,
    via: Via = None,
    translator: TranslatorModel = None,
    beam: opt.Beam = None,
    device: opt.Device = None,
    compute_type: opt.ComputeType = None,
    threads: opt.Threads = None,
    quiet: opt.Quiet = False,
    offline: opt.Offline = False,
) -> None:
    """Summarize, translate or brief many articles: JSON Lines out, one record per input.

    Input: JSON Lines ({"id", "text", optional "title", "date"; other fields are
    copied to the output, renamed input_NAME when the output uses NAME}), text or HTML
    files, directories of them, or - for stdin (JSON Lines, or plain documents
    separated by a line holding only ---). Output records, in input order: id, summary
    (or translation), lang, source_lang, engine, model, title, date and source when found,
    chars_in, ms (with --task brief: id, then the fields of `summarize brief --format
    json`); or id and error. Exit code 1 if any record failed.

    Example: summarize batch articles.jsonl -o summaries.jsonl

    Or from a pipe: cat articles.jsonl | summarize batch - > summaries.jsonl

    On a Dask cluster: summarize batch crawl.jsonl -o out.jsonl --cluster tcp://host:8786
    """
    from summarize.batch.inputs import check_inputs
    from summarize.batch.run import BatchConfig, run_batch
    from summarize.brief.engines import BriefOptions
    from summarize.engines.base import Length
    from summarize.errors import UsageError
    from summarize.pipeline import SummaryOptions
    from summarize.settings import Settings
    from summarize.tasks import check_lang, make_task

    options = SummaryOptions(
        length=Length(sentences=sentences, max_words=max_words, ratio=ratio),
        target_lang=check_lang(lang),
        engine=engine,
        model=model,
        beam=beam,
    )
    # --max-words caps the brief's paragraph, as --words does for `summarize brief`.
    brief = BriefOptions(
        bullets=bullets, words=max_words, via=via, translator=translator, beam=beam
    )
    job = make_task(task, options, to=check_lang(to) or "en", brief=brief)
    if fmt != "jsonl":
        raise UsageError("batch writes JSON Lines: --format jsonl is the only format")
    args = check_inputs(inputs or [], input_format)
    settings = Settings.from_flags(
        offline=offline, device=device, compute_type=compute_type, threads=threads
    )
    config = BatchConfig(
        inputs=args,
        task=job,
        settings=settings,
        input_format=input_format,
        output=output,
        resume=resume,
        workers=workers,
        window=batch_size,
        quiet=quiet,
    )
    if cluster is None and scheduler_file is None:
        run_batch(config)
        return
    from summarize.batch.cluster.driver import run_cluster_batch

    run_cluster_batch(config, cluster, workers, scheduler_file)


# What can only be a cluster address after --cluster: a keyword, a URL, or host:port.
_ADDRESS = re.compile(r"(local|auto|[a-z][a-z0-9+.-]*://\S*|[\w.-]+:\d+)", re.IGNORECASE)


def _is_address(value: str) -> bool:
    if _ADDRESS.fullmatch(value):
        return True
    return not value.startswith("-") and not os.path.exists(value)


def cluster_without_address(args: list[str]) -> list[str]:
    """``--cluster`` with no address after it becomes ``--cluster auto``.

    typer options cannot take an optional value, so the word after ``--cluster`` is looked
    at: an option, an existing file or folder (an input), or nothing at all means no address
    was given. Anything else is taken as the address (``local``, ``tcp://host:8786``, ...).
    """
    out: list[str] = []
    for i, arg in enumerate(args):
        out.append(arg)
        if arg == "--cluster" and (i + 1 == len(args) or not _is_address(args[i + 1])):
            out.append("auto")
    return out


class BatchCommand(TyperCommand):
    """The ``batch`` command, accepting ``--cluster`` without an address."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Give a bare ``--cluster`` its default address before parsing."""
        return super().parse_args(ctx, cluster_without_address(args))


def register(app: typer.Typer) -> None:
    """Add the ``batch`` command to the main app."""
    app.command("batch", cls=BatchCommand)(batch)
