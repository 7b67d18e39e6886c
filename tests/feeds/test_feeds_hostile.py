"""Hostile and broken feeds: a one-line error or a bounded, clean result; never a hang, a
traceback or a control byte."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest

from inbrief.cli import main
from inbrief.errors import InbriefError
from inbrief.feeds.parse import MAX_ITEMS, parse_feed
from inbrief.textclean import CONTROL_CHARS
from tests.conftest import LocalServer, Route

RSS = "application/rss+xml"


def _refresh_one(
    server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], route: Route
) -> tuple[int, str, str]:
    """Subscribe to a good feed, then let its address serve ``route`` and refresh."""
    good = (
        b"<rss version='2.0'><channel><title>Fine</title><item><title>One</title>"
        b"<guid>1</guid><description>" + b"Enough words here. " * 40 + b"</description>"
        b"</item></channel></rss>"
    )
    url = server.add("/feed", Route(body=good, headers={"Content-Type": RSS}))
    library = str(tmp_path / "library.sqlite3")
    assert main(["--library", library, "--subscribe", url]) == 0
    capsys.readouterr()
    server.add("/feed", route)
    status = main(["--library", library, "--refresh"])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (Route(body=b"<!doctype html><html><body><p>hi</p></body></html>"), "not a feed: the address gives an HTML page"),
        (Route(body=b"", headers={"Content-Type": RSS}), "empty response: no feed there"),
        (Route(body=b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, headers={"Content-Type": RSS}), "not a feed: this is a PNG image"),
        (Route(body=b"\x00\x01\x02\x03" * 1000, headers={"Content-Type": RSS}), "not a feed: this is binary data"),
        (Route(body=b'{"version": 1, "items": []}', headers={"Content-Type": "application/json"}), "not a feed: JSON without a JSON Feed version"),
        (Route(body=b"[" * 100_000, headers={"Content-Type": "application/feed+json"}), "invalid JSON Feed: nested too deeply"),
        (Route(body=b"just some words, no markup at all", headers={"Content-Type": RSS}), "not a feed: no RSS, Atom or JSON Feed document there"),
        (Route(body=b"x", headers={"Content-Type": RSS, "Content-Length": str(50 * 1024 * 1024)}), "too large: 52,428,800 bytes (limit 16,777,216)"),
    ],
    ids=["html", "empty", "png", "binary", "json-not-feed", "json-deep", "text", "50MB"],
)  # fmt: skip
def test_not_a_feed_is_one_line(
    server: LocalServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    route: Route,
    reason: str,
) -> None:
    status, out, err = _refresh_one(server, tmp_path, capsys, route)
    assert status == 1
    assert err == f"inbrief: {server.url('/feed')}: {reason}\n"
    assert out.endswith("1 failed\n")


def test_gzip_bomb_and_undeclared_50_mb(
    server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = gzip.compress(b"<rss>" + b" " * (64 * 1024 * 1024), compresslevel=9)
    route = Route(body=bomb, headers={"Content-Type": RSS, "Content-Encoding": "gzip"})
    status, _, err = _refresh_one(server, tmp_path, capsys, route)
    assert status == 1 and err.endswith(": too large: more than 16,777,216 bytes\n")

    def endless(handler: object) -> None:
        from http.server import BaseHTTPRequestHandler

        assert isinstance(handler, BaseHTTPRequestHandler)
        handler.send_response(200)
        handler.send_header("Content-Type", RSS)
        handler.end_headers()
        for _ in range(50 * 16):
            handler.wfile.write(b"<item>" + b"a" * 65_530)

    status, _, err = _refresh_one(server, tmp_path / "b", capsys, Route(handler=endless))
    assert status == 1 and err.endswith(": too large: more than 16,777,216 bytes\n")


def test_malformed_xml_keeps_the_items_that_parse(
    server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        b"<rss version='2.0'><channel><title>Broken</title>"
        + b"".join(
            b"<item><title>Item %d</title><guid>g%d</guid><description>" % (n, n)
            + b"Plenty of words in this item. " * 30
            + b"</description></item>"
            for n in range(3)
        )
        + b"<item><title>Bad & worse <unclosed></title></item></channel>"
    )
    status, out, err = _refresh_one(
        server, tmp_path, capsys, Route(body=body, headers={"Content-Type": RSS})
    )
    assert status == 1
    assert out.startswith("Broken: 3 new\n")
    [line] = err.splitlines()
    assert line.startswith(f"inbrief: {server.url('/feed')}: malformed feed (")
    assert line.endswith("; kept the items that parsed")
    assert (
        main(["--library", str(tmp_path / "library.sqlite3"), "--feeds", "--format", "json"]) == 0
    )
    [feed] = json.loads(capsys.readouterr().out)
    assert feed["last_error"].startswith("malformed feed (") and feed["items"] == 4


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs &lol9;</title>
<item><title>Item &lol9;</title><guid>1</guid><description>&lol9;</description></item>
</channel></rss>"""


def test_entity_bombs_do_not_expand() -> None:
    quadratic = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + b"x" * 100_000 + b'">]>'
        b"<rss version='2.0'><channel><title>Q</title><item><title>T</title><description>"
        + b"&a;" * 20_000
        + b"</description></item></channel></rss>"
    )
    for document in (BILLION_LAUGHS, quadratic):
        started = time.monotonic()
        parsed = parse_feed(document, "https://example.com/feed")
        assert time.monotonic() - started < 5
        assert len(parsed.title) < 100
        for item in parsed.items:
            assert len(item.title) < 100 and len(item.summary_html) < 200_000
            assert "lollol" not in item.summary_html and "xxxxxxxxxx" not in item.summary_html


def test_hundred_thousand_items_are_cut() -> None:
    items = b"".join(
        b"<item><title>I%d</title><guid>%d</guid></item>" % (n, n) for n in range(100_000)
    )
    document = b"<rss version='2.0'><channel><title>Huge</title>" + items + b"</channel></rss>"
    parsed = parse_feed(document, "https://example.com/feed")
    assert len(parsed.items) == MAX_ITEMS and parsed.dropped == 100_000 - MAX_ITEMS
    assert parsed.error is None  # cut where an item ends, the closing tags kept
    assert parsed.items[0].title == "I0" and parsed.items[-1].title == f"I{MAX_ITEMS - 1}"


def test_escape_codes_and_javascript_links_never_get_through(
    server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        "<rss version='2.0'><channel><title>\x1b[31mRed\x1b[0m feed\u202e</title>"
        "<item><title>Evil &#x1b;]8;;https://x.example&#x1b;\\ title\x07</title>"
        "<link>javascript:alert(1)</link><guid>1</guid><description>"
        + "Harmless words \x1b[2J in this item. "
        * 30
        + "</description></item>"
        "<item><title>&lt;script&gt;x&lt;/script&gt;<![CDATA[<b>bold</b>]]></title>"
        "<link>  http://127.0.0.1/page\t</link><guid>2</guid><description>"
        + "More harmless words. " * 40
        + "</description></item></channel></rss>"
    ).encode()
    url = server.add("/feed", Route(body=body, headers={"Content-Type": RSS}))
    library = str(tmp_path / "library.sqlite3")
    main(["--library", library, "--subscribe", url])
    for args in (["--feeds"], ["--list"], ["--list", "--format", "jsonl"], ["--export-opml"]):
        main(["--library", library, *args])
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert "[31mRed[0m feed: 2 new" in output  # the ESC goes, the rest shows as text
    assert not CONTROL_CHARS.search(output.replace("\n", ""))
    assert "javascript:" not in output and "<script" not in output and "<b>" not in output


def test_json_feed_with_wrong_types() -> None:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": ["not", "a", "string"],
        "items": [
            {"id": {"x": 1}, "title": 5, "url": "javascript:alert(1)", "content_html": None},
            "not an item",
            {"id": 7, "url": "/relative", "content_text": "Plain text\n\nTwo paragraphs"},
        ],
    }
    parsed = parse_feed(json.dumps(document).encode(), "https://example.com/feed.json")
    assert parsed.title == ""
    first, second = parsed.items
    assert (first.id, first.title, first.link) == (None, "", None)
    assert second.id == "7" and second.link == "https://example.com/relative"
    assert second.content_html == "<p>Plain text</p><p>Two paragraphs</p>"


def test_feed_errors_are_inbrief_errors() -> None:
    for data in (b"", b"   ", b"\x1f\x8b\x08\x00"):
        with pytest.raises(InbriefError):
            parse_feed(data, "https://example.com/feed")


def test_dates_far_in_the_future_or_past_are_not_believed() -> None:
    """A feed dating its items 2099 would sit at the top of the library (newest published
    first) for the rest of the century, and year 1 is a content system's empty date: both
    count as undated. A day ahead is allowed, for clocks and time zones set wrong."""
    soon = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 6 * 3600))
    dates = ["Thu, 01 Jan 2099 00:00:00 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", soon]
    items = "".join(
        f"<item><title>T{n}</title><guid>{n}</guid><pubDate>{date}</pubDate></item>"
        for n, date in enumerate(dates)
    )
    rss = f"<rss version='2.0'><channel><title>Dates</title>{items}</channel></rss>"
    atom = (
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>A</title><entry><title>E</title>"
        "<id>e</id><updated>2099-01-01T00:00:00Z</updated></entry></feed>"
    )
    json_feed = json.dumps(
        {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
            {"id": "j", "content_text": "x", "date_published": "2099-01-01T00:00:00Z"}]}
    )  # fmt: skip
    future, ancient, near = parse_feed(rss.encode(), "http://example.com/feed").items
    assert future.published is None and ancient.published is None
    year = time.strftime("%Y", time.gmtime(time.time() + 6 * 3600))
    assert near.published is not None and near.published.startswith(year)
    assert parse_feed(atom.encode(), "http://example.com/atom").items[0].published is None
    assert parse_feed(json_feed.encode(), "http://example.com/json").items[0].published is None


def test_a_long_feed_in_date_order_keeps_its_newest_items() -> None:
    """Some feeds (podcast archives, changelogs) list every item oldest first: cutting such a
    feed to its first MAX_ITEMS kept the oldest, and its new items, at the end, never
    arrived. The newest end is kept instead, in RSS and JSON Feed alike."""
    count = MAX_ITEMS + 100
    stamps = [time.gmtime(1_600_000_000 + n * 86400) for n in range(count)]
    items = "".join(
        f"<item><title>Episode {n}</title><guid>{n}</guid>"
        f"<pubDate>{time.strftime('%a, %d %b %Y %H:%M:%S GMT', stamp)}</pubDate></item>"
        for n, stamp in enumerate(stamps)
    )
    rss = (
        "<rss version='2.0'><channel><title>Archive</title>"
        "<pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>"
        f"{items}</channel></rss>"
    )
    parsed = parse_feed(rss.encode(), "http://example.com/feed")
    titles = {item.title for item in parsed.items}
    assert len(parsed.items) == MAX_ITEMS and parsed.dropped == 100
    assert f"Episode {count - 1}" in titles and "Episode 0" not in titles
    json_items = [
        {"id": str(n), "content_text": "x", "title": f"Episode {n}",
         "date_published": time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp)}
        for n, stamp in enumerate(stamps)
    ]  # fmt: skip
    document = {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": json_items}
    parsed = parse_feed(json.dumps(document).encode(), "http://example.com/json")
    assert f"Episode {count - 1}" in {item.title for item in parsed.items}
    assert len(parsed.items) == MAX_ITEMS and parsed.dropped == 100
