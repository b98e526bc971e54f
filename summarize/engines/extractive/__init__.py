"""The embedded extractive engine: ranks an article's sentences and keeps the best, in order.

Pure Python, no model download. The default ranker is a small logistic regression (its
weights ship as data) blended with a hand-set score (position, layout, centrality and title
overlap); the hand-set one alone is ``ranker="heuristic"`` (``--engine extractive-heuristic``).
Redundancy is removed, headings are skipped, and the output is whole sentences.
"""

from summarize.engines.extractive.engine import ExtractiveEngine
from summarize.engines.extractive.ranking import Weights

__all__ = ["ExtractiveEngine", "Weights"]
