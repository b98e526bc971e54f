"""clean → split → engine → result, as a stream of typed events. Never prints."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from typing import Any

from summarize.engines.base import Document, Summarizer, Translator
from summarize.engines.base import SummaryOptions as SummaryOptions  # re-exported
from summarize.errors import InputError
from summarize.text.clean import clean_article
from summarize.text.lang import detect_language
from summarize.text.limit import MAX_CHARS, cut_text
from summarize.text.normalize import first_words, word_count
from summarize.text.sentences import split_sentences
from summarize.text.support import Claim, Support


@dataclass(frozen=True)
class Meta:
    """What is known about an article once it is cleaned."""

    source_lang: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    date_iso: str | None = None
    # The input's length in characters when it was cut to the size limit (None: used whole).
    truncated_from: int | None = None
    # The Arabic headline, when ``title`` holds its translation (English output).
    title_ar: str | None = None


@dataclass(frozen=True)
class Prepared:
    """A cleaned article with its metadata."""

    doc: Document
    meta: Meta


@dataclass(frozen=True)
class Result:
    """A finished summary (or translation) and where it came from."""

    text: str
    lang: str
    engine: str
    model: str | None
    meta: Meta
    kind: str = "summary"
    # Numbers, dates and names of the text the article does not hold (None: not checked,
    # as for extractive summaries, whose sentences are the article's own).
    unsupported: tuple[Claim, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The one JSON shape of a result, for ``--format json`` and ``summarize batch`` alike.

        ``summary`` (or ``translation``), ``lang``, ``source_lang``, ``engine``, ``model``
        (null for the extractive engine), then ``title``, ``date`` and ``source`` when found,
        ``truncated_from`` (the input's length) when the input was cut to the size limit, and
        ``unsupported`` (``[{"text", "kind"}]``) when the summary was checked against the article.
        """
        out: dict[str, Any] = {
            self.kind: self.text,
            "lang": self.lang,
            "source_lang": self.meta.source_lang,
            "engine": self.engine,
            "model": self.model,
        }
        out.update({k: v for k, v in asdict(self.meta).items() if v and k != "source_lang"})
        if self.unsupported is not None:
            out["unsupported"] = [claim.to_dict() for claim in self.unsupported]
        return out


@dataclass(frozen=True)
class Started:
    """Emitted once, before any text: the metadata, the engine (and model) that writes, and
    the article's :class:`Support` when the output is to be checked against it."""

    meta: Meta
    engine: str | None = None
    model: str | None = None
    support: Support | None = None


@dataclass(frozen=True)
class Fragment:
    """A piece of output text, in order."""

    text: str


@dataclass(frozen=True)
class Finished:
    """Emitted once, last."""

    result: Result


Event = Started | Fragment | Finished


def prepare(
    raw: str,
    *,
    title: str | None = None,
    date: str | None = None,
    source: str | None = None,
    max_chars: int = MAX_CHARS,
    cut_from: int | None = None,
) -> Prepared:
    """Clean and split ``raw``; raise :class:`InputError` when nothing is left to work on.

    ``title``, ``date`` and ``source`` are hints from the reader (an HTML page's metadata, a JSONL
    record's fields); they are used where the cleaner found none. An input longer than
    ``max_chars`` (<= 0: no limit) is cut to about that many characters first; the result's
    ``meta.truncated_from`` then holds the input's length, as it holds ``cut_from``: the
    length of a page the reader already cut (:func:`summarize.sources.html.bound_page`).
    """
    if not raw.strip():
        raise InputError("the input is empty")
    truncated_from = cut_from or (len(raw) if 0 < max_chars < len(raw) else None)
    article = clean_article(cut_text(raw, max_chars))
    sentences = tuple(split_sentences(article.text))
    if not sentences:
        raise InputError("no article text left after removing boilerplate")
    lang = detect_language(article.text)
    title = article.title or title
    doc = Document(text=article.text, lang=lang, sentences=sentences, title=title)
    from summarize.text.clean import to_iso

    date = article.date or date
    meta = Meta(
        source_lang=lang,
        title=title,
        date=date,
        source=article.source or source,
        date_iso=article.date_iso if article.date else (to_iso(date) if date else None),
        truncated_from=truncated_from,
    )
    return Prepared(doc=doc, meta=meta)


def cap_words(fragments: Iterator[str], max_words: int | None) -> Iterator[str]:
    """Pass fragments through, cutting the stream once ``max_words`` words have gone out.

    Words as lengths count them (:func:`summarize.text.normalize.word_count`).
    """
    if max_words is None:
        yield from fragments
        return
    left = max_words
    for frag in fragments:
        n = word_count(frag)
        if n <= left:
            left -= n
            yield frag
            if left == 0 and frag and not frag[-1].isspace():
                return
            continue
        # Keep the leading white space and the first ``left`` words of this fragment.
        if left > 0:
            yield first_words(frag, left)
        return


def article_support(prepared: Prepared, engine: object) -> Support | None:
    """What ``prepared`` supports, to check an abstractive summary against; None for engines
    that copy the article's sentences (``extractive = True``)."""
    if getattr(engine, "extractive", False):
        return None
    meta = prepared.meta
    # The article's own headline: a translated one (``title`` with ``title_ar``) is the
    # engine's writing, not evidence.
    title = meta.title_ar or meta.title
    return Support("\n".join(x for x in (title, meta.date, prepared.doc.text) if x))


def checked(text: str, support: Support | None) -> tuple[Claim, ...] | None:
    """The unsupported claims of ``text`` (None when there is nothing to check against)."""
    return None if support is None else tuple(support.check(text))


def stream_summary(
    prepared: Prepared, engine: Summarizer, options: SummaryOptions
) -> Iterator[Event]:
    """Run ``engine`` over a prepared article, yielding events as text is produced."""
    target = options.target_lang or prepared.meta.source_lang
    support = article_support(prepared, engine)
    yield Started(prepared.meta, engine.name, engine.model, support)
    parts: list[str] = []
    fragments = engine.summarize(prepared.doc, options.length, target)
    for frag in cap_words(fragments, options.length.max_words):
        parts.append(frag)
        yield Fragment(frag)
    text = "".join(parts).strip()
    result = Result(text, target, engine.name, engine.model, prepared.meta)
    yield Finished(replace(result, unsupported=checked(text, support)))


def stream_translation(prepared: Prepared, engine: Translator, target_lang: str) -> Iterator[Event]:
    """Run a translation engine over a prepared article, yielding events."""
    yield Started(prepared.meta, engine.name, engine.model)
    parts: list[str] = []
    for frag in engine.translate(prepared.doc, target_lang):
        parts.append(frag)
        yield Fragment(frag)
    text = "".join(parts).strip()
    result = Result(text, target_lang, engine.name, engine.model, prepared.meta, "translation")
    yield Finished(result)
