"""Dates as pages write them, to ISO 8601, and the publication date of a page.

Pages declare publication dates in many shapes: ISO 8601, RFC 2822, JavaScript's
``Date.toString()`` ("Wed Nov 20 2019 08:00:58 GMT+0000"), "20 Nov 2019 08:02 GMT",
"November 19, 2019, 9:02 AM", "2019/11/19". :func:`normalize_date` reads all of them with one
tolerant pattern set rather than a list of ``strptime`` formats, and keeps the time and offset
when the page gives them.
"""

from __future__ import annotations

import itertools
import logging
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from lxml import html as lxml_html

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_NUMERIC = re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})\b")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})\b", re.I)
_TIME = re.compile(
    r"\b(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"\s*(?P<zone>Z\b|UTC|GMT|[+-]\d{2}:?\d{2})?(?P<offset>[+-]\d{2}:?\d{2})?",
    re.IGNORECASE,
)


#: Years before this are placeholders ("0001-01-01"), never a web page's publication.
_EARLIEST_YEAR = 1991


def _offset(text: str | None) -> timezone | None:
    if not text:
        return None
    text = text.upper()
    if text in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))


def normalize_date(value: str | None) -> str | None:
    """ISO 8601 for a date we can read (with time and offset when given); None otherwise."""
    if not value or not (value := value.strip()):
        return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:  # "0001-01-01T00:00:00Z" is a content system's empty date, not a date
        if stamp.year < _EARLIEST_YEAR:
            return None
        return stamp.date().isoformat() if len(value) == 10 else stamp.isoformat()
    date = _NUMERIC.search(value) or _DAY_MONTH.search(value) or _MONTH_DAY.search(value)
    if date is None:
        return None
    month_text = date.group("month").lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text[:3], 0)
    try:
        day = datetime(int(date.group("year")), month, int(date.group("day")))
    except ValueError:
        return None
    rest = value[date.end() :] + " " + value[: date.start()]
    clock = _TIME.search(rest)
    if clock is None:
        return day.date().isoformat()
    hour, minute = int(clock.group("hour")), int(clock.group("minute"))
    ampm = (clock.group("ampm") or "").lower()[:1]
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    try:
        stamp = day.replace(hour=hour, minute=minute, second=int(clock.group("second") or 0))
    except ValueError:
        return day.date().isoformat()
    zone = _offset(clock.group("offset") or clock.group("zone"))  # an explicit offset wins
    return (stamp.replace(tzinfo=zone) if zone else stamp).isoformat()


#: Meta tags that declare a publication date, most trusted first.
DATE_META = (
    "article:published_time", "datePublished", "og:published_time", "article:published",
    "pubdate", "publishdate", "publish-date", "publish_date", "published_time",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "DC.date.issued", "dcterms.created",
    "date", "dc.date", "DC.date",
)  # fmt: skip
_DATE_MARKUP = (
    '//*[@itemprop="datePublished"]/@content|//*[@itemprop="datePublished"]/@datetime'
    "|//time[@datetime]/@datetime|//time[@pubdate]/text()"
)
_DATE_CLASSES = (
    '//*[contains(@class,"publish") or contains(@class,"pubdate") or contains(@class,"post-date")'
    ' or contains(@class,"article-date") or contains(@class,"dateline")][string-length(.)<80]'
)


def published_date(tree: lxml_html.HtmlElement, declared: list[Any], url: str | None) -> str | None:
    """The publication date: ``declared`` values (JSON-LD, meta tags) first, then ``<time>``
    and ``itemprop`` markup, then elements whose class names a date, then htmldate's search of
    the page (trafilatura's date finder)."""
    for value in declared:
        if isinstance(value, str) and (date := normalize_date(value)):
            return _local(date, tree)
    if marked := _first_date(tree, _DATE_MARKUP):
        return _local(marked, tree)
    # Measured on the dev pages whose address states the date: markup named as a date was right
    # more often than htmldate where both answer, and htmldate costs more than the rest of the
    # extraction, so it runs only where the page offers nothing.
    return _first_date(tree, _DATE_CLASSES) or _htmldate(tree, url)


_STAMP = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:\.\d+)?[+-]\d\d:?\d\d\b")
_STAMP_SOURCES = (
    '//meta/@content|//time/@datetime|//script[@type="application/ld+json"]/text()'
    '|//*[@itemprop="datePublished"]/@datetime|//*[@itemprop="datePublished"]/@content'
)


def _local(date: str, tree: lxml_html.HtmlElement) -> str:
    """The same moment in the page's own time zone, when ``date`` is in UTC and the page also
    states it with an offset, or shows it as local wall-clock time: the day a reader there saw
    is the day of publication (a story posted at 11 pm in New York is declared for the next
    day in UTC, and its address and date line say the day before)."""
    try:
        moment = datetime.fromisoformat(date)
    except ValueError:
        return date
    if moment.utcoffset() != timedelta(0):
        return date
    for source in tree.xpath(_STAMP_SOURCES)[:50]:
        for written in _STAMP.findall(str(source)[:20_000]):
            try:
                other = datetime.fromisoformat(written)
            except ValueError:
                continue
            if other.utcoffset() and other == moment:
                return other.isoformat()
    if (offset := _shown_offset(moment, tree)) is not None:
        return moment.astimezone(timezone(offset)).isoformat()
    return date


#: Where a page shows its date line as wall-clock time without an offset: meta tags, ``<time>``
#: elements (attribute and text) and short elements whose class names a date or time.
_WALL_CLOCK_SOURCES = (
    "//meta/@content|//time/@datetime|//time"
    '|//*[contains(translate(@class,"DPT","dpt"),"date") or contains(translate(@class,"DPT",'
    '"dpt"),"publish") or contains(translate(@class,"DPT","dpt"),"time")]'
    "[string-length(normalize-space(.))<80]"
)
#: Time zones in use run from UTC-12 to UTC+14, in steps of a quarter of an hour.
_ZONE_RANGE = (timedelta(hours=-12), timedelta(hours=14))


def _shown_offset(moment: datetime, tree: lxml_html.HtmlElement) -> timedelta | None:
    """The page's UTC offset, when it also shows ``moment`` (a UTC time) as local wall-clock
    time: a time without an offset, to the same minute past the quarter hour, no more than a
    time zone away ("November 18, 2019 11:03 PM" for 2019-11-19T07:03Z gives -8 hours)."""
    utc = moment.replace(tzinfo=None, second=0, microsecond=0)
    for found in tree.xpath(_WALL_CLOCK_SOURCES)[:200]:
        text = found if isinstance(found, str) else found.text_content()
        shown = normalize_date(str(text)[:200])
        if shown is None or "T" not in shown:
            continue
        wall = datetime.fromisoformat(shown)
        if wall.tzinfo is not None:
            continue
        offset = wall.replace(second=0, microsecond=0) - utc
        quarter = offset % timedelta(minutes=15) == timedelta(0)
        if offset and quarter and _ZONE_RANGE[0] <= offset <= _ZONE_RANGE[1]:
            return offset
    return None


def _first_date(tree: lxml_html.HtmlElement, xpath: str) -> str | None:
    for found in tree.xpath(xpath)[:20]:
        text = found if isinstance(found, str) else found.text_content()
        if date := normalize_date(str(text)[:200]):
            return date
    return None


#: htmldate searches the whole page (40 s for 50,000 paragraphs): it runs only on pages of at
#: most this many elements. The largest of the 243 dated dev pages has 4,712, the median 628.
#: Its extensive search (free text) dates 8% more dragnet pages but triples its time, which took
#: extraction past 1.5x readability-lxml alone on that set; it is left off.
_HTMLDATE_ELEMENTS = 6000


def _htmldate(tree: lxml_html.HtmlElement, url: str | None) -> str | None:
    """htmldate's original publication date for the page (it works on a copy of the tree)."""
    if next(itertools.islice(tree.iter(), _HTMLDATE_ELEMENTS, None), None) is not None:
        return None
    try:
        # deferred: htmldate's imports take longer than a whole extraction, and pages that
        # declare their date never need it
        from htmldate import find_date
    except ImportError:  # pragma: no cover - a declared dependency, but extraction works without
        return None
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        found = find_date(
            tree, url=url, original_date=True, outputformat="%Y-%m-%d", extensive_search=False
        )
    except Exception:  # a date is a nicety: never fail an article because of it
        return None
    return normalize_date(found) if isinstance(found, str) else None
