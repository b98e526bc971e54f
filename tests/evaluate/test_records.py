"""Reading evaluation records and predictions: fields, ids, and bad lines counted."""

from __future__ import annotations

import json
from pathlib import Path

from summarize.evaluate.records import load_dataset, load_predictions
from tests.evaluate.fakes import dataset_rows, write_jsonl


def test_summary_records_with_references_or_reference(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", dataset_rows())
    data = load_dataset(str(path))
    assert data.bad == ()
    assert [r.id for r in data.records] == ["wheat", "port", "rain", "books", "match", "phones"]
    port = data.records[1]
    assert len(port.references) == 2
    rain = data.records[2]
    assert rain.references == (dataset_rows()[2]["reference"],)


def test_ids_default_to_line_numbers_and_titles_are_kept(tmp_path: Path) -> None:
    rows = [
        {"text": "نص أول.", "reference": "ملخص."},
        "",
        {"id": 7, "text": "نص ثان.", "references": ["ملخص ثان."], "title": "عنوان"},
    ]
    data = load_dataset(str(write_jsonl(tmp_path / "d.jsonl", rows)))
    assert [r.id for r in data.records] == ["1", "7"]
    assert data.records[1].title == "عنوان"


def test_bad_records_are_counted_with_their_reason(tmp_path: Path) -> None:
    rows = [
        {"id": "ok", "text": "نص.", "reference": "ملخص."},
        "{not json",
        "[1, 2]",
        {"id": "no-text", "references": ["ملخص."]},
        {"id": "no-refs", "text": "نص."},
        {"id": "blank-refs", "text": "نص.", "references": ["  "]},
        {"id": "bad-refs", "text": "نص.", "references": [1]},
        {"id": "ok", "text": "نص آخر.", "reference": "ملخص."},
    ]
    data = load_dataset(str(write_jsonl(tmp_path / "d.jsonl", rows)))
    assert [r.id for r in data.records] == ["ok"]
    assert [b.line for b in data.bad] == [2, 3, 4, 5, 6, 7, 8]
    reasons = " | ".join(b.reason for b in data.bad)
    for expected in (
        "invalid JSON",
        "not a JSON object",
        "no 'text'",
        "no 'references'",
        "empty",
        "list of strings",
        "duplicate id",
    ):
        assert expected in reasons


def test_limit_keeps_the_first_usable_records(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", dataset_rows())
    assert [r.id for r in load_dataset(str(path), limit=2).records] == ["wheat", "port"]


def test_translation_records_in_both_layouts(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "ar": "مرحبا بكم.", "en": "Welcome."},
        {
            "id": "b",
            "source": "شكرا جزيلا.",
            "references": ["Thank you very much.", "Many thanks."],
        },
        {"id": "c", "ar": "نص فقط."},
    ]
    path = write_jsonl(tmp_path / "t.jsonl", rows)
    data = load_dataset(str(path), "translate")
    a, b = data.records
    assert (a.source, a.references, a.source_lang, a.target_lang) == (
        "مرحبا بكم.",
        ("Welcome.",),
        "ar",
        "en",
    )
    assert b.references == ("Thank you very much.", "Many thanks.")
    assert [bad.line for bad in data.bad] == [3]
    back = load_dataset(str(path), "translate", to="ar").records[0]
    assert (back.source, back.references, back.target_lang) == ("Welcome.", ("مرحبا بكم.",), "ar")


def test_predictions_by_id_with_the_usual_field_names(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "summary": "ملخص أ", "engine": "x"},
        {"id": "b", "prediction": ""},
        {"id": "c", "output": "ملخص ج"},
        {"id": "d", "lang": "ar"},
        {"id": "a", "summary": "مكرر"},
        "oops",
    ]
    preds = load_predictions(str(write_jsonl(tmp_path / "p.jsonl", rows)))
    assert preds.by_id == {"a": "ملخص أ", "b": "", "c": "ملخص ج"}
    assert [b.line for b in preds.bad] == [4, 5, 6]
    translated = load_predictions(
        str(write_jsonl(tmp_path / "q.jsonl", [{"id": 1, "translation": "Hi"}])), "translate"
    )
    assert translated.by_id == {"1": "Hi"}


def test_write_records_with_halves_round_trips(tmp_path: Path) -> None:
    from summarize.evaluate.records import write_records

    rows = [{"id": f"r{i}", "text": f"نص {i}", "references": [f"ملخص {i}"]} for i in range(5)]
    write_records(tmp_path / "all.jsonl", rows, halves=True)
    read = {
        name: [json.loads(line)["id"] for line in (tmp_path / name).read_text("utf-8").splitlines()]
        for name in ("all.jsonl", "all.even.jsonl", "all.odd.jsonl")
    }
    assert read == {
        "all.jsonl": ["r0", "r1", "r2", "r3", "r4"],
        "all.even.jsonl": ["r0", "r2", "r4"],
        "all.odd.jsonl": ["r1", "r3"],
    }
    assert load_dataset(str(tmp_path / "all.odd.jsonl")).records[0].references == ("ملخص 1",)
