"""Engines from other packages: the example package in tests/plugins, installed for the test.

Installing a package puts a ``NAME-VERSION.dist-info`` folder (metadata, entry points) and its
code on ``sys.path``; the fixture does the same in a temporary folder, from the example's own
pyproject.toml, so that no install step changes the test environment. The CLI then runs in a
fresh process with that folder on its path, as it would after ``pip install``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from summarize.pipeline import prepare
from tests.engines.neural.neural_helpers import arabic_article

EXAMPLE = Path(__file__).parents[1] / "plugins" / "summarize_echo"
PROBE = "import sys, runpy; runpy.run_module('summarize', run_name='__main__')"


def _dist_info(site: Path, name: str, version: str, groups: dict[str, dict[str, str]]) -> None:
    """What an installer writes for a package: its metadata and its entry points."""
    folder = site / f"{name.replace('-', '_')}-{version}.dist-info"
    folder.mkdir(parents=True)
    (folder / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    lines = [
        f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in eps.items())
        for group, eps in groups.items()
    ]
    (folder / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site folder holding the example engine package (and a broken one) as installed."""
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    folder = tmp_path / "site"
    _dist_info(folder, project["name"], project["version"], project["entry-points"])
    broken = {"summarize.engines": {"broken": "summarize_no_such_module:Engine"}}
    _dist_info(folder, "summarize-broken", "1.0", broken)
    (folder / "summarize_bracket.py").write_text(BRACKET, encoding="utf-8")
    translators = {"summarize.translators": {"bracket": "summarize_bracket:Bracket"}}
    _dist_info(folder, "summarize-bracket", "1.0", translators)
    return folder


# A translator plugin, a module of its own: each paragraph in brackets, tagged with the target.
BRACKET = """
class Bracket:
    name = "bracket"

    def __init__(self, settings, model):
        self.model = model

    def translate(self, doc, target_lang):
        yield "\\n".join(f"[{target_lang}] {p}" for p in doc.text.split("\\n"))

    def close(self):
        pass
"""


def _cli(site: Path, *argv: str, before: str = "") -> subprocess.CompletedProcess[str]:
    """``summarize ARGV`` in a fresh process whose path holds ``site`` (``before`` runs first)."""
    path = [str(site), str(EXAMPLE), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in path if p)}
    return subprocess.run(
        [sys.executable, "-c", before + PROBE, *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_plugin_engine_is_accepted_by_name_and_runs(site: Path, tmp_path: Path) -> None:
    text = arabic_article(4, seed=3)
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    res = _cli(site, str(article), "--engine", "echo", "--sentences", "2", "-f", "json")
    assert res.returncode == 0, res.stderr
    record = json.loads(res.stdout)
    first = [s.text for s in prepare(text).doc.sentences[:2]]
    assert record["engine"] == "echo"
    assert record["summary"] == " ".join(first)


def test_a_plugin_translator_is_accepted_by_translate_model(site: Path, tmp_path: Path) -> None:
    text = arabic_article(2, seed=4)
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    res = _cli(site, "translate", str(article), "--model", "bracket", "-f", "json")
    assert res.returncode == 0, res.stderr
    record = json.loads(res.stdout)
    assert record["engine"] == "bracket" and record["model"] == "bracket"
    paragraphs = prepare(text).doc.text.split("\n")
    assert record["translation"] == "\n".join(f"[en] {p}" for p in paragraphs)


def test_the_engines_list_and_the_help_name_plugins(site: Path) -> None:
    listed = _cli(site, "engines")
    assert listed.returncode == 0, listed.stderr
    rows = {line.split()[0]: line for line in listed.stdout.splitlines()}
    assert "plugin: summarize-echo (summarize_echo:EchoEngine)" in rows["echo"]
    assert {"auto", "extractive", "lead", "broken"} <= set(rows)
    helped = _cli(site, "article", "--help")
    assert "summarize engines" in " ".join(helped.stdout.split())


def test_an_unknown_engine_lists_the_plugins_and_a_broken_one_is_one_line(
    site: Path, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(arabic_article(3, seed=1), encoding="utf-8")
    unknown = _cli(site, str(article), "--engine", "nope")
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert "unknown engine 'nope'" in unknown.stderr and "echo" in unknown.stderr
    broken = _cli(site, str(article), "--engine", "broken")
    assert broken.returncode == 2 and broken.stdout == ""
    (line,) = broken.stderr.splitlines()
    assert "engine 'broken' from summarize-broken cannot be loaded" in line
    assert "ModuleNotFoundError" in line


def test_start_up_reads_no_plugin_until_one_is_named(site: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(arabic_article(3, seed=2), encoding="utf-8")
    # Which of the two modules the run imported, written at exit.
    report = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('loaded: %s\\n' % sorted("
        "{'importlib.metadata', 'summarize_echo'} & set(sys.modules))))\n"
    )
    for argv, loaded in (
        ([str(article), "-q"], "[]"),
        ([str(article), "-q", "--engine", "echo"], "['importlib.metadata', 'summarize_echo']"),
    ):
        res = _cli(site, *argv, before=report)
        assert res.returncode == 0, res.stderr
        assert res.stderr.strip().splitlines()[-1] == f"loaded: {loaded}"
