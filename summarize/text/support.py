"""Does the article support what a summary says? Numbers, dates and names, checked one by one.

Abstractive models add facts (XL-Sum's mT5 learned from BBC standfirsts that often hold
information absent from the article). :class:`Support` reads an article once and then finds,
in any output, the *claims* it cannot find in the article:

- **numbers** in Western, Arabic-Indic or Persian digits (``1,200``, ``٣٫٥``, ``12``) and simple
  written-out ones (``three``, «ثلاثة», ``twenty``), compared by value across scripts, with
  ``million``/«مليون» and friends scaling the number before them;
- **dates**: month names (Gregorian, Levantine and Maghreb Arabic names, English) and weekday
  names, compared by month or weekday, so «مارس», «آذار», ``March`` and ``12/03/2024`` agree;
- **names**: in English output, capitalised words (not the first word of a sentence when it
  is a common word, nor titles such as ``President``), found in an English article by spelling
  and in an Arabic one by consonant skeleton (``Trump`` ~ «ترامب») or a short table of
  exonyms (``Egypt`` = «مصر»), or among ``names``, text the caller knows comes from the article
  (a brief's translated sentences); in Arabic output, the word after a title («الرئيس», «الوزير»
  …) or a name part («عبد», «أبو», «بن»), found in the article by spelling.

Not checked: Arabic names with no title before them (Arabic script has no capitals), names
whose English spelling shares no skeleton with the Arabic one, and anything that is not a
number, date or name (who did what to whom). Pure text: imports no model library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher

from summarize.text.normalize import fold

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_NUMBER = re.compile(rf"[{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ARABIC_CLITICS = ("وال", "بال", "لل", "فال", "كال", "ال", "و", "ب", "ل", "ف")

_WORD_NUMBERS = {
    **dict.fromkeys(["one"], 1),
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثه": 3,
    "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7,
    "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "مئه": 100, "مائه": 100,
}  # fmt: skip
# Too common as other words to be claims in an output ("one of", «واحد من»); still support.
_WEAK_NUMBER_WORDS = {"one", "واحد", "واحده", "ست", "سبع", "عشر"}
_SCALES = {
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "الف": 1_000, "الاف": 1_000, "مليون": 1_000_000, "ملايين": 1_000_000,
    "مليار": 1_000_000_000, "مليارات": 1_000_000_000,
}  # fmt: skip
_MONTHS = {
    1: "يناير جانفي january", 2: "فبراير فيفري february", 3: "مارس اذار march",
    4: "ابريل نيسان افريل april", 5: "مايو ايار ماي may", 6: "يونيو يونيه حزيران جوان june",
    7: "يوليو يوليه تموز جويليه july", 8: "اغسطس اب اوت august", 9: "سبتمبر ايلول september",
    10: "اكتوبر october", 11: "نوفمبر november", 12: "ديسمبر december",
}  # fmt: skip
_MONTH_OF = {name: m for m, names in _MONTHS.items() for name in names.split()}
# Levantine two-word months: «تشرين الأول» October … «كانون الثاني» January.
_MONTH_PAIRS = {("تشرين", "الاول"): 10, ("تشرين", "الثاني"): 11}
_MONTH_PAIRS |= {("كانون", "الاول"): 12, ("كانون", "الثاني"): 1}
_WEEKDAYS = {
    1: "monday الاثنين", 2: "tuesday الثلاثاء", 3: "wednesday الاربعاء", 4: "thursday الخميس",
    5: "friday الجمعه", 6: "saturday السبت", 7: "sunday الاحد",
}  # fmt: skip
_WEEKDAY_OF = {name: d for d, names in _WEEKDAYS.items() for name in names.split()}
# Arabic weekday and month names that are also common words («الجمعة» the association,
# «مارس» he practised): claims only after «يوم»/«شهر» or next to a number.
_AMBIGUOUS_AR = {"الاثنين", "الجمعه", "الاحد", "مارس", "اب", "ماي", "ست"}
_NUMERIC_DATE = re.compile(r"\b(\d{1,4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,4})\b")
_ARABIC_TITLES = {
    "الرئيس", "رئيس", "الوزير", "وزير", "الملك", "الامير", "الشيخ", "السيد", "السيده",
    "الدكتور", "العقيد", "اللواء", "الجنرال", "النائب", "المتحدث", "الزعيم", "المستشار",
    "عبد", "ابو", "ابي", "بن", "ابن", "ال",
}  # fmt: skip
# Capitalised English words that are not names (sentence starts, titles, institutions).
_NOT_NAMES = set(
    [
        "a",
        "an",
        "the",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "there",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "of",
        "to",
        "with",
        "after",
        "before",
        "as",
        "but",
        "and",
        "or",
        "if",
        "when",
        "while",
        "during",
        "since",
        "according",
        "meanwhile",
        "however",
        "also",
        "some",
        "many",
        "most",
        "all",
        "several",
        "both",
        "more",
        "other",
        "another",
        "no",
        "not",
        "one",
        "two",
        "three",
        "new",
        "last",
        "first",
        "next",
        "previous",
        "former",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "president",
        "prime",
        "minister",
        "ministry",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "general",
        "army",
        "government",
        "parliament",
        "council",
        "court",
        "police",
        "department",
        "foreign",
        "interior",
        "defence",
        "defense",
        "health",
        "security",
        "state",
        "states",
        "united",
        "nations",
        "republic",
        "kingdom",
        "islamic",
        "arab",
        "arabs",
        "arabic",
        "muslim",
        "muslims",
        "christian",
        "national",
        "international",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "agency",
        "news",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
# English exonyms whose Arabic name shares no consonant skeleton with them.
_EXONYMS = {
    "egypt": "مصر", "morocc": "المغرب", "algeria": "الجزائر", "china": "الصين",
    "chinese": "الصين", "germany": "المانيا", "german": "المانيا", "japan": "اليابان",
    "jerusalem": "القدس", "mecca": "مكه", "united": "المتحده", "europe": "اوروبا",
    "greece": "اليونان", "greek": "اليونان", "india": "الهند", "sudan": "السودان",
}  # fmt: skip


KINDS = ("number", "date", "name")


@dataclass(frozen=True)
class Claim:
    """A checkable token of an output: where it is, as written, and its kind."""

    start: int
    end: int
    text: str
    kind: str  # "number", "date" or "name"

    def to_dict(self) -> dict[str, str]:
        """``{"text", "kind"}`` for JSON output."""
        return {"text": self.text, "kind": self.kind}


def _value(token: str) -> Decimal | None:
    """The number written as ``token`` (thousands groups and decimal marks told apart)."""
    text = fold(token).replace("\u066c", ",").replace("\u066b", ".")
    parts = re.split(r"([.,])", text)
    digits = parts[0]
    for sep, group in zip(parts[1::2], parts[2::2], strict=True):
        thousands = sep == "," and len(group) == 3
        digits += group if thousands else "." + group
    try:
        return Decimal(digits).normalize()
    except InvalidOperation:
        return None


def _bare(word: str) -> str:
    """A folded Arabic word without its leading clitics (``والرئيس`` → ``رئيس``)."""
    for clitic in _ARABIC_CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            return word[len(clitic) :]
    return word


_TITLE_STEMS = {_bare(t) for t in _ARABIC_TITLES}
_SKELETON_AR = str.maketrans(
    {
        "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ط": "t", "د": "d", "ذ": "d", "ض": "d",
        "ج": "j", "غ": "j", "ق": "k", "ك": "k", "خ": "k", "ح": "h", "ه": "", "ة": "",
        "س": "s", "ش": "s", "ص": "s", "ز": "z", "ظ": "z", "ف": "f", "ڤ": "f", "ل": "l",
        "م": "m", "ن": "n", "ر": "r", "ا": "", "و": "", "ي": "", "ى": "", "ع": "", "ء": "",
        "ئ": "", "ؤ": "",
    }
)  # fmt: skip
_LATIN_DIGRAPHS = (("sh", "s"), ("th", "t"), ("kh", "k"), ("gh", "j"), ("dh", "d"), ("ph", "f"))
_SKELETON_LATIN = str.maketrans(
    {"p": "b", "q": "k", "c": "k", "g": "j", "v": "f", "x": "ks", "h": "h"}
    | dict.fromkeys("aeiouwy'’", "")
)


def _skeleton_latin(word: str) -> str:
    word = word.lower().removesuffix("'s").removesuffix("’s")
    for pair, one in _LATIN_DIGRAPHS:
        word = word.replace(pair, one)
    skeleton = word.translate(_SKELETON_LATIN)
    return skeleton.replace("h", "") if len(skeleton) > 3 else skeleton


def _skeleton_arabic(word: str) -> str:
    return _bare(word).translate(_SKELETON_AR)


class Support:
    """What one article supports; :meth:`check` lists an output's unsupported claims."""

    def __init__(
        self, article: str, names: Iterable[str] = (), kinds: Iterable[str] = KINDS
    ) -> None:
        self.article = article
        self.kinds = frozenset(kinds)
        self.words = [fold(w) for w in _WORD.findall(article)]
        self.bare = {_bare(w) for w in self.words}
        self.numbers = _numbers(article)
        self.months, self.weekdays = _dates(article)
        self.skeletons = {s for w in self.words if len(s := _skeleton_arabic(w)) >= 2}
        self.known = {fold(w).removesuffix("'s") for text in names for w in _WORD.findall(text)}
        self.known |= {w for w in self.words if w.isascii()}
        self._names: dict[str, bool] = {}  # a Latin name's answer, asked once per word

    def check(self, output: str, start: int = 0) -> list[Claim]:
        """The claims of ``output`` (of the kinds checked) the article does not support; with
        ``start``, only those found from that offset on (see :func:`claims`)."""
        found = claims(output, start)
        return [c for c in found if c.kind in self.kinds and not self.supports(c)]

    def only(self, kinds: Iterable[str]) -> Support:
        """This check for claims of ``kinds`` only."""
        narrowed = Support.__new__(Support)
        narrowed.__dict__.update(self.__dict__, kinds=frozenset(kinds))
        return narrowed

    def with_names(self, texts: Iterable[str]) -> Support:
        """This check with the words of ``texts`` counted as names the article holds (the
        translator's spelling of the article's own names, in its translated sentences)."""
        wider = Support.__new__(Support)
        extra = {fold(w).removesuffix("'s") for text in texts for w in _WORD.findall(text)}
        wider.__dict__.update(self.__dict__, known=self.known | extra, _names={})
        return wider

    def supports(self, claim: Claim) -> bool:
        """Whether the article holds ``claim``'s number, month/weekday or name."""
        if claim.kind == "number":
            return bool(_numbers(claim.text) & self.numbers)
        if claim.kind == "date":
            word = fold(claim.text)
            month = _MONTH_OF.get(word, _MONTH_OF.get(_bare(word)))
            if month is not None:
                return month in self.months
            return _WEEKDAY_OF.get(_bare_day(word)) in self.weekdays
        return self._name(claim.text)

    def _name(self, text: str) -> bool:
        word = fold(text).removesuffix("'s").removesuffix("’s")
        if not word.isascii():
            return _bare(word) in self.bare
        if word in self.known:
            return True
        for stem, arabic in _EXONYMS.items():
            if word.startswith(stem):
                return _bare(fold(arabic)) in self.bare
        known = self._names.get(word)
        if known is None:
            skeleton = _skeleton_latin(word)
            # A skeleton too short to tell is not checked.
            known = len(skeleton) < 2 or any(_close(skeleton, s) for s in self.skeletons)
            self._names[word] = known
        return known


def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = sorted((len(a), len(b)))
    # ratio = 2 * matches / (len(a) + len(b)) and matches <= the shorter length.
    if shorter < 3 or 2 * shorter < 0.8 * (shorter + longer):
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.8


def _bare_day(word: str) -> str:
    return word if word.startswith("ال") else _bare(word)


def _numbers(text: str) -> set[Decimal]:
    """Every number value ``text`` writes, with scaled values («3 ملايين» → 3 and 3000000)."""
    values: set[Decimal] = set()
    tokens = [(m.group(), m.end()) for m in _NUMBER.finditer(text)]
    for token, end in tokens:
        value = _value(token)
        if value is None:
            continue
        values.add(value)
        scale = _next_word(text, end)
        if scale in _SCALES:
            values.add((value * _SCALES[scale]).normalize())
    for m in _WORD.finditer(text):
        word = _bare(fold(m.group()))
        if word in _WORD_NUMBERS:
            values.add(Decimal(_WORD_NUMBERS[word]))
    return values


def _next_word(text: str, at: int) -> str:
    m = _WORD.search(text, at)
    return _bare(fold(m.group())) if m and not text[at : m.start()].strip() else ""


def _dates(article: str) -> tuple[set[int], set[int]]:
    """The months and weekdays ``article`` names (numeric dates included)."""
    words = [fold(w) for w in _WORD.findall(article)]
    months = {_MONTH_OF[w] for w in words if w in _MONTH_OF}
    months |= {_MONTH_OF[_bare(w)] for w in words if _bare(w) in _MONTH_OF}
    months |= {m for pair, m in _MONTH_PAIRS.items() if " ".join(pair) in " ".join(words)}
    for m in _NUMERIC_DATE.finditer(fold(article)):
        first, second, third = (int(g) for g in m.groups())
        month = second if 1 <= second <= 12 else None
        if month is not None and (first > 31 or third > 31):
            months.add(month)
    days = {_WEEKDAY_OF[d] for w in words if (d := _bare_day(w)) in _WEEKDAY_OF}
    return months, days


def claims(output: str, start: int = 0) -> list[Claim]:
    """The numbers, dates and name-like tokens of ``output``, in order.

    With ``start``, the scan begins at that offset (the claims of a word see its previous
    word, so those of the first word scanned may differ from a whole scan's: callers keep
    only claims a few words past ``start``). Each token looks at a few characters around it,
    so a scan costs time in proportion to the text scanned.
    """
    found: list[Claim] = [
        Claim(m.start(), m.end(), m.group(), "number") for m in _NUMBER.finditer(output, start)
    ]
    tokens = list(_WORD.finditer(output, start))
    for i, m in enumerate(tokens):
        kind = _word_kind(output, tokens, i)
        if kind is not None:
            found.append(Claim(m.start(), m.end(), m.group(), kind))
    return sorted(found, key=lambda c: c.start)


def _word_kind(output: str, tokens: list[re.Match[str]], i: int) -> str | None:
    word = tokens[i].group()
    folded = fold(word)
    before = fold(tokens[i - 1].group()) if i else ""
    if word.isascii():
        if folded in _WORD_NUMBERS and folded not in _WEAK_NUMBER_WORDS:
            return "number"
        if not word[0].isupper() or len(word) < 2:
            return None
        if folded in _MONTH_OF or folded in _WEEKDAY_OF:
            return "date"
        # A capital that opens a sentence says nothing: only names within one are claims.
        at = tokens[i].start()
        while at and output[at - 1] in " \t\"'«(":
            at -= 1
        opens = not at or output[at - 1] in ".!?؟\n"
        if folded not in _NOT_NAMES and not opens:
            return "name"
        return None
    bare = _bare(folded)
    if bare in _WORD_NUMBERS and bare not in _WEAK_NUMBER_WORDS:
        return "number"
    if bare in _MONTH_OF or _bare_day(folded) in _WEEKDAY_OF:
        near_number = _NUMBER.search(output[max(0, tokens[i].start() - 4) : tokens[i].end() + 6])
        if folded not in _AMBIGUOUS_AR or before in ("يوم", "شهر") or near_number:
            return "date"
        return None
    if _bare(before) in _TITLE_STEMS and folded not in _ARABIC_TITLES:
        return "name"
    return None


LEGEND = "Underlined: numbers, dates or names not found in the article; check them there."


# How far before the settled text a streamed check starts again: more than the context any
# claim's kind reads (the previous word, a few characters around a month name).
_RESCAN_CHARS = 64


class Marker:
    """Marks an output's unsupported claims while it arrives in fragments.

    :meth:`feed` returns the text up to the last white space as ``(segment, unsupported)``
    pairs, holding back the word still being written; :meth:`flush` returns the rest.
    ``marked`` collects the unsupported claims shown so far.
    """

    def __init__(self, support: Support | None) -> None:
        self.support = support
        self.text = ""
        self.done = 0
        self.marked: list[Claim] = []

    def feed(self, fragment: str) -> list[tuple[str, bool]]:
        """The newly settled text of ``fragment`` (and what came before it), marked."""
        self.text += fragment
        cut = max(self.text.rfind(" "), self.text.rfind("\n")) + 1
        return self._emit(cut) if cut > self.done else []

    def flush(self) -> list[tuple[str, bool]]:
        """Everything not yet returned, marked."""
        return self._emit(len(self.text))

    def _emit(self, cut: int) -> list[tuple[str, bool]]:
        # Only claims that end past ``done`` are new; rescanning from a few words before it
        # (for the context a word's kind depends on) keeps a long output's stream linear.
        back = max(0, self.done - _RESCAN_CHARS)
        start = max(self.text.rfind(" ", 0, back), self.text.rfind("\n", 0, back)) + 1
        support = self.support
        found = support.check(self.text[:cut], start) if support is not None else []
        spans = [c for c in found if c.end > self.done]
        self.marked += [c for c in spans if c.start >= self.done]
        out: list[tuple[str, bool]] = []
        at = self.done
        for claim in spans:
            start = max(claim.start, at)
            if start > at:
                out.append((self.text[at:start], False))
            out.append((self.text[start : claim.end], True))
            at = claim.end
        if cut > at:
            out.append((self.text[at:cut], False))
        self.done = cut
        return out
