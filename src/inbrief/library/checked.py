"""Values read back from the library file, checked: the file may have been edited by hand.

SQLite keeps whatever type a cell was given, so a hand-edited row can hold a blob for a
title, ``1e308`` or NaN for a progress, text for a count, or a document that is not JSON.
The list and the reader must never crash on such a row: list values are coerced to what the
list can show, and a document that cannot be an article raises one :class:`LibraryError`
naming the article.
"""

from __future__ import annotations

import json
import math
from typing import Any

from inbrief.library.faults import Fault, LibraryError, shorten
from inbrief.model import Article, BlockKind

#: The largest count or position kept from a row (a hand-edited huge value is clamped).
_MAX_INT = 2**53


def as_text(value: object) -> str | None:
    """A stored text cell as ``str`` (bytes decoded leniently, numbers written), or None."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def as_count(value: object) -> int:
    """A stored non-negative integer; anything else (text, NaN, huge, negative) gives 0..2**53."""
    try:
        number = float(value) if not isinstance(value, int) else value  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0
    if isinstance(number, float) and not math.isfinite(number):
        return 0
    return int(min(max(number, 0), _MAX_INT))


def as_fraction(value: object) -> float:
    """A stored share in 0..1 (reading progress); NaN and anything unreadable give 0."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return 0.0
    return min(1.0, max(0.0, number)) if math.isfinite(number) else 0.0


def as_time(value: object) -> float:
    """A stored Unix time; unreadable or out-of-range values give 0 (the epoch)."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return 0.0
    return number if math.isfinite(number) and 0 <= number < 1e11 else 0.0


def article_from_document(document: object, article_id: int, source: str) -> Article:
    """The article stored as JSON in ``document``; :class:`LibraryError` if it is not one."""
    try:
        data: Any = json.loads(as_text(document) or "")
        article = Article.from_json(data)
        _check(article)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        reason = f"article {article_id} is damaged ({shorten(f'{type(exc).__name__}: {exc}')})"
        raise LibraryError(Fault.DAMAGED, reason, source) from None
    return article


def _check(article: Article) -> None:
    """Every text the reader will show is a string, and every kind is known."""
    texts: list[object] = [article.title]
    for section in article.sections:
        texts.append(section.heading)
        for block in section.blocks:
            if not isinstance(block.kind, BlockKind):
                raise TypeError("unknown block kind")
            texts.extend(block.items)
    for optional in (article.byline, article.site, article.published, article.language):
        if optional is not None:
            texts.append(optional)
    if not all(isinstance(text, str) for text in texts):
        raise TypeError("a text that is not a string")
    if not isinstance(article.url, str | None):
        raise TypeError("an address that is not a string")
