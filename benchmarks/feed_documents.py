"""Generated feed documents (RSS 2.0, RSS 1.0/RDF, Atom 1.0, JSON Feed 1.1) and article pages,
for the feed tests and ``benchmarks/feeds.py``. Nothing here touches the network."""

from __future__ import annotations

import json
from dataclasses import dataclass
from xml.sax.saxutils import escape

#: Words for generated paragraphs (varied, so each article's text and hash differ).
_VOCABULARY = (
    "council budget river school harbour winter report mayor vote transport railway energy "
    "market price museum library festival storm coast bridge hospital court election farmer "
    "research survey police union teacher station airport forest garden climate science"
)
_WORDS = _VOCABULARY.split()


def paragraphs(seed: int, count: int, words: int = 60) -> list[str]:
    """``count`` distinct paragraphs of ``words`` words each, determined by ``seed``."""
    out = []
    for p in range(count):
        chosen = [
            _WORDS[(seed * 7 + p * 13 + w * 3 + (w * w) % 11) % len(_WORDS)] for w in range(words)
        ]
        out.append(f"Story {seed} part {p}: " + " ".join(chosen).capitalize() + ".")
    return out


@dataclass(frozen=True, slots=True)
class Item:
    """One generated item: full text in the feed, or a teaser whose text only its page has."""

    guid: str
    title: str
    link: str
    paragraphs: tuple[str, ...]
    teaser: bool = False
    published: str = "2026-11-20T10:00:00+00:00"

    @property
    def content_html(self) -> str:
        return "".join(f"<p>{escape(p)}</p>" for p in self.paragraphs)

    @property
    def summary(self) -> str:
        return " ".join(" ".join(self.paragraphs).split()[:40]) + " …"


def make_items(base: str, seed: int, count: int, teaser_every: int = 0) -> list[Item]:
    """``count`` items linking to ``base/a/<seed>-<n>``; every ``teaser_every``-th a teaser."""
    return [
        Item(
            guid=f"urn:inbrief-test:{seed}:{n}",
            title=f"Item {n} of feed {seed}",
            link=f"{base}/a/{seed}-{n}",
            paragraphs=tuple(paragraphs(seed * 1000 + n, 6)),
            teaser=bool(teaser_every) and n % teaser_every == 0,
        )
        for n in range(count)
    ]


def article_page(item: Item) -> bytes:
    """The item's web page: its whole text inside the usual page furniture."""
    body = "".join(f"<p>{escape(p)}</p>" for p in item.paragraphs)
    return (
        f"<!doctype html><html lang='en'><head><title>{escape(item.title)}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{escape(item.title)}</h1>{body}</article>"
        "<footer>© Example News</footer></body></html>"
    ).encode()


def rss(title: str, site: str, items: list[Item]) -> bytes:
    """RSS 2.0 with ``content:encoded`` for full items and only a description for teasers."""
    parts = []
    for item in items:
        content = (
            ""
            if item.teaser
            else f"<content:encoded><![CDATA[{item.content_html}]]></content:encoded>"
        )
        parts.append(
            f"<item><title>{escape(item.title)}</title><link>{escape(item.link)}</link>"
            f"<guid isPermaLink='false'>{escape(item.guid)}</guid>"
            f"<pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate>"
            f"<description>{escape(item.summary)}</description>{content}</item>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?>"
        "<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel>"
        f"<title>{escape(title)}</title><link>{escape(site)}</link><description>d</description>"
        "<language>en</language>" + "".join(parts) + "</channel></rss>"
    ).encode()


def atom(title: str, site: str, items: list[Item]) -> bytes:
    """Atom 1.0: ``content`` for full items, ``summary`` only for teasers."""
    parts = []
    for item in items:
        body = (
            f"<summary>{escape(item.summary)}</summary>"
            if item.teaser
            else f"<content type='html'>{escape(item.content_html)}</content>"
        )
        parts.append(
            f"<entry><title>{escape(item.title)}</title><link href='{escape(item.link)}'/>"
            f"<id>{escape(item.guid)}</id><updated>{item.published}</updated>{body}</entry>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>{escape(title)}</title><link href='{escape(site)}'/><id>urn:x</id>"
        "<updated>2026-11-20T10:00:00Z</updated>" + "".join(parts) + "</feed>"
    ).encode()


def rdf(title: str, site: str, items: list[Item]) -> bytes:
    """RSS 1.0 (RDF): no GUIDs, items are known by their links."""
    parts = []
    for item in items:
        content = (
            ""
            if item.teaser
            else f"<content:encoded><![CDATA[{item.content_html}]]></content:encoded>"
        )
        parts.append(
            f"<item rdf:about='{escape(item.link)}'><title>{escape(item.title)}</title>"
            f"<link>{escape(item.link)}</link><description>{escape(item.summary)}</description>"
            f"<dc:date>{item.published}</dc:date>{content}</item>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?>"
        "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns='http://purl.org/rss/1.0/'"
        " xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
        f"<channel rdf:about='{escape(site)}'><title>{escape(title)}</title>"
        f"<link>{escape(site)}</link>"
        "<description>d</description></channel>" + "".join(parts) + "</rdf:RDF>"
    ).encode()


def json_feed(title: str, site: str, items: list[Item]) -> bytes:
    """JSON Feed 1.1: ``content_html`` for full items, ``summary`` only for teasers."""
    entries = []
    for item in items:
        entry = {
            "id": item.guid,
            "url": item.link,
            "title": item.title,
            "date_published": item.published,
        }
        if item.teaser:
            entry["summary"] = item.summary
        else:
            entry["content_html"] = item.content_html
        entries.append(entry)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": site,
        "language": "en",
        "items": entries,
    }
    return json.dumps(document).encode()


FORMATS = {"rss": rss, "atom": atom, "rdf": rdf, "json": json_feed}
CONTENT_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "rdf": "application/rdf+xml",
    "json": "application/feed+json",
}
