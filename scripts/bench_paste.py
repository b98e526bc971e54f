"""The extraction benchmark's pages pasted as text: the cleaner's rules against the classifier.

    python scripts/bench_paste.py BENCHMARK [--strategies rules scorer veto classifier]

BENCHMARK is a copy of github.com/scrapinghub/article-extraction-benchmark (a work tree,
or the bare git directory the ``fetch`` tool makes): 181 pages with their expected bodies.
No page of it trains the line classifier, so it is a fair test of it. Each page is rendered
as a browser's select-all copies it (``scripts/golden_pages/build.py``, ``paste``) and
cleaned with ``clean_article`` under each strategy of the article-stretch stage
(``summarize.text.clean.stretch.STRATEGY``):

- ``rules``: the hand-written rules alone (the product);
- ``scorer``: the stretch of paragraphs is chosen by its words weighed by P(body);
- ``veto``: the rules, then short lines of the stretch with P(body) < 0.2 go;
- ``classifier``: the body lines with P(body) >= 0.5 stay (and the headline).

``paste`` is the pasted text as is (nothing removed), and ``trafilatura`` trafilatura's
text of the HTML page, for reference. Scores as ``bench_extract.py``: shingles of 4 tokens,
mean precision and recall over pages, F1; and the pages the strategy changed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
from pathlib import Path

from bench_extract import _scores, _trafilatura
from snapshot import snapshot_files

from summarize.text.clean.stretch import STRATEGIES

sys.path.insert(0, str(Path(__file__).resolve().parent / "golden_pages"))

from build import paste


def _clean(texts: dict[str, str], strategy: str) -> dict[str, str]:
    from summarize.text.clean import clean_article, stretch

    stretch.STRATEGY = strategy
    try:
        return {key: clean_article(text).text for key, text in texts.items()}
    finally:
        stretch.STRATEGY = "rules"


def _row(name: str, truth: dict[str, dict[str, str]], out: dict[str, str]) -> str:
    pairs = [(truth[k]["articleBody"], out[k]) for k in truth]
    shingle, token = _scores(pairs, 4), _scores(pairs, 1)
    return (
        f"| {name} | {shingle['precision']:.3f} | {shingle['recall']:.3f} "
        f"| {shingle['f1']:.3f} | {token['f1']:.3f} |"
    )


def _losses(
    truth: dict[str, dict[str, str]], rules: dict[str, str], out: dict[str, str], name: str
) -> None:
    """Pages where ``out`` recalls less of the body than the rules (shingles)."""
    worse = []
    for key in truth:
        before = _scores([(truth[key]["articleBody"], rules[key])], 4)["recall"]
        after = _scores([(truth[key]["articleBody"], out[key])], 4)["recall"]
        if after < before - 0.01:
            worse.append(f"{key[:8]} {before:.2f}->{after:.2f}")
    print(f"{name}: {len(worse)} pages recall less body: {', '.join(worse)}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("benchmark", type=Path)
    parser.add_argument("--strategies", nargs="+", choices=STRATEGIES, default=list(STRATEGIES))
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        bench = snapshot_files(args.benchmark, ["ground-truth.json", "html"], Path(tmp))
        truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
        pages = {
            key: gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
            for key in truth
        }
    texts = {key: paste(page) for key, page in pages.items()}
    print("| system | shingle P | shingle R | shingle F1 | token F1 |")
    print("| --- | --- | --- | --- | --- |")
    print(_row("paste as is", truth, texts))
    print(_row("trafilatura on the HTML", truth, _trafilatura(pages)))
    outputs = {}
    for strategy in args.strategies:
        outputs[strategy] = _clean(texts, strategy)
        print(_row(f"cleaner, {strategy}", truth, outputs[strategy]))
    if "rules" in outputs:
        for strategy, out in outputs.items():
            changed = sum(out[k] != outputs["rules"][k] for k in truth)
            print(f"{strategy}: {changed} pages differ from the rules", file=sys.stderr)
            _losses(truth, outputs["rules"], out, strategy)


if __name__ == "__main__":
    main()
