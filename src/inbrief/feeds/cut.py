"""Cutting a feed that holds more items than inbrief reads to its newest ``limit`` items.

Most feeds list their newest item first, and the first ``limit`` are kept; a feed that lists
them oldest first (podcast archives, changelogs) is told by the dates of its first and last
items, and its last ``limit`` are kept, or its new items would never arrive.
"""

from __future__ import annotations

import re
from datetime import datetime

from inbrief.extract.dates import normalize_date
from inbrief.feeds.text import aware_stamp

_ITEM_START = re.compile(rb"<(?:\w+:)?(item|entry)[\s>]", re.I)
_ITEM_END = re.compile(rb"</(?:\w+:)?(item|entry)\s*>", re.I)
#: An item's date element (RSS ``pubDate``, Atom ``updated``/``published``, RDF ``dc:date``).
_DATE = re.compile(
    rb"<(?:\w+:)?(?:pubDate|published|updated|date)\b[^>]{0,200}>\s*([^<]{4,100}?)\s*<", re.I
)


def when(value: str | None) -> datetime | None:
    """A feed's date as an aware datetime (UTC when it gives no offset), or None."""
    return aware_stamp(normalize_date(value))


def oldest_first(first: datetime | None, last: datetime | None) -> bool:
    """Whether a feed whose first and last items bear these dates lists them oldest first."""
    return first is not None and last is not None and last > first


def _date_between(data: bytes, start: int, end: int) -> datetime | None:
    found = _DATE.search(data, start, end)
    return when(found.group(1).decode("utf-8", "replace")) if found else None


def cut_items(data: bytes, limit: int) -> tuple[bytes, int]:
    """The document with only its newest ``limit`` items (what precedes the first item and
    follows the last, the feed's own elements and closing tags, kept), and how many were cut.
    Finding the end tags is one pass over the bytes; parsing 100,000 items would cost seconds
    and hundreds of megabytes."""
    ends = [match.end() for match in _ITEM_END.finditer(data)]
    if len(ends) <= limit:
        return data, 0
    dropped = len(ends) - limit
    opening = _ITEM_START.search(data, 0, ends[0])
    first_start = opening.start() if opening else ends[0]
    first = _date_between(data, first_start, ends[0])
    if oldest_first(first, _date_between(data, ends[-2], ends[-1])):
        return data[:first_start] + data[ends[dropped - 1] :], dropped
    return data[: ends[limit - 1]] + data[ends[-1] :], dropped
