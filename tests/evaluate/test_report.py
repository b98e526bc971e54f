"""The report: best per column, the plain and rich tables, the JSON shape."""

from __future__ import annotations

import io

from summarize.evaluate.records import BadRecord
from summarize.evaluate.report import Report, SystemResult, plain_table, print_rich_table
from summarize.evaluate.scoring import ROUGE_METRICS, Bootstrap, Score


def row(name: str, r1: float, r2: float, speed: float | None, failures: int = 0) -> SystemResult:
    scores = {
        "rouge1": Score(r1, r1 - 2, r1 + 2),
        "rouge2": Score(r2, r2 - 2, r2 + 2),
        "rougeL": Score(r1 - 1, r1 - 3, r1 + 1),
    }
    return SystemResult(name, 10 - failures, failures, scores, records_per_s=speed)


def report(*rows: SystemResult) -> Report:
    return Report(
        task="summarize",
        data="dev.jsonl",
        records=10,
        bad_records=(BadRecord(3, "invalid JSON"),),
        metrics=ROUGE_METRICS,
        bootstrap=Bootstrap(resamples=100, seed=4),
        systems=rows,
    )


def test_best_per_column_with_ties_and_missing_values() -> None:
    rep = report(
        row("a", 30.0, 12.0, 50.0),
        row("b", 35.0, 12.0, None, failures=2),
        row("c", 35.0, 10.0, 20.0),
    )
    best = rep.best()
    assert best["rouge1"] == ["b", "c"]
    assert best["rouge2"] == ["a", "b"]
    assert best["records_per_s"] == ["a"]
    assert best["failures"] == ["a", "c"]


def test_no_best_when_every_system_ties() -> None:
    best = report(row("a", 30.0, 12.0, 5.0), row("b", 30.0, 12.0, 5.0)).best()
    assert all(names == [] for names in best.values())


def test_plain_table_is_aligned_and_starred() -> None:
    text = plain_table(report(row("extractive", 31.5, 12.25, 90.0), row("lead", 30.0, 13.0, 99.0)))
    lines = text.splitlines()
    # Right-aligned columns: the header ends where the values end, before the mark.
    end = lines[0].index("ROUGE-1") + len("ROUGE-1")
    assert lines[1].index("]") + 1 == end == lines[2].index("]") + 1
    assert lines[1].rindex("0") == lines[0].rindex("s") == lines[2].rindex("0")  # failures
    assert "31.50 [29.50, 33.50]*" in lines[1]
    assert "13.00 [11.00, 15.00]*" in lines[2] and "99.0*" in lines[2]
    assert lines[-1] == (
        "10 records (1 bad, left out); scores 0-100, the mean over records (not a bootstrap "
        "median), with a 95% bootstrap interval (100 resamples, seed 4); * best in column"
    )


def test_rich_table_shows_values_and_intervals() -> None:
    out = io.StringIO()
    print_rich_table(
        report(row("extractive", 31.5, 12.25, 90.0), row("lead", 30.0, 13.0, None)), out
    )
    text = out.getvalue()
    for expected in ("extractive", "lead", "ROUGE-2", "31.50", "29.50–33.50", "90.0", "–"):
        assert expected in text


def test_json_shape() -> None:
    data = report(row("a", 30.0, 12.0, 50.123), row("b", 20.0, 11.0, 40.0, failures=1)).to_dict()
    assert data["bad_records"] == 1
    assert data["bad_record_examples"] == ["line 3: invalid JSON"]
    assert data["scale"] == "0-100"
    a = data["systems"][0]
    assert a["scores"]["rouge1"] == {"value": 30.0, "low": 28.0, "high": 32.0}
    assert a["records_per_s"] == 50.12
    assert a["best"] == ["rouge1", "rouge2", "rougeL", "records_per_s", "failures"]
    assert data["systems"][1]["best"] == []
