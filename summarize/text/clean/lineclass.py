"""The learned line classifier: P(article body) for each body line of a pasted page.

A logistic regression over cheap, language-agnostic features of a line and of the lines
around it (:data:`FEATURES`). The weights are data (``summarize/data/line_classifier.json``)
written by ``scripts/train_line_classifier.py`` from real HTML pages rendered as a browser's
select-all copies them, each line labelled by whether trafilatura keeps it; docs/benchmarks.md
(issue 20) says what it was trained on and how it compares with the rules. Pure Python: no
model library is imported.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from summarize.text.clean.boilerplate import ends_sentence, is_headline, word_total
from summarize.text.clean.lines import Line
from summarize.text.clean.vocabulary import support
from summarize.text.logistic import Logistic

MODEL_FILE = "line_classifier.json"

FEATURES = (
    "log_words",
    "paragraph",
    "ends_sentence",
    "headline_like",
    "digits",
    "inner_punctuation",
    "position",
    "mass_position",
    "in_stretch",
    "stretch_support",
    "neighbour_support",
    "prev2_words",
    "prev_words",
    "next_words",
    "next2_words",
    "near_paragraphs",
    "wide_paragraphs",
    "paragraph_distance",
    "separators",
    "link",
    "page_paragraphs",
)

_DIGIT = re.compile(r"\d")
_INNER = re.compile("[,،;؛]")
_SEPARATOR = re.compile(r"\s[|•·/»>]\s|^\s*[-–—•*·▪◦>»]")
_LINK = re.compile(r"https?:|www\.|@\w|\.com\b", re.I)
_NEAR = 3
_WIDE = 8
_NEIGHBOURS = 2


class LineModel(Logistic):
    """The line classifier: P(article body) of a line's feature row."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LineModel:
        """Read the JSON form; the feature list must match :data:`FEATURES`."""
        return cls(**Logistic.read(data, FEATURES, "the line classifier"))


@cache
def shipped_model() -> LineModel:
    """The model shipped in ``summarize/data``."""
    text = resources.files("summarize").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return LineModel.from_dict(json.loads(text))


def _shares(flags: Sequence[bool], width: int) -> list[float]:
    """For each line, the share of paragraphs among the other lines ``width`` either side."""
    n = len(flags)
    before = [0]
    for flag in flags:
        before.append(before[-1] + flag)
    out = []
    for k in range(n):
        lo, hi = max(0, k - width), min(n, k + width + 1)
        others = hi - lo - 1
        out.append((before[hi] - before[lo] - flags[k]) / others if others else 0.0)
    return out


def _distances(flags: Sequence[bool]) -> list[int]:
    """Lines from each line to the nearest paragraph (len(flags) when there is none)."""
    n = len(flags)
    out = [n] * n
    last = -n
    for k in range(n):
        last = k if flags[k] else last
        out[k] = k - last
    last = 2 * n
    for k in range(n - 1, -1, -1):
        last = k if flags[k] else last
        out[k] = min(out[k], last - k)
    return out


def line_features(
    texts: Sequence[Line], paragraph: Sequence[bool], stretch: tuple[int, int] | None
) -> list[list[float]]:
    """One feature row per line of ``texts`` (a page's body lines in order); ``paragraph``
    flags the paragraphs among them and ``stretch`` is the (first, last) index of the
    stretch of paragraphs with the most words, if any."""
    n = len(texts)
    sizes = [word_total(line.text) for line in texts]
    total = sum(sizes) or 1
    first, last = stretch if stretch is not None else (-1, -2)
    vocabulary = {w for line in texts[first : last + 1] for w in line.words}
    distance = _distances(paragraph)
    near_share, wide_share = _shares(paragraph, _NEAR), _shares(paragraph, _WIDE)
    sets = [set(line.words) for line in texts]
    page_paragraphs = sum(paragraph) / n if n else 0.0
    rows = []
    before = 0
    for k, line in enumerate(texts):
        text, size = line.text, sizes[k]
        near = set().union(*sets[max(0, k - _NEIGHBOURS) : k], *sets[k + 1 : k + _NEIGHBOURS + 1])
        rows.append([
            math.log1p(size),
            float(paragraph[k]),
            float(ends_sentence(text)),
            float(is_headline(text)),
            len(_DIGIT.findall(text)) / len(text),
            len(_INNER.findall(text)) / size,
            k / n,
            before / total,
            float(first <= k <= last),
            support(line.words, vocabulary) if vocabulary else 0.0,
            support(line.words, near) if line.words else 0.0,
            *(math.log1p(sizes[j]) if 0 <= j < n else 0.0 for j in (k - 2, k - 1, k + 1, k + 2)),
            near_share[k],
            wide_share[k],
            math.log1p(distance[k]),
            float(bool(_SEPARATOR.search(text))),
            float(bool(_LINK.search(text))),
            page_paragraphs,
        ])  # fmt: skip
        before += size
    return rows


def body_probabilities(
    texts: Sequence[Line],
    paragraph: Sequence[bool],
    stretch: tuple[int, int] | None,
    model: LineModel,
) -> list[float]:
    """P(article body) of each line of ``texts`` (arguments as :func:`line_features`)."""
    return [model.probability(row) for row in line_features(texts, paragraph, stretch)]
