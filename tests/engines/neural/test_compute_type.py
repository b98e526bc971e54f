"""CUDA compute types per family (T5 overflows float16), and output that overflowed anyway.

The overflow is made real: a tiny mT5 whose decoder's final layer norm holds NaN, converted
with the real converter and run by the real CTranslate2 runtime, gives NaN scores and
``<pad>``-only (greedy) or empty (beam) output, as T5 models in float16 do on a GPU.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import summarize.engines.neural.ct2 as ct2
from summarize.engines.neural.ct2 import NON_FINITE, Ct2Model, Decoding, resolve_compute_type
from summarize.errors import SummarizeError
from summarize.store.families import cuda_compute_type
from summarize.store.local import ModelStore
from tests.cli.helpers import run_cli

ALL_CUDA = {"float32", "int8", "int8_float32", "int8_float16", "int8_bfloat16", "float16"}
NO_BF16 = ALL_CUDA - {"int8_bfloat16"}
ARTICLE = "\n".join(
    f"ارتفعت أسعار القمح في الأسواق العالمية بنسبة {i} في المئة خلال الأسبوع الماضي."
    for i in range(5)
)


@pytest.mark.parametrize(
    ("family", "supported", "expected"),
    [
        ("mt5", ALL_CUDA, "int8_bfloat16"),
        ("mt5", NO_BF16, "int8_float32"),
        ("nllb", ALL_CUDA, "int8_float16"),
        ("marian", ALL_CUDA, "int8_float16"),
        (None, ALL_CUDA, "int8_float16"),
        ("mt5", {"float32"}, "default"),
    ],
)
def test_the_cuda_default_is_chosen_per_family(
    family: str | None, supported: set[str], expected: str
) -> None:
    assert cuda_compute_type(family, supported) == expected


def test_the_runtime_asks_the_family_and_a_flag_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctranslate2

    monkeypatch.setattr(ctranslate2, "get_supported_compute_types", lambda device: ALL_CUDA)
    assert resolve_compute_type("cuda", None, "mt5") == "int8_bfloat16"
    assert resolve_compute_type("cuda", None, "nllb") == "int8_float16"
    assert resolve_compute_type("cuda", "float32", "mt5") == "float32"
    assert resolve_compute_type("cpu", None, "mt5") == "int8"


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (
            ["mt5-xlsum", "--device", "cuda"],
            "compute type on cuda: int8_bfloat16, else int8_float32 (the first the GPU supports)",
        ),
        (["nllb-600m", "--device", "cuda"], "compute type on cuda: int8_float16"),
        (
            ["mt5-xlsum", "--device", "cuda", "--compute-type", "float32"],
            "compute type on cuda: float32",
        ),
        (["mt5-xlsum", "--device", "cpu"], "compute type on cpu: int8"),
    ],
)
def test_models_info_shows_the_compute_type(  # type: ignore[no-untyped-def]
    capsys, monkeypatch, argv: list[str], line: str
) -> None:
    monkeypatch.setattr(ct2, "cuda_device_count", lambda: 0)  # as on a machine without a GPU
    res = run_cli(capsys, monkeypatch, ["models", "info", *argv])
    assert res.code == 0, res.err
    assert line in res.out.splitlines()


def test_models_info_json_carries_the_compute_type(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ct2, "cuda_device_count", lambda: 0)
    res = run_cli(
        capsys, monkeypatch, ["models", "info", "nllb-600m", "--device", "cuda", "-f", "json"]
    )
    assert json.loads(res.out)["compute type on cuda"] == "int8_float16"


@pytest.fixture(scope="module")
def overflowing(tiny_hf_models: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny mT5 whose decoder outputs NaN: an installed CTranslate2 folder."""
    from safetensors.numpy import load_file, save_file

    root = tmp_path_factory.mktemp("overflow")
    source = root / "hf"
    shutil.copytree(tiny_hf_models["mt5"], source)
    weights = load_file(source / "model.safetensors")
    weights["decoder.final_layer_norm.weight"][:] = np.nan
    save_file(weights, source / "model.safetensors", metadata={"format": "pt"})
    return ModelStore(root / "home").import_path(source, "nan", "float32").path


def _source(folder: Path) -> list[str]:
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor(model_file=str(folder / "spiece.model"))
    return [*processor.encode("ارتفعت أسعار القمح", out_type=str), "</s>"]


@pytest.mark.parametrize("beam", [1, 4])  # greedy: all <pad>; beam search: empty
def test_non_finite_output_fails_with_the_fix(overflowing: Path, beam: int) -> None:
    model = Ct2Model(overflowing, device="cpu")
    try:
        with pytest.raises(SummarizeError) as exc:
            model.translate([_source(overflowing)], [None], Decoding(beam_size=beam))
        assert str(exc.value) == NON_FINITE
        assert "--compute-type float32" in NON_FINITE
    finally:
        model.close()


def test_non_finite_streamed_output_fails_too(overflowing: Path) -> None:
    model = Ct2Model(overflowing, device="cpu")
    try:
        with pytest.raises(SummarizeError, match="--compute-type float32"):
            list(model.stream([_source(overflowing)], [None], [8], Decoding()))
    finally:
        model.close()


def test_a_sound_model_passes_the_check(tiny_ct2_models: dict[str, Path]) -> None:
    model = Ct2Model(tiny_ct2_models["mt5-float32"], device="cpu")
    try:
        out: Any = model.translate([_source(tiny_ct2_models["mt5"])], [None], Decoding())
        assert out and out[0] and set(out[0]) != {"<pad>"}
    finally:
        model.close()


def test_the_cli_says_it_in_one_line(  # type: ignore[no-untyped-def]
    capsys, monkeypatch, overflowing: Path, isolated_home: Path, tmp_path: Path
) -> None:
    shutil.copytree(overflowing, isolated_home / "models" / "nan")
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    res = run_cli(capsys, monkeypatch, [str(path), "--model", "nan", "-f", "json"])
    assert (res.code, res.out) == (1, "")
    assert res.err == f"summarize: error: {NON_FINITE}\n"
