"""Models and inputs for ``engines.py`` and ``budget.py``, built at run time in a temporary folder.

Two sizes of random-weight model, both converted with the real converter (int8 and float32)
and installed in a temporary model store:

- *tiny*: the test suite's tiny mT5 and NLLB, built with its builders
  (``summarize/tiny/builders.py``: d_model 32, 2 + 2 and 1 + 1 layers, a 400-piece
  SentencePiece model trained on generated lines).
- *small*: an mT5 with mT5-small's dimensions (d_model 512, d_ff 1024, 8 + 8 layers, 6
  heads, d_kv 64) and an NLLB/M2M100 of the same width (d_model 512, ffn 2048, 6 + 6
  layers, 8 heads). Their SentencePiece models (16k pieces; unigram for mT5, BPE for
  NLLB) are trained on the dev set's text at run time, so Arabic splits into realistic
  pieces (about 1.5 per word, as mT5's own vocabulary does), and the embedding and output
  matrices are padded to 32,000 rows so the softmax costs what a mid-sized vocabulary
  costs. The published mT5 and NLLB have 250k-256k rows: their output layer is about 8
  times larger, so absolute speeds here are optimistic; the ratios compare like with like.

Inputs are cut from the dev set (``../shared/data/ant_bbc_arabic/data.jsonl``), read at
run time and never written anywhere but the temporary folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.tiny.builders import SMALL_MT5, SMALL_NLLB, build_mt5, build_nllb, train_spm
from summarize.tiny.corpus import mixed_lines

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "ant_bbc_arabic" / "data.jsonl"
SPM_PIECES = 16_000


@dataclass(frozen=True)
class BenchModel:
    """One benchmark model: its Hugging Face folder and the store names of its conversions."""

    key: str  # "tiny-mt5", "small-nllb", ...
    task: str  # "summarize" or "translate"
    hf: Path
    home: Path  # the model store's home (SUMMARIZE_HOME)
    names: dict[str, str]  # quantization → installed name


def read_rows(data: Path) -> list[dict[str, Any]]:
    """The dev-set records (id, text, ...)."""
    with data.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _install(hf: Path, home: Path, key: str, quantizations: tuple[str, ...]) -> dict[str, str]:
    from summarize.store.local import ModelStore

    store = ModelStore(home)
    names = {}
    for quantization in quantizations:
        name = f"{key}-{quantization}"
        store.import_path(hf, name, quantization, force=True)
        names[quantization] = name
    return names


def build_tiny(root: Path, home: Path) -> list[BenchModel]:
    """The test suite's tiny mT5 and NLLB (int8 and float32), installed under ``home``."""
    spm_dir = root / "tiny_spm"
    spm_dir.mkdir(parents=True, exist_ok=True)
    t5 = train_spm(
        mixed_lines(), spm_dir / "t5.model", vocab_size=400, model_type="unigram", layout="t5"
    )
    bpe = train_spm(
        mixed_lines(), spm_dir / "nllb.model", vocab_size=400, model_type="bpe", layout="fairseq"
    )
    quantizations = ("int8", "float32")
    mt5 = build_mt5(root / "hf" / "tiny-mt5", t5)
    nllb = build_nllb(root / "hf" / "tiny-nllb", bpe)
    return [
        BenchModel(
            "tiny-mt5", "summarize", mt5, home, _install(mt5, home, "tiny-mt5", quantizations)
        ),
        BenchModel(
            "tiny-nllb", "translate", nllb, home, _install(nllb, home, "tiny-nllb", quantizations)
        ),
    ]


def build_small(root: Path, home: Path, data: Path) -> list[BenchModel]:
    """The mT5-small-sized and NLLB-sized random models (int8 and float32) under ``home``."""
    lines = [line for row in read_rows(data) for line in row["text"].split("\n") if line.strip()]
    spm_dir = root / "spm"
    spm_dir.mkdir(parents=True, exist_ok=True)

    def train(name: str, model_type: str, layout: str) -> Path:
        return train_spm(
            lines,
            spm_dir / name,
            vocab_size=SPM_PIECES,
            model_type=model_type,
            layout=layout,
            num_threads=2,
        )

    t5_spm = train("t5.model", "unigram", "t5")
    nllb_spm = train("nllb.model", "bpe", "fairseq")
    quantizations = ("int8", "float32")
    mt5 = build_mt5(root / "hf" / "small-mt5", t5_spm, shape=SMALL_MT5)
    nllb = build_nllb(root / "hf" / "small-nllb", nllb_spm, shape=SMALL_NLLB, src_lang="arb_Arab")
    return [
        BenchModel(
            "small-mt5", "summarize", mt5, home, _install(mt5, home, "small-mt5", quantizations)
        ),
        BenchModel(
            "small-nllb", "translate", nllb, home, _install(nllb, home, "small-nllb", quantizations)
        ),
    ]
