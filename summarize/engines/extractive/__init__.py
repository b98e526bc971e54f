"""The embedded extractive engine: ranks an article's sentences and keeps the best, in order.

Pure Python, no model download: a small logistic regression (its weights ship as data) over
position, layout, centrality and title overlap, with redundancy removed; the earlier hand-set
ranker stays available as ``ranker="heuristic"`` (``--engine extractive-heuristic``).
"""

from summarize.engines.extractive.engine import ExtractiveEngine
from summarize.engines.extractive.ranking import Weights

__all__ = ["ExtractiveEngine", "Weights"]
