"""Pasted pages through the CLI: a long summary never reaches the related links."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run_cli

ROOT = Path(__file__).parents[2]
GOLDEN = ROOT / "tests" / "text" / "clean" / "golden" / "clean"


@pytest.mark.parametrize(
    ("path", "links"),
    [
        (ROOT / "examples" / "article.txt", ["انخفاض منسوب", "خبراء يحذرون", "مزارعون يلجؤون"]),
        (GOLDEN / "appended_marker_glued.txt", ["الجارديان", "زيلينسكي", "أيضا"]),
        (GOLDEN / "related_glued_marker_at_end.txt", ["الجارديان", "شبه ممتلئة", "طوابير"]),
    ],
    ids=lambda v: v.stem if isinstance(v, Path) else None,
)
def test_twelve_sentences_hold_no_related_links(capsys, monkeypatch, path: Path, links) -> None:  # type: ignore[no-untyped-def]
    res = run_cli(capsys, monkeypatch, [str(path), "--sentences", "12", "-q"])
    assert res.code == 0, res.err
    assert res.out.strip()
    assert not [link for link in links if link in res.out]
