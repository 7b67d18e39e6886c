"""Small cleaners for what feeds carry: titles (which may hold markup), links, dates."""

from __future__ import annotations

import html
import re
import time
from datetime import UTC, datetime, timedelta

from inbrief.extract.dates import normalize_date
from inbrief.feeds.model import MAX_TITLE
from inbrief.links import resolve_link
from inbrief.textclean import clean_inline

_TAG = re.compile(r"<[^>]{0,2000}>")


def clean_title(raw: str) -> str:
    """A title as one clean line: tags dropped, entities decoded, controls removed, bounded."""
    text = raw[: MAX_TITLE * 20]
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    title = clean_inline(text)
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1].rstrip() + "…"


def link(href: str | None, base: str | None) -> str | None:
    """``href`` resolved against ``base``: an absolute http(s) address, or None."""
    return resolve_link(href, base) if href else None


#: Dates before this are a content system's empty date (as :mod:`inbrief.extract.dates`).
_EARLIEST_YEAR = 1991
#: How far ahead of now a date may be (clocks and time zones set wrong) and still be believed.
_AHEAD = timedelta(days=1)


def date_from_text(value: str | None) -> str | None:
    """An ISO 8601 date from whatever a feed wrote, or None."""
    return _believable(normalize_date(value[:100])) if value else None


def date_from_struct(value: time.struct_time | None) -> str | None:
    """feedparser's parsed UTC date as ISO 8601, or None."""
    if value is None:
        return None
    try:
        return _believable(datetime(*value[:6], tzinfo=UTC).isoformat())
    except (TypeError, ValueError, OverflowError):
        return None


def aware_stamp(date: str | None) -> datetime | None:
    """An ISO date as an aware datetime (UTC when it gives no offset), or None."""
    if date is None:
        return None
    try:
        stamp = datetime.fromisoformat(date)
    except ValueError:
        return None
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=UTC)


def _believable(date: str | None) -> str | None:
    """``date``, or None when it lies more than a day ahead (an item dated 2099 would head
    the library, newest first, for the rest of the century) or before the web."""
    stamp = aware_stamp(date)
    if stamp is None or stamp.year < _EARLIEST_YEAR or stamp > datetime.now(UTC) + _AHEAD:
        return None
    return date


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def language(value: object) -> str | None:
    """A declared language tag (``en``, ``en-US``; ``en_us`` -> ``en-us``), or None."""
    if not isinstance(value, str):
        return None
    tag = value.strip().split(",")[0].strip().replace("_", "-")
    return tag if _LANGUAGE.fullmatch(tag) else None
