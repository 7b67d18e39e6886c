"""Subscribe to a feed by its address, or by the address of a page that announces one."""

from __future__ import annotations

from dataclasses import dataclass

from inbrief.errors import InbriefError
from inbrief.feeds.discover import discover_feeds
from inbrief.feeds.parse import looks_like_html, parse_feed
from inbrief.feeds.refresh import (
    FEED_ACCEPT,
    FeedReport,
    RefreshOptions,
    refresh_fetched,
)
from inbrief.fetch import fetch
from inbrief.library import Library
from inbrief.sniff import decode


@dataclass(frozen=True, slots=True)
class Subscription:
    """The outcome of subscribing to ``url``: the feed found there and its first refresh."""

    url: str
    feed_url: str
    #: True when ``url`` was a page and ``feed_url`` the feed it announces.
    discovered: bool
    #: False when the feed was already subscribed (it was refreshed all the same).
    new: bool
    report: FeedReport


def subscribe(library: Library, url: str, options: RefreshOptions | None = None) -> Subscription:
    """Add the feed at ``url`` (or announced by the page there) and fetch it now.

    Raises :class:`InbriefError` when ``url`` gives neither a feed nor a page announcing one;
    nothing is added then.
    """
    options = options or RefreshOptions()
    headers = {"Accept": FEED_ACCEPT}
    fetched = fetch(url, options.feed_limits, headers=headers)
    feed_url, discovered = url, False
    if looks_like_html(fetched.data):
        found = discover_feeds(decode(fetched.data, fetched.charset), fetched.url)
        if not found:
            raise InbriefError("a web page that announces no feed (no <link rel=alternate>)")
        feed_url, discovered = found[0], True
        fetched = fetch(feed_url, options.feed_limits, headers=headers, origin=url)
    parsed = parse_feed(fetched.data, fetched.url, fetched.content_type, fetched.charset)
    feed, new = library.add_feed(feed_url, parsed.title, parsed.site)
    report = refresh_fetched(library, feed, fetched, parsed, options)
    return Subscription(url, feed_url, discovered, new, report)
