"""One session: a task, its engines (one per language pair, built on first use), its notices.

Every entry point runs articles through a :class:`Session`: the single-article commands, the
batch worker (in the main process, in a pool's processes and on cluster workers), ``summarize
eval`` and the Python API (:class:`summarize.api.Session` is this class with keyword options).
A change to how engines are opened, cached, announced or closed, or to how an input is cut and
checked, is made here once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Self

from summarize.engines.base import notice_of
from summarize.pipeline import Event, Prepared, prepare
from summarize.settings import Settings
from summarize.tasks.kinds import Engine, Summarize, Task, Translate, check_source
from summarize.text.limit import cut_notice

# Where notices go: a stderr console, a batch run's console, the ``summarize`` logger.
Notify = Callable[[str], None]
# Called with each engine built and its (source, target) pair.
OnEngine = Callable[[Engine, str, str], None]


class Session:
    """Runs ``task`` with ``settings``; notices (an engine's fallback, a cut) go to ``notify``.

    Engines are built on first use, one per (source, target) language pair, and kept until
    :meth:`close` (or the end of a ``with`` block) releases them all. An entry point that says
    more about an engine than its notice (which model writes, advice given once) passes
    ``on_engine``, called with each engine built instead of sending its notice to ``notify``.
    """

    def __init__(
        self,
        task: Task,
        settings: Settings,
        notify: Notify | None = None,
        *,
        on_engine: OnEngine | None = None,
    ) -> None:
        self.task = task
        self.settings = settings
        self.notify = notify
        self.on_engine = on_engine
        # Seconds spent building engines (``summarize eval`` leaves them out of its speed).
        self.load_seconds = 0.0
        self._engines: dict[tuple[str, str], Engine] = {}

    def _notice(self, message: str) -> None:
        if self.notify is not None:
            self.notify(message)

    def read(self, path: str) -> Prepared:
        """The article at ``path`` (a file, ``-`` for stdin, or an http(s) URL), prepared.

        A decoding warning (bad bytes replaced) is a notice; a URL is refused offline.
        """
        from summarize.sources.inputs import read_source
        from summarize.sources.web import is_url, read_url

        source = read_url(path, self.settings.offline) if is_url(path) else read_source(path)
        if source.warning:
            self._notice(source.warning)
        return self.prepare(
            source.text,
            title=source.title,
            date=source.date,
            source=source.source,
            name=source.name,
        )

    def prepare(
        self,
        text: str,
        *,
        title: str | None = None,
        date: str | None = None,
        source: str | None = None,
        name: str | None = None,
        label: str | None = None,
    ) -> Prepared:
        """``text`` cleaned and split, cut to the settings' size limit, in a supported language.

        A cut is a notice (``label``, e.g. a record's id, in front of it); a text in no
        supported language is an input error (``name``, e.g. a file's, in front of it).
        """
        max_chars = self.settings.max_chars
        prepared = prepare(text, title=title, date=date, source=source, max_chars=max_chars)
        if prepared.meta.truncated_from is not None:
            cut = cut_notice(prepared.meta.truncated_from, max_chars)
            self._notice(f"{label}: {cut}" if label else cut)
        return check_source(prepared, name)

    def engine(self, source: str, target: str) -> Engine:
        """The task's engine for this language pair, built on first use and kept.

        Its notice, if it has one, goes out when it is built. Errors building it (an unknown
        engine, a model that is not installed) propagate: they are the run's, not an article's.
        """
        key = (source, target)
        if key not in self._engines:
            started = time.perf_counter()
            try:
                self._engines[key] = self.task.engine(self.settings, source, target)
            finally:
                self.load_seconds += time.perf_counter() - started
            engine = self._engines[key]
            if self.on_engine is not None:
                self.on_engine(engine, source, target)
            elif notice := notice_of(engine):
                self._notice(notice)
        return self._engines[key]

    def engine_for(self, prepared: Prepared) -> tuple[Engine, str]:
        """The engine for ``prepared`` and the language the task writes it in."""
        source = prepared.meta.source_lang
        target = self.task.target(source)
        return self.engine(source, target), target

    def events(self, prepared: Prepared) -> Iterator[Event]:
        """The summary or translation of ``prepared``, as pipeline events."""
        if not isinstance(self.task, Summarize | Translate):
            raise TypeError(f"a {self.task.name} session makes no summary or translation")
        engine, target = self.engine_for(prepared)
        return self.task.events(prepared, engine, target)

    def engines(self) -> list[Engine]:
        """The engines built so far (one per language pair met)."""
        return list(self._engines.values())

    def close(self) -> None:
        """Release every engine built (their model memory)."""
        for engine in self._engines.values():
            engine.close()
        self._engines.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
