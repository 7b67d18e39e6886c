"""Timing helpers shared by the benchmarks: whole-process runs, medians, peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("INBRIEF_SHARED", ROOT.parent / "shared"))
SEED = ROOT / "examples" / "xi-putin-wordpress.json"


@dataclass(frozen=True)
class Row:
    figure: str
    ours: float
    anchor: float | None
    unit: str
    #: Target on the ratio ours/anchor (when there is an anchor) or on ours itself.
    target: float | None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.ours / self.anchor if self.anchor else None

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        value = self.ratio if self.anchor is not None else self.ours
        return value is not None and value <= self.target


#: GNU time, whose tiny size keeps the measured process's peak RSS honest (see run_process).
GNU_TIME = Path("/usr/bin/time")


def run_process(argv: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB, 0 if unknown) of one whole process run to completion.

    The RSS is read through GNU time when it is installed. ``wait4`` from this process would
    be wrong: a child spawned by a large parent inherits the parent's high-water mark at exec
    (Linux keeps it in the child's ``maxrss``), so every figure would read as the parent's.
    """
    command = list(argv)
    report: str | None = None
    if GNU_TIME.exists():
        handle, report = tempfile.mkstemp(prefix="inbrief-rss-")
        os.close(handle)
        command = [str(GNU_TIME), "-f", "%M", "-o", report, *command]
    started = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{list(argv)[:4]} failed: {result.stderr.decode()[-500:]}")
    rss = 0
    if report is not None:
        text = Path(report).read_text().strip().splitlines()
        os.unlink(report)
        rss = int(text[-1]) if text and text[-1].isdigit() else 0
    return elapsed, rss


def median_runs(
    commands: dict[str, Sequence[str]], repeats: int, env: dict[str, str] | None = None
) -> dict[str, tuple[float, int]]:
    """Median wall time and max RSS per command, the commands interleaved run by run."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, int] = dict.fromkeys(commands, 0)
    for _ in range(repeats):
        for name, argv in commands.items():
            elapsed, rss = run_process(argv, env)
            times[name].append(elapsed)
            memory[name] = max(memory[name], rss)
    return {name: (statistics.median(times[name]), memory[name]) for name in commands}


def python() -> str:
    return sys.executable


def format_table(rows: Sequence[Row]) -> str:
    header = ("figure", "ours", "anchor", "ratio", "target", "result")
    lines = [header]
    for row in rows:
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "-"
        anchor = f"{row.anchor:.3g} {row.unit}" if row.anchor is not None else "-"
        if row.target is None:
            target, result = "-", "info"
        else:
            target = f"<= {row.target:g}" + ("x" if row.anchor is not None else f" {row.unit}")
            result = "pass" if row.passed else "FAIL"
        lines.append((row.figure, f"{row.ours:.3g} {row.unit}", anchor, ratio, target, result))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for number, line in enumerate(lines):
        out.append(" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if number == 0:
            out.append("-+-".join("-" * width for width in widths))
    notes = [f"  {row.figure}: {row.note}" for row in rows if row.note]
    return "\n".join(out + (["", "notes:", *notes] if notes else []))


def descendants(pid: int) -> set[int]:
    """Every process below ``pid``, from Linux's /proc (empty elsewhere)."""
    found: set[int] = set()
    for tasks in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            children = [int(word) for word in tasks.read_text().split()]
        except OSError:
            continue
        for child in children:
            found |= {child} | descendants(child)
    return found


def _status_kib(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def tree_memory(argv: Sequence[str]) -> tuple[float, int, int]:
    """Wall seconds of one process run, its own peak RSS, and the peak of the RSS summed over
    it and every process below it (worker processes), in KiB; sampled from /proc every 20 ms
    (Linux; zeros elsewhere)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors)
        own = tree = 0
        while child.poll() is None:
            own = max(own, _status_kib(child.pid, "VmHWM"))
            pids = {child.pid, *descendants(child.pid)}
            tree = max(tree, sum(_status_kib(pid, "VmRSS") for pid in pids))
            time.sleep(0.02)
        elapsed = time.perf_counter() - started
        if child.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{list(argv)[:4]} failed: {errors.read().decode()[-500:]}")
    return elapsed, own, max(tree, own)
