"""Running systems over records: scripted engines through the real registry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.engines import (
    register_summarizer,
    register_translator,
    unregister_summarizer,
    unregister_translator,
)
from summarize.engines.base import Document
from summarize.errors import ModelNotInstalledError
from summarize.evaluate import Bootstrap, PredictionsSpec, SystemSpec, evaluate, load_dataset
from summarize.evaluate.scoring import rouge_record
from summarize.settings import Settings
from tests.evaluate.fakes import ARTICLES, FlakyEngine, OracleEngine, dataset_rows, write_jsonl

FAST = Bootstrap(resamples=100)


@pytest.fixture
def engines() -> Iterator[dict[str, object]]:
    made: dict[str, object] = {"oracle": OracleEngine(), "flaky": FlakyEngine(["port", "books"])}
    register_summarizer("oracle", lambda settings, model: made["oracle"])
    register_summarizer("flaky", lambda settings, model: made["flaky"])
    yield made
    unregister_summarizer("oracle")
    unregister_summarizer("flaky")


@pytest.fixture
def dataset(tmp_path: Path):
    return load_dataset(str(write_jsonl(tmp_path / "d.jsonl", dataset_rows())))


def test_scores_failures_and_speed_per_system(engines, tmp_path: Path) -> None:
    # With one reference per record, writing that reference scores 100.
    rows = [r for r in dataset_rows() if len(r.get("references", [""])) == 1]
    dataset = load_dataset(str(write_jsonl(tmp_path / "one.jsonl", rows)))
    systems = [
        SystemSpec("oracle", engine="oracle"),
        SystemSpec("flaky", engine="flaky"),
        SystemSpec("lead", engine="lead"),
    ]
    report = evaluate(dataset, systems, Settings.from_env(), bootstrap=FAST)
    oracle, flaky, lead = report.systems
    for score in oracle.scores.values():
        assert (score.low, score.value, score.high) == pytest.approx((100, 100, 100))
    assert (oracle.scored, oracle.failures) == (5, 0)
    assert (flaky.scored, flaky.failures) == (4, 1)
    assert all("scripted failure" in note for note in flaky.notes)
    assert engines["flaky"].closed
    assert lead.scored == 5 and 0 < lead.scores["rouge1"].value < 100
    assert all(r.records_per_s is not None and r.records_per_s > 0 for r in report.systems)
    best = report.best()
    assert best["rouge1"] == best["rouge2"] == best["rougeL"] == ["oracle"]
    assert best["failures"] == ["oracle", "lead"]


def test_each_record_gets_its_reference_length_as_budget(engines, dataset) -> None:
    evaluate(dataset, [SystemSpec("oracle", engine="oracle")], Settings.from_env(), bootstrap=FAST)
    budgets = [length.max_words for length in engines["oracle"].lengths]
    expected = []
    for article in ARTICLES:
        refs = article.get("references") or [article["reference"]]
        expected.append(round(sum(len(r.split()) for r in refs) / len(refs)))
    assert budgets == expected


def test_scores_of_a_flaky_system_cover_only_what_it_produced(engines, dataset) -> None:
    report = evaluate(
        dataset, [SystemSpec("flaky", engine="flaky")], Settings.from_env(), bootstrap=FAST
    )
    done = [a for a in ARTICLES if a["id"] not in ("port", "books")]
    per_record = [
        rouge_record(a["text"].split(". ")[-1], a.get("references") or [a["reference"]])
        for a in done
    ]
    expected = sum(r["rouge2"] for r in per_record) / len(per_record)
    assert report.systems[0].scores["rouge2"].value == pytest.approx(expected)


def test_a_missing_model_stops_the_run(dataset) -> None:
    def missing(settings: Settings, model: str | None) -> OracleEngine:
        raise ModelNotInstalledError("install it with `summarize models pull x`")

    register_summarizer("missing", missing)
    try:
        with pytest.raises(ModelNotInstalledError):
            evaluate(dataset, [SystemSpec("m", engine="missing")], Settings.from_env())
    finally:
        unregister_summarizer("missing")


def test_predictions_are_matched_by_id(tmp_path: Path, dataset) -> None:
    rows = [{"id": a["id"], "summary": a["text"].split(". ")[0]} for a in ARTICLES[::-1][:4]]
    path = write_jsonl(tmp_path / "p.jsonl", [*rows, {"id": "stray", "summary": "x"}])
    report = evaluate(
        dataset, [PredictionsSpec("p", str(path))], Settings.from_env(), bootstrap=FAST
    )
    row = report.systems[0]
    assert (row.scored, row.failures, row.records_per_s) == (4, 2, None)
    scored = [a for a in ARTICLES if a["id"] in {r["id"] for r in rows}]
    expected = [
        rouge_record(a["text"].split(". ")[0], a.get("references") or [a["reference"]])["rouge1"]
        for a in scored
    ]
    assert row.scores["rouge1"].value == pytest.approx(sum(expected) / len(expected))


def test_runs_are_deterministic(engines, dataset) -> None:
    systems = [SystemSpec("lead", engine="lead"), SystemSpec("flaky", engine="flaky")]
    first = evaluate(dataset, systems, Settings.from_env(), bootstrap=FAST)
    second = evaluate(dataset, systems, Settings.from_env(), bootstrap=FAST)
    assert [r.scores for r in first.systems] == [r.scores for r in second.systems]


class DictTranslator:
    """Translates by looking the segment up; unknown segments fail."""

    name = "dict"
    model: str | None = "dict-1"

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    def translate(self, doc: Document, target_lang: str) -> Iterator[str]:
        """Yield the stored translation of the document's text."""
        yield self.table[doc.text]

    def close(self) -> None:
        """Nothing to release."""


def test_translation_run_is_scored_with_sacrebleu(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sacrebleu

    rows = [
        {
            "id": "1",
            "ar": "افتتح الوزير الميناء الجديد.",
            "en": "The minister opened the new port.",
        },
        {"id": "2", "ar": "أمطار غزيرة في العاصمة.", "en": "Heavy rain in the capital."},
        {"id": "3", "ar": "جملة لا يعرفها المترجم.", "en": "A sentence nobody knows."},
    ]
    table = {
        rows[0]["ar"]: "The minister inaugurated the new port.",
        rows[1]["ar"]: "Heavy rains in the capital.",
    }
    translator = DictTranslator(table)
    calls: list[str | None] = []

    def factory(settings: Settings, model: str | None) -> DictTranslator:
        calls.append(model)
        return translator

    register_translator("dict", factory)
    try:
        dataset = load_dataset(str(write_jsonl(tmp_path / "t.jsonl", rows)), "translate")
        spec = SystemSpec("dict", model="dict")
        report = evaluate(dataset, [spec], Settings.from_env(), task="translate", bootstrap=FAST)
    finally:
        unregister_translator("dict")
    row = report.systems[0]
    assert (row.scored, row.failures) == (2, 1)
    assert (row.engine, row.model) == ("dict", "dict-1")
    # One engine for the records' language pair, built once through the registry.
    assert calls == ["dict"]
    hyps = list(table.values())
    refs = [[rows[0]["en"], rows[1]["en"]]]
    assert row.scores["chrf++"].value == pytest.approx(
        sacrebleu.corpus_chrf(hyps, refs, word_order=2).score
    )
    assert row.scores["bleu"].value == pytest.approx(sacrebleu.corpus_bleu(hyps, refs).score)


def test_an_engine_that_cannot_load_stops_the_run_after_one_try(dataset) -> None:
    from summarize.evaluate.runner import EngineLoadError

    tries: list[str | None] = []

    def corrupt(settings: Settings, model: str | None) -> OracleEngine:
        tries.append(model)
        raise RuntimeError("unreadable model.bin")

    register_summarizer("corrupt", corrupt)
    try:
        with pytest.raises(EngineLoadError, match=r"unreadable model\.bin"):
            evaluate(dataset, [SystemSpec("c", engine="corrupt")], Settings.from_env())
    finally:
        unregister_summarizer("corrupt")
    assert tries == [None]


def test_a_cut_record_is_a_note_of_its_system(engines, tmp_path: Path, monkeypatch) -> None:
    # The session cuts long inputs for eval as for `summarize FILE`, and says which record.
    monkeypatch.setenv("SUMMARIZE_MAX_CHARS", "120")
    dataset = load_dataset(str(write_jsonl(tmp_path / "d.jsonl", dataset_rows())))
    spec = SystemSpec("lead", engine="lead")
    (row,) = evaluate(dataset, [spec], Settings.from_env(), bootstrap=FAST).systems
    cut = [note for note in row.notes if "far beyond an article" in note]
    assert cut and all(note.startswith("record ") for note in cut)
    assert row.failures == 0
