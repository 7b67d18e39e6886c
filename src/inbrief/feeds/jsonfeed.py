"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), which feedparser does not read.

Only the fields inbrief uses are read, each checked for its type: a hostile document can give
a wrong type anywhere and the item is then read without that field, never with a crash.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from inbrief.feeds.cut import oldest_first, when
from inbrief.feeds.model import FeedItem, ParsedFeed
from inbrief.feeds.text import clean_title, date_from_text, language, link
from inbrief.textclean import clean_inline


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _author(item: dict[str, Any]) -> str | None:
    authors = item.get("authors")
    if not isinstance(authors, list):
        authors = [item.get("author")]  # JSON Feed 1.0
    names = [
        clean_inline(a["name"]) for a in authors if isinstance(a, dict) and _text(a.get("name"))
    ]
    return ", ".join(names)[:200] or None


def _date(item: dict[str, Any]) -> datetime | None:
    return when(_text(item.get("date_published")) or _text(item.get("date_modified")) or None)


def parse_json_feed(value: dict[str, Any], url: str, max_items: int) -> ParsedFeed:
    """The feed in a parsed JSON Feed document fetched from ``url``."""
    base = link(_text(value.get("feed_url")), url) or url
    raw_items = value.get("items")
    entries = (
        [item for item in raw_items if isinstance(item, dict)]
        if isinstance(raw_items, list)
        else []
    )
    declared = language(value.get("language"))
    if len(entries) > max_items and oldest_first(_date(entries[0]), _date(entries[-1])):
        newest = entries[-max_items:]  # listed oldest first: the new items are at the end
    else:
        newest = entries[:max_items]
    items = [_item(entry, base, declared) for entry in newest]
    error = None if isinstance(raw_items, list) else "a JSON Feed without an items list"
    return ParsedFeed(
        title=clean_title(_text(value.get("title"))),
        site=link(_text(value.get("home_page_url")), base),
        items=items,
        error=error,
        dropped=max(0, len(entries) - max_items),
    )


def _item(entry: dict[str, Any], base: str, feed_language: str | None) -> FeedItem:
    item_url = link(_text(entry.get("url")), base) or link(_text(entry.get("external_url")), base)
    content = _text(entry.get("content_html"))
    if not content and (plain := _text(entry.get("content_text"))):
        content = _paragraphs(plain)
    raw_id = entry.get("id")
    return FeedItem(
        id=clean_inline(str(raw_id))[:1000] or None if isinstance(raw_id, str | int) else None,
        title=clean_title(_text(entry.get("title"))),
        link=item_url,
        published=date_from_text(
            _text(entry.get("date_published")) or _text(entry.get("date_modified"))
        ),
        author=_author(entry),
        content_html=content,
        summary_html=_paragraphs(_text(entry.get("summary"))),
        base=item_url or base,
        language=language(entry.get("language")) or feed_language,
    )


def _paragraphs(text: str) -> str:
    """Plain text as HTML paragraphs (one per blank-line-separated block), escaped."""
    import html

    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{html.escape(block)}</p>" for block in blocks if block)
