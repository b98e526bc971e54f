"""The protocols every engine meets, and the typed requests passed to engines.

Options, documents and lengths live here, below the resolver and the engines, so both share
them (and the pipeline above uses them as they are).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from summarize.text.sentences import Sentence


@dataclass(frozen=True)
class Length:
    """How long a summary may be. ``max_words`` is a hard cap; the others are targets.

    The extractive engine fills a word budget with whole sentences; see
    :mod:`summarize.engines.extractive` for its length contract.
    """

    sentences: int | None = None
    max_words: int | None = None
    ratio: float | None = None


@dataclass(frozen=True)
class SummaryOptions:
    """What to produce: length, output language (None: the source's), engine and model."""

    length: Length = field(default_factory=Length)
    target_lang: str | None = None
    engine: str = "auto"
    model: str | None = None
    # Decoding, for neural engines: ``beam`` or the model's catalogue default. ``stream`` hands
    # text out as it is decoded (token by token when greedy); it never changes the text.
    beam: int | None = None
    stream: bool = False


@dataclass(frozen=True)
class Document:
    """A cleaned article, ready for an engine."""

    text: str
    lang: str
    sentences: tuple[Sentence, ...]
    title: str | None = None


def notice_of(engine: object) -> str | None:
    """The engine's notice for stderr (e.g. a fallback to another engine), if it has one.

    An engine may carry a ``notice`` attribute; the commands print it before any output.
    """
    notice = getattr(engine, "notice", None)
    return notice if isinstance(notice, str) and notice else None


@runtime_checkable
class Summarizer(Protocol):
    """Something that writes a summary, yielding it in fragments as it is made.

    The concatenation of the fragments is the summary. Extractive engines yield whole
    sentences; neural ones yield text as tokens are decoded.
    """

    name: str
    model: str | None

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Yield the summary of ``doc`` in ``target_lang``, fragment by fragment."""
        ...

    def close(self) -> None:
        """Release what the engine holds (models, threads). Safe to call twice."""
        ...


@runtime_checkable
class Translator(Protocol):
    """Something that translates text, yielding it in fragments as it is made."""

    name: str
    model: str | None

    def translate(self, doc: Document, target_lang: str) -> Iterator[str]:
        """Yield the translation of ``doc`` into ``target_lang``, fragment by fragment."""
        ...

    def close(self) -> None:
        """Release what the engine holds (models, threads). Safe to call twice."""
        ...


@runtime_checkable
class BatchSummarizer(Protocol):
    """An engine that summarises many documents in shared model calls (batch mode)."""

    def summarize_batch(
        self, docs: Sequence[Document], length: Length, target_lang: str
    ) -> list[str]:
        """Summaries of ``docs``, in the same order."""
        ...


@runtime_checkable
class BatchTranslator(Protocol):
    """An engine that translates many documents in shared model calls (batch mode)."""

    def translate_batch(self, docs: Sequence[Document], target_lang: str) -> list[str]:
        """Translations of ``docs``, in the same order."""
        ...


@runtime_checkable
class SentenceDecoder(Protocol):
    """An engine whose model decodes many short units (lists of source pieces) in one call.

    A brief's headline and bullets go through it: every sentence is cut into units within the
    model's input budget, identical units are decoded once, and all of them share one batched
    call or one greedy stream (the engine's decoding plan says which). The neural summarisers
    and translators implement it; other engines are reached through their public protocols.
    """

    def units(self, text: str) -> list[list[str]]:
        """``text`` (one sentence) as units within the model's input budget."""
        ...

    def decode_units(
        self, units: Sequence[list[str]], source_lang: str, target_lang: str
    ) -> Iterator[tuple[int, str]]:
        """``(unit index, text)`` in unit order: streamed fragments, or one text per unit."""
        ...
