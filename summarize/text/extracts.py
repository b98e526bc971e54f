"""Is a summary made of whole sentences of its article? The test of a faithful extract.

An extractive summary may be either

* whole sentences of the article (as :func:`~summarize.text.sentences.split_sentences` cuts
  it), in article order, separated by single spaces; or
* the first words of one sentence, ending with ``…`` (a sentence longer than the budget).

Anything else joins a piece of one sentence to another, and may say what the article does
not. White space is compared collapsed (a hard-wrapped sentence is output on one line).
Benchmarks count the share of outputs that fail :func:`is_extract`.
"""

from __future__ import annotations

from functools import cache

from summarize.text.sentences import split_sentences

ELLIPSIS = "…"
# What a cut may strip from the end of its last word before adding the ellipsis.
_CUT_STRIP = "،,؛;:"


def _collapse(text: str) -> str:
    return " ".join(text.split())


def is_sentence_head(summary: str, sentence: str) -> bool:
    """Whether ``summary`` is the first words of ``sentence`` ending with ``…``."""
    if not summary.endswith(ELLIPSIS):
        return False
    head = summary[: -len(ELLIPSIS)].split()
    words = sentence.split()
    if not head or len(head) > len(words):
        return False
    last = len(head) - 1
    return words[:last] == head[:last] and words[last].rstrip(_CUT_STRIP) == head[last]


def is_extract(summary: str, article: str) -> bool:
    """Whether ``summary`` is whole sentences of ``article`` in order, or one sentence's head."""
    out = _collapse(summary)
    sentences = [_collapse(s.text) for s in split_sentences(article)]
    if not out:
        return True
    if any(is_sentence_head(out, s) for s in sentences):
        return True

    @cache
    def match(pos: int, first: int) -> bool:
        if pos == len(out):
            return True
        for k in range(first, len(sentences)):
            end = pos + len(sentences[k])
            fits = out.startswith(sentences[k], pos) and (end == len(out) or out[end] == " ")
            if fits and match(min(end + 1, len(out)), k + 1):
                return True
        return False

    return match(0, 0)
