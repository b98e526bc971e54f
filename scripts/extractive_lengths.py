"""Each length option of the extractive engine against lead at the same length.

For every article of a JSONL set (``text``, ``references``, optional ``title``), cleaned once
as ``compare_extractive.py`` does, and for each option a user can give:

* ``--max-words``: N = the reference's length in words; lead = the article's first N words;
* ``--sentences``: k = the reference's number of sentences; lead = the first k sentences;
* ``--ratio``: 0.2 of the article's words; lead = that many first words;
* default: no option; asked = a fifth of the article, clamped to 40-120 words; lead = that
  many first words, or as many as the engine gave when it gave more (the default goes past
  the fifth when whole sentences need it to reach 40 words).

It prints, for the tuning half (even rows) and the held-out half (odd rows): ROUGE-2 F1 of
the engine and of lead, the paired bootstrap 95% interval of the difference, words out
against words asked (for ``--sentences``: against lead's words), and the share of outputs
that join pieces of different sentences (:func:`summarize.text.extracts.is_extract` fails).
For ``--sentences`` it also gives the share of outputs with exactly k sentences, among the
articles that have k. ``--selection knapsack`` runs the engine with the knapsack of
:mod:`summarize.engines.extractive.knapsack`; ``--versus greedy`` then puts in lead's place
the same engine with greedy MMR selection (paired interval of the difference), ``--versus
uncapped`` the knapsack over every sentence (no 40-sentence candidate cap).

    python scripts/extractive_lengths.py --data ../shared/data/ant_bbc_arabic/data.jsonl
    python scripts/extractive_lengths.py --data /tmp/multi.jsonl --ranker learned
    python scripts/extractive_lengths.py --data /tmp/multi.jsonl --selection knapsack \
        --versus greedy --halves tuning
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from compare_extractive import DEFAULT_DATA, Article, bootstrap_diff, document, load, mean, truncate

from summarize.engines.base import Length
from summarize.engines.extractive import knapsack
from summarize.engines.extractive.engine import (
    RANKER,
    SELECTION,
    SELECTIONS,
    ExtractiveEngine,
    default_words,
)
from summarize.evaluate.rouge import rouge_max
from summarize.text.extracts import is_extract
from summarize.text.sentences import split_sentences

MODES = ("--max-words", "--sentences", "--ratio", "default")
RATIO = 0.2


@dataclass(frozen=True)
class Row:
    """One article under one option."""

    mine: float  # the engine's R2
    lead: float  # lead's R2 at the same length
    words: int  # words out
    asked: int  # words asked (for --sentences: lead's words)
    joined: bool  # the output is not whole sentences of the article
    count_met: bool | None  # --sentences: exactly k sentences (None: the article has fewer)


def asked(mode: str, article: Article, total: int) -> tuple[Length, int]:
    """The Length a user would give under ``mode``, and its size (words, or k sentences)."""
    if mode == "--max-words":
        return Length(max_words=article.budget), article.budget
    if mode == "--sentences":
        k = max(1, len(split_sentences(article.references[0])))
        return Length(sentences=k), k
    if mode == "--ratio":
        return Length(ratio=RATIO), max(1, round(RATIO * total))
    return Length(), default_words(total)


def rows_of(mode: str, articles: Sequence[Article], engine: ExtractiveEngine) -> list[Row]:
    """Every article's :class:`Row` under ``mode``."""
    rows = []
    for a in articles:
        doc = document(a)
        total = sum(len(s.text.split()) for s in doc.sentences)
        length, size = asked(mode, a, total)
        out = "".join(engine.summarize(doc, length, doc.lang)).strip()
        if mode == "--sentences":
            base = " ".join(s.text for s in doc.sentences[:size])
            met = len(engine.choose(doc, length)) == size if len(doc.sentences) >= size else None
        else:
            # The default's size is a target and 40 words a floor: lead gets as many words.
            words = max(size, len(out.split())) if mode == "default" else size
            base, met = truncate(" ".join(s.text for s in doc.sentences), words), None
        rows.append(
            Row(
                rouge_max(out, a.references)["rouge2"].fmeasure,
                rouge_max(base, a.references)["rouge2"].fmeasure,
                len(out.split()),
                size if mode != "--sentences" else len(base.split()),
                not is_extract(out, a.text),
                met,
            )
        )
    return rows


@contextmanager
def selection(versus: str) -> Iterator[None]:
    """The engine with the baseline selection ``versus`` (greedy MMR, or the uncapped knapsack)."""
    original = knapsack.pack
    knapsack.pack = (  # type: ignore[assignment]
        (lambda *_a, **_k: None)
        if versus == "greedy"
        else functools.partial(original, candidates=None)
    )
    try:
        yield
    finally:
        knapsack.pack = original  # type: ignore[assignment]


def versus_rows(
    mode: str, part: Sequence[Article], engine: ExtractiveEngine, versus: str | None
) -> list[Row]:
    """The engine's rows; with ``versus``, "lead" replaced by the baseline selection's R2."""
    rows = rows_of(mode, part, engine)
    if versus is None:
        return rows
    with selection(versus):
        base = rows_of(mode, part, engine)
    return [replace(r, lead=b.mine) for r, b in zip(rows, base, strict=True)]


def line(mode: str, label: str, rows: list[Row], args: argparse.Namespace) -> str:
    """One Markdown table row."""
    mine, base = [r.mine for r in rows], [r.lead for r in rows]
    lo, hi = bootstrap_diff(mine, base, args.bootstrap, args.seed)
    delta = 100 * (mean(mine) - mean(base))
    out, size = mean([float(r.words) for r in rows]), mean([float(r.asked) for r in rows])
    words = f"{out:.1f} / {size:.1f}"
    joins = 100 * mean([float(r.joined) for r in rows])
    counted = [r.count_met for r in rows if r.count_met is not None]
    met = f"{100 * mean([float(m) for m in counted]):.0f}%" if counted else "—"
    return (
        f"| {mode} | {label} | {len(rows)} | {100 * mean(mine):.2f} | {100 * mean(base):.2f} | "
        f"{delta:+.2f} ({100 * lo:+.2f}, {100 * hi:+.2f}) | {words} | {joins:.1f}% | {met} |"
    )


def main(argv: list[str] | None = None) -> int:
    """Parse options and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL set")
    parser.add_argument("--ranker", default=RANKER, help="learned or heuristic")
    parser.add_argument("--whole", action="store_true", help="all rows, not by half")
    parser.add_argument("--words", type=int, default=None, help="fixed --max-words budget")
    parser.add_argument(
        "--mode", action="append", choices=MODES, help="only these (--mode=--max-words)"
    )
    parser.add_argument("--selection", default=SELECTION, choices=SELECTIONS, help="under budgets")
    parser.add_argument(
        "--versus", choices=("greedy", "uncapped"), help="compare with this selection, not lead"
    )
    parser.add_argument("--halves", choices=("tuning", "held-out"), help="only this half")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data} (run from the repository root)", file=sys.stderr)
        return 2
    articles = load(args.data, args.words)
    engine = ExtractiveEngine(ranker=args.ranker, selection=args.selection)
    halves = {
        "tuning (even rows)": [a for a in articles if a.row % 2 == 0],
        "held-out (odd rows)": [a for a in articles if a.row % 2 == 1],
    }
    if args.whole:
        halves = {"all rows": articles}
    elif args.halves:
        halves = {k: v for k, v in halves.items() if k.startswith(args.halves)}
    if args.versus:
        print(f"(lead columns: the engine with {args.versus} selection)")
    print(
        "| option | half | articles | R2 | lead R2 | R2 − lead (95% CI) | words out / asked "
        "| joins | k met |"
    )
    print("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
    for mode in args.mode or MODES:
        for label, part in halves.items():
            rows = versus_rows(mode, part, engine, args.versus)
            print(line(mode, label, rows, args), flush=True)
    print(f"\npython scripts/extractive_lengths.py {' '.join(sys.argv[1:])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
