"""A parsed feed as plain data, whatever format it came in (RSS, Atom, JSON Feed).

Every string here is already cleaned (no control or bidi characters, bounded length) and every
link is an absolute http(s) address or None, so nothing downstream has to distrust it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Longest title kept; longer ones are cut (a title is one line in the list).
MAX_TITLE = 300


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item (RSS ``item``, Atom ``entry``, JSON Feed item)."""

    #: The item's GUID / id as the feed gives it (cleaned), or None.
    id: str | None
    title: str
    link: str | None
    published: str | None = None
    author: str | None = None
    #: The item's full content as HTML (``content:encoded``, Atom ``content``, ``content_html``).
    content_html: str = ""
    #: Its summary as HTML (RSS ``description``, Atom ``summary``, JSON Feed ``summary``).
    summary_html: str = ""
    #: What relative links in the content resolve against.
    base: str | None = None
    #: The language the item or its feed declares (ISO code), if any.
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's own metadata, its items (newest as the feed orders them) and any parse error.

    ``error`` is set when the document was malformed; ``items`` then holds what did parse.
    """

    title: str
    site: str | None
    items: list[FeedItem] = field(default_factory=list)
    error: str | None = None
    #: Items left out because the feed held more than the parser keeps.
    dropped: int = 0
