"""Articles written for the brief tests, and a parser for the plain Markdown a brief prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.engines.neural.neural_helpers import arabic_article

TITLE = "الحكومة تعلن خطة جديدة للتعليم في القاهرة"
DATE = "12 مارس 2024"
SOURCE = "وكالة الأنباء"


def titled_article(paragraphs: int = 4, seed: int = 11) -> str:
    """A title line, a date line, body paragraphs, and a source line the cleaner finds."""
    body = arabic_article(paragraphs, seed=seed)
    return f"{TITLE}\nنشر في: {DATE}\n{body}\nالمصدر: {SOURCE}\n"


def untitled_article(paragraphs: int = 4, seed: int = 21) -> str:
    """Body paragraphs only: no title, date or source."""
    return arabic_article(paragraphs, seed=seed) + "\n"


def write(tmp_path: Path, text: str, name: str = "article.txt") -> Path:
    """Write ``text`` to a file under ``tmp_path`` and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@dataclass(frozen=True)
class MarkdownBrief:
    """The parts of a brief printed as plain Markdown."""

    heading: str
    blocks: list[list[str]]

    @property
    def bullets(self) -> list[str]:
        """The ``- `` items (one block)."""
        return [line[2:] for b in self.blocks for line in b if line.startswith("- ")]


def parse_markdown(out: str) -> MarkdownBrief:
    """Split printed Markdown into its heading and its blank-line separated blocks."""
    lines = out.rstrip("\n").split("\n")
    assert lines[0].startswith("# "), lines[0]
    assert lines[1] == ""
    blocks: list[list[str]] = [[]]
    for line in lines[2:]:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return MarkdownBrief(lines[0][2:], [b for b in blocks if b])
