"""English briefs of Arabic articles: headline, metadata, bullets, one paragraph.

A brief is produced as a stream of events (:class:`Headline`, :class:`Bullet`,
:class:`Paragraph` fragments, :class:`Done`; with streaming also :class:`Partial` fragments
of the headline and bullets while they are decoded), so a terminal shows the headline first,
token by token, then each bullet as it is translated. Never prints.

- **Bullets** are the article's most central sentences, as ranked by the extractive engine
  (:meth:`~summarize.engines.extractive.engine.ExtractiveEngine.choose` with a sentence budget:
  centrality, position and title similarity, with MMR against repeats), in article order,
  translated. So a brief works with only a translator installed.
- **Headline**: the article's own title, translated, when the cleaner found one; else the
  first sentence of the English paragraph.
- **Paragraph**: crossSum's English summary of the whole article (``via="crosssum"``), or
  the Arabic summary (mT5, else extractive) translated (``via="translate"``); ``words`` is a
  hard cap on it.

Consistent names: the title, the bullet sentences and (``via="translate"``) the Arabic
summary are translated together in one decoding call with one set of decoding options, and
a sentence that occurs twice is decoded once, so a name reads the same in all of them. With
``via="crosssum"`` the paragraph comes from another model, which may spell a name its own way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from summarize.brief.engines import BriefEngines, BriefOptions
from summarize.engines.base import Document, Length
from summarize.errors import InputError, UsageError
from summarize.pipeline import Prepared, cap_words
from summarize.text.sentences import split_sentences
from summarize.text.support import Claim, Support

MAX_BULLETS = 10


@dataclass(frozen=True)
class Brief:
    """A finished brief; :meth:`to_dict` is its JSON shape."""

    headline: str
    headline_ar: str | None
    source: str | None
    date: str | None
    bullets: tuple[str, ...]
    summary: str
    models: tuple[str, ...]
    via: str
    unsupported: tuple[Claim, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """``headline``, ``headline_ar``, ``source``, ``date``, ``bullets``, ``summary``, ...,
        ``unsupported``: the numbers, dates and names the article does not hold."""
        return {
            "headline": self.headline,
            "headline_ar": self.headline_ar,
            "source": self.source,
            "date": self.date,
            "bullets": list(self.bullets),
            "summary": self.summary,
            "models": list(self.models),
            "via": self.via,
            "unsupported": [claim.to_dict() for claim in self.unsupported],
        }


@dataclass(frozen=True)
class Headline:
    """Emitted first: the English headline, the Arabic title, and the metadata."""

    text: str
    original: str | None
    source: str | None
    date: str | None
    models: tuple[str, ...]
    # How the headline is checked against the article (see :func:`part_support`).
    check: Support | None = None


@dataclass(frozen=True)
class Partial:
    """A fragment of the headline or of bullet ``index`` while it is decoded (streaming only).

    The complete :class:`Headline` or :class:`Bullet` event follows its fragments.
    """

    part: str
    index: int
    text: str
    check: Support | None = None


@dataclass(frozen=True)
class Bullet:
    """One bullet, complete, in order (``index`` counts from 0)."""

    index: int
    text: str
    check: Support | None = None


@dataclass(frozen=True)
class Paragraph:
    """A fragment of the paragraph; the fragments join into :attr:`Brief.summary`."""

    text: str
    check: Support | None = None


@dataclass(frozen=True)
class Done:
    """Emitted last."""

    brief: Brief


BriefEvent = Headline | Partial | Bullet | Paragraph | Done


def one_line(text: str) -> str:
    """``text`` with all white space (newlines included) folded to single spaces."""
    return " ".join(text.split())


def central_sentences(doc: Document, count: int) -> list[str]:
    """The ``count`` most central sentences of ``doc``, in article order."""
    from summarize.engines.extractive.engine import ExtractiveEngine

    chosen = ExtractiveEngine().choose(doc, Length(sentences=count))
    return [s.text for s in chosen]


def _first_sentence(text: str) -> str:
    sentences = split_sentences(text)
    return sentences[0].text if sentences else text


def _arabic_summary(prepared: Prepared, engines: BriefEngines, options: BriefOptions) -> str:
    # The word cap is a hint here (Arabic words); the hard cap is applied in English.
    length = Length(max_words=options.words)
    return one_line("".join(engines.paragraph.summarize(prepared.doc, length, prepared.doc.lang)))


def _english_summary(prepared: Prepared, engines: BriefEngines) -> Iterator[str]:
    fragments = engines.paragraph.summarize(prepared.doc, Length(), engines.target_lang)
    return (f.replace("\n", " ") for f in fragments)


def part_support(
    support: Support, part: str, titled: bool, headline: str, bullets: list[str]
) -> Support:
    """How a part of a brief is checked against the article.

    The bullets, and the headline of a titled article, are the translator's renderings of the
    article's own sentences: their numbers and dates are checked, and their names are the
    translator's spelling of the article's names, which then support the paragraph's names.
    """
    if part == "bullet" or (part == "headline" and titled):
        return support.only(("number", "date"))
    return support.with_names([*bullets, *([headline] if titled else [])])


class _Builder:
    """Collects what the events carry, to make the :class:`Brief` at the end."""

    def __init__(self, prepared: Prepared, engines: BriefEngines) -> None:
        self.meta = prepared.meta
        self.engines = engines
        self.headline: str | None = None
        self.bullets: list[str] = []
        self.summary = ""
        meta = prepared.meta
        self.support = Support(
            "\n".join(x for x in (meta.title, meta.date, prepared.doc.text) if x)
        )

    def headline_event(self, text: str) -> Headline:
        self.headline = one_line(text)
        meta = self.meta
        check = self.check("headline")
        return Headline(
            self.headline, meta.title, meta.source, meta.date, self.engines.models, check
        )

    def check(self, part: str) -> Support:
        """How ``part`` (headline, bullet, summary) is checked, given what is known so far."""
        titled = self.meta.title is not None
        return part_support(self.support, part, titled, self.headline or "", self.bullets)

    def unsupported(self) -> tuple[Claim, ...]:
        titled = self.meta.title is not None
        headline, summary = self.headline or "", one_line(self.summary)
        parts = [("headline", headline), *(("bullet", b) for b in self.bullets)]
        found: dict[tuple[str, str], Claim] = {}
        for part, text in [*parts, ("summary", summary)]:
            check = part_support(self.support, part, titled, headline, self.bullets)
            for claim in check.check(text):
                found.setdefault((claim.text, claim.kind), claim)
        return tuple(found.values())

    def bullet_event(self, text: str) -> Bullet | None:
        text = one_line(text)
        if not text:  # an empty translation is no bullet
            return None
        self.bullets.append(text)
        return Bullet(len(self.bullets) - 1, text, self.check("bullet"))

    def done(self) -> Done:
        brief = Brief(
            headline=self.headline or "",
            headline_ar=self.meta.title,
            source=self.meta.source,
            date=self.meta.date,
            bullets=tuple(self.bullets),
            summary=one_line(self.summary),
            models=self.engines.models,
            via=self.engines.via,
            unsupported=self.unsupported(),
        )
        return Done(brief)


def _headline_from(summary: str, bullets: list[str]) -> str:
    """The headline of an untitled article: the summary's first sentence (else a bullet's)."""
    return _first_sentence(summary) if summary else (bullets[0] if bullets else "")


def _texts(pieces: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str, bool]]:
    """``(index, fragment, False)`` for each visible fragment, then ``(index, "", True)``."""
    current: int | None = None
    for i, fragment in pieces:
        if current is not None and i != current:
            yield current, "", True
        current = i
        if fragment:
            yield i, fragment, False
    if current is not None:
        yield current, "", True


def _plan_texts(
    title: str | None, picks: list[str], arabic: str | None
) -> tuple[list[str], list[str]]:
    """The texts of the one decoding call and their roles (headline, bullet, summary).

    Untitled, the Arabic summary goes first (its first sentence is the headline); else
    last, so the bullets show sooner.
    """
    texts = [*([title] if title is not None else []), *picks]
    roles = [*(["headline"] if title is not None else []), *(["bullet"] * len(picks))]
    if arabic is not None:
        at = 0 if title is None else len(texts)
        texts.insert(at, arabic)
        roles.insert(at, "summary")
    return texts, roles


def stream_brief(
    prepared: Prepared, engines: BriefEngines, options: BriefOptions
) -> Iterator[BriefEvent]:
    """Make the brief of ``prepared``, yielding events as its parts are ready.

    With ``options.stream`` the headline and bullets also come as :class:`Partial`
    fragments while they are decoded, each before its complete event.
    """
    if prepared.meta.source_lang != engines.source_lang:
        raise InputError(
            f"a brief needs {engines.source_lang!r} text; this is {prepared.meta.source_lang!r}"
        )
    if not 1 <= options.bullets <= MAX_BULLETS:
        raise UsageError(f"--bullets must be between 1 and {MAX_BULLETS}")
    build = _Builder(prepared, engines)
    title = prepared.meta.title
    picks = central_sentences(prepared.doc, options.bullets)
    arabic = _arabic_summary(prepared, engines, options) if engines.via == "translate" else None
    english: str | None = None
    if title is None and arabic is None:
        # crossSum writes the paragraph first: the headline is its first sentence.
        english = "".join(cap_words(_english_summary(prepared, engines), options.words))
        yield build.headline_event(_headline_from(english.strip(), []))

    texts, roles = _plan_texts(title, picks, arabic)
    pieces = engines.sentences.stream(texts, engines.source_lang, engines.target_lang)
    parts: list[str] = []
    for i, fragment, last in _texts(pieces):
        if not last:
            parts.append(fragment)
            if options.stream and roles[i] != "summary":
                yield Partial(roles[i], len(build.bullets), fragment, build.check(roles[i]))
            continue
        text, parts = "".join(parts), []
        if roles[i] == "summary":
            english = "".join(cap_words(iter([text]), options.words))
            if build.headline is None:
                yield build.headline_event(_headline_from(english, build.bullets))
        elif roles[i] == "headline":
            yield build.headline_event(text)
        elif (event := build.bullet_event(text)) is not None:
            yield event
    if build.headline is None:
        yield build.headline_event(_headline_from(english or "", build.bullets))
    fragments = iter([english]) if english is not None else _english_summary(prepared, engines)
    for fragment in cap_words(fragments, options.words):
        build.summary += fragment
        yield Paragraph(fragment, build.check("summary"))
    yield build.done()


def build_brief(prepared: Prepared, engines: BriefEngines, options: BriefOptions) -> Brief:
    """The finished brief of ``prepared`` (the events run to the end)."""
    for event in stream_brief(prepared, engines, options):
        if isinstance(event, Done):
            return event.brief
    raise AssertionError("stream_brief ended without a brief")


def brief_record(
    prepared: Prepared, engines: BriefEngines, options: BriefOptions
) -> dict[str, Any]:
    """The JSON fields of the brief of ``prepared`` (batch mode adds ``id`` and the rest)."""
    return build_brief(prepared, engines, options).to_dict()
