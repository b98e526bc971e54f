"""Model-family rules in one table: one :class:`Family` per family the store and runtime know.

CTranslate2 adds no special tokens itself, so every family's layout is spelled out here:

- mT5: ``pieces + </s>``, no target prefix. A crossSum model (mT5 fine-tuned to summarise
  across languages, told by ``langid_map`` in its config) picks the output language by
  forcing its token as first target token.
- NLLB and M2M100: ``[src_lang] + pieces + </s>``, target prefix ``[tgt_lang]``.
- Marian: ``pieces + </s>`` with the source model; output decoded with the target model;
  one model per language pair.

The store (detection, conversion, manifests, catalogue) and the runtime
(:mod:`summarize.engines.neural.layout`) read this table; no other module names a family.
Importing it loads no model library.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

SRC_LANG = "src_lang"

# Decoding defaults, in one place. A model's manifest carries its ``generation`` table (the
# catalogue's entry, or its family's below for imported models); a key it lacks (or holds
# no number for) falls back to GENERATION_DEFAULTS. ``max_output_ratio`` caps the output at
# a multiple of the input length (plus slack).
GENERATION_DEFAULTS: dict[str, Any] = {
    "beam_size": 4,
    "no_repeat_ngram_size": 0,
    "repetition_penalty": 1.0,
    "length_penalty": 1.0,
    "max_length": 256,
    "max_output_ratio": 1.5,
}
# Translation blocks repeated 4-grams and caps output at a multiple of the input length:
# the repetition loops users of NLLB under CTranslate2 complain about most.
_TRANSLATION: dict[str, Any] = {
    **GENERATION_DEFAULTS,
    "no_repeat_ngram_size": 4,
    "max_output_ratio": 2.0,
}
# NLLB's published generation_config.json sets no beams: greedy, which streams token by token
# in a terminal and costs a quarter of beam 4's decoder work (docs/benchmarks.md, "real size").
_NLLB: dict[str, Any] = {**_TRANSLATION, "beam_size": 1}
_SUMMARY: dict[str, Any] = {
    **{k: v for k, v in GENERATION_DEFAULTS.items() if k != "max_output_ratio"},
    "no_repeat_ngram_size": 2,
    "max_length": 84,
}


@dataclass(frozen=True)
class Family:
    """Everything the store and the runtime need to know about one model family."""

    name: str
    # Hugging Face ``config.json`` model_type values this family converts from.
    model_types: tuple[str, ...]
    # SentencePiece files (the source one also tells a converted folder's family).
    source_model: str
    target_model: str
    source_prefix: tuple[str, ...]
    # Whether the output starts with a forced language token (and inputs name theirs).
    lang_prefix: bool
    # Task of a model of this family when nothing else says.
    default_task: str
    # Decoding defaults for imported models that the catalogue does not name.
    generation: Mapping[str, Any]
    lang_tokens: Mapping[str, str] = field(default_factory=dict)
    # One model per language pair (the manifest lists its pairs).
    pair_model: bool = False
    # Fine-tuned variants may summarise across languages (crossSum's ``langid_map``).
    crosslingual_variant: bool = False
    # Decoder outputs are not scaled by d_model**-0.5 (CTranslate2's T5 loader assumes so).
    unscaled_outputs: bool = False
    # Tells this family apart from another with the same model_type: a tokenizer class
    # name part, or a tokenizer file in the folder.
    tokenizer_class: str = ""
    marker_file: str = ""
    # CUDA compute types, in order of preference (the first the GPU supports is used).
    cuda_compute: tuple[str, ...] = ("int8_float16",)

    @property
    def marked(self) -> bool:
        """Whether this family needs its marker to be told from a same-type family."""
        return bool(self.tokenizer_class or self.marker_file)


FAMILIES: dict[str, Family] = {
    "mt5": Family(
        "mt5",
        ("mt5", "t5"),
        "spiece.model",
        "spiece.model",
        (),
        lang_prefix=False,
        default_task="summarize",
        generation=_SUMMARY,
        crosslingual_variant=True,
        unscaled_outputs=True,
        # T5 activations overflow float16 (NaN or <pad>-only output: CTranslate2 issues
        # 1074 and 1679): bfloat16 has float32's range; without it, float32.
        cuda_compute=("int8_bfloat16", "int8_float32"),
    ),
    "nllb": Family(
        "nllb",
        ("m2m_100",),
        "sentencepiece.bpe.model",
        "sentencepiece.bpe.model",
        (SRC_LANG,),
        lang_prefix=True,
        default_task="translate",
        generation=_NLLB,
        lang_tokens={"ar": "arb_Arab", "en": "eng_Latn"},
        tokenizer_class="Nllb",
        marker_file="sentencepiece.bpe.model",
    ),
    "marian": Family(
        "marian",
        ("marian",),
        "source.spm",
        "target.spm",
        (),
        lang_prefix=False,
        default_task="translate",
        generation=_TRANSLATION,
        pair_model=True,
    ),
}
# M2M100 lays out tokens as NLLB does, with its own language codes and no marker.
FAMILIES["m2m100"] = replace(
    FAMILIES["nllb"],
    name="m2m100",
    lang_tokens={"ar": "__ar__", "en": "__en__"},
    tokenizer_class="",
    marker_file="",
)


def cuda_compute_type(family: str | None, supported: Collection[str] | None = None) -> str:
    """The CUDA compute type for a model of ``family`` (``None``: any family).

    ``supported``: what the GPU supports; the first of the family's choices in it wins, and
    CTranslate2's ``default`` when none is. ``None`` (no GPU to ask): the first choice.
    """
    rules = FAMILIES.get(family or "")
    choices = rules.cuda_compute if rules is not None else Family.cuda_compute
    if supported is None:
        return choices[0]
    return next((choice for choice in choices if choice in supported), "default")


def describe_cuda_compute(family: str | None) -> str:
    """The family's CUDA choice in words: ``int8_bfloat16, else int8_float32 (...)``."""
    rules = FAMILIES.get(family or "")
    choices = rules.cuda_compute if rules is not None else Family.cuda_compute
    if len(choices) == 1:
        return choices[0]
    return f"{', else '.join(choices)} (the first the GPU supports)"


def model_types() -> tuple[str, ...]:
    """Every Hugging Face model_type some family converts from, in table order."""
    return tuple(dict.fromkeys(t for family in FAMILIES.values() for t in family.model_types))


def family_for_model_type(
    model_type: str, tokenizer_class: str, has_file: Callable[[str], bool]
) -> Family | None:
    """The family of a Hugging Face folder with ``model_type``; None when no family has it.

    Families sharing a model_type are told apart by their markers (``has_file(name)`` says
    whether the folder holds a file); the unmarked one takes the rest.
    """
    fallback = None
    for family in FAMILIES.values():
        if model_type not in family.model_types:
            continue
        if not family.marked:
            fallback = fallback or family
        elif (family.tokenizer_class and family.tokenizer_class in tokenizer_class) or (
            family.marker_file and has_file(family.marker_file)
        ):
            return family
    return fallback


def family_by_file(has_file: Callable[[str], bool]) -> Family | None:
    """The family of a converted folder, from the first tokenizer file it holds."""
    for family in FAMILIES.values():
        if has_file(family.source_model):
            return family
    return None


def tokenizer_files() -> tuple[str, ...]:
    """The source tokenizer files that tell a converted folder's family, in table order."""
    return tuple(dict.fromkeys(family.source_model for family in FAMILIES.values()))
