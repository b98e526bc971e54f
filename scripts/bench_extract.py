"""Main-text extraction from HTML: the hand-written reader, trafilatura alone, and ours now.

    python scripts/bench_extract.py BENCHMARK [--arabic NEWSPAPER] [--base COMMIT]

BENCHMARK is a copy of github.com/scrapinghub/article-extraction-benchmark (a work tree,
or the bare git directory the ``fetch`` tool makes): 181 pages (``html/*.html.gz``) with
their expected bodies (``ground-truth.json``). NEWSPAPER is a copy of
github.com/codelucas/newspaper: its Arabic test page ``tests/data/html/arabic_article.html``
and expected text ``tests/data/text/arabic.txt``. Nothing is copied into this repository.

Systems: ``before`` is the reader and cleaner of commit ``--base`` (the hand-written
``html.parser`` reader), exported with ``git archive`` and run in a subprocess;
``trafilatura`` is ``trafilatura.bare_extraction`` with the options we use, its text as
is; ``after`` is this tree's ``html_to_text`` followed by ``clean_article`` (title line
removed, as the benchmark's bodies have no headline).

Scores are the benchmark's own (its ``evaluate.py``): per page, true/false positives and
false negatives over shingles of 4 ``\\w+`` tokens, normalised per page; precision and
recall are means over pages, F1 from those means. ``tokens`` gives the same with single
tokens (bag of words).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

from snapshot import snapshot_files

ROOT = Path(__file__).resolve().parents[1]
_TOKEN = re.compile(r"\w+")
_CHILD = """
import json, sys
from summarize.text.clean import clean_article
from summarize.sources.html import html_to_text
pages = json.load(sys.stdin)
out = {}
for key, page in pages.items():
    text, meta = html_to_text(page)
    article = clean_article(text)
    out[key] = article.text
print(json.dumps(out))
"""


def _scores(pairs: list[tuple[str, str]], n: int) -> dict[str, float]:
    """Mean precision, mean recall and their F1 over pages (n-token shingles)."""
    precisions, recalls = [], []
    for true, pred in pairs:
        t, p = _shingles(true, n), _shingles(pred, n)
        tp = sum((t & p).values())
        fp = sum((p - t).values())
        fn = sum((t - p).values())
        if fp == fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    precision, recall = statistics.mean(precisions), statistics.mean(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def _ours(pythonpath: Path, pages: dict[str, str]) -> dict[str, str]:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps(pages),
        env={"PYTHONPATH": str(pythonpath)},
        cwd=pythonpath,  # python -c puts the working directory first on sys.path
        capture_output=True,
        text=True,
        check=True,
    )
    out: dict[str, str] = json.loads(result.stdout)
    return out


def _trafilatura(pages: dict[str, str]) -> dict[str, str]:
    import trafilatura

    out = {}
    for key, page in pages.items():
        doc = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=False
        )
        out[key] = (doc.text or "") if doc is not None else ""  # type: ignore[union-attr]
    return out


def _load(args: argparse.Namespace, tmp: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """Data sets: name -> (expected bodies, pages), by page key."""
    bench = snapshot_files(args.benchmark, ["ground-truth.json", "html"], tmp / "bench")
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {
        key: gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        for key in truth
    }
    sets = {"article-extraction-benchmark (181 pages)": (truth, pages)}
    if args.arabic is not None:
        names = ["tests/data/html/arabic_article.html", "tests/data/text/arabic.txt"]
        news = snapshot_files(args.arabic, names, tmp / "newspaper")
        page = (news / names[0]).read_text(encoding="utf-8")
        body = (news / names[1]).read_text(encoding="utf-8")
        sets["newspaper3k Arabic page (1 page)"] = ({"ar": {"articleBody": body}}, {"ar": page})
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("benchmark", type=Path)
    parser.add_argument("--arabic", type=Path)
    parser.add_argument("--base", default="a4c713b")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        base = tmp / "base"
        base.mkdir()
        archive = subprocess.run(
            ["git", "archive", args.base, "summarize"], cwd=ROOT, check=True, capture_output=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(base, filter="data")
        print("| data | system | shingle P | shingle R | shingle F1 | token F1 |")
        print("| --- | --- | --- | --- | --- | --- |")
        for data, (truth, pages) in _load(args, tmp).items():
            systems = {
                f"before ({args.base}: html.parser reader + cleaner)": _ours(base, pages),
                "trafilatura alone": _trafilatura(pages),
                "after (trafilatura + our cleaner)": _ours(ROOT, pages),
            }
            for system, predicted in systems.items():
                pairs = [(truth[k].get("articleBody", ""), predicted[k]) for k in truth]
                s4, s1 = _scores(pairs, 4), _scores(pairs, 1)
                print(
                    f"| {data} | {system} | {s4['precision']:.3f} | {s4['recall']:.3f} "
                    f"| {s4['f1']:.3f} | {s1['f1']:.3f} |"
                )


if __name__ == "__main__":
    main()
