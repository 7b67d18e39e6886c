"""Every hostile input gives a summary or a one-line error: never a traceback, hang or escape."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.corpus import CASES, FORBIDDEN, Case


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "inbrief", *args], capture_output=True, timeout=120
    )


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
@pytest.mark.parametrize("mode", ["--summary", "--extract"])
def test_hostile_file(case: Case, mode: str, tmp_path: Path) -> None:
    source = case.make(tmp_path)
    for fmt in ("text", "json") if case.expect == "ok" else ("text",):
        result = _run(mode, "--format", fmt, source)
        out = result.stdout.decode("utf-8")
        err = result.stderr.decode("utf-8")
        assert "Traceback" not in err
        assert not FORBIDDEN.search(out), repr(FORBIDDEN.search(out))
        assert not FORBIDDEN.search(err)
        if case.expect == "ok":
            assert result.returncode == 0, err
            assert out.strip()
        else:
            assert result.returncode == 1
            assert out == ""
            assert err.count("\n") == 1
            assert err.startswith(f"inbrief: {source}: {case.expect}"), err


def test_markup_is_printed_literally(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "rich markup in text")
    out = _run("--extract", case.make(tmp_path)).stdout.decode()
    assert "[bold red]not bold[/]" in out and "[@click=app.quit]" in out


def test_links_are_not_kept_or_followed(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "javascript link in body")
    out = _run("--extract", "--format", "json", case.make(tmp_path)).stdout.decode()
    assert "javascript:" not in out and "file:///" not in out


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("javascript:alert(1)", "unsupported URL scheme 'javascript:'"),
        ("data:text/html,<p>hi</p>", "unsupported URL scheme 'data:'"),
        ("file:///etc/passwd", "unsupported URL scheme 'file:'"),
        ("http://", "invalid URL"),
        ("http://[::1", "invalid URL"),
    ],
)
def test_refused_sources(source: str, reason: str) -> None:
    result = _run("--summary", source)
    err = result.stderr.decode()
    assert result.returncode == 1
    assert err.startswith(f"inbrief: {source}: {reason}"), err


def test_huge_standard_input_is_capped() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "inbrief", "--summary", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    chunk = b"<p>" + b"word " * 2000 + b"</p>"
    try:
        assert process.stdin is not None
        for _ in range(30 * 1024 * 1024 // len(chunk)):
            process.stdin.write(chunk)
        process.stdin.close()
    except BrokenPipeError:
        pass
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err.decode().startswith("inbrief: -: too large")
