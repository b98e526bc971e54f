"""Issue 20's held-out sites: no script trains or tunes on a page that names one.

The issue keeps pages of these sites (and the repositories opendatalab/magic-html and
flairNLP/fundus) as its judge of the cleaner on sites nobody wrote rules for.
"""

from __future__ import annotations

import re

HELD_OUT = re.compile(
    r"baghdadtoday|alwakeelnews|royanews|roya\.tv|noonpost|africa-press|algeriatoday|"
    r"pheladelphia|philadelphia-news|egypt-today|egypttoday|3rd-eye|elbalad|aawsat|ksa2day|"
    r"bbc\.com/arabic|bbc\.co\.uk/arabic|magic-html|fundus",
    re.I,
)
