"""The stages of ``realsize.py``, each run in its own interpreter (so its peak RSS is its own).

- ``build``: the shape's Hugging Face folder with random weights (the test suite's builders,
  the shape's published dimensions), converted int8 by the tool's own importer.
- ``tool``: load time and memory, one typical article with the default decoding (and with
  beam 1 and beam 4), raw CTranslate2 on the same source units with the same calls, batch
  articles/min with the tool's token budget, and where the time goes (threads, batch size,
  vocabulary restriction, scores).
- ``hf``: transformers ``generate`` (float32, PyTorch) on the same units.

Random weights would end outputs at random places, so every decoding here has a fixed output
length: CTranslate2 gets ``min_decoding_length = max_decoding_length`` and transformers
``min_new_tokens = max_new_tokens``.
"""

from __future__ import annotations

import json
import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.bench_neural import models, runs
from scripts.bench_neural.procs import _peak_rss_kib
from summarize.engines.base import Document, Length
from summarize.engines.neural.ct2 import Decoding
from summarize.engines.neural.engine import DecodePlan, NeuralSummarizer, NeuralTranslator
from summarize.engines.neural.model import NeuralModel
from summarize.tiny.builders import Shape, build_mt5, build_nllb, train_spm

ARTICLE_WORDS = 600
# Target tokens kept by the vocabulary-restriction trial (a one-script subset of 250k rows).
VMAP_TOKENS = 32_000


@dataclass(frozen=True)
class RealShape:
    """One published architecture (config.json of the pinned model) and its task."""

    key: str
    family: str  # "mt5" or "nllb"
    task: str
    shape: Shape


SHAPES = {
    # csebuetnlp/mT5_multilingual_XLSum: d_model 768, d_kv 64, d_ff 2048, 12 + 12 layers,
    # 12 heads, 32 buckets / distance 128, vocab 250112, gated-gelu, lm_head untied.
    "mt5-base": RealShape(
        "mt5-base",
        "mt5",
        "summarize",
        Shape(
            layers=12,
            d_model=768,
            ffn=2048,
            heads=12,
            d_kv=64,
            relative_buckets=32,
            relative_distance=128,
            vocab_size=250_112,
            head_scale=0.05,
            seed=0,
        ),
    ),
    # facebook/nllb-200-distilled-600M: d_model 1024, 12 + 12 layers, 16 heads, ffn 4096,
    # vocab 256206, 1024 positions.
    "nllb-600m": RealShape(
        "nllb-600m",
        "nllb",
        "translate",
        Shape(
            layers=12,
            d_model=1024,
            ffn=4096,
            heads=16,
            max_positions=1024,
            vocab_size=256_206,
            seed=0,
        ),
    ),
    # facebook/nllb-200-distilled-1.3B: as 600M with 24 + 24 layers and ffn 8192.
    "nllb-1.3b": RealShape(
        "nllb-1.3b",
        "nllb",
        "translate",
        Shape(
            layers=24,
            d_model=1024,
            ffn=8192,
            heads=16,
            max_positions=1024,
            vocab_size=256_206,
            seed=0,
        ),
    ),
}


def fixed_length() -> None:
    """Make every CTranslate2 call of this process decode exactly its maximum length."""
    original = Decoding.kwargs

    def kwargs(self: Decoding, prefix_len: int) -> dict[str, Any]:
        out = original(self, prefix_len)
        out["min_decoding_length"] = out["max_decoding_length"]
        return out

    Decoding.kwargs = kwargs  # type: ignore[method-assign]


# Random weights never stop, so a translation's output length must be set: the tool's cap is
# 2 x input + slack (a loop guard), but a real English translation of Arabic is about as long
# as its source in NLLB's pieces (English words are fewer pieces each, Arabic clitics are split
# off). Decoding to the cap would count up to twice the real decoder work.
TRANSLATION_OUTPUT_RATIO = 1.0


class RealisticLength:
    """A translator proxy: each sentence decodes exactly ``ratio`` x its own source length
    (within the caller's maximum), as a trained translator stopping at its end token would.

    Greedy calls stop each example at its own length through CTranslate2's step callback, so
    that the batch shrinks as sentences end, as it does for a trained model (finished rows
    are dropped from the batch). Beam search cannot take a callback: there every example of
    a call decodes as long as the call's longest (an upper bound). A call that CTranslate2
    would rebatch (``max_batch_size`` in tokens) is passed whole when it fits one batch, so
    that the callback's example index is the list's.
    """

    def __init__(self, translator: Any, ratio: float) -> None:
        self._inner = translator
        self._ratio = ratio

    def translate_batch(self, sources: list[list[str]], **kw: Any) -> Any:
        prefixes = kw.get("target_prefix") or [None] * len(sources)
        prefix = max((len(p or []) for p in prefixes), default=0)
        ceiling = int(kw.get("max_decoding_length", 1 << 30))
        wanted = [
            min(ceiling, len(p or []) + math.ceil(self._ratio * len(s)))
            for s, p in zip(sources, prefixes, strict=True)
        ]
        if kw.get("batch_type") == "tokens" and sum(map(len, sources)) <= kw.get(
            "max_batch_size", 0
        ):
            kw.pop("batch_type")
            kw.pop("max_batch_size")
        longest = max(wanted)
        kw["max_decoding_length"] = kw["min_decoding_length"] = max(longest, prefix + 1)
        if kw.get("beam_size", 1) == 1 and "callback" not in kw and "max_batch_size" not in kw:

            def stop(step: Any) -> bool:
                return bool(step.step + 1 >= wanted[step.batch_id])

            kw["callback"] = stop
        return self._inner.translate_batch(sources, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def realistic(neural: NeuralModel, real: RealShape) -> NeuralModel:
    """``neural`` with a translation's realistic output length (summaries keep the cap)."""
    if real.task == "translate":
        ct2 = neural.ct2
        ct2._translator = RealisticLength(ct2.translator, TRANSLATION_OUTPUT_RATIO)  # type: ignore[attr-defined]
    return neural


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def _stats(times: list[float]) -> dict[str, float]:
    return {"min": min(times), "median": statistics.median(times), "n": len(times)}


def build(real: RealShape, root: Path, data: Path) -> dict[str, Any]:
    """The shape's HF folder and its int8 conversion in ``root/home``."""
    from summarize.store.local import ModelStore

    spm_dir = root / "spm"
    spm_dir.mkdir(parents=True, exist_ok=True)
    layout = "t5" if real.family == "mt5" else "fairseq"
    spm_path = spm_dir / f"{layout}.model"
    if not spm_path.is_file():
        lines = [ln for r in models.read_rows(data) for ln in r["text"].split("\n") if ln.strip()]
        kind = "unigram" if layout == "t5" else "bpe"
        train_spm(
            lines,
            spm_path,
            vocab_size=models.SPM_PIECES,
            model_type=kind,
            layout=layout,
            num_threads=2,
        )
    hf = root / "hf" / real.key
    seconds, _ = _timed(
        lambda: (
            build_mt5(hf, spm_path, shape=real.shape)
            if real.family == "mt5"
            else build_nllb(hf, spm_path, shape=real.shape, src_lang="arb_Arab")
        )
    )
    convert, _ = _timed(lambda: ModelStore(root / "home").import_path(hf, real.key, force=True))
    return {"build_s": seconds, "convert_s": convert, "rss_mib": _peak_rss_kib() / 1024}


def bench_model(real: RealShape, root: Path) -> runs.BenchModel:
    """The installed conversion as the benchmark helpers name it."""
    return models.BenchModel(
        real.key, real.task, root / "hf" / real.key, root / "home", {"int8": real.key}
    )


def article(data: Path) -> Document:
    """The dev-set article closest to ``ARTICLE_WORDS`` words."""
    rows = models.read_rows(data)
    text = min((r["text"] for r in rows), key=lambda t: abs(len(t.split()) - ARTICLE_WORDS))
    return runs.document(text)


def batch_docs(data: Path, count: int) -> list[Document]:
    """``count`` dev-set articles of 400-800 words (whole articles, as users send them)."""
    rows = [r["text"] for r in models.read_rows(data) if 400 <= len(r["text"].split()) <= 800]
    return [runs.document(t) for t in rows[:count]]


def one_article(neural: NeuralModel, task: str, doc: Document, beam: int | None) -> str:
    """What ``summarize FILE`` / ``summarize translate FILE`` decodes (not streamed)."""
    plan = DecodePlan(beam=beam)
    if task == "summarize":
        return NeuralSummarizer(neural, plan).summarize_batch([doc], Length(), "ar")[0]
    return NeuralTranslator(neural, plan).translate_batch([doc], "en")[0]


def batch(neural: NeuralModel, task: str, docs: list[Document]) -> list[str]:
    """What ``summarize batch`` decodes for ``docs`` (shared calls, default decoding)."""
    if task == "summarize":
        return NeuralSummarizer(neural, DecodePlan()).summarize_batch(docs, Length(), "ar")
    return NeuralTranslator(neural, DecodePlan()).translate_batch(docs, "en")


def article_units(neural: NeuralModel, task: str, doc: Document) -> runs.Workload:
    """The source units of ``doc``'s first decoding round (chunks, or sentences)."""
    if task == "summarize":
        docs = [runs.document(neural.tokenizer.decode(u)) for u in neural.split(doc.text)]
        return runs.workload(neural, task, docs)
    return runs.workload(neural, task, [doc])


def write_vmap(model_dir: Path, vocabulary: list[str]) -> None:
    """A vocabulary map whose always-on candidates are the first ``VMAP_TOKENS`` tokens."""
    line = "\t" + " ".join(t for t in vocabulary[:VMAP_TOKENS] if " " not in t and t)
    (model_dir / "vmap.txt").write_text(line + "\n", encoding="utf-8")


def vocabulary(model_dir: Path) -> list[str]:
    """The converted model's target vocabulary, in id order."""
    for name in ("shared_vocabulary", "target_vocabulary"):
        if (model_dir / f"{name}.json").is_file():
            return [str(t) for t in json.loads((model_dir / f"{name}.json").read_text("utf-8"))]
        if (model_dir / f"{name}.txt").is_file():
            return (model_dir / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    raise FileNotFoundError(f"no vocabulary in {model_dir}")


def _raw(translator: Any, work: runs.Workload, beam: int, **extra: Any) -> Any:
    """One raw ``translate_batch`` over every unit of ``work`` (largest cap, fixed length)."""
    cap = max(u.cap for u in work.units)
    prefix = work.units[0].prefix
    options = {
        "beam_size": beam,
        "max_decoding_length": cap + len(prefix or []),
        "min_decoding_length": cap + len(prefix or []),
        "target_prefix": [u.prefix for u in work.units] if prefix else None,
        **extra,
    }
    return translator.translate_batch([u.source for u in work.units], **options)


def _interleaved(
    systems: dict[str, Callable[[], Any]], reps: int, warm: bool = True
) -> dict[str, list[float]]:
    """Seconds per repetition (order reversed every other one), after one untimed warm-up
    (none with ``warm=False``: ``--quick``)."""
    for fn in systems.values() if warm else ():
        fn()
    times: dict[str, list[float]] = {name: [] for name in systems}
    names = list(systems)
    for rep in range(reps):
        for name in names if rep % 2 == 0 else reversed(names):
            times[name].append(_timed(systems[name])[0])
    return times


def _translator(path: Path, **kwargs: Any) -> Any:
    import ctranslate2

    options = {"device": "cpu", "compute_type": "int8", "inter_threads": 1, "intra_threads": 2}
    return ctranslate2.Translator(str(path), **{**options, **kwargs})


def where_time_goes(neural: NeuralModel, work: runs.Workload, reps: int) -> dict[str, Any]:
    """Raw CTranslate2 trials on the article's units: beam, threads, batch, vmap, scores."""
    path = neural.layout.source_model.parent
    main = neural.ct2.translator
    one = runs.Workload(work.docs, work.units[:1])
    longest = max(work.units, key=lambda u: len(u.source))
    shortest = min(work.units, key=lambda u: len(u.source))
    same_cap = {"cap": max(u.cap for u in work.units)}

    def alone(unit: runs.Unit) -> runs.Workload:
        return runs.Workload(work.docs, [runs.Unit(0, unit.source, unit.prefix, same_cap["cap"])])

    write_vmap(path, vocabulary(path))
    inter = _translator(path, inter_threads=2, intra_threads=1)
    single = _translator(path, intra_threads=1)
    if isinstance(main, RealisticLength):
        inter = RealisticLength(inter, TRANSLATION_OUTPUT_RATIO)
        single = RealisticLength(single, TRANSLATION_OUTPUT_RATIO)
    trials: dict[str, Callable[[], Any]] = {
        "greedy": lambda: _raw(main, work, 1),
        "beam 4": lambda: _raw(main, work, 4),
        "greedy, vmap": lambda: _raw(main, work, 1, use_vmap=True),
        "beam 4, vmap": lambda: _raw(main, work, 4, use_vmap=True),
        "beam 4, no scores": lambda: _raw(main, work, 4, return_scores=False),
        "greedy, 1 thread": lambda: _raw(single, work, 1),
        "greedy, 2 inter x 1 intra": lambda: _raw(inter, work, 1, max_batch_size=1),
        "greedy, one unit per call": lambda: [_raw(main, alone(u), 1) for u in work.units],
        "greedy, longest unit": lambda: _raw(main, alone(longest), 1),
        "greedy, shortest unit": lambda: _raw(main, alone(shortest), 1),
        "greedy, first unit": lambda: _raw(main, one, 1),
    }
    times = _interleaved(trials, reps)
    (path / "vmap.txt").unlink()
    return {
        "units": len(work.units),
        "longest": len(longest.source),
        "shortest": len(shortest.source),
        "cap": same_cap["cap"],
        "times": {k: _stats(v) for k, v in times.items()},
    }


def tool_stage(real: RealShape, root: Path, data: Path, args: Any) -> dict[str, Any]:
    """Load, one article, tool vs raw CTranslate2, batch, where the time goes."""
    fixed_length()
    model = bench_model(real, root)
    loads = []
    for _ in range(args.reps):
        seconds, loaded = _timed(lambda: runs.load(model, "int8"))
        loads.append(seconds)
        loaded.close()
    load_rss = _peak_rss_kib() / 1024
    neural = realistic(runs.load(model, "int8"), real)
    doc = article(data)
    out: dict[str, Any] = {
        "load_s": _stats(loads),
        "load_rss_mib": load_rss,
        "article_words": len(doc.text.split()),
        "article_tokens": neural.tokenizer.count(doc.text),
        "chunks": len(neural.split(doc.text)) if real.task == "summarize" else None,
        "default_beam": neural.beam_size,
        "output_ratio": TRANSLATION_OUTPUT_RATIO if real.task == "translate" else None,
    }
    # The 1.3B shape (--article-only): load and one article at the default decoding.
    # --quick: the default decoding only, no warm-up.
    only_default = args.article_only or args.quick
    beams = [neural.beam_size] if only_default else sorted({neural.beam_size, 1, 4})
    one = _interleaved(
        {f"beam {b}": (lambda b=b: one_article(neural, real.task, doc, b)) for b in beams},
        args.reps,
        warm=not args.quick,
    )
    out["article_s"] = {k: _stats(v) for k, v in one.items()}
    out["article_rss_mib"] = _peak_rss_kib() / 1024
    if args.article_only:
        neural.close()
        return out
    work = article_units(neural, real.task, doc)
    repetition = runs.repetition_options(neural)
    beam = neural.beam_size
    side = _interleaved(
        {
            "tool": lambda: runs.tool_batch(neural, real.task, work, beam),
            "raw": lambda: runs.raw_ct2(neural.ct2.translator, work, beam, repetition),
        },
        args.reps,
        warm=not args.quick,
    )
    out["side"] = {"units": len(work.units), "beam": beam, "times": side}
    docs = batch_docs(data, args.batch_docs)
    batch_times = [
        _timed(lambda: batch(neural, real.task, docs))[0] for _ in range(args.batch_reps)
    ]
    out["batch"] = {"docs": len(docs), "times": _stats(batch_times)}
    if not args.no_trials:
        out["where"] = where_time_goes(neural, work, args.reps)
    out["rss_mib"] = _peak_rss_kib() / 1024
    neural.close()
    return out


def hf_stage(real: RealShape, root: Path, data: Path, args: Any) -> dict[str, Any]:
    """transformers ``generate`` (float32) on the article's units at the default beam."""
    from summarize.engines.neural.model import BATCH_TOKENS

    model = bench_model(real, root)
    neural = runs.load(model, "int8")
    work = article_units(neural, real.task, article(data))
    beam = neural.beam_size
    hf = runs.HfGenerate(model.hf, BATCH_TOKENS, runs.no_repeat(neural))
    generate = hf.model.generate

    def fixed(*a: Any, **kw: Any) -> Any:
        if real.task == "translate":
            longest = int(kw["input_ids"].shape[1])
            wanted = 2 + math.ceil(TRANSLATION_OUTPUT_RATIO * longest)  # language prefix
            kw["max_new_tokens"] = min(int(kw["max_new_tokens"]), wanted)
        kw["min_new_tokens"] = kw["max_new_tokens"]
        return generate(*a, **kw)

    hf.model.generate = fixed
    times = [_timed(lambda: hf.run(work, beam))[0] for _ in range(args.hf_reps)]
    neural.close()
    return {
        "units": len(work.units),
        "beam": beam,
        "times": times,
        "rss_mib": _peak_rss_kib() / 1024,
    }


def pair_stage(root: Path, data: Path, args: Any) -> dict[str, Any]:
    """The default summariser and translator loaded together, as ``brief`` loads them."""
    fixed_length()
    doc = article(data)
    summarizer = runs.load(bench_model(SHAPES["mt5-base"], root), "int8")
    translator = realistic(
        runs.load(bench_model(SHAPES["nllb-600m"], root), "int8"), SHAPES["nllb-600m"]
    )
    summary = one_article(summarizer, "summarize", doc, None)
    one_article(translator, "translate", runs.document(summary), None)
    summarizer.close()
    translator.close()
    return {"rss_mib": _peak_rss_kib() / 1024}


# Small stand-ins for a quick check of the script itself (--shapes smoke-mt5,smoke-nllb).
SHAPES["smoke-mt5"] = RealShape(
    "smoke-mt5", "mt5", "summarize", Shape(layers=2, d_model=64, ffn=128, heads=4, seed=0)
)
SHAPES["smoke-nllb"] = RealShape(
    "smoke-nllb", "nllb", "translate", Shape(layers=2, d_model=64, ffn=128, heads=4, seed=0)
)
