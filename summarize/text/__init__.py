"""Pure text processing: normalisation, cleaning, sentences, chunking, script detection, terms,
and the layout of text in terminal rows (whole words; bidi visual order).

Nothing in this package imports a model library.
"""
