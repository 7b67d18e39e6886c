"""Fetching defends itself: status codes, content types, sizes, redirects, slow servers."""

from __future__ import annotations

import socket
import time
from http.server import BaseHTTPRequestHandler

import pytest

from inbrief.errors import InbriefError
from inbrief.fetch import FetchLimits, fetch
from tests.conftest import LocalServer, Route

FAST = FetchLimits(connect_timeout=2, read_timeout=1, total_timeout=3, max_bytes=100_000)


def _error(url: str, limits: FetchLimits = FAST) -> str:
    with pytest.raises(InbriefError) as info:
        fetch(url, limits)
    return info.value.reason


def test_status_codes(server: LocalServer) -> None:
    assert _error(server.url("/missing")) == "HTTP 404 Not Found"
    url = server.add("/boom", Route(status=500, body=b"oops"))
    assert _error(url) == "HTTP 500 Internal Server Error"


def test_non_html_content_is_refused(server: LocalServer) -> None:
    pdf = server.add("/a.pdf", Route(body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"}))
    assert _error(pdf) == "not an article: the server sent application/pdf"
    png = server.add("/a.png", Route(body=b"\x89PNG", headers={"Content-Type": "image/png"}))
    assert _error(png) == "not an article: the server sent image/png"


def test_redirect_loop_and_file_redirect(server: LocalServer) -> None:
    loop = server.add("/loop", Route(status=302, headers={"Location": "/loop"}))
    assert _error(loop) == "HTTP 302 Found: a redirect to itself"
    sneaky = server.add("/sneaky", Route(status=302, headers={"Location": "file:///etc/passwd"}))
    assert _error(sneaky) == "refusing to fetch a file: URL"


def test_declared_and_actual_size_caps(server: LocalServer) -> None:
    def huge_declared(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(10 * 1024**3))
        handler.end_headers()

    url = server.add("/huge", Route(handler=huge_declared))
    assert _error(url).startswith("too large: 10,737,418,240 bytes")

    def undeclared(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()  # no Content-Length: the body ends when the connection closes
        for _ in range(50):
            handler.wfile.write(b"<p>" + b"a" * 10_000)

    big = server.add("/big", Route(handler=undeclared))
    assert _error(big) == "too large: more than 100,000 bytes"


def test_server_that_never_answers(server: LocalServer) -> None:
    def silent(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(3)

    url = server.add("/silent", Route(handler=silent))
    started = time.monotonic()
    assert _error(url) == "timed out waiting for the server"
    assert time.monotonic() - started < 2.5


def test_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # What happened in words, not the C library's "[Errno 111] Connection refused".
    assert _error(f"http://127.0.0.1:{port}/") == (
        "cannot connect: connection refused (no server answers at that address and port)"
    )


def test_invalid_urls() -> None:
    assert _error("http://").startswith("invalid URL")
    assert _error("javascript:alert(1)") == "refusing to fetch a javascript: URL"


def test_success_reports_final_url_and_charset(server: LocalServer) -> None:
    url = server.add(
        "/ok",
        Route(
            body="<p>héllo</p>".encode("latin-1"),
            headers={"Content-Type": "text/html; charset=ISO-8859-1"},
        ),
    )
    fetched = fetch(url, FAST)
    assert (fetched.charset or "").lower() == "iso-8859-1"
    assert fetched.data == "<p>héllo</p>".encode("latin-1")


def test_dns_failure_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """No real lookup (tests stay off the network): the resolver's error is simulated."""
    import httpx

    def fail(self: httpx.Client, method: str, url: str, **kwargs: object) -> None:
        raise httpx.ConnectError("[Errno -2] Name or service not known")

    monkeypatch.setattr(httpx.Client, "stream", fail)
    assert _error("http://no-such-host.invalid/") == "cannot connect: host name not found (DNS)"


def test_headers_too_large_to_read_are_named(server: LocalServer) -> None:
    def flood(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        for n in range(3000):  # 300 kB
            handler.send_header(f"X-Filler-{n}", "a" * 100)
        try:
            handler.end_headers()
            handler.wfile.write(b"<p>never read</p>")
        except OSError:  # the client hangs up once the head is over its cap
            pass

    url = server.add("/flood", Route(handler=flood))
    assert _error(url) == "fetch failed: the server's headers are too large"
