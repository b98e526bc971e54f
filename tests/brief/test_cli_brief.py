"""`summarize brief` through the real CLI, on tiny real CTranslate2 models.

Tiny random models write gibberish: these tests check structure, counts, metadata,
which models ran, and invariants, never words.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.pipeline import prepare
from summarize.text.sentences import split_sentences
from tests.brief.helpers import (
    DATE,
    SOURCE,
    TITLE,
    parse_markdown,
    titled_article,
    untitled_article,
    write,
)
from tests.cli.helpers import run_cli
from tests.tiny_models import install_tiny

Capsys = pytest.CaptureFixture[str]
MP = pytest.MonkeyPatch


@pytest.fixture
def article(tmp_path: Path) -> Path:
    return write(tmp_path, titled_article())


def _json(capsys: Capsys, monkeypatch: MP, *args: str) -> dict[str, object]:
    res = run_cli(capsys, monkeypatch, ["brief", *args, "--format", "json"])
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert isinstance(data, dict)
    return data


def test_markdown_has_heading_title_metadata_bullets_paragraph(
    capsys: Capsys, monkeypatch: MP, isolated_home: Path, article: Path
) -> None:
    install_tiny(isolated_home, "nllb")
    res = run_cli(capsys, monkeypatch, ["brief", str(article), "--bullets", "3"])
    assert res.code == 0, res.err
    md = parse_markdown(res.out)
    assert md.heading.strip()
    title, meta, bullets, paragraph = md.blocks
    assert title == [TITLE]
    assert len(meta) == 1 and meta[0].startswith("*") and meta[0].endswith("*")
    assert SOURCE in meta[0] and DATE in meta[0] and "nllb" in meta[0]
    assert len(bullets) == 3 and all(line.startswith("- ") for line in bullets)
    assert len(paragraph) == 1 and paragraph[0].strip()
    # The extractive Arabic summary is announced on stderr, never on stdout.
    assert "extractive" in res.err and "extractive" not in "\n".join(md.blocks[2])


def test_json_fields_bullet_count_and_metadata(
    capsys: Capsys, monkeypatch: MP, isolated_home: Path, article: Path
) -> None:
    install_tiny(isolated_home, "nllb")
    for count in (1, 5):
        data = _json(capsys, monkeypatch, str(article), "--bullets", str(count))
        assert set(data) >= {"headline", "headline_ar", "source", "date", "bullets", "summary"}
        assert data["headline_ar"] == TITLE
        assert (data["source"], data["date"]) == (SOURCE, DATE)
        bullets = data["bullets"]
        assert isinstance(bullets, list) and len(bullets) == count
        assert all(isinstance(b, str) and b.strip() and "\n" not in b for b in bullets)
        assert isinstance(data["headline"], str) and data["headline"].strip()
        assert isinstance(data["summary"], str) and data["summary"].strip()
        assert data["models"] == ["extractive", "nllb"]
        assert data["via"] == "translate"


def test_jsonl_is_one_line_with_the_json_fields(
    capsys: Capsys, monkeypatch: MP, isolated_home: Path, article: Path
) -> None:
    install_tiny(isolated_home, "marian")
    res = run_cli(capsys, monkeypatch, ["brief", str(article), "-f", "jsonl"])
    assert res.code == 0, res.err
    assert res.out.count("\n") == 1
    line = json.loads(res.out)
    assert line == _json(capsys, monkeypatch, str(article))
    assert line["models"] == ["extractive", "marian"] and len(line["bullets"]) == 4


@pytest.mark.parametrize("flag", ["--max-words", "-w", "--words"])
def test_max_words_is_a_hard_cap_on_the_paragraph(
    capsys: Capsys, monkeypatch: MP, isolated_home: Path, article: Path, flag: str
) -> None:
    # --max-words as in every other command; --words, its old name, still works (hidden).
    install_tiny(isolated_home, "nllb")
    uncapped = _json(capsys, monkeypatch, str(article))
    assert len(str(uncapped["summary"]).split()) > 5
    capped = _json(capsys, monkeypatch, str(article), flag, "5")
    assert len(str(capped["summary"]).split()) == 5
    assert capped["bullets"] == uncapped["bullets"]


def test_the_old_words_option_says_its_new_name_on_stderr(
    capsys: Capsys, monkeypatch: MP, isolated_home: Path, article: Path
) -> None:
    install_tiny(isolated_home, "nllb")
    res = run_cli(capsys, monkeypatch, ["brief", str(article), "-f", "json", "--words", "5"])
    assert res.code == 0, res.err
    assert "--words is now --max-words" in res.err
    assert "--words" not in res.out
    new = run_cli(capsys, monkeypatch, ["brief", str(article), "-f", "json", "-w", "5"])
    assert "--words" not in new.err


def test_brief_help_shows_max_words_not_the_old_name(capsys: Capsys, monkeypatch: MP) -> None:
    out = run_cli(capsys, monkeypatch, ["brief", "--help"]).out
    assert "--max-words" in out and "--words" not in out


def test_crosssum_only_makes_the_paragraph_and_the_bullets(
    capsys: Capsys, monkeypatch: MP, isolated_home: Path, article: Path
) -> None:
    install_tiny(isolated_home, "crosssum")
    data = _json(capsys, monkeypatch, str(article), "--bullets", "3")
    assert data["via"] == "crosssum" and data["models"] == ["crosssum"]
    assert len(data["bullets"]) == 3  # type: ignore[arg-type]
    assert str(data["summary"]).strip() and str(data["headline"]).strip()
    assert data["headline_ar"] == TITLE


def test_both_installed_prefers_crosssum_and_via_picks(
    capsys: Capsys, monkeypatch: MP, isolated_home: Path, article: Path
) -> None:
    install_tiny(isolated_home, "crosssum")
    install_tiny(isolated_home, "nllb")
    auto = _json(capsys, monkeypatch, str(article))
    assert auto["via"] == "crosssum" and auto["models"] == ["crosssum", "nllb"]
    translated = _json(capsys, monkeypatch, str(article), "--via", "translate")
    assert translated["via"] == "translate" and translated["models"] == ["extractive", "nllb"]
    # Headline and bullets come from the same translator with the same settings either way.
    assert translated["bullets"] == auto["bullets"]
    assert translated["headline"] == auto["headline"]
    assert translated["summary"] != auto["summary"]


def test_mt5_summariser_writes_the_arabic_summary_when_installed(
    capsys: Capsys, monkeypatch: MP, isolated_home: Path, article: Path
) -> None:
    install_tiny(isolated_home, "mt5")
    install_tiny(isolated_home, "nllb")
    res = run_cli(capsys, monkeypatch, ["brief", str(article), "-f", "json"])
    assert res.code == 0 and "extractive" not in res.err
    assert json.loads(res.out)["models"] == ["mt5", "nllb"]


def test_untitled_article_takes_the_summary_first_sentence_as_headline(
    capsys: Capsys, monkeypatch: MP, isolated_home: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, untitled_article())
    for family in ("nllb", "crosssum"):
        install_tiny(isolated_home, family)
        data = _json(
            capsys, monkeypatch, str(path), "--via", "translate" if family == "nllb" else "crosssum"
        )
        assert data["headline_ar"] is None and data["source"] is None and data["date"] is None
        summary = str(data["summary"])
        assert data["headline"] == split_sentences(summary)[0].text


def test_identical_sentences_translate_identically(
    capsys: Capsys, monkeypatch: MP, isolated_home: Path, article: Path
) -> None:
    """The extractive summary repeats bullet sentences: one call gives them one translation."""
    from summarize.brief.build import central_sentences
    from summarize.engines.base import Length
    from summarize.engines.extractive.engine import ExtractiveEngine

    install_tiny(isolated_home, "nllb")
    doc = prepare(article.read_text(encoding="utf-8")).doc
    picks = central_sentences(doc, 4)
    summary_ar = [s.text for s in ExtractiveEngine().choose(doc, Length())]
    shared = [i for i, s in enumerate(picks) if s in summary_ar]
    assert shared  # the test article makes the two overlap
    data = _json(capsys, monkeypatch, str(article))
    bullets = data["bullets"]
    assert isinstance(bullets, list)
    for i in shared:
        assert bullets[i] in str(data["summary"])


def test_no_model_installed_exits_3_naming_the_pull_command(
    capsys: Capsys, monkeypatch: MP, article: Path
) -> None:
    res = run_cli(capsys, monkeypatch, ["brief", str(article)])
    assert res.code == 3
    assert res.out == ""
    assert res.err.count("\n") == 1 and "summarize models pull" in res.err


@pytest.mark.parametrize(
    ("installed", "via", "names"),
    [("nllb", "crosssum", "pull crosssum"), ("crosssum", "translate", "pull nllb-600m")],
)
def test_requested_pipeline_without_its_model_exits_3(
    capsys: Capsys,
    monkeypatch: MP,
    isolated_home: Path,
    article: Path,
    installed: str,
    via: str,
    names: str,
) -> None:
    install_tiny(isolated_home, installed)
    res = run_cli(capsys, monkeypatch, ["brief", str(article), "--via", via])
    assert (res.code, res.out) == (3, "")
    assert names in res.err


def test_bad_options_and_english_input(
    capsys: Capsys, monkeypatch: MP, isolated_home: Path, article: Path, tmp_path: Path
) -> None:
    install_tiny(isolated_home, "nllb")
    res = run_cli(capsys, monkeypatch, ["brief", str(article), "--via", "pigeon"])
    assert (res.code, res.out) == (2, "") and "pigeon" in res.err
    res = run_cli(capsys, monkeypatch, ["brief", str(article), "--bullets", "11"])
    assert (res.code, res.out) == (2, "")
    english = write(
        tmp_path, "The minister said the plan works. Critics said it does not.\n", "en.txt"
    )
    res = run_cli(capsys, monkeypatch, ["brief", str(english)])
    assert (res.code, res.out) == (1, "") and "'ar'" in res.err


def test_stdin_dash(capsys: Capsys, monkeypatch: MP, isolated_home: Path) -> None:
    install_tiny(isolated_home, "nllb")
    stdin = titled_article().encode("utf-8")
    res = run_cli(capsys, monkeypatch, ["brief", "-", "-f", "jsonl", "-q"], stdin=stdin)
    assert res.code == 0 and res.err == ""
    assert json.loads(res.out)["headline_ar"] == TITLE


def test_translator_option_names_an_installed_model(
    capsys: Capsys, monkeypatch: MP, isolated_home: Path, article: Path
) -> None:
    install_tiny(isolated_home, "nllb")
    install_tiny(isolated_home, "marian")
    data = _json(capsys, monkeypatch, str(article), "--translator", "marian")
    assert data["models"] == ["extractive", "marian"]
    res = run_cli(capsys, monkeypatch, ["brief", str(article), "--translator", "nope"])
    assert (res.code, res.out) == (3, "") and "'nope' is not installed" in res.err
