"""The shared writing end of batch runs: drain, skip_done, report_done."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from summarize.batch.drain import Tally, drain, open_sink, report_done, skip_done
from summarize.batch.records import InputRecord, record_key
from summarize.batch.sink import FileSink
from summarize.errors import SummarizeError


def _console() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, width=200, highlight=False, soft_wrap=True), buffer


class RecordingProgress:
    """A progress display that remembers what it was told."""

    def __init__(self) -> None:
        self.updates: list[tuple[int, int]] = []
        self.stops = 0

    def update(self, done: int, errors: int) -> None:
        self.updates.append((done, errors))

    def stop(self) -> None:
        self.stops += 1


class InterruptingSink(FileSink):
    """A file sink that gets Ctrl-C while writing its ``at``-th record (0-based)."""

    def __init__(self, path: str, at: int, events: list[str]) -> None:
        super().__init__(path)
        self.at = at
        self.seen = 0
        self.events = events

    def write(self, record: dict[str, Any]) -> None:
        if self.seen == self.at:
            raise KeyboardInterrupt
        self.seen += 1
        super().write(record)

    def close(self) -> None:
        self.events.append("sink closed")
        super().close()


class Source:
    """A generator of records that notes how far it got and whether it was closed."""

    def __init__(
        self,
        records: list[dict[str, Any]],
        events: list[str] | None = None,
        interrupt_after: int | None = None,
    ) -> None:
        self.records = records
        self.events = [] if events is None else events
        self.interrupt_after = interrupt_after
        self.yielded = 0

    def __call__(self) -> Generator[dict[str, Any], None, None]:
        try:
            for record in self.records:
                if self.yielded == self.interrupt_after:
                    raise KeyboardInterrupt
                self.yielded += 1
                yield record
        finally:
            self.events.append("source closed")


def _records(n: int) -> list[dict[str, Any]]:
    return [{"id": f"r{i}", "summary": f"ملخص {i}"} for i in range(n)]


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_record_is_written_counted_and_shown(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    records = _records(4)
    records[2] = {"id": "r2", "error": "boom"}
    source = Source(records)
    sink = FileSink(str(out))
    console, buffer = _console()
    progress = RecordingProgress()
    tally = Tally()
    drain(source(), sink, tally, console, progress, str(out))
    assert _ids(out) == ["r0", "r1", "r2", "r3"]
    assert (tally.written, tally.errors, tally.skipped) == (4, 1, 0)
    assert progress.updates == [(1, 0), (2, 0), (3, 1), (4, 1)]
    assert progress.stops >= 1
    assert sink.fd is None  # closed
    assert source.events == ["source closed"]
    assert buffer.getvalue() == ""


def test_a_record_that_cannot_be_written_counts_as_failed(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    deep: list[Any] = []
    for _ in range(100_000):
        deep = [deep]
    records = [{"id": "a", "x": deep}, {"id": "b", "x": float("inf")}]
    tally = Tally()
    drain(Source(records)(), FileSink(str(out)), tally, _console()[0], None, str(out))
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert written == [
        {"id": "a", "error": "cannot write this record as JSON: it is nested too deeply"},
        {"id": "b", "x": None},
    ]
    assert (tally.written, tally.errors) == (2, 1)


def test_ctrl_c_from_the_source_keeps_written_records_and_reraises(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    source = Source(_records(10), interrupt_after=3)
    sink = FileSink(str(out))
    console, buffer = _console()
    progress = RecordingProgress()
    tally = Tally()
    with pytest.raises(KeyboardInterrupt):
        drain(source(), sink, tally, console, progress, str(out))
    assert _ids(out) == ["r0", "r1", "r2"]
    assert tally.written == 3
    assert buffer.getvalue() == f"3 records kept in {out}; add --resume to go on\n"
    assert progress.stops >= 1
    assert sink.fd is None


def test_ctrl_c_while_writing_closes_the_source_then_the_sink(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    events: list[str] = []
    source = Source(_records(10), events)
    sink = InterruptingSink(str(out), at=5, events=events)
    console, buffer = _console()
    tally = Tally()
    # The exception is kept: it holds the generator, which only drain itself may close.
    with pytest.raises(KeyboardInterrupt) as caught:
        drain(source(), sink, tally, console, None, str(out))
    assert caught.type is KeyboardInterrupt
    # The record being written when Ctrl-C came is not counted, nor half written.
    assert _ids(out) == ["r0", "r1", "r2", "r3", "r4"]
    assert tally.written == 5
    assert source.yielded == 6
    assert events == ["source closed", "sink closed"]
    assert "5 records kept in" in buffer.getvalue()


def test_ctrl_c_on_stdout_says_nothing_about_resuming(capsys: pytest.CaptureFixture[str]) -> None:
    source = Source(_records(5), interrupt_after=2)
    console, buffer = _console()
    tally = Tally()
    with pytest.raises(KeyboardInterrupt):
        drain(source(), open_sink(None), tally, console, None, None)
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["r0", "r1"]
    assert buffer.getvalue() == ""


def test_an_error_from_the_source_still_closes_the_sink(tmp_path: Path) -> None:
    def failing() -> Generator[dict[str, Any], None, None]:
        yield {"id": "a"}
        raise SummarizeError("engine went away")

    out = tmp_path / "out.jsonl"
    sink = FileSink(str(out))
    console, buffer = _console()
    with pytest.raises(SummarizeError, match="engine went away"):
        drain(failing(), sink, Tally(), console, None, str(out))
    assert _ids(out) == ["a"]
    assert sink.fd is None
    assert "--resume" not in buffer.getvalue()


def test_skip_done_drops_and_counts_finished_ids() -> None:
    records = [InputRecord(id=i, text=f"t{i}") for i in ("a", "b", 1, "1", "c")]
    tally = Tally()
    kept = list(skip_done(iter(records), Counter([record_key("b"), record_key(1)]), tally))
    # Ids are JSON values: the number 1 is done, the string "1" is not.
    assert [r.id for r in kept] == ["a", "1", "c"]
    assert tally.skipped == 2


def test_skip_done_counts_repeated_ids_by_occurrence() -> None:
    records = [InputRecord(id=i, text=i) for i in ("a", "dup", "b", "dup", "c")]
    tally = Tally()
    kept = list(skip_done(iter(records), Counter([record_key("a"), record_key("dup")]), tally))
    assert [(r.id, r.text) for r in kept] == [("b", "b"), ("dup", "dup"), ("c", "c")]
    assert tally.skipped == 2


def test_report_done_prints_the_summary_and_fails_on_errors() -> None:
    console, buffer = _console()
    report_done(console, Tally(written=10, skipped=3), 2.0)
    assert buffer.getvalue() == "10 records (0 failed, 3 already done) in 2.0 s, 5 records/s\n"
    console, buffer = _console()
    with pytest.raises(SummarizeError, match="2 of 4 records failed"):
        report_done(console, Tally(written=4, errors=2), 0.0)
    assert buffer.getvalue() == "4 records (2 failed) in 0.0 s, 0 records/s\n"
