"""The embedded extractive engine: ranks an article's sentences and keeps the best, in order.

Pure Python, no model: position, centrality and title overlap, with redundancy removed.
"""

from summarize.engines.extractive.engine import ExtractiveEngine
from summarize.engines.extractive.ranking import Weights

__all__ = ["ExtractiveEngine", "Weights"]
