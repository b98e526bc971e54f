"""The output file: one run at a time, never an input, resumed with a word about odd lines."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest

from summarize.batch.sink import FileSink
from tests.batch.helpers import article, parse_lines, write_jsonl
from tests.batch.test_process import _finish, _slow, _wait_for_lines
from tests.cli.helpers import run_cli
from tests.hang import HANG_S

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


def _input(tmp_path: Path, n: int) -> Path:
    return write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(n)])


@pytest.mark.parametrize("resume", [False, True])
def test_a_second_run_on_a_locked_output_is_refused_in_one_line(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, resume: bool
) -> None:
    src, out = _input(tmp_path, 3), tmp_path / "out.jsonl"
    holder = FileSink(str(out))  # as a run in progress holds it
    try:
        res = run_cli(
            capsys, monkeypatch, ["batch", str(src), "-o", str(out), *(["--resume"] * resume)]
        )
    finally:
        holder.close()
    assert res.code == 2 and res.out == ""
    assert len(res.err.strip().splitlines()) == 1
    assert f"{out}: another summarize batch is writing this file" in res.err
    assert out.read_bytes() == b""
    # Once the first run has ended, the file is free again.
    assert run_cli(capsys, monkeypatch, ["batch", str(src), "-o", str(out), "-q"]).code == 0


def test_the_output_cannot_be_an_input(capsys: Capsys, monkeypatch: Patch, tmp_path: Path) -> None:
    src = _input(tmp_path, 2)
    before = src.read_bytes()
    res = run_cli(capsys, monkeypatch, ["batch", str(src), "-o", str(src), "--resume"])
    assert res.code == 2 and f"{src}: is also an input of this run" in res.err
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(article(1), encoding="utf-8")
    inside = run_cli(capsys, monkeypatch, ["batch", str(folder), "-o", str(folder / "out.txt")])
    assert inside.code == 2 and "is also an input of this run" in inside.err
    assert src.read_bytes() == before and not (folder / "out.txt").exists()


def test_resume_names_the_lines_that_are_not_records(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    src, out = _input(tmp_path, 3), tmp_path / "out.jsonl"
    out.write_text('{"id": 0, "summary": "s"}\ngarbage\n', encoding="utf-8")
    res = run_cli(capsys, monkeypatch, ["batch", str(src), "-o", str(out), "--resume"])
    assert res.code == 0
    assert f"warning: {out}: line 2 is not an output record; kept as is" in res.err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[1] == "garbage"
    assert [json.loads(line)["id"] for line in lines[2:]] == [1, 2]


def test_jsonl_saved_as_utf16_is_read(capsys: Capsys, monkeypatch: Patch, tmp_path: Path) -> None:
    rows = [{"id": f"r{i}", "text": article(i)} for i in range(3)]
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.jsonl"
        path.write_bytes(text.encode(encoding))
        res = run_cli(capsys, monkeypatch, ["batch", str(path), "-q"])
        assert res.code == 0, res.err
        assert [r["id"] for r in parse_lines(res.out)] == ["r0", "r1", "r2"]
    utf8 = run_cli(capsys, monkeypatch, ["batch", "-", "-q"], stdin=text.encode("utf-16"))
    assert [r["id"] for r in parse_lines(utf8.out)] == ["r0", "r1", "r2"]


def test_two_runs_on_one_output_at_random_moments_never_damage_it(tmp_path: Path) -> None:
    """Fault injection: a second run starts at a random moment of the first.

    It is refused (exit 2, one line naming the file), or, once the first has ended, it
    finishes the job. Either way the file holds every record once, in input order (after a
    last ``--resume``, which finds the job done or finishes what a refused run left).
    """
    n = 120
    src, rng = _input(tmp_path, n), random.Random(18)
    for round_ in range(3):
        out = tmp_path / f"out{round_}.jsonl"
        if round_ == 2:
            out.write_bytes(b"")  # an existing empty file, as in the issue
        resume = ["--resume"] if round_ else []
        first = _slow(str(src), "-o", str(out), *resume, "-q", stderr=subprocess.DEVNULL)
        _wait_for_lines(out, rng.randrange(0, n // 2))
        second = _finish(str(src), "-o", str(out), *resume, "-q")
        assert first.wait(timeout=HANG_S) in (0, 2)
        assert second.returncode in (0, 2), second.stderr
        # One run at least went through (the other may have started first, by a hair).
        assert 0 in (first.returncode, second.returncode)
        if second.returncode == 2:
            err = second.stderr.decode().strip()
            assert len(err.splitlines()) == 1 and str(out) in err
        done = _finish(str(src), "-o", str(out), "--resume", "-q")
        assert done.returncode == 0, done.stderr
        assert [r["id"] for r in parse_lines(out.read_text(encoding="utf-8"))] == list(range(n))
