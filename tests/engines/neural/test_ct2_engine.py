"""The CTranslate2 adapter on the real runtime: devices, prefixes, streaming, lifetime."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import ctranslate2
import pytest

from summarize.engines.neural import ct2
from summarize.engines.neural.ct2 import Ct2Model, Decoding, resolve_compute_type, resolve_device
from summarize.errors import ModelNotInstalledError, UsageError
from summarize.tiny.corpus import arabic_lines
from tests.engines.neural.neural_helpers import arabic_article, load
from tests.hang import HANG_S

REPO = Path(__file__).resolve().parents[3]


def test_auto_device_follows_the_visible_gpus(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ctranslate2.get_cuda_device_count()
    assert resolve_device("auto") == ("cuda" if real > 0 else "cpu")
    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 0)
    assert resolve_device("auto") == "cpu"
    with pytest.raises(UsageError, match="no CUDA device"):
        resolve_device("cuda")
    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 2)
    assert resolve_device("auto") == "cuda"
    assert resolve_device("cpu") == "cpu"
    with pytest.raises(UsageError, match="unknown device"):
        resolve_device("tpu")


def test_default_compute_types(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_compute_type("cpu", None) == "int8"
    assert resolve_compute_type("cpu", "float32") == "float32"
    with pytest.raises(UsageError, match="not supported on cpu"):
        resolve_compute_type("cpu", "float16")
    cuda_types = {"float32", "float16", "int8_float16", "int8", "bfloat16"}
    monkeypatch.setattr(
        ctranslate2,
        "get_supported_compute_types",
        lambda device: cuda_types if device == "cuda" else {"float32"},
    )
    assert resolve_compute_type("cuda", None) == "int8_float16"
    # A CPU without int8 kernels falls back to the type the model was saved in.
    assert resolve_compute_type("cpu", None) == "default"


def test_cuda_path_loads_with_cuda_options(
    monkeypatch: pytest.MonkeyPatch, tiny_ct2_models: dict[str, Path]
) -> None:
    seen: dict[str, Any] = {}

    class FakeTranslator:
        def __init__(self, path: str, **kwargs: Any) -> None:
            seen.update(kwargs, path=path)

        def unload_model(self) -> None:
            seen["unloaded"] = True

    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 1)
    monkeypatch.setattr(
        ctranslate2, "get_supported_compute_types", lambda device: {"float16", "int8_float16"}
    )
    monkeypatch.setattr(ctranslate2, "Translator", FakeTranslator)
    model = Ct2Model(tiny_ct2_models["mt5"], device="auto", threads=3)
    assert (model.device, model.compute_type) == ("cuda", "int8_float16")
    assert seen["device"] == "cuda" and seen["compute_type"] == "int8_float16"
    assert seen["intra_threads"] == 3 and seen["path"] == str(tiny_ct2_models["mt5"])
    model.close()
    assert seen["unloaded"] is True


def test_unloadable_model_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ModelNotInstalledError, match="cannot load"):
        Ct2Model(tmp_path, device="cpu")


def test_target_prefix_is_dropped_and_length_counts_output_only(isolated_home: Path) -> None:
    model = load(isolated_home, "nllb")
    try:
        units = [model.tokenizer.pieces(line) for line in arabic_lines(4, seed=2)]
        sources = [model.layout.source_tokens(u, "ar") for u in units]
        prefixes: list[list[str] | None] = [["eng_Latn"]] * len(units)
        out = model.ct2.translate(sources, prefixes, Decoding(beam_size=1, max_length=7))
        raw = model.ct2.translator.translate_batch(
            sources, target_prefix=prefixes, beam_size=1, max_decoding_length=8, disable_unk=True
        )
        for tokens, result in zip(out, raw, strict=True):
            assert result.hypotheses[0][0] == "eng_Latn"
            assert tokens == result.hypotheses[0][1:]
            assert 1 <= len(tokens) <= 7
    finally:
        model.close()


def test_max_input_length_is_set_to_the_longest_source(isolated_home: Path) -> None:
    # The tiny mT5 has relative positions, so a source over CTranslate2's default 1024
    # would be cut silently if max_input_length were left alone.
    model = load(isolated_home, "mt5", max_input_tokens=4096)
    calls: list[dict[str, Any]] = []
    real = model.ct2.translator

    class Spy:
        def translate_batch(self, source: list[list[str]], **kwargs: Any) -> Any:
            calls.append({"lengths": [len(s) for s in source], **kwargs})
            return real.translate_batch(source, **kwargs)

        def unload_model(self) -> None:
            real.unload_model()

    model.ct2._translator = Spy()
    try:
        units = model.split(arabic_article(40, per_paragraph=4))
        assert max(len(u) for u in units) > 1024
        model.run(units, "ar", "ar", beam=1)
        list(model.stream(units[:1], "ar", "ar"))
        assert len(calls) >= 2
        for call in calls:
            assert call["max_input_length"] >= max(call["lengths"])
            assert max(call["lengths"]) <= 4096
    finally:
        model.close()


def test_stream_equals_greedy_batch_with_per_example_limits(isolated_home: Path) -> None:
    model = load(isolated_home, "nllb")
    try:
        lines = arabic_lines(6, seed=8)
        sources = [model.tokenizer.encode(line, "ar") for line in lines]
        prefixes: list[list[str] | None] = [["eng_Latn"]] * len(lines)
        limits = [3, 9, 5, 12, 1, 7]
        got: dict[int, list[str]] = {i: [] for i in range(len(lines))}
        lasts = 0
        for step in model.ct2.stream(sources, prefixes, limits, Decoding(max_length=12)):
            got[step.index].append(step.token)
            lasts += step.last
        assert lasts == len(lines)
        for i, limit in enumerate(limits):
            alone = model.ct2.translate([sources[i]], [prefixes[i]], Decoding(max_length=limit))
            tokens = [t for t in got[i] if t != "</s>"]
            assert tokens == alone[0]
            assert len(tokens) <= limit
    finally:
        model.close()


def test_close_ends_open_streams_and_is_idempotent(isolated_home: Path) -> None:
    model = load(isolated_home, "mt5")
    source = model.tokenizer.encode(arabic_lines(1, seed=4)[0], "ar")
    stream = model.ct2.stream([source], [None], [50], Decoding(max_length=50))
    first = next(stream)
    assert first.index == 0
    model.close()
    assert list(stream) == []  # closed: nothing more comes
    with pytest.raises(RuntimeError, match="closed"):
        model.ct2.translate([source], [None], Decoding())
    model.close()


_SCRIPT = """
import sys
from pathlib import Path
from summarize.engines.neural.model import NeuralModel
from summarize.settings import Settings
from summarize.store.local import ModelStore

folder = Path(sys.argv[1])
model = NeuralModel(ModelStore(folder.parent.parent).get(folder.name), Settings(home=folder))
units = [model.tokenizer.pieces("الحكومة أعلنت خطة جديدة في القاهرة صباح اليوم.")] * 3
stream = model.stream(units, "ar", "ar")
for _ in range(2):
    next(stream)
{close}
print("streamed")
"""


@pytest.mark.parametrize("close", ["model.close()", "pass"])
def test_process_that_streamed_exits_cleanly(tiny_ct2_models: dict[str, Path], close: str) -> None:
    """Exit code 0 every time, whether the caller closes the model or the atexit hook does."""
    script = textwrap.dedent(_SCRIPT).format(close=close)
    for _ in range(4):
        done = subprocess.run(
            [sys.executable, "-c", script, str(tiny_ct2_models["mt5"])],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=HANG_S,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip() == "streamed"


def test_atexit_hook_closes_open_models(isolated_home: Path) -> None:
    model = load(isolated_home, "mt5")
    assert model.ct2 in set(ct2._OPEN)
    ct2._close_all()
    assert model.ct2 not in set(ct2._OPEN)
    with pytest.raises(RuntimeError, match="closed"):
        _ = model.ct2.translator


def test_an_allocation_that_fails_says_memory_is_short(isolated_home: Path) -> None:
    """What a machine short of memory gets: one line naming the cause, not 'reinstall'."""
    from summarize.errors import SummarizeError

    model = load(isolated_home, "nllb")
    real = model.ct2.translator

    class Full:
        def translate_batch(self, *args: object, **kwargs: object) -> object:
            raise RuntimeError("mkl_malloc: failed to allocate memory")

        def unload_model(self) -> None:
            real.unload_model()

    units = [model.tokenizer.pieces("مرحبا بكم")]
    try:
        model.ct2._translator = Full()
        with pytest.raises(SummarizeError, match="not enough memory") as caught:
            model.run(units, "ar", "en", beam=1)
        assert not isinstance(caught.value, ModelNotInstalledError)
        assert "MiB" in str(caught.value) and "\n" not in str(caught.value)
    finally:
        model.ct2._translator = real
        model.close()
