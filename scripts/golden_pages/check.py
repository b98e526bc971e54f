"""Score the golden pages: headline, date, first and last body sentence, furniture, body lost.

    python scripts/golden_pages/check.py [dev|heldout ...] [--trafilatura]

Each page is read twice, as the saved HTML and as its pasted text (the ``.txt`` beside it),
the way the command line reads them (``summarize.sources.inputs.to_source`` then the
pipeline's cleaner). For each it prints one Markdown row: headline right, date (ISO day)
right, first and last body sentence right, furniture strings in the ``--sentences 3`` and
the ``--max-words 120`` summaries (extractive engine), and article paragraphs lost from the
body. ``--strategy`` picks the cleaner's article-stretch strategy (the rules, or the line
classifier's ways; ``scripts/bench_paste.py`` lists them). ``--trafilatura`` adds, for the
HTML pages, the furniture and paragraphs lost in trafilatura's own text
(``bare_extraction`` with the options ``html_to_text`` uses).
"""

from __future__ import annotations

import argparse
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.text.clean.stretch import STRATEGIES

if TYPE_CHECKING:
    from summarize.api import Session

PAGES = Path(__file__).resolve().parents[2] / "tests" / "text" / "clean" / "pages"


@dataclass
class Score:
    """What one page, read one way, got right and wrong."""

    title: bool
    date: bool
    first: bool
    last: bool
    furniture_s3: list[str] = field(default_factory=list)
    furniture_w120: list[str] = field(default_factory=list)
    furniture_body: list[str] = field(default_factory=list)
    lost: int = 0

    @property
    def clean(self) -> bool:
        return not (self.furniture_w120 or self.furniture_s3 or self.lost)


def pages(split: str) -> list[Path]:
    """The expectation files of one half, in order."""
    return sorted((PAGES / split).glob("*.json"))


def _found(strings: list[str], text: str) -> list[str]:
    from summarize.text.normalize import normalize_text

    folded = normalize_text(text)
    return [s for s in strings if normalize_text(s) in folded]


@functools.cache
def _session(length: str) -> Session:
    """One extractive session per summary length, kept for every page."""
    from summarize.api import Session

    return Session(engine="extractive", **{length: 3 if length == "sentences" else 120})  # type: ignore[arg-type]


def score(raw: str, expected: dict[str, object]) -> Score:
    """Run ``raw`` (a page or a pasted text) as the command line does and score it."""
    from summarize.pipeline import prepare
    from summarize.sources.inputs import to_source
    from summarize.text.normalize import normalize_text

    source = to_source(raw, "page")
    prepared = prepare(source.text, title=source.title, date=source.date, source=source.source)
    sentences = [s.text for s in prepared.doc.sentences]
    absent = [str(s) for s in expected["absent"]]  # type: ignore[attr-defined]
    paragraphs = [normalize_text(str(p)) for p in expected["paragraphs"]]  # type: ignore[attr-defined]
    s3 = _session("sentences").summarise(raw).text
    w120 = _session("max_words").summarise(raw).text
    body = prepared.doc.text
    return Score(
        title=normalize_text(prepared.meta.title or "") == normalize_text(str(expected["title"])),
        date=(prepared.meta.date_iso or "")[:10] == expected["date_iso"],
        first=bool(sentences) and sentences[0] == normalize_text(str(expected["first"])),
        last=bool(sentences) and sentences[-1] == normalize_text(str(expected["last"])),
        furniture_s3=_found(absent, s3),
        furniture_w120=_found(absent, w120),
        furniture_body=_found(absent, body),
        lost=sum(p not in normalize_text(body) for p in paragraphs),
    )


def trafilatura_alone(page: str, expected: dict[str, object]) -> tuple[list[str], int]:
    """Furniture strings in trafilatura's own text, and article paragraphs it lost."""
    import trafilatura

    from summarize.text.normalize import normalize_text

    doc = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False
    )
    text = normalize_text((doc.text or "") if doc is not None else "")  # type: ignore[union-attr]
    absent = [str(s) for s in expected["absent"]]  # type: ignore[attr-defined]
    lost = sum(normalize_text(str(p)) not in text for p in expected["paragraphs"])  # type: ignore[attr-defined]
    return _found(absent, text), lost


def _mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _list(found: list[str]) -> str:
    return "; ".join(f"«{s}»".replace("|", "\\|") for s in found) if found else "none"


def report(split: str, with_trafilatura: bool) -> None:
    print(f"\n### {split}\n")
    head = (
        "| page | input | headline | date | first | last | furniture s3 | furniture w120 | lost |"
    )
    print(head + (" trafilatura alone: furniture / lost |" if with_trafilatura else ""))
    print("|" + " --- |" * (9 + with_trafilatura))
    totals = {"rows": 0, "clean": 0, "title": 0, "date": 0}
    for path in pages(split):
        expected = json.loads(path.read_text(encoding="utf-8"))
        for kind in ("html", "txt"):
            raw = path.with_suffix(f".{kind}").read_text(encoding="utf-8")
            s = score(raw, expected)
            row = (
                f"| {path.stem} | {kind} | {_mark(s.title)} | {_mark(s.date)} | {_mark(s.first)} "
                f"| {_mark(s.last)} | {_list(s.furniture_s3)} | {_list(s.furniture_w120)} "
                f"| {s.lost} |"
            )
            if with_trafilatura:
                extra = "" if kind == "txt" else "{} / {}".format(*trafilatura_alone(raw, expected))
                row += f" {extra} |"
            print(row)
            totals["rows"] += 1
            totals["clean"] += s.clean
            totals["title"] += s.title
            totals["date"] += s.date
    n = totals["rows"]
    print(
        f"\n{split}: {n} readings; clean (no furniture in either summary, nothing lost) "
        f"{totals['clean']}/{n}; headline right {totals['title']}/{n}; "
        f"date right {totals['date']}/{n}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("splits", nargs="*", default=["dev"])
    parser.add_argument("--trafilatura", action="store_true")
    parser.add_argument(
        "--strategy",
        choices=STRATEGIES,
        help="the article-stretch strategy (summarize.text.clean.stretch.STRATEGY)",
    )
    args = parser.parse_args()
    if args.strategy:
        from summarize.text.clean import stretch

        stretch.STRATEGY = args.strategy
    for split in args.splits:
        report(split, args.trafilatura)


if __name__ == "__main__":
    main()
