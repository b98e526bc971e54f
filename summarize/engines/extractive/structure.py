"""What a sentence needs around it to stand in a summary: headings and dependent openers.

Two facts the ranker's scores do not carry, both read from the article's layout and words:

* a *heading* (a crosshead, an HTML ``<h2>``, an inline "related article" link) is a line of
  its own, short and without final punctuation, in an article whose paragraphs mostly end
  with punctuation. It is never a summary sentence;
* a *dependent* sentence opens with a connective or a pronoun that points back
  (``كما``, ``ولكن``, ``وهي``, ``وكان``, ``وأضاف``…). It may be chosen only together with the
  sentence before it (the previous one that is not a heading).

:func:`links` returns both for a list of sentences; selection
(:func:`summarize.engines.extractive.ranking.select`) applies them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from summarize.engines.extractive.ranking import Scored
from summarize.text.sentences import Sentence

# Final punctuation, possibly followed by closing quotes or brackets.
FINAL = re.compile(r"[.!?؟…:]['\"”’»)\]]*$")
# A line shorter than this, alone on its line and unpunctuated, is a heading.
HEADING_WORDS = 14
# Headings are only recognised where at least this share of lines ends with punctuation:
# text that never punctuates (a transcript, a list) has no way to tell them apart.
PUNCTUATED_SHARE = 0.5

# Words that, opening a sentence, refer to what came before (connectives, pronouns, verbs
# of continued speech). Matched on the first word, or the first two.
_ONE_WORD_TEXT = (
    "كما وكما ولكن لكن ولكنه لكنه ولكنها لكنها ولكنهم لكنهم كذلك وكذلك أيضا وأيضا أيضاً "
    "وأيضاً لذلك ولذلك لذا ولذا بذلك وبذلك وبالتالي بالتالي وعليه وعلاوة علاوة وفضلا فضلا "
    "وإضافة إضافة وهي وهو وهم وهن وهما هي هو هم هما وكان وكانت وكانوا وكانا فكان فكانت "
    "وهذا وهذه وهذان وهؤلاء وذلك وتلك هذا هذه ذلك تلك وأضاف وأضافت وتابع وتابعت وأردف "
    "وأردفت ومضى ومضت واختتم واختتمت وختم وختمت وبين وبينت"
)
_ONE_WORD = frozenset(_ONE_WORD_TEXT.split())
_TWO_WORDS_TEXT = (
    "إلا أن|إلا أنه|إلا أنها|غير أن|غير أنه|غير أنها|بيد أن|ومع ذلك|مع ذلك|في المقابل|"
    "وفي المقابل|من جهته|ومن جهته|من جهتها|ومن جهتها|من جانبه|ومن جانبه|من جانبها|"
    "ومن جانبها|في حين|وفي حين"
)
_TWO_WORDS = frozenset(_TWO_WORDS_TEXT.split("|"))
_LEADING = "\"'«“‘(["
_TRAILING = "،,؛;:.!?؟"


@dataclass(frozen=True)
class Links:
    """Per sentence: whether it is a heading, and the sentence it needs (``None``: none)."""

    heading: tuple[bool, ...]
    after: tuple[int | None, ...]


def needs_predecessor(text: str) -> bool:
    """Whether ``text`` opens with a word (or two) that refers to the sentence before it."""
    parts = [p.strip(_LEADING).rstrip(_TRAILING) for p in text.split()[:2]]
    if not parts or not parts[0]:
        return False
    return parts[0] in _ONE_WORD or " ".join(parts) in _TWO_WORDS


def headings(sentences: Sequence[Sentence]) -> list[bool]:
    """Which sentences are headings (see the module docstring)."""
    per_line = Counter(s.paragraph for s in sentences)
    last = {s.paragraph: s for s in sentences}
    punctuated = sum(1 for s in last.values() if FINAL.search(s.text))
    if not last or punctuated < PUNCTUATED_SHARE * len(last):
        return [False] * len(sentences)
    return [
        per_line[s.paragraph] == 1
        and len(s.text.split()) < HEADING_WORDS
        and not FINAL.search(s.text)
        for s in sentences
    ]


def links(sentences: Sequence[Sentence]) -> Links:
    """The headings and the dependencies of one article's sentences."""
    heading = headings(sentences)
    after: list[int | None] = []
    previous: int | None = None
    for i, s in enumerate(sentences):
        after.append(previous if previous is not None and needs_predecessor(s.text) else None)
        if not heading[i]:
            previous = i
    return Links(tuple(heading), tuple(after))


def attach(scored: Sequence[Scored], found: Links) -> list[Scored]:
    """``scored`` with each sentence's heading flag and dependency set from ``found``."""
    return [replace(s, heading=found.heading[s.index], after=found.after[s.index]) for s in scored]
