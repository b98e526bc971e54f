"""Hostile single inputs: no stdin, a giant word, an unsupported language, deep or huge HTML."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import summarize.sources.inputs as inputs
from summarize.engines.extractive.engine import DEFAULT_MAX_WORDS
from summarize.text.limit import cut_notice
from summarize.text.normalize import MAX_WORD_CHARS, word_count
from tests.cli.helpers import run_cli

PARAGRAPHS = [
    f"ارتفعت أسعار القمح في الأسواق العالمية بنسبة {i} في المئة خلال الأسبوع الماضي بسبب الجفاف."
    for i in range(6)
]
ARTICLE = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
FRENCH = (
    "Le prix du blé a augmenté de 12 % sur les marchés mondiaux au cours de la semaine "
    "dernière. Selon les analystes, la sécheresse dans les principales régions de production "
    "est la première cause de cette hausse. Ils ajoutent que les prix pourraient continuer à "
    "monter si la sécheresse dure jusqu'à la fin de la saison."
)


def _close_stdin() -> None:
    os.close(0)


@pytest.mark.parametrize("argv", [["-"], ["batch", "-"], ["eval", "-"]])
def test_closed_stdin_is_one_line(argv: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "summarize", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_close_stdin,
        stdin=subprocess.DEVNULL,  # replaced by nothing: the child closes its fd 0 first
    )
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr == (
        "summarize: error: <stdin>: there is no standard input (it is closed)\n"
    ), proc.stderr


@pytest.mark.parametrize(
    ("options", "words"),
    [([], DEFAULT_MAX_WORDS), (["--max-words", "10"], 10), (["--ratio", "0.01"], 13)],
)
def test_a_giant_word_never_makes_a_long_summary(  # type: ignore[no-untyped-def]
    capsys, monkeypatch, tmp_path: Path, options: list[str], words: int
) -> None:
    path = tmp_path / "word.txt"
    path.write_text("ك" * 50_000, encoding="utf-8")
    res = run_cli(capsys, monkeypatch, [str(path), "-f", "json", *options])
    assert res.code == 0, res.err
    summary = json.loads(res.out)["summary"]
    assert word_count(summary) <= words
    assert len(summary) <= words * MAX_WORD_CHARS + 1  # and an ellipsis


def test_a_french_article_is_not_labelled_english(  # type: ignore[no-untyped-def]
    capsys, monkeypatch, tmp_path: Path
) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH, encoding="utf-8")
    res = run_cli(capsys, monkeypatch, [str(path), "-f", "json"])
    assert (res.code, res.out) == (1, "")
    assert res.err.strip() == (
        f"summarize: error: {path}: the text is in French, which is not supported "
        "(Arabic and English only)"
    )


def test_deeply_nested_divs_give_the_text(capsys, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # libxml2 builds no tree below 256 levels: the article was lost ("the input is empty").
    n = 100_000
    path = tmp_path / "deep.html"
    page = f"<html><body>{'<div>' * n}<article>{ARTICLE}</article>{'</div>' * n}</body></html>"
    path.write_text(page, encoding="utf-8")
    res = run_cli(capsys, monkeypatch, [str(path), "-f", "json", "--sentences", "2"])
    assert res.code == 0, res.err
    out = json.loads(res.out)
    assert sum(p in out["summary"] for p in PARAGRAPHS) == 2
    assert "truncated_from" not in out


def test_a_page_without_text_says_so(capsys, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "empty.html"
    path.write_text("<html><body><div><img src='x.png'></div></body></html>", encoding="utf-8")
    res = run_cli(capsys, monkeypatch, [str(path)])
    assert (res.code, res.out) == (1, "")
    assert res.err.strip() == f"summarize: error: {path}: no text found in the HTML page"


def test_a_huge_page_is_bounded_before_extraction(  # type: ignore[no-untyped-def]
    capsys, monkeypatch, tmp_path: Path
) -> None:
    limit = 20_000
    monkeypatch.setenv("SUMMARIZE_MAX_CHARS", str(limit))
    related = "".join(
        f"<div class='related'><a href='/n/{i}'>خبر رقم {i}</a><p>{PARAGRAPHS[0]}</p></div>"
        for i in range(2000)
    )
    script = "<script>var x = '" + "y" * 50_000 + "';</script>"
    page = f"<html><head>{script}</head><body><article>{ARTICLE}</article>{related}</body></html>"
    path = tmp_path / "huge.html"
    path.write_text(page, encoding="utf-8")
    seen: list[int] = []
    extract = inputs.html_to_text

    def spy(html: str) -> tuple[str, dict[str, str]]:
        seen.append(len(html))
        return extract(html)

    monkeypatch.setattr(inputs, "html_to_text", spy)
    res = run_cli(capsys, monkeypatch, [str(path), "-f", "json", "--sentences", "1"])
    assert res.code == 0, res.err
    assert seen and seen[0] <= limit
    assert json.loads(res.out)["truncated_from"] == len(page)
    assert cut_notice(len(page), limit) in " ".join(res.err.split())


def test_the_python_api_bounds_a_huge_page_too(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.api import Session

    monkeypatch.setenv("SUMMARIZE_MAX_CHARS", "20000")
    related = "".join(f"<div><a href='/n/{i}'>خبر رقم {i}</a></div>" for i in range(2000))
    page = f"<html><body><article>{ARTICLE}</article>{related}</body></html>"
    with Session(engine="extractive", sentences=1) as session:
        result = session.summarise(page)
    assert result.meta.truncated_from == len(page)
    assert result.text in PARAGRAPHS


def test_a_windows_1256_html_file_is_read(capsys, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Markup read as text looks like misplaced punctuation: judged on the text, it decodes.
    from tests.sources.test_web import _CP1256_PAGE, _PARAGRAPHS

    path = tmp_path / "page.html"
    path.write_bytes(_CP1256_PAGE)
    res = run_cli(capsys, monkeypatch, [str(path), "-f", "json", "--sentences", "1"])
    assert res.code == 0, res.err
    assert json.loads(res.out)["summary"] in _PARAGRAPHS
