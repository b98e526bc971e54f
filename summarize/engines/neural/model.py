"""One installed model ready to decode: tokenizer + CTranslate2 model + decoding defaults.

:class:`NeuralModel` decodes lists of source units (piece lists within the input budget),
either batched (sorted by length, grouped by token count, put back in order) or streamed
(greedy, in input order, text handed out as it is decoded). Each unit's output cap depends
only on its own length, so a unit decodes the same alone, in a batch, or streamed.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from summarize.engines.loading import announce
from summarize.engines.neural.ct2 import Ct2Model, Decoding
from summarize.engines.neural.layout import layout_for
from summarize.engines.neural.tokenizer import SentencePieceTokenizer, StreamDecoder
from summarize.errors import ModelNotInstalledError, SummarizeError
from summarize.settings import Settings
from summarize.store.families import GENERATION_DEFAULTS
from summarize.store.local import InstalledModel, install_hint
from summarize.text.chunking import chunk_text

# Padded source tokens × beam size per batched decoding call. Decoder rows × source length
# sizes the cross-attention cache, the bulk of a call's memory, so the budget is shared by the
# beams: 4096 source tokens at beam 4, 16384 greedy. Larger calls keep the matrix products
# wide (mT5-small-sized, beam 4, 2 cores: 4096 source tokens per call decode 1.29x as fast as
# 2048, for +93 MiB; docs/benchmarks.md, table (g)). SUMMARIZE_BATCH_TOKENS overrides it.
BATCH_TOKENS = 16384
# Streamed groups decode in lock-step, and a group's later units wait for its first: kept small
# so that text starts soon.
STREAM_TOKENS = 2048
# Output cap: ratio * input + slack, rounded up to the next of a few fixed steps, then at most
# the catalogue's max_length. A unit's cap depends on its own length alone, so any batching of
# the same units decodes the same; and the steps are few, so beam search (one cap per call)
# makes at most one call per step, as greedy decoding makes one call for all caps. The ratio's
# default is in GENERATION_DEFAULTS.
OUTPUT_SLACK = 10
CAP_STEPS = (16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024)


def _number(generation: Mapping[str, Any], key: str) -> float:
    """``generation[key]`` when it is a number, else the default every model falls back to."""
    value = generation.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    default: float = GENERATION_DEFAULTS[key]
    return default


def _int(generation: Mapping[str, Any], key: str) -> int:
    return int(_number(generation, key))


def _float(generation: Mapping[str, Any], key: str) -> float:
    return float(_number(generation, key))


class NeuralModel:
    """An installed model loaded for decoding, with its tokenizer and budget."""

    def __init__(
        self, installed: InstalledModel, settings: Settings, *, batch_tokens: int | None = None
    ) -> None:
        manifest = installed.manifest
        announce(f"{installed.name} ({installed.family}, {manifest.get('quantization', '?')})")
        self.name = installed.name
        self.task = installed.task
        self.family = installed.family
        self.generation: Mapping[str, Any] = dict(manifest.get("generation") or {})
        self.pairs: tuple[str, ...] = tuple(manifest.get("pairs") or ())
        self.languages: tuple[str, ...] = installed.languages
        self.max_input_tokens = installed.max_input_tokens
        self.batch_tokens = batch_tokens or settings.batch_tokens or BATCH_TOKENS
        try:
            self.layout = layout_for(installed.family, installed.path, manifest)
            self.tokenizer = SentencePieceTokenizer(self.layout)
            self.ct2 = Ct2Model(
                installed.path,
                device=settings.device,
                compute_type=settings.compute_type,
                threads=settings.threads,
                family=installed.family,
            )
        except (ModelNotInstalledError, OSError, RuntimeError) as exc:
            raise ModelNotInstalledError(
                f"model {self.name!r} cannot be loaded ({exc}); reinstall it with "
                f"`{install_hint(self.name)}`"
            ) from exc
        announce(None)
        self.budget = self.max_input_tokens - self.tokenizer.special_count
        if self.budget < 8:
            self.ct2.close()
            raise SummarizeError(
                f"model {self.name!r}: max_input_tokens {self.max_input_tokens} is too small"
            )

    @property
    def beam_size(self) -> int:
        """The catalogue's beam size (used when output is not streamed)."""
        return max(1, _int(self.generation, "beam_size"))

    def cap(self, input_tokens: int) -> int:
        """Most output tokens for an input of ``input_tokens`` pieces (repetition-loop guard)."""
        ratio = _float(self.generation, "max_output_ratio")
        tied = step_up(math.ceil(ratio * input_tokens) + OUTPUT_SLACK)
        # Decoder positions are limited like the encoder's (prefix and EOS included).
        limit = self.max_input_tokens - 2
        return max(1, min(_int(self.generation, "max_length"), tied, limit))

    def partial_cap(self, input_tokens: int, share: int, least: int) -> int:
        """The cap of a partial summary: at most ``input_tokens // share`` (stepped down, so
        each round shrinks the text) and at least ``least``, within :meth:`cap`."""
        return min(self.cap(input_tokens), max(least, step_down(input_tokens // share)))

    def decoding(self, beam: int, max_length: int) -> Decoding:
        """Decoding options with the catalogue's repetition guards."""
        return Decoding(
            beam_size=beam,
            max_length=max_length,
            no_repeat_ngram_size=_int(self.generation, "no_repeat_ngram_size"),
            repetition_penalty=_float(self.generation, "repetition_penalty"),
            length_penalty=_float(self.generation, "length_penalty"),
        )

    def source_budget(self, beam: int, tokens: int | None = None) -> int:
        """Padded source tokens per call at ``beam`` (never below one full-length unit)."""
        return source_budget(
            self.batch_tokens if tokens is None else tokens, beam, self.max_input_tokens
        )

    def split(self, text: str) -> list[list[str]]:
        """``text`` as sentence-aligned units of at most ``budget`` pieces each."""
        units: list[list[str]] = []
        for chunk in chunk_text(text, self.tokenizer.count, self.budget):
            units.extend(self.hard_split(self.tokenizer.pieces(chunk.text)))
        return units

    def hard_split(self, pieces: list[str]) -> list[list[str]]:
        """``pieces`` cut into consecutive slices of at most ``budget`` (nothing dropped)."""
        step = self.budget
        return [pieces[i : i + step] for i in range(0, len(pieces), step)] or [[]]

    def _framed(
        self, units: Sequence[list[str]], src: str, tgt: str
    ) -> tuple[list[list[str]], list[list[str] | None]]:
        for unit in units:
            if len(unit) > self.budget:
                raise ValueError(f"a unit of {len(unit)} pieces exceeds the budget {self.budget}")
        sources = [self.layout.source_tokens(list(unit), src) for unit in units]
        prefix = self.tokenizer.target_prefix(tgt)
        return sources, [prefix] * len(units)

    def run(
        self,
        units: Sequence[list[str]],
        src: str,
        tgt: str,
        *,
        beam: int,
        caps: Sequence[int] | None = None,
    ) -> list[str]:
        """Decode every unit (batched, sorted by length) and return the texts in input order."""
        caps = list(caps) if caps is not None else [self.cap(len(u)) for u in units]
        sources, prefixes = self._framed(units, src, tgt)
        out: list[str] = [""] * len(units)
        budget = self.source_budget(beam)
        # Greedy: units of different caps share calls, decoded to the largest cap and each cut
        # to its own (the same tokens as alone). Beam search: one cap per call.
        by_cap = caps if beam > 1 else None
        for batch in plan_batches([len(s) for s in sources], budget, by_cap):
            hyps = self.ct2.translate(
                [sources[i] for i in batch],
                [prefixes[i] for i in batch],
                self.decoding(beam, max(caps[i] for i in batch)),
            )
            for i, tokens in zip(batch, hyps, strict=True):
                out[i] = self.tokenizer.decode(tokens[: caps[i]])
        return out

    def stream(
        self, units: Sequence[list[str]], src: str, tgt: str, *, beam: int = 1
    ) -> Iterator[tuple[int, str]]:
        """Decode ``units`` in order, yielding ``(index, text)`` as text is decoded.

        Greedy (``beam`` 1): token by token. Beam search cannot hand out a hypothesis before
        it ends: units come whole, a few at a time in input order. Either way the texts are
        those :meth:`run` gives. All of unit ``i``'s text comes before unit ``i + 1``'s, and
        every unit yields at least once (possibly ``""``), so callers can put separators
        between units.
        """
        if beam > 1:
            yield from self._stream_units(units, src, tgt, beam)
            return
        caps = [self.cap(len(u)) for u in units]
        sources, prefixes = self._framed(units, src, tgt)
        start = 0
        for group in plan_groups([len(s) for s in sources], self.source_budget(1, STREAM_TOKENS)):
            steps = self.ct2.stream(
                [sources[i] for i in group],
                [prefixes[i] for i in group],
                [caps[i] for i in group],
                self.decoding(1, max(caps[i] for i in group)),
            )
            yield from _in_order(steps, [self.tokenizer.stream_decoder() for _ in group], start)
            start += len(group)

    def _stream_units(
        self, units: Sequence[list[str]], src: str, tgt: str, beam: int
    ) -> Iterator[tuple[int, str]]:
        """Beam search in small consecutive groups, each unit's text as soon as its group ends."""
        sources, _ = self._framed(units, src, tgt)
        budget = self.source_budget(beam, STREAM_TOKENS)
        for group in plan_groups([len(s) for s in sources], budget):
            texts = self.run([units[i] for i in group], src, tgt, beam=beam)
            yield from zip(group, texts, strict=True)

    def close(self) -> None:
        """Unload the model (safe to call twice)."""
        self.ct2.close()


def _in_order(
    steps: Iterator[Any], decoders: list[StreamDecoder], start: int
) -> Iterator[tuple[int, str]]:
    """Interleaved steps of a group → text per unit, unit after unit (later ones buffered)."""
    held: list[list[str]] = [[] for _ in decoders]
    done = [False] * len(decoders)
    cur = 0
    for step in steps:
        if done[step.index]:
            continue
        text = decoders[step.index].push(step.token)
        if step.last:
            done[step.index] = True
        if step.index == cur:
            if text:
                yield start + cur, text
        elif text:
            held[step.index].append(text)
        while cur < len(decoders) and done[cur]:
            yield start + cur, decoders[cur].finish()
            cur += 1
            if cur < len(decoders):
                for text in held[cur]:
                    yield start + cur, text
                held[cur] = []
    # Units the runtime ended without a last step: hand out what they hold, in order.
    for i in range(cur, len(decoders)):
        for text in held[i]:
            yield start + i, text
        yield start + i, decoders[i].finish()


def step_up(tokens: int) -> int:
    """The smallest of :data:`CAP_STEPS` that is at least ``tokens`` (else ``tokens``)."""
    return next((step for step in CAP_STEPS if step >= tokens), tokens)


def step_down(tokens: int) -> int:
    """The largest of :data:`CAP_STEPS` that is at most ``tokens`` (else ``tokens``)."""
    return max((step for step in CAP_STEPS if step <= tokens), default=tokens)


def source_budget(batch_tokens: int, beam: int, longest: int) -> int:
    """``batch_tokens`` shared by ``beam`` beams, but at least ``longest`` (one unit fits)."""
    return max(batch_tokens // max(beam, 1), longest)


def plan_batches(
    lengths: Sequence[int], max_tokens: int, caps: Sequence[int] | None = None
) -> list[list[int]]:
    """Indices grouped into batches: sorted by length, each ≤ ``max_tokens`` once padded.

    Without ``caps``, units of different output caps share a batch (greedy decoding: the
    caller decodes to the batch's largest cap and cuts each unit to its own, which gives what
    the unit alone gives). With ``caps``, a batch holds one cap (beam search, where a longer
    limit can change which hypothesis wins, so a unit must decode with its own).
    """
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    batches: list[list[int]] = []
    for i in order:
        batch = batches[-1] if batches else None
        fits = batch is not None and (len(batch) + 1) * lengths[i] <= max_tokens
        if batch is not None and fits and (caps is None or caps[batch[0]] == caps[i]):
            batch.append(i)
        else:
            batches.append([i])
    return batches


def plan_groups(lengths: Sequence[int], max_tokens: int) -> list[list[int]]:
    """Consecutive indices grouped so that each group's padded size is ≤ ``max_tokens``."""
    groups: list[list[int]] = []
    longest = 0
    for i, n in enumerate(lengths):
        if groups and (len(groups[-1]) + 1) * max(longest, n) <= max_tokens:
            groups[-1].append(i)
            longest = max(longest, n)
        else:
            groups.append([i])
            longest = n
    return groups
