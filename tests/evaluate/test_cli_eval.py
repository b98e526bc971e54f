"""``summarize eval`` through the real entry point: stdout, stderr and exit codes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sacrebleu

from summarize.engines import register_summarizer, unregister_summarizer
from summarize.errors import ModelNotInstalledError
from summarize.settings import Settings
from tests.cli.helpers import run_cli
from tests.evaluate.fakes import ARTICLES, FlakyEngine, OracleEngine, dataset_rows, write_jsonl


@pytest.fixture(autouse=True)
def fakes() -> Iterator[None]:
    def missing(settings: Settings, model: str | None) -> OracleEngine:
        raise ModelNotInstalledError("no such model; install one with `summarize models pull x`")

    register_summarizer("oracle", lambda settings, model: OracleEngine())
    register_summarizer("flaky", lambda settings, model: FlakyEngine(["books"]))
    register_summarizer("broken", lambda settings, model: FlakyEngine([a["id"] for a in ARTICLES]))
    register_summarizer("missing", missing)
    yield
    for name in ("oracle", "flaky", "broken", "missing"):
        unregister_summarizer(name)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "dev.jsonl", dataset_rows())


def eval_json(capsys, monkeypatch, *args: str) -> tuple[dict, str]:
    res = run_cli(capsys, monkeypatch, ["eval", *args, "--format", "json", "--resamples", "50"])
    assert res.code == 0, res.err
    return json.loads(res.out), res.err


def test_several_systems_side_by_side_with_the_best_marked(capsys, monkeypatch, data) -> None:
    report, err = eval_json(
        capsys, monkeypatch, str(data), "--system", "oracle", "--system", "flaky"
    )
    names = [s["name"] for s in report["systems"]]
    assert names == ["oracle", "flaky", "lead"]
    assert report["records"] == 6 and report["bad_records"] == 0
    assert report["metrics"] == ["rouge1", "rouge2", "rougeL"]
    for metric in report["metrics"]:
        assert report["best"][metric] == ["oracle"]
        values = [s["scores"][metric]["value"] for s in report["systems"]]
        assert values[0] == max(values)
    oracle, flaky, lead = report["systems"]
    assert {"rouge1", "rouge2", "rougeL", "failures"} <= set(oracle["best"])
    assert "failures" not in flaky["best"]
    assert (flaky["scored"], flaky["failures"]) == (5, 1)
    assert lead["options"] == {"engine": "lead", "budget": "reference"}
    for system in report["systems"]:
        for score in system["scores"].values():
            assert score["low"] <= score["value"] <= score["high"]
        assert system["records_per_s"] > 0
    assert "flaky: 1 records failed" in err
    assert "books: RuntimeError: scripted failure" in err


def test_plain_table_on_stdout_marks_the_best(capsys, monkeypatch, data) -> None:
    res = run_cli(capsys, monkeypatch, ["eval", str(data), "-e", "oracle", "--resamples", "20"])
    assert res.code == 0
    assert res.err == ""
    header, oracle, lead = res.out.splitlines()[:3]
    assert header.split()[:4] == ["system", "ROUGE-1", "ROUGE-2", "ROUGE-L"]
    # Each metric cell is "value [low, high]", starred when best.
    assert oracle.startswith("oracle") and oracle.count("]*") == 3
    assert lead.startswith("lead") and lead.count("]*") == 0
    assert "6 records" in res.out and "* best in column" in res.out


def test_lead_is_always_there_and_only_once(capsys, monkeypatch, data) -> None:
    report, _ = eval_json(capsys, monkeypatch, str(data))
    assert [s["name"] for s in report["systems"]] == ["extractive", "lead"]
    report, _ = eval_json(capsys, monkeypatch, str(data), "-e", "lead", "-e", "oracle")
    assert [s["name"] for s in report["systems"]] == ["lead", "oracle"]


def test_predictions_file_is_scored_by_id(capsys, monkeypatch, data, tmp_path) -> None:
    rows = [{"id": a["id"], "summary": a["text"]} for a in ARTICLES[:5]]
    preds = write_jsonl(tmp_path / "mt5.jsonl", [*rows, "garbage"])
    report, err = eval_json(capsys, monkeypatch, str(data), "--predictions", str(preds))
    mt5, lead = report["systems"]
    assert mt5["name"] == "mt5" and lead["name"] == "lead"
    assert (mt5["scored"], mt5["failures"], mt5["records_per_s"]) == (5, 1, None)
    assert "phones: no prediction with this id" in err
    assert "line 6: invalid JSON" in err
    # Whole articles against one-line references: recall is high, precision low.
    assert mt5["scores"]["rouge1"]["value"] < lead["scores"]["rouge1"]["value"]


def test_fixed_budget_and_runs_file(capsys, monkeypatch, data, tmp_path) -> None:
    runs = tmp_path / "runs.toml"
    runs.write_text(
        '[runs.lead-1]\nengine = "lead"\nsentences = 1\n\n'
        '[runs.lead-all]\nengine = "lead"\nsentences = 3\n',
        encoding="utf-8",
    )
    report, _ = eval_json(capsys, monkeypatch, str(data), "--runs", str(runs))
    one, three = report["systems"]
    assert [one["name"], three["name"]] == ["lead-1", "lead-all"]
    assert one["options"]["budget"] == "fixed"
    # One sentence is closer in length to a one-line reference than three.
    assert one["scores"]["rouge1"]["value"] > three["scores"]["rouge1"]["value"]
    fixed, _ = eval_json(capsys, monkeypatch, str(data), "-e", "lead", "--max-words", "5")
    ref, _ = eval_json(capsys, monkeypatch, str(data), "-e", "lead")
    assert fixed["systems"][0]["options"]["budget"] == "fixed"
    assert fixed["systems"][0]["scores"] != ref["systems"][0]["scores"]


def test_stdin_and_seeded_reproducibility(capsys, monkeypatch, data) -> None:
    args = ["eval", "-", "-e", "lead", "--format", "json", "--seed", "3", "--resamples", "40"]
    first = run_cli(capsys, monkeypatch, args, stdin=data.read_bytes())
    second = run_cli(capsys, monkeypatch, args, stdin=data.read_bytes())
    assert first.code == second.code == 0
    a, b = json.loads(first.out), json.loads(second.out)
    assert a["systems"][0]["scores"] == b["systems"][0]["scores"]
    assert a["interval"] == {
        "method": "percentile bootstrap over records",
        "confidence": 0.95,
        "resamples": 40,
        "seed": 3,
    }


def test_jsonl_is_one_line_per_system(capsys, monkeypatch, data) -> None:
    res = run_cli(capsys, monkeypatch, ["eval", str(data), "-f", "jsonl", "--resamples", "10"])
    lines = [json.loads(line) for line in res.out.splitlines()]
    assert res.code == 0
    assert [(x["task"], x["name"]) for x in lines] == [
        ("summarize", "extractive"),
        ("summarize", "lead"),
    ]


def test_bad_records_are_reported_not_fatal(capsys, monkeypatch, tmp_path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [*dataset_rows(), "{", {"id": "x", "text": "نص."}])
    report, err = eval_json(capsys, monkeypatch, str(path), "-e", "lead")
    assert (report["records"], report["bad_records"]) == (6, 2)
    assert report["bad_record_examples"][0].startswith("line 7: invalid JSON")
    assert "2 bad records left out" in err


def test_translation_predictions_use_sacrebleu(capsys, monkeypatch, tmp_path) -> None:
    rows = [
        {"id": "a", "ar": "افتتح الوزير الميناء.", "en": "The minister opened the port."},
        {"id": "b", "ar": "أمطار غزيرة.", "en": "Heavy rain."},
    ]
    hyps = ["The minister inaugurated the port.", "Heavy rains fell."]
    data = write_jsonl(tmp_path / "t.jsonl", rows)
    preds = write_jsonl(
        tmp_path / "nllb.jsonl",
        [{"id": r["id"], "translation": h} for r, h in zip(rows, hyps, strict=True)],
    )
    report, _ = eval_json(capsys, monkeypatch, str(data), "--task", "translate", "-p", str(preds))
    (nllb,) = report["systems"]
    refs = [[r["en"] for r in rows]]
    assert report["metrics"] == ["chrf++", "bleu"]
    assert nllb["scores"]["chrf++"]["value"] == pytest.approx(
        sacrebleu.corpus_chrf(hyps, refs, word_order=2).score, abs=1e-4
    )
    assert nllb["scores"]["bleu"]["value"] == pytest.approx(
        sacrebleu.corpus_bleu(hyps, refs).score, abs=1e-4
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "unknown format"),
        (["--task", "classify"], "unknown task"),
        (["-e", "nosuch"], "unknown system 'nosuch'"),
        (["--budget", "reference", "--max-words", "9"], "use --budget fixed"),
        (["--budget", "longest"], "unknown budget"),
        (["--lang", "fr"], "unsupported language"),
        (["-e", "lead", "-e", "lead"], "two systems are named 'lead'"),
        (["--task", "translate", "-e", "lead"], "lead baseline is for summaries"),
        (["--device", "tpu"], "unknown device"),
    ],
)
def test_usage_errors_exit_2(capsys, monkeypatch, data, args, message) -> None:
    res = run_cli(capsys, monkeypatch, ["eval", str(data), *args])
    assert res.code == 2
    assert res.out == ""
    assert message in res.err and res.err.count("\n") == 1


def test_missing_input_and_no_usable_records_exit_1(capsys, monkeypatch, tmp_path) -> None:
    res = run_cli(capsys, monkeypatch, ["eval", str(tmp_path / "nope.jsonl")])
    assert (res.code, res.out) == (1, "")
    assert "no such file" in res.err
    empty = write_jsonl(tmp_path / "bad.jsonl", ["{", {"text": "نص."}])
    res = run_cli(capsys, monkeypatch, ["eval", str(empty)])
    assert (res.code, res.out) == (1, "")
    assert "no usable records; line 1: invalid JSON" in res.err


def test_a_system_that_scores_nothing_exits_1_after_the_table(capsys, monkeypatch, data) -> None:
    res = run_cli(capsys, monkeypatch, ["eval", str(data), "-e", "broken", "-f", "json"])
    assert res.code == 1
    broken, lead = json.loads(res.out)["systems"]
    assert (broken["scored"], broken["failures"], broken["scores"]) == (0, 6, {})
    assert lead["scored"] == 6
    assert "broken: 6 records failed" in res.err


def test_a_missing_model_exits_3(capsys, monkeypatch, data) -> None:
    res = run_cli(capsys, monkeypatch, ["eval", str(data), "-e", "missing"])
    assert (res.code, res.out) == (3, "")
    assert "summarize models pull" in res.err


def test_quiet_silences_warnings(capsys, monkeypatch, data) -> None:
    res = run_cli(
        capsys, monkeypatch, ["eval", str(data), "-e", "flaky", "-q", "--resamples", "10"]
    )
    assert res.code == 0
    assert res.err == ""
    assert res.out.startswith("system")


def test_translation_without_an_installed_model_exits_3(capsys, monkeypatch, tmp_path) -> None:
    data = write_jsonl(tmp_path / "t.jsonl", [{"ar": "مرحبا.", "en": "Hello."}])
    res = run_cli(capsys, monkeypatch, ["eval", str(data), "--task", "translate"])
    assert (res.code, res.out) == (3, "")
    assert "summarize models pull" in res.err


def test_progress_only_on_a_terminal_stderr_and_never_on_stdout(capsys, monkeypatch, data) -> None:
    import io

    from rich.console import Console

    terminal = io.StringIO()

    def fake_console(quiet: bool = False) -> Console:
        return Console(file=terminal, force_terminal=True, quiet=quiet, width=100)

    monkeypatch.setattr("summarize.render.stderr_console", fake_console)
    res = run_cli(capsys, monkeypatch, ["eval", str(data), "-e", "oracle", "--resamples", "10"])
    assert res.code == 0
    # Six records, counted once per system (not 12 system-records).
    assert "lead (2/2)" in terminal.getvalue() and "6/6" in terminal.getvalue()
    assert "12/12" not in terminal.getvalue()
    assert res.out.startswith("system") and "\x1b" not in res.out
    terminal.truncate(0)
    res = run_cli(capsys, monkeypatch, ["eval", str(data), "-q", "--resamples", "10"])
    assert res.code == 0
    assert terminal.getvalue().strip("\x00") == ""


def test_rouge_xlsum_scores_with_other_tokens(capsys, monkeypatch, data) -> None:
    default, _ = eval_json(capsys, monkeypatch, str(data), "--system", "flaky")
    xlsum, _ = eval_json(capsys, monkeypatch, str(data), "--system", "flaky", "--rouge", "xlsum")
    assert [s["name"] for s in xlsum["systems"]] == ["flaky", "lead"]
    values = [
        (d["scores"]["rouge1"]["value"], x["scores"]["rouge1"]["value"])
        for d, x in zip(default["systems"], xlsum["systems"], strict=True)
    ]
    assert any(a != b for a, b in values)


def test_an_unknown_rouge_scheme_is_a_usage_error(capsys, monkeypatch, data) -> None:
    res = run_cli(capsys, monkeypatch, ["eval", str(data), "--rouge", "bogus"])
    assert res.code == 2
    assert res.out == ""
    assert "--rouge" in res.err and "xlsum" in res.err
    res = run_cli(
        capsys, monkeypatch, ["eval", str(data), "--task", "translate", "--rouge", "xlsum"]
    )
    assert res.code == 2
    assert res.out == ""
    assert "--rouge applies to summaries" in res.err
