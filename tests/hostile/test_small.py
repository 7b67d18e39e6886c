"""Small hostile cases with one-line reasons: odd 3xx statuses, unwritable output, charsets
that are no charsets, huge JSON numbers, binary behind an HTML start. Issue 16, items 13, 14,
16 and 17 (binary)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inbrief.errors import InbriefError
from inbrief.fetch import FetchLimits
from inbrief.ingest import load_articles
from tests.conftest import SEED_JSON, LocalServer, Route
from tests.hostile.corpus import BODY_SENTENCES, article_html

LIMITS = FetchLimits(connect_timeout=2, read_timeout=2, total_timeout=5, max_bytes=1_000_000)


def _reason(url: str) -> str:
    with pytest.raises(InbriefError) as info:
        load_articles(url, LIMITS)
    return info.value.reason


@pytest.mark.parametrize(
    ("status", "headers", "reason"),
    [
        (300, {}, "HTTP 300 Multiple Choices: the server sent no page and no single place to go"),
        (304, {}, "HTTP 304 Not Modified: the server sent no page (nothing was cached to reuse)"),
        (302, {}, "HTTP 302 Found: a redirect without a Location"),
        (307, {"Location": "  "}, "HTTP 307 Temporary Redirect: a redirect without a Location"),
    ],
)
def test_3xx_without_a_place_to_go_is_reported_at_once(
    server: LocalServer, status: int, headers: dict[str, str], reason: str
) -> None:
    hits: list[int] = []

    def handler(request):  # type: ignore[no-untyped-def]
        hits.append(1)
        request.send_response(status)
        for key, value in headers.items():
            request.send_header(key, value)
        request.send_header("Content-Length", "0")
        request.end_headers()

    assert _reason(server.add("/x", Route(handler=handler))) == reason
    assert len(hits) == 1  # not six fetches of the same URL


def _oneshot(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "inbrief", "-s", *args], capture_output=True, timeout=120
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_on_stdout_is_one_line() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "inbrief", "-s", str(SEED_JSON)],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    assert result.returncode == 1
    assert result.stderr == b"inbrief: cannot write the output: No space left on device\n"


_CLOSE_THEN_RUN = (
    "import os, runpy, sys; os.close(1); sys.argv = ['inbrief', '-s', sys.argv[1]]; "
    "runpy.run_module('inbrief', run_name='__main__')"
)


@pytest.mark.parametrize(
    ("command", "reason"),
    [
        ('exec "$0" -m inbrief -s "$1" >&-', "standard output is closed"),
        # closed after start: Python has a stdout object whose descriptor is gone
        (f'exec "$0" -c "{_CLOSE_THEN_RUN}" "$1"', "cannot write the output: Bad file descriptor"),
    ],
    ids=["closed at start", "closed after start"],
)
def test_closed_stdout_is_one_line(command: str, reason: str) -> None:
    result = subprocess.run(
        ["sh", "-c", command, sys.executable, str(SEED_JSON)],
        stderr=subprocess.PIPE,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr == f"inbrief: {reason}\n".encode()


def test_closed_pipe_stays_silent() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "inbrief", "-x", str(SEED_JSON)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    assert process.stderr.read() == b""
    assert process.wait(timeout=60) == 0


@pytest.mark.parametrize(
    "charset", ["rot13", "base64", "zlib", "uu", "hex", "idna", "punycode", "utf-7"]
)
def test_charset_that_is_no_charset(server: LocalServer, charset: str) -> None:
    body = article_html("Plain").encode()
    url = server.add(
        "/c", Route(body=body, headers={"Content-Type": f"text/html; charset={charset}"})
    )
    assert _reason(url) == f"unsupported charset '{charset}'"


def test_unknown_charset_name_is_ignored_like_browsers_do(server: LocalServer) -> None:
    body = article_html("Plain").encode()
    url = server.add("/c", Route(body=body, headers={"Content-Type": "text/html; charset=x-nope"}))
    [article] = load_articles(url, LIMITS)
    assert article.title == "Plain"


def test_json_number_over_4300_digits(tmp_path: Path) -> None:
    post = {"title": {"rendered": "Huge id"}, "content": {"rendered": f"<p>{BODY_SENTENCES}</p>"}}
    path = tmp_path / "post.json"
    path.write_text(json.dumps(post)[:-1] + ', "id": ' + "9" * 5000 + "}")
    [article] = load_articles(str(path))
    assert article.title == "Huge id"


@pytest.mark.parametrize("nuls", [2, 16, 40])
def test_html_start_then_binary(tmp_path: Path, nuls: int) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"<html>" + b"\0" * nuls + b"\xff\xfe" * 2000)
    started = time.monotonic()
    result = _oneshot(str(path))
    assert time.monotonic() - started < 60
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr == f"inbrief: {path}: not an article: this is binary data\n".encode()
