"""Issue 22: summaries that say what the article does not, marked in a terminal and in JSON.

Engines that return fixed, hand-written text are registered through the real registry; each
text invents a number, a date and a name, and repeats facts the article holds.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.engines import (
    register_summarizer,
    register_translator,
    unregister_summarizer,
    unregister_translator,
)
from summarize.engines.base import Document, Length
from summarize.text.support import LEGEND
from tests.cli.helpers import CliResult, run_cli

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch

SENTENCES = {
    "قال الرئيس ترامب في القاهرة يوم الخميس 12 مارس 2024 إن ٣٥٠ شخصا وصلوا إلى المدينة.": (
        "President Trump said in Cairo on Thursday, March 12, 2024 that 350 people arrived."
    ),
    "وأضاف أن ثلاثة ملايين دولار خصصت لخمسة مشاريع جديدة في مصر.": (
        "He added that three million dollars went to five new projects in Egypt."
    ),
    "وقال مسؤولون إن المشاريع ستنتهي خلال العام المقبل في المدينة.": (
        "Officials said the projects will end next year in the city."
    ),
    "وأشار المسؤولون إلى أن العمل بدأ بالفعل في عدد من الأحياء القديمة.": (
        "Officials noted that work has already started in several old districts."
    ),
    "وتوقع خبراء أن تساعد المشاريع في خفض البطالة بين الشباب في المدينة.": (
        "Experts expect the projects to help reduce unemployment among young people."
    ),
}
TITLE = "ترامب يعلن مشاريع جديدة في القاهرة"
ARTICLE = TITLE + "\n" + "\n".join(SENTENCES) + "\n"
AR_SUMMARY = (
    "قال الرئيس ترامب إن ٣٥٠ شخصا وصلوا في مارس 2024، وإن الرئيس بايدن سيزور القاهرة "
    "في يونيو مع 900 جندي."
)
EN_SUMMARY = (
    "President Trump said 350 people arrived in Cairo in March 2024; Biden will visit "
    "in June with 900 soldiers."
)
INVENTED_AR = ["بايدن", "يونيو", "900"]
INVENTED_EN = ["Biden", "June", "900"]


class Fixed:
    """A summariser that writes the same hand-written text for every article."""

    name = "fixed"
    model: str | None = "fixed-1"

    def __init__(self, text: str, writes: tuple[str, ...] = ("ar",)) -> None:
        self.text = text
        self.writes = writes  # English from Arabic itself, as crossSum does

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Yield the fixed text a few words at a time, as a streaming model would."""
        words = self.text.split(" ")
        for i, word in enumerate(words):
            yield word if i == 0 else " " + word

    def close(self) -> None:
        """Nothing held."""


class FixedTranslator:
    """Translates the article's sentences faithfully, and any longer text into EN_SUMMARY."""

    name = "fixed-tr"
    model: str | None = "fixed-tr-1"

    def translate(self, doc: Document, target_lang: str) -> Iterator[str]:
        """One known sentence → its translation; a summary of several → the invented text."""
        text = doc.text.strip()
        if text == TITLE:
            yield "Trump announces new projects in Cairo"
        else:
            yield SENTENCES.get(text, EN_SUMMARY)

    def close(self) -> None:
        """Nothing held."""


@pytest.fixture
def article(tmp_path: Path) -> Iterator[Path]:
    register_summarizer("fixed-ar", lambda settings, model: Fixed(AR_SUMMARY))
    register_summarizer("fixed-en", lambda settings, model: Fixed(EN_SUMMARY, ("ar", "en")))
    register_translator("fixed-tr", lambda settings, model: FixedTranslator())
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    yield path
    unregister_summarizer("fixed-ar")
    unregister_summarizer("fixed-en")
    unregister_translator("fixed-tr")


def _terminal(capsys: Capsys, monkeypatch: Patch, argv: list[str]) -> CliResult:
    """``summarize ARGV`` with stdout taken for a terminal (rich styles written)."""
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    return run_cli(capsys, monkeypatch, argv)


def _underlined(screen: str) -> list[str]:
    """The texts drawn underlined (SGR 4, alone or with other attributes)."""
    return re.findall(r"\x1b\[(?:[0-9]+;)*4(?:;[0-9]+)*m([^\x1b]*)\x1b\[0m", screen)


CASES = [
    (["--engine", "fixed-ar"], INVENTED_AR, ["ترامب", "٣٥٠", "مارس", "2024"]),
    (["--engine", "fixed-en", "--lang", "en"], INVENTED_EN, ["Trump", "350", "March", "2024"]),
]


@pytest.mark.parametrize(("options", "invented", "supported"), CASES, ids=["ar", "en"])
def test_summary_json_lists_what_the_article_does_not_support(
    capsys: Capsys,
    monkeypatch: Patch,
    article: Path,
    options: list[str],
    invented: list[str],
    supported: list[str],
) -> None:
    res = run_cli(capsys, monkeypatch, [str(article), *options, "-f", "json"])
    assert res.code == 0, res.err
    record = json.loads(res.out)
    assert [c["text"] for c in record["unsupported"]] == invented
    assert {c["kind"] for c in record["unsupported"]} == {"number", "date", "name"}


@pytest.mark.parametrize(("options", "invented", "supported"), CASES, ids=["ar", "en"])
def test_summary_in_a_terminal_underlines_them_and_says_why(
    capsys: Capsys,
    monkeypatch: Patch,
    article: Path,
    options: list[str],
    invented: list[str],
    supported: list[str],
) -> None:
    res = _terminal(capsys, monkeypatch, [str(article), *options, "-q"])
    assert res.code == 0, res.err
    assert _underlined(res.out) == invented
    assert LEGEND in res.out
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    plain = run_cli(capsys, monkeypatch, [str(article), *options, "-q"])
    assert "\x1b" not in plain.out and LEGEND not in plain.out  # a pipe gets the text only


def test_extractive_summaries_are_not_checked(
    capsys: Capsys, monkeypatch: Patch, article: Path
) -> None:
    res = run_cli(capsys, monkeypatch, [str(article), "--engine", "extractive", "-f", "json"])
    assert "unsupported" not in json.loads(res.out)


def test_brief_marks_the_paragraph_but_not_the_translated_sentences(
    capsys: Capsys, monkeypatch: Patch, article: Path
) -> None:
    argv = ["brief", str(article), "--translator", "fixed-tr", "--bullets", "2"]
    res = run_cli(capsys, monkeypatch, [*argv, "-f", "json", "-q"])
    assert res.code == 0, res.err
    record = json.loads(res.out)
    assert record["summary"] == EN_SUMMARY
    assert [c["text"] for c in record["unsupported"]] == INVENTED_EN
    shown = _terminal(capsys, monkeypatch, [*argv, "-q"])
    assert shown.code == 0, shown.err
    assert _underlined(shown.out.split("machine summary")[-1]) == INVENTED_EN
    assert LEGEND in shown.out
