"""Running systems over records and scoring what they produce. Never prints.

A record that fails (the cleaner finds no text, the engine raises) is counted against
that system and left out of its scores; it never stops the run. Errors that would repeat
on every record (an unknown engine, a model that is not installed) stop it at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from summarize.engines.base import Document, Summarizer, SummaryOptions, Translator
from summarize.errors import ModelNotInstalledError, SummarizeError, UsageError
from summarize.evaluate.records import Dataset, EvalRecord, load_predictions
from summarize.evaluate.report import Report, SystemResult
from summarize.evaluate.scoring import SCORERS, Bootstrap, scorer_for
from summarize.evaluate.systems import PredictionsSpec, System, SystemSpec
from summarize.settings import Settings
from summarize.tasks import Engine, Session, Summarize, Task, Translate

# Called after each record a system has worked on (progress bars).
OnRecord = Callable[[str], None]


class EngineLoadError(SummarizeError):
    """An engine could not be built: it would fail the same way on every record."""


_FATAL = (ModelNotInstalledError, UsageError, EngineLoadError)


@dataclass(frozen=True)
class Failure:
    """A record a system could not produce an output for, and why."""

    id: str
    reason: str


@dataclass(frozen=True)
class Outputs:
    """What one system produced: text by record id, failures, and generation time."""

    texts: dict[str, str]
    failures: tuple[Failure, ...]
    seconds: float | None = None
    engine: str | None = None
    model: str | None = None
    notes: tuple[str, ...] = ()


def _settings_for(spec: SystemSpec, settings: Settings) -> Settings:
    changes: dict[str, Any] = {"device": spec.device, "compute_type": spec.compute_type}
    return replace(settings, **{k: v for k, v in changes.items() if v is not None})


def _engine(session: Session, source: str, target: str) -> Engine:
    """The session's engine for the pair; a failure to build it stops the run (it would
    fail the same way on every record)."""
    try:
        return session.engine(source, target)
    except _FATAL:
        raise
    except Exception as exc:
        raise EngineLoadError(f"cannot load the engine: {type(exc).__name__}: {exc}") from exc


def _summary_runner(spec: SystemSpec, session: Session) -> Callable[[EvalRecord], str]:
    """Summarise one record with ``spec``, as ``summarize FILE`` would (cleaning included)."""
    from summarize.evaluate.systems import length_for
    from summarize.pipeline import Finished

    assert isinstance(session.task, Summarize)
    options = session.task.options

    def run(record: EvalRecord) -> str:
        label = f"record {record.id}"
        prepared = session.prepare(record.source, title=record.title, label=label)
        source = prepared.meta.source_lang
        target = session.task.target(source)
        engine = _engine(session, source, target)
        # The budget is the record's own: the same engine, a task with this record's length.
        task = Summarize(replace(options, length=length_for(spec, record.references)))
        for event in task.events(prepared, engine, target):
            if isinstance(event, Finished):
                return event.result.text
        raise RuntimeError("the pipeline ended without a result")

    return run


def _translation_doc(text: str) -> Document:
    """A source segment as the translator sees it: normalised, split, no news cleaning
    (a one-line segment must not be taken for a headline)."""
    from summarize.text.lang import detect_lang
    from summarize.text.normalize import normalize_text
    from summarize.text.sentences import split_sentences

    clean = normalize_text(text)
    return Document(text=clean, lang=detect_lang(clean), sentences=tuple(split_sentences(clean)))


def _translation_runner(spec: SystemSpec, session: Session) -> Callable[[EvalRecord], str]:
    """Translate one record with ``spec``'s model (or the installed one for the pair)."""

    def run(record: EvalRecord) -> str:
        doc = _translation_doc(record.source)
        source = record.source_lang or doc.lang
        target = record.target_lang or spec.target_lang or ("en" if source == "ar" else "ar")
        engine = _engine(session, source, target)
        assert isinstance(engine, Translator)
        return "".join(engine.translate(doc, target)).strip()

    return run


def _task_of(spec: SystemSpec, task: str) -> Task:
    """The session's task for a system: its engine and model; lengths come per record."""
    if task == "translate":
        # The pair comes with each record; ``to`` only names the usual one.
        return Translate(spec.target_lang or "en", spec.model, spec.beam)
    options = SummaryOptions(
        target_lang=spec.target_lang, engine=spec.engine, model=spec.model, beam=spec.beam
    )
    return Summarize(options)


def _outputs_of(
    spec: SystemSpec,
    records: Sequence[EvalRecord],
    session: Session,
    run: Callable[[EvalRecord], str],
    debug: bool,
    on_record: OnRecord | None,
) -> Outputs:
    texts: dict[str, str] = {}
    failures: list[Failure] = []
    start = time.perf_counter()
    try:
        for record in records:
            try:
                texts[record.id] = run(record)
            except _FATAL:
                raise
            except Exception as exc:
                if debug:
                    raise
                failures.append(Failure(record.id, f"{type(exc).__name__}: {exc}"))
            if on_record is not None:
                on_record(spec.name)
        built = session.engines()
    finally:
        session.close()
    busy = time.perf_counter() - start - session.load_seconds
    first = next((e for e in built if isinstance(e, Summarizer | Translator)), None)
    engine_name = first.name if first is not None else spec.engine
    model = first.model if first is not None else spec.model
    return Outputs(texts, tuple(failures), busy, engine_name, model)


def generate(
    spec: SystemSpec,
    records: Sequence[EvalRecord],
    settings: Settings,
    task: str = "summarize",
    on_record: OnRecord | None = None,
) -> Outputs:
    """Run ``spec`` over ``records``; ``seconds`` leaves out the time spent loading models.

    The system's engines are opened by one session; its notices (an engine standing in for
    the one asked for, an input cut to the size limit) become the row's notes.
    """
    notices: list[str] = []
    session = Session(_task_of(spec, task), _settings_for(spec, settings), notices.append)
    runner = _translation_runner if task == "translate" else _summary_runner
    outputs = _outputs_of(spec, records, session, runner(spec, session), settings.debug, on_record)
    notes = tuple(sorted(set(notices))) + tuple(f"{f.id}: {f.reason}" for f in outputs.failures[:3])
    return replace(outputs, notes=notes)


def read_outputs(spec: PredictionsSpec, records: Sequence[EvalRecord], task: str) -> Outputs:
    """Outputs from a predictions file; a record without one there is a failure."""
    predictions = load_predictions(spec.path, task)
    texts = {r.id: predictions.by_id[r.id] for r in records if r.id in predictions.by_id}
    failures = [Failure(r.id, "no prediction with this id") for r in records if r.id not in texts]
    notes = tuple(f"{spec.path}: line {b.line}: {b.reason}" for b in predictions.bad)
    notes += tuple(f"{f.id}: {f.reason}" for f in failures[:3])
    return Outputs(texts, tuple(failures), notes=notes)


def describe(system: System) -> dict[str, object]:
    """The options a system ran with, for the JSON report (unset ones left out)."""
    if isinstance(system, PredictionsSpec):
        return {"predictions": system.path}
    out: dict[str, object] = {
        "engine": system.engine,
        "model": system.model,
        "lang": system.target_lang,
        "budget": system.budget,
        "sentences": system.length.sentences,
        "max_words": system.length.max_words,
        "ratio": system.length.ratio,
        "beam": system.beam,
        "device": system.device,
        "compute_type": system.compute_type,
    }
    return {k: v for k, v in out.items() if v is not None}


def score(
    system: System,
    outputs: Outputs,
    records: Sequence[EvalRecord],
    task: str,
    bootstrap: Bootstrap,
    rouge: str = "default",
) -> SystemResult:
    """The row of one system: its scores over the records it produced output for."""
    scorer = scorer_for(task, rouge)
    done = [r for r in records if r.id in outputs.texts]
    scores = (
        scorer([outputs.texts[r.id] for r in done], [r.references for r in done], bootstrap)
        if done
        else {}
    )
    attempted = len(done) + len(outputs.failures)
    speed = attempted / outputs.seconds if outputs.seconds and attempted else None
    return SystemResult(
        name=system.name,
        options=describe(system),
        engine=outputs.engine,
        model=outputs.model,
        scored=len(done),
        failures=len(outputs.failures),
        records_per_s=speed,
        scores=scores,
        notes=outputs.notes,
    )


def evaluate(
    dataset: Dataset,
    systems: Sequence[System],
    settings: Settings,
    *,
    task: str = "summarize",
    bootstrap: Bootstrap | None = None,
    on_record: OnRecord | None = None,
    data: str = "",
    rouge: str = "default",
) -> Report:
    """Run (or read) every system over the dataset and score each one.

    ``rouge`` picks the ROUGE tokenisation for summaries (see ``scoring.ROUGE_SCHEMES``).
    """
    bootstrap = bootstrap or Bootstrap()
    metrics = SCORERS[task].names
    rows: list[SystemResult] = []
    for system in systems:
        if isinstance(system, PredictionsSpec):
            outputs = read_outputs(system, dataset.records, task)
        else:
            outputs = generate(system, dataset.records, settings, task, on_record)
        rows.append(score(system, outputs, dataset.records, task, bootstrap, rouge))
    return Report(
        task=task,
        data=data,
        records=len(dataset.records),
        bad_records=dataset.bad,
        metrics=metrics,
        bootstrap=bootstrap,
        systems=tuple(rows),
    )
