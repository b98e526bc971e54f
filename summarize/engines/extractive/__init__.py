"""The embedded extractive engine: ranks an article's sentences and keeps the best, in order.

Pure Python, no model download: the default ranker is hand-set (position, layout, centrality
and title overlap), with redundancy removed; a small logistic regression (its weights ship as
data) blended with it is available as ``ranker="learned"`` (``--engine extractive-learned``).
"""

from summarize.engines.extractive.engine import ExtractiveEngine
from summarize.engines.extractive.ranking import Weights

__all__ = ["ExtractiveEngine", "Weights"]
