"""Turning input records into output records: one worker, its engines built once.

The same :class:`RecordWorker` runs in the main process (serial batches) and in each
worker process of a pool, so both give the same records.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeAlias

from summarize.batch.records import InputRecord
from summarize.engines.base import (
    BatchSummarizer,
    BatchTranslator,
    Document,
    Summarizer,
    Translator,
)
from summarize.errors import InputError
from summarize.pipeline import (
    Finished,
    Prepared,
    Result,
    SummaryOptions,
    cap_words,
    prepare,
    stream_summary,
    stream_translation,
)
from summarize.settings import Settings

if TYPE_CHECKING:
    from summarize.brief.engines import BriefEngines, BriefOptions

TASKS = ("summarize", "translate", "brief")
SUPPORTED_LANGS = ("ar", "en")
Engine: TypeAlias = "Summarizer | Translator | BriefEngines"


@dataclass(frozen=True)
class Job:
    """What every record of a batch gets done to it (picklable: sent to worker processes)."""

    task: str = "summarize"
    options: SummaryOptions = field(default_factory=SummaryOptions)
    to: str = "en"
    brief: BriefOptions | None = None


@dataclass
class _Item:
    """A record that is ready for its engine."""

    record: InputRecord
    prepared: Prepared
    engine: Engine
    target: str
    started: float


def one_line(message: str) -> str:
    """Error messages in records are one line."""
    return " ".join(message.split()) or "failed"


def error_record(record: InputRecord, message: str) -> dict[str, Any]:
    """The output record of a failed input: its id, the error, its passed-through fields."""
    return {"id": record.id, "error": one_line(message), **record.extra}


def _result_record(item: _Item, result: Result) -> dict[str, Any]:
    return _finish(item, {"id": item.record.id, **result.to_dict()})


def _finish(item: _Item, out: dict[str, Any]) -> dict[str, Any]:
    out["chars_in"] = len(item.record.text or "")
    out["ms"] = round((time.perf_counter() - item.started) * 1000, 1)
    out.update(item.record.extra)
    return out


class RecordWorker:
    """Processes records for a :class:`Job`; engines are built on first use and kept."""

    def __init__(
        self, job: Job, settings: Settings, notify: Callable[[str], None] | None = None
    ) -> None:
        self.job = job
        self.settings = settings
        # Engine notices (e.g. a fallback to the extractive engine) go to ``notify``.
        self.notify = notify
        self._engines: dict[tuple[str, str], Engine] = {}

    def engines(self) -> list[Engine]:
        """The engines built so far."""
        return list(self._engines.values())

    def _engine(self, source: str, target: str) -> Engine:
        # Resolution errors (unknown engine, model not installed) are the run's, not the
        # record's: they propagate and end the batch with their own exit code.
        key = (source, target)
        if key not in self._engines:
            if self.job.task == "brief":
                from summarize.brief.engines import BriefOptions, resolve_brief_engines

                options = self.job.brief or BriefOptions()
                self._engines[key] = resolve_brief_engines(self.settings, options)
            elif self.job.task == "translate":
                from summarize.engines import resolve_translator

                self._engines[key] = resolve_translator(
                    self.job.options.model,
                    self.settings,
                    source_lang=source,
                    target_lang=target,
                    beam=self.job.options.beam,
                )
            else:
                from summarize.engines import resolve_summarizer

                self._engines[key] = resolve_summarizer(
                    self.job.options, source, target, self.settings
                )
            notice = getattr(self._engines[key], "notice", None)
            if notice and self.notify is not None:
                self.notify(notice)
        return self._engines[key]

    def _prepare(self, record: InputRecord) -> _Item | dict[str, Any]:
        started = time.perf_counter()
        if record.error is not None or record.text is None:
            return error_record(record, record.error or "no text")
        try:
            prepared = prepare(record.text, title=record.title, date=record.date)
            source = prepared.meta.source_lang
            if source not in SUPPORTED_LANGS:
                raise InputError("the text is neither Arabic nor English")
            if self.job.task == "brief":
                target = "en"
            elif self.job.task == "translate":
                target = self.job.to
                if source == target:
                    raise InputError(f"the text is already in {target!r}")
            else:
                target = self.job.options.target_lang or source
        except InputError as exc:
            return error_record(record, str(exc))
        return _Item(record, prepared, self._engine(source, target), target, started)

    def _run_one(self, item: _Item) -> dict[str, Any]:
        try:
            if self.job.task == "brief":
                return self._brief(item)
            if self.job.task == "translate":
                assert isinstance(item.engine, Translator)
                events = stream_translation(item.prepared, item.engine, item.target)
            else:
                assert isinstance(item.engine, Summarizer)
                events = stream_summary(item.prepared, item.engine, self._options(item))
            for event in events:
                if isinstance(event, Finished):
                    return _result_record(item, event.result)
        except Exception as exc:  # one failing article must not end the batch
            return error_record(item.record, f"{type(exc).__name__}: {exc}")
        return error_record(item.record, "the engine produced no result")

    def _brief(self, item: _Item) -> dict[str, Any]:
        from summarize.brief.build import brief_record
        from summarize.brief.engines import BriefEngines, BriefOptions

        assert isinstance(item.engine, BriefEngines)
        fields = brief_record(item.prepared, item.engine, self.job.brief or BriefOptions())
        return _finish(item, {"id": item.record.id, **fields})

    def _options(self, item: _Item) -> SummaryOptions:
        return replace(self.job.options, target_lang=item.target, stream=False)

    def _batched(self, engine: Engine) -> bool:
        if self.job.task == "brief":
            return False
        if self.job.task == "translate":
            return isinstance(engine, BatchTranslator)
        return isinstance(engine, BatchSummarizer)

    def run(self, records: Sequence[InputRecord]) -> Iterator[dict[str, Any]]:
        """Output records for ``records``, in order, each yielded as soon as it can be.

        Records whose engine can batch are held back and sent to the engine together
        (chunks of many articles share model calls); the others run one by one.
        """
        held: list[_Item | dict[str, Any]] = []
        for record in records:
            item = self._prepare(record)
            # Once one record is held, later ones wait behind it: output stays in order.
            if held or (isinstance(item, _Item) and self._batched(item.engine)):
                held.append(item)
            else:
                yield item if isinstance(item, dict) else self._run_one(item)
        yield from self._run_held(held)

    def _run_held(self, held: list[_Item | dict[str, Any]]) -> Iterator[dict[str, Any]]:
        done: dict[int, dict[str, Any]] = {}
        groups: dict[int, list[tuple[int, _Item]]] = {}
        for i, item in enumerate(held):
            if isinstance(item, dict):
                done[i] = item
            elif self._batched(item.engine):
                groups.setdefault(id(item.engine), []).append((i, item))
            else:
                done[i] = self._run_one(item)
        for group in groups.values():
            outputs = self._run_batch([item for _, item in group])
            done.update(zip([i for i, _ in group], outputs, strict=True))
        for i in range(len(held)):
            yield done[i]

    def _run_batch(self, items: list[_Item]) -> list[dict[str, Any]]:
        engine, target = items[0].engine, items[0].target
        docs: list[Document] = [item.prepared.doc for item in items]
        started = time.perf_counter()
        try:
            if isinstance(engine, BatchTranslator):
                texts = engine.translate_batch(docs, target)
                kind = "translation"
            else:
                assert isinstance(engine, BatchSummarizer)
                length = self.job.options.length
                texts = engine.summarize_batch(docs, length, target)
                texts = ["".join(cap_words(iter([t]), length.max_words)) for t in texts]
                kind = "summary"
        except Exception:
            # One bad article must not fail its neighbours: redo them one by one.
            return [self._run_one(item) for item in items]
        # The window's time is shared out evenly: records in a batch finish together.
        share = (time.perf_counter() - started) / max(len(items), 1)
        out = []
        for item, text in zip(items, texts, strict=True):
            item.started = time.perf_counter() - share
            meta = item.prepared.meta
            name, model = getattr(engine, "name", "?"), getattr(engine, "model", None)
            result = Result(text.strip(), target, name, model, meta, kind)
            out.append(_result_record(item, result))
        return out

    def close(self) -> None:
        """Release every engine built."""
        for engine in self._engines.values():
            engine.close()
        self._engines.clear()
