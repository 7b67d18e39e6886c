"""Time budgets that hold: a whole fetch, quitting the reader, a pooled batch and its workers.

Issue 16, items 5, 7 and 8: a server trickling its headers ends within the fetch's budget; the
reader quits at once whatever an add is waiting on; Ctrl-C ends a pooled batch cleanly with
exit status 130 and the workers die with their parent; the pool is sized to the work.
"""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from inbrief import batch
from inbrief.errors import InbriefError
from inbrief.fetch import FetchLimits, fetch
from tests.conftest import ROOT, LocalServer, Route

HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n"


class Trickle:
    """A server route sending its status line and headers one byte every ``pause`` seconds;
    ``started`` is set when a client is being served, ``closed`` holds when it hung up."""

    def __init__(self, pause: float = 0.5) -> None:
        self.pause = pause
        self.started = threading.Event()
        self.closed: list[float] = []

    def __call__(self, request: BaseHTTPRequestHandler) -> None:
        self.started.set()
        try:
            for byte in HEADERS:
                request.wfile.write(bytes([byte]))
                request.wfile.flush()
                time.sleep(self.pause)
        except OSError:
            self.closed.append(time.monotonic())
        request.close_connection = True

    def wait_closed(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while not self.closed and time.monotonic() < deadline:
            time.sleep(0.05)
        return bool(self.closed)


def test_trickled_headers_end_within_the_total_budget(server: LocalServer) -> None:
    url = server.add("/slow", Route(handler=Trickle()))
    limits = FetchLimits(connect_timeout=2, read_timeout=2, total_timeout=3)
    started = time.monotonic()
    with pytest.raises(InbriefError) as info:
        fetch(url, limits)  # every byte comes within the read timeout: only the total trips
    assert time.monotonic() - started < 5
    assert info.value.reason == "timed out: no full answer within 3 s"


def test_a_fetch_can_be_cancelled(server: LocalServer) -> None:
    trickle = Trickle()
    url = server.add("/slow", Route(handler=trickle))
    stop = threading.Event()

    def cancel_once_served() -> None:
        trickle.started.wait(30)
        time.sleep(0.3)
        stop.set()

    threading.Thread(target=cancel_once_served, daemon=True).start()
    with pytest.raises(InbriefError) as info:
        fetch(url, cancelled=stop.is_set)
    assert info.value.reason == "cancelled"
    assert trickle.wait_closed(3), "the connection was left open"


@pytest.mark.asyncio
async def test_quitting_the_reader_cancels_a_slow_add(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.tui_support import isolate, make_app, seeded_library

    trickle = Trickle(pause=0.3)
    url = server.add("/slow", Route(handler=trickle))
    isolate(monkeypatch, tmp_path)
    app = make_app(seeded_library(tmp_path, seed=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", *url, "enter")
        while not trickle.started.is_set():
            await pilot.pause(0.1)
        await pilot.pause(0.5)
        assert not trickle.closed  # still adding: the server is still sending headers
        quit_at = time.monotonic()
        await pilot.press("q")
    # Left the app; the add's fetch saw the cancellation and hung up, far within its budget.
    assert trickle.wait_closed(5) and trickle.closed[0] - quit_at < 2


@pytest.mark.asyncio
async def test_a_fifo_is_refused_without_blocking(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.tui_support import isolate, make_app, seeded_library

    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    isolate(monkeypatch, tmp_path)
    app = make_app(seeded_library(tmp_path, seed=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", *str(fifo), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = [str(n.message) for n in app._notifications]
        assert any("not a regular file but a FIFO" in text for text in shown), shown


def _pooled_batch(tmp_path: Path) -> list[str]:
    """Just enough small sources for the CLI to choose a pool: many quick tasks, the case in
    which the former pool hung on Ctrl-C with worker tracebacks."""
    paths = []
    for n in range(batch.POOL_MIN_WORK // batch.FILE_COST + 50):
        path = tmp_path / f"note-{n}.txt"
        path.write_text(f"Note {n}\n\nThe harbour opened at dawn. The boats left at noon.")
        paths.append(str(path))
    assert batch.pool_size(paths) > 1
    return paths


def _start(paths: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "inbrief", "-s", "-f", "jsonl", *paths],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        start_new_session=True,  # its own process group, as a shell gives a foreground job
    )


def _children(pid: int) -> list[int]:
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as children:
            found += [int(child) for child in children.read().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


needs_pool = pytest.mark.skipif(
    batch.default_jobs() < 2 or not sys.platform.startswith("linux"),
    reason="needs two cores and /proc",
)


@needs_pool
def test_one_ctrl_c_ends_a_pooled_batch_cleanly(tmp_path: Path) -> None:
    process = _start(_pooled_batch(tmp_path))
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()  # the pool is running
    workers = _children(process.pid)
    assert workers
    os.killpg(process.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    started = time.monotonic()
    assert process.wait(timeout=20) == 130
    assert time.monotonic() - started < 10
    err = process.stderr.read().decode()
    assert "Traceback" not in err and "Error" not in err, err
    time.sleep(0.5)
    assert not any(_alive(worker) for worker in workers)


@needs_pool
def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    process = _start(_pooled_batch(tmp_path))
    assert process.stdout is not None
    process.stdout.readline()
    workers = _children(process.pid)
    assert workers
    process.kill()
    process.wait(timeout=10)
    deadline = time.monotonic() + 5
    while any(_alive(worker) for worker in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(worker) for worker in workers)


def test_pool_is_sized_to_the_work(tmp_path: Path) -> None:
    cores = batch.default_jobs()
    small = []
    for n in range(100):
        path = tmp_path / f"small-{n}.txt"
        path.write_text(f"Note {n}\n\nThe harbour opened at dawn.")
        small.append(str(path))
    missing = [str(tmp_path / f"gone-{n}") for n in range(10_000)]
    assert batch.pool_size(small) == 1  # little work: one process is faster
    assert batch.pool_size(small * 3) == min(cores, 300)
    assert batch.pool_size(missing) == 1
    assert batch.pool_size(["https://a.example/"] * 20, jobs=300) == min(cores, 20)
    assert batch.pool_size(["https://a.example/"] * 20, jobs=1) == 1


def _pid_and_source(source: str) -> tuple[int, str]:
    return os.getpid(), source


@needs_pool
def test_forced_pool_keeps_order_and_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "POOL_MIN_WORK", 0)
    monkeypatch.setattr(batch, "warm_up", lambda: None)
    sources = [f"https://a.example/{n}" for n in range(400)]
    results = list(batch.map_in_order(_pid_and_source, sources, jobs=300))
    assert [source for _, source in results] == sources
    pids = [pid for pid, _ in results]
    assert len(set(pids)) <= batch.default_jobs()  # -j 300 does not fork 300
    runs = sum(1 for a, b in itertools.pairwise(pids) if a != b) + 1
    assert runs <= len(sources) // 10  # consecutive sources share a worker: chunks
