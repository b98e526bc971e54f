"""Summarize and translate Arabic news articles.

The public API is small: :func:`summarize_text` runs the whole pipeline on one
article and returns a :class:`Result`; engines and options live in their modules.
"""

from summarize.pipeline import Result, SummaryOptions, summarize_text

__version__ = "0.1.0"

__all__ = ["Result", "SummaryOptions", "__version__", "summarize_text"]
