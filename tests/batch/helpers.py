"""Synthetic articles, fake engines and a CLI runner for the batch tests."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from summarize.engines.base import Document, Length

WORDS = (
    "الحكومة",
    "أعلنت",
    "الاقتصاد",
    "ارتفاع",
    "أسعار",
    "القمح",
    "الوزير",
    "المدينة",
    "الانتخابات",
    "البرلمان",
    "مليون",
    "دولار",
)


def article(n: int, sentences: int = 5) -> str:
    """A made-up Arabic article: ``sentences`` sentences that differ with ``n``."""
    lines = []
    for s in range(sentences):
        words = [WORDS[(n * 7 + s * 3 + k) % len(WORDS)] for k in range(8 + (n + s) % 5)]
        lines.append(" ".join(words) + f" رقم {n}-{s}.")
    return " ".join(lines)


def write_jsonl(path: Path, records: Sequence[dict[str, Any]]) -> Path:
    """Write ``records`` as JSON Lines (non-ASCII kept)."""
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def parse_lines(out: str) -> list[dict[str, Any]]:
    """Every line of ``out`` as a JSON object (fails on any other line)."""
    return [json.loads(line) for line in out.splitlines()]


def without_ms(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records minus their timing, which differs from run to run."""
    return [{k: v for k, v in r.items() if k != "ms"} for r in records]


class SleepyEngine:
    """A fake summariser that takes longer on longer articles and echoes the first word."""

    name = "sleepy"
    model: str | None = "sleepy-1"

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Sleep in proportion to the article's length, then yield its first sentence."""
        time.sleep(min(len(doc.text), 4000) / 100_000)
        yield doc.sentences[0].text

    def close(self) -> None:
        """Nothing held."""


class BatchingEngine:
    """A fake engine that also summarises in batches, recording the batch sizes it got."""

    name = "batching"
    model: str | None = "batching-1"

    def __init__(self, fail_batches: bool = False) -> None:
        self.batches: list[int] = []
        self.single: int = 0
        self.fail_batches = fail_batches

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """The first sentence, one article at a time."""
        self.single += 1
        if "FAIL" in doc.text:
            raise RuntimeError("cannot summarise\nthis one")
        yield doc.sentences[0].text

    def summarize_batch(
        self, docs: Sequence[Document], length: Length, target_lang: str
    ) -> list[str]:
        """The first sentence of each article, in one call."""
        self.batches.append(len(docs))
        if self.fail_batches or any("FAIL" in d.text for d in docs):
            raise RuntimeError("batch failed")
        return [d.sentences[0].text for d in docs]

    def close(self) -> None:
        """Nothing held."""


class PidLogging:
    """Wraps a summariser; each call appends the calling process's id to ``log``."""

    def __init__(self, engine: Any, log: Path) -> None:
        self.engine = engine
        self.log = log
        self.name: str = engine.name
        self.model: str | None = engine.model

    def summarize(self, doc: Document, length: Length, target_lang: str) -> Iterator[str]:
        """Log the process, then delegate."""
        with self.log.open("a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return self.engine.summarize(doc, length, target_lang)

    def close(self) -> None:
        """Delegate."""
        self.engine.close()


def logged_pids(log: Path) -> set[int]:
    """The processes that ran an engine wrapped in :class:`PidLogging`."""
    return {int(line) for line in log.read_text(encoding="utf-8").split()}
