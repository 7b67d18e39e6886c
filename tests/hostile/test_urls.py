"""Hostile servers on 127.0.0.1: each gives a one-line reason, in bounded time and memory."""

from __future__ import annotations

import gzip
import subprocess
import sys
import time
import zlib
from http.server import BaseHTTPRequestHandler

import pytest

from inbrief.errors import InbriefError
from inbrief.fetch import FetchLimits
from inbrief.ingest import load_articles
from tests.conftest import LocalServer, Route
from tests.hostile.corpus import article_html

LIMITS = FetchLimits(connect_timeout=2, read_timeout=1, total_timeout=3, max_bytes=1_000_000)


def _reason(url: str) -> str:
    started = time.monotonic()
    with pytest.raises(InbriefError) as info:
        load_articles(url, LIMITS)
    assert time.monotonic() - started < 6
    assert str(info.value).startswith(f"{url}: ")
    return info.value.reason


def _headers_then(
    body: bytes | None, headers: dict[str, str], forever: bool = False, trickle: bool = False
):  # type: ignore[no-untyped-def]
    def handler(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        for key, value in headers.items():
            request.send_header(key, value)
        request.end_headers()
        try:
            if body:
                request.wfile.write(body)
            while forever:
                request.wfile.write(b"<p>" + b"more " * 2000 + b"</p>")
            while trickle:
                request.wfile.write(b"a")
                request.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass

    return handler


def test_not_found_and_server_error(server: LocalServer) -> None:
    assert _reason(server.url("/nothing")) == "HTTP 404 Not Found"
    assert _reason(server.add("/500", Route(status=500))) == "HTTP 500 Internal Server Error"


def test_server_that_never_answers(server: LocalServer) -> None:
    url = server.add("/sleep", Route(handler=lambda request: time.sleep(4)))
    assert _reason(url) == "timed out waiting for the server"


def test_redirect_loop_and_redirect_to_file(server: LocalServer) -> None:
    self_loop = server.add("/a", Route(status=302, headers={"Location": "/a"}))
    assert _reason(self_loop) == "HTTP 302 Found: a redirect to itself"
    server.add("/b", Route(status=302, headers={"Location": "/c"}))
    assert _reason(server.add("/c", Route(status=302, headers={"Location": "/b"}))).startswith(
        "too many redirects"
    )
    url = server.add("/f", Route(status=301, headers={"Location": "file:///etc/passwd"}))
    assert _reason(url) == "refusing to fetch a file: URL"


def test_ten_gigabyte_content_length(server: LocalServer) -> None:
    handler = _headers_then(
        None, {"Content-Type": "text/html", "Content-Length": str(10 * 1024**3)}
    )
    assert _reason(server.add("/10g", Route(handler=handler))).startswith("too large")


def test_body_that_never_ends(server: LocalServer) -> None:
    fast = _headers_then(b"<html><body>", {"Content-Type": "text/html"}, forever=True)
    assert _reason(server.add("/endless", Route(handler=fast))).startswith("too large")
    slow = _headers_then(b"<html><body>", {"Content-Type": "text/html"}, trickle=True)
    assert _reason(server.add("/trickle", Route(handler=slow))).startswith("timed out")


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_compression_bombs(server: LocalServer, encoding: str) -> None:
    zeros = b"<p>" + b"\0" * (200 * 1024 * 1024)
    bomb = gzip.compress(zeros, 9) if encoding == "gzip" else zlib.compress(zeros, 9)
    assert len(bomb) < 1_000_000
    handler = _headers_then(bomb, {"Content-Type": "text/html", "Content-Encoding": encoding})
    assert _reason(server.add("/bomb", Route(handler=handler))).startswith("too large")


def test_compressed_page_is_read(server: LocalServer) -> None:
    body = gzip.compress(article_html("Packed").encode())
    handler = _headers_then(body, {"Content-Type": "text/html", "Content-Encoding": "gzip"})
    [article] = load_articles(server.add("/packed", Route(handler=handler)), LIMITS)
    assert article.title == "Packed"


def test_unknown_content_encoding(server: LocalServer) -> None:
    handler = _headers_then(b"xx", {"Content-Type": "text/html", "Content-Encoding": "br"})
    assert _reason(server.add("/br", Route(handler=handler))) == "unsupported content encoding: br"


@pytest.mark.parametrize(
    ("content_type", "body", "reason"),
    [
        ("application/pdf", b"%PDF-1.4 ...", "not an article: the server sent application/pdf"),
        ("image/jpeg", b"\xff\xd8\xff\xe0", "not an article: the server sent image/jpeg"),
        (
            "application/octet-stream",
            b"\x00\x01",
            "not an article: the server sent application/octet-stream",
        ),
        ("text/html", b"%PDF-1.4 mislabelled", "not an article: this is a PDF document"),
    ],
)
def test_non_html_content(server: LocalServer, content_type: str, body: bytes, reason: str) -> None:
    url = server.add("/file", Route(body=body, headers={"Content-Type": content_type}))
    assert _reason(url) == reason


def test_cli_prints_one_line(server: LocalServer) -> None:
    url = server.add("/pdf", Route(body=b"%PDF", headers={"Content-Type": "application/pdf"}))
    result = subprocess.run(
        [sys.executable, "-m", "inbrief", "-s", url], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr == f"inbrief: {url}: not an article: the server sent application/pdf\n"
