"""A public page or feed cannot send inbrief to a private address (a redirect, a meta refresh,
a teaser's link, an announced feed); an address the user gives is fetched wherever it is.

Every server here is on the loopback range; ``127.0.0.1`` stands for the public internet (the
test says so to :mod:`inbrief.address_scope`) and a server on ``127.0.0.2`` for a private
service, which counts the requests that reach it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from benchmarks.feed_documents import make_items, rss
from inbrief import address_scope
from inbrief.errors import InbriefError
from inbrief.feeds.subscribe import subscribe
from inbrief.ingest import load_articles
from inbrief.library import open_library
from tests.conftest import LocalServer, Route
from tests.hostile.corpus import article_html


class PrivateService:
    """A server on 127.0.0.2 that answers every GET with an article and counts them."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits
        page = article_html("Private page").encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.2", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.2:{self.httpd.server_address[1]}"


@pytest.fixture
def private() -> Iterator[PrivateService]:
    service = PrivateService()
    thread = threading.Thread(target=service.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield service
    finally:
        service.httpd.shutdown()


@pytest.fixture
def public_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 counts as a public address, every other one as it really is."""
    real = address_scope.is_public_ip
    monkeypatch.setattr(address_scope, "is_public_ip", lambda ip: ip == "127.0.0.1" or real(ip))


def _redirect(location: str) -> Route:
    return Route(status=302, headers={"Location": location, "Content-Type": "text/html"})


@pytest.mark.usefixtures("public_loopback")
def test_a_public_page_cannot_redirect_to_a_private_address(
    server: LocalServer, private: PrivateService
) -> None:
    url = server.add("/go", _redirect(f"{private.url}/admin?reboot=1"))
    with pytest.raises(InbriefError) as info:
        load_articles(url)
    assert "from a public address to a private one (127.0.0.2)" in info.value.reason
    assert private.hits == []


@pytest.mark.usefixtures("public_loopback")
def test_a_public_page_cannot_send_on_to_a_private_address_by_meta_refresh(
    server: LocalServer, private: PrivateService
) -> None:
    refresh = f'<html><head><meta http-equiv="refresh" content="0; url={private.url}/x"></head>'
    url = server.add("/moved", Route(body=refresh.encode()))
    with pytest.raises(InbriefError, match="to a private one"):
        load_articles(url)
    assert private.hits == []


@pytest.mark.usefixtures("public_loopback")
def test_a_public_feed_cannot_send_teasers_to_a_private_address(
    server: LocalServer, private: PrivateService, tmp_path: Path
) -> None:
    [teaser] = make_items(private.url, 1, 1, teaser_every=1)
    url = server.add("/feed", Route(body=rss("Feed", server.url("/"), [teaser])))
    library = open_library(tmp_path / "library.sqlite3")
    try:
        report = subscribe(library, url).report
    finally:
        library.close()
    assert report.new == 1  # the teaser's own text
    assert [problem.split(": ", 1)[1] for problem in report.item_errors] == [
        "refusing to go from a public address to a private one (127.0.0.2)"
    ]
    assert private.hits == []


def test_an_address_the_user_gives_is_fetched_wherever_it_is(
    server: LocalServer, private: PrivateService
) -> None:
    """Without the test's say-so 127.0.0.1 is private too: a private page may redirect to
    another private one (an intranet), and a private address given directly is read."""
    url = server.add("/go", _redirect(f"{private.url}/page"))
    assert load_articles(url)[0].title == "Private page"
    assert load_articles(f"{private.url}/direct")[0].title == "Private page"
    assert private.hits == ["/page", "/direct"]


def test_what_counts_as_public() -> None:
    public = ["93.184.215.14", "2606:4700::6810:84e5"]
    private = ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.4", "169.254.169.254"]
    private += ["100.64.0.1", "::1", "fe80::1%eth0", "fd00::1", "::ffff:192.168.0.1", "0.0.0.0"]
    assert all(address_scope.is_public_ip(ip) for ip in public)
    assert not any(address_scope.is_public_ip(ip) for ip in private)


@pytest.mark.usefixtures("public_loopback")
def test_a_public_page_cannot_announce_a_private_feed(
    server: LocalServer, private: PrivateService, tmp_path: Path
) -> None:
    page = (
        f'<html><head><link rel="alternate" type="application/rss+xml" href="{private.url}/feed">'
    )
    url = server.add("/page", Route(body=page.encode()))
    library = open_library(tmp_path / "library.sqlite3")
    try:
        with pytest.raises(InbriefError, match="to a private one"):
            subscribe(library, url)
    finally:
        library.close()
    assert private.hits == []
