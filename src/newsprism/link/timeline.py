"""The story's timeline: every resolved date or time, in order, with its sentence."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..model import Article, Span, TimelineEntry

DATED_PRECISIONS = ("time", "day", "week", "month", "quarter", "season", "year")
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def start_of(value: str) -> tuple[dt.date, int]:
    """Sort key: the first day a TIMEX value covers, finer values first on the same day."""
    y = int(value[:4])
    if m := re.match(r"\d{4}-(\d\d)-(\d\d)", value):
        return dt.date(y, int(m[1]), int(m[2])), 0
    if m := re.match(r"\d{4}-W(\d\d)", value):
        return dt.date.fromisocalendar(y, int(m[1]), 1), 1
    if m := re.match(r"\d{4}-(\d\d)$", value):
        return dt.date(y, int(m[1]), 1), 2
    if m := re.match(r"\d{4}-Q(\d)", value):
        return dt.date(y, 3 * int(m[1]) - 2, 1), 3
    if m := re.match(r"\d{4}-H(\d)", value):
        return dt.date(y, 6 * int(m[1]) - 5, 1), 3
    if m := re.match(r"\d{4}-(SP|SU|FA|WI)", value):
        return dt.date(y, _SEASON_MONTH[m[1]], 1), 3
    return dt.date(y, 1, 1), 4


def _sentence(article: Article, start: int) -> Span:
    for s in article.sentences:
        if s.start <= start < s.end:
            return s
    for b in article.blocks:
        if b.start <= start < b.end:
            return Span(b.start, b.end)
    return Span(start, start)


def build_timeline(articles: Sequence[Article]) -> list[TimelineEntry]:
    entries = []
    for a in articles:
        for t in a.times:
            if t.value and t.precision in DATED_PRECISIONS and re.match(r"\d{4}", t.value):
                entries.append(TimelineEntry(t.value, t.precision, t.text, a.id, a.outlet, t.start, t.end, _sentence(a, t.start)))
    entries.sort(key=lambda e: (start_of(e.value), e.outlet or "", e.start))
    return entries
