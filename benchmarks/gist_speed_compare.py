"""The default summarizer's speed in this tree against another checkout, alternated.

A shared machine's load swings more between runs than a change saves, so the two trees take
turns: each round runs one process per tree (the order flips every round), each timing
``summarize`` on :mod:`benchmarks.gist_speed`'s 10,000- and 100,000-word texts (the least CPU
time of 21 and of 5 calls, after a warm-up call). Printed: each round's figures, then the
least of each tree and the median of the per-round ratios (this tree / the other).

    .venv/bin/python -m benchmarks.gist_speed_compare ../main
    .venv/bin/python -m benchmarks.gist_speed_compare ../main --rounds 8
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Words of each text and calls timed.
SIZES = ((10_000, 21), (100_000, 5))


def measure() -> list[float]:
    """The least CPU milliseconds of a ``summarize`` call on each text of :data:`SIZES`."""
    from benchmarks.gist_speed import long_text
    from inbrief.summarize import summarize

    result = []
    for words, calls in SIZES:
        article = long_text(words)
        summarize(article)  # warm: Punkt model, stemmer caches
        best = float("inf")
        for _ in range(calls):
            started = time.process_time()
            summarize(article)
            best = min(best, time.process_time() - started)
        result.append(1000 * best)
    return result


def run_tree(tree: Path) -> list[float]:
    """:func:`measure` in a process importing ``inbrief`` from ``tree``'s ``src``."""
    env = {**os.environ, "PYTHONPATH": f"{tree / 'src'}{os.pathsep}{ROOT}"}
    code = "from benchmarks.gist_speed_compare import measure; print(*measure())"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return [float(value) for value in done.stdout.split()]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.gist_speed_compare")
    parser.add_argument("other", type=Path, help="the other checkout (its src/ is imported)")
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args(argv)
    trees = {"this": ROOT, "other": args.other.resolve()}
    times: dict[str, list[list[float]]] = {"this": [], "other": []}
    print("| round | " + " | ".join(f"{w:,} words: other / this ms" for w, _ in SIZES) + " |")
    print("|---|" + "---|" * len(SIZES))
    for number in range(args.rounds):
        for name in ("other", "this") if number % 2 == 0 else ("this", "other"):
            times[name].append(run_tree(trees[name]))
        other, this = times["other"][-1], times["this"][-1]
        cells = " | ".join(f"{o:.1f} / {t:.1f}" for o, t in zip(other, this, strict=True))
        print(f"| {number + 1} | {cells} |", flush=True)
    for column, (words, _) in enumerate(SIZES):
        other = [row[column] for row in times["other"]]
        this = [row[column] for row in times["this"]]
        ratios = [t / o for o, t in zip(other, this, strict=True)]
        print(
            f"{words:,} words: least {min(other):.1f} (other) / {min(this):.1f} (this) ms, "
            f"ratio {min(this) / min(other):.3f}; median of round ratios "
            f"{statistics.median(ratios):.3f}"
        )


if __name__ == "__main__":
    main()
