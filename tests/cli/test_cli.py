"""The single-article command through the real entry point: stdout, stderr, exit codes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.engines import register_summarizer, unregister_summarizer
from tests.cli.helpers import ScriptedEngine, run_cli

ARTICLE = (
    "ارتفاع أسعار القمح في الأسواق العالمية\n"
    "ارتفعت أسعار القمح في الأسواق العالمية بنسبة 12 في المئة خلال الأسبوع الماضي.\n"
    "وقال محللون إن الجفاف في مناطق الإنتاج الرئيسية هو السبب الأول للارتفاع.\n"
    "وأضاف المحللون أن الأسعار قد تواصل الصعود إذا استمر الجفاف حتى نهاية الموسم.\n"
    "وتستورد الدول العربية نحو ثلث القمح المتداول في العالم.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def scripted() -> Iterator[ScriptedEngine]:
    engine = ScriptedEngine(["أول ", "جملة. ", "ثاني ", "جملة."])
    register_summarizer("scripted", lambda settings, model: engine)
    yield engine
    unregister_summarizer("scripted")


def test_summary_of_a_file_goes_to_stdout_only(capsys, monkeypatch, article: Path) -> None:
    res = run_cli(capsys, monkeypatch, [str(article)])
    assert res.code == 0
    assert res.out.endswith("\n")
    summary = res.out.strip()
    assert summary and summary in ARTICLE.replace("\n", " ")
    # With no model installed, auto falls back to the extractive engine; the advice to
    # install a model is for a terminal only (tests/cli/test_terminal.py).
    assert res.err == ""


def test_quiet_silences_the_notice(capsys, monkeypatch, article: Path) -> None:
    res = run_cli(capsys, monkeypatch, [str(article), "--quiet"])
    assert (res.code, res.err) == (0, "")
    assert res.out.strip()


def test_explicit_extractive_engine_needs_no_notice(capsys, monkeypatch, article: Path) -> None:
    res = run_cli(capsys, monkeypatch, [str(article), "--engine", "extractive"])
    assert (res.code, res.err) == (0, "")


def test_stdin_with_dash(capsys, monkeypatch) -> None:
    res = run_cli(capsys, monkeypatch, ["-", "--sentences", "1"], stdin=ARTICLE.encode())
    assert res.code == 0
    assert res.out.strip() in ARTICLE


def test_json_output_fields(capsys, monkeypatch, article: Path) -> None:
    res = run_cli(capsys, monkeypatch, [str(article), "--format", "json"])
    assert res.code == 0
    record = json.loads(res.out)
    assert record["engine"] == "extractive"
    assert record["lang"] == "ar"
    assert record["source_lang"] == "ar"
    assert record["summary"]
    assert "ارتفعت" in res.out  # ensure_ascii is off


def test_jsonl_is_one_line(capsys, monkeypatch, article: Path) -> None:
    res = run_cli(capsys, monkeypatch, [str(article), "-f", "jsonl"])
    assert res.code == 0
    assert res.out.count("\n") == 1
    assert json.loads(res.out)["summary"]


def test_max_words_is_a_hard_cap(capsys, monkeypatch, article: Path) -> None:
    res = run_cli(capsys, monkeypatch, [str(article), "--max-words", "5"])
    assert res.code == 0
    assert 0 < len(res.out.split()) <= 5


def test_fake_engine_is_streamed_and_closed(
    capsys, monkeypatch, article: Path, scripted: ScriptedEngine
) -> None:
    res = run_cli(capsys, monkeypatch, [str(article), "--engine", "scripted", "-f", "json"])
    assert res.code == 0, res.err
    record = json.loads(res.out)
    assert record["summary"] == "أول جملة. ثاني جملة."
    assert record["engine"] == "scripted"
    assert record["model"] == "script-1"
    assert scripted.closed
    ((doc, _length, target),) = scripted.calls
    assert target == "ar"
    assert "ارتفعت" in doc.text


def test_length_options_reach_the_engine(
    capsys, monkeypatch, article: Path, scripted: ScriptedEngine
) -> None:
    argv = [str(article), "-e", "scripted", "-n", "2", "-w", "40", "-r", "0.5"]
    assert run_cli(capsys, monkeypatch, argv).code == 0
    length = scripted.calls[0][1]
    assert (length.sentences, length.max_words, length.ratio) == (2, 40, 0.5)


def test_engine_failure_is_one_line(capsys, monkeypatch, article: Path) -> None:
    from summarize.errors import SummarizeError

    engine = ScriptedEngine(["a ", "b ", "c"], fail=SummarizeError("model crashed"))
    register_summarizer("broken", lambda settings, model: engine)
    try:
        res = run_cli(capsys, monkeypatch, [str(article), "-e", "broken"])
    finally:
        unregister_summarizer("broken")
    assert res.code == 1
    assert res.err == "summarize: error: model crashed\n"
    assert engine.closed


def test_unexpected_exception_has_no_traceback(capsys, monkeypatch, article: Path) -> None:
    engine = ScriptedEngine(["a ", "b"], fail=ZeroDivisionError("boom"))
    register_summarizer("buggy", lambda settings, model: engine)
    try:
        res = run_cli(capsys, monkeypatch, [str(article), "-e", "buggy"])
    finally:
        unregister_summarizer("buggy")
    assert res.code == 1
    assert "Traceback" not in res.err
    assert res.err.count("\n") == 1
    assert "ZeroDivisionError" in res.err


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["/definitely/not/here.txt"], 1, "no such file"),
        (["{tmp}"], 1, "is a directory"),
        (["{article}", "--format", "xml"], 2, "unknown format"),
        (["{article}", "--engine", "nope"], 2, "unknown engine"),
        (["{article}", "--sentences", "0"], 2, "--sentences"),
        (["{article}", "--lang", "fr"], 2, "unsupported language"),
        (["{article}", "--lang", "en"], 3, "summarize models pull"),
        (["{article}", "--no-such-flag"], 2, "No such option"),
    ],
)
def test_errors_are_one_line_on_stderr(
    capsys, monkeypatch, tmp_path: Path, article: Path, argv: list[str], code: int, message: str
) -> None:
    argv = [a.format(tmp=tmp_path, article=article) for a in argv]
    res = run_cli(capsys, monkeypatch, argv)
    assert res.code == code
    assert res.out == ""
    assert res.err.startswith("summarize: error: ")
    assert res.err.count("\n") == 1
    assert message in res.err


@pytest.mark.parametrize("stdin", [b"", b"   \n\t\n"])
def test_empty_input(capsys, monkeypatch, stdin: bytes) -> None:
    res = run_cli(capsys, monkeypatch, ["-"], stdin=stdin)
    assert res.code == 1
    assert res.out == ""
    assert "empty" in res.err


def test_binary_file(capsys, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(bytes(range(256)) * 4)
    res = run_cli(capsys, monkeypatch, [str(path)])
    assert res.code == 1
    assert "not a text file" in res.err


def test_no_arguments_is_usage(capsys, monkeypatch) -> None:
    res = run_cli(capsys, monkeypatch, [])
    assert res.code == 2
    assert res.out == ""
    assert "Usage:" in res.err


def test_version(capsys, monkeypatch) -> None:
    from summarize import __version__

    res = run_cli(capsys, monkeypatch, ["--version"])
    assert (res.code, res.out) == (0, f"summarize {__version__}\n")


def _listed_commands(help_text: str) -> list[str]:
    """The command names under the "Commands:" heading of a ``--help`` page."""
    return [
        line.split()[0]
        for line in help_text.split("Commands:")[1].splitlines()
        if line.startswith("  ") and line.split()
    ]


def test_help_shows_an_example_for_every_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    res = run_cli(capsys, monkeypatch, ["--help"])
    assert res.code == 0
    commands = _listed_commands(res.out)
    assert "article" in commands
    for command in commands:
        sub = run_cli(capsys, monkeypatch, [command, "--help"])
        assert sub.code == 0
        assert "Example: summarize" in sub.out, command


def test_help_of_every_models_subcommand(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import typer
    from typer.core import TyperGroup

    from summarize.cli.models import models_app

    res = run_cli(capsys, monkeypatch, ["models", "--help"])
    assert res.code == 0
    listed = _listed_commands(res.out)
    group = typer.main.get_command(models_app)
    assert isinstance(group, TyperGroup)
    # The help page lists every registered subcommand, so the loop below covers them all.
    assert sorted(listed) == sorted(group.commands) and len(listed) >= 6
    for name in listed:
        sub = run_cli(capsys, monkeypatch, ["models", name, "--help"])
        assert sub.code == 0, (name, sub.err)
        assert sub.out.startswith(f"Usage: summarize models {name} "), name
        assert f"Example: summarize models {name}" in sub.out, name
        assert sub.err == "", name
        assert "Traceback" not in sub.out, name


def test_an_input_far_beyond_the_limit_is_cut_with_a_notice(
    capsys, monkeypatch, tmp_path: Path
) -> None:
    # The head is the sample article; the tail repeats sentences with a word found nowhere
    # in the head: none of it may reach the summary.
    tail = "وذكرت مصادر أن الكرنفال سيعود إلى المدينة في الربيع المقبل.\n" * 400
    path = tmp_path / "huge.txt"
    path.write_text(ARTICLE + tail, encoding="utf-8")
    monkeypatch.setenv("SUMMARIZE_MAX_CHARS", str(len(ARTICLE) + 20))
    res = run_cli(capsys, monkeypatch, [str(path), "-e", "extractive", "-f", "json"])
    assert res.code == 0, res.err
    assert "SUMMARIZE_MAX_CHARS" in res.err
    assert f"{len(ARTICLE) + len(tail):,} characters" in res.err
    record = json.loads(res.out)
    assert record["truncated_from"] == len(ARTICLE) + len(tail)
    assert record["summary"] and "الكرنفال" not in record["summary"]


def test_a_bad_size_limit_is_a_usage_error(capsys, monkeypatch, article: Path) -> None:
    monkeypatch.setenv("SUMMARIZE_MAX_CHARS", "lots")
    res = run_cli(capsys, monkeypatch, [str(article)])
    assert res.code == 2
    assert res.out == ""
    assert res.err.count("\n") == 1 and "SUMMARIZE_MAX_CHARS" in res.err
