"""The input-size limit: inputs far beyond an article are cut to their first ``max_chars``.

A news article runs to a few thousand characters and a long feature to some 50,000. The
default limit, 500,000 characters (about 1 MB of Arabic), is ten times that: everything an
article can be goes through whole, and a multi-megabyte dump (a scraped archive, a book) costs
seconds instead of minutes. The cut lands on a paragraph or sentence break near the limit.
"""

from __future__ import annotations

MAX_CHARS = 500_000

# How far back from the limit a break is looked for, as a fraction of the limit.
_LOOKBACK = 0.1
_SENTENCE_ENDS = (". ", "! ", "? ", "؟ ", "。", "۔ ")


def cut_text(text: str, max_chars: int) -> str:
    """The first ``max_chars`` characters of ``text``, ended at a break near the limit.

    ``max_chars`` <= 0 means no limit. The cut prefers the last paragraph break, then the last
    sentence end, then the last white space within the final tenth of the kept part; with none
    there it cuts at ``max_chars`` exactly.
    """
    if max_chars <= 0 or len(text) <= max_chars:
        return text
    head = text[:max_chars]
    cut = _break(head, int(max_chars * (1 - _LOOKBACK)))
    return head[:cut].rstrip() if cut > 0 else head


def _break(head: str, floor: int) -> int:
    """Where to end ``head``: its last paragraph break, sentence end or space after ``floor``."""
    cut = head.rfind("\n", floor)
    if cut >= floor:
        return cut
    ends = [(head.rfind(end, floor), len(end.rstrip())) for end in _SENTENCE_ENDS]
    cut = max((at + size for at, size in ends if at >= floor), default=-1)
    if cut >= floor:
        return cut
    return max(head.rfind(" ", floor), head.rfind("\t", floor))


def cut_notice(chars: int, max_chars: int) -> str:
    """The one-line notice shown when an input of ``chars`` characters was cut."""
    return (
        f"the input is {chars:,} characters, far beyond an article: only its first "
        f"{max_chars:,} are used (SUMMARIZE_MAX_CHARS sets the limit; 0 removes it)"
    )
