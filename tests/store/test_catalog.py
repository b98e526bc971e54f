"""The model catalogue, the download allow-list and the language-code tables."""

from __future__ import annotations

import pytest

from summarize.errors import UsageError
from summarize.store import hub, langcodes
from summarize.store.catalog import FAMILIES, TASKS, default_model, get_entry, load_catalog


def test_catalogue_names_the_issue_models() -> None:
    catalog = load_catalog()
    assert list(catalog) == ["mt5-xlsum", "crosssum", "nllb-600m", "nllb-1.3b", "opus-mt-ar-en"]
    for entry in catalog.values():
        assert entry.family in FAMILIES
        assert entry.task in TASKS
        assert "ar" in entry.languages
        assert "config.json" in entry.files
        assert entry.max_input_tokens > 0
        assert entry.generation["beam_size"] >= 1


def test_xlsum_keeps_its_authors_decoding() -> None:
    entry = get_entry("mt5-xlsum")
    assert (entry.repo, entry.family, entry.task) == (
        "csebuetnlp/mT5_multilingual_XLSum",
        "mt5",
        "summarize",
    )
    assert entry.max_input_tokens == 512
    generation = entry.generation
    assert (
        generation["beam_size"],
        generation["no_repeat_ngram_size"],
        generation["max_length"],
    ) == (4, 2, 84)


def test_translation_defaults_guard_against_loops() -> None:
    for name in ("nllb-600m", "nllb-1.3b", "opus-mt-ar-en"):
        generation = get_entry(name).generation
        assert generation["no_repeat_ngram_size"] > 0
        assert generation["max_output_ratio"] > 0
    assert get_entry("opus-mt-ar-en").pairs == ("ar-en",)


def test_unknown_name_lists_valid_names() -> None:
    with pytest.raises(UsageError) as caught:
        get_entry("mt5-small")
    message = str(caught.value)
    assert "mt5-small" in message
    assert all(name in message for name in load_catalog())


def test_allow_list_drops_bin_weights_when_safetensors_exist() -> None:
    patterns = get_entry("nllb-600m").files
    remote = ["config.json", "model.safetensors", "pytorch_model.bin", "README.md"]
    picked = hub.pick_patterns(patterns, remote)
    assert "pytorch_model.bin" not in picked
    assert "model.safetensors" in picked
    assert "sentencepiece.bpe.model" in picked
    assert hub.pick_patterns(patterns, ["config.json", "pytorch_model.bin"]) == list(patterns)


def test_language_tokens() -> None:
    vocabulary = ["<s>", "arb_Arab", "eng_Latn", "fra_Latn", "▁the"]
    assert langcodes.nllb_tokens(vocabulary) == {
        "ar": "arb_Arab",
        "en": "eng_Latn",
        "fr": "fra_Latn",
    }
    langid_map = {
        "arabic": [4, "<extra_id_4>"],
        "english": [9, "<extra_id_9>"],
        "klingon": [1, "x"],
    }
    assert langcodes.crosssum_tokens(langid_map) == {"ar": "<extra_id_4>", "en": "<extra_id_9>"}


def test_each_task_has_one_default_model_and_hints_name_it() -> None:
    from summarize.engines.resolve import pull_hint

    for task in TASKS:
        defaults = [e.name for e in load_catalog().values() if e.default and e.task == task]
        assert len(defaults) == 1, (task, defaults)
        assert default_model(task) == defaults[0]
        assert pull_hint(task) == f"summarize models pull {defaults[0]}"
    assert default_model("summarize") == "mt5-xlsum"
