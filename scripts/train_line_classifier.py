"""Train the cleaner's line classifier on real HTML pages, labelled by trafilatura.

    python scripts/train_line_classifier.py HTMLDATE TRAFILATURA NEWSPAPER \\
        [--out summarize/data/line_classifier.json] [--cache FILE]

HTMLDATE, TRAFILATURA and NEWSPAPER are copies of github.com/adbar/htmldate,
github.com/adbar/trafilatura and github.com/codelucas/newspaper (work trees, or the bare git
directories the ``fetch`` tool makes). Their test pages are read at run time; nothing of
them is copied into this repository.

Each page is rendered as a browser's select-all copies it (``scripts/golden_pages/build.py``,
``paste``) and read by the cleaner's first two stages (``page_lines``); each body line is
labelled 1 when trafilatura (``bare_extraction`` with the options ``html_to_text`` uses)
keeps it, and described by the features of ``summarize/text/clean/lineclass.py``. Left out:
duplicate pages, the pages ``held_out.py`` lists (issue 20's held-out sites) and pages
trafilatura finds nothing in. Pages with Arabic text (at least ``_ARABIC_LETTERS`` Arabic
letters and not Persian) are never trained on: they are a test. The golden suite's pages are
synthetic and in tests/; none is read.

A logistic regression (numpy, Newton's method, L2 ``_L2``; each page weighs the same) is fit
on the pages whose content hashes into the training part, scored on the rest and on the
Arabic pages (line precision, recall and F1 at 0.5, against the rules' stretch stage on the
same lines), then refit on all training and validation pages and written as JSON.
``--cache`` keeps the feature rows between runs; ``--limit`` reads fewer pages.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from held_out import left_out
from snapshot import snapshot_files
from train_ranker import fit as newton_fit

sys.path.insert(0, str(Path(__file__).resolve().parent / "golden_pages"))

from build import paste

ROOT = Path(__file__).resolve().parents[1]
_ARABIC = re.compile(r"[\u0621-\u064a]")
_PERSIAN = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
_ARABIC_LETTERS = 300
_MAX_BYTES = 3_000_000
_L2 = 1.0
_VALIDATION = 5  # one page in five, by the hash of its content
_SOURCES = {
    "htmldate": ["tests/cache", "tests/eval", "tests/test_set"],
    "trafilatura": ["tests/cache", "tests/eval"],
    "newspaper": ["tests/data/html"],
}


def _pages(snapshots: dict[str, Path], tmp: Path) -> list[tuple[str, str, bool]]:
    """(name, page, Arabic) for every usable page, duplicates and held-out sites dropped."""
    from trafilatura.utils import decode_file

    seen: set[str] = set()
    out = []
    for source, folders in _SOURCES.items():
        root = snapshot_files(snapshots[source], folders, tmp / source)
        for folder in folders:
            for path in sorted((root / folder).glob("*.htm*")):
                data = path.read_bytes()
                digest = hashlib.sha1(data).hexdigest()
                if digest in seen or len(data) > _MAX_BYTES:
                    continue
                seen.add(digest)
                page = decode_file(data)
                letters = len(_ARABIC.findall(page))
                arabic = letters >= _ARABIC_LETTERS and len(_PERSIAN.findall(page)) < letters // 50
                if not left_out(data):
                    out.append((f"{source}:{folder}/{path.name}", page, arabic))
    return out


def _label_text(page: str) -> str | None:
    import trafilatura
    from trafilatura.utils import load_html

    from summarize.text.normalize import normalize_text

    tree = load_html(page)
    if tree is None:
        return None
    doc: Any = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False
    )
    text = (doc.text or "") if doc is not None else ""
    return normalize_text(text) if text.strip() else None


def page_rows(page: str) -> tuple[list[list[float]], list[int], list[int]] | None:
    """Feature rows, trafilatura's labels and the rules' stretch verdicts of a page's body
    lines (None when the page cannot be read or trafilatura keeps nothing)."""
    from summarize.text.clean import page_lines
    from summarize.text.clean.lineclass import line_features
    from summarize.text.clean.stretch import keep_article_stretch, page_of

    target = _label_text(page)
    try:
        pasted = paste(page)
    except (ValueError, TypeError):
        return None
    if target is None or not pasted.strip():
        return None
    whole = " ".join(target.split())
    whole_lines = {" ".join(line.split()) for line in target.split("\n")}
    lines = page_lines(pasted)
    info = page_of(lines)
    texts = [lines[i] for i in info.body]
    if not texts:
        return None
    labels = []
    for line in texts:
        flat = " ".join(line.text.split())
        labels.append(int(flat in whole_lines or (len(flat.split()) >= 4 and flat in whole)))
    rows = line_features(texts, info.paragraph, info.longest)
    keep_article_stretch(lines)
    rules = [int(lines[i].keep) for i in info.body]
    return rows, labels, rules


def build(snapshots: dict[str, Path], limit: int | None) -> dict[str, np.ndarray]:
    """Rows, labels, rule verdicts, page numbers and validation flags of every page."""
    rows: list[list[float]] = []
    labels: list[int] = []
    rules: list[int] = []
    page_ids: list[int] = []
    held: list[bool] = []
    arabic: list[bool] = []
    with tempfile.TemporaryDirectory() as tmp:
        pages = _pages(snapshots, Path(tmp))[:limit]
    print(f"{len(pages)} pages after exclusions", file=sys.stderr)
    for number, (name, page, is_arabic) in enumerate(pages):
        got = page_rows(page)
        if got is None:
            continue
        validation = int(hashlib.sha1(page.encode()).hexdigest(), 16) % _VALIDATION == 0
        rows += got[0]
        labels += got[1]
        rules += got[2]
        page_ids += [number] * len(got[1])
        held += [validation] * len(got[1])
        arabic += [is_arabic] * len(got[1])
        if number % 100 == 0:
            print(f"  {number}/{len(pages)} {name}", file=sys.stderr)
    return {
        "x": np.array(rows, dtype=float),
        "y": np.array(labels, dtype=float),
        "rules": np.array(rules, dtype=float),
        "page": np.array(page_ids),
        "validation": np.array(held),
        "arabic": np.array(arabic),
    }


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, ...]:
    """Standardisation, then the ranker's weighted, L2-regularised logistic regression
    (``train_ranker.fit``, Newton's method; the bias is not penalised)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    weights, bias = newton_fit((x - mean) / scale, y, _L2, steps=30, sample=weight)
    return mean, scale, weights, bias


def _page_weights(page: np.ndarray) -> np.ndarray:
    counts = np.bincount(page)
    weights: np.ndarray = 1.0 / counts[page]
    return weights


def _prf(predicted: np.ndarray, y: np.ndarray) -> str:
    tp = float((predicted * y).sum())
    precision = tp / max(predicted.sum(), 1)
    recall = tp / max(y.sum(), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"


def report(data: dict[str, np.ndarray]) -> None:
    """Scores of a model fit on the training part, against the rules' stretch stage: on the
    validation pages, and on the Arabic pages (never trained on)."""
    train = ~data["validation"] & ~data["arabic"]
    mean, scale, w, b = fit(data["x"][train], data["y"][train], _page_weights(data["page"][train]))
    tests = {"validation": data["validation"] & ~data["arabic"], "Arabic pages": data["arabic"]}
    for name, test in tests.items():
        z = (data["x"][test] - mean) / scale @ w + b
        y = data["y"][test]
        pages = len(np.unique(data["page"][test]))
        print(f"{name}: {pages} pages, {len(y)} body lines, {int(y.sum())} kept by trafilatura")
        print(f"  rules (stretch stage): {_prf(data['rules'][test], y)}")
        rated = (z >= 0).astype(float)
        print(f"  classifier (p >= 0.5): {_prf(rated, y)}")
        print(f"  union of the two (shipped): {_prf(np.maximum(rated, data['rules'][test]), y)}")


def write(data: dict[str, np.ndarray], out: Path) -> None:
    """Fit on every page and write the JSON the cleaner reads."""
    from summarize.text.clean.lineclass import FEATURES

    train = ~data["arabic"]
    mean, scale, w, b = fit(data["x"][train], data["y"][train], _page_weights(data["page"][train]))
    pages = len(np.unique(data["page"][train]))
    model = {
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in w],
        "bias": round(float(b), 6),
        "trained_on": f"{pages} pages, {int(train.sum())} body lines",
    }
    out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for name in _SOURCES:
        parser.add_argument(name, type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "summarize/data/line_classifier.json")
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--limit", type=int, help="read only this many pages (a quick check)")
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()}", file=sys.stderr)
    if args.cache is not None and args.cache.exists():
        data = dict(np.load(args.cache))
    else:
        data = build({name: getattr(args, name) for name in _SOURCES}, args.limit)
        if args.cache is not None:
            np.savez(args.cache, **data)  # type: ignore[arg-type]
    report(data)
    write(data, args.out)


if __name__ == "__main__":
    main()
