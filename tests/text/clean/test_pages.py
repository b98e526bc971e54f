"""The real-layout golden suite: whole pages, saved as HTML and pasted as text.

Thirty synthetic pages from fifteen invented sites whose layouts follow real Arabic news
sites (``tests/text/clean/pages/README.md``), in two halves: ``dev`` (the rules of issue 20
were written on it) and ``heldout`` (scored once before any change made for it; see
docs/benchmarks.md). Each page is read as the command line reads a saved page and a pasted
one; the headline, the date, the first and last sentence of the body must be right, no
article paragraph lost, and no furniture string in the ``--sentences 3`` or the
``--max-words 120`` summary.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.golden_pages.check import PAGES, pages, score

CASES = [
    (path, kind)
    for split in ("dev", "heldout")
    for path in pages(split)
    for kind in ("html", "txt")
]


def test_the_suite_has_thirty_pages_from_twelve_sites_in_two_halves() -> None:
    dev, heldout = pages("dev"), pages("heldout")
    sites = {json.loads(p.read_text(encoding="utf-8"))["site"] for p in dev + heldout}
    assert len(dev) + len(heldout) >= 30 and len(sites) >= 12
    assert len(heldout) >= 14
    assert all(p.with_suffix(".html").exists() and p.with_suffix(".txt").exists() for p in dev)


@pytest.mark.parametrize(
    ("path", "kind"), CASES, ids=lambda c: c.stem if isinstance(c, Path) else c
)
def test_page(path: Path, kind: str) -> None:
    expected = json.loads(path.read_text(encoding="utf-8"))
    result = score(path.with_suffix(f".{kind}").read_text(encoding="utf-8"), expected)
    assert (result.title, result.date, result.first, result.last) == (True, True, True, True)
    assert result.lost == 0
    assert result.furniture_s3 == []
    assert result.furniture_w120 == []


def test_pages_folder_is_where_the_builder_writes() -> None:
    assert Path(__file__).parent / "pages" == PAGES
