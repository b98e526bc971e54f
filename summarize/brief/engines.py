"""The engines a brief needs, chosen once, and the one-call translation of short texts.

A brief has two parts made by different means:

- the headline and the bullets are short Arabic texts (the title, the most central
  sentences) turned into English by a *sentence engine*: the installed translator, or, when
  only the crossSum model is installed, crossSum run on each sentence alone (a one-sentence
  "summary" across languages is in practice a translation of it);
- the paragraph comes from the *paragraph engine*: crossSum summarising the whole article
  into English (``--via crosssum``), or an Arabic summariser (an installed mT5 summariser,
  else the extractive engine) whose summary is then translated (``--via translate``).

:class:`SentenceEngine` decodes all of its texts in one call with the same decoding
settings, identical sentences only once, so a name spelled the same way in the title, the
bullets and the Arabic summary comes out the same way in each.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from summarize.engines.base import (
    BatchSummarizer,
    BatchTranslator,
    Document,
    Length,
    SentenceDecoder,
    Summarizer,
    Translator,
)
from summarize.errors import ModelNotInstalledError, UsageError
from summarize.settings import Settings
from summarize.text.sentences import split_sentences

VIAS = ("crosssum", "translate")


@dataclass(frozen=True)
class BriefOptions:
    """What a brief should hold and how to decode it.

    ``via``: ``crosssum``, ``translate`` or None (whichever is installed, crossSum first).
    ``translator``: an installed translation model to use instead of the preferred one.
    ``stream`` hands text out as it is decoded (a terminal); decoding is ``beam`` or the
    models' catalogue defaults either way, so a terminal and a pipe get the same brief.
    """

    bullets: int = 4
    words: int | None = None
    via: str | None = None
    translator: str | None = None
    beam: int | None = None
    stream: bool = False

    def __post_init__(self) -> None:
        if self.via is not None and self.via not in VIAS:
            raise UsageError(f"unknown pipeline {self.via!r} (choose from: {', '.join(VIAS)})")


def _document(text: str, lang: str) -> Document:
    return Document(text=text, lang=lang, sentences=tuple(split_sentences(text)))


class SentenceEngine:
    """Turns short source texts into the target language, all in one decoding call.

    An engine that is a :class:`~summarize.engines.base.SentenceDecoder` (the neural
    translators and crossSum summariser): each text is split into sentences, each sentence
    into the engine's units, duplicate units are decoded once, and every unit goes through one
    batched call (beam search) or one greedy stream. Other engines (test fakes, plugins) go
    through their public protocols, a batch call where they have one.
    """

    def __init__(self, engine: Summarizer | Translator) -> None:
        self.engine = engine
        self.model: str | None = engine.model

    def stream(self, texts: Sequence[str], src: str, tgt: str) -> Iterator[tuple[int, str]]:
        """Yield ``(index, fragment)``: text ``i``'s translation, in pieces as it is decoded.

        All of text ``i``'s fragments come before text ``i + 1``'s and every text yields at
        least once; its translation is the concatenation of its fragments.
        """
        decoder = self.engine
        if not isinstance(decoder, SentenceDecoder):
            yield from enumerate(self._public(texts, src, tgt))
            return
        units, owned = self._units(decoder, texts)
        reader = _UnitReader(decoder.decode_units(units, src, tgt))
        decoded: dict[int, str] = {}
        for i, mine in enumerate(owned):
            yield i, ""
            visible = False  # text i has shown something
            for unit in mine:
                known = decoded.get(unit)
                parts: list[str] = []
                opened = False  # this unit has shown something
                for fragment in [known] if known is not None else reader.fragments(unit):
                    parts.append(fragment)
                    if not opened:
                        fragment = fragment.lstrip()
                        if not fragment:
                            continue
                        opened = True
                        fragment = " " + fragment if visible else fragment
                        visible = True
                    yield i, fragment
                decoded[unit] = "".join(parts)

    @staticmethod
    def _units(
        decoder: SentenceDecoder, texts: Sequence[str]
    ) -> tuple[list[list[str]], list[list[int]]]:
        """Unique units to decode, and the unit indices making up each text, in order."""
        index: dict[tuple[str, ...], int] = {}
        units: list[list[str]] = []
        owned: list[list[int]] = []
        for text in texts:
            mine: list[int] = []
            for sentence in split_sentences(text):
                for unit in decoder.units(sentence.text):
                    key = tuple(unit)
                    if key not in index:
                        index[key] = len(units)
                        units.append(unit)
                    mine.append(index[key])
            owned.append(mine)
        return units, owned

    def _public(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        docs = [_document(t, src) for t in texts]
        engine = self.engine
        if isinstance(engine, BatchTranslator):
            return [t.strip() for t in engine.translate_batch(docs, tgt)]
        if isinstance(engine, Translator):
            return ["".join(engine.translate(d, tgt)).strip() for d in docs]
        if isinstance(engine, BatchSummarizer):
            return [t.strip() for t in engine.summarize_batch(docs, Length(), tgt)]
        return ["".join(engine.summarize(d, Length(), tgt)).strip() for d in docs]


class _UnitReader:
    """Decoded ``(unit, fragment)`` pairs (units in order), read one unit at a time."""

    def __init__(self, pairs: Iterator[tuple[int, str]]) -> None:
        self._pairs = pairs
        self._next = next(pairs, None)

    def fragments(self, unit: int) -> Iterator[str]:
        """The fragments of ``unit``, which must be the next unit of the stream."""
        while self._next is not None and self._next[0] == unit:
            yield self._next[1]
            self._next = next(self._pairs, None)


@dataclass
class BriefEngines:
    """Engines resolved once per run (a batch shares them across articles)."""

    via: str
    paragraph: Summarizer
    sentences: SentenceEngine
    source_lang: str = "ar"
    target_lang: str = "en"
    notice: str | None = None

    @property
    def models(self) -> tuple[str, ...]:
        """Names of what made the brief: the paragraph's engine, then the sentence engine's."""
        names = [self.paragraph.model or self.paragraph.name, self.sentences.model or "?"]
        return tuple(dict.fromkeys(names))

    def close(self) -> None:
        """Release every model (the two may share one; closing twice is safe)."""
        self.sentences.engine.close()
        self.paragraph.close()


@dataclass(frozen=True)
class _Named:
    """A translator known by its registered name only (no installed model behind it)."""

    name: str


def _pick_via(via: str | None, crosssum: object, translator: object) -> str:
    from summarize.engines import pull_hint

    if via == "crosssum" and crosssum is None:
        raise ModelNotInstalledError(
            f"--via crosssum needs the cross-lingual model; install it with "
            f"`{pull_hint('crosssum')}`"
        )
    if via == "translate" and translator is None:
        raise ModelNotInstalledError(
            f"--via translate needs a translation model; install one with "
            f"`{pull_hint('translate')}`"
        )
    if via is None and crosssum is None and translator is None:
        raise ModelNotInstalledError(
            "a brief needs a translation or cross-lingual model; install one with "
            f"`{pull_hint('translate')}` (or `{pull_hint('crosssum')}`)"
        )
    return via or ("crosssum" if crosssum is not None else "translate")


def _arabic_summarizer(settings: Settings, options: BriefOptions, lang: str) -> Summarizer:
    """An installed same-language mT5 summariser, else the extractive engine."""
    from summarize.engines import find_installed, resolve_summarizer
    from summarize.engines.extractive.engine import ExtractiveEngine
    from summarize.pipeline import SummaryOptions

    installed = find_installed(settings, "summarize", lang, lang)
    if installed is None:
        return ExtractiveEngine()
    wanted = SummaryOptions(model=installed.name, beam=options.beam, stream=options.stream)
    return resolve_summarizer(wanted, lang, lang, settings)


def resolve_brief_engines(
    settings: Settings, options: BriefOptions, source_lang: str = "ar", target_lang: str = "en"
) -> BriefEngines:
    """Choose and load the engines for ``options``; exit-3 errors name the pull command."""
    from summarize.engines import find_installed, pull_hint, resolve_summarizer, resolve_translator
    from summarize.pipeline import SummaryOptions

    langs = (source_lang, target_lang)
    crosssum = find_installed(settings, "crosssum", *langs)
    translator: Any = find_installed(settings, "translate", *langs)
    if options.translator is not None:
        from summarize.engines.registry import translator_factory
        from summarize.store.local import ModelStore

        if translator_factory(options.translator) is not None:  # a registered translator
            translator = _Named(options.translator)
        else:
            translator = ModelStore(settings.home).get(options.translator)
    via = _pick_via(options.via, crosssum, translator)
    opened: list[Summarizer | Translator] = []
    try:
        sentence_engine: Summarizer | Translator | None = None
        if translator is not None:
            sentence_engine = resolve_translator(
                translator.name,
                settings,
                source_lang=source_lang,
                target_lang=target_lang,
                beam=options.beam,
                stream=options.stream,
            )
            opened.append(sentence_engine)
        notice = None
        if via == "crosssum":
            assert crosssum is not None
            wanted = SummaryOptions(model=crosssum.name, beam=options.beam, stream=options.stream)
            paragraph = resolve_summarizer(wanted, *langs, settings)
        else:
            paragraph = _arabic_summarizer(settings, options, source_lang)
            if paragraph.model is None:
                notice = (
                    "Paragraph: extractive Arabic summary, machine-translated (install a "
                    f"neural summariser with `{pull_hint('summarize')}`)."
                )
        opened.append(paragraph)
        engine = sentence_engine if sentence_engine is not None else paragraph
        return BriefEngines(
            via, paragraph, SentenceEngine(engine), source_lang, target_lang, notice
        )
    except BaseException:
        for opened_engine in opened:
            opened_engine.close()
        raise
