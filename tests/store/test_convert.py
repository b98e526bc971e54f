"""Conversion of the tiny models with the real converter: numerics, start tokens, tokenizers."""

from __future__ import annotations

import builtins
import json
from pathlib import Path
from typing import Any

import ctranslate2
import pytest
import sentencepiece as spm
import torch
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

from summarize.errors import SummarizeError, UsageError
from summarize.store import convert

ARABIC = "قالت الحكومة في القاهرة صباح اليوم إن الميزانية العامة بلغت ٢٠٢٤ مليونا."
ENGLISH = "The minister said the annual budget reached 2024 in Cairo last week."
SAMPLES = (
    ARABIC,
    ENGLISH,
    "أعلنت الشركة، بعد جدل طويل، مشروعا كبيرا؟",
    "Parliament approved the labour law; police denied it!",
    "الرئيس said: «خطة جديدة» in Doha 12",
)


def _vocabulary(model_dir: Path) -> dict[str, int]:
    tokens = json.loads((model_dir / "shared_vocabulary.json").read_text(encoding="utf-8"))
    index: dict[str, int] = {}
    for i, token in enumerate(tokens):
        index.setdefault(token, i)
    return index


def _ids(tokens: list[str], vocab: dict[str, int], unk: str = "<unk>") -> list[int]:
    return [vocab.get(token, vocab[unk]) for token in tokens]


def _pieces(model_dir: Path, filename: str, text: str) -> list[str]:
    processor = spm.SentencePieceProcessor(model_file=str(model_dir / filename))
    return list(processor.encode(text, out_type=str))


def _hf_log_probs(hf_dir: Path, source: list[int], target: list[int], start: int) -> list[float]:
    model = AutoModelForSeq2SeqLM.from_pretrained(str(hf_dir)).eval()
    with torch.no_grad():
        logits = model(
            input_ids=torch.tensor([source]),
            decoder_input_ids=torch.tensor([[start, *target[:-1]]]),
        ).logits[0]
    log_probs = torch.log_softmax(logits.float(), dim=-1)
    return [float(log_probs[i, token]) for i, token in enumerate(target)]


def _score(model_dir: Path, source: list[str], target: list[str]) -> list[float]:
    translator = ctranslate2.Translator(str(model_dir), device="cpu", compute_type="float32")
    try:
        return list(translator.score_batch([source], [target])[0].log_probs)
    finally:
        del translator


def test_mt5_log_probs_match_transformers(
    tiny_hf_models: dict[str, Path], tiny_ct2_models: dict[str, Path]
) -> None:
    """The scale fix: CTranslate2 scores every token as transformers' mT5 does."""
    model_dir = tiny_ct2_models["mt5-float32"]
    vocab = _vocabulary(model_dir)
    source = [*_pieces(model_dir, "spiece.model", ARABIC), "</s>"]
    target = _pieces(model_dir, "spiece.model", "أعلنت الوزارة خطة جديدة.")
    expected = _hf_log_probs(
        tiny_hf_models["mt5"], _ids(source, vocab), [*_ids(target, vocab), vocab["</s>"]], 0
    )
    got = _score(model_dir, source, target)
    assert len(got) == len(target) + 1  # the pieces, then </s>
    assert got == pytest.approx(expected, abs=1e-3)


def test_unfixed_conversion_scores_differently(
    tiny_hf_models: dict[str, Path], tiny_ct2_models: dict[str, Path], tmp_path: Path
) -> None:
    """Without the fix the stock converter scales mT5's outputs: the comparison above can fail."""
    stock = tmp_path / "stock"
    ctranslate2.converters.TransformersConverter(str(tiny_hf_models["mt5"])).convert(
        str(stock), quantization="float32"
    )
    config = json.loads((stock / "config.json").read_text(encoding="utf-8"))
    assert config["decoder_start_token"] == "<pad>"
    pieces = _pieces(tiny_ct2_models["mt5-float32"], "spiece.model", ENGLISH)
    fixed = _score(tiny_ct2_models["mt5-float32"], [*pieces, "</s>"], pieces[:5])
    unfixed = _score(stock, [*pieces, "</s>"], pieces[:5])
    assert max(abs(a - b) for a, b in zip(fixed, unfixed, strict=True)) > 0.1


def test_crosssum_starts_from_the_language_token(
    tiny_hf_models: dict[str, Path], tiny_ct2_models: dict[str, Path]
) -> None:
    """target_prefix=[[lang]] with decoder_start_token null decodes like HF generate."""
    model_dir = tiny_ct2_models["crosssum-float32"]
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    assert config["decoder_start_token"] is None
    manifest = json.loads((model_dir / "manifest.json").read_text(encoding="utf-8"))
    lang_tokens = manifest["tokenizer"]["lang_tokens"]
    vocab = _vocabulary(model_dir)
    tokenizer = AutoTokenizer.from_pretrained(str(tiny_hf_models["crosssum"]))
    model = AutoModelForSeq2SeqLM.from_pretrained(str(tiny_hf_models["crosssum"])).eval()
    source = [*_pieces(model_dir, "spiece.model", ARABIC), "</s>"]
    translator = ctranslate2.Translator(str(model_dir), compute_type="float32")
    outputs = {}
    for lang in ("ar", "en", "fr"):
        token = lang_tokens[lang]
        start = tokenizer.convert_tokens_to_ids(token)
        assert vocab[token] == start
        with torch.no_grad():
            expected = model.generate(
                input_ids=torch.tensor([_ids(source, vocab)]),
                decoder_start_token_id=start,
                num_beams=1,
                do_sample=False,
                max_new_tokens=12,
            )[0].tolist()
        result = translator.translate_batch(
            [source], target_prefix=[[token]], beam_size=1, max_decoding_length=12
        )
        got = _ids(result[0].hypotheses[0], vocab)
        # HF output starts with the start token; CTranslate2 leaves it out of the hypothesis.
        assert expected[0] == start
        assert got == expected[1:]
        outputs[lang] = got
    del translator
    assert len({tuple(ids) for ids in outputs.values()}) > 1  # the language token matters


@pytest.mark.parametrize("text", SAMPLES)
def test_mt5_sentencepiece_ids_match_transformers(
    text: str, tiny_hf_models: dict[str, Path], tiny_ct2_models: dict[str, Path]
) -> None:
    model_dir = tiny_ct2_models["mt5"]
    tokenizer = AutoTokenizer.from_pretrained(str(tiny_hf_models["mt5"]))
    ours = _ids([*_pieces(model_dir, "spiece.model", text), "</s>"], _vocabulary(model_dir))
    assert ours == tokenizer(text).input_ids


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("lang", ["arb_Arab", "eng_Latn"])
def test_nllb_sentencepiece_ids_match_transformers(
    text: str, lang: str, tiny_hf_models: dict[str, Path], tiny_ct2_models: dict[str, Path]
) -> None:
    model_dir = tiny_ct2_models["nllb"]
    tokenizer = AutoTokenizer.from_pretrained(str(tiny_hf_models["nllb"]), src_lang=lang)
    tokens = [lang, *_pieces(model_dir, "sentencepiece.bpe.model", text), "</s>"]
    assert _ids(tokens, _vocabulary(model_dir)) == tokenizer(text).input_ids


@pytest.mark.parametrize("text", SAMPLES)
def test_marian_sentencepiece_ids_match_transformers(
    text: str, tiny_hf_models: dict[str, Path], tiny_ct2_models: dict[str, Path]
) -> None:
    model_dir = tiny_ct2_models["marian"]
    tokenizer = AutoTokenizer.from_pretrained(str(tiny_hf_models["marian"]))
    tokens = [*_pieces(model_dir, "source.spm", text), "</s>"]
    assert _ids(tokens, _vocabulary(model_dir)) == tokenizer(text).input_ids


@pytest.mark.parametrize("family", ["mt5", "crosssum", "nllb", "marian"])
def test_each_family_converts_and_translates(family: str, tiny_ct2_models: dict[str, Path]) -> None:
    model_dir = tiny_ct2_models[family]
    manifest = json.loads((model_dir / "manifest.json").read_text(encoding="utf-8"))
    tokenizer = manifest["tokenizer"]
    assert manifest["quantization"] == "int8"
    assert (model_dir / tokenizer["source_model"]).is_file()
    assert (model_dir / tokenizer["target_model"]).is_file()
    source = _pieces(model_dir, tokenizer["source_model"], ARABIC) + tokenizer["source_suffix"]
    prefix = None
    if tokenizer["source_prefix"]:
        source = [tokenizer["lang_tokens"]["ar"], *source]
    if tokenizer["target_prefix"] == "lang_token":
        prefix = [[tokenizer["lang_tokens"]["en"]]]
    translator = ctranslate2.Translator(str(model_dir), compute_type="int8")
    result = translator.translate_batch(
        [source], target_prefix=prefix, beam_size=2, max_decoding_length=8
    )
    del translator
    hypothesis = result[0].hypotheses[0]
    assert 0 < len(hypothesis) <= 8
    assert set(hypothesis) <= set(_vocabulary(model_dir))


def test_detect_family_reads_config(tiny_hf_models: dict[str, Path]) -> None:
    found = {name: convert.detect_family(path) for name, path in tiny_hf_models.items()}
    assert found == {"mt5": "mt5", "crosssum": "mt5", "nllb": "nllb", "marian": "marian"}
    assert convert.detect_task(tiny_hf_models["crosssum"], "mt5") == "crosssum"
    assert convert.detect_task(tiny_hf_models["mt5"], "mt5") == "summarize"


def test_unsupported_model_type_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    with pytest.raises(UsageError, match="unsupported model type 'bert'"):
        convert.detect_family(tmp_path)


def test_missing_torch_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tiny_hf_models: dict[str, Path], tmp_path: Path
) -> None:
    real_import = builtins.__import__

    def no_torch(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "torch":
            raise ImportError("No module named 'torch'", name="torch")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_torch)
    with pytest.raises(SummarizeError) as caught:
        convert.convert_folder(tiny_hf_models["mt5"], tmp_path / "out", "int8")
    assert "pip install 'summarize[convert]'" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unknown_quantization_is_a_usage_error(
    tiny_hf_models: dict[str, Path], tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="int4"):
        convert.convert_folder(tiny_hf_models["mt5"], tmp_path / "out", "int4")


def test_rename_duplicates_keeps_first_occurrence() -> None:
    tokens = ["<pad>", "a", "<extra_id_0>", "b", "<extra_id_0>", "a"]
    convert.rename_duplicates(tokens)
    assert tokens == ["<pad>", "a", "<extra_id_0>", "b", "<unused_4>", "<unused_5>"]


def test_crosssum_language_tokens_resolve_against_the_vocabulary() -> None:
    vocabulary = ["<pad>", "</s>", "<extra_id_0>", "▁<extra_id_1>"]
    wanted = {"ar": "▁<extra_id_0>", "en": "▁<extra_id_1>", "fr": "<extra_id_7>"}
    assert convert.resolve_lang_tokens(wanted, vocabulary) == {
        "ar": "<extra_id_0>",
        "en": "▁<extra_id_1>",
    }
    with pytest.raises(SummarizeError, match="langid_map"):
        convert.resolve_lang_tokens({"fr": "<extra_id_7>"}, vocabulary)
