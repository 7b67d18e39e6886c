"""Refreshes in real processes: killed with SIGKILL half-way, or two at once on one library."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from benchmarks._timing import descendants
from benchmarks.feed_documents import Item, article_page, make_items, rss
from inbrief.library import open_library
from inbrief.wording import counted
from tests.conftest import ROOT, LocalServer, Route
from tests.feeds.support import ConditionalFeed, answer, serve_feed


def _inbrief(library: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "inbrief", "--library", str(library), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _slow_pages(server: LocalServer, items: list[Item], delay: float) -> None:
    for item in items:
        body = article_page(item)

        def handler(request: BaseHTTPRequestHandler, body: bytes = body) -> None:
            time.sleep(delay)
            answer(request, body, "text/html")

        server.add(item.link.split(str(server.port), 1)[1], Route(handler=handler))


def _running(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie waiting to be reaped has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _stored(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        except sqlite3.OperationalError:
            return 0


def test_kill_mid_refresh_keeps_every_committed_item(server: LocalServer, tmp_path: Path) -> None:
    items = make_items(server.url(""), 7, 40, teaser_every=1)  # every item needs its page
    _slow_pages(server, items, delay=0.05)
    conditional = ConditionalFeed(rss("Slow", server.url("/"), items))
    url = server.add("/slow.xml", Route(handler=conditional))
    path = tmp_path / "library.sqlite3"
    open_library(path).add_feed(url)
    child = _inbrief(path, "--refresh")
    deadline = time.monotonic() + 60
    while _stored(path) < 5 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
    helpers = descendants(child.pid)  # the fork server and its workers (40 items: a pool)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    stored = _stored(path)
    assert 5 <= stored < 40, "the kill should land mid-refresh"
    if Path("/proc").is_dir():
        assert helpers, "a refresh of 40 items prepares them in worker processes"
        deadline = time.monotonic() + 10
        while any(_running(pid) for pid in helpers):
            assert time.monotonic() < deadline, "worker processes outlived the killed refresh"
            time.sleep(0.05)
    # The resource tracker removes the killed pool's semaphores quietly (it used to warn of
    # "leaked semaphore objects" on the terminal, after the shell's prompt).
    _, err = child.communicate(timeout=30)
    assert "Traceback" not in err and "leaked" not in err, err

    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT id, document, guid, feed_id FROM articles").fetchall()
        indexed = {r[0] for r in conn.execute("SELECT rowid FROM articles_fts")}
        etag = conn.execute("SELECT etag FROM feeds").fetchone()[0]
    assert etag is None  # validators wait for the last item: the next refresh refetches
    by_guid = {item.guid: item for item in items}
    for article_id, document, guid, feed_id in rows:
        assert article_id in indexed and feed_id is not None
        text = "\n".join(
            "\n".join(block.get("items") or [block["text"]])
            for section in json.loads(document)["sections"]
            for block in section["blocks"]
        )
        assert all(p in text for p in by_guid[guid].paragraphs)  # whole items only

    finished = _inbrief(path, "--refresh")
    out, err = finished.communicate(timeout=120)
    assert finished.returncode == 0, err
    assert out.splitlines()[-1].startswith(f"1 feed, {counted(40 - stored, 'new item')},")
    with sqlite3.connect(path) as conn:
        guids = [r[0] for r in conn.execute("SELECT guid FROM articles")]
    assert sorted(guids) == sorted(by_guid)


def test_two_refreshes_at_once_do_not_duplicate(server: LocalServer, tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    library = open_library(path)
    for n in range(4):
        items = make_items(server.url(""), 20 + n, 10, teaser_every=2)
        library.add_feed(serve_feed(server, f"/f{n}.xml", "atom", items))
    library.close()
    first, second = _inbrief(path, "--refresh"), _inbrief(path, "--refresh")
    outputs = [first.communicate(timeout=120), second.communicate(timeout=120)]
    assert first.returncode == 0 and second.returncode == 0, outputs
    totals = [out.splitlines()[-1] for out, _ in outputs]
    new = sum(int(line.split(", ")[1].split()[0]) for line in totals)
    assert new == 40  # each item counted new by exactly one of the two
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT guid) FROM articles").fetchone() == (
            40,
            40,
        )
