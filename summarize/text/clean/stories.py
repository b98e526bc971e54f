"""Related-story blocks, and stories appended after the main one.

A related-stories marker (``اقرأ أيضاً``, ``ذات صلة``, ``الأكثر قراءة`` ...) is removed with
the link lines right after it (short headline-like lines, at most ``_MAX_LINKS``). What
comes next is another story, and everything from the marker on is dropped, when:

- nothing but boilerplate follows the block, or the block has its own date line;
- the main story had already ended: source, tag or share lines stand between its last
  paragraph and the marker;
- the story so far has at least ``_MAIN_WORDS`` words and the body after the block
  drifts away from its vocabulary: fewer than ``_DRIFT`` of its first ``_WINDOW`` content
  words occur in the story so far, and fewer than ``_TOPIC_HITS`` of them are the story's
  topic words (used at least ``_TOPIC`` times: its names and subject);
- when there is too little text on either side for that test, the body after the block
  shares less than ``2 * _DRIFT`` of its words with the story so far, and either the
  marker stands alone with at most one headline after it and the body after the block is
  no longer than the body before it, or the marker carries its headline and the body
  after it is at most a third of the body before it.

Otherwise (the story resumes with the same vocabulary) only the block goes. Without any
marker, a headline-like line after a substantial story that had at most ``_CROSSHEADS``
crossheads of its own, followed by a body whose vocabulary drifts further still
(``_DRIFT_UNMARKED``), also starts an appended story (a page with sections, a list of
products, is not cut).

One pass, with running totals: the cost is linear in the number of lines, whatever the
number of markers.
"""

from __future__ import annotations

import itertools
from collections import Counter

from summarize.text.clean.boilerplate import Kind, ends_sentence, is_headline, word_total
from summarize.text.clean.lines import Line

_MAX_LINKS = 8
_WINDOW = 80
_MIN_WINDOW = 12
_DRIFT = 0.15
_DRIFT_UNMARKED = 0.08
_MAIN_WORDS = 80
_TOPIC = 3
_TOPIC_HITS = 3
_CROSSHEADS = 1  # a story with more sections than this is a list, not one story
_HEADLINE_WORDS = 15
_ENDED = frozenset({Kind.SOURCE, Kind.TAGS, Kind.SOCIAL})


def _link_count(lines: list[Line], marker: int) -> int:
    """How many headline-like lines follow the marker (link lines of the block).

    A marker that carries its own headline is followed by further links only if they
    do not end like a sentence: a question right after it is the story resuming.
    """
    inline = lines[marker].info.value is not None
    count = 0
    for line in lines[marker + 1 : marker + 1 + _MAX_LINKS]:
        if not line.body or not is_headline(line.text) or (inline and ends_sentence(line.text)):
            break
        count += 1
    return count


def _window(lines: list[Line], start: int) -> list[str]:
    """The first ``_WINDOW`` content words of the body lines from ``start`` on."""
    out: list[str] = []
    for line in itertools.islice(lines, start, None):
        if line.body:
            out.extend(line.words)
            if len(out) >= _WINDOW:
                break
    return out[:_WINDOW]


def _token_support(words: list[str], vocabulary: set[str]) -> float:
    return sum(w in vocabulary for w in words) / len(words)


class _Scan:
    """Running state of the pass: the main story's words so far and what ended it."""

    def __init__(self, lines: list[Line], title_words: list[str]) -> None:
        self.lines = lines
        self.vocabulary = set(title_words)
        self.counts = Counter(title_words)
        self.topic: set[str] = set()  # words the story so far uses at least _TOPIC times
        self.before = 0
        self.ended = False
        self.crossheads = 0  # headline-like lines inside the story: it has sections
        # after[i]: body words from line i to the end (a suffix sum, computed once).
        totals = [word_total(line.text) if line.body else 0 for line in lines]
        self.after = [*reversed([*itertools.accumulate(reversed(totals))]), 0]

    def add(self, line: Line) -> None:
        if line.body and self.before and is_headline(line.text, _HEADLINE_WORDS):
            self.crossheads += 1
        if line.body:
            self.vocabulary.update(line.words)
            for word in line.words:
                self.counts[word] += 1
                if self.counts[word] == _TOPIC:
                    self.topic.add(word)
            self.before += word_total(line.text)
            self.ended = False
        elif line.info.kind in _ENDED and self.before:
            self.ended = True

    def appended(self, marker: int, links: int, resume: int) -> bool:
        """Whether the story after the related block at ``marker`` is another story."""
        lines, after = self.lines, self.after[resume]
        if self.before == 0:
            return False  # no main story yet: a block under the headline
        if after == 0 or self.ended:
            return True
        if any(line.info.kind is Kind.DATE for line in lines[marker + 1 : resume + 3]):
            return True
        words = _window(lines, resume)
        share = _token_support(words, self.vocabulary) if words else 0.0
        if self.before >= _MAIN_WORDS and len(words) >= _MIN_WINDOW:
            # Enough text on both sides: the vocabulary decides. The story's own topic
            # words (its names, used again and again) coming back mean it resumes.
            return share < _DRIFT and not self._topical(words)
        if share >= 2 * _DRIFT:
            return False  # the story resumes: same vocabulary
        if lines[marker].info.value is None:
            return links <= 1 and self.before >= after
        return links == 0 and 3 * after <= self.before

    def _drift(self, start: int, limit: float) -> bool:
        words = _window(self.lines, start)
        if len(words) < _MIN_WINDOW:
            return False
        return _token_support(words, self.vocabulary) < limit and not self._topical(words)

    def _topical(self, words: list[str]) -> bool:
        return sum(w in self.topic for w in words) >= _TOPIC_HITS

    def new_headline(self, i: int) -> bool:
        """A headline-like line that starts an appended story with no marker."""
        line = self.lines[i]
        if self.before < _MAIN_WORDS or self.crossheads > _CROSSHEADS:
            return False
        if not is_headline(line.text, _HEADLINE_WORDS):
            return False
        if ends_sentence(line.text) or self.after[i + 1] < _MIN_WINDOW:
            return False
        own = line.words
        if own and _token_support(own, self.vocabulary) >= 2 * _DRIFT:
            return False
        return self._drift(i + 1, _DRIFT_UNMARKED)


def cut_stories(lines: list[Line], title_words: list[str]) -> int:
    """Drop related-story blocks; return where the main story ends (exclusive)."""
    scan = _Scan(lines, title_words)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.info.kind is Kind.RELATED:
            links = _link_count(lines, i)
            resume = i + 1 + links
            if scan.appended(i, links, resume):
                return i
            for dropped in lines[i:resume]:
                dropped.keep = False
            i = resume
            continue
        if line.body and scan.new_headline(i):
            return i
        scan.add(line)
        i += 1
    return len(lines)
