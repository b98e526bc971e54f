"""Neural engines on CTranslate2: quantized mT5 / NLLB / Marian models, batched and streamed.

The only package that imports ctranslate2 and sentencepiece, and only inside functions.
"""

from summarize.engines.neural.engine import (
    DecodePlan,
    NeuralSummarizer,
    NeuralTranslator,
    SummarizeThenTranslate,
)
from summarize.engines.neural.model import NeuralModel

__all__ = [
    "DecodePlan",
    "NeuralModel",
    "NeuralSummarizer",
    "NeuralTranslator",
    "SummarizeThenTranslate",
]
