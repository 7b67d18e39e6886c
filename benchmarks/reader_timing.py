"""The reader in a real pseudo-terminal: first paint, article shown, key response, memory.

Runs the installed ``inbrief`` in a pty with a throwaway library and config, and watches its
output for text that only appears once a screen is painted (the library's status line, the
reader's footer). The anchor is Textual's own ``MarkdownViewer`` showing the same article as
Markdown, opened the same way (a key press on a ready screen), timed the same way.
"""

from __future__ import annotations

import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from fcntl import ioctl
from pathlib import Path
from termios import TIOCSWINSZ

ROWS, COLUMNS = 30, 100
#: A Textual app that waits on a ready screen, then shows ``argv[1]`` in a MarkdownViewer.
MARKDOWN_VIEWER_APP = """
import sys
from pathlib import Path
from textual.app import App
from textual.widgets import Footer, MarkdownViewer, Static

class Viewer(App):
    BINDINGS = [("enter", "open", "Open")]
    def compose(self):
        yield Static("ready to open")
        yield Footer()
    async def action_open(self):
        await self.query_one(Static).remove()
        viewer = MarkdownViewer(show_table_of_contents=True)
        await self.mount(viewer)
        await viewer.document.update(Path(sys.argv[1]).read_text())  # every block mounted
        self.mount(Static("DOCUMENT SHOWN"))
        viewer.focus()

Viewer().run()
"""


@dataclass(frozen=True)
class ReaderTiming:
    first_paint: float
    opened: float
    #: Slowest time to first output byte for ``j`` while the summary is computed.
    busy_key: float
    #: Slowest time to first output byte for a page down (space) once settled.
    page_down: float
    #: Peak resident memory (KiB) of the reader with the article open.
    rss_kib: int


def _inbrief() -> str:
    found = Path(sys.executable).with_name("inbrief")
    return str(found) if found.exists() else shutil.which("inbrief") or "inbrief"


def _wait_for(fd: int, needle: bytes, seen: bytearray, timeout: float = 60.0) -> float:
    deadline = time.perf_counter() + timeout
    while needle not in seen:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.perf_counter()))
        if not ready:
            raise TimeoutError(f"{needle!r} did not appear")
        seen += os.read(fd, 65536)
    return time.perf_counter()


def _drain(fd: int, quiet: float = 0.05) -> None:
    while select.select([fd], [], [], quiet)[0]:
        os.read(fd, 65536)


def _key_latency(fd: int, key: bytes, presses: int, gap: float) -> float:
    """Slowest time from a key press to the first byte of output it causes.

    A press that changes nothing on screen (a page down at the end of a short article) causes
    no output at all; after a second it is counted as not applicable rather than waited for.
    """
    latencies = []
    for _ in range(presses):
        _drain(fd, 0.02)
        sent = time.perf_counter()
        os.write(fd, key)
        if select.select([fd], [], [], 1.0)[0]:
            latencies.append(time.perf_counter() - sent)
        time.sleep(gap)
    return max(latencies, default=float("nan"))


def _peak_rss_kib(pid: int) -> int:
    """VmHWM of a live process: its own high-water mark, not its parent's."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure_reader(source: str) -> ReaderTiming:
    """One run: start to first paint, Enter to article shown, key responses, memory."""
    home = Path(tempfile.mkdtemp(prefix="inbrief-measure-"))
    env = dict(os.environ, INBRIEF_LIBRARY=str(home / "lib.db"), TERM="xterm-256color")
    env["INBRIEF_CONFIG_DIR"] = str(home / "config")
    env.pop("NO_COLOR", None)
    subprocess.run(
        [sys.executable, "-c", "import sys; from inbrief.library import open_library; "
         "from inbrief.ingest import load_articles; "
         "open_library().add(load_articles(sys.argv[1]))", source],
        check=True, env=env,
    )  # fmt: skip
    found: dict[str, float] = {}
    main, child = pty.openpty()
    ioctl(child, TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen([_inbrief()], stdin=child, stdout=child, stderr=child, env=env)
    os.close(child)
    seen = bytearray()
    try:
        found["paint"] = _wait_for(main, b"sorted by", seen) - start
        time.sleep(0.5)  # let the first frames settle before pressing Enter
        _drain(main)
        seen.clear()
        pressed = time.perf_counter()
        os.write(main, b"\r")
        found["opened"] = _wait_for(main, b"Contents", seen) - pressed
        found["busy"] = _key_latency(main, b"j", 20, 0.1)  # the summary is computed meanwhile
        time.sleep(1.0)
        os.write(main, b"g")  # back to the top, so every page down has somewhere to go
        found["page"] = _key_latency(main, b" ", 15, 0.15)
        found["rss"] = _peak_rss_kib(process.pid)
    finally:
        process.terminate()
        process.wait(10)
        os.close(main)
        shutil.rmtree(home, ignore_errors=True)
    return ReaderTiming(
        found["paint"], found["opened"], found["busy"], found["page"], int(found["rss"])
    )


def measure_markdown_viewer(markdown_path: str) -> tuple[float, float]:
    """One run of the anchor, Textual's MarkdownViewer: key press to the document shown, and
    the slowest first-byte response to a page down once it is shown."""
    main, child = pty.openpty()
    ioctl(child, TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    process = subprocess.Popen(
        [sys.executable, "-c", MARKDOWN_VIEWER_APP, markdown_path],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
    )
    os.close(child)
    seen = bytearray()
    try:
        _wait_for(main, b"ready to open", seen)
        time.sleep(0.5)
        _drain(main)
        seen.clear()
        pressed = time.perf_counter()
        os.write(main, b"\r")
        shown = _wait_for(main, b"DOCUMENT SHOWN", seen, timeout=300) - pressed
        time.sleep(1.0)
        return shown, _key_latency(main, b"\x1b[6~", 15, 0.15)  # the PageDown key
    finally:
        process.terminate()
        process.wait(10)
        os.close(main)


def median_reader(source: str, runs: int) -> ReaderTiming:
    results = [measure_reader(source) for _ in range(runs)]
    return ReaderTiming(
        statistics.median(r.first_paint for r in results),
        statistics.median(r.opened for r in results),
        statistics.median(r.busy_key for r in results),
        statistics.median(r.page_down for r in results),
        max(r.rss_kib for r in results),
    )


def page_render_seconds(source: str, pages: int = 30) -> float:
    """The reader's own work for one page down on ``source``: scroll, then draw every line.

    In-process through Pilot (100x30), slowest of ``pages`` pages: what the line API costs,
    without the terminal and the event loop around it.
    """
    import asyncio
    import tempfile

    from inbrief.ingest import load_articles
    from inbrief.library import open_library
    from inbrief.tui.app import InbriefApp
    from inbrief.tui.config import load_config
    from inbrief.tui.widgets.article_view import ArticleView

    home = Path(tempfile.mkdtemp(prefix="inbrief-page-"))
    os.environ["INBRIEF_CONFIG_DIR"] = str(home / "config")
    library = open_library(home / "library.sqlite3")
    library.add(load_articles(source))

    async def run() -> float:
        app = InbriefApp(library, [], load_config())
        async with app.run_test(size=(COLUMNS, ROWS)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            slowest = 0.0
            for _ in range(pages):
                start = time.perf_counter()
                view.scroll_page_down(animate=False)
                for y in range(view.size.height):
                    view.render_line(y)
                slowest = max(slowest, time.perf_counter() - start)
            return slowest

    try:
        return asyncio.run(run())
    finally:
        library.close()
        shutil.rmtree(home, ignore_errors=True)
