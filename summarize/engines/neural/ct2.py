"""The CTranslate2 adapter: the only module that imports ``ctranslate2``.

It loads a model on the chosen device, runs batched decoding and token streaming on token
lists, and owns the model's lifetime: a process that streamed with ``generate_tokens`` and
still holds a Translator at interpreter exit can abort (exit code 134), so :meth:`Ct2Model.close`
ends every open stream and unloads the model, and an ``atexit`` hook closes what is left.
"""

from __future__ import annotations

import atexit
import math
import queue
import threading
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.errors import ModelNotInstalledError, SummarizeError, UsageError

DEVICES = ("auto", "cpu", "cuda")
DEFAULT_COMPUTE = {"cpu": "int8", "cuda": "int8_float16"}  # CUDA: see resolve_compute_type
# Output that is all padding (or empty) with scores that are not finite numbers: the
# activations overflowed (T5 in float16), the logits are NaN and argmax picks <pad>.
_PADDING = frozenset({"<pad>"})
NON_FINITE = (
    "the model produced no text: its scores are not finite numbers (an overflow in this "
    "compute type); run again with --compute-type float32"
)

_OPEN: weakref.WeakSet[Ct2Model] = weakref.WeakSet()
_HOOKED = False
# What CTranslate2 (and MKL, oneDNN, the C++ runtime) say when an allocation fails.
_NO_MEMORY = ("bad_alloc", "failed to allocate", "out of memory", "cannot allocate")


def out_of_memory(exc: BaseException, path: Path, what: str) -> SummarizeError | None:
    """A one-line error for an allocation that failed while ``what``; None for other errors."""
    if not any(marker in str(exc).lower() for marker in _NO_MEMORY):
        return None
    size = sum(f.stat().st_size for f in path.glob("*.bin")) / 2**20
    return SummarizeError(
        f"not enough memory for {what} (the model's weights alone take {size:.0f} MiB); "
        "close other programs, lower SUMMARIZE_BATCH_TOKENS, or use a smaller model"
    )


def cuda_device_count() -> int:
    """GPUs CTranslate2 can use (0 when it was built without CUDA or none is present)."""
    import ctranslate2

    try:
        return int(ctranslate2.get_cuda_device_count())
    except RuntimeError:
        return 0


def resolve_device(device: str) -> str:
    """``cpu`` or ``cuda`` for ``auto|cpu|cuda`` (auto: CUDA when a GPU is visible)."""
    if device not in DEVICES:
        raise UsageError(f"unknown device {device!r} (choose from: {', '.join(DEVICES)})")
    if device == "auto":
        return "cuda" if cuda_device_count() > 0 else "cpu"
    if device == "cuda" and cuda_device_count() == 0:
        raise UsageError("--device cuda: no CUDA device is visible to CTranslate2")
    return device


def resolve_compute_type(device: str, compute_type: str | None, family: str | None = None) -> str:
    """The compute type to load with: the one asked for, else int8 (CPU) or, on CUDA, the
    family's choice (:func:`summarize.store.families.cuda_compute_type`: int8_bfloat16 or
    int8_float32 for T5 models, which overflow float16; int8_float16 for the others).

    When the default is not supported on this hardware, CTranslate2's ``default`` (the
    type the model was saved in, converted to what the device supports) is used instead.
    """
    import ctranslate2

    from summarize.store.families import cuda_compute_type

    supported = set(ctranslate2.get_supported_compute_types(device))
    if compute_type:
        if compute_type not in supported and compute_type not in ("default", "auto"):
            choices = ", ".join(sorted(supported))
            raise UsageError(
                f"compute type {compute_type!r} is not supported on {device} "
                f"(choose from: {choices})"
            )
        return compute_type
    if device == "cuda":
        return cuda_compute_type(family, supported)
    wanted = DEFAULT_COMPUTE[device]
    return wanted if wanted in supported else "default"


@dataclass(frozen=True)
class Decoding:
    """Decoding options for one call. ``max_length`` counts output tokens only."""

    beam_size: int = 1
    max_length: int = 84
    no_repeat_ngram_size: int = 0
    repetition_penalty: float = 1.0
    length_penalty: float = 1.0

    def kwargs(self, prefix_len: int) -> dict[str, Any]:
        """``translate_batch`` keyword arguments (CTranslate2's length includes the prefix)."""
        return {
            "beam_size": self.beam_size,
            "max_decoding_length": self.max_length + prefix_len,
            "no_repeat_ngram_size": self.no_repeat_ngram_size,
            "repetition_penalty": self.repetition_penalty,
            "length_penalty": self.length_penalty,
            "disable_unk": True,
            "return_scores": True,
        }


@dataclass(frozen=True)
class Step:
    """One streamed output token of example ``index`` (``last``: its final one)."""

    index: int
    token: str
    last: bool


def check_finite(tokens: Sequence[str], score: float) -> None:
    """Raise :data:`NON_FINITE` for output that is all padding (or none) with a non-finite score."""
    if not math.isfinite(score) and all(token in _PADDING for token in tokens):
        raise SummarizeError(NON_FINITE)


def _overflowed(token: str, log_prob: float | None) -> bool:
    """A first streamed token that is padding with a non-finite log-probability."""
    return token in _PADDING and log_prob is not None and not math.isfinite(log_prob)


def _close_all() -> None:
    for model in list(_OPEN):
        model.close()


def _hook_exit() -> None:
    global _HOOKED
    if not _HOOKED:
        atexit.register(_close_all)
        _HOOKED = True


class Ct2Model:
    """A loaded ``ctranslate2.Translator`` with explicit lifetime.

    ``max_input_length`` is set on every call to the longest source in it: inputs are
    chunked to the model's budget beforehand, so CTranslate2 never truncates silently.
    """

    def __init__(
        self,
        path: Path,
        *,
        device: str = "auto",
        compute_type: str | None = None,
        threads: int = 0,
        family: str | None = None,
    ) -> None:
        import ctranslate2

        self.device = resolve_device(device)
        self.compute_type = resolve_compute_type(self.device, compute_type, family)
        try:
            self._translator: Any = ctranslate2.Translator(
                str(path),
                device=self.device,
                compute_type=self.compute_type,
                inter_threads=1,
                intra_threads=threads,
            )
        except (RuntimeError, ValueError, OSError, MemoryError) as exc:
            short = out_of_memory(exc, path, f"loading the model in {path}")
            if short is not None:
                raise short from exc
            raise ModelNotInstalledError(f"cannot load the model in {path}: {exc}") from exc
        self.path = path
        self._streams: weakref.WeakSet[Iterator[Step]] = weakref.WeakSet()
        self._lock = threading.Lock()
        _OPEN.add(self)
        _hook_exit()

    @property
    def translator(self) -> Any:
        """The live Translator; an error once the model is closed."""
        if self._translator is None:
            raise RuntimeError("the model is closed")
        return self._translator

    def translate(
        self,
        sources: Sequence[list[str]],
        prefixes: Sequence[list[str] | None],
        decoding: Decoding,
    ) -> list[list[str]]:
        """Decode ``sources`` in one call; each result without its target prefix."""
        if not sources:
            return []
        prefix_len = max(len(p or []) for p in prefixes)
        try:
            results = self.translator.translate_batch(
                list(sources),
                target_prefix=[p or None for p in prefixes] if prefix_len else None,
                max_input_length=max(len(s) for s in sources),
                **decoding.kwargs(prefix_len),
            )
        except (RuntimeError, MemoryError) as exc:
            short = out_of_memory(exc, self.path, f"decoding with the model in {self.path}")
            if short is not None:
                raise short from exc
            raise
        out = []
        for result, prefix in zip(results, prefixes, strict=True):
            tokens = list(result.hypotheses[0][len(prefix or []) :])
            check_finite(tokens, result.scores[0] if result.scores else 0.0)
            out.append(tokens)
        return out

    def stream(
        self,
        sources: Sequence[list[str]],
        prefixes: Sequence[list[str] | None],
        limits: Sequence[int],
        decoding: Decoding,
    ) -> Iterator[Step]:
        """Greedy-decode ``sources`` together, yielding tokens as they are made.

        Example ``i`` stops after ``limits[i]`` output tokens, as if decoded alone with that
        limit. Steps of different examples interleave. The stream is closed by
        :meth:`close` when the caller stops early.
        """
        stream = self._stream(sources, prefixes, limits, decoding)
        with self._lock:
            self._streams.add(stream)
        return stream

    def _stream(
        self,
        sources: Sequence[list[str]],
        prefixes: Sequence[list[str] | None],
        limits: Sequence[int],
        decoding: Decoding,
    ) -> Iterator[Step]:
        steps: queue.Queue[Step | BaseException | None] = queue.Queue()
        stop = threading.Event()
        skip = [len(p or []) for p in prefixes]
        made = [0] * len(sources)

        def on_step(result: Any) -> bool:
            i = result.batch_id
            if result.step < skip[i] or made[i] >= limits[i]:
                return stop.is_set() or made[i] >= limits[i]
            if made[i] == 0 and _overflowed(result.token, result.log_prob):
                steps.put(SummarizeError(NON_FINITE))
                stop.set()
                return True
            made[i] += 1
            done = bool(result.is_last) or made[i] >= limits[i]
            steps.put(Step(i, result.token, done))
            return stop.is_set() or done

        options = {**decoding.kwargs(max(skip)), "beam_size": 1}
        options["max_decoding_length"] = max(limits) + max(skip)
        pending = self.translator.translate_batch(
            list(sources),
            target_prefix=[p or None for p in prefixes] if max(skip) else None,
            max_input_length=max(len(s) for s in sources),
            asynchronous=True,
            callback=on_step,
            **options,
        )

        def wait() -> None:
            try:
                for result in pending:
                    result.result()
            except BaseException as exc:  # handed to the consumer, raised there
                steps.put(exc)
            steps.put(None)

        worker = threading.Thread(target=wait, daemon=True)
        worker.start()
        try:
            while (item := steps.get()) is not None:
                if isinstance(item, BaseException):
                    what = f"decoding with the model in {self.path}"
                    raise out_of_memory(item, self.path, what) or item
                yield item
        finally:
            stop.set()
            worker.join()

    def close(self) -> None:
        """End open streams and unload the model. Safe to call twice."""
        with self._lock:
            streams, self._streams = list(self._streams), weakref.WeakSet()
        for stream in streams:
            close = getattr(stream, "close", None)
            if close is not None:
                close()
        translator, self._translator = self._translator, None
        if translator is not None:
            translator.unload_model()
            del translator
        _OPEN.discard(self)
