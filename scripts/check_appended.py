"""How often the cleaner finds a story appended to another, and keeps one that resumes.

    python scripts/check_appended.py [--data ../shared/data/ant_bbc_arabic/data.jsonl]

Each BBC Arabic article A (headline + body, read at run time, never copied) gets another
article B appended: after «إقرأ أيضاً» on its own line, after the marker glued to B's
headline, or with no marker at all (B's headline only). A case passes when the cleaned text
is exactly A's cleaned body. The "resumes" case puts a marker and one link in the middle of
A; it passes when nothing of A is lost.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from summarize.text.clean import clean_article

ROOT = Path(__file__).resolve().parents[1]


def _cases(a: dict[str, str], b: dict[str, str]) -> dict[str, tuple[str, str]]:
    main = f"{a['title']}\n{a['text']}"
    other = f"{b['title']}\n{b['text']}"
    paragraphs = [p for p in a["text"].split("\n") if p.strip()]
    half = len(paragraphs) // 2
    resumed = "\n".join(
        [a["title"], *paragraphs[:half], "اقرأ أيضاً:", b["title"], *paragraphs[half:]]
    )
    return {
        "marker on its own line": (f"{main}\nإقرأ أيضاً\n{other}", main),
        "marker glued to the headline": (f"{main}\nاقرأ أيضاً{other}", main),
        "no marker": (f"{main}\n{other}", main),
        "story resumes after a block": (resumed, main),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=ROOT.parent / "shared/data/ant_bbc_arabic/data.jsonl"
    )
    args = parser.parse_args()
    articles = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    rng = random.Random(13)
    passed: dict[str, int] = {}
    for a in articles:
        b = rng.choice([x for x in articles if x is not a])
        for name, (text, expected) in _cases(a, b).items():
            ok = clean_article(text).text == clean_article(expected).text
            passed[name] = passed.get(name, 0) + ok
    for name, n in passed.items():
        print(f"{name}: {n}/{len(articles)}")


if __name__ == "__main__":
    main()
