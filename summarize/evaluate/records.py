"""Evaluation data: JSONL records with a source text and one or more references.

Summarisation records carry ``text`` and ``references`` (a list) or ``reference`` (a
string). Translation records carry ``ar`` and ``en``, or ``source`` and ``reference(s)``.
``id`` is optional: without it a record is known by its line number (1-based), which is
also how predictions without ids are matched. A line that cannot be used is a
:class:`BadRecord`: counted and reported, never fatal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.errors import UsageError
from summarize.render import dumps
from summarize.sources.inputs import read_bytes


@dataclass(frozen=True)
class EvalRecord:
    """One item to evaluate: the source text and the human references."""

    id: str
    source: str
    references: tuple[str, ...]
    title: str | None = None
    # Translation records with ``ar``/``en`` fields know their languages.
    source_lang: str | None = None
    target_lang: str | None = None


@dataclass(frozen=True)
class BadRecord:
    """A line of the data file that could not be used, and why."""

    line: int
    reason: str


@dataclass(frozen=True)
class Dataset:
    """The usable records of a data file, in file order, and the lines left out."""

    records: tuple[EvalRecord, ...]
    bad: tuple[BadRecord, ...]


def jsonl_file(path: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """``(line number, object)`` for each non-blank line of ``path``; a string says why not."""
    from summarize.sources.inputs import read_jsonl

    data = read_bytes(path)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        yield 0, "the file is not UTF-8 JSON Lines"
        return
    yield from read_jsonl(data.split(b"\n"))


def record_id(obj: Mapping[str, Any], line: int) -> str:
    """The record's ``id`` as a string, or its line number when it has none."""
    value = obj.get("id")
    if value is None or (isinstance(value, str) and not value.strip()):
        return str(line)
    return str(value)


def _references(obj: Mapping[str, Any]) -> tuple[str, ...] | str:
    """The non-empty references of ``obj``, or why there are none."""
    refs: Any = obj.get("references", obj.get("reference"))
    if refs is None:
        return "no 'references' or 'reference'"
    if isinstance(refs, str):
        refs = [refs]
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        return "references must be a string or a list of strings"
    kept = tuple(r for r in refs if r.strip())
    return kept or "the references are empty"


def _text_field(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return value if isinstance(value, str) and value.strip() else None


def summary_record(obj: Mapping[str, Any], line: int) -> EvalRecord | str:
    """A summarisation record from ``obj``, or why it cannot be one."""
    text = _text_field(obj, "text")
    if text is None:
        return "no 'text' (a non-empty string)"
    refs = _references(obj)
    if isinstance(refs, str):
        return refs
    title = _text_field(obj, "title")
    return EvalRecord(record_id(obj, line), text, refs, title)


def translation_record(obj: Mapping[str, Any], line: int, to: str | None) -> EvalRecord | str:
    """A translation record from ``obj`` (``ar``/``en`` or ``source``/``reference``).

    With ``ar`` and ``en`` the direction is Arabic → English unless ``to`` is "ar".
    """
    ar, en = _text_field(obj, "ar"), _text_field(obj, "en")
    if ar is not None and en is not None:
        if to == "ar":
            return EvalRecord(record_id(obj, line), en, (ar,), None, "en", "ar")
        return EvalRecord(record_id(obj, line), ar, (en,), None, "ar", "en")
    source = _text_field(obj, "source")
    if source is None:
        return "no 'ar' and 'en', nor 'source' (non-empty strings)"
    refs = _references(obj)
    if isinstance(refs, str):
        return refs
    return EvalRecord(record_id(obj, line), source, refs)


Reader = Callable[[Mapping[str, Any], int, "str | None"], "EvalRecord | str"]


@dataclass(frozen=True)
class EvalTask:
    """What ``summarize eval --task`` changes: records, predictions, systems, the baseline.

    ``prediction_keys``: where a prediction's text is looked for, in order (``summarize
    batch`` writes the first). ``default_system``/``default_engine``: what runs when no system
    is named. ``lead``: whether the lead baseline belongs in the table.
    """

    name: str
    read: Reader
    prediction_keys: tuple[str, ...]
    default_system: str
    default_engine: str
    lead: bool


def _summary_reader(obj: Mapping[str, Any], line: int, to: str | None) -> EvalRecord | str:
    return summary_record(obj, line)


EVAL_TASKS = {
    task.name: task
    for task in (
        EvalTask(
            "summarize",
            _summary_reader,
            ("summary", "prediction", "hypothesis", "output"),
            "extractive",
            "extractive",
            lead=True,
        ),
        EvalTask(
            "translate",
            translation_record,
            ("translation", "prediction", "hypothesis", "output"),
            # The installed translator for the records' language pair.
            "translator",
            "auto",
            lead=False,
        ),
    )
}
TASKS = tuple(EVAL_TASKS)


def eval_task(name: str) -> EvalTask:
    """The evaluation task called ``name``, else a usage error listing them."""
    if name not in EVAL_TASKS:
        raise UsageError(f"unknown task {name!r} (choose from: {', '.join(TASKS)})")
    return EVAL_TASKS[name]


def load_dataset(
    path: str, task: str = "summarize", *, to: str | None = None, limit: int | None = None
) -> Dataset:
    """Read the records of ``path`` (``-``: stdin) for ``task``; ``limit`` keeps the first N.

    Duplicate ids are bad records (predictions could not be matched to them).
    """
    records: list[EvalRecord] = []
    bad: list[BadRecord] = []
    seen: set[str] = set()
    for line, obj in jsonl_file(path):
        if limit is not None and len(records) >= limit:
            break
        if isinstance(obj, str):
            bad.append(BadRecord(line, obj))
            continue
        made = eval_task(task).read(obj, line, to)
        if isinstance(made, str):
            bad.append(BadRecord(line, made))
        elif made.id in seen:
            bad.append(BadRecord(line, f"duplicate id {made.id!r}"))
        else:
            seen.add(made.id)
            records.append(made)
    return Dataset(tuple(records), tuple(bad))


@dataclass(frozen=True)
class Predictions:
    """System outputs read from a file, by record id, and the lines left out."""

    by_id: dict[str, str]
    bad: tuple[BadRecord, ...]


def load_predictions(path: str, task: str = "summarize") -> Predictions:
    """Read ``id`` → output text from a JSONL file (an empty output is kept: it scores 0)."""
    keys = eval_task(task).prediction_keys
    by_id: dict[str, str] = {}
    bad: list[BadRecord] = []
    for line, obj in jsonl_file(path):
        if isinstance(obj, str):
            bad.append(BadRecord(line, obj))
            continue
        text = next((obj[k] for k in keys if isinstance(obj.get(k), str)), None)
        if text is None:
            bad.append(BadRecord(line, f"no output field (one of: {', '.join(keys)})"))
            continue
        key = record_id(obj, line)
        if key in by_id:
            bad.append(BadRecord(line, f"duplicate id {key!r}"))
            continue
        by_id[key] = text
    return Predictions(by_id, tuple(bad))


def write_records(
    path: Path, records: Sequence[Mapping[str, Any]], *, halves: bool = False
) -> None:
    """Write evaluation records as JSON Lines; ``halves`` also writes the tuning and held-out
    halves beside it (``STEM.even.jsonl``: rows 0, 2, 4…; ``STEM.odd.jsonl``: rows 1, 3, 5…)."""
    files = {path: records}
    if halves:
        stem = path.with_suffix("")
        files[Path(f"{stem}.even.jsonl")] = records[0::2]
        files[Path(f"{stem}.odd.jsonl")] = records[1::2]
    for target, rows in files.items():
        target.write_text("".join(dumps(row) + "\n" for row in rows), encoding="utf-8")
