"""Encoding detection: the tool's rules (summarize/sources/decode.py) against charset-normalizer.

Builds files in the encodings Arabic users meet from the dev articles (read at run time from
../shared, never stored): UTF-8, UTF-8 with a few random bytes overwritten, Windows-1256,
ISO-8859-6, MacArabic, UTF-16 with a BOM and UTF-16LE/BE without one; each as the whole
article and as its first 120 characters. Characters an encoding lacks are dropped first, so
every file has one right answer. Each decoder's answer is scored:

- right: the text comes back (damaged UTF-8: as UTF-8, within 3 characters per bad byte);
- refused: a clear error (the tool) or no answer (charset-normalizer);
- wrong: other text (mojibake), the failure that must never happen.

Time per file is the median of ``--reps`` passes over all files, min also shown, with the
load average printed; the ratio is charset-normalizer / rules.

    pip install charset-normalizer   # only this script needs it
    python scripts/bench_decode.py --data ../shared/data/ant_bbc_arabic/data.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from scripts.distance import distance
from summarize.sources.decode import DecodeError, decode

ENCODINGS = (
    "utf-8",
    "utf-8 damaged",
    "cp1256",
    "iso8859_6",
    "mac_arabic",
    "utf-16 (BOM)",
    "utf-16-le",
    "utf-16-be",
)
Case = tuple[str, str, bytes, str]
DAMAGED_BYTES = 3  # encoding label, length label, bytes, expected text


def representable(text: str, encoding: str) -> str:
    """``text`` without the characters ``encoding`` cannot write."""
    return "".join(ch for ch in text if _encodes(ch, encoding))


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def damage(data: bytes, rng: random.Random, count: int) -> bytes:
    """``data`` with ``count`` random bytes overwritten by random high bytes."""
    buf = bytearray(data)
    for _ in range(count):
        buf[rng.randrange(len(buf))] = rng.randrange(0x80, 0x100)
    return bytes(buf)


def make_cases(texts: list[str], seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []
    for text in texts:
        for length, body in (("article", text), ("120 chars", text[:120])):
            for label in ENCODINGS:
                codec = label.split()[0]
                codec = "utf-16" if label == "utf-16 (BOM)" else codec
                expected = representable(body, "utf-8" if codec.startswith("utf") else codec)
                if label == "utf-8 damaged":
                    data = damage(expected.encode("utf-8"), rng, DAMAGED_BYTES)
                else:
                    data = expected.encode(codec)
                cases.append((label, length, data, expected))
    return cases


def rules(data: bytes) -> tuple[str, str] | None:
    try:
        decoded = decode(data)
    except DecodeError:
        return None
    return decoded.text, decoded.encoding


def normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else (str(best), best.encoding)


def verdict(label: str, expected: str, answer: tuple[str, str] | None) -> str:
    if answer is None:
        return "refused"
    text, encoding = answer
    if label != "utf-8 damaged":
        return "right" if text == expected else "wrong"
    if encoding.replace("_", "-").lower() not in ("utf-8", "utf_8"):
        return "wrong"
    return "right" if distance(expected, text) <= 3 * DAMAGED_BYTES else "wrong"


def run(decoder: Callable[[bytes], tuple[str, str] | None], cases: list[Case]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for label, length, data, expected in cases:
        counts[(label, length, verdict(label, expected, decoder(data)))] += 1  # type: ignore[index]
    return counts


def timing(decoder: Callable[[bytes], object], cases: list[Case], reps: int) -> list[float]:
    per_file = []
    for _ in range(reps):
        start = time.perf_counter()
        for _, _, data, _ in cases:
            decoder(data)
        per_file.append((time.perf_counter() - start) / len(cases) * 1000)
    return per_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path("../shared/data/ant_bbc_arabic/data.jsonl")
    )
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    lines = args.data.read_text(encoding="utf-8").splitlines()[: args.articles]
    cases = make_cases([json.loads(line)["text"] for line in lines], args.seed)
    results = {"rules": run(rules, cases), "charset-normalizer": run(normalizer, cases)}
    print(f"{len(cases)} files from {len(lines)} articles; load average {os.getloadavg()}")
    header = "right/refused/wrong"
    print(f"\n| encoding | length | rules {header} | charset-normalizer {header} |")
    print("| --- | --- | --- | --- |")
    for label in ENCODINGS:
        for length in ("article", "120 chars"):
            cells = [
                "/".join(str(counts[(label, length, v)]) for v in ("right", "refused", "wrong"))  # type: ignore[index]
                for counts in results.values()
            ]
            print(f"| {label} | {length} | {cells[0]} | {cells[1]} |")
    times = {
        name: timing(fn, cases, args.reps)
        for name, fn in (("rules", rules), ("charset-normalizer", normalizer))
    }
    print("\n| decoder | ms per file, min | median |")
    print("| --- | --- | --- |")
    for name, values in times.items():
        print(f"| {name} | {min(values):.3f} | {statistics.median(values):.3f} |")
    ratio = statistics.median(times["charset-normalizer"]) / statistics.median(times["rules"])
    print(
        f"\ncharset-normalizer / rules, median time: {ratio:.1f}x; load average {os.getloadavg()}"
    )


if __name__ == "__main__":
    main()
