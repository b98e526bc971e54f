"""Tiny random-weight models and generated text, for the test suite and the benchmarks.

Builders write Hugging Face folders (mT5, crossSum, NLLB, Marian) that the real converter
turns into CTranslate2 models; the corpus generates Arabic and English news-like lines.
Shipped with the package so tests and scripts share them; transformers, torch and
sentencepiece (the ``convert`` extra) are imported only when a builder runs.
"""
