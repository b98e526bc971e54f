"""``summarize brief``: an English brief (headline, bullets, paragraph) of an Arabic article.

Building the brief as events, choosing its engines, and rendering it.
"""

from summarize.brief.build import Brief, brief_record, build_brief, stream_brief
from summarize.brief.engines import BriefEngines, BriefOptions, resolve_brief_engines

__all__ = [
    "Brief",
    "BriefEngines",
    "BriefOptions",
    "brief_record",
    "build_brief",
    "resolve_brief_engines",
    "stream_brief",
]
