"""File-system errors: one plain line naming the path and the reason, never "internal error"."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from summarize.batch import sink as batch_output
from tests.batch.helpers import article, parse_lines, write_jsonl
from tests.cli.helpers import run_cli
from tests.tiny_models import install_tiny

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


def _one_plain_line(err: str) -> None:
    assert err.startswith("summarize: error: ")
    assert err.count("\n") == 1
    assert "internal error" not in err and "Traceback" not in err


def _denied(*args: object, **kwargs: object) -> None:
    raise PermissionError(errno.EROFS, "Read-only file system", str(args[0] if args else ""))


def test_import_into_a_read_only_home(
    capsys: Capsys, monkeypatch: Patch, isolated_home: Path, tiny_ct2_models: dict[str, Path]
) -> None:
    monkeypatch.setattr(tempfile, "mkdtemp", _denied)
    res = run_cli(capsys, monkeypatch, ["models", "import", str(tiny_ct2_models["mt5"]), "-n", "x"])
    assert res.code == 1
    _one_plain_line(res.err)
    assert str(isolated_home / "models") in res.err and "Read-only file system" in res.err


def test_remove_from_a_read_only_home(
    capsys: Capsys, monkeypatch: Patch, isolated_home: Path
) -> None:
    install_tiny(isolated_home, "mt5", "x")
    monkeypatch.setattr(shutil, "rmtree", _denied)
    res = run_cli(capsys, monkeypatch, ["models", "remove", "x"])
    assert res.code == 1
    _one_plain_line(res.err)
    assert f"cannot remove {isolated_home / 'models' / 'x'}: Read-only file system" in res.err


def test_home_that_is_a_file(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path, tiny_ct2_models: dict[str, Path]
) -> None:
    home = tmp_path / "home-file"
    home.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("SUMMARIZE_HOME", str(home))
    res = run_cli(capsys, monkeypatch, ["models", "import", str(tiny_ct2_models["mt5"]), "-n", "x"])
    assert res.code == 1
    _one_plain_line(res.err)
    assert str(home) in res.err


def test_remove_of_a_symlinked_model_removes_the_link_only(
    capsys: Capsys, monkeypatch: Patch, isolated_home: Path, tmp_path: Path
) -> None:
    real = install_tiny(tmp_path, "mt5", "elsewhere")
    (isolated_home / "models").mkdir(parents=True, exist_ok=True)
    link = isolated_home / "models" / "linked"
    link.symlink_to(real, target_is_directory=True)
    res = run_cli(capsys, monkeypatch, ["models", "remove", "linked"])
    assert res.code == 0, res.err
    assert not link.is_symlink() and not link.exists()
    assert (real / "model.bin").is_file()


def test_output_to_a_full_disk(capsys: Capsys, monkeypatch: Patch, tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(3)])
    res = run_cli(capsys, monkeypatch, ["batch", str(src), "-o", "/dev/full"])
    assert res.code == 1
    assert res.err.endswith("summarize: error: /dev/full: cannot write (No space left on device)\n")
    assert "internal error" not in res.err


def test_disk_full_mid_run_leaves_a_file_resume_finishes(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    n = 6
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(n)])
    out = tmp_path / "out.jsonl"
    real_write = os.write
    calls = []

    def filling(fd: int, data: bytes) -> int:
        calls.append(fd)
        if len(calls) == 3:  # half a line goes out, then the disk is full
            return real_write(fd, bytes(data)[: len(data) // 2])
        if len(calls) > 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(batch_output.os, "write", filling)
    res = run_cli(capsys, monkeypatch, ["batch", str(src), "-o", str(out)])
    assert res.code == 1
    assert "2 records kept" in res.err and "add --resume" in res.err
    assert f"{out}: cannot write (No space left on device)" in res.err
    monkeypatch.setattr(batch_output.os, "write", real_write)
    done = run_cli(capsys, monkeypatch, ["batch", str(src), "-o", str(out), "--resume"])
    assert done.code == 0, done.err
    assert [r["id"] for r in parse_lines(out.read_text(encoding="utf-8"))] == list(range(n))


def test_output_that_is_a_directory(capsys: Capsys, monkeypatch: Patch, tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": article(1)}])
    res = run_cli(capsys, monkeypatch, ["batch", str(src), "-o", str(tmp_path)])
    assert res.code == 2
    _one_plain_line(res.err)
    assert f"{tmp_path}: is a directory" in res.err
    assert "already holds records" not in res.err
