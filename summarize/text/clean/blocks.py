"""Rules over runs of lines: menus, blocks in another script, repeated lines, tag lists.

* **Menus and mastheads**: three or more short label lines in a row (at most three words
  and 30 characters each, no punctuation at the end) are navigation, not prose.
* **Another script**: on an Arabic page, lines written in Latin letters (or the reverse)
  go when they form a block: two or more in a row, or any outside the stretch of the
  article's own script (a banner above or below it). One English quotation inside an
  Arabic article stays.
* **Repeated lines**: a line of at least three words seen exactly twice is a caption or
  a pull-quote (lines repeated more often are a list's refrain and stay). A short one (at
  most 25 words) loses both copies, except the first when it is the first body line (a
  headline repeated in the body loses its second copy); a longer one keeps its first copy.
* **Tag lists**: a tag marker on a line of its own is followed by the tags, one short line each.
"""

from __future__ import annotations

from collections import Counter

from summarize.text.clean.boilerplate import Kind, LineInfo, ends_sentence, is_headline, word_total
from summarize.text.clean.lines import Line
from summarize.text.lang import detect_lang

_LABEL_WORDS = 3
_LABEL_CHARS = 30  # scripts written without spaces have one "word" per line
_CAPTION_MIN_WORDS = 3
_MENU_RUN = 3
_TAG_WORDS = 4
_CAPTION_WORDS = 25
_MIN_LETTERS = 8


def absorb_tag_lists(lines: list[Line]) -> None:
    """Short lines after a bare tag marker are tags."""
    for i, line in enumerate(lines):
        if line.info.kind is Kind.TAGS and line.info.value is None:
            for nxt in lines[i + 1 :]:
                if not nxt.body or word_total(nxt.text) > _TAG_WORDS or ends_sentence(nxt.text):
                    break
                nxt.info = LineInfo(Kind.TAGS)


def _is_label(line: Line) -> bool:
    text = line.text
    short = word_total(text) <= _LABEL_WORDS and len(text) <= _LABEL_CHARS
    return line.body and short and is_headline(text)


def mark_menus(lines: list[Line]) -> None:
    """Runs of at least three short label lines become menu lines."""
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and _is_label(line):
            run.append(line)
            continue
        if len(run) >= _MENU_RUN:
            for label in run:
                label.drop(Kind.MENU)
        run = []


def _script(text: str) -> str:
    letters = sum(ch.isalpha() for ch in text)
    return detect_lang(text) if letters >= _MIN_LETTERS else "other"


def mark_other_script(lines: list[Line]) -> None:
    """Drop blocks of body lines written in another script than the article's."""
    body = [line for line in lines if line.body]
    scripts = [_script(line.text) for line in body]
    letters = Counter[str]()
    for line, script in zip(body, scripts, strict=True):
        letters[script] += len(line.text)
    main = "ar" if letters["ar"] >= letters["en"] else "en"
    own = [i for i, s in enumerate(scripts) if s == main]
    if not own:
        return
    first, last = own[0], own[-1]
    foreign = {"ar": "en", "en": "ar"}[main]
    i = 0
    while i < len(body):
        if scripts[i] != foreign:
            i += 1
            continue
        j = i
        while j < len(body) and scripts[j] == foreign:
            j += 1
        if j - i >= 2 or i > last or j <= first:
            for line in body[i:j]:
                line.drop()
        i = j


def mark_repeats(lines: list[Line]) -> None:
    """Drop repeated lines (captions, pull-quotes, a headline repeated in the body)."""
    counts = Counter(line.text for line in lines if line.body)
    if all(n == 1 for n in counts.values()):
        return
    seen: set[str] = set()
    for line in lines:
        if not line.body:
            continue
        text = line.text
        short = word_total(text) <= _CAPTION_WORDS
        first_kept = text not in seen and (not seen or not short)
        seen.add(text)
        caption = counts[text] == 2 and word_total(text) >= _CAPTION_MIN_WORDS
        if caption and not first_kept:
            line.drop(Kind.CAPTION)
