"""Fixtures of the feed tests: a throwaway library, and the command line run in-process on one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from inbrief.cli import main
from inbrief.library import Library, open_library


class Cli:
    """``inbrief --library PATH ...`` in-process, with its output captured."""

    def __init__(self, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.library = library
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        status = main(["--library", str(self.library), *args])
        captured = self.capsys.readouterr()
        return status, captured.out, captured.err


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "library.sqlite3", capsys)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """A new library in the test's folder, closed afterwards."""
    opened = open_library(tmp_path / "library.sqlite3")
    yield opened
    opened.close()
