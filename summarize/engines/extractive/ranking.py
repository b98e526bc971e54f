"""Sentence scoring and selection for the extractive engine.

Each sentence gets a score from three signals, scaled to [0, 1] within the article:

- position: news is written front-loaded, so earlier sentences are worth more;
- centrality: TF-IDF cosine between the sentence and the rest of the article (the centroid of
  the other sentences), on stemmed content words, IDF counted over the article's sentences;
- title: TF-IDF cosine with the headline, when there is one.

The sum is multiplied by a quality factor that demotes what is rarely summary material: very
short sentences, headline-like lines without final punctuation (inline "related article" links,
captions), sentences that are mostly quotation, and very long run-ons. Selection is greedy MMR
(score minus similarity to what is already chosen), skips near duplicates, and fills the
word budget with whole sentences that fit.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from summarize.text.normalize import word_count, words
from summarize.text.sentences import Sentence
from summarize.text.terms import content_terms, terms_of_words

Vector = dict[str, float]

# Final punctuation, possibly followed by closing quotes or brackets.
_FINAL = re.compile(r"[.!?؟…:]['\"”’»)\]]*$")
_QUOTED = re.compile(r"[\"“«][^\"”»]*[\"”»]")
# Below this share of a word budget, near duplicates are taken to fill it.
FILL_FLOOR = 0.85
# Sentences considered when refilling a budget that greedy choice left short.
_FILL_CANDIDATES = 40


@dataclass(frozen=True)
class Weights:
    """Hyper-parameters of the ranker (chosen on half of a dev set; see docs/benchmarks.md)."""

    position: float = 2.0
    centrality: float = 1.0
    title: float = 0.5
    position_decay: float = 1.0  # position prior is 1 / (1 + index) ** decay
    redundancy: float = 0.5  # MMR: weight of the similarity to already chosen sentences
    duplicate: float = 0.7  # cosine at or above which a sentence repeats a chosen one
    fit_ratio: float = 0.9  # a fitting first sentence must score this share of the best
    short_words: int = 6  # fewer words than this: too short to summarise anything
    long_words: int = 70  # more words than this: a run-on, usually a list or a quote
    headline_words: int = 14  # an unpunctuated line shorter than this is a headline/caption


@dataclass(frozen=True)
class Scored:
    """One sentence with what selection needs: its score, size and term vector."""

    index: int
    score: float
    n_words: int
    vector: Vector
    # Never chosen (a heading inside the body); see summarize.engines.extractive.structure.
    heading: bool = False
    # The sentence this one may only be chosen with (it opens with "كما", "وهي"...), if any.
    after: int | None = None
    # The learned model's P(in the summary), when a model scored it (used under word budgets).
    probability: float | None = None


def _tfidf(terms: Sequence[Sequence[str]]) -> tuple[list[Vector], dict[str, float]]:
    """L2-normalised TF-IDF vectors, IDF smoothed so a word in every sentence still counts."""
    n = len(terms)
    df = Counter(t for ts in terms for t in set(ts))
    idf = {t: math.log(1.0 + n / d) for t, d in df.items()}
    return [_normalise({t: c * idf[t] for t, c in Counter(ts).items()}) for ts in terms], idf


def _normalise(vec: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two vectors (inputs are unit length, or empty)."""
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _scaled(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def _centrality(vectors: list[Vector]) -> list[float]:
    """Cosine of each sentence with the sum of all the others.

    With ``T`` the sum of all (unit) vectors and ``d = v·T``, the cosine of ``v`` and
    ``T - v`` is ``(d - |v|²) / |T - v|`` and ``|T - v|² = |T|² - 2d + |v|²``: one pass over
    each sentence's terms instead of one over the whole vocabulary.
    """
    total: Vector = {}
    for vec in vectors:
        for t, v in vec.items():
            total[t] = total.get(t, 0.0) + v
    total_sq = sum(v * v for v in total.values())
    out = []
    for vec in vectors:
        if not vec:
            out.append(0.0)
            continue
        d = sum(v * total[t] for t, v in vec.items())
        rest_sq = total_sq - 2.0 * d + 1.0
        out.append((d - 1.0) / math.sqrt(rest_sq) if rest_sq > 1e-12 else 0.0)
    return out


def _quality(sentence: Sentence, n_words: int, whole_line: bool, w: Weights) -> float:
    """A factor in (0, 1] that demotes sentences that rarely make a summary."""
    q = 1.0
    if n_words < w.short_words:
        q *= 0.3
    if whole_line and n_words < w.headline_words and not _FINAL.search(sentence.text):
        q *= 0.3
    quoted = sum(len(m.group(0)) for m in _QUOTED.finditer(sentence.text))
    if quoted > 0.6 * len(sentence.text):
        q *= 0.6
    if n_words > w.long_words:
        q *= 0.8
    return q


@dataclass(frozen=True)
class Signals:
    """What the scorers share: each sentence's term vector, centrality and title similarity."""

    vectors: list[Vector]
    centrality: list[float]
    title: list[float]


def signals(sentences: Sequence[Sentence], lang: str, title: str | None) -> Signals:
    """TF-IDF vectors, centrality and title similarity (both scaled to [0, 1])."""
    folded = [words(s.text) for s in sentences]
    vocabulary = {word for ws in folded for word in ws}
    terms = [terms_of_words(ws, lang, vocabulary) for ws in folded]
    vectors, idf = _tfidf(terms)
    title_sim = [0.0] * len(sentences)
    if title:
        counts = Counter(content_terms(title, lang, vocabulary))
        title_vec = _normalise({t: c * idf.get(t, 0.0) for t, c in counts.items()})
        title_sim = _scaled([cosine(v, title_vec) for v in vectors])
    return Signals(vectors, _scaled(_centrality(vectors)), title_sim)


def score_sentences(
    sentences: Sequence[Sentence],
    lang: str,
    title: str | None,
    w: Weights,
    sig: Signals | None = None,
) -> list[Scored]:
    """Score every sentence of one article (see the module docstring); ``sig`` when the
    caller has already computed the article's :func:`signals`."""
    sig = sig or signals(sentences, lang, title)
    paragraphs = Counter(s.paragraph for s in sentences)
    out = []
    for i, s in enumerate(sentences):
        n_words = word_count(s.text)
        signal = (
            w.position / (1.0 + i) ** w.position_decay
            + w.centrality * sig.centrality[i]
            + w.title * sig.title[i]
        )
        quality = _quality(s, n_words, paragraphs[s.paragraph] == 1, w)
        out.append(Scored(i, signal * quality, n_words, sig.vectors[i]))
    return out


def select(
    scored: Sequence[Scored],
    max_sentences: int | None,
    max_words: int | None,
    w: Weights,
) -> list[int]:
    """Pick sentence indices by MMR within the budgets; returned in article order.

    A word budget is a quota to fill, not only a ceiling: whole sentences are added while any
    fits, so the summary comes as close to ``max_words`` as whole sentences allow. A sentence
    count is met exactly when the article has that many sentences (near duplicates are only
    taken when nothing else is left). When the best sentence alone is over ``max_words`` and
    no fitting one scores ``fit_ratio`` of it, the best is taken alone (the engine cuts it).
    Headings are never taken (unless the article is nothing else), and a sentence with an
    ``after`` only once that sentence is chosen.

    Greedy MMR costs O(n·k) similarity computations for n sentences and k picks: each
    candidate's maximum similarity to the chosen set is updated once per pick.
    """
    pool = [s for s in scored if not s.heading] or [replace(s, heading=False) for s in scored]
    free = [s for s in pool if s.after is None]
    if not free:
        return []
    alone = lone(free, max_words, w)
    if alone is not None:
        return [alone]
    chosen = _greedy(pool, max_sentences, max_words, w, w.duplicate)
    short = max_sentences is not None and len(chosen) < max_sentences
    if short or (max_words is not None and _words(chosen) < FILL_FLOOR * max_words):
        # Only near duplicates are left: take them rather than fall short of the length.
        chosen = _greedy(pool, max_sentences, max_words, w, math.inf)
    if max_words is not None and max_sentences is None:
        chosen = _top_up(chosen, pool, max_words)
    return sorted(c.index for c in chosen)


def lone(free: Sequence[Scored], max_words: int | None, w: Weights) -> int | None:
    """The best sentence when it is over ``max_words`` and no fitting one scores nearly as well.

    ``free`` are the sentences that may start a summary (no heading, no predecessor needed).
    """
    best = max(free, key=lambda s: s.score, default=None)
    if best is None or max_words is None or best.n_words <= max_words:
        return None
    fitting = [s for s in free if s.n_words <= max_words]
    runner = max(fitting, key=lambda s: s.score, default=None)
    if runner is None or runner.score < w.fit_ratio * best.score:
        return best.index
    return None


def _top_up(chosen: list[Scored], scored: Sequence[Scored], max_words: int) -> list[Scored]:
    """Refill the budget when greedy choice left it less than 85% full.

    Greedy choice by score can leave a gap no remaining sentence fits. The first pick (the
    best sentence) stays; the rest of the budget is then filled by a subset-sum over the
    ``_FILL_CANDIDATES`` best-scored other sentences: of the subsets that bring the summary
    to 85% of the budget without going over, the one with the highest total score; when none
    reaches 85%, the one that uses the most words. O(candidates × budget).
    """
    if not chosen or _words(chosen) >= FILL_FLOOR * max_words:
        return chosen
    first = chosen[0]
    gap = max_words - first.n_words
    # A dependent sentence can join only when what it needs is the kept first pick.
    eligible = (s for s in scored if s.index != first.index and s.after in (None, first.index))
    pool = sorted(eligible, key=lambda s: -s.score)
    # best[w]: (total score, sentences) of the best subset using exactly w words.
    best: dict[int, tuple[float, tuple[Scored, ...]]] = {0: (0.0, ())}
    for cand in pool[:_FILL_CANDIDATES]:
        for used, (value, items) in list(best.items()):
            total = used + cand.n_words
            if total <= gap and best.get(total, (-math.inf, ()))[0] < value + cand.score:
                best[total] = (value + cand.score, (*items, cand))
    floor = math.ceil(FILL_FLOOR * max_words) - first.n_words
    full = [w for w in best if w >= floor]
    pick = max(full, key=lambda w: best[w][0]) if full else max(best)
    filled = [first, *best[pick][1]]
    return filled if _words(filled) > _words(chosen) else chosen


def _words(chosen: Sequence[Scored]) -> int:
    return sum(c.n_words for c in chosen)


def _greedy(
    scored: Sequence[Scored],
    max_sentences: int | None,
    max_words: int | None,
    w: Weights,
    duplicate: float,
) -> list[Scored]:
    """Greedy MMR: the best ``score - redundancy * max similarity`` that fits, repeatedly."""
    chosen: list[Scored] = []
    left = max_words
    pool = {s.index: s for s in scored}
    overlap = dict.fromkeys(pool, 0.0)  # each candidate's max similarity to the chosen set
    while pool and (max_sentences is None or len(chosen) < max_sentences):
        pick = _best(pool, overlap, left, w, duplicate)
        if pick is None:
            break
        chosen.append(pick)
        del pool[pick.index]
        if left is not None:
            left -= pick.n_words
        for i, cand in pool.items():
            overlap[i] = max(overlap[i], cosine(cand.vector, pick.vector))
    return chosen


def _best(
    pool: dict[int, Scored],
    overlap: dict[int, float],
    left: int | None,
    w: Weights,
    duplicate: float,
) -> Scored | None:
    """The candidate with the best MMR value that fits, is no duplicate and can join now."""
    pick, pick_value = None, -math.inf
    for i, cand in pool.items():
        if (left is not None and cand.n_words > left) or overlap[i] >= duplicate:
            continue
        if cand.after is not None and cand.after in pool:
            continue  # what it refers back to is not chosen (yet)
        value = cand.score - w.redundancy * overlap[i]
        if value > pick_value:
            pick, pick_value = cand, value
    return pick
