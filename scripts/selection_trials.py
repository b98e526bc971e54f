"""Selection variants tried to beat lead-N at ``--max-words`` (issue 19 §3); none shipped.

Runs on the TUNING half only (even rows) of a JSONL set (``text``, ``references``, optional
``title``), cleaned as ``compare_extractive.py`` does. Every variant chooses whole sentences
under the engine's rules (headings never, a dependent sentence only with its predecessor, a
lone sentence over the budget cut as the engine cuts it); ROUGE-2 F1 (default scorer) against
lead-N (N = the reference's length), against the shipped ``ranking.select`` and against lead
cut at the variant's own words out, as paired bootstrap 95% intervals. A sentence's value is
the shipped model's probability times its words (expected matched bigrams). The variants
(exact knapsack, value per word, refitted features, ranked candidate sets, oracles) and what
they showed: docs/benchmarks.md, "Beating lead-N on news, second attempt".

    python scripts/selection_trials.py --data /tmp/multi.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from compare_extractive import document, load, truncate

from summarize.engines.extractive.engine import ExtractiveEngine, cut
from summarize.engines.extractive.features import sentence_features
from summarize.engines.extractive.learned import shipped_model
from summarize.engines.extractive.ranking import Scored, Weights, cosine, select, signals
from summarize.evaluate.rouge import rouge_max, rouge_tokens

FLOOR = 0.85
Pick = Callable[["Item"], list[int]]


@dataclass
class Item:
    """One article with what the variants need."""

    texts: list[str]
    scored: list[Scored]
    features: list[list[float]]
    tokens: list[list[str]]
    references: tuple[str, ...]
    title: str
    budget: int
    lead: float  # lead-N's R2
    first_text: str  # the article's sentences joined (for lead at any length)
    extra: list[list[float]] = field(default_factory=list)


def prepare(path: Path) -> list[Item]:
    """The tuning half (even rows) of ``path``, scored by the shipped engine."""
    engine = ExtractiveEngine()
    items = []
    for article in load(path):
        if article.row % 2:
            continue
        doc = document(article)
        units = engine.units(doc)
        if not units:
            continue
        joined = " ".join(s.text for s in doc.sentences)
        items.append(
            Item(
                [u.text for u in units],
                engine.score(units, doc),
                sentence_features(units, signals(units, doc.lang, doc.title)),
                [rouge_tokens(u.text) for u in units],
                article.references,
                article.title,
                article.budget,
                r2(truncate(joined, article.budget), article.references),
                joined,
            )
        )
    return items


def r2(text: str, references: Sequence[str]) -> float:
    return rouge_max(text, references)["rouge2"].fmeasure


def summary(item: Item, picked: Sequence[int]) -> str:
    """The engine's output for these sentences (a lone one over the budget is cut)."""
    left, out = item.budget, []
    for i in sorted(picked):
        text = " ".join(item.texts[i].split())
        if left <= 0:
            break
        text = cut(text, left)
        left -= len(text.split())
        out.append(text)
    return " ".join(out)


def bigrams(tokens: Sequence[str]) -> Counter[tuple[str, str]]:
    return Counter(itertools.pairwise(tokens))


def shipped(item: Item) -> list[int]:
    return select(item.scored, None, item.budget, Weights())


def lone(item: Item) -> list[int] | None:
    """The shipped choice when it is a lone sentence over the budget (kept by all variants)."""
    picked = shipped(item)
    return picked if len(picked) == 1 and item.scored[picked[0]].n_words > item.budget else None


def first_pick(item: Item) -> int | None:
    """The shipped greedy's first pick: the best-scored free sentence that fits."""
    free = [
        s for s in item.scored if not s.heading and s.after is None and s.n_words <= item.budget
    ]
    return max(free, key=lambda s: s.score).index if free else None


def knapsack(
    item: Item,
    value: Sequence[float],
    dilute: float | None,
    floor: float = FLOOR,
    anchored: bool = True,
    filled: bool = False,
) -> list[int]:
    """Exact DP in article order: best value per (words used, previous sentence chosen)."""
    n_max, anchor = item.budget, first_pick(item) if anchored else None
    states: dict[tuple[int, bool], tuple[float, tuple[int, ...]]] = {(0, False): (0.0, ())}
    for s in item.scored:
        if s.heading:
            continue
        new: dict[tuple[int, bool], tuple[float, tuple[int, ...]]] = {}
        for (used, previous), (total, picks) in states.items():
            options = [] if s.index == anchor else [((used, False), (total, picks))]
            if (s.after is None or previous) and used + s.n_words <= n_max:
                options.append(
                    ((used + s.n_words, True), (total + value[s.index], (*picks, s.index)))
                )
            for key, state in options:
                if key not in new or new[key][0] < state[0]:
                    new[key] = state
        states = new
    sets = [(used, total, picks) for (used, _), (total, picks) in states.items() if picks]
    if not sets:
        return shipped(item)
    need = min(math.ceil(floor * n_max), max(used for used, _, _ in sets))
    kept = [t for t in sets if t[0] >= need and not (filled and _room_left(item, t[2]))]
    if not kept:
        return shipped(item)
    best = max(kept, key=lambda t: t[1] if dilute is None else t[1] / (t[0] + dilute * n_max))
    return list(best[2])


def _room_left(item: Item, picks: Sequence[int]) -> bool:
    """Another sentence could still join ``picks`` within the budget."""
    room = item.budget - sum(item.scored[i].n_words for i in picks)
    chosen = set(picks)
    return any(
        s.index not in chosen and not s.heading and s.n_words <= room and s.after in (None, *chosen)
        for s in item.scored
    )


def model_value(item: Item) -> list[float]:
    model = shipped_model()
    return [
        model.probability(f) * s.n_words for f, s in zip(item.features, item.scored, strict=True)
    ]


def true_value(item: Item) -> list[float]:
    reference = bigrams(rouge_tokens(item.references[0]))
    return [float(sum((bigrams(t) & reference).values())) for t in item.tokens]


def extra_features(item: Item) -> list[list[float]]:
    """The shipped features plus the ones the ranker lacks (see the module docstring)."""
    title = rouge_tokens(item.title) if item.title else []
    title_bigrams, title_words = set(itertools.pairwise(title)), set(title)
    first = set(itertools.pairwise(item.tokens[0]))
    df = Counter(t for ts in item.tokens for t in set(ts))
    tf = Counter(t for ts in item.tokens for t in ts)
    common = max(2, 0.5 * len(item.tokens))
    top = sorted((t for t in tf if len(t) > 3 and df[t] < common), key=lambda t: -tf[t])
    keywords, model = set(top[:10]), shipped_model()
    rows = []
    for i, (tokens, row) in enumerate(zip(item.tokens, item.features, strict=True)):
        pairs = list(itertools.pairwise(tokens))
        n = max(1, len(pairs))
        rows.append(
            [
                *row,
                sum(p in title_bigrams for p in pairs) / n,
                sum(t in title_words for t in tokens) / max(1, len(tokens)),
                sum(p in first for p in pairs) / n if i else 1.0,
                len(set(tokens) & keywords) / 10,
                item.scored[i].n_words / 50,
                model.logit(row),
            ]
        )
    return rows


def labels(item: Item, marginal: bool) -> list[tuple[float, float]]:
    """(share of a sentence's bigrams in the reference, its bigrams) for each sentence."""
    reference = bigrams(rouge_tokens(item.references[0]))
    anchor = first_pick(item)
    if marginal and anchor is not None:
        reference = reference - bigrams(item.tokens[anchor])
    out = []
    for tokens in item.tokens:
        own = bigrams(tokens)
        size = max(1, sum(own.values()))
        out.append((sum((own & reference).values()) / size, float(size)))
    return out


def logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 10.0) -> np.ndarray:
    """L2 logistic regression with soft targets by Newton's method (bias last, unpenalised)."""
    design = np.hstack([x, np.ones((len(x), 1))])
    beta, penalty = np.zeros(design.shape[1]), np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-design @ beta))
        grad = design.T @ (w * (p - y)) + penalty * beta
        hess = (design * (w * p * (1 - p))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def refit_values(items: Sequence[Item], marginal: bool) -> dict[int, list[float]]:
    """Two-fold predicted value (probability × words) of every sentence, by article."""
    rows, ys, ws, owner = [], [], [], []
    for k, item in enumerate(items):
        for row, (y, w) in zip(extra_features(item), labels(item, marginal), strict=True):
            rows.append(row)
            ys.append(y)
            ws.append(w)
            owner.append(k)
    x, y, w, own = np.array(rows), np.array(ys), np.array(ws), np.array(owner)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - x.mean(axis=0)) / scale
    predicted = np.zeros(len(y))
    for fold in (0, 1):
        train = own % 2 != fold
        beta = logistic(z[train], y[train], w[train])
        test = ~train
        predicted[test] = 1 / (1 + np.exp(-(np.hstack([z[test], np.ones((test.sum(), 1))]) @ beta)))
    return {
        k: [float(p) * s.n_words for p, s in zip(predicted[own == k], item.scored, strict=True)]
        for k, item in enumerate(items)
    }


def set_ranker(items: Sequence[Item]) -> dict[int, list[int]]:
    """Two-fold ridge regression over the knapsack's candidate sets (see the docstring)."""
    cases: dict[int, tuple[list[list[int]], np.ndarray, np.ndarray]] = {}
    for k, item in enumerate(items):
        if lone(item):
            continue
        value = model_value(item)
        free = knapsack(item, value, None, floor=FLOOR, anchored=False)
        candidates = [free, *_all_sets(item, value)]
        unique = [list(c) for c in dict.fromkeys(tuple(c) for c in candidates)]
        feats = np.array([_set_features(item, c, value) for c in unique])
        truth = np.array([r2(summary(item, c), item.references) for c in unique])
        cases[k] = (unique, feats, truth)
    chosen = {}
    for fold in (0, 1):
        xs, ys = [], []
        for k, (_, f, t) in cases.items():
            if k % 2 != fold and len(t) > 1:
                xs.append(f - f.mean(axis=0))
                ys.append(t - t.mean())
        x, y = np.vstack(xs), np.concatenate(ys)
        scale = x.std(axis=0)
        scale[scale == 0] = 1.0
        beta = np.linalg.solve((x / scale).T @ (x / scale) + np.eye(x.shape[1]), (x / scale).T @ y)
        for k, (sets, f, _) in cases.items():
            if k % 2 == fold:
                chosen[k] = sets[int(np.argmax(f @ (beta / scale)))]
    return chosen


def _all_sets(item: Item, value: Sequence[float]) -> list[list[int]]:
    """The best set for each word count at or above the floor (free first pick)."""
    out = []
    for used in range(math.ceil(FLOOR * item.budget), item.budget + 1):
        exact = Item(**{**item.__dict__, "budget": used})
        picked = knapsack(exact, value, None, floor=1.0, anchored=False)
        if sum(item.scored[i].n_words for i in picked) == used:
            out.append(picked)
    return out


def _set_features(item: Item, picked: Sequence[int], value: Sequence[float]) -> list[float]:
    s, n = item.scored, item.budget
    words = sum(s[i].n_words for i in picked)
    pairs = [cosine(s[a].vector, s[b].vector) for a, b in itertools.combinations(picked, 2)]
    return [
        sum(value[i] for i in picked) / (words + n),
        words / n,
        float(0 in picked),
        len(picked),
        sum(1 / (1 + i) for i in picked),
        max(pairs, default=0.0),
        sum(pairs) / max(1, len(pairs)),
        sum(item.features[i][8] * s[i].n_words for i in picked) / n,  # title
        sum(item.features[i][7] * s[i].n_words for i in picked) / n,  # centrality
        sum(s[i].score for i in picked) / len(picked),
        max(picked) / len(s),
    ]


def interval(diffs: Sequence[float], rounds: int, seed: int) -> str:
    rng, n = random.Random(seed), len(diffs)
    means = sorted(sum(diffs[rng.randrange(n)] for _ in range(n)) / n for _ in range(rounds))
    mean = sum(diffs) / n
    lo, hi = means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]
    return f"{100 * mean:+.2f} ({100 * lo:+.2f}, {100 * hi:+.2f})"


def report(
    name: str, items: Sequence[Item], pick: Pick, base: list[float], args: argparse.Namespace
) -> None:
    """One Markdown row: R2 − lead-N, − shipped, − lead at own length, words out / asked."""
    mine, own, words = [], [], []
    for item in items:
        text = summary(item, lone(item) or pick(item))
        size = len(text.split())
        mine.append(r2(text, item.references))
        own.append(r2(truncate(item.first_text, size), item.references))
        words.append(size)
    lead = [m - i.lead for m, i in zip(mine, items, strict=True)]
    versus = [m - b for m, b in zip(mine, base, strict=True)]
    matched = [m - o for m, o in zip(mine, own, strict=True)]
    asked = sum(i.budget for i in items) / len(items)
    print(
        f"| {name} | {interval(lead, args.bootstrap, args.seed)} "
        f"| {interval(versus, args.bootstrap, args.seed)} "
        f"| {interval(matched, args.bootstrap, args.seed)} "
        f"| {sum(words) / len(words):.1f} / {asked:.1f} |",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="JSONL set (even rows used)")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed")
    parser.add_argument("--quick", action="store_true", help="knapsack variants only")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    items = prepare(args.data)
    index = {id(item): k for k, item in enumerate(items)}
    base = [r2(summary(i, shipped(i)), i.references) for i in items]
    value = {id(i): model_value(i) for i in items}
    truth = {id(i): true_value(i) for i in items}
    variants: list[tuple[str, Pick]] = [
        ("shipped (greedy MMR + top-up)", shipped),
        ("knapsack, most value", lambda i: knapsack(i, value[id(i)], None)),
        ("knapsack, value/(L+N)", lambda i: knapsack(i, value[id(i)], 1.0)),
        ("knapsack, value/(L+N), filled", lambda i: knapsack(i, value[id(i)], 1.0, filled=True)),
        ("knapsack, value/(L+N), no floor", lambda i: knapsack(i, value[id(i)], 1.0, floor=0.0)),
        ("oracle knapsack, first pick kept", lambda i: knapsack(i, truth[id(i)], 1.0)),
        ("oracle knapsack", lambda i: knapsack(i, truth[id(i)], 1.0, anchored=False)),
        ("oracle knapsack, no floor", lambda i: knapsack(i, truth[id(i)], 1.0, 0.0, False)),
    ]
    if not args.quick:
        for marginal in (False, True):
            refit = refit_values(items, marginal)
            label = "marginal" if marginal else "pointwise"
            variants.append(
                (
                    f"features refitted ({label}), value/(L+N)",
                    lambda i, r=refit: knapsack(i, r[index[id(i)]], 1.0),
                ),
            )
        sets = set_ranker(items)
        variants.append(("sets ranked", lambda i: sets.get(index[id(i)]) or shipped(i)))
    print(f"{args.data.name}, tuning half: {len(items)} articles\n")
    print("| variant | R2 − lead-N | − shipped | − lead at own length | words out / asked |")
    print("| --- | --- | --- | --- | ---: |")
    for name, pick in variants:
        report(name, items, pick, base, args)
    print(f"\npython scripts/selection_trials.py {' '.join(sys.argv[1:])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
