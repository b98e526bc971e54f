"""Tasks (summarise, translate, brief) as objects, and the one session that runs them.

Every entry point (the commands, batch and cluster workers, eval, the Python API) opens its
engines through a :class:`Session`; :func:`make_task` is the one place a task name is looked up.
"""

from summarize.tasks.kinds import (
    SUPPORTED_LANGS,
    Brief,
    Engine,
    Summarize,
    Task,
    Translate,
    check_lang,
    check_source,
    make_task,
)
from summarize.tasks.session import Notify, OnEngine, Session

__all__ = [
    "SUPPORTED_LANGS",
    "Brief",
    "Engine",
    "Notify",
    "OnEngine",
    "Session",
    "Summarize",
    "Task",
    "Translate",
    "check_lang",
    "check_source",
    "make_task",
]
