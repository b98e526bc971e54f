"""Train the learned sentence ranker (``summarize/data/ranker.json``) on the ANT corpus.

Data: a snapshot of the public repository ``antcorpus/antcorpus.multisource.data`` (ANT
corpus v2.1, one TREC-style file per article with ``<TITLE>``, ``<ABSTRACT>`` and ``<TEXT>``),
given as a bare git directory (``--ant``). Only the BBC files are used: their abstract is a
journalist-written standfirst, while the other sources' abstracts are truncated leads copied
from the text. Articles of the dev set (``--exclude``, matched by ``DOCNO``) are left out,
and so are those whose abstract appears verbatim in the text, is unterminated, or is under 8
or over 80 words, and texts under 120 or over 1,500 words (the dev set's own rules).

Labels: for each article, the greedy oracle (up to 3 sentences, each added while it raises
the mean of ROUGE-1 and ROUGE-2 F1 against the abstract) gives the positive sentences.
Model: L2-regularised logistic regression on standardised :data:`FEATURES`, fitted by
Newton's method with numpy (training only; the engine scores in pure Python). ``--jsonl``
trains on eval records instead (for data with multi-sentence references). The
confidence floor is the ``--floor-quantile`` of the articles' top probabilities on the
training data: below it the engine falls back to lead order.

    python scripts/train_ranker.py --ant /work/.mirror/antcorpus+antcorpus.multisource.data/repo
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from summarize.engines.extractive.features import FEATURES, sentence_features
from summarize.engines.extractive.ranking import signals
from summarize.errors import InputError
from summarize.evaluate.rouge import rouge_tokens, score_tokens
from summarize.pipeline import prepare
from summarize.text.sentences import split_sentences

OUT = Path(__file__).parents[1] / "summarize" / "data" / "ranker.json"
DEV = Path("../shared/data/ant_bbc_arabic/data.jsonl")
_TAG = re.compile(r"<(TITLE|ABSTRACT|TEXT|DOCNO)>\s*(.*?)\s*</\1>", re.S)
_END = re.compile(r"[.؟!\"”»]$")


def ant_files(git_dir: str, source: str) -> Iterator[str]:
    """The text of every file under ``source/`` in the snapshot."""
    names = subprocess.run(
        ["git", f"--git-dir={git_dir}", "ls-tree", "-r", "--name-only", "HEAD", f"{source}/"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    batch = "".join(f"HEAD:{n}\n" for n in sorted(names))
    out = subprocess.run(
        ["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
        input=batch.encode(), capture_output=True, check=True,
    ).stdout  # fmt: skip
    pos = 0
    while pos < len(out):
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        yield out[header_end + 1 : header_end + 1 + size].decode("utf-8", "replace")
        pos = header_end + 1 + size + 1


def articles(git_dir: str, exclude: set[str]) -> Iterator[dict[str, str]]:
    """BBC articles of the snapshot that pass the dev set's selection rules."""
    for raw in ant_files(git_dir, "BBC"):
        tags = {k: v for k, v in _TAG.findall(raw)}
        text, abstract = tags.get("TEXT", ""), " ".join(tags.get("ABSTRACT", "").split())
        if not text or not abstract or tags.get("DOCNO") in exclude:
            continue
        n_abs, n_text = len(abstract.split()), len(text.split())
        if abstract in " ".join(text.split()) or not _END.search(abstract):
            continue
        if not (8 <= n_abs <= 80 and 120 <= n_text <= 1500):
            continue
        yield {"text": text, "abstract": abstract, "title": tags.get("TITLE", "")}


def jsonl_articles(path: Path) -> Iterator[dict[str, str]]:
    """Records of an eval JSONL file (``text``, ``references``, optional ``title``); each
    reference makes a training article of its own."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            refs = record.get("references") or [record.get("reference", "")]
            for ref in refs:
                if record.get("text") and ref:
                    yield {
                        "text": record["text"],
                        "abstract": ref,
                        "title": record.get("title", ""),
                    }


def oracle(sentences: Sequence[str], reference: str, most: int = 3) -> set[int]:
    """Greedy oracle: sentences added while they raise mean(R1, R2) F1 against ``reference``.

    At most ``most`` sentences, or one more than the reference has, whichever is more (a
    multi-sentence reference needs more than three).
    """
    most = max(most, len(split_sentences(reference)) + 1)
    ref = rouge_tokens(reference)
    tokens = [rouge_tokens(s) for s in sentences]
    chosen: list[int] = []
    best = 0.0
    for _ in range(most):
        gains = []
        for i in range(len(sentences)):
            if i in chosen:
                continue
            cand = [t for j in sorted([*chosen, i]) for t in tokens[j]]
            r = score_tokens(cand, ref)
            gains.append(((r["rouge1"].fmeasure + r["rouge2"].fmeasure) / 2, i))
        if not gains:
            break
        value, pick = max(gains)
        if value <= best:
            break
        chosen.append(pick)
        best = value
    return set(chosen)


def dataset(items: Sequence[dict[str, str]]) -> tuple[Any, Any, list[int]]:
    """Feature matrix, labels and each article's row count."""
    rows, labels, sizes = [], [], []
    for item in items:
        try:
            prepared = prepare(item["text"], title=item["title"] or None)
        except InputError:
            continue
        doc = prepared.doc
        feats = sentence_features(doc.sentences, signals(doc.sentences, doc.lang, doc.title))
        positives = oracle([s.text for s in doc.sentences], item["abstract"])
        rows += feats
        labels += [float(i in positives) for i in range(len(feats))]
        sizes.append(len(feats))
    return np.array(rows), np.array(labels), sizes


def fit(x: Any, y: Any, l2: float, steps: int = 25) -> tuple[Any, float]:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised)."""
    design = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        grad = design.T @ (p - y) + penalty * w
        hess = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--ant", help="bare git dir of the ANT snapshot")
    source.add_argument(
        "--jsonl", type=Path, help="or: eval records (text, references) to train on instead"
    )
    parser.add_argument("--exclude", type=Path, default=DEV, help="JSONL whose ids to leave out")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--floor-quantile", type=float, default=0.05)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--export", type=Path, help="also write the selected articles as eval JSONL here"
    )
    args = parser.parse_args()

    exclude = set()
    if args.exclude.exists():
        with args.exclude.open(encoding="utf-8") as fh:
            exclude = {json.loads(line)["id"] for line in fh}
    items = list(jsonl_articles(args.jsonl) if args.jsonl else articles(args.ant, exclude))
    if args.export:
        with args.export.open("w", encoding="utf-8") as fh:
            for item in items:
                record = {"text": item["text"], "title": item["title"]}
                record["references"] = [item["abstract"]]  # type: ignore[assignment]
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    x, y, sizes = dataset(items)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    weights, bias = fit(z, y, args.l2)
    probs = 1.0 / (1.0 + np.exp(-(z @ weights + bias)))
    tops, start = [], 0
    for n in sizes:
        tops.append(probs[start : start + n].max())
        start += n
    floor = float(np.quantile(tops, args.floor_quantile))
    model = {
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in weights],
        "bias": round(bias, 6),
        "confidence": round(floor, 6),
        "trained_on": f"{args.jsonl.name if args.jsonl else 'ANT corpus v2.1 BBC'}, "
        f"{len(sizes)} articles, {len(y)} sentences ({int(y.sum())} positive)"
        + ("" if args.jsonl else ", dev-set ids excluded"),
    }
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(sizes)} articles, {len(y)} sentences, {int(y.sum())} positive")
    for name, w in sorted(zip(FEATURES, weights, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:>15} {w:+.3f}")
    print(f"confidence floor {floor:.3f}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
