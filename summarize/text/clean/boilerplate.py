"""Line rules for news boilerplate: each small function looks at one line only.

Markers (:mod:`summarize.text.clean.markers`) are compared on folded words, so ``اقرأ أيضاً``,
``إقرأ أيضا`` and ``اقرا ايضا`` are the same marker. A marker only counts at the start of a
line, and most need a separator (``:``, ``-``, ``|``) or nothing after them, so a body
sentence that merely contains ``المصدر`` or ``ذات صلة`` is left alone. A related-stories
marker glued to the next word (``اقرأ أيضاًالعنوان``) is taken apart first.

Each line is folded once (:class:`LineView`); :func:`classify_line` then returns the first
rule of ``_RULES`` that matches.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from summarize.text.clean import markers as m
from summarize.text.clean.dates import written_date
from summarize.text.normalize import fold


class Kind(Enum):
    """What a line of an article is."""

    BODY = "body"
    SEPARATOR = "separator"
    TEASER = "teaser"
    RELATED = "related"
    DATE = "date"
    SOURCE = "source"
    TAGS = "tags"
    SOCIAL = "social"
    CAPTION = "caption"
    MENU = "menu"
    POLICY = "policy"
    BYLINE = "byline"
    COMMENTS = "comments"
    EMBED = "embed"


@dataclass(frozen=True)
class LineInfo:
    """The kind of a line and the value it carries (a date, a source, a headline).

    ``updated`` marks a date that is an update time (``آخر تحديث``), not publication.
    """

    kind: Kind
    value: str | None = None
    updated: bool = False


# A word as written: letters and digits with any Arabic diacritics or tatweel inside.
_WORD = re.compile("(?:[^\\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640])+")
_SEPARATORS = ":：-–—|»«>/"
_END_PUNCT = ".…،,:;؛"
_SENTENCE_END = ".!?؟…"
_CLOSERS = "\"'»”’)]}"
_BULLETS = "-–—•*·▪◦"
_NUMERIC_DATE = re.compile(r"\d{1,4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,4}")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_LABELLED_DATE_WORDS = 12
_DIGIT = re.compile(r"\d")
_LABEL_WORDS = 5
# The signature line of an embedded tweet: «— الاسم (@handle) February 14, 2014».
_EMBED_SIGNATURE = re.compile(r"\(@\w{1,30}\)\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\s*$")
# A related marker glued to its first link (a word or a number): «اقرأ أيضاًالعنوان».
_GLUED_RELATED = re.compile(
    "^([^\\w]*(?:[اأإ]قر[اأ]|طالع|شاهد)\\s+(?:[اأ]يضا|كذلك)[\u064b-\u0652]*)(?=[^\\W_])"
)
Markers = tuple[tuple[str, ...], ...]
_PIPE_ROW = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
_AGENCY_TAIL = re.compile(r"\(([^()]{1,30})\)\s*$")
_AGENCY = re.compile(
    r"\b(?:" + "|".join(re.escape(a) for a in sorted(m.AGENCIES, key=len, reverse=True)) + r")\b"
)


# Words repeat from line to line and page to page; each is folded once.
_fold_word = functools.lru_cache(maxsize=1 << 16)(fold)


@dataclass(frozen=True)
class LineView:
    """A line with leading bullets and brackets stripped, and its words folded once.

    ``words`` holds each folded word with the offset in ``text`` where it ends.
    """

    text: str
    words: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, line: str) -> LineView:
        """Fold the words of ``line`` (the only place a line's words are folded)."""
        text = line.lstrip(_BULLETS + "([ ")
        return cls(text, tuple((_fold_word(w.group()), w.end()) for w in _WORD.finditer(text)))

    @functools.cached_property
    def folded(self) -> list[str]:
        """The folded words, built once per line (every rule reads them)."""
        return [w for w, _ in self.words]


def unglue_marker(line: str) -> str:
    """Put a separator between a related-stories marker and the word glued to it."""
    return _GLUED_RELATED.sub(r"\1: ", line, count=1)


_FIRST_WORDS: dict[int, tuple[Markers, dict[str, Markers]]] = {}


def _by_first_word(markers: Markers) -> dict[str, Markers]:
    """``markers`` by their first word, longest first (every line tries each marker list,
    and a line can only start with the markers of its first word)."""
    entry = _FIRST_WORDS.get(id(markers))
    if entry is None or entry[0] is not markers:
        grouped: dict[str, list[tuple[str, ...]]] = {}
        for marker in markers:
            grouped.setdefault(marker[0], []).append(marker)
        entry = _FIRST_WORDS[id(markers)] = (markers, {k: tuple(v) for k, v in grouped.items()})
    return entry[1]


def _after_marker(view: LineView, markers: Markers) -> tuple[str, bool, int] | None:
    """If the line starts with a marker: the rest of the line, whether a separator (or
    nothing) follows the marker, and how many words the marker took."""
    if not view.words or not _WORD.match(view.text):
        return None
    candidates = _by_first_word(markers).get(view.folded[0])
    if not candidates:
        return None
    head = tuple(view.folded[: m.LONGEST_MARKER])
    for marker in candidates:
        if head[: len(marker)] == marker:
            rest = view.text[view.words[len(marker) - 1][1] :]
            tail = rest.lstrip(" )]")
            separated = not tail or tail[0] in _SEPARATORS
            return tail.lstrip(_SEPARATORS + " ").rstrip(" )]"), separated, len(marker)
    return None


def word_total(line: str) -> int:
    """Number of words (white-space separated) in ``line``."""
    return len(line.split())


def last_char(line: str) -> str:
    """The last character that is not a closing quote or bracket ("" for none)."""
    stripped = line.rstrip(_CLOSERS + " ")
    return stripped[-1] if stripped else ""


def is_headline(line: str, max_words: int = 20) -> bool:
    """A short line that does not end like a sentence part: a headline or link text."""
    text = line.lstrip(_BULLETS + " ")
    return 0 < word_total(text) <= max_words and last_char(text) not in _END_PUNCT


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with sentence-final punctuation."""
    return last_char(line) in _SENTENCE_END and last_char(line) != ""


def _starts_with_symbol(line: str) -> bool:
    return unicodedata.category(line[0]) == "So"


def _separator(line: str, view: LineView) -> LineInfo | None:
    if not any(ch.isalnum() for ch in line):
        return LineInfo(Kind.TEASER if _starts_with_symbol(line) else Kind.SEPARATOR)
    return None


def _teaser(line: str, view: LineView) -> LineInfo | None:
    return LineInfo(Kind.TEASER) if _starts_with_symbol(line) else None


def _related(line: str, view: LineView) -> LineInfo | None:
    strong = _after_marker(view, m.RELATED_STRONG)
    if strong is not None and word_total(strong[0]) <= 25:
        return LineInfo(Kind.RELATED, strong[0] or None)
    weak = _after_marker(view, m.RELATED_WEAK)
    if weak is not None and weak[1] and word_total(weak[0]) <= 25:
        return LineInfo(Kind.RELATED, weak[0] or None)
    return None


def _date(line: str, view: LineView) -> LineInfo | None:
    found = _after_marker(view, m.DATE_MARKERS)
    if found is not None:
        rest, _, taken = found
        if word_total(rest) <= 12 and _looks_like_date(rest, view.folded[taken:]):
            updated = _after_marker(view, m.UPDATE_MARKERS) is not None
            return LineInfo(Kind.DATE, rest.strip(" |،,"), updated)
        return None
    return _dateline(line, view)


def _dateline(line: str, view: LineView) -> LineInfo | None:
    """A line of date words only, maybe followed by an update time (``، آخر تحديث 14:00``)."""
    if word_total(line) > 20 or not _DIGIT.search(line):
        return None  # every date line has a number
    folded = view.folded
    cut = next((i for i in range(len(folded)) if _update_at(folded, i)), len(folded))
    date_part = folded[:cut]
    if not _is_date_words(date_part, line):
        return _labelled_date(line, view)
    if cut == len(folded):
        return LineInfo(Kind.DATE, line)
    value = view.text[: view.words[cut - 1][1]].rstrip(" ،,|-")
    return LineInfo(Kind.DATE, value)


def _labelled_date(line: str, view: LineView) -> LineInfo | None:
    """A short line that holds a full date among labels: a section name, an agency, a
    view counter (``سياسة 13-11-2024, 08:57 | -- الموقع - المدينة``)."""
    if word_total(line) > _LABELLED_DATE_WORDS or ends_sentence(line):
        return None
    written = written_date(line)
    return LineInfo(Kind.DATE, written) if written else None


def _update_at(folded: list[str], i: int) -> bool:
    return any(tuple(folded[i : i + len(u)]) == u for u in m.UPDATE_MARKERS)


def _looks_like_date(text: str, folded: list[str]) -> bool:
    """A month name with a number, a numeric date, or a clock time."""
    has_month = any(w in m.MONTHS for w in folded) and any(w.isdigit() for w in folded)
    return has_month or bool(_NUMERIC_DATE.search(text) or _CLOCK.search(text))


def _is_date_words(folded: list[str], line: str) -> bool:
    """Day and month names, numbers, times and zones only, with a month or numeric date."""
    if not folded or len(folded) > 14 or not any(w.isdigit() for w in folded):
        return False
    if not all(w.isdigit() or w in m.DATE_WORDS for w in folded):
        return False
    return any(w in m.MONTHS for w in folded) or bool(_NUMERIC_DATE.search(line))


def _source(line: str, view: LineView) -> LineInfo | None:
    found = _after_marker(view, m.SOURCE_MARKERS)
    if found is None:
        return None
    rest, separated, _ = found
    if separated and rest and word_total(rest) <= 10:
        return LineInfo(Kind.SOURCE, rest.rstrip(" .،,"))
    return None


def _tags(line: str, view: LineView) -> LineInfo | None:
    found = _after_marker(view, m.TAG_MARKERS)
    if found is not None and found[1]:
        return LineInfo(Kind.TAGS, found[0] or None)
    return None


def _social(line: str, view: LineView) -> LineInfo | None:
    if word_total(line) > 25:
        return None
    if _after_marker(view, m.SOCIAL_MARKERS) is not None:
        return LineInfo(Kind.SOCIAL)
    folded = view.folded
    if folded and len(folded) <= 12 and all(w in m.PLATFORMS for w in folded):
        return LineInfo(Kind.SOCIAL)  # a row of share buttons
    return None


def _caption(line: str, view: LineView) -> LineInfo | None:
    if word_total(line) > 25:
        return None
    found = _after_marker(view, m.CAPTION_MARKERS)
    if found is not None and word_total(line) <= 20:
        needs_separator = _after_marker(view, m.CAPTION_NEEDS_SEPARATOR) is not None
        if found[1] or not needs_separator:
            return LineInfo(Kind.CAPTION)
    short = word_total(line) <= 6 and not ends_sentence(line)
    if short and _AGENCY.search(" ".join(view.folded)):
        return LineInfo(Kind.CAPTION)
    credit = _INLINE_CAPTION.search(line)
    if credit and word_total(line) <= 20 and not ends_sentence(line[: credit.start()]):
        return LineInfo(Kind.CAPTION)  # «جانب من المعرض (صورة: الموقع)»
    tail = _AGENCY_TAIL.search(line)
    if (
        tail
        and not ends_sentence(line[: tail.start()])
        and " ".join(_WORD.findall(fold(tail.group(1)))) in m.AGENCY_MARKS
    ):
        return LineInfo(Kind.CAPTION)  # «... في دبي أمس (وام)»
    return None


def _byline(line: str, view: LineView) -> LineInfo | None:
    if word_total(line) > 8:
        return None
    found = _after_marker(view, m.BYLINE_MARKERS)
    if found is not None and found[1] and found[0] and not ends_sentence(line):
        return LineInfo(Kind.BYLINE)  # «كتب: محمد علي»
    parts = re.split(r"\s*[/\-–]\s*", line.strip())
    if len(parts) >= 2 and fold(parts[-1]) in m.BYLINE_ENDS and word_total(parts[0]) <= 4:
        return LineInfo(Kind.BYLINE)  # «الرياض/ متابعات»
    return None


def _menu_row(line: str, view: LineView) -> LineInfo | None:
    """A row of ``|``-separated labels: «الرئيسية | فيديو | الشرق الأوسط»."""
    parts = [p for p in _PIPE_ROW.split(line) if p.strip()]
    if len(parts) < 3 or ("|" not in line and len(parts) < 4):
        return None
    if all(word_total(p) <= 4 and not ends_sentence(p) for p in parts):
        return LineInfo(Kind.MENU)
    return None


def _embed(line: str, view: LineView) -> LineInfo | None:
    """An embedded post as a page shows it: ``… pic.twitter.com/… — name (@handle) May 1, 2024``."""
    if "pic.twitter.com/" in line or _EMBED_SIGNATURE.search(line):
        return LineInfo(Kind.EMBED)
    return None


def _label(line: str, view: LineView) -> LineInfo | None:
    """An ad label, a skip link (``تجاوز إلى المحتوى الرئيسي``), or date labels with no
    date after them (``نشر : آخر تحديث :``)."""
    if not view.words or len(view.words) > _LABEL_WORDS:
        return None
    folded = view.folded
    if " ".join(folded) in m.AD_LABELS or tuple(folded) in m.SKIP_LINKS:
        return LineInfo(Kind.SEPARATOR)
    if all(w in m.DATE_LABEL_WORDS for w in folded):
        return LineInfo(Kind.SEPARATOR)
    return None


def _comments(line: str, view: LineView) -> LineInfo | None:
    """The heading of the readers' comments (``التعليقات (3)``, ``أضف تعليقك``)."""
    if word_total(line) > _LABEL_WORDS:
        return None
    found = _after_marker(view, m.COMMENT_MARKERS)
    if found is not None and not any(ch.isalpha() for ch in found[0]):
        return LineInfo(Kind.COMMENTS)
    return None


def _policy(line: str, view: LineView) -> LineInfo | None:
    """Comment policy and legal notes: a policy topic said by the site to the reader."""
    if "©" in line and word_total(line) <= 30:
        return LineInfo(Kind.POLICY)
    folded = " ".join(view.folded) + " "
    topic = any(t in folded for t in m.POLICY_TOPICS)
    if topic and any(s in folded for s in m.POLICY_SPEAKERS):
        return LineInfo(Kind.POLICY)
    return None


_RULES: tuple[Callable[[str, LineView], LineInfo | None], ...] = (
    _separator,
    _teaser,
    _embed,
    _label,
    _related,
    _date,
    _source,
    _tags,
    _social,
    _caption,
    _byline,
    _menu_row,
    _comments,
    _policy,
)


def classify_line(line: str) -> LineInfo:
    """The kind of one (normalised, non-blank) line; ``BODY`` when no rule matches."""
    view = LineView.of(line)
    for rule in _RULES:
        info = rule(line, view)
        if info is not None:
            return info
    return LineInfo(Kind.BODY)


_INLINE_CAPTION = re.compile(r"\s*\((?:صورة|الصورة|تصوير|صور)\b[^()\n]{0,80}\)")
# Interface glyphs and labels that a copy of a page fuses into the first sentence. A
# label that is also a news word («إغلاق» closure, «طباعة» printing) goes only before
# another label or alone: «إغلاق مؤقت لجسر المدينة» is a headline.
_UI_STRONG = (
    r"[×✕✖⨯✗☰⋮]|صورة الخبر|صورة المقال|تكبير الخط|تصغير الخط|حجم الخط|طباعة الصفحة|"
    r"طباعة المقال|طباعة الخبر|A\s?A"
)
_UI_WEAK = r"طباعة|إغلاق|اغلاق|close"
_UI_PREFIX = re.compile(
    rf"^(?:\s*(?:{_UI_STRONG}|(?:{_UI_WEAK})(?=\s+(?:{_UI_STRONG}|{_UI_WEAK})(?:\s|$)|\s*$))"
    r"(?=\s|$))+\s*",
    re.IGNORECASE,
)


def strip_inline_captions(line: str) -> str:
    """Remove photo credits in parentheses inside a body line: ``(صورة: أرشيفية)``."""
    return _INLINE_CAPTION.sub("", line).strip()


def strip_ui_prefix(line: str) -> str:
    """Remove interface glyphs and labels at the start of a line: ``× صورة الخبر ...``."""
    return _UI_PREFIX.sub("", line, count=1)
