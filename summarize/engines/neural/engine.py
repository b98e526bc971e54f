"""Neural engines on CTranslate2: summaries (mT5, crossSum), translation, and the two composed.

Summaries of long articles are map-reduced: the article is cut into sentence-aligned chunks
within the model's input budget, each chunk is summarised, and the joined partial summaries
are summarised again while they exceed the budget. Every round must shrink the text; a round
that does not is redone on hard token slices with outputs capped at half their input, so the
loop ends. Nothing is ever truncated.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from summarize.engines.base import (
    BatchSummarizer,
    BatchTranslator,
    Document,
    Length,
    Summarizer,
    Translator,
)
from summarize.engines.neural.model import NeuralModel
from summarize.errors import SummarizeError
from summarize.text.sentences import split_sentences

MAX_ROUNDS = 12
# Partial summaries are capped at this share of their input, so each round shrinks the text.
REDUCE_SHARE = 2
MIN_PARTIAL = 8


@dataclass(frozen=True)
class DecodePlan:
    """How to decode: ``beam`` (None: the catalogue's), and whether to hand text out as it is
    made (``stream``). Streaming never changes the text: greedy output streams token by token,
    beam search unit by unit (a sentence, a chunk) as each is finished.
    """

    stream: bool = False
    beam: int | None = None

    def beam_for(self, model: NeuralModel) -> int:
        """Beam size: the one asked for, else the catalogue's (streamed or not)."""
        return self.beam or model.beam_size


class _NeuralEngine:
    """What the neural engines share: a loaded model, a decoding plan, and the short-unit
    decoding of :class:`~summarize.engines.base.SentenceDecoder` (a brief's sentences)."""

    name = "neural"

    def __init__(self, model: NeuralModel, plan: DecodePlan) -> None:
        self.neural = model
        self.model: str | None = model.name
        self.plan = plan

    def units(self, text: str) -> list[list[str]]:
        """``text`` as units (piece lists) within the model's input budget."""
        return self.neural.split(text)

    def decode_units(
        self, units: Sequence[list[str]], source_lang: str, target_lang: str
    ) -> Iterator[tuple[int, str]]:
        """``(unit, text)`` in unit order: streamed (token by token when greedy, unit by unit
        with beam search), or from one batched call; the same texts either way."""
        if not units:
            return
        beam = self.plan.beam_for(self.neural)
        if self.plan.stream:
            yield from self.neural.stream(list(units), source_lang, target_lang, beam=beam)
            return
        yield from enumerate(self.neural.run(list(units), source_lang, target_lang, beam=beam))

    def close(self) -> None:
        """Unload the model."""
        self.neural.close()


class NeuralSummarizer(_NeuralEngine):
    """Abstractive summaries with an mT5-family model (mT5-XLSum, or crossSum across languages)."""

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Yield the summary of ``doc``; text streams out as tokens are decoded when streaming."""
        unit = self.condense([doc.text], doc.lang)[0]
        if self.plan.stream:
            beam = self.plan.beam_for(self.neural)
            for _, text in self.neural.stream([unit], doc.lang, target_lang, beam=beam):
                if text:
                    yield text
            return
        yield self._final([unit], doc.lang, target_lang)[0]

    def summarize_batch(
        self, docs: Sequence[Document], length: Length, target_lang: str
    ) -> list[str]:
        """Summaries of ``docs`` in order, decoded together (chunks of all documents batched)."""
        out: list[str] = [""] * len(docs)
        by_lang: dict[str, list[int]] = {}
        for i, doc in enumerate(docs):
            by_lang.setdefault(doc.lang, []).append(i)
        for lang, indices in by_lang.items():
            units = self.condense([docs[i].text for i in indices], lang)
            for i, text in zip(indices, self._final(units, lang, target_lang), strict=True):
                out[i] = text.strip()
        return out

    def _final(self, units: list[list[str]], lang: str, target_lang: str) -> list[str]:
        return self.neural.run(units, lang, target_lang, beam=self.plan.beam_for(self.neural))

    def condense(self, texts: Sequence[str], lang: str) -> list[list[str]]:
        """Each text as one unit within the budget: map-reduced while it is too long."""
        model = self.neural
        current = list(texts)
        counts = [model.tokenizer.count(t) for t in texts]
        hard = [False] * len(texts)
        for _ in range(MAX_ROUNDS):
            over = [i for i, n in enumerate(counts) if n > model.budget]
            if not over:
                return [model.tokenizer.pieces(t) for t in current]
            units: list[list[str]] = []
            owner: list[int] = []
            for i in over:
                pieces = model.tokenizer.pieces(current[i])
                parts = model.hard_split(pieces) if hard[i] else model.split(current[i])
                units.extend(parts)
                owner.extend([i] * len(parts))
            caps = [model.partial_cap(len(u), REDUCE_SHARE, MIN_PARTIAL) for u in units]
            partials = model.run(units, lang, lang, beam=self.plan.beam_for(model), caps=caps)
            for i in over:
                joined = " ".join(p.strip() for p, o in zip(partials, owner, strict=True) if o == i)
                new = model.tokenizer.count(joined)
                # No progress (many tiny chunks): next round cuts hard token slices instead.
                hard[i] = new >= counts[i]
                if not hard[i]:
                    current[i], counts[i] = joined, new
        raise SummarizeError("the article could not be condensed to the model's input size")


class NeuralTranslator(_NeuralEngine):
    """Sentence-by-sentence translation (NLLB, M2M100, Marian), paragraphs kept."""

    def _units(self, doc: Document) -> tuple[list[list[str]], list[str]]:
        """Source units (sentences, long ones cut) and the separator before each."""
        units: list[list[str]] = []
        seps: list[str] = []
        paragraph = None
        for sentence in doc.sentences:
            for unit in self.neural.split(sentence.text):
                if paragraph is None:
                    seps.append("")
                else:
                    seps.append("\n" if sentence.paragraph != paragraph else " ")
                paragraph = sentence.paragraph
                units.append(unit)
        return units, seps

    def translate(self, doc: Document, target_lang: str) -> Iterator[str]:
        """Yield the translation of ``doc``, sentence by sentence, paragraphs on their own lines."""
        units, seps = self._units(doc)
        if not units:
            return
        if self.plan.stream:
            beam = self.plan.beam_for(self.neural)
            yield from join_units(self.neural.stream(units, doc.lang, target_lang, beam=beam), seps)
            return
        texts = self.neural.run(units, doc.lang, target_lang, beam=self.plan.beam_for(self.neural))
        yield "".join(sep + text.strip() for sep, text in zip(seps, texts, strict=True))

    def translate_batch(self, docs: Sequence[Document], target_lang: str) -> list[str]:
        """Translations of ``docs`` in order; sentences of all documents decoded together."""
        out: list[str] = [""] * len(docs)
        for lang in {doc.lang for doc in docs}:
            indices = [i for i, doc in enumerate(docs) if doc.lang == lang]
            plans = [self._units(docs[i]) for i in indices]
            flat = [u for units, _ in plans for u in units]
            beam = self.plan.beam_for(self.neural)
            texts = iter(self.neural.run(flat, lang, target_lang, beam=beam))
            for i, (_, seps) in zip(indices, plans, strict=True):
                out[i] = "".join(sep + next(texts).strip() for sep in seps)
        return out


class SummarizeThenTranslate:
    """A summary in another language: summarise in the source language, then translate it."""

    def __init__(self, summarizer: Summarizer, translator: Translator) -> None:
        self.summarizer = summarizer
        self.translator = translator
        self.name = f"{summarizer.name}+{translator.name}"
        models = [m for m in (summarizer.model, translator.model) if m]
        self.model: str | None = "+".join(models) or None

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Summarise ``doc`` in its own language, then yield the translation of the summary."""
        summary = "".join(self.summarizer.summarize(doc, length, doc.lang)).strip()
        if not summary:
            return
        yield from self.translator.translate(_as_document(summary, doc), target_lang)

    def summarize_batch(
        self, docs: Sequence[Document], length: Length, target_lang: str
    ) -> list[str]:
        """Summaries of ``docs`` in ``target_lang``, in order; translations batched together."""
        summarizer = self.summarizer
        summaries = [""] * len(docs)
        for lang in {doc.lang for doc in docs}:
            group = [i for i, doc in enumerate(docs) if doc.lang == lang]
            if isinstance(summarizer, BatchSummarizer):
                texts = list(summarizer.summarize_batch([docs[i] for i in group], length, lang))
            else:
                texts = ["".join(self.summarizer.summarize(docs[i], length, lang)) for i in group]
            for i, text in zip(group, texts, strict=True):
                summaries[i] = text
        keep = [i for i, text in enumerate(summaries) if text.strip()]
        out = [""] * len(docs)
        translated = _translate_all(
            self.translator,
            [_as_document(summaries[i].strip(), docs[i]) for i in keep],
            target_lang,
        )
        for i, text in zip(keep, translated, strict=True):
            out[i] = text
        return out

    def close(self) -> None:
        """Release both engines."""
        self.summarizer.close()
        self.translator.close()


def join_units(fragments: Iterator[tuple[int, str]], seps: Sequence[str]) -> Iterator[str]:
    """Streamed ``(unit, text)`` pairs as text equal to ``"".join(sep + unit.strip())``.

    A unit's leading white space is dropped and its trailing white space held back until
    more of its text arrives, so the stream adds up to the batch output exactly.
    """
    current = -1
    held = ""
    started = False
    for i, text in fragments:
        if i != current:
            current, held, started = i, "", False
            if seps[i]:
                yield seps[i]
        if not started:
            text = text.lstrip()
            started = bool(text)
        body = held + text
        kept = body.rstrip()
        held = body[len(kept) :]
        if kept:
            yield kept


def _translate_all(translator: Translator, docs: list[Document], target_lang: str) -> list[str]:
    if isinstance(translator, BatchTranslator):
        return list(translator.translate_batch(docs, target_lang))
    return ["".join(translator.translate(d, target_lang)).strip() for d in docs]


def _as_document(text: str, source: Document) -> Document:
    return Document(text=text, lang=source.lang, sentences=tuple(split_sentences(text)))
