"""The family table: how a folder's family is told, and what each family's rules say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.errors import UsageError
from summarize.store import convert
from summarize.store.families import FAMILIES, family_by_file


def _m2m_folder(folder: Path, tokenizer_class: str, files: tuple[str, ...] = ()) -> Path:
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "m2m_100"}', encoding="utf-8")
    config = {"tokenizer_class": tokenizer_class}
    (folder / "tokenizer_config.json").write_text(json.dumps(config), encoding="utf-8")
    for name in files:
        (folder / name).write_bytes(b"")
    return folder


def test_m2m_100_folders_split_into_nllb_and_m2m100(tmp_path: Path) -> None:
    by_class = _m2m_folder(tmp_path / "a", "NllbTokenizer")
    by_file = _m2m_folder(tmp_path / "b", "", ("sentencepiece.bpe.model",))
    plain = _m2m_folder(tmp_path / "c", "M2M100Tokenizer")
    found = [convert.detect_family(folder) for folder in (by_class, by_file, plain)]
    assert found == ["nllb", "nllb", "m2m100"]


def test_unsupported_type_lists_every_type_the_table_knows(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    with pytest.raises(UsageError, match=r"supported: mt5, t5, m2m_100, marian\)"):
        convert.detect_family(tmp_path)


def test_converted_folder_family_comes_from_its_first_tokenizer_file() -> None:
    present = {"target.spm", "source.spm"}
    family = family_by_file(lambda name: name in present)
    assert family is not None and family.name == "marian"
    assert family_by_file(lambda name: False) is None


def test_every_family_defaults_to_a_task_and_names_itself() -> None:
    for name, family in FAMILIES.items():
        assert family.name == name
        assert family.default_task in ("summarize", "translate")
        assert family.lang_prefix == bool(family.lang_tokens)
    assert [n for n, f in FAMILIES.items() if f.pair_model] == ["marian"]
    assert FAMILIES["m2m100"].generation == FAMILIES["nllb"].generation
