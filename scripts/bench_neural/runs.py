"""The systems ``engines.py`` times: this tool, raw CTranslate2, transformers ``generate``.

Every system decodes the same documents with the same options. The tool gets text
(``NeuralSummarizer.summarize_batch`` / ``NeuralTranslator.translate_batch``, or one
call per article); the baselines get the tool's own source units, pre-tokenised: the
token sequences (special tokens included) that the tool hands to CTranslate2, so their
times leave out tokenisation and chunking, which the tool's times include.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts.bench_neural.models import BenchModel, read_rows
from summarize.engines.base import Document, Length
from summarize.engines.neural.ct2 import Decoding
from summarize.engines.neural.engine import DecodePlan, NeuralSummarizer, NeuralTranslator
from summarize.engines.neural.model import BATCH_TOKENS, NeuralModel, plan_batches, source_budget
from summarize.settings import Settings
from summarize.store.local import ModelStore
from summarize.text.sentences import split_sentences

# CPU threads of every system (CTranslate2 intra_threads, torch.set_num_threads).
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
MIN_SUMMARY_INPUT = 64  # so every summary input gets the catalogue's full cap (84 tokens)


@dataclass
class Unit:
    """One source unit as the tool decodes it: framed tokens, target prefix and output cap."""

    doc: int
    source: list[str]
    prefix: list[str] | None
    cap: int


@dataclass
class Workload:
    """Documents plus their pre-tokenised units, for one model."""

    docs: list[Document]
    units: list[Unit] = field(default_factory=list)

    @property
    def source_tokens(self) -> int:
        """Source tokens in all units (special tokens included)."""
        return sum(len(u.source) for u in self.units)


def load(model: BenchModel, quantization: str, batch_tokens: int | None = None) -> NeuralModel:
    """The installed conversion of ``model`` in ``quantization``, loaded as the CLI loads it
    (with ``batch_tokens``: as ``SUMMARIZE_BATCH_TOKENS`` would set the call budget)."""
    store = ModelStore(model.home)
    # The compute type must be named: on CPU the tool computes in int8 by default, whatever
    # the stored weights are.
    settings = Settings(
        home=model.home, offline=True, device="cpu", compute_type=quantization, threads=THREADS
    )
    return NeuralModel(store.get(model.names[quantization]), settings, batch_tokens=batch_tokens)


def document(text: str) -> Document:
    """An Arabic document as the pipeline hands it to an engine."""
    return Document(text=text, lang="ar", sentences=tuple(split_sentences(text)))


def make_docs(neural: NeuralModel, task: str, count: int, data: Path) -> list[Document]:
    """``count`` article-like texts cut from the dev set, of mixed lengths within the budget.

    Summaries: whole leading sentences of an article, between ``MIN_SUMMARY_INPUT`` tokens
    and a target that cycles through the budget, so each fits one unit. Translations: 2 to
    6 leading sentences of an article.
    """
    budget = neural.budget
    low = min(MIN_SUMMARY_INPUT, budget // 2)
    docs: list[Document] = []
    rows = read_rows(data)
    i = 0
    while len(docs) < count and i < 10 * len(rows):
        sentences = [s.text for s in split_sentences(rows[i % len(rows)]["text"])]
        n = len(docs)
        if task == "summarize":
            target = low + (n * 97) % max(1, int(budget * 0.95) - low)
            text = _leading(sentences, neural.tokenizer.count, target)
            if text and neural.tokenizer.count(text) >= low:
                docs.append(document(text))
        else:
            text = " ".join(sentences[: 2 + n % 5])
            if text:
                docs.append(document(text))
        i += 1
    return docs


def _leading(sentences: list[str], count: Callable[[str], int], target: int) -> str:
    kept: list[str] = []
    for sentence in sentences:
        if kept and count(" ".join([*kept, sentence])) > target:
            break
        kept.append(sentence)
    text = " ".join(kept)
    return text if count(text) <= target else ""


def workload(neural: NeuralModel, task: str, docs: list[Document]) -> Workload:
    """The units the tool decodes for ``docs`` (one per summary; sentences for translation)."""
    work = Workload(docs)
    tgt = "ar" if task == "summarize" else "en"
    prefix = neural.tokenizer.target_prefix(tgt)
    for d, doc in enumerate(docs):
        if task == "summarize":
            pieces = [neural.tokenizer.pieces(doc.text)]
        else:
            pieces = [u for s in doc.sentences for u in neural.split(s.text)]
        for unit in pieces:
            source = neural.layout.source_tokens(unit, "ar")
            work.units.append(Unit(d, source, prefix, neural.cap(len(unit))))
    return work


def repetition_options(neural: NeuralModel) -> dict[str, Any]:
    """The model's repetition guards (no_repeat_ngram_size and penalties), as the tool uses."""
    decoding = neural.decoding(1, 1)
    return {
        "no_repeat_ngram_size": decoding.no_repeat_ngram_size,
        "repetition_penalty": decoding.repetition_penalty,
        "length_penalty": decoding.length_penalty,
    }


def tool_batch(neural: NeuralModel, task: str, work: Workload, beam: int) -> list[str]:
    """This tool, cross-document batching: ``summarize_batch`` / ``translate_batch``."""
    plan = DecodePlan(beam=beam)
    if task == "summarize":
        return NeuralSummarizer(neural, plan).summarize_batch(work.docs, Length(), "ar")
    return NeuralTranslator(neural, plan).translate_batch(work.docs, "en")


def tool_loop(neural: NeuralModel, task: str, work: Workload, beam: int) -> list[str]:
    """This tool, one call per article (what ``summarize FILE`` does for each file)."""
    plan = DecodePlan(beam=beam)
    if task == "summarize":
        summarizer = NeuralSummarizer(neural, plan)
        return ["".join(summarizer.summarize(d, Length(), "ar")).strip() for d in work.docs]
    translator = NeuralTranslator(neural, plan)
    return ["".join(translator.translate(d, "en")) for d in work.docs]


def raw_ct2(
    translator: Any,
    work: Workload,
    beam: int,
    repetition: dict[str, Any],
    *,
    iterable: bool = False,
) -> list[list[str]]:
    """Raw CTranslate2 on the pre-tokenised units, calls planned as the tool plans them.

    Greedy: one call over all units, decoded to the largest output cap and each cut to its
    own; beam search: one call per output cap. ``translate_batch`` (or ``translate_iterable``)
    with ``max_batch_size`` in tokens (the tool's budget for ``beam``), so CTranslate2 sorts
    and rebatches by length itself, and the tool's decoding options (beam, repetition guards,
    ``disable_unk``).
    """
    out: list[list[str]] = [[] for _ in work.units]
    groups: dict[int, list[int]] = {}
    for i, unit in enumerate(work.units):
        groups.setdefault(unit.cap if beam > 1 else 0, []).append(i)
    for indices in groups.values():
        units = [work.units[i] for i in indices]
        prefixes = [u.prefix for u in units]
        prefix_len = max(len(p or []) for p in prefixes)
        decoding = Decoding(beam_size=beam, max_length=max(u.cap for u in units), **repetition)
        options = {
            **decoding.kwargs(prefix_len),
            "max_batch_size": source_budget(BATCH_TOKENS, beam, max(len(u.source) for u in units)),
            "batch_type": "tokens",
            "max_input_length": 0,
            "target_prefix": prefixes if prefix_len else None,
        }
        sources = [u.source for u in units]
        if iterable:
            results = list(translator.translate_iterable(iter(sources), **options))
        else:
            results = translator.translate_batch(sources, **options)
        for i, r, u in zip(indices, results, units, strict=True):
            out[i] = list(r.hypotheses[0])[prefix_len:][: u.cap]
    return out


def raw_translator(model: BenchModel, quantization: str) -> Any:
    """A bare ``ctranslate2.Translator`` on the installed model, loaded as the tool loads it."""
    import ctranslate2

    path = ModelStore(model.home).model_dir(model.names[quantization])
    return ctranslate2.Translator(
        str(path),
        device="cpu",
        compute_type=quantization,
        inter_threads=1,
        intra_threads=THREADS,
    )


def raw_texts(neural: NeuralModel, work: Workload, hyps: list[list[str]]) -> list[str]:
    """Raw hypotheses as document texts, joined the way the tool joins units."""
    texts = [""] * len(work.docs)
    for unit, tokens in zip(work.units, hyps, strict=True):
        piece = neural.tokenizer.decode(tokens).strip()
        texts[unit.doc] = f"{texts[unit.doc]} {piece}" if texts[unit.doc] else piece
    return texts


class HfGenerate:
    """transformers ``generate`` (PyTorch, float32, CPU) over the same units and batches."""

    def __init__(
        self,
        hf_folder: Path,
        batch_tokens: int,
        no_repeat_ngram_size: int,
        *,
        share: HfGenerate | None = None,
    ) -> None:
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        torch.set_num_threads(THREADS)
        self.torch = torch
        self.model: Any
        self.tokenizer: Any
        if share is not None:  # same weights, other options
            self.model, self.tokenizer = share.model, share.tokenizer
        else:
            self.model = AutoModelForSeq2SeqLM.from_pretrained(str(hf_folder)).eval()
            self.tokenizer = AutoTokenizer.from_pretrained(str(hf_folder))
        self.batch_tokens = batch_tokens
        self.no_repeat = no_repeat_ngram_size

    def ids(self, tokens: Sequence[str]) -> list[int]:
        """Token strings → the HF model's ids."""
        return [int(i) for i in self.tokenizer.convert_tokens_to_ids(list(tokens))]

    def run(self, work: Workload, beam: int) -> list[list[int]]:
        """Greedy or beam search on every unit, batched as the tool batches them."""
        torch = self.torch
        sources = [self.ids(u.source) for u in work.units]
        caps = [u.cap for u in work.units]
        pad = int(self.model.config.pad_token_id)
        out: list[list[int]] = [[] for _ in sources]
        budget = source_budget(self.batch_tokens, beam, max(map(len, sources), default=1))
        for batch in plan_batches([len(s) for s in sources], budget, caps if beam > 1 else None):
            width = max(len(sources[i]) for i in batch)
            ids = [sources[i] + [pad] * (width - len(sources[i])) for i in batch]
            mask = [[1] * len(sources[i]) + [0] * (width - len(sources[i])) for i in batch]
            extra: dict[str, Any] = {}
            prefix = work.units[batch[0]].prefix
            if prefix:
                extra["forced_bos_token_id"] = self.ids(prefix)[0]
            with torch.inference_mode():
                generated = self.model.generate(
                    input_ids=torch.tensor(ids),
                    attention_mask=torch.tensor(mask),
                    num_beams=beam,
                    do_sample=False,
                    max_new_tokens=max(caps[i] for i in batch) + len(prefix or []),
                    no_repeat_ngram_size=self.no_repeat,
                    length_penalty=1.0,
                    repetition_penalty=1.0,
                    **extra,
                )
            for i, row in zip(batch, generated.tolist(), strict=True):
                # Cut to the unit's own cap, as the tool does (prefix tokens included).
                out[i] = [t for t in row if t != pad][: caps[i] + len(prefix or [])]
        return out


def no_repeat(neural: NeuralModel) -> int:
    """The model's ``no_repeat_ngram_size`` (from its manifest's generation defaults)."""
    return neural.decoding(1, 1).no_repeat_ngram_size
