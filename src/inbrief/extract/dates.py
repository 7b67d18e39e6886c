"""Dates as pages write them, to ISO 8601.

Pages declare publication dates in many shapes: ISO 8601, RFC 2822, JavaScript's
``Date.toString()`` ("Wed Nov 20 2019 08:00:58 GMT+0000"), "20 Nov 2019 08:02 GMT",
"November 19, 2019, 9:02 AM", "2019/11/19". :func:`normalize_date` reads all of them with one
tolerant pattern set rather than a list of ``strptime`` formats, and keeps the time and offset
when the page gives them.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

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
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
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
