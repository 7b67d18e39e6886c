"""An article piped into the reader (``curl -s URL | inbrief -``): the article is added and
shown, and the keys come from the terminal, as ``less`` does with a pipe.

Run for real: the reader in a pseudo-terminal of its own (its controlling terminal, as in a
user's shell) with its standard input a pipe carrying the article.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.conftest import SEED_JSON

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pty")


def _read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:  # the reader ended and closed the terminal
                break
    return seen


def _reader_with_piped_input(tmp_path: Path, data: bytes) -> tuple[int, int]:
    """Start ``inbrief -`` in its own pseudo-terminal with ``data`` on a pipe as its standard
    input; returns the pid and the terminal's master end."""
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "INBRIEF_LIBRARY": str(tmp_path / "library.sqlite3"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop("NO_COLOR", None)
    read_end, write_end = os.pipe()
    pid, master = pty.fork()
    if pid == 0:  # the child: the pty is its terminal, the pipe its standard input
        os.dup2(read_end, 0)
        os.close(read_end)
        os.close(write_end)
        os.execve(sys.executable, [sys.executable, "-m", "inbrief", "-"], env)
    os.close(read_end)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    os.write(write_end, data)
    os.close(write_end)
    return pid, master


def test_piped_article_is_added_and_keys_come_from_the_terminal(tmp_path: Path) -> None:
    pid, master = _reader_with_piped_input(tmp_path, SEED_JSON.read_bytes())
    status = None
    try:
        screen = _read_until(master, b"takeaways", 30)  # the reader opened it, summary pane
        assert b"takeaways" in screen, screen[-2000:]
        os.write(master, b"q")  # from the article back to the library
        time.sleep(0.5)
        os.write(master, b"q")  # and out
        _read_until(master, b"\x00never", 10)  # until the reader closes its terminal
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(master)
        if status is None:  # a failed check above: end the reader
            os.kill(pid, 9)
            os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    with sqlite3.connect(tmp_path / "library.sqlite3") as conn:
        titles = [row[0] for row in conn.execute("SELECT title FROM articles")]
    assert titles == ["No path to peace: Five key takeaways from Xi and Putin’s talks in Moscow"]


def test_dash_with_nothing_piped_or_no_terminal_is_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "INBRIEF_LIBRARY": str(tmp_path / "library.sqlite3")}
    # No controlling terminal (a new session): nowhere to read keys from.
    done = subprocess.run(
        [sys.executable, "-m", "inbrief", "-"],
        input=b"Title\n\nSome text.",
        capture_output=True,
        env=env,
        start_new_session=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "inbrief: the reader needs a terminal for its keys; for piped text use inbrief --summary -"
    ]
    # Standard input is the terminal itself: nothing piped.
    pid, master = pty.fork()
    if pid == 0:
        os.execve(sys.executable, [sys.executable, "-m", "inbrief", "-"], env)
    try:
        said = _read_until(master, b"--summary -", 30)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(master)
    assert os.waitstatus_to_exitcode(status) == 2
    assert b"nothing is piped here" in said
