"""The feed commands as scripts and cron see them: output lines, JSON shapes, exit status."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from inbrief.cli import main
from inbrief.library import open_library
from inbrief.model import Article, Block, BlockKind, Section
from tests.conftest import LocalServer, Route
from tests.feeds.conftest import Cli
from tests.feeds.support import feed_items, serve_feed


def test_subscribe_refresh_feeds_and_list(server: LocalServer, cli: Cli) -> None:
    items = feed_items(server, 1, 3, teaser_every=2)
    url = serve_feed(server, "/rss", "rss", items, title="News")
    missing = server.url("/gone")
    status, out, err = cli("--subscribe", url, missing)
    assert status == 1  # one failed; the other still went through
    assert out == "News: 3 new\n"
    assert err == f"inbrief: {missing}: HTTP 404 Not Found\n"

    status, out, err = cli("--refresh")
    assert (status, out, err) == (0, "1 feed, 0 new items, 0 unchanged, 0 failed\n", "")

    status, out, _ = cli("--feeds", "--format", "json")
    [feed] = json.loads(out)
    assert feed["title"] == "News" and feed["url"] == url
    assert (feed["items"], feed["unread"], feed["last_error"]) == (3, 3, None)
    assert feed["last_fetched"] is not None
    status, out, _ = cli("--feeds")
    assert out.startswith(f"News  {url}  3 items, 3 unread, fetched ")

    status, out, _ = cli("--list", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3
    assert set(rows[0]) == {
        "title", "url", "site", "published", "added", "read", "words", "feed", "gist",
    }  # fmt: skip
    assert {row["feed"] for row in rows} == {url}
    assert all(row["gist"] and row["words"] > 300 and row["read"] is False for row in rows)
    status, out, _ = cli("--list", "--format", "json", "--feed", url, "--unread")
    assert len(json.loads(out)) == 3
    status, out, _ = cli("--list")
    assert out.count("\n* Item ") + out.startswith("* Item ") == 3


def test_refresh_reports_new_items_failures_and_totals(server: LocalServer, cli: Cli) -> None:
    first = serve_feed(server, "/a", "atom", feed_items(server, 1, 2), title="First")
    second = serve_feed(server, "/b", "json", feed_items(server, 2, 2), title="Second")
    cli("--subscribe", first, second)
    serve_feed(server, "/a", "atom", feed_items(server, 1, 3), title="First")  # one more item
    server.add("/b", Route(status=500, body=b"down"))
    status, out, err = cli("--refresh")
    assert status == 1
    assert out.splitlines() == ["First: 1 new", "2 feeds, 1 new item, 0 unchanged, 1 failed"]
    assert err == f"inbrief: {second}: HTTP 500 Internal Server Error\n"
    status, out, _ = cli("--feeds", "--format", "json")
    errors = {f["url"]: f["last_error"] for f in json.loads(out)}
    assert errors == {first: None, second: "HTTP 500 Internal Server Error"}


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_refresh_draws_a_progress_bar_only_on_a_terminal(
    server: LocalServer, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("--subscribe", serve_feed(server, "/a", "rss", feed_items(server, 1, 2), title="A"))
    status, _, err = cli("--refresh")
    assert (status, err) == (0, "")  # a pipe or a file: no bar
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["--library", str(cli.library), "--refresh"]) == 0
    drawn = terminal.getvalue()
    assert "\r[" in drawn and "] 1/1 feeds" in drawn
    assert drawn.endswith("\r\x1b[2K")  # erased before the totals are printed


def test_discovery_from_a_page(server: LocalServer, cli: Cli) -> None:
    feed = serve_feed(server, "/feeds/main.xml", "rss", feed_items(server, 3, 2), title="Found")
    page = (
        b"<!doctype html><html><head><title>Blog</title>"
        b"<link rel='stylesheet' href='/s.css'>"
        b"<link rel='alternate' type='application/rss+xml' title='Posts' href='/feeds/main.xml'>"
        b"<link rel='alternate' type='application/atom+xml' href='/feeds/comments.xml'>"
        b"</head><body><p>Hello</p></body></html>"
    )
    home = server.add("/blog/", Route(body=page))
    status, out, err = cli("--subscribe", home)
    assert (status, err) == (0, "")
    assert out == f"Found: 2 new (found {feed} on that page)\n"
    bare = server.add("/plain", Route(body=b"<html><body><p>No feed here</p></body></html>"))
    status, _, err = cli("--subscribe", bare)
    assert status == 1
    assert err == f"inbrief: {bare}: a web page that announces no feed (no <link rel=alternate>)\n"


def test_unsubscribe_keeps_articles(server: LocalServer, cli: Cli) -> None:
    url = serve_feed(server, "/rss", "rss", feed_items(server, 4, 2), title="Gone soon")
    cli("--subscribe", url)
    status, out, _ = cli("--unsubscribe", url)
    assert (status, out) == (0, "unsubscribed from Gone soon; its 2 articles stay\n")
    assert cli("--feeds")[1] == ""
    rows = [json.loads(line) for line in cli("--list", "--format", "jsonl")[1].splitlines()]
    assert len(rows) == 2 and {row["feed"] for row in rows} == {None}
    status, _, err = cli("--unsubscribe", url)
    assert (status, err) == (1, f"inbrief: {url}: not subscribed\n")


def test_opml_round_trip(tmp_path: Path, cli: Cli) -> None:
    opml = tmp_path / "in.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        '<outline text="Tech"><outline type="rss" text="A &amp; B" xmlUrl="https://a.example/feed"'
        ' htmlUrl="https://a.example/"/></outline>'
        '<outline type="rss" text="C" title="C title" xmlUrl="https://c.example/rss"/>'
        '<outline type="rss" text="bad" xmlUrl="javascript:alert(1)"/>'
        "</body></opml>"
    )
    status, out, _ = cli("--import-opml", str(opml))
    assert (status, out) == (0, "2 feeds in the file, 2 new; inbrief --refresh fetches them\n")
    exported = cli("--export-opml")[1]
    again = tmp_path / "again.opml"
    again.write_text(exported)
    other = Cli(tmp_path / "other.sqlite3", cli.capsys)
    other("--import-opml", str(again))
    assert other("--export-opml")[1].split("<body>")[1] == exported.split("<body>")[1]
    feeds = {f["url"]: f["title"] for f in json.loads(other("--feeds", "--format", "json")[1])}
    assert feeds == {"https://a.example/feed": "A & B", "https://c.example/rss": "C title"}


def test_argument_rules(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--feeds", "--format", "jsonl"])
    with pytest.raises(SystemExit):
        main(["--unread"])
    assert "--format" in capsys.readouterr().err


def test_list_is_newest_published_first_then_undated_newest_added(tmp_path: Path) -> None:
    """``--list`` says "newest first": by publication date (the reader's date sort), undated
    articles after the dated ones; the order holds across the pages the listing reads."""

    def article(n: int, published: str | None) -> Article:
        body = Block(BlockKind.PARAGRAPH, [f"Article number {n} says something of its own."])
        return Article(f"Story {n}", [Section("", 0, [body])], published=published)

    dates = {1: "2026-11-20T08:00:00+00:00", 2: None, 3: "2026-11-22T08:00:00+00:00",
             4: "2026-11-21", 5: None, 6: "2026-11-22T08:00:00+00:00", 7: "2025-01-01"}  # fmt: skip
    library = open_library(tmp_path / "lib.db")
    try:
        for n, published in dates.items():  # one at a time: each its own added time
            library.add([article(n, published)])
        for page in (1, 2, 3, 500):
            titles = [row.title for row in library.listing(page=page)]
            assert titles == [f"Story {n}" for n in (6, 3, 4, 1, 7, 5, 2)], page
        library.mark_read(next(r.id for r in library.listing() if r.title == "Story 3"))
        unread = [row.title for row in library.listing(unread_only=True, page=2)]
        assert unread == [f"Story {n}" for n in (6, 4, 1, 7, 5, 2)]
    finally:
        library.close()
