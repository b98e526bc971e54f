"""Tasks as objects: target languages, names, the language list, the cluster's first pair."""

from __future__ import annotations

import pickle

import pytest

from summarize.brief.engines import BriefOptions
from summarize.errors import InputError, UsageError
from summarize.pipeline import SummaryOptions
from summarize.tasks import Brief, Summarize, Translate, check_lang, make_task


def test_make_task_builds_each_task_from_command_line_options() -> None:
    options = SummaryOptions(target_lang="en", model="m", beam=3)
    brief = BriefOptions(bullets=2)
    assert make_task("summarize", options) == Summarize(options)
    assert make_task("translate", options, to="ar") == Translate("ar", "m", 3)
    assert make_task("brief", options, brief=brief) == Brief(brief)
    with pytest.raises(UsageError, match=r"unknown task 'poem'.*summarize, translate, brief"):
        make_task("poem", options)


def test_targets_follow_each_task() -> None:
    assert Summarize().target("ar") == "ar"
    assert Summarize(SummaryOptions(target_lang="en")).target("ar") == "en"
    assert Translate("en").target("ar") == "en"
    with pytest.raises(InputError, match="already in 'en'"):
        Translate("en").target("en")
    assert Brief().target("ar") == "en"


def test_first_engine_a_cluster_worker_loads() -> None:
    assert Summarize().likely_languages() == ("ar", "ar")
    assert Translate("ar").likely_languages() == ("en", "ar")
    assert Translate("en").likely_languages() == ("ar", "en")
    assert Brief().likely_languages() == ("ar", "en")


def test_tasks_travel_to_worker_processes() -> None:
    for task in (Summarize(SummaryOptions(engine="x")), Translate("ar"), Brief(BriefOptions())):
        assert pickle.loads(pickle.dumps(task)) == task


def test_one_language_list_one_message() -> None:
    assert check_lang(None) is None
    assert check_lang("ar") == "ar"
    with pytest.raises(UsageError) as exc:
        check_lang("fr", "sys")
    assert str(exc.value) == "sys: unsupported language 'fr' (choose from: ar, en)"


def test_an_unknown_brief_pipeline_is_refused_where_the_options_are_made() -> None:
    with pytest.raises(UsageError, match="unknown pipeline 'fax'"):
        BriefOptions(via="fax")
