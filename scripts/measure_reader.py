"""Time the real reader in a pseudo-terminal: start to first paint, and Enter to article shown.

Runs ``inbrief`` (the installed entry point next to this interpreter) in a 100x30 pty with a
throwaway library and config, and watches its output for text that only appears once a screen
is painted: the library's status line, then the reader's footer. Then it presses ``j`` every
0.1 s while the summary is computed and records the slowest time to the first output byte.
Each figure is the median of ``--runs`` runs.

    python scripts/measure_reader.py examples/xi-putin-wordpress.json /tmp/long.md
"""

from __future__ import annotations

import argparse
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
from fcntl import ioctl
from pathlib import Path
from termios import TIOCSWINSZ

INBRIEF = str(Path(sys.executable).with_name("inbrief"))
#: Keys (``j``) sent right after the article shows, while its summary is computed.
KEYS_AFTER_OPEN = 20


def _wait_for(fd: int, needle: bytes, seen: bytearray, timeout: float = 30.0) -> float:
    """Read output until ``needle`` shows up; returns the time it did."""
    deadline = time.perf_counter() + timeout
    while needle not in seen:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.perf_counter()))
        if not ready:
            raise TimeoutError(f"{needle!r} did not appear")
        seen += os.read(fd, 65536)
    return time.perf_counter()


def measure_once(source: str) -> tuple[float, float, float]:
    home = Path(tempfile.mkdtemp(prefix="inbrief-measure-"))
    env = dict(os.environ, INBRIEF_LIBRARY=str(home / "lib.db"), TERM="xterm-256color")
    env["INBRIEF_CONFIG_DIR"] = str(home / "config")
    subprocess.run([INBRIEF, "--summary", source], check=True, capture_output=True, env=env)
    # Pre-fill the library so the timed run measures opening, not fetching and cleaning.
    subprocess.run(
        [sys.executable, "-c", "import sys; from inbrief.library import open_library; "
         "from inbrief.ingest import load_articles; "
         "open_library().add(load_articles(sys.argv[1]))", source],
        check=True, env=env,
    )  # fmt: skip
    main, child = pty.openpty()
    ioctl(child, TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen([INBRIEF], stdin=child, stdout=child, stderr=child, env=env)
    os.close(child)
    seen = bytearray()
    try:
        painted = _wait_for(main, b"sorted by", seen) - start
        time.sleep(0.5)  # let the first frames settle before pressing Enter
        while select.select([main], [], [], 0.05)[0]:
            os.read(main, 65536)
        seen.clear()
        pressed = time.perf_counter()
        os.write(main, b"\r")
        opened = _wait_for(main, b"Next section", seen) - pressed
        latencies = []
        for _ in range(KEYS_AFTER_OPEN):  # the summary is being computed meanwhile
            while select.select([main], [], [], 0.02)[0]:
                os.read(main, 65536)
            sent = time.perf_counter()
            os.write(main, b"j")
            if select.select([main], [], [], 10)[0]:
                latencies.append(time.perf_counter() - sent)
            time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(5)
        os.close(main)
        shutil.rmtree(home, ignore_errors=True)
    return painted, opened, max(latencies, default=float("nan"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for source in args.sources:
        runs = [measure_once(source) for _ in range(args.runs)]
        paint = statistics.median(r[0] for r in runs)
        enter = statistics.median(r[1] for r in runs)
        key = statistics.median(r[2] for r in runs)
        print(f"{source}: start->first paint {paint * 1000:.0f} ms, "
              f"Enter->article {enter * 1000:.0f} ms, slowest key echo in the 2 s after "
              f"opening {key * 1000:.0f} ms (medians of {args.runs})")  # fmt: skip


if __name__ == "__main__":
    main()
