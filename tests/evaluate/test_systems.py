"""Systems: the lead baseline, length budgets, runs files and option checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.engines.base import Length
from summarize.engines.lead import LeadEngine
from summarize.errors import UsageError
from summarize.evaluate.systems import (
    PredictionsSpec,
    SystemSpec,
    check_spec,
    length_for,
    load_runs,
    reference_budget,
    unique_names,
    with_lead,
)
from summarize.pipeline import Finished, SummaryOptions, prepare, stream_summary

ARTICLE = (
    "الجملة الأولى فيها خمس كلمات. "
    "والجملة الثانية فيها أربع. "
    "وهذه ثالثة من أربع كلمات. "
    "ورابعة في آخر المقال."
)


def lead(length: Length) -> str:
    prepared = prepare(ARTICLE)
    options = SummaryOptions(length=length)
    for event in stream_summary(prepared, LeadEngine(), options):
        if isinstance(event, Finished):
            return event.result.text
    raise AssertionError("no result")


def test_lead_fills_a_word_budget_and_cuts_the_last_sentence() -> None:
    assert lead(Length(max_words=5)) == "الجملة الأولى فيها خمس كلمات."
    assert lead(Length(max_words=7)) == "الجملة الأولى فيها خمس كلمات. والجملة الثانية"
    assert len(lead(Length(max_words=12)).split()) == 12


def test_lead_by_sentences_ratio_and_default() -> None:
    assert lead(Length(sentences=2)) == "الجملة الأولى فيها خمس كلمات. والجملة الثانية فيها أربع."
    # 18 words; a ratio of 0.5 is a budget of 9 words.
    assert len(lead(Length(ratio=0.5)).split()) == 9
    assert lead(Length()) == ARTICLE.removesuffix(" ورابعة في آخر المقال.")


def test_lead_refuses_another_language() -> None:
    prepared = prepare(ARTICLE)
    with pytest.raises(UsageError):
        list(LeadEngine().summarize(prepared.doc, Length(), "en"))


def test_reference_budget_is_the_mean_reference_length() -> None:
    assert reference_budget(("a b c", "a b c d e f g")) == 5
    assert reference_budget(("",)) == 1
    spec = SystemSpec("s", length=Length(sentences=2))
    assert length_for(spec, ("a b c",)) == Length(sentences=2, max_words=3)
    fixed = SystemSpec("s", length=Length(max_words=40), budget="fixed")
    assert length_for(fixed, ("a b c",)) == Length(max_words=40)


@pytest.mark.parametrize(
    "spec",
    [
        SystemSpec("s", length=Length(max_words=3)),  # reference budget plus --max-words
        SystemSpec("s", budget="longest"),
        SystemSpec("s", target_lang="fr"),
        SystemSpec("s", length=Length(ratio=1.5), budget="fixed"),
        SystemSpec("s", beam=0),
    ],
)
def test_contradictory_options_are_usage_errors(spec: SystemSpec) -> None:
    with pytest.raises(UsageError):
        check_spec(spec)


RUNS = """
[runs.ext]
engine = "extractive"

[runs.mt5-int8]
model = "mt5-xlsum"
compute_type = "int8"
beam = 4
max_words = 60

[runs.old]
predictions = "old.jsonl"
"""


def test_runs_file_in_order_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "runs.toml"
    path.write_text(RUNS, encoding="utf-8")
    default = SystemSpec("", target_lang="ar", device="cpu")
    ext, mt5, old = load_runs(str(path), default)
    assert ext == SystemSpec("ext", engine="extractive", target_lang="ar", device="cpu")
    assert isinstance(mt5, SystemSpec)
    assert (mt5.model, mt5.compute_type, mt5.beam, mt5.budget) == ("mt5-xlsum", "int8", 4, "fixed")
    assert mt5.length == Length(max_words=60)
    assert old == PredictionsSpec("old", "old.jsonl")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[runs.a]\nengin = 'x'\n", "unknown key 'engin'"),
        ("[runs.a]\nbeam = 'four'\n", "runs.a.beam must be a int"),
        ("[runs.a]\nmax_words = true\n", "must be a int"),
        ("title = 'x'\n[runs.a]\n", "unknown top-level key"),
        ("[other]\n", "no [runs.NAME] tables"),
        ("[runs.a\n", "invalid TOML"),
    ],
)
def test_bad_runs_files_are_usage_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "runs.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=message.replace("[", r"\[")):
        load_runs(str(path), SystemSpec(""))


def test_lead_is_added_once_and_names_are_unique() -> None:
    default = SystemSpec("", target_lang="en", length=Length(sentences=2), beam=3)
    systems = with_lead([SystemSpec("x", engine="extractive")], default)
    assert [s.name for s in systems] == ["x", "lead"]
    added = systems[1]
    assert isinstance(added, SystemSpec)
    assert (added.engine, added.target_lang, added.length) == ("lead", None, Length(sentences=2))
    assert with_lead(systems, default) == systems
    with pytest.raises(UsageError, match="two systems"):
        unique_names([SystemSpec("x"), PredictionsSpec("x", "p.jsonl")])
