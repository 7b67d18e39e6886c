"""A one-line "refreshing feeds" bar, mounted on whatever screen is showing while it runs.

The refresh worker belongs to the library screen, but the reader may be on top: the bar is
mounted on the active screen when progress arrives, so it shows while you keep reading.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, ProgressBar


class FeedProgress(Horizontal):
    """Label and bar; docked at the bottom above the footer."""

    DEFAULT_CSS = """
    FeedProgress {
        height: 1;
        dock: bottom;
        margin-bottom: 1;
        background: $boost;
    }
    FeedProgress > Label { width: 1fr; padding: 0 1; }
    FeedProgress > ProgressBar { width: 30; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._state = (0, 1, "")

    def compose(self) -> ComposeResult:
        yield Label()
        yield ProgressBar(show_eta=False)

    def on_mount(self) -> None:
        self.show(*self._state)

    def show(self, done: int, total: int, text: str) -> None:
        """Show ``text`` and ``done`` of ``total`` (kept until mounted, if it is not yet)."""
        self._state = (done, total, text)
        if not self.is_mounted or not self.children:
            return
        self.query_one(Label).update(Content(text))
        self.query_one(ProgressBar).update(total=max(1, total), progress=done)


def progress_on(screen: Screen[object]) -> FeedProgress:
    """The screen's feed progress bar, mounted if it has none yet."""
    found = screen.query(FeedProgress)
    if found:
        return found.first()
    bar = FeedProgress()
    screen.mount(bar)
    return bar


def remove_progress(screen: Screen[object]) -> None:
    """Take the bar off ``screen`` (and so off every screen it was mounted on, one by one)."""
    for bar in screen.query(FeedProgress):
        bar.remove()
