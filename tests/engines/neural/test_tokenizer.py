"""SentencePiece tokenisation with each family's special tokens, checked against transformers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from transformers import AutoTokenizer

from summarize.engines.neural.layout import layout_for
from summarize.engines.neural.tokenizer import SentencePieceTokenizer, squeeze
from summarize.errors import ModelNotInstalledError
from summarize.store.local import ModelStore
from summarize.tiny.corpus import arabic_lines, english_lines

MIXED = (
    "أعلنت الشركة، بعد جدل طويل، مشروعا كبيرا؟",
    "Parliament approved the labour law; police denied it!",
    "الرئيس said: «خطة جديدة» in Doha 12 و٣٤",
    "xyz QQQ ∑ unseen ✓ symbols",
    "  spaced   out\ttext \n with breaks ",
)
TEXTS = (*arabic_lines(25, seed=21), *english_lines(25, seed=22), *MIXED)


def _tokenizer(tiny_ct2_models: dict[str, Path], family: str) -> SentencePieceTokenizer:
    folder = tiny_ct2_models[family]
    model = ModelStore(folder.parent.parent).get(folder.name)
    return SentencePieceTokenizer(layout_for(model.family, model.path, model.manifest))


def _hf(tiny_hf_models: dict[str, Path], family: str, **kwargs: str) -> object:
    return AutoTokenizer.from_pretrained(str(tiny_hf_models[family]), **kwargs)


@pytest.mark.parametrize("family", ["mt5", "crosssum", "marian"])
def test_source_ids_match_transformers(
    tiny_ct2_models: dict[str, Path], tiny_hf_models: dict[str, Path], family: str
) -> None:
    ours = _tokenizer(tiny_ct2_models, family)
    hf = _hf(tiny_hf_models, family)
    for text in TEXTS:
        tokens = ours.encode(text, "ar")
        assert tokens[-1] == "</s>"
        assert hf.convert_tokens_to_ids(tokens) == hf(squeeze(text))["input_ids"], text


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_nllb_ids_match_transformers(
    tiny_ct2_models: dict[str, Path], tiny_hf_models: dict[str, Path], lang: str
) -> None:
    ours = _tokenizer(tiny_ct2_models, "nllb")
    code = ours.layout.lang_token(lang)
    assert code in ("arb_Arab", "ara_Arab", "eng_Latn")
    hf = _hf(tiny_hf_models, "nllb", src_lang=code)
    for text in TEXTS:
        tokens = ours.encode(text, lang)
        assert tokens[0] == code and tokens[-1] == "</s>"
        assert hf.convert_tokens_to_ids(tokens) == hf(squeeze(text))["input_ids"], text


@pytest.mark.parametrize("family", ["mt5", "nllb", "marian"])
def test_decode_matches_transformers(
    tiny_ct2_models: dict[str, Path], tiny_hf_models: dict[str, Path], family: str
) -> None:
    ours = _tokenizer(tiny_ct2_models, family)
    hf = _hf(tiny_hf_models, family)
    for text in TEXTS:
        # The model can only output pieces of its vocabulary (no <unk> stand-ins).
        pieces = [
            p for p in ours.target_pieces(text) if hf.convert_tokens_to_ids(p) != hf.unk_token_id
        ]
        ids = hf.convert_tokens_to_ids(pieces)
        assert ours.decode(pieces).strip() == hf.decode(ids, skip_special_tokens=True), text


def test_layouts_and_target_prefixes(tiny_ct2_models: dict[str, Path]) -> None:
    mt5 = _tokenizer(tiny_ct2_models, "mt5")
    nllb = _tokenizer(tiny_ct2_models, "nllb")
    crosssum = _tokenizer(tiny_ct2_models, "crosssum")
    text = arabic_lines(1, seed=5)[0]
    assert mt5.encode(text, "ar") == [*mt5.pieces(text), "</s>"]
    assert mt5.target_prefix("en") is None and mt5.special_count == 1
    assert nllb.encode(text, "ar") == ["arb_Arab", *nllb.pieces(text), "</s>"]
    assert nllb.target_prefix("en") == ["eng_Latn"] and nllb.special_count == 2
    assert crosssum.encode(text, "ar") == [*crosssum.pieces(text), "</s>"]
    assert crosssum.target_prefix("en") == ["<extra_id_1>"]
    with pytest.raises(ModelNotInstalledError, match="no language token for 'zz'"):
        nllb.encode(text, "zz")


def test_language_tokens_missing_from_the_vocabulary_are_dropped(
    tiny_ct2_models: dict[str, Path],
) -> None:
    folder = tiny_ct2_models["nllb"]
    model = ModelStore(folder.parent.parent).get(folder.name)
    manifest = dict(model.manifest)
    manifest["tokenizer"] = {**model.tokenizer, "lang_tokens": {"en": "eng_Latn", "de": "deu_Latn"}}
    layout = layout_for(model.family, model.path, manifest)
    assert layout.lang_token("en") == "eng_Latn"
    with pytest.raises(ModelNotInstalledError, match="'de'"):
        layout.lang_token("de")


def test_special_tokens_never_reach_the_text(tiny_ct2_models: dict[str, Path]) -> None:
    nllb = _tokenizer(tiny_ct2_models, "nllb")
    pieces = nllb.target_pieces("The court said")
    assert nllb.decode(["eng_Latn", *pieces, "</s>", "<pad>"]) == nllb.decode(pieces)
    mt5 = _tokenizer(tiny_ct2_models, "crosssum")
    assert mt5.decode(["<extra_id_1>", *pieces, "<extra_id_7>"]) == mt5.decode(pieces)


@pytest.mark.parametrize("family", ["mt5", "nllb", "marian"])
def test_stream_decoder_adds_up_to_batch_decode(
    tiny_ct2_models: dict[str, Path], family: str
) -> None:
    ours = _tokenizer(tiny_ct2_models, family)
    vocabulary = sorted(
        {p for text in TEXTS for p in ours.target_pieces(text)} | {"</s>", "▁", "<unk>"}
    )

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(vocabulary), max_size=40))
    def check(tokens: list[str]) -> None:
        decoder = ours.stream_decoder()
        fragments = [decoder.push(t) for t in tokens]
        fragments.append(decoder.finish())
        assert "".join(fragments) == ours.decode(tokens)

    check()


def test_squeeze_folds_white_space() -> None:
    assert squeeze("  a \t b\n\nc  ") == "a b c"
