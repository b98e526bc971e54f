"""Build an evaluation set with multi-sentence references from the ANT corpus (France24).

The ANT corpus v2.1 (github.com/antcorpus/antcorpus.multisource.data; Apache-2.0 with a
citation licence: cite Chouigui, Ben Khiroun and Elayeb, AJSE 2021) stores each article as a
TREC-style file with an ``<ABSTRACT>`` and a ``<TEXT>``. For the France24 articles the
abstract is the editors' standfirst (chapeau): usually two sentences, about 45 words, written
for the article and printed above it, and the ``<TEXT>`` starts with that same standfirst. The
other sources are not used: their abstracts are the article's first sentence (SkyNews), an RSS
teaser cut off mid-sentence (AlArabiya), or one sentence (BBC, CNN).

Each kept record is the article *without* its standfirst, the standfirst as the one reference,
and the title. A record is kept when the standfirst has at least two sentences, ends a sentence
(not a cut-off teaser), has ``--min-ref-words`` words or more, was found at the start of the
text (so that removing it leaves the body only), and the body is at least ``--min-ratio`` times
as long as the standfirst.

Records are written in file-path order with ids ``NNNNN-DOCNO`` (``NNNNN`` is the 0-based row);
``--halves`` also writes ``OUT.even.jsonl`` (rows with an even index: the tuning half) and
``OUT.odd.jsonl`` (odd rows: the held-out half). The data itself is never committed.

Usage, from the repository root (the snapshot comes from the ``fetch`` tool)::

    python scripts/multi_data.py /work/.mirror/antcorpus+antcorpus.multisource.data \\
        /tmp/multi.jsonl --halves
    summarize eval /tmp/multi.odd.jsonl --system extractive
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from summarize.evaluate.records import write_records

SOURCE_DIR = "France24/"
_FIELD = re.compile(r"<(DOCNO|TITLE|ABSTRACT|TEXT)>(.*?)</\1>", re.S)
_SENTENCE_END = re.compile(r"[.!?؟…][\"'»”)]*(?=\s|$)")
_ENDS_SENTENCE = re.compile(r"[.!?؟…][\"'»”)]*$")


@dataclass(frozen=True)
class Article:
    """One ANT file: its id, title, abstract and text."""

    docno: str
    title: str
    abstract: str
    text: str


def _git_dir(snapshot: Path) -> Path | None:
    """The bare git directory inside ``snapshot``, or None for a plain folder."""
    for candidate in (snapshot, snapshot / "repo", snapshot / ".git"):
        if (candidate / "objects").is_dir() and (candidate / "HEAD").is_file():
            return candidate
    return None


def _files_from_git(git_dir: Path) -> Iterator[tuple[str, str]]:
    """(path, text) of every France24 file at HEAD, streamed through ``git archive``."""
    cmd = ["git", f"--git-dir={git_dir}", "archive", "HEAD", SOURCE_DIR]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE) as proc:
        assert proc.stdout is not None
        with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
            for member in tar:
                handle = tar.extractfile(member) if member.isfile() else None
                if handle is not None:
                    yield member.name, handle.read().decode("utf-8", errors="replace")
    if proc.returncode:
        raise SystemExit(f"error: git archive failed in {git_dir}")


def _files_from_folder(root: Path) -> Iterator[tuple[str, str]]:
    """(path, text) of every France24 file under an extracted copy of the corpus."""
    for path in (root / SOURCE_DIR).rglob("*.txt"):
        yield str(path.relative_to(root)), path.read_text(encoding="utf-8", errors="replace")


def read_articles(snapshot: Path) -> list[Article]:
    """Every France24 article of the snapshot, in path order."""
    git_dir = _git_dir(snapshot)
    files = _files_from_git(git_dir) if git_dir else _files_from_folder(snapshot)
    articles: list[Article] = []
    for _path, raw in sorted(files):
        fields = {name: value.strip() for name, value in _FIELD.findall(raw)}
        if "ABSTRACT" in fields and "TEXT" in fields:
            articles.append(
                Article(
                    fields.get("DOCNO", ""),
                    fields.get("TITLE", ""),
                    fields["ABSTRACT"],
                    fields["TEXT"],
                )
            )
    return articles


def _squash(text: str) -> str:
    return " ".join(text.split())


def body_without(abstract: str, text: str) -> str | None:
    """``text`` with the leading copy of ``abstract`` removed; None when it does not lead."""
    wanted = _squash(abstract)
    lines = [line.strip() for line in text.splitlines()]
    taken = ""
    for index, line in enumerate(lines):
        taken = _squash(f"{taken} {line}")
        if taken == wanted:
            rest = [kept for kept in lines[index + 1 :] if kept]
            return "\n".join(rest)
        if not wanted.startswith(taken):
            return None
    return None


def sentence_count(text: str) -> int:
    return len(_SENTENCE_END.findall(text.strip()))


def to_record(article: Article, min_ref_words: int, min_ratio: float) -> dict[str, object] | None:
    """The evaluation record for ``article``, or None when it does not qualify."""
    reference = _squash(article.abstract)
    words = len(reference.split())
    if words < min_ref_words or sentence_count(reference) < 2:
        return None
    if not _ENDS_SENTENCE.search(reference):
        return None
    body = body_without(article.abstract, article.text)
    if body is None or len(body.split()) < min_ratio * words:
        return None
    return {"text": body, "references": [reference], "title": article.title}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("snapshot", type=Path, help="fetched ANT snapshot (git dir or folder)")
    parser.add_argument("out", type=Path, help="JSONL file to write")
    parser.add_argument("--min-ref-words", type=int, default=25)
    parser.add_argument("--min-ratio", type=float, default=3.0, help="body words / ref words")
    parser.add_argument("--halves", action="store_true", help="also write OUT.even/.odd.jsonl")
    args = parser.parse_args(argv)
    if not args.snapshot.exists():
        print(f"error: no snapshot at {args.snapshot}", file=sys.stderr)
        return 1
    articles = read_articles(args.snapshot)
    records: list[dict[str, object]] = []
    for article in articles:
        record = to_record(article, args.min_ref_words, args.min_ratio)
        if record is not None:
            records.append({"id": f"{len(records):05d}-{article.docno}", **record})
    write_records(args.out, records, halves=args.halves)
    print(f"{len(records)} of {len(articles)} France24 articles kept", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
