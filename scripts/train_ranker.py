"""Train the learned sentence ranker (``summarize/data/ranker.json``).

Data, given at run time and never copied into the repository:

* ``--ant``: a snapshot of the public repository ``antcorpus/antcorpus.multisource.data``
  (ANT corpus v2.1, one TREC-style file per article with ``<TITLE>``, ``<ABSTRACT>`` and
  ``<TEXT>``) as a bare git directory. Only the BBC files are used: their abstract is a
  journalist-written one-sentence standfirst. Articles of the dev set (``--exclude``, matched
  by ``DOCNO``) are left out, and so are those whose abstract appears verbatim in the text, is
  unterminated, or is under 8 or over 80 words, and texts under 120 or over 1,500 words (the
  dev set's own rules).
* ``--jsonl`` (repeatable): eval records (``text``, ``references``, optional ``title``), e.g.
  the tuning halves of the France24 multi-sentence set written by ``scripts/multi_data.py``
  and of the encyclopedia set written by ``scripts/wiki_data.py``.

Sentences are the engine's own units (:meth:`ExtractiveEngine.units`). Labels
(``--labels``): ``soft`` (the default) is the share of a sentence's word bigrams that occur in
the reference, a graded target for how much of the sentence a summary would keep; ``oracle``
marks the sentences a greedy ROUGE oracle picks (added while they raise the mean of ROUGE-1
and ROUGE-2 F1, up to the reference's length in words). Model: L2-regularised logistic
regression (cross-entropy, soft targets allowed) on standardised :data:`FEATURES`, fitted by
Newton's method with numpy (training only; the engine scores in pure Python). The engine ranks
by the model's log-odds plus ``--lead-prior`` / (1 + index) plus ``--heuristic`` times the
hand-set ranker's score (both chosen on the tuning halves). The confidence floor is the
``--floor-quantile`` of the articles' top probabilities on the training data: below it the
engine falls back to lead order. Deterministic: the same data gives the same weights.

``--balance`` weights the rows so that every source (the ANT BBC pool, each ``--jsonl``)
carries the same total weight. The shipped weights:

    python scripts/train_ranker.py --ant /work/.mirror/antcorpus+antcorpus.multisource.data/repo \
        --jsonl /tmp/multi.even.jsonl --jsonl /tmp/wiki.even.jsonl --balance
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from summarize.engines.extractive.engine import ExtractiveEngine
from summarize.engines.extractive.features import FEATURES, sentence_features
from summarize.engines.extractive.ranking import signals
from summarize.errors import InputError
from summarize.evaluate.rouge import rouge_tokens, score_tokens
from summarize.pipeline import prepare

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


def oracle(sentences: Sequence[str], reference: str) -> list[float]:
    """1 for the sentences of the greedy ROUGE oracle, 0 for the others.

    Sentences are added while they raise mean(R1, R2) F1 against ``reference`` and the
    summary stays within the reference's length in words.
    """
    ref, budget = rouge_tokens(reference), len(reference.split())
    tokens = [rouge_tokens(s) for s in sentences]
    sizes = [len(s.split()) for s in sentences]
    chosen: list[int] = []
    best = 0.0
    while True:
        gains = []
        for i in range(len(sentences)):
            if i in chosen or sum(sizes[j] for j in chosen) + sizes[i] > budget:
                continue
            cand = [t for j in sorted([*chosen, i]) for t in tokens[j]]
            r = score_tokens(cand, ref)
            gains.append(((r["rouge1"].fmeasure + r["rouge2"].fmeasure) / 2, i))
        if not gains or max(gains)[0] <= best:
            break
        best, pick = max(gains)
        chosen.append(pick)
    return [float(i in chosen) for i in range(len(sentences))]


def bigram_share(sentences: Sequence[str], reference: str) -> list[float]:
    """For each sentence, the share of its word bigrams that occur in ``reference``."""
    ref = Counter(bigrams(rouge_tokens(reference)))
    out = []
    for s in sentences:
        own = Counter(bigrams(rouge_tokens(s)))
        out.append(sum((own & ref).values()) / max(1, sum(own.values())))
    return out


def bigrams(tokens: Sequence[str]) -> list[tuple[str, str]]:
    """Consecutive token pairs."""
    return list(itertools.pairwise(tokens))


LABELS = {"soft": bigram_share, "oracle": oracle}


def dataset(items: Sequence[dict[str, str]], labels_of: str) -> tuple[Any, Any, list[int]]:
    """Feature matrix, labels and each article's row count (articles that fail to prepare
    are left out, with no row)."""
    engine = ExtractiveEngine()
    rows: list[list[float]] = []
    labels: list[float] = []
    sizes = []
    for item in items:
        try:
            doc = prepare(item["text"], title=item["title"] or None).doc
        except InputError:
            continue
        units = engine.units(doc)
        feats = sentence_features(units, signals(units, doc.lang, doc.title))
        rows += feats
        labels += LABELS[labels_of]([u.text for u in units], item["abstract"])
        sizes.append(len(feats))
        item["kept"] = "1"
    return np.array(rows), np.array(labels), sizes


def balanced(items: Sequence[dict[str, str]], sizes: Sequence[int]) -> Any:
    """Row weights that give every source (``--ant``, each ``--jsonl``) the same total
    weight, with mean 1 over the rows."""
    kept = [item["source"] for item in items if item.get("kept")]
    rows_of: Counter[str] = Counter()
    for source, n in zip(kept, sizes, strict=True):
        rows_of[source] += n
    total = sum(sizes)
    per_row = {s: total / (len(rows_of) * n) for s, n in rows_of.items()}
    return np.concatenate([np.full(n, per_row[s]) for s, n in zip(kept, sizes, strict=True)])


def fit(x: Any, y: Any, l2: float, steps: int = 25, sample: Any = None) -> tuple[Any, float]:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised);
    ``sample`` weights the rows (all 1 when not given)."""
    design = np.hstack([x, np.ones((len(x), 1))])
    sample = np.ones(len(x)) if sample is None else sample
    w = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        grad = design.T @ (sample * (p - y)) + penalty * w
        hess = (design * (sample * p * (1 - p))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ant", help="bare git dir of the ANT snapshot (its BBC articles)")
    parser.add_argument(
        "--jsonl", type=Path, action="append", default=[], help="eval records to train on too"
    )
    parser.add_argument("--labels", choices=sorted(LABELS), default="soft")
    parser.add_argument("--lead-prior", type=float, default=1.0)
    parser.add_argument("--heuristic", type=float, default=3.0, help="blend weight")
    parser.add_argument("--exclude", type=Path, default=DEV, help="JSONL whose ids to leave out")
    parser.add_argument("--l2", type=float, default=30.0)
    parser.add_argument(
        "--balance", action="store_true", help="weight each source equally (by sentences)"
    )
    parser.add_argument("--floor-quantile", type=float, default=0.05)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--export", type=Path, help="also write the selected articles as eval JSONL here"
    )
    args = parser.parse_args()
    if not args.ant and not args.jsonl:
        parser.error("give --ant, --jsonl or both")

    exclude = set()
    if args.exclude.exists():
        with args.exclude.open(encoding="utf-8") as fh:
            exclude = {json.loads(line)["id"] for line in fh}
    items = [{**a, "source": "ant"} for a in articles(args.ant, exclude)] if args.ant else []
    for path in args.jsonl:
        items += [{**a, "source": str(path)} for a in jsonl_articles(path)]
    if args.export:
        with args.export.open("w", encoding="utf-8") as fh:
            for item in items:
                record = {"text": item["text"], "title": item["title"]}
                record["references"] = [item["abstract"]]  # type: ignore[assignment]
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    x, y, sizes = dataset(items, args.labels)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    weights, bias = fit(z, y, args.l2, sample=balanced(items, sizes) if args.balance else None)
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
        "lead_prior": args.lead_prior,
        "heuristic": args.heuristic,
        "trained_on": " + ".join(
            (["ANT corpus v2.1 BBC (dev-set ids excluded)"] if args.ant else [])
            + [p.name for p in args.jsonl]
        )
        + f"; {len(sizes)} articles, {len(y)} sentences, {args.labels} labels"
        + ("; sources weighted equally" if args.balance else ""),
    }
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(sizes)} articles, {len(y)} sentences, mean label {y.mean():.3f}")
    for name, w in sorted(zip(FEATURES, weights, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:>15} {w:+.3f}")
    print(f"confidence floor {floor:.3f}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
