"""Neural summaries and translations on the tiny models: streaming, chunking, map-reduce, order."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from summarize import engines
from summarize.engines import Fallback, resolve_summarizer, resolve_translator
from summarize.engines.base import Document, Length
from summarize.engines.extractive.engine import ExtractiveEngine
from summarize.engines.neural.ct2 import Decoding
from summarize.engines.neural.engine import (
    DecodePlan,
    NeuralSummarizer,
    NeuralTranslator,
    SummarizeThenTranslate,
    join_units,
)
from summarize.engines.neural.model import (
    NeuralModel,
    plan_groups,
    source_budget,
    step_up,
)
from summarize.errors import ModelNotInstalledError, UsageError
from summarize.pipeline import SummaryOptions, prepare
from summarize.settings import Settings
from tests.engines.neural.neural_helpers import (
    arabic_article,
    english_article,
    first_divergence_is_a_near_tie,
    installed,
    load,
)


def _doc(text: str) -> Document:
    return prepare(text).doc


def _summary(engine: NeuralSummarizer, doc: Document, lang: str) -> tuple[list[str], str]:
    fragments = list(engine.summarize(doc, Length(), lang))
    return fragments, "".join(fragments)


@pytest.mark.parametrize(("family", "target"), [("mt5", "ar"), ("crosssum", "en")])
@pytest.mark.parametrize("beam", [1, 2, None])
def test_streamed_summary_equals_batch_summary(
    isolated_home: Path, family: str, target: str, beam: int | None
) -> None:
    """Streaming (a terminal) never changes the text: greedy, beam search, the default."""
    model = load(isolated_home, family, max_input_tokens=96)
    try:
        for text in (arabic_article(1), arabic_article(8)):
            doc = _doc(text)
            fragments, streamed = _summary(
                NeuralSummarizer(model, DecodePlan(stream=True, beam=beam)), doc, target
            )
            _, batch = _summary(NeuralSummarizer(model, DecodePlan(beam=beam)), doc, target)
            assert streamed == batch and streamed.strip()
            assert all(fragments)
            assert (len(fragments) > 1) == (DecodePlan(beam=beam).beam_for(model) == 1)
    finally:
        model.close()


def test_chunks_stay_within_the_budget(isolated_home: Path) -> None:
    model = load(isolated_home, "mt5", max_input_tokens=40)
    try:
        text = arabic_article(6) + "\n" + " ".join(["كلمة"] * 200)  # one sentence far over
        units = model.split(text)
        assert model.budget == 39
        assert len(units) > 5
        for unit in units:
            assert 0 < len(unit) <= model.budget
            assert model.tokenizer.count(model.tokenizer.decode(unit)) <= model.budget
        # Nothing lost: the units hold every piece of the text, in order.
        assert sum(len(u) for u in units) >= model.tokenizer.count(text) - len(units)
    finally:
        model.close()


def test_map_reduce_terminates_and_condenses_below_budget(isolated_home: Path) -> None:
    model = load(isolated_home, "mt5", max_input_tokens=48)
    calls: list[int] = []
    run = model.run

    def counting_run(units: list[list[str]], *args: object, **kwargs: object) -> list[str]:
        calls.append(len(units))
        return run(units, *args, **kwargs)  # type: ignore[arg-type]

    model.run = counting_run  # type: ignore[method-assign]
    try:
        doc = _doc(arabic_article(30, per_paragraph=4))
        assert model.tokenizer.count(doc.text) > 20 * model.budget
        engine = NeuralSummarizer(model, DecodePlan(beam=2))
        condensed = engine.condense([doc.text], "ar")[0]
        assert 0 < len(condensed) <= model.budget
        rounds = len(calls)
        assert 1 <= rounds <= 12
        # Each reduce round decodes fewer units than the one before it.
        assert calls == sorted(calls, reverse=True)
        summary = "".join(engine.summarize(doc, Length(), "ar"))
        assert summary.strip()
    finally:
        model.close()


def test_batch_of_documents_keeps_input_order(isolated_home: Path) -> None:
    # Batches are planned by length, so a permuted input forms the same calls with the same
    # rows: each document must get the same summary whatever its place in the input.
    model = load(isolated_home, "mt5", max_input_tokens=64)
    try:
        docs = [_doc(arabic_article(n, seed=30 + n)) for n in (5, 1, 3, 2, 8)]
        engine = NeuralSummarizer(model, DecodePlan())
        batched = engine.summarize_batch(docs, Length(), "ar")
        order = [3, 0, 4, 2, 1]
        permuted = engine.summarize_batch([docs[i] for i in order], Length(), "ar")
        assert permuted == [batched[i] for i in order]
        assert len(set(batched)) > 1 and all(batched)
    finally:
        model.close()


@pytest.mark.parametrize("family", ["mt5", "nllb"])
def test_batched_greedy_decoding_equals_one_by_one_unless_a_near_tie(
    isolated_home: Path, family: str
) -> None:
    # Padding changes the matrix shapes and so the rounding: batched and one-by-one greedy
    # outputs are the same except where two candidates are within NEAR_TIE of each other.
    model = load(isolated_home, family, max_input_tokens=64)
    try:
        lang = "ar"
        target = "ar" if family == "mt5" else "en"
        units = [
            model.tokenizer.pieces(arabic_article(1, n, seed=70 + n))[: model.budget]
            for n in (1, 3, 2, 4, 1)
        ]
        sources = [model.layout.source_tokens(u, lang) for u in units]
        prefix = model.tokenizer.target_prefix(target) or []
        decoding = Decoding(beam_size=1, max_length=24)
        batched = model.ct2.translate(sources, [prefix] * len(sources), decoding)
        for source, together in zip(sources, batched, strict=True):
            (alone,) = model.ct2.translate([source], [prefix], decoding)
            assert first_divergence_is_a_near_tie(model, source, prefix, alone, together)
        assert all(batched)
        # The check itself separates a clear choice from a near-tie: the greedy token against
        # the 64th most likely one is no tie.
        alone = model.ct2.translate([sources[0]], [prefix], decoding)[0]
        unlikely = [*alone[:1], _unlikely(model, sources[0], prefix + alone[:1])]
        assert not first_divergence_is_a_near_tie(model, sources[0], prefix, alone, unlikely)
    finally:
        model.close()


@pytest.mark.parametrize("family", ["nllb", "marian"])
def test_translation_keeps_paragraphs_and_streams_the_batch_text(
    isolated_home: Path, family: str
) -> None:
    model = load(isolated_home, family)
    try:
        doc = _doc(arabic_article(4, per_paragraph=3))
        paragraphs = len({s.paragraph for s in doc.sentences})
        assert paragraphs == 4
        plan = DecodePlan(stream=True, beam=1)
        streamed = list(NeuralTranslator(model, plan).translate(doc, "en"))
        greedy = "".join(NeuralTranslator(model, DecodePlan(beam=1)).translate(doc, "en"))
        assert "".join(streamed) == greedy
        assert len(streamed) > paragraphs
        assert greedy.count("\n") == paragraphs - 1
        beam = "".join(NeuralTranslator(model, DecodePlan(beam=2)).translate(doc, "en"))
        assert beam.count("\n") == paragraphs - 1
        # Beam search streams sentence by sentence, and the text is the same.
        plan = DecodePlan(stream=True, beam=2)
        pieces = list(NeuralTranslator(model, plan).translate(doc, "en"))
        assert "".join(pieces) == beam and len(pieces) > paragraphs
    finally:
        model.close()


def _unlikely(model: NeuralModel, source: list[str], target: list[str]) -> str:
    """The 64th most likely piece to follow ``target`` on the real model: no near-tie."""
    result = model.ct2.translator.translate_batch(
        [source],
        target_prefix=[target],
        beam_size=1,
        max_decoding_length=len(target) + 1,
        return_alternatives=True,
        num_hypotheses=64,
    )[0]
    return result.hypotheses[-1][len(target)]


def test_translate_batch_keeps_order_and_paragraphs(isolated_home: Path) -> None:
    model = load(isolated_home, "nllb")
    try:
        docs = [_doc(arabic_article(n, seed=50 + n)) for n in (3, 1, 2)]
        docs.append(_doc(english_article(2)))
        engine = NeuralTranslator(model, DecodePlan())
        batched = engine.translate_batch(docs, "fr")
        assert [b.count("\n") for b in batched] == [2, 0, 1, 1]
        order = [2, 3, 0, 1]
        permuted = engine.translate_batch([docs[i] for i in order], "fr")
        assert permuted == [batched[i] for i in order]
    finally:
        model.close()


def test_join_units_strips_units_like_the_batch_join() -> None:
    fragments = [(0, " Hello"), (0, " world "), (0, " "), (1, ""), (2, "  Bye "), (2, "now")]
    seps = ["", " ", "\n"]
    expected = "".join(sep + t for sep, t in zip(seps, ["Hello world", "", "Bye now"], strict=True))
    assert "".join(join_units(iter(fragments), seps)) == expected


def test_stream_groups_are_consecutive() -> None:
    lengths = [5, 90, 12, 12, 300, 7, 44, 12]
    groups = plan_groups(lengths, 200)
    assert [i for g in groups for i in g] == list(range(len(lengths)))


def test_source_budget_is_shared_by_the_beams() -> None:
    assert source_budget(16384, 4, 512) == 4096
    assert source_budget(16384, 1, 512) == 16384
    assert source_budget(1024, 4, 512) == 512  # one full-length unit always fits
    assert source_budget(1024, 0, 100) == 1024


def test_the_batch_budget_comes_from_the_environment(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarize.engines.neural.model import BATCH_TOKENS, NeuralModel
    from tests.engines.neural.neural_helpers import installed

    model = installed(isolated_home, "mt5")
    for value, expected in (("3000", 3000), ("", BATCH_TOKENS)):
        monkeypatch.setenv("SUMMARIZE_BATCH_TOKENS", value)
        neural = NeuralModel(model, Settings.from_env())
        try:
            assert neural.batch_tokens == expected
        finally:
            neural.close()
    for bad in ("0", "-5", "lots"):
        monkeypatch.setenv("SUMMARIZE_BATCH_TOKENS", bad)
        with pytest.raises(UsageError, match="SUMMARIZE_BATCH_TOKENS must be a positive integer"):
            Settings.from_env()


def test_beam_search_batches_hold_the_shared_budget(isolated_home: Path) -> None:
    model = load(isolated_home, "mt5", max_input_tokens=64)
    model.batch_tokens = 512
    widths: dict[int, list[int]] = {1: [], 4: []}
    translate = model.ct2.translate

    def recording(sources: list[list[str]], *args: object, **kwargs: object) -> list[list[str]]:
        widths[beam].append(len(sources) * max(len(s) for s in sources))
        return translate(sources, *args, **kwargs)  # type: ignore[arg-type]

    model.ct2.translate = recording  # type: ignore[method-assign]
    try:
        units = model.split(arabic_article(12, seed=5))
        assert len(units) > 8
        outputs = {}
        for beam in (1, 4):
            outputs[beam] = model.run(units, "ar", "ar", beam=beam)
            assert max(widths[beam]) <= model.source_budget(beam)
        # The greedy calls are wider: the beams of beam search share the same budget.
        assert len(widths[4]) > len(widths[1]) >= 1
        assert all(outputs[4]) and all(outputs[1])
    finally:
        model.close()


def _options(**kwargs: object) -> SummaryOptions:
    return SummaryOptions(**kwargs)  # type: ignore[arg-type]


def _settings(home: Path) -> Settings:
    return Settings(home=home, device="cpu")


def test_auto_falls_back_to_extractive_with_a_notice(isolated_home: Path) -> None:
    engine = resolve_summarizer(_options(), "ar", "ar", _settings(isolated_home))
    assert isinstance(engine, Fallback) and engine.fallback
    assert engine.name == "extractive"
    assert "summarize models pull mt5-xlsum" in engine.notice
    with pytest.raises(ModelNotInstalledError, match="summarize models pull"):
        resolve_summarizer(_options(), "ar", "en", _settings(isolated_home))
    with pytest.raises(ModelNotInstalledError, match="summarize models pull nllb-600m"):
        resolve_translator(None, _settings(isolated_home), source_lang="ar", target_lang="en")


def test_auto_picks_installed_models(isolated_home: Path) -> None:
    settings = _settings(isolated_home)
    installed(isolated_home, "mt5", "tiny-sum")
    engine = resolve_summarizer(_options(), "ar", "ar", settings)
    assert isinstance(engine, NeuralSummarizer) and engine.model == "tiny-sum"
    engine.close()
    installed(isolated_home, "nllb", "tiny-mt")
    composed = resolve_summarizer(_options(stream=True), "ar", "en", settings)
    assert isinstance(composed, SummarizeThenTranslate)
    assert composed.model == "tiny-sum+tiny-mt"
    text = "".join(composed.summarize(_doc(arabic_article(2)), Length(), "en"))
    assert text.strip()
    composed.close()
    installed(isolated_home, "crosssum", "tiny-cross")
    cross = resolve_summarizer(_options(), "ar", "en", settings)
    assert isinstance(cross, NeuralSummarizer) and cross.model == "tiny-cross"
    cross.close()
    extractive_then_mt = resolve_summarizer(_options(engine="extractive"), "ar", "en", settings)
    assert isinstance(extractive_then_mt, SummarizeThenTranslate)
    assert isinstance(extractive_then_mt.summarizer, ExtractiveEngine)
    extractive_then_mt.close()


def test_explicit_models_and_wrong_tasks(isolated_home: Path) -> None:
    settings = _settings(isolated_home)
    installed(isolated_home, "marian", "tiny-opus")
    translator = resolve_translator("tiny-opus", settings, stream=True)
    assert isinstance(translator, NeuralTranslator) and translator.plan.stream
    translator.close()
    found = resolve_translator(None, settings, source_lang="ar", target_lang="en")
    assert found.model == "tiny-opus"
    found.close()
    with pytest.raises(ModelNotInstalledError):
        resolve_translator(None, settings, source_lang="en", target_lang="ar")
    with pytest.raises(UsageError, match="translates"):
        resolve_summarizer(_options(model="tiny-opus"), "ar", "ar", settings)
    with pytest.raises(ModelNotInstalledError, match="not installed"):
        resolve_summarizer(_options(model="absent"), "ar", "ar", settings)
    installed(isolated_home, "mt5", "tiny-sum")
    with pytest.raises(UsageError, match="does not translate"):
        resolve_translator("tiny-sum", settings)


def test_registered_fake_engines_still_resolve(isolated_home: Path) -> None:
    class Fake(ExtractiveEngine):
        name = "fake"

    engines.register_summarizer("fake", lambda settings, model: Fake())
    try:
        engine = resolve_summarizer(_options(engine="fake"), "ar", "ar", _settings(isolated_home))
        assert isinstance(engine, Fake)
        with pytest.raises(UsageError, match="unknown engine"):
            resolve_summarizer(_options(engine="nope"), "ar", "ar", _settings(isolated_home))
    finally:
        engines.unregister_summarizer("fake")


def test_outputs_respect_the_length_cap_tied_to_the_input(isolated_home: Path) -> None:
    model = load(isolated_home, "nllb")
    try:
        units = [model.tokenizer.pieces(s.text) for s in _doc(arabic_article(3)).sentences]
        texts = model.run(units, "ar", "en", beam=1)
        for unit, text in zip(units, texts, strict=True):
            assert len(model.tokenizer.target_pieces(text)) <= model.cap(len(unit))
            assert model.cap(len(unit)) <= step_up(2 * len(unit) + 10)
        assert model.run(units, "ar", "en", beam=1) == texts  # deterministic
    finally:
        model.close()


def test_runtime_never_touches_the_network(isolated_home: Path, no_network: list[str]) -> None:
    settings = _settings(isolated_home)
    installed(isolated_home, "crosssum", "tiny-cross")
    installed(isolated_home, "marian", "tiny-opus")
    doc = _doc(arabic_article(2))
    engine = resolve_summarizer(_options(stream=True), "ar", "en", settings)
    translator = resolve_translator(None, settings, source_lang="ar", target_lang="en")
    try:
        assert "".join(engine.summarize(doc, Length(), "en")).strip()
        assert "".join(translator.translate(doc, "en")).strip()
    finally:
        engine.close()
        translator.close()
    assert no_network == []


@pytest.mark.parametrize("damage", ["model.bin", "spiece.model"])
def test_damaged_model_names_the_reinstall_command(isolated_home: Path, damage: str) -> None:
    folder = installed(isolated_home, "mt5", "tiny-sum").path
    path = folder / damage
    data = bytearray(path.read_bytes())
    data[:16] = b"\xff" * 16  # same size: only loading can tell
    path.write_bytes(bytes(data))
    settings = _settings(isolated_home)
    with pytest.raises(ModelNotInstalledError, match="reinstall it with `summarize models import"):
        resolve_summarizer(replace(_options(), engine="neural"), "ar", "ar", settings)
    # auto passes over it to the extractive engine, with one notice naming the repair.
    engine = resolve_summarizer(_options(), "ar", "ar", settings)
    assert engine.name == "extractive"
    assert "reinstall it with `summarize models import" in engine.notice  # type: ignore[attr-defined]


def test_summarize_then_translate_batch_equals_one_by_one(isolated_home: Path) -> None:
    settings = _settings(isolated_home)
    installed(isolated_home, "mt5", "tiny-sum", max_input_tokens=64)
    installed(isolated_home, "nllb", "tiny-mt")
    engine = resolve_summarizer(_options(), "ar", "en", settings)
    try:
        assert isinstance(engine, SummarizeThenTranslate)
        docs = [_doc(arabic_article(n, seed=70 + n)) for n in (4, 1, 2)]
        batched = engine.summarize_batch(docs, Length(), "en")
        alone = ["".join(engine.summarize(d, Length(), "en")).strip() for d in docs]
        assert batched == alone and all(batched)
    finally:
        engine.close()
