"""Build an encyclopedia evaluation set (lead paragraphs as reference) from Wikipedia extracts.

Reads the wikiextractor JSON-lines files of a fetched ``motazsaad/arzWikiExtracts`` snapshot
(Egyptian Arabic Wikipedia, CC BY-SA 4.0; the Arabic Wikipedia extracts repository of the same
author is over the ``fetch`` size limit). Each line is ``{"id", "url", "title", "text"}``; the
text is the title line, then paragraphs. The extractor drops section headings, so the lead
section cannot be cut at its heading: the reference is the article's opening paragraphs instead,
taken one paragraph at a time until they reach ``--min-ref-words`` (never past
``--max-ref-words``). Those opening paragraphs are the Wikipedia lead, or its first part.

A record is the article *without* its opening paragraphs as the text, the opening paragraphs as
the one reference, and the title. It is kept when the reference has at least two sentences and
``--min-ref-words`` to ``--max-ref-words`` words, and the rest of the article is at least
``--min-ratio`` times as long. Only the newest extract (folder ``--folder``) is read.

Records are written in path/line order with ids ``NNNNN-PAGEID``; ``--halves`` also writes
``OUT.even.jsonl`` and ``OUT.odd.jsonl``. The data itself is never committed.

Usage, from the repository root (the snapshot comes from the ``fetch`` tool)::

    python scripts/wiki_data.py /work/.mirror/motazsaad+arzWikiExtracts /tmp/wiki.jsonl --halves
    python scripts/extractive_lengths.py --data /tmp/wiki.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from summarize.evaluate.records import write_records

_SENTENCE_END = re.compile(r"[.!?؟…][\"'»”)]*(?=\s|$)")


def _git_dir(snapshot: Path) -> Path | None:
    """The bare git directory inside ``snapshot``, or None for a plain folder."""
    for candidate in (snapshot, snapshot / "repo", snapshot / ".git"):
        if (candidate / "objects").is_dir() and (candidate / "HEAD").is_file():
            return candidate
    return None


def _git(git_dir: Path, *args: str) -> str:
    cmd = ["git", f"--git-dir={git_dir}", *args]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def _files(snapshot: Path, folder: str) -> Iterator[str]:
    """The text of every extract file under ``folder``, in path order."""
    git_dir = _git_dir(snapshot)
    if git_dir is None:
        for path in sorted((snapshot / folder).rglob("wiki_*")):
            yield path.read_text(encoding="utf-8", errors="replace")
        return
    names = _git(git_dir, "ls-tree", "-r", "--name-only", "HEAD", folder).split()
    for name in sorted(names):
        yield _git(git_dir, "show", f"HEAD:{name}")


def read_pages(snapshot: Path, folder: str) -> Iterator[dict[str, str]]:
    """Every page of the extract, as wikiextractor's JSON objects."""
    for raw in _files(snapshot, folder):
        for line in raw.splitlines():
            if line.strip():
                yield json.loads(line)


def sentence_count(text: str) -> int:
    return len(_SENTENCE_END.findall(text.strip()))


def split_lead(page: dict[str, str], min_words: int, max_words: int) -> tuple[str, str] | None:
    """(opening paragraphs, rest) of a page, or None when no opening fits the bounds."""
    paragraphs = [" ".join(p.split()) for p in page["text"].split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and paragraphs[0] == page["title"].strip():
        paragraphs = paragraphs[1:]
    taken: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        taken.append(paragraph)
        words = len(" ".join(taken).split())
        if words > max_words:
            return None
        if words >= min_words:
            return " ".join(taken), "\n".join(paragraphs[index + 1 :])
    return None


def to_record(page: dict[str, str], args: argparse.Namespace) -> dict[str, object] | None:
    """The evaluation record for ``page``, or None when it does not qualify."""
    split = split_lead(page, args.min_ref_words, args.max_ref_words)
    if split is None:
        return None
    reference, body = split
    if sentence_count(reference) < 2:
        return None
    if len(body.split()) < args.min_ratio * len(reference.split()):
        return None
    return {"text": body, "references": [reference], "title": page["title"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("snapshot", type=Path, help="fetched extracts snapshot (git dir or folder)")
    parser.add_argument("out", type=Path, help="JSONL file to write")
    parser.add_argument("--folder", default="20181020", help="extract folder to read")
    parser.add_argument("--min-ref-words", type=int, default=60)
    parser.add_argument("--max-ref-words", type=int, default=150)
    parser.add_argument("--min-ratio", type=float, default=3.0, help="body words / ref words")
    parser.add_argument("--halves", action="store_true", help="also write OUT.even/.odd.jsonl")
    args = parser.parse_args(argv)
    if not args.snapshot.exists():
        print(f"error: no snapshot at {args.snapshot}", file=sys.stderr)
        return 1
    records: list[dict[str, object]] = []
    pages = 0
    for page in read_pages(args.snapshot, args.folder):
        pages += 1
        record = to_record(page, args)
        if record is not None:
            records.append({"id": f"{len(records):05d}-{page['id']}", **record})
    write_records(args.out, records, halves=args.halves)
    print(f"{len(records)} of {pages} pages kept", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
