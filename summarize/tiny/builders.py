"""Builders for tiny random-weight Hugging Face model folders (mT5, crosssum, NLLB, Marian).

Each builder writes a folder that looks like a hub snapshot: ``config.json``, safetensors
weights, ``generation_config.json`` and the tokenizer files the real transformers tokenizer
loads, next to the SentencePiece model the runtime reads directly. Everything is seeded, so
two builds give byte-identical weights and vocabularies.
"""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.tiny.corpus import arabic_lines, english_lines, mixed_lines

SEED = 1234
D_MODEL = 32
FFN = 64
HEADS = 4
MAX_POSITIONS = 256
# The crosssum model picks its output language through these decoder start tokens.
CROSSSUM_LANGS = ("arabic", "english", "french", "spanish")
NLLB_LANGS = ("arb_Arab", "eng_Latn", "fra_Latn", "spa_Latn")


@dataclass(frozen=True)
class Shape:
    """A random model's dimensions and initialisation; the defaults are the tiny test models'.

    The benchmarks build larger models through the same builders with another shape.
    """

    layers: int  # encoder layers, and as many decoder layers
    d_model: int = D_MODEL
    ffn: int = FFN
    heads: int = HEADS
    d_kv: int | None = None  # mT5's width per head; d_model // heads when None
    max_positions: int = MAX_POSITIONS  # NLLB's learned positions
    relative_buckets: int = 8  # mT5's relative attention
    relative_distance: int = 32
    vocab_size: int | None = None  # rows of the embeddings; None: sized from the tokenizer
    head_scale: float = 0.5  # spread of mT5's untied lm_head
    seed: int = SEED


TINY_MT5 = Shape(layers=2)
TINY_NLLB = Shape(layers=1)
TINY_MARIAN = Shape(layers=1)
# The benchmarks' "small" models (scripts/bench_neural, scripts/bench_brief).
SMALL_SEED = 0
SMALL_VOCAB = 32_000
# mT5-small's dimensions; the lm_head untied, as in the published mT5.
SMALL_MT5 = Shape(
    layers=8,
    d_model=512,
    ffn=1024,
    heads=6,
    d_kv=64,
    relative_buckets=32,
    relative_distance=128,
    vocab_size=SMALL_VOCAB,
    head_scale=0.05,
    seed=SMALL_SEED,
)
SMALL_NLLB = Shape(
    layers=6,
    d_model=512,
    ffn=2048,
    heads=8,
    max_positions=512,
    vocab_size=SMALL_VOCAB,
    seed=SMALL_SEED,
)


def train_spm(
    lines: list[str],
    path: Path,
    *,
    vocab_size: int,
    model_type: str,
    layout: str,
    num_threads: int = 1,
) -> Path:
    """Train a SentencePiece model in-process and write it to ``path``.

    ``layout`` "t5" gives pad=0, eos=1, unk=2 and no bos (mT5's spiece.model);
    "fairseq" gives unk=0, bos=1, eos=2 and no pad (NLLB's and Marian's .spm files).
    """
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
        vocab_size=vocab_size,
        model_type=model_type,
        character_coverage=1.0,
        num_threads=num_threads,
        hard_vocab_limit=False,
        minloglevel=2,
        **ids,
    )
    path.write_bytes(buffer.getvalue())
    return path


def _seed(seed: int = SEED) -> None:
    import torch

    torch.manual_seed(seed)


def _save_model(model: Any, out: Path) -> None:
    model.eval()
    model.save_pretrained(out)


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _config_extra(tokenizer_class: str) -> dict[str, Any]:
    # Passed as **kwargs: the typed config signatures do not list tokenizer_class.
    return {"tokenizer_class": tokenizer_class}


def build_mt5(
    out: Path, spm_path: Path, *, crosssum: bool = False, shape: Shape = TINY_MT5
) -> Path:
    """A tiny (or ``shape``-sized) ``MT5ForConditionalGeneration``, lm_head untied as in mT5.

    With ``crosssum`` the tokenizer carries ``<extra_id_N>`` tokens and the config a
    ``task_specific_params.langid_map`` naming one of them per language, as
    csebuetnlp's crossSum models do.
    """
    import torch
    from transformers import MT5Config, MT5ForConditionalGeneration, T5Tokenizer

    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(spm_path, out / "spiece.model")
    extra_ids = len(CROSSSUM_LANGS) * 2 if crosssum else 0
    tokenizer = T5Tokenizer.from_pretrained(str(out), extra_ids=extra_ids, legacy=False)
    tokenizer.save_pretrained(str(out))
    # mT5's embedding matrix is larger than its tokenizer (250112 vs 250100): keep that gap.
    vocab_size = shape.vocab_size or len(tokenizer) + 4
    extra = _config_extra("T5Tokenizer")
    if crosssum:
        langid_map = {lang: [i, f"<extra_id_{i}>"] for i, lang in enumerate(CROSSSUM_LANGS)}
        extra["task_specific_params"] = {"langid_map": langid_map}
    config = MT5Config(
        vocab_size=vocab_size,
        d_model=shape.d_model,
        d_kv=shape.d_kv or shape.d_model // shape.heads,
        d_ff=shape.ffn,
        num_layers=shape.layers,
        num_decoder_layers=shape.layers,
        num_heads=shape.heads,
        relative_attention_num_buckets=shape.relative_buckets,
        relative_attention_max_distance=shape.relative_distance,
        feed_forward_proj="gated-gelu",
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
        **extra,
    )
    _seed(shape.seed)
    model = MT5ForConditionalGeneration(config)
    # transformers 5 ties lm_head to the input embeddings; the published mT5 weights do
    # not, and that difference is what CTranslate2's converter gets wrong.
    model.lm_head.weight = torch.nn.Parameter(
        torch.randn(vocab_size, shape.d_model) * shape.head_scale
    )
    _save_model(model, out)
    return out


def build_nllb(
    out: Path, spm_path: Path, *, shape: Shape = TINY_NLLB, src_lang: str = "eng_Latn"
) -> Path:
    """A tiny (or ``shape``-sized) ``M2M100ForConditionalGeneration`` with NLLB's tokenizer.

    ``src_lang`` is the source language the saved tokenizer starts with.
    """
    from transformers import M2M100Config, M2M100ForConditionalGeneration, NllbTokenizer

    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(spm_path, out / "sentencepiece.bpe.model")
    tokenizer = NllbTokenizer.from_pretrained(
        str(out), additional_special_tokens=list(NLLB_LANGS), src_lang=src_lang
    )
    tokenizer.save_pretrained(str(out))
    config = M2M100Config(
        vocab_size=shape.vocab_size or len(tokenizer),
        **_encoder_decoder_dims(shape),
        scale_embedding=True,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        **_config_extra("NllbTokenizer"),
    )
    _seed(shape.seed)
    _save_model(M2M100ForConditionalGeneration(config), out)
    return out


def _marian_vocab(source: Path, target: Path) -> dict[str, int]:
    import sentencepiece as spm

    vocab = {"</s>": 0, "<unk>": 1}
    for path in (source, target):
        processor = spm.SentencePieceProcessor(model_file=str(path))
        for i in range(processor.get_piece_size()):
            piece = processor.id_to_piece(i)
            if not processor.is_control(i) and not processor.is_unknown(i):
                vocab.setdefault(piece, len(vocab))
    vocab["<pad>"] = len(vocab)
    return vocab


def _encoder_decoder_dims(shape: Shape) -> dict[str, Any]:
    """``shape`` as the size arguments of a BART-style config (Marian, M2M100)."""
    return {
        "d_model": shape.d_model,
        "encoder_layers": shape.layers,
        "decoder_layers": shape.layers,
        "encoder_attention_heads": shape.heads,
        "decoder_attention_heads": shape.heads,
        "encoder_ffn_dim": shape.ffn,
        "decoder_ffn_dim": shape.ffn,
        "max_position_embeddings": shape.max_positions,
    }


def _pad_vocab(vocab: dict[str, int], size: int) -> dict[str, int]:
    """``vocab`` grown to ``size`` entries with filler pieces, ``<pad>`` kept last."""
    padded = {piece: i for piece, i in vocab.items() if piece != "<pad>"}
    for i in range(size - 1 - len(padded)):
        padded[f"▁filler{i}"] = len(padded)
    padded["<pad>"] = len(padded)
    return padded


def build_marian(
    out: Path, source_spm: Path, target_spm: Path, *, shape: Shape = TINY_MARIAN
) -> Path:
    """A tiny (or ``shape``-sized) ``MarianMTModel`` (Arabic → English).

    The folder holds source.spm, target.spm and vocab.json; a ``shape.vocab_size`` larger
    than the two SentencePiece models pads vocab.json with filler pieces up to that size.
    """
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source_spm, out / "source.spm")
    shutil.copyfile(target_spm, out / "target.spm")
    vocab = _marian_vocab(source_spm, target_spm)
    if shape.vocab_size and shape.vocab_size > len(vocab):
        vocab = _pad_vocab(vocab, shape.vocab_size)
    _write_json(out / "vocab.json", vocab)
    tokenizer = MarianTokenizer(
        str(out / "source.spm"),
        str(out / "target.spm"),
        str(out / "vocab.json"),
        source_lang="ar",
        target_lang="en",
    )
    tokenizer.save_pretrained(str(out))
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        bos_token_id=0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        **_encoder_decoder_dims(shape),
    )
    _seed(shape.seed)
    _save_model(MarianMTModel(config), out)
    return out


def build_hf_models(root: Path) -> dict[str, Path]:
    """Train the SentencePiece models and build every tiny family under ``root``."""
    spm_dir = root / "spm"
    spm_dir.mkdir(parents=True, exist_ok=True)
    mixed = mixed_lines()
    t5_spm = train_spm(
        mixed, spm_dir / "t5.model", vocab_size=400, model_type="unigram", layout="t5"
    )
    nllb_spm = train_spm(
        mixed, spm_dir / "nllb.model", vocab_size=400, model_type="bpe", layout="fairseq"
    )
    source_spm = train_spm(
        arabic_lines(),
        spm_dir / "ar.model",
        vocab_size=250,
        model_type="unigram",
        layout="fairseq",
    )
    target_spm = train_spm(
        english_lines(),
        spm_dir / "en.model",
        vocab_size=250,
        model_type="unigram",
        layout="fairseq",
    )
    return {
        "mt5": build_mt5(root / "mt5", t5_spm),
        "crosssum": build_mt5(root / "crosssum", t5_spm, crosssum=True),
        "nllb": build_nllb(root / "nllb", nllb_spm),
        "marian": build_marian(root / "marian", source_spm, target_spm),
    }
