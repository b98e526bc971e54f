"""What is evaluated: named systems (an engine with its options, or a predictions file).

A system is a :class:`SystemSpec` (run an engine over the records) or a
:class:`PredictionsSpec` (score outputs made elsewhere). Several come from the command line
or from a small TOML file of named runs (:func:`load_runs`). The lead baseline (the
``lead`` engine of :mod:`summarize.engines.lead`) is added so that every table has a floor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from summarize.engines.base import Length
from summarize.engines.lead import LEAD
from summarize.errors import InputError, UsageError
from summarize.tasks import check_lang
from summarize.text.normalize import word_count

BUDGETS = ("reference", "fixed")


@dataclass(frozen=True)
class SystemSpec:
    """An engine run: which engine and model, output language, length and decoding.

    ``budget="reference"`` caps each summary at its record's reference length in words
    (the mean over references, rounded), which extractive engines fill with whole sentences:
    a length-matched comparison; ``"fixed"`` uses ``length`` as given.
    """

    name: str
    engine: str = "auto"
    model: str | None = None
    target_lang: str | None = None
    length: Length = field(default_factory=Length)
    budget: str = "reference"
    beam: int | None = None
    device: str | None = None
    compute_type: str | None = None


@dataclass(frozen=True)
class PredictionsSpec:
    """Outputs already made, read from a JSONL file and matched to records by id."""

    name: str
    path: str


System = SystemSpec | PredictionsSpec


def reference_budget(references: tuple[str, ...]) -> int:
    """The word budget a record's references set: their mean length, rounded, at least 1."""
    counts = [word_count(r) for r in references]
    return max(1, round(sum(counts) / len(counts)))


def length_for(spec: SystemSpec, references: tuple[str, ...]) -> Length:
    """The length request for one record under ``spec``'s budget."""
    if spec.budget == "reference":
        return Length(
            sentences=spec.length.sentences,
            max_words=reference_budget(references),
            ratio=spec.length.ratio,
        )
    return spec.length


def _load_toml(path: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML ({exc})") from None


_RUN_KEYS = {
    "engine": str,
    "model": str,
    "lang": str,
    "sentences": int,
    "max_words": int,
    "ratio": float,
    "budget": str,
    "beam": int,
    "device": str,
    "compute_type": str,
    "predictions": str,
}


def _check_run(name: str, table: Any, where: str) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise UsageError(f"{where}: runs.{name} must be a table")
    for key, value in table.items():
        kind = _RUN_KEYS.get(key)
        if kind is None:
            allowed = ", ".join(_RUN_KEYS)
            raise UsageError(f"{where}: runs.{name}: unknown key {key!r} (allowed: {allowed})")
        ok = isinstance(value, (int, float)) if kind is float else isinstance(value, kind)
        if not ok or isinstance(value, bool):
            raise UsageError(f"{where}: runs.{name}.{key} must be a {kind.__name__}")
    return table


def spec_from_run(name: str, run: Mapping[str, Any], default: SystemSpec) -> System:
    """A system from one run table; what it leaves out comes from ``default``.

    A run that sets a length (sentences, max_words, ratio) and no budget is ``fixed``.
    """
    if "predictions" in run:
        return PredictionsSpec(name, str(run["predictions"]))
    has_length = any(k in run for k in ("sentences", "max_words", "ratio"))
    length = (
        Length(run.get("sentences"), run.get("max_words"), run.get("ratio"))
        if has_length
        else default.length
    )
    budget = run.get("budget", "fixed" if has_length else default.budget)
    spec = SystemSpec(
        name=name,
        engine=run.get("engine", "auto"),
        model=run.get("model"),
        target_lang=run.get("lang", default.target_lang),
        length=length,
        budget=budget,
        beam=run.get("beam", default.beam),
        device=run.get("device", default.device),
        compute_type=run.get("compute_type", default.compute_type),
    )
    check_spec(spec)
    return spec


def load_runs(path: str, default: SystemSpec) -> list[System]:
    """The systems of a runs file: one ``[runs.NAME]`` table per system, in file order.

    Keys: engine, model, lang, sentences, max_words, ratio, budget, beam, device,
    compute_type, or predictions (a JSONL file of outputs to score instead of running).
    """
    doc = _load_toml(path)
    runs = doc.get("runs")
    if not isinstance(runs, dict) or not runs:
        raise UsageError(f"{path}: no [runs.NAME] tables")
    extra = sorted(set(doc) - {"runs"})
    if extra:
        raise UsageError(f"{path}: unknown top-level key {extra[0]!r} (only [runs.NAME] tables)")
    return [spec_from_run(name, _check_run(name, run, path), default) for name, run in runs.items()]


def check_spec(spec: SystemSpec) -> None:
    """Refuse options that cannot work together, before anything runs."""
    if spec.budget not in BUDGETS:
        raise UsageError(
            f"{spec.name + ': ' if spec.name else ''}unknown budget {spec.budget!r} "
            "(choose from: reference, fixed)"
        )
    if spec.budget == "reference" and spec.length.max_words is not None:
        raise UsageError(
            f"{spec.name}: --max-words and the reference budget both set the length; "
            "use --budget fixed with --max-words"
        )
    check_lang(spec.target_lang, spec.name)
    if spec.length.ratio is not None and not 0 < spec.length.ratio <= 1:
        raise UsageError(f"{spec.name}: ratio must be in (0, 1]")
    for value in (spec.length.sentences, spec.length.max_words, spec.beam):
        if value is not None and value < 1:
            raise UsageError(f"{spec.name}: lengths and beam sizes must be at least 1")


def with_lead(systems: list[System], default: SystemSpec) -> list[System]:
    """``systems`` with the lead baseline appended, unless one is already there."""
    if any(isinstance(s, SystemSpec) and s.engine == LEAD for s in systems):
        return systems
    # The lead writes in the article's language whatever the others do.
    lead = replace(default, name=LEAD, engine=LEAD, model=None, target_lang=None, beam=None)
    return [*systems, lead]


def unique_names(systems: list[System]) -> None:
    """Refuse two systems with the same name (their rows could not be told apart)."""
    seen: set[str] = set()
    for system in systems:
        if system.name in seen:
            raise UsageError(f"two systems are named {system.name!r}; give runs distinct names")
        seen.add(system.name)
