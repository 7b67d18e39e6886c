"""Serving generated feeds and their pages from the test's own HTTP server on 127.0.0.1."""

from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler

from benchmarks.feed_documents import CONTENT_TYPES, FORMATS, Item, article_page, make_items
from tests.conftest import LocalServer, Route


def serve_pages(server: LocalServer, items: list[Item]) -> None:
    """Each item's web page at its link."""
    for item in items:
        server.add(item.link.split(str(server.port), 1)[1], Route(body=article_page(item)))


def serve_feed(
    server: LocalServer,
    path: str,
    kind: str,
    items: list[Item],
    title: str = "Test Feed",
) -> str:
    """The feed of ``items`` in format ``kind`` at ``path``, with its pages; the feed's URL."""
    body = FORMATS[kind](title, server.url("/"), items)
    serve_pages(server, items)
    return server.add(path, Route(body=body, headers={"Content-Type": CONTENT_TYPES[kind]}))


def answer(
    handler: BaseHTTPRequestHandler,
    body: bytes,
    content_type: str,
    headers: dict[str, str] | None = None,
) -> None:
    """Send ``body`` as a whole 200 answer (for route handlers that wait or count first)."""
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def feed_items(server: LocalServer, seed: int, count: int, teaser_every: int = 0) -> list[Item]:
    return make_items(server.url(""), seed, count, teaser_every)


class ConditionalFeed:
    """A feed served with an ETag and Last-Modified that answers 304 to matching validators,
    recording what each request sent."""

    def __init__(self, body: bytes, content_type: str = "application/rss+xml") -> None:
        self.body = body
        self.content_type = content_type
        self.etag = '"v1"'
        self.last_modified = "Fri, 20 Nov 2026 10:00:00 GMT"
        self.requests: list[dict[str, str]] = []
        self.lock = threading.Lock()

    def __call__(self, handler: BaseHTTPRequestHandler) -> None:
        sent = {k.lower(): v for k, v in handler.headers.items()}
        with self.lock:
            self.requests.append(sent)
        if sent.get("if-none-match") == self.etag:
            handler.send_response(304)
            handler.send_header("ETag", self.etag)
            handler.end_headers()
            return
        validators = {"ETag": self.etag, "Last-Modified": self.last_modified}
        answer(handler, self.body, self.content_type, validators)


def dies_on(parent: int, bad: int, value: int) -> tuple[int, int]:
    """``value`` and the id of the process that worked on it; given ``bad``, a worker process
    dies on the spot, as one whose page crashed the parser would (process ``parent``, the
    test's own, answers instead, so that a test sees work redone there)."""
    if value == bad and os.getpid() != parent:
        os._exit(3)
    return value, os.getpid()
