"""Feed modules stay in the core (no Textual, no Rich); feedparser is paid for only by the feed
commands that parse, never by the one-shot path or by ``--list``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED_JSON

FEED_MODULES = [
    "inbrief.feeds",
    "inbrief.feeds.commands",
    "inbrief.feeds.refresh",
    "inbrief.feeds.parse",
    "inbrief.feeds.jsonfeed",
    "inbrief.feeds.items",
    "inbrief.feeds.opml",
    "inbrief.feeds.discover",
    "inbrief.feeds.subscribe",
    "inbrief.library.subscriptions",
]


def _loaded_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return {name.split(".")[0] for name in output.split()}


@pytest.mark.parametrize("module", FEED_MODULES)
def test_feed_modules_are_core(module: str) -> None:
    assert not {"textual", "rich"} & _loaded_after(f"import {module}")


def test_one_shot_and_list_never_import_feedparser(tmp_path: Path) -> None:
    summary = f"from inbrief.cli import main\nmain(['--summary', {str(SEED_JSON)!r}])"
    assert "feedparser" not in _loaded_after(summary)
    listing = (
        f"from inbrief.cli import main\nmain(['--library', {str(tmp_path / 'l')!r}, '--list'])"
    )
    loaded = _loaded_after(listing)
    assert not {"feedparser", "textual", "rich"} & loaded
