"""Evaluation metrics for summaries (ROUGE with Arabic-aware tokenisation)."""

from summarize.metrics.rouge import RougeScore, rouge, rouge_tokens

__all__ = ["RougeScore", "rouge", "rouge_tokens"]
