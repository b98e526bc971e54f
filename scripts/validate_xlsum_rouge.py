"""Check ``summarize eval --rouge xlsum`` against the XL-Sum authors' own scorer.

The reference is ``multilingual_rouge_scoring`` from the ``csebuetnlp/xl-sum`` repository,
importable as the package ``rouge_score`` from the folder given with ``--reference`` (it needs
``nltk``, ``pyonmttok``, ``six`` and ``absl-py``; run this script in a scratch environment that
has them, with this repository on ``PYTHONPATH``). The reference reads its stop words the way
NLTK does, from the ``stopwords.zip`` given with ``--stopwords-zip`` (NLTK's own data package,
e.g. as ``nltk_data`` served it from 2017 to October 2021), placed in a private temporary
``nltk_data`` folder; summarize uses the list it ships. The script prints both lists' sizes.

Pairs: for every record of a JSONL data set (``text`` and ``references``), the reference
against the article's first sentence, its first three sentences, the extractive summary at the
reference's length and a middle sentence; then ``--synthetic`` random strings that mix Arabic,
diacritics, digits of both kinds, Latin, punctuation and symbols. Every ROUGE-1/2/L F1 is
compared (0-100 scale); the script exits 1 when any differs by more than ``--tolerance``.

    git -C /work/.mirror/nltk+nltk_data/repo show \\
        3a486db7729373e7982eda3f7e6e6572c532d06c:packages/corpora/stopwords.zip > /tmp/stopwords.zip
    PYTHONPATH=. /tmp/xlsum-ref/bin/python scripts/validate_xlsum_rouge.py \\
        --reference /tmp/xlsum_ref --stopwords-zip /tmp/stopwords.zip \\
        ../shared/data/ant_bbc_arabic/data.jsonl /tmp/multi.odd.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from summarize.engines.base import Length
from summarize.engines.extractive.engine import ExtractiveEngine
from summarize.evaluate.xlsum import arabic_stopwords, xlsum_rouge
from summarize.pipeline import prepare
from summarize.text.normalize import word_count

MEASURES = ("rouge1", "rouge2", "rougeL")
_ALPHABET = (
    [chr(c) for c in range(0x0621, 0x064B)]
    + [chr(c) for c in range(0x064B, 0x0653)]  # harakat
    + [chr(c) for c in range(0x0660, 0x066A)]  # Arabic-Indic digits
    + list("abcXYZ0123456789 .,;:!?()«»\"'-،؛؟…%$€©😀ـ\u200f\u200c\t\n")
)


def reference_scorer(folder: str, stopwords_zip: str) -> Any:
    """The XL-Sum scorer, with NLTK reading its stop words from the ``stopwords_zip`` package."""
    sys.path.insert(0, folder)
    import nltk
    from rouge_score import rouge_scorer  # type: ignore[import-not-found]

    data = Path(tempfile.mkdtemp(prefix="nltk_data_"))
    corpora = data / "corpora"
    corpora.mkdir()
    shutil.copyfile(stopwords_zip, corpora / "stopwords.zip")
    nltk.data.path.insert(0, str(data))
    theirs = set(nltk.corpus.stopwords.words("arabic"))
    print(f"stop words: NLTK's package {len(theirs)}, summarize's {len(arabic_stopwords())}")
    if theirs != arabic_stopwords():
        print("the two stop-word lists differ", file=sys.stderr)
    return rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True, lang="arabic")


def candidates(record: dict[str, Any]) -> list[str]:
    """Summaries of one article to score against its references."""
    prepared = prepare(record["text"])
    sentences = [s.text for s in prepared.doc.sentences]
    budget = word_count(record["references"][0])
    extract = "".join(
        ExtractiveEngine().summarize(prepared.doc, Length(max_words=budget), prepared.doc.lang)
    )
    return [sentences[0], " ".join(sentences[:3]), extract, sentences[len(sentences) // 2]]


def synthetic(n: int, seed: int) -> list[tuple[str, str]]:
    """Random strings over a mixed alphabet, in pairs."""
    rng = random.Random(seed)

    def text() -> str:
        return "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(5, 120)))

    return [(text(), text()) for _ in range(n)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="+", help="JSONL files of records with text and references")
    parser.add_argument("--reference", required=True, help="folder holding rouge_score/")
    parser.add_argument("--stopwords-zip", required=True, help="NLTK's stopwords.zip package")
    parser.add_argument("--synthetic", type=int, default=300)
    parser.add_argument("--tolerance", type=float, default=0.01, help="on the 0-100 scale")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    scorer = reference_scorer(args.reference, args.stopwords_zip)
    pairs: list[tuple[str, str]] = []
    for data in args.data:
        with open(data, encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                pairs += [(c, record["references"][0]) for c in candidates(record)]
    pairs += synthetic(args.synthetic, args.seed)

    worst, bad = 0.0, 0
    for cand, ref in pairs:
        theirs = scorer.score(ref, cand)
        ours = xlsum_rouge(cand, ref)
        diff = max(abs(100 * theirs[m].fmeasure - 100 * ours[m].fmeasure) for m in MEASURES)
        worst = max(worst, diff)
        bad += diff > args.tolerance
    print(f"pairs: {len(pairs)}  over tolerance {args.tolerance}: {bad}")
    print(f"largest difference (0-100 scale): {worst:.6f}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
