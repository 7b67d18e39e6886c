"""The speed suite runs end to end on tiny inputs (its figures are not checked: noise)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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


def test_summaries_benchmark_runs_quick_and_matches_the_cli() -> None:
    """Two newsroom stories: a table with every system asked for, the CLI check passing."""
    pytest.importorskip("rouge_score")  # the bench extra; the README's test command lacks it
    from benchmarks.summary_data import NEWS_DEV

    if not NEWS_DEV.is_file():  # the shared data lies beside the checkout, not in it
        pytest.skip(f"no benchmark data at {NEWS_DEV}")
    command = [sys.executable, "-m", "benchmarks.summaries", "--tasks", "newsroom"]
    command += ["--limit", "2", "--systems", "inbrief", "lead-k", "--check-cli"]
    result = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "the command line printed the same 2 summaries" in result.stdout
    rows = [line.split(" | ")[0] for line in result.stdout.splitlines() if line.startswith("| ")]
    assert rows[1:] == ["| inbrief default", "| Lead-k"]


def test_summary_outputs_dump_runs_quick(tmp_path: Path) -> None:
    """One story a task, one page a set, the samples: every summary recorded, as JSON."""
    import json

    from benchmarks.summary_data import NEWS_DEV

    if not NEWS_DEV.is_file():
        pytest.skip(f"no benchmark data at {NEWS_DEV}")
    out = tmp_path / "outputs.json"
    command = [sys.executable, "-m", "benchmarks.summary_outputs", str(out)]
    command += ["--limit", "1", "--pages", "1", "--long"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    dump = json.loads(out.read_text("utf-8"))
    stories = [key for key in dump if key.split("/")[0] in ("gist", "cnndm", "newsroom", "bbc")]
    assert len(stories) == 4
    record = dump[stories[0]]
    assert len(record["units"]) == 64  # a sha256 of the candidate sentences
    assert record["inbrief -n 1"]["takeaways"] and record["inbrief -n None"]["gist"]
