"""Standard input is read by content exactly like a file: a short Markdown note keeps its title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inbrief.sniff import Kind, guess_kind
from tests.test_cli import run

NOTES = [
    "# Title here\n\nA short note with one paragraph of text in it, nothing more.\n",
    "Title here\n==========\n\nA short note with one paragraph of text in it.\n",
    "# Title here\n\nA short note over a table.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
]


@pytest.mark.parametrize("note", NOTES)
def test_short_markdown_on_stdin_is_parsed_like_the_file(tmp_path: Path, note: str) -> None:
    for name in ("note.md", "note.txt"):
        path = tmp_path / name
        path.write_text(note)
        from_file = run("-x", "-f", "json", str(path))
        assert from_file.returncode == 0, from_file.stderr
        from_stdin = run("-x", "-f", "json", "-", stdin=note.encode())
        assert from_stdin.returncode == 0, from_stdin.stderr
        file_data, stdin_data = json.loads(from_file.stdout), json.loads(from_stdin.stdout)
        assert stdin_data["title"] == file_data["title"] == "Title here"
        assert stdin_data["sections"] == file_data["sections"]


def test_plain_text_stays_plain() -> None:
    assert guess_kind("Title here\n\nA note about #hashtags and 1. things.\n") is Kind.TEXT
    assert guess_kind("#1 reason to read\n\nBecause it is short.\n") is Kind.TEXT
    assert guess_kind("# Title\n\nOne paragraph.\n") is Kind.MARKDOWN
    assert guess_kind("Title\n=====\n\nOne paragraph.\n") is Kind.MARKDOWN
