"""What a terminal shows: whole words on every row, the visual order option, the engine named,
the install advice said once (a pseudo-terminal of fixed width, drawn by a VT100 emulator)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.batch.helpers import article
from tests.pty_run import run_in_terminal, screen_rows
from tests.tiny_models import install_tiny

EXAMPLE = Path(__file__).parents[2] / "examples" / "article.txt"
RTL_FORMS = range(0xFE70, 0xFF00)  # Arabic presentation forms: letters joined for display


def _env(home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "SUMMARIZE_HOME": str(home), "TERM": "xterm", **extra}


def _summarize(*args: str) -> list[str]:
    return [sys.executable, "-m", "summarize", *args]


def _words(rows: list[str]) -> list[str]:
    return " ".join(rows).split()


@pytest.mark.parametrize("columns", [40, 61, 100])
def test_an_arabic_summary_has_no_word_split_across_rows(isolated_home: Path, columns: int) -> None:
    # The same command on a terminal too wide to wrap anything gives the words as written;
    # a word cut by the terminal at the last column would show as two here.
    env = _env(isolated_home)
    code, narrow = screen_rows(_summarize(str(EXAMPLE), "-q"), env, columns)
    assert code == 0
    _, wide = screen_rows(_summarize(str(EXAMPLE), "-q"), env, 1000)
    assert _words(narrow) == _words(wide)
    assert max(len(row) for row in narrow) <= columns
    assert not [row for row in narrow if row.startswith(("،", "."))]


def test_a_brief_has_no_word_split_and_bullets_hang(isolated_home: Path, tmp_path: Path) -> None:
    install_tiny(isolated_home, "nllb")
    path = tmp_path / "a.txt"
    path.write_text(article(1, sentences=12), encoding="utf-8")
    env = _env(isolated_home)
    args = _summarize("brief", str(path), "-q", "--bullets", "3")
    code, wide = screen_rows(args, env, 1000)
    assert code == 0, wide
    # Tiny random models write long made-up words: the terminal is made wider than any, so
    # that a cut word can only be the terminal's doing.
    columns = max(40, max(len(word) for word in _words(wide)) + 4)
    _, narrow = screen_rows(args, env, columns)
    assert _words(narrow) == _words(wide)
    assert len([row for row in narrow if row]) > len([row for row in wide if row])  # wrapped
    bullets = [i for i, row in enumerate(narrow) if row.startswith(" • ")]
    assert len(bullets) == 3
    # A bullet's second row, when it has one, starts under the bullet's text.
    after = [narrow[i + 1] for i in bullets if narrow[i + 1].strip()]
    assert after and all(row.startswith("   ") and row[3] != " " for row in after)


def test_bidi_visual_on_a_terminal(isolated_home: Path) -> None:
    env = _env(isolated_home)
    code, rows = screen_rows(_summarize(str(EXAMPLE), "-q", "--bidi", "visual"), env, 60)
    assert code == 0
    body = [row for row in rows if row.strip()]
    assert all(len(row) == 60 for row in body if any(ord(c) in RTL_FORMS for c in row))
    assert any("extractive" in row for row in body)
    # The environment variable asks for the same.
    _, same = screen_rows(
        _summarize(str(EXAMPLE), "-q"), _env(isolated_home, SUMMARIZE_BIDI="visual"), 60
    )
    assert same == rows


def test_an_unknown_bidi_mode_is_a_usage_error(isolated_home: Path) -> None:
    code, shown = run_in_terminal(_summarize(str(EXAMPLE), "--bidi", "mirror"), _env(isolated_home))
    assert code == 2 and "unknown bidi mode 'mirror'" in shown


def test_the_header_names_the_engine_and_model(isolated_home: Path) -> None:
    env = _env(isolated_home)
    _, rows = screen_rows(_summarize(str(EXAMPLE), "-q"), env, 100)
    assert "extractive" in rows[1] or "extractive" in rows[2]
    install_tiny(isolated_home, "mt5", name="tiny-mt5")
    code, rows = screen_rows(_summarize(str(EXAMPLE), "-q"), env, 100)
    assert code == 0
    assert any("tiny-mt5" in row for row in rows[:4])


def test_install_advice_is_said_once_on_a_terminal_and_never_in_json(isolated_home: Path) -> None:
    env = _env(isolated_home)
    advice = "summarize models pull mt5-xlsum"
    _, json_screen = run_in_terminal(_summarize(str(EXAMPLE), "-f", "json"), env)
    _, quiet = run_in_terminal(_summarize(str(EXAMPLE), "-q"), env)
    assert advice not in json_screen and advice not in quiet
    _, first = run_in_terminal(_summarize(str(EXAMPLE)), env)
    _, second = run_in_terminal(_summarize(str(EXAMPLE)), env)
    assert advice in first and advice not in second
    assert "extractive" in second  # the header still says which engine wrote


def test_loading_names_the_model(isolated_home: Path) -> None:
    install_tiny(isolated_home, "mt5", name="tiny-mt5")
    code, shown = run_in_terminal(_summarize(str(EXAMPLE)), _env(isolated_home))
    assert code == 0
    assert "Loading tiny-mt5 (mt5, int8)" in shown


def test_import_says_what_it_does_while_it_converts(
    isolated_home: Path, tiny_hf_models: dict[str, Path]
) -> None:
    source = tiny_hf_models["mt5"]
    args = _summarize("models", "import", str(source), "--name", "x")
    code, shown = run_in_terminal(args, _env(isolated_home), size=(300, 30))
    assert code == 0, shown
    assert f"importing {source}: converting to CTranslate2 (int8)" in shown
