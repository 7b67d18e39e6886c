"""benchmarks/feeds.py runs end to end on tiny sizes (its figures are not checked: noise)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_feed_benchmark_runs_quick() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.feeds", "--quick", "--only", "refresh,library"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "ratio" in result.stdout and "answered 304" in result.stdout
    assert "filter by a feed" in result.stdout
