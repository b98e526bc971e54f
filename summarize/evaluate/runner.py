"""Running systems over records and scoring what they produce. Never prints.

A record that fails (the cleaner finds no text, the engine raises) is counted against
that system and left out of its scores; it never stops the run. Errors that would repeat
on every record (an unknown engine, a model that is not installed) stop it at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from summarize.engines.base import Document, Summarizer, Translator
from summarize.errors import ModelNotInstalledError, SummarizeError, UsageError
from summarize.evaluate.records import Dataset, EvalRecord, load_predictions
from summarize.evaluate.report import Report, SystemResult
from summarize.evaluate.scoring import SCORERS, Bootstrap, scorer_for
from summarize.evaluate.systems import PredictionsSpec, System, SystemSpec
from summarize.settings import Settings

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


E = TypeVar("E", Summarizer, Translator)


class _Engines(Generic[E]):
    """Engines built on first use, one per language pair, and the time spent building them."""

    def __init__(self) -> None:
        self.by_pair: dict[tuple[str, str], E] = {}
        self.load_seconds = 0.0

    def get(self, pair: tuple[str, str], build: Callable[[], E]) -> E:
        """The engine for ``pair``, built by ``build`` the first time."""
        engine = self.by_pair.get(pair)
        if engine is None:
            start = time.perf_counter()
            try:
                engine = self.by_pair[pair] = build()
            except _FATAL:
                raise
            except Exception as exc:
                raise EngineLoadError(
                    f"cannot load the engine: {type(exc).__name__}: {exc}"
                ) from exc
            finally:
                self.load_seconds += time.perf_counter() - start
        return engine

    def close(self) -> None:
        """Release every engine."""
        for engine in self.by_pair.values():
            engine.close()


def _summarizer(spec: SystemSpec, source: str, target: str, settings: Settings) -> Summarizer:
    from summarize.engines import resolve_summarizer
    from summarize.pipeline import SummaryOptions

    options = SummaryOptions(
        target_lang=target, engine=spec.engine, model=spec.model, beam=spec.beam
    )
    return resolve_summarizer(options, source, target, _settings_for(spec, settings))


def _summary_runner(
    spec: SystemSpec, settings: Settings, engines: _Engines[Summarizer]
) -> Callable[[EvalRecord], str]:
    """Summarise one record with ``spec``, as ``summarize FILE`` would (cleaning included)."""
    from summarize.evaluate.systems import length_for
    from summarize.pipeline import Finished, SummaryOptions, prepare, stream_summary

    def run(record: EvalRecord) -> str:
        prepared = prepare(record.source, title=record.title)
        source = prepared.meta.source_lang
        target = spec.target_lang or source
        engine = engines.get((source, target), lambda: _summarizer(spec, source, target, settings))
        options = SummaryOptions(
            length=length_for(spec, record.references),
            target_lang=target,
            engine=spec.engine,
            model=spec.model,
            beam=spec.beam,
        )
        for event in stream_summary(prepared, engine, options):
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


def _translation_runner(
    spec: SystemSpec, settings: Settings, engines: _Engines[Translator]
) -> Callable[[EvalRecord], str]:
    """Translate one record with ``spec``'s model (or the installed one for the pair)."""
    from summarize.engines import resolve_translator

    def build(source: str, target: str) -> Translator:
        return resolve_translator(
            spec.model,
            _settings_for(spec, settings),
            source_lang=source,
            target_lang=target,
            beam=spec.beam,
            stream=False,
        )

    def run(record: EvalRecord) -> str:
        doc = _translation_doc(record.source)
        source = record.source_lang or doc.lang
        target = record.target_lang or spec.target_lang or ("en" if source == "ar" else "ar")
        engine = engines.get((source, target), lambda: build(source, target))
        return "".join(engine.translate(doc, target)).strip()

    return run


def _outputs_of(
    spec: SystemSpec,
    records: Sequence[EvalRecord],
    run: Callable[[EvalRecord], str],
    engines: _Engines[E],
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
    finally:
        engines.close()
    busy = time.perf_counter() - start - engines.load_seconds
    first = next(iter(engines.by_pair.values()), None)
    engine_name = first.name if first is not None else spec.engine
    model = first.model if first is not None else spec.model
    # An engine that stands in for the one asked for (no model installed) says so.
    notices = {n for e in engines.by_pair.values() if (n := getattr(e, "notice", None))}
    notes = tuple(sorted(notices)) + tuple(f"{f.id}: {f.reason}" for f in failures[:3])
    return Outputs(texts, tuple(failures), busy, engine_name, model, notes)


def generate(
    spec: SystemSpec,
    records: Sequence[EvalRecord],
    settings: Settings,
    task: str = "summarize",
    on_record: OnRecord | None = None,
) -> Outputs:
    """Run ``spec`` over ``records``; ``seconds`` leaves out the time spent loading models."""
    return _GENERATORS[task](spec, records, settings, on_record)


def _summaries(
    spec: SystemSpec, records: Sequence[EvalRecord], settings: Settings, on_record: OnRecord | None
) -> Outputs:
    summarizers: _Engines[Summarizer] = _Engines()
    run = _summary_runner(spec, settings, summarizers)
    return _outputs_of(spec, records, run, summarizers, settings.debug, on_record)


def _translations(
    spec: SystemSpec, records: Sequence[EvalRecord], settings: Settings, on_record: OnRecord | None
) -> Outputs:
    translators: _Engines[Translator] = _Engines()
    run = _translation_runner(spec, settings, translators)
    return _outputs_of(spec, records, run, translators, settings.debug, on_record)


_GENERATORS = {"summarize": _summaries, "translate": _translations}


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
