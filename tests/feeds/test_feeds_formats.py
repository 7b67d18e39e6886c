"""Every feed format fills the library with whole articles, teasers through their pages."""

from __future__ import annotations

import pytest

from benchmarks.feed_documents import Item, article_page
from inbrief.feeds.items import TEASER_WORDS, is_teaser
from inbrief.feeds.model import FeedItem
from inbrief.feeds.parse import parse_feed
from inbrief.feeds.subscribe import subscribe
from inbrief.library import Library, Query
from tests.conftest import LocalServer, Route
from tests.feeds.support import feed_items, serve_feed


def _texts(library: Library) -> dict[str, str]:
    """Title -> stored text of every article."""
    return {
        entry.title: library.article(entry.id)[0].text
        for entry in library.page(Query(), limit=1000)
    }


@pytest.mark.parametrize("kind", ["rss", "atom", "rdf", "json"])
def test_every_format_stores_whole_articles(
    server: LocalServer, library: Library, kind: str
) -> None:
    items = feed_items(server, 1, 4, teaser_every=2)  # items 0 and 2 are teasers
    url = serve_feed(server, f"/feed.{kind}", kind, items, title=f"The {kind} feed")
    result = subscribe(library, url)
    assert result.report.new == 4 and result.report.error is None
    assert result.report.title == f"The {kind} feed"
    texts = _texts(library)
    for item in items:
        # Teaser or not, the stored text is the whole article, every paragraph.
        assert all(paragraph in texts[item.title] for paragraph in item.paragraphs)
    [feed] = library.feeds()
    assert (feed.items, feed.unread, feed.title) == (4, 4, f"The {kind} feed")
    entries = library.page(Query(feed_id=feed.id))
    assert {e.feed for e in entries} == {f"The {kind} feed"}


def test_teaser_whose_text_only_the_page_has(server: LocalServer, library: Library) -> None:
    item = Item(
        "urn:t:1", "Only on the page", server.url("/story"), ("The whole story. " * 80,), True
    )
    server.add("/story", Route(body=article_page(item)))
    feed = (
        "<rss version='2.0'><channel><title>T</title><item><title>Only on the page</title>"
        f"<link>{item.link}</link><guid>urn:t:1</guid>"
        "<description>The whole story begins... Read more</description></item></channel></rss>"
    ).encode()
    url = server.add("/teaser.xml", Route(body=feed, headers={"Content-Type": "text/xml"}))
    assert subscribe(library, url).report.new == 1
    [text] = _texts(library).values()
    assert text.count("The whole story.") == 80


def test_relative_links_resolve_against_the_feed(server: LocalServer) -> None:
    feed = (
        b"<feed xmlns='http://www.w3.org/2005/Atom' xml:base='http://example.com/blog/'>"
        b"<title>T</title><entry><title>A</title><id>1</id><link href='posts/a'/>"
        b"<content type='html'>&lt;p&gt;See &lt;a href='../b'&gt;b&lt;/a&gt;&lt;/p&gt;</content>"
        b"</entry></feed>"
    )
    parsed = parse_feed(feed, "http://example.com/feed")
    [item] = parsed.items
    assert item.link == "http://example.com/blog/posts/a"


def test_teaser_rule() -> None:
    def item(text: str, link: str | None = "https://example.com/a") -> FeedItem:
        return FeedItem("1", "T", link, content_html=f"<p>{text}</p>", base=link)

    from inbrief.feeds.items import article_from_item

    long = "word " * (TEASER_WORDS + 10)
    short = "word " * (TEASER_WORDS - 10)
    assert not is_teaser(item(long), article_from_item(item(long)))
    assert is_teaser(item(short), article_from_item(item(short)))
    assert is_teaser(item(long + " […]"), article_from_item(item(long + " […]")))
    linked = long + " <a href='https://example.com/a'>Continue reading</a>"
    assert is_teaser(item(linked), article_from_item(item(linked)))
    # Without a link there is nowhere to fetch the rest from: what the feed has is kept.
    assert not is_teaser(item(short, None), article_from_item(item(short, None)))


def test_guid_is_a_link_only_when_it_is_an_address() -> None:
    feed = (
        b"<rss version='2.0'><channel><title>T</title><language>de_DE</language>"
        b"<item><title>A</title><guid>item-42</guid></item>"
        b"<item><title>B</title><guid>https://example.com/b</guid></item>"
        b"</channel></rss>"
    )
    first, second = parse_feed(feed, "https://example.com/feed").items
    assert first.link is None and first.id == "item-42"
    assert second.link == "https://example.com/b"
    assert first.language == "de-DE"  # the feed's declared language: no detection needed


@pytest.mark.parametrize("version", ["0.91", "0.92"])
def test_rss_09x(version: str) -> None:
    doctype = (
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        ' "http://my.netscape.com/publish/formats/rss-0.91.dtd">'
        if version == "0.91"
        else ""
    )
    feed = (
        f"<?xml version='1.0'?>{doctype}<rss version='{version}'><channel><title>Old &amp; Good"
        "</title><link>http://example.com/</link><description>d</description>"
        "<language>en-us</language><item><title>First</title><link>/news/1</link>"
        "<description>An item &lt;b&gt;as&lt;/b&gt; 0.9x wrote them.</description></item>"
        "<item><title>Second</title><link>http://example.com/news/2</link>"
        "<description>Another.</description></item></channel></rss>"
    ).encode()
    parsed = parse_feed(feed, "http://example.com/rss.xml")
    assert parsed.error is None and parsed.title == "Old & Good"
    assert [(i.title, i.link) for i in parsed.items] == [
        ("First", "http://example.com/news/1"),
        ("Second", "http://example.com/news/2"),
    ]
    assert "0.9x wrote them" in parsed.items[0].summary_html
    assert parsed.items[0].language == "en-us"
