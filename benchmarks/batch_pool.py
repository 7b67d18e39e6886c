"""Many small sources in one ``--summary`` call: when a process pool pays, and what it costs.

    python -m benchmarks.batch_pool                 # 10,000 small files and 10,000 missing
    python -m benchmarks.batch_pool --count 500     # quicker
    python -m benchmarks.batch_pool --crossover     # pool vs one process by batch size

Each variant is a whole ``inbrief -s -f jsonl`` process, interleaved in one run: ``auto`` (what
the CLI decides), ``-j 1``, ``forced`` (the chunked pool, threshold off) and ``legacy`` (the
former pool: ProcessPoolExecutor, one source per message, any size). Peak memory is the
largest sum of the RSS of the process and all its descendants, sampled every 20 ms.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._timing import ROOT

#: Runs ``inbrief.cli.main`` with the pool threshold off (``forced``) or the former pool.
_RUNNER = """
import sys
import inbrief.batch as batch
mode = sys.argv[1]
if mode == "forced":
    batch.POOL_MIN_WORK = 0
elif mode == "legacy":
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    def legacy(function, sources, jobs=None):
        jobs = batch.default_jobs() if jobs is None else jobs
        if jobs <= 1 or len(sources) <= 4:
            yield from map(function, sources)
            return
        batch.warm_up()
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(min(jobs, len(sources)), mp_context=context) as pool:
            yield from pool.map(function, sources, chunksize=1)

    batch.map_in_order = legacy
from inbrief.cli import main
sys.exit(main(sys.argv[2:]))
"""

SMALL = (
    "Harbour note {n}\n\nThe harbour opened at dawn and the boats left at noon. "
    "Fishermen said the catch was good this week, better than last year. "
    "The harbour master expects the ice to melt in spring, when traffic returns.\n"
)


def _tree_rss_kib(pid: int) -> int:
    """RSS of ``pid`` and all its descendants, from /proc (0 where unreadable)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                total += next(
                    (int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0
                )
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue
    return total


def run(mode: str, args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak tree RSS (KiB) of one CLI run in ``mode``."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", _RUNNER, mode, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kib(process.pid))
        time.sleep(0.02)
    return time.perf_counter() - started, peak


def _make_small(folder: Path, count: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"note-{n}.txt"
        path.write_text(SMALL.format(n=n))
        paths.append(str(path))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--crossover", action="store_true")
    options = parser.parse_args()
    base = ["-s", "-f", "jsonl"]
    with tempfile.TemporaryDirectory() as tmp:
        if options.crossover:
            print("small files  one process  pool (forced)  pool/one")
            for count in (50, 200, 400, 800, 1600, 3200):
                paths = _make_small(Path(tmp) / f"c{count}", count)
                single, _ = run("auto", [*base, "-j", "1", *paths])
                pooled, _ = run("forced", [*base, *paths])
                print(f"{count:11}  {single:10.2f}s  {pooled:12.2f}s  {pooled / single:8.2f}")
            return
        small = _make_small(Path(tmp) / "small", options.count)
        missing = [str(Path(tmp) / "missing" / f"gone-{n}.txt") for n in range(options.count)]
        print(f"{'sources':30} {'variant':8} {'wall s':>8} {'peak MiB':>9}")
        sets = {"small files": small, "missing files": missing}
        variants: list[tuple[str, list[str]]] = [
            ("auto", []),
            ("auto", ["-j", "1"]),
            ("forced", []),
            ("legacy", []),
        ]
        for name, paths in sets.items():
            label = f"{options.count:,} {name}"
            for mode, extra in variants:
                seconds, peak = run(mode, [*base, *extra, *paths])
                variant = "-j 1" if extra else mode
                print(f"{label:30} {variant:8} {seconds:8.2f} {peak / 1024:9.0f}", flush=True)


if __name__ == "__main__":
    main()
