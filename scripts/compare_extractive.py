"""Compare the embedded extractive engine with lead and sumy's summarizers on a dev set.

Every system reads the same cleaned article (``summarize.text.clean.clean_article``) and its
output is cut to the same word budget: the length in words of the article's reference. sumy's
methods fill the budget with their best-rated sentences (in rating order, shown in article
order); lead takes the first words of the article; "first sentence" is lead without going
past the first sentence. Scores are ROUGE-1/2/L F1 from
``summarize.evaluate.rouge`` (Arabic-aware tokens, no stemming), reported for the tuning half (rows
with an even 0-based index, where the ranker's hyper-parameters were chosen), the held-out
half (odd rows) and the whole set, with a paired bootstrap 95% interval for the difference in
ROUGE-2 against lead.

Speed is measured in a separate pass: each system summarises each article once to 3 sentences,
from the raw text (cleaning and splitting included for the engine, parsing for sumy).

Needs the ``bench`` extra (sumy, pyarabic). Usage, from the repository root::

    python scripts/compare_extractive.py
    python scripts/compare_extractive.py --tune   # the grid search on the tuning half

Each length option against lead at the same length: ``scripts/extractive_lengths.py``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from summarize.engines.base import Document, Length
from summarize.engines.extractive.engine import ExtractiveEngine
from summarize.engines.extractive.ranking import Weights
from summarize.evaluate.rouge import rouge_max
from summarize.pipeline import cap_words
from summarize.text.clean import clean_article
from summarize.text.lang import detect_lang
from summarize.text.sentences import split_sentences

DEFAULT_DATA = Path("../shared/data/ant_bbc_arabic/data.jsonl")
SUMY_METHODS = ("LexRank", "TextRank", "Luhn", "LSA")
SPEED_SENTENCES = 3


@dataclass(frozen=True)
class Article:
    """One dev-set item: raw text, cleaned text, headline, references and budget in words."""

    row: int
    raw: str
    text: str
    title: str
    references: tuple[str, ...]
    budget: int


System = Callable[[Article], str]


def load(path: Path, words: int | None = None) -> list[Article]:
    """Read the JSONL dev set and clean each article once (budget: ``words`` or the reference's)."""
    out = []
    with path.open(encoding="utf-8") as f:
        for row, line in enumerate(f):
            item = json.loads(line)
            refs = tuple(item["references"])
            out.append(
                Article(
                    row=row,
                    raw=item["text"],
                    text=clean_article(item["text"]).text,
                    title=item.get("title") or "",
                    references=refs,
                    budget=words or len(refs[0].split()),
                )
            )
    return out


def truncate(text: str, budget: int) -> str:
    """The first ``budget`` words of ``text`` (the pipeline's own cap)."""
    return "".join(cap_words(iter([text]), budget)).strip()


def lead(article: Article) -> str:
    """The first sentences of the cleaned article, cut at the budget."""
    sentences = split_sentences(article.text)
    return truncate(" ".join(s.text for s in sentences), article.budget)


def first_sentence(article: Article) -> str:
    """Only the first sentence of the cleaned article, cut at the budget (lead without padding)."""
    sentences = split_sentences(article.text)
    return truncate(sentences[0].text, article.budget) if sentences else ""


def document(article: Article, use_title: bool = True) -> Document:
    """The cleaned article as the engine gets it."""
    sentences = tuple(split_sentences(article.text))
    title = article.title if use_title else None
    return Document(article.text, detect_lang(article.text), sentences, title)


def engine_system(weights: Weights, use_title: bool) -> System:
    """The heuristic ranker asked for ``max_words = budget`` (filled with whole sentences)."""
    engine = ExtractiveEngine(weights, ranker="heuristic")

    def run(article: Article) -> str:
        doc = document(article, use_title)
        fragments = engine.summarize(doc, Length(max_words=article.budget), doc.lang)
        return "".join(cap_words(fragments, article.budget)).strip()

    return run


def _sumy_parts(method: str) -> tuple[Any, Any]:
    """A sumy summarizer for Arabic (stemmer and stop words) and a parser factory."""
    from sumy.nlp.stemmers import Stemmer  # type: ignore[import-untyped]
    from sumy.nlp.tokenizers import Tokenizer  # type: ignore[import-untyped]
    from sumy.parsers.plaintext import PlaintextParser  # type: ignore[import-untyped]
    from sumy.summarizers.lex_rank import LexRankSummarizer  # type: ignore[import-untyped]
    from sumy.summarizers.lsa import LsaSummarizer  # type: ignore[import-untyped]
    from sumy.summarizers.luhn import LuhnSummarizer  # type: ignore[import-untyped]
    from sumy.summarizers.text_rank import TextRankSummarizer  # type: ignore[import-untyped]
    from sumy.utils import get_stop_words  # type: ignore[import-untyped]

    classes = {
        "LexRank": LexRankSummarizer,
        "TextRank": TextRankSummarizer,
        "Luhn": LuhnSummarizer,
        "LSA": LsaSummarizer,
    }
    summarizer = classes[method](Stemmer("arabic"))
    summarizer.stop_words = get_stop_words("arabic")
    tokenizer = Tokenizer("arabic")
    return summarizer, lambda text: PlaintextParser.from_string(text, tokenizer).document


def sumy_system(method: str) -> System:
    """sumy's ``method``, taking best-rated sentences until the budget is filled."""
    summarizer, parse = _sumy_parts(method)

    def run(article: Article) -> str:
        def fill(ranked: Sequence[Any]) -> list[Any]:
            taken, n = [], 0
            for info in ranked:
                if n >= article.budget:
                    break
                taken.append(info)
                n += len(str(info.sentence).split())
            return taken

        chosen = summarizer(parse(article.text), fill)
        return truncate(" ".join(str(s) for s in chosen), article.budget)

    return run


def score_all(
    system: System, articles: Iterable[Article]
) -> list[tuple[float, float, float, float]]:
    """Per-article (R1, R2, RL) F1 of ``system``, and its output's length in words."""
    out = []
    for a in articles:
        summary = system(a)
        r = rouge_max(summary, a.references)
        scores = (r["rouge1"].fmeasure, r["rouge2"].fmeasure, r["rougeL"].fmeasure)
        out.append((*scores, float(len(summary.split()))))
    return out


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean (0 for nothing)."""
    return sum(values) / len(values) if values else 0.0


def bootstrap_diff(
    a: Sequence[float], b: Sequence[float], rounds: int, seed: int
) -> tuple[float, float]:
    """Paired bootstrap 95% interval of mean(a) - mean(b)."""
    rng = random.Random(seed)
    n = len(a)
    diffs = sorted(
        mean([a[i] - b[i] for i in (rng.randrange(n) for _ in range(n))]) for _ in range(rounds)
    )
    return diffs[int(0.025 * rounds)], diffs[int(0.975 * rounds) - 1]


def speed(name: str, articles: Sequence[Article]) -> float:
    """Articles per second summarising raw text to 3 sentences, preparation included."""
    if name.startswith("extractive"):
        engine = ExtractiveEngine()

        def run(raw: str) -> None:
            text = clean_article(raw).text
            doc = Document(text, detect_lang(text), tuple(split_sentences(text)))
            "".join(engine.summarize(doc, Length(sentences=SPEED_SENTENCES), doc.lang))

    elif name == "lead":

        def run(raw: str) -> None:
            text = clean_article(raw).text
            " ".join(s.text for s in split_sentences(text)[:SPEED_SENTENCES])

    else:
        summarizer, parse = _sumy_parts(name.removeprefix("sumy "))

        def run(raw: str) -> None:
            summarizer(parse(clean_article(raw).text), SPEED_SENTENCES)

    start = time.perf_counter()
    for a in articles:
        run(a.raw)
    return len(articles) / (time.perf_counter() - start)


def report(args: argparse.Namespace, articles: list[Article]) -> None:
    """Print the Markdown comparison tables."""
    systems: dict[str, System] = {
        "lead": lead,
        "first sentence": first_sentence,
        "extractive (title)": engine_system(Weights(), use_title=True),
        "extractive (no title)": engine_system(Weights(), use_title=False),
        # Ablation: centrality and title alone, to compare the ranking with sumy's.
        "extractive (no position)": engine_system(Weights(position=0.0), use_title=True),
    }
    if not args.no_sumy:
        systems.update({f"sumy {m}": sumy_system(m) for m in SUMY_METHODS})
    scores = {name: score_all(system, articles) for name, system in systems.items()}
    timed = [name for name in systems if name in ("lead", "extractive (title)") or "sumy" in name]
    rates = {name: speed(name, articles) for name in timed}
    halves = {
        "tuning half (even rows)": [i for i, a in enumerate(articles) if a.row % 2 == 0],
        "held-out half (odd rows)": [i for i, a in enumerate(articles) if a.row % 2 == 1],
        "all": list(range(len(articles))),
    }
    for label, idx in halves.items():
        print(f"\n### {label}: {len(idx)} articles\n")
        budget = mean([float(articles[i].budget) for i in idx])
        print(f"Budget: {budget:.1f} words on average (the references' length).\n")
        print("| system | R1 | R2 | RL | R2 − lead (95% CI) | words | articles/s |")
        print("| --- | ---: | ---: | ---: | --- | ---: | ---: |")
        base = [scores["lead"][i][1] for i in idx]
        for name, per in scores.items():
            r1, r2, rl = (100 * mean([per[i][k] for i in idx]) for k in range(3))
            n_words = mean([per[i][3] for i in idx])
            diff = "—"
            if name != "lead":
                mine = [per[i][1] for i in idx]
                lo, hi = bootstrap_diff(mine, base, args.bootstrap, args.seed)
                delta = 100 * (mean(mine) - mean(base))
                diff = f"{delta:+.2f} ({100 * lo:+.2f}, {100 * hi:+.2f})"
            rate = f"{rates[name]:.0f}" if name in rates else "—"
            row = f"| {name} | {r1:.2f} | {r2:.2f} | {rl:.2f} | {diff} | {n_words:.1f} | {rate} |"
            print(row)
    flags = " ".join(sys.argv[1:]) or f"--data {args.data}"
    print(f"\nReproduce (from the repository root): python scripts/compare_extractive.py {flags}")


# The grid searched by --tune; Weights() holds the values it chose on the tuning half.
GRID: dict[str, tuple[float, ...]] = {
    "position": (1.0, 2.0, 4.0),
    "title": (0.0, 0.5, 1.0),
    "position_decay": (0.5, 1.0),
    "fit_ratio": (0.7, 0.9, 1.01),
}


def tune(articles: list[Article]) -> None:
    """Grid search on the tuning half only; prints each setting's mean ROUGE-2, best last."""
    half = [a for a in articles if a.row % 2 == 0]
    results = []
    for values in itertools.product(*GRID.values()):
        chosen: dict[str, Any] = dict(zip(GRID, values, strict=True))
        weights = replace(Weights(), **chosen)
        r2 = mean([s[1] for s in score_all(engine_system(weights, use_title=True), half)])
        results.append((r2, values))
    results.sort()
    for r2, values in results[-10:]:
        print(
            f"R2 {100 * r2:.2f}  "
            + ", ".join(f"{k}={v}" for k, v in zip(GRID, values, strict=True))
        )


def main(argv: list[str] | None = None) -> int:
    """Parse options and run the comparison (or the tuning grid)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL dev set")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--no-sumy", action="store_true", help="skip the sumy systems")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed")
    parser.add_argument("--tune", action="store_true", help="grid search on the tuning half")
    parser.add_argument(
        "--words", type=int, default=None, help="a fixed budget in words, not the reference's"
    )
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data} (run from the repository root)", file=sys.stderr)
        return 2
    articles = load(args.data, args.words)[: args.limit]
    if args.tune:
        tune(articles)

    else:
        report(args, articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
