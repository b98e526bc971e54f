"""Hugging Face → CTranslate2 conversion: the only module that imports transformers or torch.

Nothing here is imported at start-up; :mod:`summarize.store.local` calls it on ``pull``/``import``.
It reads the family from ``config.json``, converts with CTranslate2's converter (fixing the
mT5 output scaling that transformers 5 makes it get wrong), copies the tokenizer files next
to the weights and describes what the runtime needs to tokenise for the model.
"""

from __future__ import annotations

import json
import pickle
import shutil
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from summarize.errors import SummarizeError, UsageError
from summarize.store.families import FAMILIES, family_for_model_type, model_types
from summarize.store.langcodes import crosssum_tokens, nllb_tokens

QUANTIZATIONS = ("int8", "int8_float16", "int8_float32", "int16", "float16", "bfloat16", "float32")
# Copied from the source folder when present; the runtime reads the .model/.spm files.
TOKENIZER_FILES = (
    "spiece.model",
    "sentencepiece.bpe.model",
    "source.spm",
    "target.spm",
    "vocab.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "generation_config.json",
)
_INSTALL_HINT = "converting a model needs torch and transformers: pip install 'summarize[convert]'"


def load_json(path: Path) -> Any:
    """The JSON in ``path`` (UTF-8); :class:`SummarizeError` naming the file when it is not JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise SummarizeError(f"{path} is not valid JSON (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise SummarizeError(f"{path} is not valid JSON ({exc.msg} at {where})") from None


def read_json(path: Path) -> dict[str, Any]:
    """Load a JSON object from ``path`` (UTF-8)."""
    data = load_json(path)
    if not isinstance(data, dict):
        raise SummarizeError(f"{path} does not hold a JSON object")
    return data


def detect_family(folder: Path) -> str:
    """The family (a name in the family table) of a Hugging Face folder, from config.json."""
    config_path = folder / "config.json"
    if not config_path.is_file():
        raise UsageError(f"{folder} has no config.json: not a Hugging Face model folder")
    model_type = read_json(config_path).get("model_type")
    tokenizer_class = ""
    if (folder / "tokenizer_config.json").is_file():
        tokenizer_class = str(read_json(folder / "tokenizer_config.json").get("tokenizer_class"))
    family = family_for_model_type(
        str(model_type), tokenizer_class, lambda name: (folder / name).is_file()
    )
    if family is None:
        raise UsageError(
            f"unsupported model type {model_type!r} in {config_path} "
            f"(supported: {', '.join(model_types())})"
        )
    return family.name


def detect_task(folder: Path, family: str) -> str:
    """summarize, translate or crosssum: mT5 with a ``langid_map`` is cross-lingual."""
    rules = FAMILIES[family]
    if not rules.crosslingual_variant:
        return rules.default_task
    params = read_json(folder / "config.json").get("task_specific_params") or {}
    return "crosssum" if "langid_map" in params else rules.default_task


def _import_converter() -> Any:
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as exc:
        raise SummarizeError(f"{_INSTALL_HINT} ({exc.name} is missing)") from exc
    import ctranslate2.converters
    from transformers.utils import logging

    # Progress bars and tie-weights notices from transformers would bury our one-line status.
    hf_logging: Any = logging
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    return ctranslate2.converters.TransformersConverter


def _fixed_converter(base: Any, family: str, crosssum: bool) -> Any:
    """A TransformersConverter subclass that corrects the spec before it is saved."""

    from ctranslate2.specs import model_spec

    class _Converter(base):  # type: ignore[misc]
        def load_model(self, model_class: Any, model_name_or_path: str, **kwargs: Any) -> Any:
            # Pickled weights (pytorch_model.bin) may only hold tensors: no code runs.
            kwargs["weights_only"] = True
            return super().load_model(model_class, model_name_or_path, **kwargs)

        def _load(self) -> Any:
            spec = super()._load()
            if FAMILIES[family].unscaled_outputs:
                # transformers 5 forces tie_word_embeddings=True on MT5Config, so the T5
                # loader scales decoder outputs by d_model**-0.5; mT5's lm_head never did.
                spec.decoder.scale_outputs = model_spec.OPTIONAL
            if crosssum:
                # Decoding starts from the language token given as first target_prefix.
                spec.config.decoder_start_token = None
            for vocabularies in spec._vocabularies.values():
                for tokens in vocabularies:
                    rename_duplicates(tokens)
            return spec

    return _Converter


def rename_duplicates(tokens: list[str]) -> None:
    """Rename, in place, every later copy of a token that already appears in ``tokens``.

    CTranslate2's T5 loader pads the vocabulary up to the embedding size with
    ``<extra_id_N>`` names the tokenizer may already use; a duplicate would make the
    token → id lookup (e.g. a crossSum language token) ambiguous.
    """
    seen: set[str] = set()
    for index, token in enumerate(tokens):
        if token in seen:
            tokens[index] = f"<unused_{index}>"
        seen.add(tokens[index])


def convert_folder(source: Path, output: Path, quantization: str) -> None:
    """Convert the Hugging Face folder ``source`` into a CTranslate2 model in ``output``."""
    if quantization not in QUANTIZATIONS:
        raise UsageError(
            f"unknown quantization {quantization!r} (choose from: {', '.join(QUANTIZATIONS)})"
        )
    family = detect_family(source)
    crosssum = detect_task(source, family) == "crosssum"
    converter_class = _fixed_converter(_import_converter(), family, crosssum)
    converter = converter_class(str(source), low_cpu_mem_usage=True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "pip install sacremoses" and the like
            converter.convert(str(output), quantization=quantization, force=True)
    except (ValueError, OSError, RuntimeError, pickle.UnpicklingError) as exc:
        if isinstance(exc, pickle.UnpicklingError) or "weights_only" in str(exc):
            raise SummarizeError(_pickle_refusal(source)) from None
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SummarizeError(f"conversion of {source} failed: {reason}") from exc
    copy_tokenizer_files(source, output)


def _pickle_refusal(source: Path) -> str:
    """Why pickled weights that hold more than tensors are refused, and what to do."""
    pickles = sorted(p.name for p in source.glob("*.bin")) or ["the weights"]
    return (
        f"conversion of {source} refused: {', '.join(pickles)} is a pickle that could run "
        "code when loaded (it holds more than tensors); save the weights as safetensors "
        "(model.safetensors) and import again"
    )


def copy_tokenizer_files(source: Path, output: Path) -> list[str]:
    """Copy the tokenizer files found in ``source`` into ``output``; return their names."""
    copied = []
    for name in TOKENIZER_FILES:
        if (source / name).is_file() and source.resolve() != output.resolve():
            shutil.copyfile(source / name, output / name)
            copied.append(name)
    return copied


def _tokens_from_config(output: Path) -> Mapping[str, Any]:
    config = output / "config.json"
    return read_json(config) if config.is_file() else {}


def describe_tokenizer(folder: Path, family: str, hf_config: Mapping[str, Any]) -> dict[str, Any]:
    """What the runtime needs to tokenise for this model (recorded in the manifest).

    ``folder`` holds the converted model and its tokenizer files; ``hf_config`` is the source
    ``config.json`` (empty for an already converted folder).
    """
    ct2 = _tokens_from_config(folder)
    info: dict[str, Any] = {
        "type": "sentencepiece",
        "eos_token": ct2.get("eos_token", "</s>"),
        "unk_token": ct2.get("unk_token", "<unk>"),
        "decoder_start_token": ct2.get("decoder_start_token"),
        "lang_tokens": {},
    }
    rules = FAMILIES[family]
    info.update(source_model=rules.source_model, target_model=rules.target_model)
    info.update(source_prefix=list(rules.source_prefix), source_suffix=["</s>"])
    info["target_prefix"] = "lang_token" if rules.lang_prefix else "none"
    if rules.lang_prefix:
        info["lang_tokens"] = nllb_tokens(_vocabulary(folder))
    langid_map = (hf_config.get("task_specific_params") or {}).get("langid_map") or {}
    if rules.crosslingual_variant and langid_map:
        info["lang_tokens"] = resolve_lang_tokens(crosssum_tokens(langid_map), _vocabulary(folder))
        info["langid_map"] = {name: value[1] for name, value in langid_map.items()}
        info["target_prefix"] = "lang_token"
    return info


def resolve_lang_tokens(lang_tokens: Mapping[str, str], vocabulary: list[str]) -> dict[str, str]:
    """Language tokens resolved against the vocabulary; a crossSum model that has none fails.

    A token written with SentencePiece's word marker (``▁<extra_id_N>``) is also looked up
    without it, since the converted vocabulary may keep the bare added token.
    """
    known = set(vocabulary)
    resolved = {}
    for lang, token in lang_tokens.items():
        for candidate in (token, token.removeprefix("▁")):
            if candidate in known:
                resolved[lang] = candidate
                break
    if lang_tokens and not resolved:
        raise SummarizeError(
            "none of the langid_map language tokens is in the model's vocabulary: "
            "cannot choose an output language for this cross-lingual model"
        )
    return resolved


def _vocabulary(folder: Path) -> list[str]:
    for name in ("shared_vocabulary.json", "source_vocabulary.json", "vocabulary.json"):
        if (folder / name).is_file():
            tokens = json.loads((folder / name).read_text(encoding="utf-8"))
            return [str(token) for token in tokens]
    for name in ("shared_vocabulary.txt", "source_vocabulary.txt", "vocabulary.txt"):
        if (folder / name).is_file():
            return (folder / name).read_text(encoding="utf-8").splitlines()
    return []
