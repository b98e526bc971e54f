"""An example engine for ``summarize`` in a package of its own: the first sentences, echoed.

Its pyproject.toml names :class:`EchoEngine` in the ``summarize.engines`` entry-point group;
once the package is installed, ``summarize FILE --engine echo`` runs it.
"""

from __future__ import annotations

from collections.abc import Iterator

from summarize.engines.base import Document, Length
from summarize.settings import Settings


class EchoEngine:
    """A summariser (see ``summarize.engines.base.Summarizer``) that repeats the lead."""

    name = "echo"

    def __init__(self, settings: Settings, model: str | None) -> None:
        # The factory's two arguments: the run's settings, and --model (unused here).
        self.model: str | None = model

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Yield the first ``length.sentences`` sentences (one by default), one at a time."""
        for i, sentence in enumerate(doc.sentences[: length.sentences or 1]):
            yield (" " if i else "") + sentence.text

    def close(self) -> None:
        """Nothing to release: the engine holds no model."""
