"""Pure text processing: normalisation, cleaning, sentences, chunking, script detection, terms.

Nothing in this package imports a model library.
"""
