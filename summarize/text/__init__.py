"""Pure text processing: normalisation, cleaning, sentences, chunking, script detection.

Nothing in this package imports a model library.
"""
