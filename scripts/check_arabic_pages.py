"""Real Arabic news pages through the CLI, as saved HTML and as pasted page text.

    python scripts/check_arabic_pages.py HTMLDATE TRAFILATURA [--all-dates]

HTMLDATE is a copy of github.com/adbar/htmldate and TRAFILATURA of
github.com/adbar/trafilatura (work trees, or the bare git directories the ``fetch`` tool
makes); nothing is copied into this repository. The Arabic pages are those of htmldate's
evaluation set (``tests/test_set``, ``tests/cache``, ``tests/eval`` with expected dates in
``tests/eval_*.json``) with at least ``_MIN_ARABIC`` Arabic letters and an Arabic
address or ``lang="ar"``, and trafilatura's ``tests/eval/assabah.com.tn.article.html``.

For each page it runs ``summarize PAGE -f json --sentences 3`` and prints the title, the
date (as written and ISO), the expected date, and the summary; then it feeds the page's
whole visible text (every line of ``<body>``, menus, footers and related links included,
as "select all, copy" gives it) to ``summarize - -f json --sentences 3`` as pasted text
and prints that title, date and summary. The reader judges furniture; the script counts
date hits (ISO day equal to htmldate's expected day). ``--all-dates`` also scores our
HTML date (``html_to_text`` then ``to_iso``) on every page of htmldate's set.
``--strategy`` picks the cleaner's article-stretch strategy (``scripts/bench_paste.py``);
``--skip-held-out`` leaves out the page of issue 20's held-out sites (``held_out.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from held_out import left_out
from snapshot import snapshot_files

from summarize.text.clean.stretch import STRATEGIES

_MIN_ARABIC = 1500
_ARABIC = re.compile(r"[\u0621-\u064a]")
_INVISIBLE = re.compile(
    r"<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S
)
_BLOCK = re.compile(
    r"<\s*/?\s*(?:div|p|li|ul|ol|h[1-6]|br|tr|td|th|section|article|header|footer|nav|"
    r"aside|main|figure|figcaption|blockquote|hr|dd|dt|form|table)\b[^<>]*>",
    re.I,
)
_PERSIAN = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc]")  # پ چ ژ گ ک ی


def _expected(tests: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in ("eval_mediacloud_2020.json", "eval_default.json"):
        for record in json.loads((tests / name).read_text(encoding="utf-8")).values():
            out[record["file"]] = record["date"]
    return out


def _pages(tests: Path, expected: dict[str, str]) -> list[Path]:
    """htmldate's pages, with an expected date."""
    found = []
    for folder in ("test_set", "cache", "eval"):
        for path in sorted((tests / folder).glob("*.html")):
            if path.name in expected:
                found.append(path)
    return found


def _is_arabic(path: Path) -> bool:
    text = path.read_text(encoding="utf-8", errors="replace")
    letters = len(_ARABIC.findall(text))
    return letters >= _MIN_ARABIC and len(_PERSIAN.findall(text)) < letters // 50


_CLI = (
    "import sys; from summarize.text.clean import stretch; stretch.STRATEGY = sys.argv[1]; "
    "from summarize.cli import main; sys.argv = ['summarize', *sys.argv[2:]]; main()"
)
STRATEGY = "rules"


def _run(args: list[str], stdin: str | None = None) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _CLI, STRATEGY, *args, "-f", "json", "--sentences", "3"],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return {"error": done.stderr.strip()}
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _show(label: str, result: dict[str, object], expected: str | None) -> bool:
    iso = str(result.get("date_iso") or "")
    hit = bool(expected) and iso[:10] == expected
    print(f"  [{label}] title: {result.get('title')}")
    print(f"  [{label}] date: {result.get('date')} | iso {iso or None} | expected {expected}")
    print(f"  [{label}] summary: {result.get('summary') or result.get('error')}")
    return hit


def _page_text(page: str) -> str:
    """The page as a reader would copy it (select all): every visible line, furniture too."""
    from summarize.sources.html import tags_to_text

    body = page[page.lower().find("<body") :]
    text = tags_to_text(_BLOCK.sub("\n", _INVISIBLE.sub(" ", body)))
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _check(path: Path, expected: str | None) -> tuple[bool, bool]:
    print(f"== {path.name}")
    html_hit = _show("html", _run([str(path)]), expected)
    text = _page_text(path.read_text(encoding="utf-8", errors="replace"))
    text_hit = _show("text", _run(["-"], stdin=text), expected)
    return html_hit, text_hit


def _all_dates(pages: list[Path], expected: dict[str, str]) -> None:
    import trafilatura
    from trafilatura.utils import load_html

    from summarize.sources.html import html_to_text
    from summarize.text.clean.dates import to_iso

    ours = alone = 0
    for path in pages:
        page = path.read_text(encoding="utf-8", errors="replace")
        _, meta = html_to_text(page)
        ours += (to_iso(meta.get("date", "")) or "")[:10] == expected[path.name]
        doc = trafilatura.bare_extraction(load_html(page), with_metadata=True)
        alone += str(getattr(doc, "date", "") or "")[:10] == expected[path.name]
    n = len(pages)
    print(f"all {n} htmldate pages: date right on {ours} ({ours / n:.1%}) ours, ", end="")
    print(f"{alone} ({alone / n:.1%}) trafilatura/htmldate alone")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("htmldate", type=Path)
    parser.add_argument("trafilatura", type=Path)
    parser.add_argument("--all-dates", action="store_true")
    parser.add_argument("--strategy", choices=STRATEGIES)
    parser.add_argument("--skip-held-out", action="store_true")
    args = parser.parse_args()
    global STRATEGY
    STRATEGY = args.strategy or STRATEGY
    print(f"load average: {os.getloadavg()}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        hd = snapshot_files(args.htmldate, ["tests"], Path(tmp) / "htmldate") / "tests"
        tr = snapshot_files(args.trafilatura, ["tests/eval"], Path(tmp) / "trafilatura") / "tests"
        expected = _expected(hd)
        pages = _pages(hd, expected)
        arabic = [p for p in pages if _is_arabic(p)]
        if args.skip_held_out:
            arabic = [p for p in arabic if not left_out(p.read_bytes())]
        html_hits = text_hits = 0
        for path in arabic:
            html_hit, text_hit = _check(path, expected[path.name])
            html_hits += html_hit
            text_hits += text_hit
        _check(tr / "eval" / "assabah.com.tn.article.html", None)
        n = len(arabic)
        print(
            f"Arabic htmldate pages: date right on {html_hits}/{n} as HTML, {text_hits}/{n} as text"
        )
        if args.all_dates:
            _all_dates(pages, expected)


if __name__ == "__main__":
    main()
