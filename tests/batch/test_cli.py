"""``summarize batch`` through the real CLI entry point: records, order, errors, exit codes."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.engines import register_summarizer, unregister_summarizer
from summarize.engines.registry import summarizer_factory
from tests.batch.helpers import (
    BatchingEngine,
    PidLogging,
    SleepyEngine,
    article,
    logged_pids,
    parse_lines,
    without_ms,
    write_jsonl,
)
from tests.cli.helpers import run_cli

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


@pytest.fixture
def sleepy() -> Iterator[None]:
    register_summarizer("sleepy", lambda settings, model: SleepyEngine())
    yield
    unregister_summarizer("sleepy")


@pytest.fixture
def batching() -> Iterator[BatchingEngine]:
    engine = BatchingEngine()
    register_summarizer("batching", lambda settings, model: engine)
    yield engine
    unregister_summarizer("batching")


def _mixed(tmp_path: Path, n: int = 60) -> Path:
    # Long and short articles alternate in runs, so later records finish first.
    records = [{"id": f"r{i}", "text": article(i, 40 if i % 7 < 3 else 1)} for i in range(n)]
    return write_jsonl(tmp_path / "in.jsonl", records)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_order_is_kept_under_mixed_lengths(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, sleepy: None, workers: str
) -> None:
    path = _mixed(tmp_path)
    res = run_cli(
        capsys, monkeypatch, ["batch", str(path), "-e", "sleepy", "--workers", workers, "-q"]
    )
    assert res.code == 0, res.err
    assert res.err == ""
    records = parse_lines(res.out)
    assert [r["id"] for r in records] == [f"r{i}" for i in range(60)]
    assert all(r["engine"] == "sleepy" and r["model"] == "sleepy-1" for r in records)
    assert all(r["summary"].endswith(f"{r['id'][1:]}-0.") for r in records)


def test_extractive_pool_gives_the_serial_records(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl", [{"id": i, "text": article(i, 3 + i % 9)} for i in range(150)]
    )
    serial = run_cli(capsys, monkeypatch, ["batch", str(path), "--workers", "1", "-q"])
    pooled = run_cli(capsys, monkeypatch, ["batch", str(path), "--workers", "2", "-q"])
    assert serial.code == pooled.code == 0
    assert without_ms(parse_lines(pooled.out)) == without_ms(parse_lines(serial.out))
    assert [r["id"] for r in parse_lines(serial.out)] == list(range(150))


def test_batch_matches_the_single_article_command(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    texts = [article(i, 2 + i) for i in range(4)]
    path = write_jsonl(tmp_path / "in.jsonl", [{"text": t} for t in texts])
    res = run_cli(capsys, monkeypatch, ["batch", str(path), "-n", "2", "-q"])
    assert res.code == 0
    for i, record in enumerate(parse_lines(res.out)):
        doc = tmp_path / f"{i}.txt"
        doc.write_text(texts[i], encoding="utf-8")
        one = run_cli(capsys, monkeypatch, [str(doc), "-n", "2", "--format", "json", "-q"])
        single = json.loads(one.out)
        assert record["id"] == f"line-{i + 1}"
        assert record["summary"] == single["summary"]
        assert (record["lang"], record["engine"]) == (single["lang"], single["engine"])
        assert record["chars_in"] == len(texts[i])


def test_bad_records_become_error_records_and_exit_1(capsys: Capsys, monkeypatch: Patch) -> None:
    good = json.dumps({"id": "ok", "text": article(1), "url": "u"}, ensure_ascii=False)
    stdin = "\n".join(
        [
            good,
            "{not json",
            json.dumps({"id": "no-text", "url": "v"}),
            json.dumps({"text": ["a list"]}),
            json.dumps({"id": "empty", "text": "  "}),
            json.dumps({"id": "latin1", "text": "字字字字字字"}, ensure_ascii=False),
        ]
    )
    res = run_cli(capsys, monkeypatch, ["batch", "-"], stdin=stdin.encode())
    assert res.code == 1
    records = parse_lines(res.out)
    assert [r["id"] for r in records] == ["ok", "line-2", "no-text", "line-4", "empty", "latin1"]
    assert "summary" in records[0] and records[0]["url"] == "u"
    errors = {r["id"]: r["error"] for r in records[1:]}
    assert set(errors) == {"line-2", "no-text", "line-4", "empty", "latin1"}
    assert errors["line-2"].startswith("line 2: invalid JSON")
    assert errors["no-text"] == "line 3: no 'text' field"
    assert errors["line-4"] == "line 4: 'text' is not a string (list)"
    assert "empty" in errors["empty"]
    assert "neither Arabic nor English" in errors["latin1"]
    assert records[2]["url"] == "v"
    assert all("\n" not in e for e in errors.values())
    assert res.err.strip().endswith(
        "summarize: error: 5 of 6 records failed (see their 'error' field)"
    )


def test_undecodable_file_is_an_error_record(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(article(3), encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary\x00")
    res = run_cli(capsys, monkeypatch, ["batch", str(tmp_path), "-q"])
    assert res.code == 1
    first, second = parse_lines(res.out)
    assert first["id"] == str(tmp_path / "a.txt") and "summary" in first
    assert second == {
        "id": str(tmp_path / "b.txt"),
        "error": f"{tmp_path / 'b.txt'}: not a text file (binary data)",
    }
    assert "1 of 2 records failed" in res.err


def test_stdin_documents_and_non_ascii_output(capsys: Capsys, monkeypatch: Patch) -> None:
    stdin = f"{article(1)}\n---\n{article(2)}\n".encode()
    res = run_cli(capsys, monkeypatch, ["batch", "-", "-q"], stdin=stdin)
    assert res.code == 0 and res.err == ""
    lines = res.out.splitlines()
    assert len(lines) == 2
    assert "\\u" not in res.out
    assert any(word in res.out for word in ("الحكومة", "أعلنت", "الاقتصاد"))
    assert [json.loads(line)["id"] for line in lines] == [1, 2]


def test_output_file_and_resume(capsys: Capsys, monkeypatch: Patch, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(10)])
    out = tmp_path / "out.jsonl"
    # A previous run that stopped after three records, mid-way through a fourth line.
    full = run_cli(capsys, monkeypatch, ["batch", str(path), "-q"])
    first_three = "".join(full.out.splitlines(keepends=True)[:3])
    out.write_text(first_three + '{"id": 3, "summ', encoding="utf-8")
    again = run_cli(capsys, monkeypatch, ["batch", str(path), "-o", str(out)])
    assert again.code == 2 and "--resume" in again.err
    res = run_cli(capsys, monkeypatch, ["batch", str(path), "-o", str(out), "--resume"])
    assert res.code == 0 and res.out == ""
    assert "3 already done" in res.err
    records = parse_lines(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == list(range(10))
    assert without_ms(records) == without_ms(parse_lines(full.out))


def test_batching_engine_gets_windows(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, batching: BatchingEngine
) -> None:
    records = [{"id": i, "text": article(i)} for i in range(10)]
    records[4] = {"id": 4, "text": 4}
    path = write_jsonl(tmp_path / "in.jsonl", records)
    argv = ["batch", str(path), "-e", "batching", "--batch-size", "4", "-q"]
    res = run_cli(capsys, monkeypatch, argv)
    assert res.code == 1
    out = parse_lines(res.out)
    assert [r["id"] for r in out] == list(range(10))
    assert batching.batches == [4, 3, 2] and batching.single == 0
    assert "error" in out[4] and all("summary" in r for i, r in enumerate(out) if i != 4)
    assert out[0]["summary"].endswith("0-0.") and out[9]["summary"].endswith("9-0.")


def test_failed_batch_is_redone_record_by_record(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, batching: BatchingEngine
) -> None:
    records = [{"id": i, "text": article(i) + (" FAIL." if i == 2 else "")} for i in range(6)]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    res = run_cli(capsys, monkeypatch, ["batch", str(path), "-e", "batching", "-q"])
    assert res.code == 1
    out = parse_lines(res.out)
    assert batching.batches == [6] and batching.single == 6
    assert out[2] == {"id": 2, "error": "RuntimeError: cannot summarise this one"}
    assert [("summary" in r) for r in out] == [True, True, False, True, True, True]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["batch", "-", "--task", "poem"], "unknown task 'poem'"),
        (["batch", "-", "--task", "brief", "--via", "x"], "unknown pipeline 'x'"),
        (["batch", "-", "--resume"], "--resume needs -o/--output"),
        (["batch", "-", "--format", "text"], "--format jsonl"),
        (["batch"], "no input"),
        (["batch", "-", "-"], "only once"),
        (["batch", "-", "--input-format", "xml"], "unknown input format"),
        (["batch", "-", "--lang", "fr"], "unsupported language 'fr'"),
    ],
)
def test_usage_errors_exit_2(
    capsys: Capsys, monkeypatch: Patch, argv: list[str], message: str
) -> None:
    res = run_cli(capsys, monkeypatch, argv, stdin=b'{"text": "x"}\n')
    assert res.code == 2
    assert res.out == ""
    assert message in res.err and res.err.count("\n") == 1


def test_unknown_engine_exits_2(capsys: Capsys, monkeypatch: Patch) -> None:
    stdin = json.dumps({"text": article(1)}, ensure_ascii=False).encode()
    res = run_cli(capsys, monkeypatch, ["batch", "-", "-e", "nope"], stdin=stdin)
    assert res.code == 2 and res.out == ""
    assert "unknown engine 'nope'" in res.err


def test_translation_without_a_model_exits_3(capsys: Capsys, monkeypatch: Patch) -> None:
    stdin = json.dumps({"text": article(1)}, ensure_ascii=False).encode()
    res = run_cli(capsys, monkeypatch, ["batch", "-", "--task", "translate"], stdin=stdin)
    assert res.code == 3 and res.out == ""
    assert "summarize models pull" in res.err


@pytest.fixture
def pid_log(tmp_path: Path, monkeypatch: Patch) -> Iterator[Path]:
    """The extractive and sleepy engines log the processes they run in (fork inherits this).

    A long run is made to look long at once, on a machine of eight idle CPUs.
    """
    import summarize.batch.pool as pool
    import summarize.batch.run as batch

    log = tmp_path / "pids.log"
    log.touch()
    extractive = summarizer_factory("extractive")
    assert extractive is not None
    register_summarizer("extractive", lambda s, m: PidLogging(extractive(s, m), log))
    register_summarizer("sleepy", lambda s, m: PidLogging(SleepyEngine(), log))
    monkeypatch.setattr(pool, "SWITCH_AFTER_S", 0.0)
    monkeypatch.setattr(batch, "cpu_count", lambda: 8)
    monkeypatch.setattr(pool, "idle_cpus", lambda cpus: float(cpus))
    yield log
    register_summarizer("extractive", extractive)
    unregister_summarizer("sleepy")


def test_auto_mode_moves_the_extractive_engine_to_processes(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, pid_log: Path
) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl", [{"id": i, "text": article(i, 4)} for i in range(100)]
    )
    serial = run_cli(capsys, monkeypatch, ["batch", str(path), "--workers", "1", "-q"])
    assert logged_pids(pid_log) == {os.getpid()}
    pid_log.write_text("", encoding="utf-8")
    auto = run_cli(capsys, monkeypatch, ["batch", str(path), "--batch-size", "8", "-q"])
    # The first window runs here; the rest in a pool of (at most) eight processes.
    children = logged_pids(pid_log) - {os.getpid()}
    assert 1 <= len(children) <= 8
    assert auto.code == serial.code == 0
    assert without_ms(parse_lines(auto.out)) == without_ms(parse_lines(serial.out))


@pytest.mark.parametrize(("cpus", "idle"), [(2, 2.0), (8, 2.5)])
def test_auto_mode_stays_in_process_without_room_for_a_pool(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, pid_log: Path, cpus: int, idle: float
) -> None:
    import summarize.batch.pool as pool
    import summarize.batch.run as batch

    monkeypatch.setattr(batch, "cpu_count", lambda: cpus)
    monkeypatch.setattr(pool, "idle_cpus", lambda n: idle)
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(40)])
    res = run_cli(capsys, monkeypatch, ["batch", str(path), "--batch-size", "4", "-q"])
    assert res.code == 0
    # Two CPUs, however idle, or three busy of eight: a pool would not pay.
    assert logged_pids(pid_log) == {os.getpid()}
    assert [r["id"] for r in parse_lines(res.out)] == list(range(40))


def test_auto_mode_keeps_other_engines_in_process(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, pid_log: Path
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(40)])
    res = run_cli(capsys, monkeypatch, ["batch", str(path), "-e", "sleepy", "--batch-size", "4"])
    assert res.code == 0
    assert logged_pids(pid_log) == {os.getpid()}
    assert [r["id"] for r in parse_lines(res.out)] == list(range(40))


def test_a_run_error_in_a_worker_process_ends_the_batch(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(40)])
    res = run_cli(capsys, monkeypatch, ["batch", str(path), "--workers", "2", "-e", "nope"])
    assert res.code == 2 and res.out == ""
    assert "unknown engine 'nope'" in res.err


@pytest.mark.parametrize("engine", ["extractive", "batching"])
def test_batch_record_is_the_json_result_plus_batch_fields(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, batching: BatchingEngine, engine: str
) -> None:
    text = "عنوان الخبر\n\n" + article(3, 6)
    single = run_cli(capsys, monkeypatch, ["-", "-e", engine, "-f", "json"], text.encode())
    assert single.code == 0, single.err
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": text, "url": "u"}])
    res = run_cli(capsys, monkeypatch, ["batch", str(path), "-e", engine, "-q"])
    assert res.code == 0, res.err
    (record,) = parse_lines(res.out)
    expected = json.loads(single.out)
    # Only batch adds: the record's id first, chars_in, ms, and the passed-through fields.
    assert list(record) == ["id", *expected, "chars_in", "ms", "url"]
    assert {k: record[k] for k in expected} == expected


def test_a_huge_record_is_cut_and_later_records_are_written(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    huge = article(1, 2000)
    records = [{"id": f"r{i}", "text": huge if i == 1 else article(i)} for i in range(4)]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    monkeypatch.setenv("SUMMARIZE_MAX_CHARS", "3000")
    res = run_cli(capsys, monkeypatch, ["batch", str(path), "-e", "extractive"])
    assert res.code == 0, res.err
    out = parse_lines(res.out)
    assert [r["id"] for r in out] == ["r0", "r1", "r2", "r3"]
    assert out[1]["truncated_from"] == len(huge)
    assert all("truncated_from" not in r for r in (out[0], out[2], out[3]))
    assert all(r["summary"] for r in out)
    # Only sentences from the first 3,000 characters can be in the summary.
    tags = re.findall(r"رقم 1-\d+\.", out[1]["summary"])
    assert tags and all(tag in huge[:3000] for tag in tags)
    assert "record r1:" in res.err and "SUMMARIZE_MAX_CHARS" in res.err


def test_a_huge_page_in_a_batch_is_bounded_as_a_file_is(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    # The size limit applies to pages read from files and from JSON Lines alike, before
    # extraction, and the record says how long the page was (as `summarize PAGE` does).
    limit = 20_000
    monkeypatch.setenv("SUMMARIZE_MAX_CHARS", str(limit))
    script = "<script>var x = '" + "y" * 50_000 + "';</script>"
    related = "".join(
        f"<div class='related'><a href='/n/{i}'>خبر رقم {i}</a></div>" for i in range(2000)
    )
    body = "".join(f"<p>{article(i)}</p>" for i in range(3)) + related
    head = f"<head><title>عنوان</title>{script}</head>"
    page = f"<html>{head}<body><article>{body}</article></body></html>"
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "huge.html").write_text(page, encoding="utf-8")
    lines = write_jsonl(tmp_path / "in.jsonl", [{"id": "j", "text": page}])
    for source in (folder, lines):
        res = run_cli(capsys, monkeypatch, ["batch", str(source), "-e", "extractive", "-q"])
        assert res.code == 0, res.err
        (record,) = parse_lines(res.out)
        assert record["truncated_from"] == len(page), source
        assert record["summary"] and "yyyy" not in record["summary"]
