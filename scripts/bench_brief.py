"""Time to first visible line and total time per brief (`summarize brief`), by model size.

    python scripts/bench_brief.py [--articles 10] [--sizes tiny,small] [--threads 0]

Models are built at run time under a temporary folder and removed at the end (no weights
are ever written to the repository):

- ``tiny``: the test suite's tiny random models (d_model 32, vocabularies of a few hundred).
- ``small``: random-weight models with real sizes: crossSum with mT5-small's dimensions
  (d_model 512, 8+8 layers, 6 heads, d_ff 1024, vocabulary 250,112), an NLLB-architecture
  translator of similar size (d_model 512, 6+6 layers, 8 heads, FFN 2048, vocabulary
  256,206) and a Marian translator with opus-mt-ar-en's dimensions (d_model 512, 6+6
  layers, vocabulary 62,000). They are built with the test suite's builders
  (``summarize/tiny/builders.py``) from their SMALL_MT5 / SMALL_NLLB shapes, widened to
  these vocabularies. Their SentencePiece models are trained on the articles themselves
  (8,000 pieces), so inputs have realistic token counts.

Every model is converted with ``summarize.store.convert`` (int8). The small ones are installed
under their catalogue names, so the catalogue's decoding settings apply (beam 4, output caps);
the tiny ones under ``tiny-*`` names with the family defaults. Random weights rarely emit
EOS, so every output runs to its length cap: the times are an upper bound for real models
of these sizes.

Articles: the first ``--articles`` of ``../shared/data/ant_bbc_arabic/data.jsonl`` when
present (read at run time, title passed as the reader's hint), else generated ones.
Per brief, from the call (article already read and cleaned, models loaded): *first text*,
the first event (in a terminal, the first words of the headline); *headline line*, the
complete headline (what a terminal shows as its first full line); *total*, the complete
brief. In JSON mode nothing is printed before the total. Models are loaded once per configuration
(load time reported apart). Terminal mode streams (greedy); JSON mode uses beam search.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ant_bbc_arabic" / "data.jsonl"

# (label, models installed, --via)
CONFIGS = (
    ("translate (extractive + nllb)", ("nllb-600m",), "translate"),
    ("translate (extractive + marian)", ("opus-mt-ar-en",), "translate"),
    ("crosssum only", ("crosssum",), "crosssum"),
    ("crosssum + nllb", ("crosssum", "nllb-600m"), "crosssum"),
)
FAMILY_OF = {"nllb-600m": "nllb", "opus-mt-ar-en": "marian", "crosssum": "crosssum"}
# Embedding rows of the published mT5 (crossSum), NLLB-200 and opus-mt-ar-en.
MT5_VOCAB = 250_112
NLLB_VOCAB = 256_206
MARIAN_VOCAB = 62_000


def load_articles(count: int) -> list[tuple[str, str | None]]:
    """(text, title) pairs: the dev set's first articles, else generated text."""
    if DATA.is_file():
        out = []
        with DATA.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                out.append((record["text"], record.get("title")))
                if len(out) == count:
                    break
        return out
    from summarize.tiny.corpus import arabic_article

    return [(arabic_article(12, seed=100 + i), None) for i in range(count)]


def build_small(root: Path, articles: list[tuple[str, str | None]]) -> dict[str, Path]:
    """Hugging Face folders of the ``small`` models (see the module docstring)."""
    from summarize.tiny.builders import (
        SMALL_MT5,
        SMALL_NLLB,
        build_marian,
        build_mt5,
        build_nllb,
        train_spm,
    )
    from summarize.tiny.corpus import english_lines

    arabic = [line for text, _ in articles for line in text.splitlines() if line.strip()]
    english = english_lines()
    spm = root / "spm"
    spm.mkdir(parents=True)

    def train(lines: list[str], name: str, model_type: str, layout: str, size: int) -> Path:
        return train_spm(lines, spm / name, vocab_size=size, model_type=model_type, layout=layout)

    t5 = train(arabic + english, "t5.model", "unigram", "t5", 8000)
    bpe = train(arabic + english, "bpe.model", "bpe", "fairseq", 8000)
    source = train(arabic, "ar.model", "unigram", "fairseq", 8000)
    target = train(english, "en.model", "unigram", "fairseq", 500)
    # The benchmarks' small shapes, with the published models' vocabulary sizes.
    crosssum = replace(SMALL_MT5, vocab_size=MT5_VOCAB)
    nllb = replace(SMALL_NLLB, vocab_size=NLLB_VOCAB, max_positions=1024)
    marian = replace(SMALL_NLLB, vocab_size=MARIAN_VOCAB)
    return {
        "crosssum": build_mt5(root / "crosssum", t5, crosssum=True, shape=crosssum),
        "nllb": build_nllb(root / "nllb", bpe, shape=nllb, src_lang="arb_Arab"),
        "marian": build_marian(root / "marian", source, target, shape=marian),
    }


def build_tiny(root: Path) -> dict[str, Path]:
    """Hugging Face folders of the test suite's tiny models."""
    from summarize.tiny.builders import build_hf_models

    return build_hf_models(root)


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def bench_config(
    home: Path, articles: list[tuple[str, str | None]], via: str, stream: bool, threads: int
) -> dict[str, float]:
    """Median first-line and total seconds per brief, and the model load time."""
    from summarize.brief.build import Done, Headline, stream_brief
    from summarize.brief.engines import BriefOptions, resolve_brief_engines
    from summarize.pipeline import prepare
    from summarize.settings import Settings

    settings = Settings(home=home, device="cpu", offline=True, threads=threads)
    options = BriefOptions(via=via, stream=stream)
    engines, load = _timed(lambda: resolve_brief_engines(settings, options))
    firsts, headlines, totals = [], [], []
    try:
        for text, title in articles:
            prepared = prepare(text, title=title)
            start = time.perf_counter()
            events = stream_brief(prepared, engines, options)
            next(events)
            firsts.append(time.perf_counter() - start)
            for event in events:
                if isinstance(event, Headline):
                    headlines.append(time.perf_counter() - start)
                last = event
            assert isinstance(last, Done)
            totals.append(time.perf_counter() - start)
    finally:
        engines.close()
    return {
        "load_s": load,
        "first_s": statistics.median(firsts),
        "headline_s": statistics.median(headlines or firsts),
        "total_s": statistics.median(totals),
        "total_max_s": max(totals),
    }


def run_size(
    size: str, root: Path, articles: list[tuple[str, str | None]], threads: int
) -> list[dict[str, Any]]:
    """Build the models of ``size``, install them, and time every configuration."""
    from summarize.store.local import ModelStore

    folders, build = _timed(
        lambda: build_tiny(root / "hf") if size == "tiny" else build_small(root / "hf", articles)
    )
    print(f"[{size}] models built in {build:.0f} s", file=sys.stderr)
    rows: list[dict[str, Any]] = []
    for label, names, via in CONFIGS:
        home = root / f"home-{len(rows)}"
        for name in names:
            # Tiny models have 256 positions: catalogue names would give them a 512 budget.
            installed = f"tiny-{name}" if size == "tiny" else name
            ModelStore(home).import_path(folders[FAMILY_OF[name]], installed, "int8")
        for stream in (True, False):
            result = bench_config(home, articles, via, stream, threads)
            mode = "terminal (greedy, streamed)" if stream else "json (beam 4)"
            rows.append({"size": size, "config": label, "mode": mode, **result})
            print(f"[{size}] {label} / {mode}: {result}", file=sys.stderr)
        shutil.rmtree(home)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument("--sizes", default="tiny,small")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--json", help="Also write the rows to this JSON file.")
    args = parser.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    articles = load_articles(args.articles)
    root = Path(tempfile.mkdtemp(prefix="bench_brief_"))
    rows: list[dict[str, Any]] = []
    try:
        for size in args.sizes.split(","):
            rows.extend(run_size(size, root / size, articles, args.threads))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(
        "| models | configuration | mode | load (s) | first text (s) | headline line (s) "
        "| total (s) | max total (s) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['size']} | {r['config']} | {r['mode']} | {r['load_s']:.2f} | "
            f"{r['first_s']:.2f} | {r['headline_s']:.2f} | {r['total_s']:.2f} | "
            f"{r['total_max_s']:.2f} |"
        )


if __name__ == "__main__":
    main()
