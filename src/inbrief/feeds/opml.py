"""OPML 2.0 subscription lists: read every feed outline (folders included), write one back.

Reading never expands entities or loads anything from the network; titles are cleaned and only
http(s) feed addresses are kept, so an OPML file from anywhere is safe to import.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import formatdate
from xml.sax.saxutils import quoteattr

from lxml import etree

from inbrief.errors import InbriefError
from inbrief.feeds.text import clean_title
from inbrief.links import resolve_link

#: An OPML file larger than this is not a subscription list.
MAX_OPML_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Outline:
    """One subscription in an OPML file."""

    url: str
    title: str = ""
    site: str | None = None


def read_opml(data: bytes) -> list[Outline]:
    """The feeds in an OPML document, in document order, each address once."""
    if len(data) > MAX_OPML_BYTES:
        raise InbriefError(f"too large for an OPML file: {len(data):,} bytes")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InbriefError(f"not an OPML file: {exc}") from None
    if root is None or etree.QName(root).localname.lower() != "opml":
        raise InbriefError("not an OPML file (no <opml> root)")
    outlines: list[Outline] = []
    seen: set[str] = set()
    for node in root.iter("{*}outline"):
        url = resolve_link(node.get("xmlUrl") or node.get("xmlurl"))
        if url is None or url in seen:
            continue
        seen.add(url)
        title = clean_title(node.get("title") or node.get("text") or "")
        if title == url:  # written for a feed without a title
            title = ""
        outlines.append(Outline(url, title, resolve_link(node.get("htmlUrl"))))
    return outlines


def write_opml(outlines: list[Outline], title: str = "inbrief subscriptions") -> str:
    """An OPML 2.0 document listing ``outlines`` (what :func:`read_opml` reads back)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        f"    <title>{_text(title)}</title>",
        f"    <dateCreated>{formatdate(usegmt=True)}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for outline in outlines:
        name = outline.title or outline.url
        site = f" htmlUrl={quoteattr(outline.site)}" if outline.site else ""
        lines.append(
            f'    <outline type="rss" text={quoteattr(name)} title={quoteattr(name)}'
            f" xmlUrl={quoteattr(outline.url)}{site}/>"
        )
    lines += ["  </body>", "</opml>"]
    return "\n".join(lines) + "\n"


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
