"""Write the synthetic golden pages: saved HTML, pasted page text and expectations.

    python scripts/golden_pages/build.py

For each article of ``articles_dev.json`` and ``articles_heldout.json`` the site's layout
(``layouts.py``, ``layouts_heldout.py``) makes a saved page; :func:`paste` renders it as a
browser's "select all, copy" gives it (every visible line of ``<body>``, furniture
included); the expectations (headline, ISO day, first and last body sentence, furniture
strings that must not appear) go to a JSON file beside them, in
``tests/text/clean/pages/{dev,heldout}/``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parents[1] / "tests" / "text" / "clean" / "pages"
sys.path.insert(0, str(HERE))

import layouts  # noqa: E402
import layouts_heldout  # noqa: E402

_BLOCK_TEXT = (
    "address article aside blockquote body dd div dl dt figcaption figure footer form h1 "
    "h2 h3 h4 h5 h6 header hr li main nav ol p section table td th tr ul br time"
)
_BLOCKS = frozenset(_BLOCK_TEXT.split())


def paste(page: str) -> str:
    """The page's visible text as select-all gives it: block elements on their own lines."""
    import lxml.html

    # The page is text already: its bytes are UTF-8 whatever its <meta charset> says.
    parser = lxml.html.HTMLParser(encoding="utf-8")
    tree = lxml.html.fromstring(page.encode("utf-8"), parser=parser)
    for bad in tree.xpath("//script|//style|//noscript|//head"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        block = el.tag in _BLOCKS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(tree)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def _sentences(text: str) -> list[str]:
    from summarize.text.sentences import split_sentences

    return [s.text for s in split_sentences(text)]


def build(split: str, module: object) -> None:
    articles = json.loads((HERE / f"articles_{split}.json").read_text(encoding="utf-8"))
    folder = OUT / split
    folder.mkdir(parents=True, exist_ok=True)
    for a in articles:
        page, furniture = getattr(module, a["site"])(a)
        name = f"{a['id']}-{a['site']}"
        (folder / f"{name}.html").write_text(page, encoding="utf-8")
        (folder / f"{name}.txt").write_text(paste(page), encoding="utf-8")
        expected = {
            "site": a["site"],
            "title": a["headline"],
            "date_iso": a["date_iso"],
            "first": _sentences(a["paragraphs"][0])[0],
            "last": _sentences(a["paragraphs"][-1])[-1],
            "paragraphs": a["paragraphs"],
            "absent": furniture,
        }
        (folder / f"{name}.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


def main() -> None:
    build("dev", layouts)
    build("heldout", layouts_heldout)


if __name__ == "__main__":
    main()
