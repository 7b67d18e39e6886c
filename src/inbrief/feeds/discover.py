"""Find the feeds a web page announces: ``<link rel="alternate" type="application/rss+xml">``."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from inbrief.links import resolve_link
from inbrief.textclean import XML_INCOMPATIBLE

#: The feed types a page may announce.
FEED_TYPES = frozenset(
    {
        "application/atom+xml",
        "application/rss+xml",
        "application/feed+json",
        "application/json",
        "application/rdf+xml",
    }
)


def discover_feeds(page: str, url: str) -> list[str]:
    """The absolute http(s) addresses of the feeds ``page`` (fetched from ``url``) announces,
    in the page's order (the site's main feed comes first, its comments feed after)."""
    try:
        root = lxml_html.document_fromstring(XML_INCOMPATIBLE.sub("", page[:2_000_000]))
    except (etree.ParserError, ValueError):
        return []
    base = url
    for node in root.iter("base"):
        base = resolve_link(node.get("href"), url) or url
        break
    found: list[str] = []
    for node in root.iter("link"):
        rel = (node.get("rel") or "").lower().split()
        kind = (node.get("type") or "").split(";")[0].strip().lower()
        if "alternate" not in rel or kind not in FEED_TYPES:
            continue
        href = resolve_link(node.get("href"), base)
        if href is not None and href not in found:
            found.append(href)
    return found
