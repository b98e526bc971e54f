"""The one session: engines built once per language pair, notices passed on, all closed."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.engines import register_summarizer, unregister_summarizer
from summarize.engines.base import Document, Length
from summarize.errors import InputError
from summarize.pipeline import Finished, SummaryOptions
from summarize.settings import Settings
from summarize.tasks import Session, Summarize
from tests.engines.neural.neural_helpers import arabic_article

PACKAGE = Path(__file__).resolve().parents[2] / "summarize"
ENGLISH = "The council met on Monday. It approved the new budget. Work starts in May."


class NoticeEngine:
    """A fake summariser that stands in for another (it carries a notice); counts builds."""

    name = "noticing"
    model: str | None = None
    notice = "using the noticing engine instead"
    built = 0

    def __init__(self) -> None:
        NoticeEngine.built += 1
        self.closed = False

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """The first sentence."""
        yield doc.sentences[0].text

    def close(self) -> None:
        """Remember the release."""
        self.closed = True


@pytest.fixture
def noticing() -> Iterator[None]:
    NoticeEngine.built = 0
    register_summarizer("noticing", lambda settings, model: NoticeEngine())
    yield
    unregister_summarizer("noticing")


def test_engines_are_built_once_per_pair_announced_once_and_closed(noticing: None) -> None:
    notices: list[str] = []
    task = Summarize(SummaryOptions(engine="noticing"))
    with Session(task, Settings.from_env(), notices.append) as session:
        for seed in range(3):
            prepared = session.prepare(arabic_article(2, seed=seed))
            events = list(session.events(prepared))
            assert isinstance(events[-1], Finished)
        english = session.prepare(ENGLISH)
        engine, target = session.engine_for(english)
        assert isinstance(engine, NoticeEngine)
        assert target == "en"
        built = session.engines()
    assert NoticeEngine.built == len(built) == 2  # (ar, ar) and (en, en)
    assert notices == [NoticeEngine.notice] * 2
    assert all(isinstance(e, NoticeEngine) and e.closed for e in built)
    assert session.engines() == []


def test_on_engine_hears_of_each_engine_instead_of_notify(noticing: None) -> None:
    notices: list[str] = []
    heard: list[tuple[str, str, str]] = []

    def on_engine(engine: object, source: str, target: str) -> None:
        heard.append((type(engine).__name__, source, target))

    task = Summarize(SummaryOptions(engine="noticing"))
    with Session(task, Settings.from_env(), notices.append, on_engine=on_engine) as session:
        session.engine("ar", "ar")
        session.engine("ar", "ar")
        session.engine("en", "en")
    assert heard == [("NoticeEngine", "ar", "ar"), ("NoticeEngine", "en", "en")]
    assert notices == []


def test_a_cut_input_is_a_notice_naming_its_label(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_MAX_CHARS", "300")
    notices: list[str] = []
    session = Session(Summarize(), Settings.from_env(), notices.append)
    prepared = session.prepare(arabic_article(12, seed=1), label="record 7")
    assert prepared.meta.truncated_from is not None
    (notice,) = notices
    assert notice.startswith("record 7: the input is ") and "first 300 are used" in notice
    session.prepare(arabic_article(1, seed=1))
    assert len(notices) == 1


def test_a_text_in_no_supported_language_is_an_input_error_naming_it() -> None:
    session = Session(Summarize(), Settings.from_env())
    with pytest.raises(InputError, match=r"^page\.txt: the text is neither Arabic nor English"):
        session.prepare("Совет собрался в понедельник и утвердил бюджет.", name="page.txt")


def _calls(path: Path) -> Iterator[tuple[str, int]]:
    """``(name, positional args)`` of every call of an attribute or a name in ``path``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            yield name, len(node.args)


def test_only_the_session_builds_a_task_s_engines() -> None:
    # Task.engine(settings, source, target) is called in one place: the session's cache.
    callers = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if ("engine", 3) in set(_calls(path))
    }
    assert callers == {"tasks/session.py"}


def test_engines_are_resolved_only_by_tasks_and_engines() -> None:
    # The entry points hold a session; resolving an engine is the tasks' (and the engine
    # packages' own) business.
    resolvers = {"resolve_summarizer", "resolve_translator", "resolve_brief_engines"}
    callers = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if resolvers & {name for name, _ in _calls(path)}
    }
    assert callers == {"tasks/kinds.py", "brief/engines.py"}
