"""Models and inputs for ``bench_neural.py``, built at run time in a temporary folder.

Two sizes of random-weight model, both converted with the real converter (int8 and float32)
and installed in a temporary model store:

- *tiny*: the test suite's tiny mT5 and NLLB, built with its builders
  (``tests/tiny_builders.py``: d_model 32, 2 + 2 and 1 + 1 layers, a 400-piece
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

import io
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ant_bbc_arabic" / "data.jsonl"
SEED = 0
SMALL_VOCAB = 32_000
SPM_PIECES = 16_000
NLLB_LANGS = ("arb_Arab", "eng_Latn")


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


def _train_spm(lines: list[str], path: Path, model_type: str, layout: str) -> Path:
    import sentencepiece as spm

    ids: dict[str, Any] = (
        {"pad_id": 0, "eos_id": 1, "unk_id": 2, "bos_id": -1}
        if layout == "t5"
        else {"unk_id": 0, "bos_id": 1, "eos_id": 2, "pad_id": -1}
    )
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buffer,
        vocab_size=SPM_PIECES,
        model_type=model_type,
        character_coverage=1.0,
        num_threads=2,
        hard_vocab_limit=False,
        minloglevel=2,
        **ids,
    )
    path.write_bytes(buffer.getvalue())
    return path


def _tokenizer_class(name: str) -> dict[str, Any]:
    # Passed as **kwargs: the typed config signatures do not list tokenizer_class.
    return {"tokenizer_class": name}


def _build_small_mt5(out: Path, spm_path: Path) -> Path:
    import torch
    from transformers import MT5Config, MT5ForConditionalGeneration, T5Tokenizer

    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(spm_path, out / "spiece.model")
    tokenizer = T5Tokenizer.from_pretrained(str(out), extra_ids=0, legacy=False)
    tokenizer.save_pretrained(str(out))
    config = MT5Config(
        vocab_size=SMALL_VOCAB,
        d_model=512,
        d_kv=64,
        d_ff=1024,
        num_layers=8,
        num_decoder_layers=8,
        num_heads=6,
        feed_forward_proj="gated-gelu",
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
        **_tokenizer_class("T5Tokenizer"),
    )
    torch.manual_seed(SEED)
    model = MT5ForConditionalGeneration(config)
    # Untied, as the published mT5 (and so the converter's mT5 fix is exercised).
    model.lm_head.weight = torch.nn.Parameter(torch.randn(SMALL_VOCAB, 512) * 0.05)
    model.eval()  # type: ignore[no-untyped-call]
    model.save_pretrained(out)
    return out


def _build_small_nllb(out: Path, spm_path: Path) -> Path:
    import torch
    from transformers import M2M100Config, M2M100ForConditionalGeneration, NllbTokenizer

    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(spm_path, out / "sentencepiece.bpe.model")
    tokenizer = NllbTokenizer.from_pretrained(
        str(out), additional_special_tokens=list(NLLB_LANGS), src_lang="arb_Arab"
    )
    tokenizer.save_pretrained(str(out))
    config = M2M100Config(
        vocab_size=SMALL_VOCAB,
        d_model=512,
        encoder_layers=6,
        decoder_layers=6,
        encoder_attention_heads=8,
        decoder_attention_heads=8,
        encoder_ffn_dim=2048,
        decoder_ffn_dim=2048,
        max_position_embeddings=512,
        scale_embedding=True,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        **_tokenizer_class("NllbTokenizer"),
    )
    torch.manual_seed(SEED)
    model = M2M100ForConditionalGeneration(config)
    model.eval()  # type: ignore[no-untyped-call]
    model.save_pretrained(out)
    return out


def _install(hf: Path, home: Path, key: str, quantizations: tuple[str, ...]) -> dict[str, str]:
    from summarize.store import ModelStore

    store = ModelStore(home)
    names = {}
    for quantization in quantizations:
        name = f"{key}-{quantization}"
        store.import_path(hf, name, quantization, force=True)
        names[quantization] = name
    return names


def build_tiny(root: Path, home: Path) -> list[BenchModel]:
    """The test suite's tiny mT5 and NLLB (int8 and float32), installed under ``home``."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.tiny_builders import build_mt5, build_nllb, train_spm
    from tests.tiny_corpus import mixed_lines

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
    t5_spm = _train_spm(lines, spm_dir / "t5.model", "unigram", "t5")
    nllb_spm = _train_spm(lines, spm_dir / "nllb.model", "bpe", "fairseq")
    quantizations = ("int8", "float32")
    mt5 = _build_small_mt5(root / "hf" / "small-mt5", t5_spm)
    nllb = _build_small_nllb(root / "hf" / "small-nllb", nllb_spm)
    return [
        BenchModel(
            "small-mt5", "summarize", mt5, home, _install(mt5, home, "small-mt5", quantizations)
        ),
        BenchModel(
            "small-nllb", "translate", nllb, home, _install(nllb, home, "small-nllb", quantizations)
        ),
    ]
