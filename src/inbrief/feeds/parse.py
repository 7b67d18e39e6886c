"""Bytes from a feed's address to a :class:`ParsedFeed`: RSS and Atom through feedparser, JSON
Feed through :mod:`inbrief.feeds.jsonfeed`.

The bytes are checked before any parser sees them: empty, binary and HTML bodies get a one-line
error; a DOCTYPE's internal subset (where entity bombs live) is removed, so no entity can
expand; a feed with more than :data:`MAX_ITEMS` items is cut to its newest ``MAX_ITEMS``
before parsing (:mod:`inbrief.feeds.cut`), so parse time and memory are bounded by that count
and the fetcher's size cap.
feedparser is imported here only, so only feed commands pay for it.
"""

from __future__ import annotations

import io
import json
import re
from collections import defaultdict
from dataclasses import replace
from typing import Any

from inbrief.errors import InbriefError
from inbrief.feeds.cut import cut_items
from inbrief.feeds.jsonfeed import parse_json_feed
from inbrief.feeds.model import FeedItem, ParsedFeed
from inbrief.feeds.text import clean_title, date_from_struct, date_from_text, language, link
from inbrief.library.identity import canonical_url
from inbrief.sniff import binary_kind, is_json_feed
from inbrief.textclean import clean_inline

#: Items read from one feed document; the rest are counted in ``ParsedFeed.dropped``.
MAX_ITEMS = 500
_PROLOG = 4096
_FEED_ROOT = re.compile(rb"<(?:\w+:)?(rss|feed|RDF|channel)[\s>]", re.I)
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html|head|body)[\s>]", re.I)
#: ``<!DOCTYPE name ... [ internal subset ]>``: the subset may declare entities; it all goes.
_DOCTYPE_START = re.compile(rb"<!DOCTYPE", re.I)
_BEFORE_SUBSET = re.compile(rb"""(?:[^\[>"']|"[^"]*"|'[^']*')*\[""")
_SUBSET_TOKEN = re.compile(rb"""<!--.*?-->|"[^"]*"|'[^']*'|\]|[^"'\]<]+|<""", re.S)
_ABSOLUTE = re.compile(r"https?://", re.I)
#: feedparser's notes that are not errors in the feed: a charset header that the document
#: overrides, or a server that labels XML as text/plain or text/html.
_BENIGN = ("CharacterEncodingOverride", "NonXMLContentType")


def parse_feed(
    data: bytes, url: str, content_type: str = "", charset: str | None = None
) -> ParsedFeed:
    """Parse the feed document ``data`` fetched from ``url``; :class:`InbriefError` if it is
    not a feed at all (empty, binary, an HTML page, JSON that is not a JSON Feed)."""
    if not data.strip():
        raise InbriefError("empty response: no feed there")
    if what := binary_kind(data):
        raise InbriefError(f"not a feed: this is {what}")
    head = data[:_PROLOG].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        return without_shared_links(_parse_json(data, url))
    if looks_like_html(head):
        raise InbriefError("not a feed: the address gives an HTML page")
    return without_shared_links(_parse_xml(data, url, content_type, charset))


def without_shared_links(feed: ParsedFeed) -> ParsedFeed:
    """``feed`` with no link, nor id, on items that share it with another, different item of
    the feed.

    Status and changelog feeds link every item to their home page (RSS 1.0 makes that its
    id too): that is no item's own page, so it must not be fetched as a teaser's page, nor
    name the item (the library keeps one article per address and per id in a feed, which
    would fold the items into one). Such an item is read from its own text and known by
    what it says. The same item listed twice keeps its link and id (it is stored once).
    """
    links: dict[str, set[FeedItem]] = defaultdict(set)
    ids: dict[str, set[FeedItem]] = defaultdict(set)
    for item in feed.items:
        if item.link:
            links[_link_key(item.link)].add(item)
        if item.id:
            ids[item.id].add(item)
    if all(len(group) == 1 for group in (*links.values(), *ids.values())):
        return feed
    items = [
        replace(
            item,
            link=None if item.link and len(links[_link_key(item.link)]) > 1 else item.link,
            id=None if item.id and len(ids[item.id]) > 1 else item.id,
        )
        for item in feed.items
    ]
    return replace(feed, items=items)


def _link_key(url: str) -> str:
    return canonical_url(url) or url


def looks_like_html(data: bytes) -> bool:
    """Whether ``data`` opens as an HTML page rather than a feed document."""
    head = data[:_PROLOG].lstrip(b"\xef\xbb\xbf \t\r\n")
    return not _FEED_ROOT.search(head) and bool(_HTML_ROOT.search(head))


def _parse_json(data: bytes, url: str) -> ParsedFeed:
    try:
        value = json.loads(data.decode("utf-8-sig", errors="replace"))
    except (json.JSONDecodeError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else exc.msg
        raise InbriefError(f"invalid JSON Feed: {reason}") from None
    if not is_json_feed(value):
        raise InbriefError("not a feed: JSON without a JSON Feed version")
    return parse_json_feed(value, url, MAX_ITEMS)


def defuse(data: bytes) -> bytes:
    """``data`` without its DOCTYPE declaration: no entity declaration survives, so no entity
    reference can expand (billion laughs, quadratic blow-up, external entities).

    The internal subset is skipped token by token (quoted strings, comments), so a ``]>``
    inside an entity's value cannot end it early, however long the subset is.
    """
    opening = _DOCTYPE_START.search(data, 0, _PROLOG)
    if opening is None:
        return data
    position = opening.end()
    subset = _BEFORE_SUBSET.match(data, position)
    if subset is not None and data[subset.end() - 1 : subset.end()] == b"[":
        position = subset.end()
        for token in _SUBSET_TOKEN.finditer(data, position):
            position = token.end()
            if token.group() == b"]":
                break
        else:
            raise InbriefError("malformed feed: a DOCTYPE that never ends")
    close = data.find(b">", position)
    if close < 0:
        raise InbriefError("malformed feed: a DOCTYPE that never ends")
    return data[: opening.start()] + data[close + 1 :]


def _parse_xml(data: bytes, url: str, content_type: str, charset: str | None) -> ParsedFeed:
    import feedparser  # deferred: only feed commands import it

    data, dropped = cut_items(defuse(data), MAX_ITEMS)
    mime = content_type or "application/xml"
    # No content-location: feedparser would resolve a GUID such as "item-42" against it and
    # take it for a permalink; relative links are resolved here instead, against ``url``.
    headers = {"content-type": f"{mime}; charset={charset}" if charset else mime}
    try:
        parsed = feedparser.parse(
            io.BytesIO(data),
            response_headers=headers,
            sanitize_html=False,  # the content goes through our own HTML reader
            resolve_relative_uris=False,  # links are resolved there, against the item's base
        )
    except RecursionError:
        raise InbriefError("not a feed: nested too deeply to read") from None
    problem = _problem(parsed)
    feed = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    if not entries and not feed.get("title"):
        if not _FEED_ROOT.search(data[:_PROLOG]):
            raise InbriefError("not a feed: no RSS, Atom or JSON Feed document there")
        if problem:
            raise InbriefError(f"malformed feed ({problem}); no item could be read")
    error = f"malformed feed ({problem}); kept the items that parsed" if problem else None
    declared = language(feed.get("language"))
    items = [_item(entry, url, declared) for entry in entries]
    return ParsedFeed(
        title=clean_title(str(feed.get("title", ""))),
        site=link(feed.get("link"), url),
        items=items,
        error=error,
        dropped=dropped,
    )


def _problem(parsed: Any) -> str | None:
    """What feedparser found wrong with the document, in a few words, or None."""
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if type(exc).__name__ in _BENIGN:
        return None
    message = clean_inline(str(getattr(exc, "getMessage", lambda: exc)()))
    line = getattr(exc, "getLineNumber", lambda: None)()
    where = f" at line {line}" if isinstance(line, int) else ""
    return f"{message[:120]}{where}"


def _item(entry: Any, url: str, feed_language: str | None) -> FeedItem:
    href = entry.get("link")
    if entry.get("guidislink") and not _ABSOLUTE.match(str(entry.get("id", ""))):
        href = None  # feedparser took a GUID like "item-42" for a permalink: it is not one
    base = link(href, url) or url
    contents = entry.get("content") or []
    content = next((c for c in contents if isinstance(c.get("value"), str)), None)
    raw_id = entry.get("id")
    author = entry.get("author")
    date = date_from_struct(entry.get("published_parsed") or entry.get("updated_parsed"))
    return FeedItem(
        id=clean_inline(raw_id)[:1000] or None if isinstance(raw_id, str) else None,
        title=clean_title(str(entry.get("title", ""))),
        link=link(href, url),
        published=date or date_from_text(entry.get("published") or entry.get("updated")),
        author=clean_inline(author)[:200] or None if isinstance(author, str) else None,
        content_html=content["value"] if content else "",
        summary_html=str(entry.get("summary", "")),
        base=link(content.get("base"), url) if content and content.get("base") else base,
        language=language(content.get("language") if content else None) or feed_language,
    )
