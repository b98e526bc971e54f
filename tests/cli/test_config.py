"""Defaults from a config file: flag > SUMMARIZE_* environment > config file > built-in default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.settings import Settings, config_path
from tests.batch.helpers import article
from tests.cli.helpers import run_cli

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(article(1, sentences=12), encoding="utf-8")
    return path


def _config(home: Path, text: str) -> None:
    (home / "config.toml").write_text(text, encoding="utf-8")


def _sentences(capsys: Capsys, monkeypatch: Patch, *argv: str) -> int:
    res = run_cli(capsys, monkeypatch, [*argv, "-f", "json", "-q"])
    assert res.code == 0, res.err
    from summarize.text.sentences import split_sentences

    return len(split_sentences(json.loads(res.out)["summary"]))


def test_the_config_file_lives_in_the_home_or_where_summarize_config_says(
    isolated_home: Path, tmp_path: Path
) -> None:
    assert config_path({"SUMMARIZE_HOME": str(isolated_home)}) == isolated_home / "config.toml"
    other = tmp_path / "c.toml"
    assert config_path({"SUMMARIZE_CONFIG": str(other), "SUMMARIZE_HOME": "/x"}) == other


def test_flag_beats_environment_beats_config_file(
    capsys: Capsys, monkeypatch: Patch, isolated_home: Path, doc: Path
) -> None:
    _config(isolated_home, "sentences = 2\nengine = 'extractive'\n")
    assert _sentences(capsys, monkeypatch, str(doc)) == 2
    monkeypatch.setenv("SUMMARIZE_SENTENCES", "3")
    assert _sentences(capsys, monkeypatch, str(doc)) == 3
    assert _sentences(capsys, monkeypatch, str(doc), "-n", "1") == 1


def test_a_length_given_in_any_form_replaces_the_configured_one(isolated_home: Path) -> None:
    _config(isolated_home, "max_words = 50\n")
    defaults = Settings.from_env({"SUMMARIZE_HOME": str(isolated_home)}).defaults
    assert defaults.length(None, None, None) == (None, 50, None)
    assert defaults.length(2, None, None) == (2, None, None)


def test_the_config_files_engine_is_used(
    capsys: Capsys, monkeypatch: Patch, isolated_home: Path, doc: Path
) -> None:
    _config(isolated_home, "engine = 'lead'\n")
    res = run_cli(capsys, monkeypatch, [str(doc), "-f", "json", "-q"])
    assert res.code == 0, res.err
    assert json.loads(res.out)["engine"] == "lead"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("colour = 'red'\n", "unknown key 'colour'"),
        ("sentences = 'two'\n", "sentences must be a whole number"),
        ("ratio = 3\n", "ratio is out of range"),
        ("engine = \n", "cannot read the config file"),
    ],
)
def test_a_bad_config_file_is_one_usage_error_naming_it(
    capsys: Capsys, monkeypatch: Patch, isolated_home: Path, doc: Path, text: str, words: str
) -> None:
    _config(isolated_home, text)
    res = run_cli(capsys, monkeypatch, [str(doc)])
    assert (res.code, res.out) == (2, "")
    assert res.err.count("\n") == 1 and words in res.err and "config.toml" in res.err
