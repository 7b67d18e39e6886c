"""Subscriptions at scale, served locally (figures, not timed tests).

    .venv/bin/python -m benchmarks.feeds            # every figure (several minutes)
    .venv/bin/python -m benchmarks.feeds --quick    # tiny sizes, to check it runs

1. Refresh of ``--feeds`` feeds x ``--items`` items, half of them teasers whose text only their
   page has, against the same refresh one request at a time. The feeds live on ``--hosts``
   loopback addresses (127.0.0.2, 127.0.0.3, ...: each a host, so the per-host limit applies as
   it would on the web) and every response waits ``--latency`` seconds first, standing in for
   the network round trip and the server's time; the same pair of runs follows without any
   latency, and both figures are printed. Every run goes into a fresh library; "one at a
   time" is one feed, one page and one process at a time.
2. A second refresh with nothing new (every feed answers 304), without added latency.
3. A library of 100,000 articles from 1,000 feeds: opening the list, filtering it by a feed,
   and the feed picker's counts.
4. Peak memory (RSS from /proc, of the process alone and with its worker processes) of
   ``inbrief --refresh`` on one feed of 100,000 items.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sqlite3
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path

from benchmarks._timing import tree_memory
from benchmarks.feed_documents import CONTENT_TYPES, FORMATS, article_page, make_items
from benchmarks.library_scale import SCREEN_PAGE, best_time, generated_article
from inbrief.feeds.refresh import RefreshOptions, refresh_feeds
from inbrief.library import Query, open_library


class Sites:
    """One HTTP server per loopback host, serving path -> (body, content type) with a delay.

    The servers run in a process of their own once :meth:`start` is called (add every route
    first), as a feed host does: their work is not the client's, and in one process they would
    share its interpreter lock with the refresh being measured.
    """

    def __init__(self, hosts: int, latency: float) -> None:
        self._context = multiprocessing.get_context("fork")
        self._latency = self._context.Value("d", latency, lock=False)
        self.routes: dict[tuple[str, str], tuple[bytes, str]] = {}
        self.servers: list[ThreadingHTTPServer] = []
        self._process: multiprocessing.process.BaseProcess | None = None
        for n in range(hosts):
            server = ThreadingHTTPServer((f"127.0.0.{n + 2}", 0), self._handler())
            server.daemon_threads = True
            self.servers.append(server)

    @property
    def latency(self) -> float:
        """Seconds each response waits first (changeable while the servers run)."""
        return float(self._latency.value)

    @latency.setter
    def latency(self, seconds: float) -> None:
        self._latency.value = seconds

    def base(self, n: int) -> str:
        host, port = self.servers[n % len(self.servers)].server_address[:2]
        return f"http://{host!s}:{port}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        sites = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                time.sleep(sites.latency)
                host = self.headers.get("Host", "")
                body, kind = sites.routes.get((host, self.path), (b"", ""))
                etag = f'"{hash(body)}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200 if kind else 404)
                self.send_header("Content-Type", kind or "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler

    def add(self, url: str, body: bytes, kind: str) -> None:
        host_and_path = url.split("://", 1)[1]
        host, _, path = host_and_path.partition("/")
        self.routes[(host, "/" + path)] = (body, kind)

    def start(self) -> None:
        """Serve every route added so far, from a process of their own."""
        self._process = self._context.Process(target=self._serve, daemon=True)
        self._process.start()

    def _serve(self) -> None:
        for server in self.servers[1:]:
            threading.Thread(target=server.serve_forever, daemon=True).start()
        self.servers[0].serve_forever()

    def close(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.join()
        for server in self.servers:
            server.server_close()


def _serve_feeds(sites: Sites, feeds: int, items: int) -> list[str]:
    """``feeds`` feeds in turn RSS, Atom and JSON Feed, half of each one's items teasers."""
    kinds = ("rss", "atom", "json")
    urls = []
    for n in range(feeds):
        base, kind = sites.base(n), kinds[n % len(kinds)]
        generated = make_items(base, n, items, teaser_every=2)
        for item in generated:
            sites.add(item.link, article_page(item), "text/html")
        url = f"{base}/feed/{n}"
        sites.add(url, FORMATS[kind](f"Feed {n}", base + "/", generated), CONTENT_TYPES[kind])
        urls.append(url)
    return urls


def _refresh_into(folder: Path, name: str, urls: list[str], options: RefreshOptions) -> float:
    library = open_library(folder / f"{name}.sqlite3")
    for url in urls:
        library.add_feed(url)
    started = time.perf_counter()
    reports = refresh_feeds(library, options=options)
    elapsed = time.perf_counter() - started
    failed = [r for r in reports if r.error or r.item_errors]
    if failed:
        raise SystemExit(f"{name}: {failed[0].url}: {failed[0].error or failed[0].item_errors}")
    library.close()
    return elapsed


def refresh_figures(folder: Path, feeds: int, items: int, hosts: int, latency: float) -> None:
    sites = Sites(hosts, latency)
    try:
        urls = _serve_feeds(sites, feeds, items)
        sites.start()
        total = feeds * items
        # Warm up (imports, the summarizer's models, readability) so neither run pays for it.
        _refresh_into(folder, "warm-up", urls[:3], RefreshOptions())
        print(f"refresh of {feeds} feeds x {items} items (half teasers), {hosts} hosts:")
        # With the latency standing in for the network, then without any: a local server
        # answers at once, which no feed host does, so the first is the figure that counts;
        # the second shows what is left when only CPU work remains.
        for delay in dict.fromkeys((latency, 0.0)):
            sites.latency = delay
            concurrent = _refresh_into(folder, f"concurrent-{delay}", urls, RefreshOptions())
            one_by_one = RefreshOptions(feed_workers=1, page_workers=1, per_host=1, processes=1)
            serial = _refresh_into(folder, f"serial-{delay}", urls, one_by_one)
            print(f"  {delay * 1000:.0f} ms per response:")
            print(f"    concurrent    {concurrent:6.1f} s  {total / concurrent:6.1f} items/s")
            print(f"    one at a time {serial:6.1f} s  {total / serial:6.1f} items/s")
            print(f"    ratio {concurrent / serial:.2f} (target <= 0.3)")

        sites.latency = 0.0
        library = open_library(folder / f"concurrent-{latency}.sqlite3")
        started = time.perf_counter()
        reports = refresh_feeds(library)
        again = time.perf_counter() - started
        unchanged = sum(r.not_modified for r in reports)
        print(
            f"second refresh, nothing new: {again:.2f} s for {feeds} feeds"
            f" ({unchanged} answered 304; target < 1 s)"
        )
        library.close()
    finally:
        sites.close()


#: Rows ``--list`` reads from the library at a time.
LIST_PAGE = 500


def library_figures(folder: Path, articles: int, feeds: int) -> None:
    import random

    path = folder / "big.sqlite3"
    library = open_library(path)
    rng = random.Random(1)
    for first in range(0, articles, 1000):
        library.add(generated_article(n, rng) for n in range(first, min(articles, first + 1000)))
    for n in range(feeds):
        library.add_feed(f"https://feeds{n}.example/rss", f"Feed {n}")
    with sqlite3.connect(path) as conn:  # every article to a feed, as a refresh would
        conn.execute("UPDATE articles SET feed_id = 1 + id % ?, guid = id", (feeds,))
    library.close()
    library = open_library(path)
    feed = library.feed(f"https://feeds{feeds // 2}.example/rss")
    assert feed is not None

    def open_list() -> None:
        library.count()
        library.page(Query(), limit=SCREEN_PAGE)

    def by_feed() -> None:
        spec = Query(feed_id=feed.id)
        library.count(spec)
        library.page(spec, limit=SCREEN_PAGE)

    def by_feed_unread() -> None:
        spec = Query(feed_id=feed.id, unread_only=True)
        library.count(spec)
        library.page(spec, limit=SCREEN_PAGE)

    print(f"library of {articles:,} articles from {feeds:,} feeds (best of 5; target < 50 ms):")
    print(f"  open the list          {best_time(open_list) * 1000:6.1f} ms")
    print(f"  filter by a feed       {best_time(by_feed) * 1000:6.1f} ms")
    print(f"  feed, unread only      {best_time(by_feed_unread) * 1000:6.1f} ms")
    print(f"  feed picker (counts)   {best_time(library.feeds) * 1000:6.1f} ms")
    first = best_time(lambda: list(islice(library.listing(), LIST_PAGE)))
    print(f"  --list, first {LIST_PAGE} rows  {first * 1000:6.1f} ms")
    whole = best_time(lambda: sum(1 for _ in library.listing(unread_only=True)), repeat=1)
    print(f"  --list --unread, all   {whole * 1000:6.1f} ms")
    library.close()


def memory_figure(folder: Path, items: int) -> None:
    sites = Sites(1, 0.0)
    try:
        entries = b"".join(
            b"<item><title>Item %d</title><guid>g%d</guid><description>Short news item"
            b" number %d of a very long feed.</description></item>" % (n, n, n)
            for n in range(items)
        )
        body = b"<rss version='2.0'><channel><title>Huge</title>" + entries + b"</channel></rss>"
        url = f"{sites.base(0)}/huge.xml"
        sites.add(url, body, "application/rss+xml")
        sites.start()
        path = folder / "huge.sqlite3"
        open_library(path).add_feed(url)
        elapsed, own, tree = tree_memory(
            [sys.executable, "-m", "inbrief", "--library", str(path), "--refresh"]
        )
        _, baseline, _ = tree_memory(
            [sys.executable, "-m", "inbrief", "--library", str(folder / "none.sqlite3"), "--feeds"]
        )
        print(
            f"refresh of one {len(body) / 2**20:.1f} MiB feed of {items:,} items:"
            f" peak RSS {own / 1024:.0f} MiB, {tree / 1024:.0f} MiB with its worker processes,"
            f" in {elapsed:.1f} s (inbrief --feeds alone: {baseline / 1024:.0f} MiB)"
        )
    finally:
        sites.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--hosts", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds per response")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to check it runs")
    parser.add_argument("--only", default="refresh,library,memory")
    args = parser.parse_args()
    if args.quick:
        args.feeds, args.items, args.hosts, args.latency = 6, 4, 3, 0.01
    only = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="inbrief-feeds-") as name:
        folder = Path(name)
        if "refresh" in only:
            refresh_figures(folder, args.feeds, args.items, args.hosts, args.latency)
        if "library" in only:
            library_figures(folder, 2_000 if args.quick else 100_000, 20 if args.quick else 1_000)
        if "memory" in only:
            memory_figure(folder, 1_000 if args.quick else 100_000)


if __name__ == "__main__":
    main()
