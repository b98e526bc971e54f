"""Turning input records into output records: one worker, its session's engines built once.

The same :class:`RecordWorker` runs in the main process (serial batches) and in each
worker process of a pool, so both give the same records.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from summarize.batch.records import InputRecord
from summarize.errors import InputError, SummarizeError, one_line
from summarize.pipeline import Prepared
from summarize.settings import Settings
from summarize.tasks import Engine, Session, Task


def page_text(record: InputRecord, max_chars: int) -> tuple[InputRecord, int | None]:
    """A record's text read as ``summarize FILE`` reads it: a page reduced to its article
    (bounded to ``max_chars`` first), and the page's length when that bound cut it.

    Title and date found in the page are hints under the record's own.
    """
    from dataclasses import replace

    from summarize.sources.inputs import to_source

    assert record.text is not None
    source = to_source(record.text, record.name or str(record.id), max_chars)
    if source.text is record.text:
        return replace(record, page=False), None
    title, date = record.title or source.title, record.date or source.date
    read = replace(record, text=source.text, title=title, date=date, page=False)
    return read, source.truncated_from


@dataclass
class _Item:
    """A record that is ready for its engine."""

    record: InputRecord
    prepared: Prepared
    engine: Engine
    target: str
    started: float


def error_record(record: InputRecord, message: str) -> dict[str, Any]:
    """The output record of a failed input: its id, the error, its passed-through fields."""
    return {"id": record.id, "error": one_line(message), **record.extra}


def _finish(item: _Item, fields: dict[str, Any]) -> dict[str, Any]:
    """The output record: ``id``, the task's fields, then what only batch adds."""
    out = {"id": item.record.id, **fields}
    out["chars_in"] = len(item.record.text or "")
    if item.prepared.meta.truncated_from is not None:
        out.setdefault("truncated_from", item.prepared.meta.truncated_from)
    out["ms"] = round((time.perf_counter() - item.started) * 1000, 1)
    out.update(item.record.extra)
    return out


class RecordWorker:
    """Processes records for a :class:`~summarize.tasks.Task`; engines are built on first use."""

    def __init__(
        self, task: Task, settings: Settings, notify: Callable[[str], None] | None = None
    ) -> None:
        self.task = task
        self.settings = settings
        # Engines are opened, kept and closed by the session; their notices (e.g. a fallback
        # to the extractive engine) and input cuts go to ``notify``. Resolution errors
        # (unknown engine, model not installed) are the run's, not a record's: they
        # propagate and end the batch with their own exit code.
        self.session = Session(task, settings, notify, on_engine=self._announce if notify else None)

    def _announce(self, engine: Engine, source: str, target: str) -> None:
        """Said at the start: which engine (and model) writes this pair, then its notice."""
        from summarize.engines.base import notice_of
        from summarize.render import engine_label

        assert self.session.notify is not None
        self.session.notify(f"{source} → {target}: {engine_label(engine)}")
        if notice := notice_of(engine):
            self.session.notify(notice)

    def _fetch(self, record: InputRecord) -> InputRecord:
        """The record with the text (and title, date) of the page at its ``url``."""
        from dataclasses import replace

        from summarize.sources.web import read_url

        assert record.url is not None
        try:
            page = read_url(record.url, self.settings.offline, self.settings.max_chars)
        except SummarizeError as exc:
            return replace(record, error=str(exc))
        title, date = record.title or page.title, record.date or page.date
        return replace(record, text=page.text, title=title, date=date)

    def _prepare(self, record: InputRecord) -> _Item | dict[str, Any]:
        started = time.perf_counter()
        if record.url is not None and record.text is None and record.error is None:
            record = self._fetch(record)
        if record.error is not None or record.text is None:
            return error_record(record, record.error or "no text")
        try:
            record, prepared, target = self._read(record)
        except InputError as exc:
            return error_record(record, str(exc))
        except SummarizeError:
            raise
        except Exception as exc:  # hostile input that breaks a reader: the record fails
            return error_record(record, f"{type(exc).__name__}: {exc}")
        engine = self.session.engine(prepared.meta.source_lang, target)
        return _Item(record, prepared, engine, target, started)

    def _read(self, record: InputRecord) -> tuple[InputRecord, Prepared, str]:
        """The record (its page reduced to the article), prepared, and its target language."""
        cut_from = None
        if record.page:
            record, cut_from = page_text(record, self.session.settings.max_chars)
        assert record.text is not None
        label = f"record {record.id}"
        prepared = self.session.prepare(
            record.text, title=record.title, date=record.date, label=label, cut_from=cut_from
        )
        return record, prepared, self.task.target(prepared.meta.source_lang)

    def _run_one(self, item: _Item) -> dict[str, Any]:
        try:
            fields = self.task.record(item.prepared, item.engine, item.target)
        except Exception as exc:  # one failing article must not end the batch
            return error_record(item.record, f"{type(exc).__name__}: {exc}")
        return _finish(item, fields)

    def _batched(self, engine: Engine) -> bool:
        return self.task.batches(engine)

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
        started = time.perf_counter()
        try:
            fields = self.task.run_batch(engine, [item.prepared for item in items], target)
        except Exception:
            # One bad article must not fail its neighbours: redo them one by one.
            return [self._run_one(item) for item in items]
        # The window's time is shared out evenly: records in a batch finish together.
        share = (time.perf_counter() - started) / max(len(items), 1)
        out = []
        for item, item_fields in zip(items, fields, strict=True):
            item.started = time.perf_counter() - share
            out.append(_finish(item, item_fields))
        return out

    def close(self) -> None:
        """Release every engine built."""
        self.session.close()
