"""The speed suite runs end to end on tiny inputs (its figures are not checked: noise)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_speed_suite_runs_quick() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.speed", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split(" | ")[0].strip() == "figure"
    figures = [line.split(" | ")[0].strip() for line in lines[2:] if " | " in line]
    assert "one-shot summary, seed 000 (wall)" in figures
    assert any(figure.startswith("batch --summary") for figure in figures)
    assert "reader: start to first paint (seed 000)" in figures
    assert any(figure.startswith("library screen open") for figure in figures)
