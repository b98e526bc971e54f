"""SentencePiece tokenisation with each family's special tokens, and streaming detokenisation.

Uses sentencepiece directly (no transformers at run time, so start-up stays fast). Text is
passed to CTranslate2 as piece strings, so the model's own vocabulary maps them to ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from summarize.engines.neural.layout import Layout

# A decoded prefix ending in this is an incomplete UTF-8 sequence (byte-fallback pieces).
_INCOMPLETE = "\ufffd"
_WORD = "\u2581"


def _load(path: str) -> Any:
    import sentencepiece

    return sentencepiece.SentencePieceProcessor(model_file=path)


def squeeze(text: str) -> str:
    """``text`` with runs of white space folded to one space and the ends trimmed.

    The transformers tokenizers disagree with plain SentencePiece on repeated white space;
    on squeezed text both give the same pieces.
    """
    return " ".join(text.split())


class SentencePieceTokenizer:
    """Turns text into the source tokens of one model, and output tokens back into text."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._source = _load(str(layout.source_model))
        same = layout.target_model == layout.source_model
        self._target = self._source if same else _load(str(layout.target_model))

    @property
    def special_count(self) -> int:
        """Special tokens added to every source sequence (they count against the budget)."""
        return self.layout.special_count

    def pieces(self, text: str) -> list[str]:
        """The SentencePiece pieces of ``text`` (no special tokens)."""
        pieces: list[str] = self._source.encode(squeeze(text), out_type=str)
        return pieces

    def target_pieces(self, text: str) -> list[str]:
        """The pieces of ``text`` as the output side spells it (Marian's target model)."""
        pieces: list[str] = self._target.encode(squeeze(text), out_type=str)
        return pieces

    def count(self, text: str) -> int:
        """How many pieces ``text`` is, as the model will see it (without special tokens)."""
        return len(self.pieces(text))

    def encode(self, text: str, src_lang: str) -> list[str]:
        """The full source sequence for ``text``: special tokens and pieces."""
        return self.layout.source_tokens(self.pieces(text), src_lang)

    def target_prefix(self, tgt_lang: str) -> list[str] | None:
        """Tokens to force at the start of the output (dropped again from the result)."""
        return self.layout.target_prefix(tgt_lang)

    def text_tokens(self, tokens: Iterable[str]) -> list[str]:
        """``tokens`` without the special ones (EOS, padding, language codes, sentinels)."""
        return [t for t in tokens if not self.layout.is_special(t)]

    def decode(self, tokens: Iterable[str]) -> str:
        """The text of output ``tokens`` (special tokens dropped)."""
        text: str = self._target.decode_pieces(self.text_tokens(tokens))
        # A piece the target model lacks (Marian's shared vocabulary holds source pieces
        # too) comes back verbatim; show its word boundary as a space, as transformers does.
        return text.replace(_WORD, " ")

    def stream_decoder(self) -> StreamDecoder:
        """A decoder that turns output tokens into text as they arrive."""
        return StreamDecoder(self)


class StreamDecoder:
    """Incremental detokeniser: fragments whose concatenation equals :meth:`decode`.

    SentencePiece drops the "▁" of the first word and may need several byte pieces for one
    character, so each new token's text is found by decoding everything so far and handing
    out what is new; text is held back while it ends in an incomplete character.
    """

    def __init__(self, tokenizer: SentencePieceTokenizer) -> None:
        self._tokenizer = tokenizer
        self._tokens: list[str] = []
        self._sent = ""

    def push(self, token: str) -> str:
        """Add one output token; return the text it completes (possibly empty)."""
        if self._tokenizer.layout.is_special(token):
            return ""
        self._tokens.append(token)
        text = self._tokenizer.decode(self._tokens)
        if text.endswith(_INCOMPLETE) or not text.startswith(self._sent):
            return ""
        new, self._sent = text[len(self._sent) :], text
        return new

    def finish(self) -> str:
        """The text still held back; after it, the fragments add up to the full decode."""
        text = self._tokenizer.decode(self._tokens)
        if not text.startswith(self._sent):
            # Cannot happen with SentencePiece (decoding is prefix-stable); fail loudly
            # rather than hand out text that does not add up.
            raise RuntimeError("streamed text diverged from the decoded output")
        rest, self._sent = text[len(self._sent) :], text
        return rest
