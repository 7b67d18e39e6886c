"""Feeds in the reader: a picker on ``f`` that filters the library by feed (with unread
counts), and ``R`` that refreshes every feed in a worker thread while you keep reading.

:class:`FeedScreen` holds both; the library screen inherits it, so the library's own module only
says which feed the list is filtered by.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, replace
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from inbrief.feeds.refresh import FeedReport, refresh_feeds
from inbrief.library import Feed, Library, LibraryError, Query
from inbrief.textclean import strip_controls
from inbrief.tui.library_faults import show_library_error, shows_library_errors
from inbrief.tui.widgets.article_list import ArticleList
from inbrief.tui.widgets.feed_progress import progress_on, remove_progress
from inbrief.wording import counted

#: The picker's option id for "every article".
_ALL = "all"


@dataclass(frozen=True, slots=True)
class FeedChoice:
    """What the picker chose: a feed (id and name), or every article (``feed_id`` None)."""

    feed_id: int | None
    name: str = ""


class FeedPickerScreen(ModalScreen[FeedChoice | None]):
    """Every feed with its unread and total counts; ``Enter`` filters the library by it."""

    DEFAULT_CSS = """
    FeedPickerScreen { align: center middle; }
    FeedPickerScreen > Vertical {
        width: 80%; max-width: 100; height: auto; max-height: 80%;
        background: $panel; border: round $primary; padding: 0 1;
    }
    FeedPickerScreen OptionList { height: auto; max-height: 20; border: none; }
    FeedPickerScreen .hint { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f", "cancel", "Cancel", id="feeds.cancel"),
    ]

    def __init__(self, feeds: list[Feed], current: int | None, unread_total: int) -> None:
        super().__init__()
        self._feeds = {str(feed.id): feed for feed in feeds}
        self._names = Counter(feed.name for feed in feeds)
        self._current = current
        self._unread_total = unread_total

    def compose(self) -> ComposeResult:
        options = [Option(Content(f"All articles · {self._unread_total:,} unread"), id=_ALL)]
        for key, feed in self._feeds.items():
            error = " · ⚠ " + strip_controls(feed.last_error) if feed.last_error else ""
            line = f"{self._label(feed)} · {feed.unread:,} unread of {feed.items:,}{error}"
            options.append(Option(Content(line), id=key))
        with Vertical():
            yield Label(Content("Show the articles of"), classes="dialog-title")
            yield OptionList(*options, id="feed-options")
            hint = "Enter shows · Esc cancels · R (in the library) refreshes every feed"
            if not self._feeds:
                hint = "No subscriptions yet: inbrief --subscribe URL adds one"
            yield Label(Content(hint), classes="hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        current = str(self._current) if self._current is not None else _ALL
        options.highlighted = options.get_option_index(current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id
        if key == _ALL or key is None:
            self.dismiss(FeedChoice(None))
            return
        feed = self._feeds[key]
        self.dismiss(FeedChoice(feed.id, self._label(feed)))

    def _label(self, feed: Feed) -> str:
        """The feed's name, with its address when another feed has the same name (feeds
        called after their site, "News" or "Blog", would be identical lines)."""
        name = strip_controls(feed.name)
        if self._names[feed.name] < 2:
            return name
        return f"{name} ({strip_controls(feed.url.split('://', 1)[-1])})"

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass
class FeedsProgress(Message):
    """The refresh worker finished feed ``done`` of ``total``."""

    done: int
    total: int
    report: FeedReport


@dataclass
class FeedsRefreshed(Message):
    """The refresh worker finished every feed."""

    reports: list[FeedReport]


class FeedScreen(Screen[None]):
    """A screen listing library articles that can be filtered by feed and refresh feeds.

    Subclasses provide ``library``, ``spec`` (the list's :class:`Query`) and ``refresh_list``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer (it is full at 80 columns); listed by ? and the command palette.
        Binding("f", "pick_feed", "Feeds", show=False, id="library.feeds"),
        Binding("R", "refresh_feeds", "Refresh feeds", show=False, id="library.refresh-feeds"),
    ]

    library: Library
    spec: Query
    #: The name of the feed the list is filtered by ("" for every article).
    feed_name: str = ""
    #: What the refresh bar shows: done, total, text.
    _progress: tuple[int, int, str] = (0, 1, "")
    _progress_timer: Timer
    #: Set when the screen goes away (the app is closing): the refresh stops starting work.
    _stop_refresh: threading.Event | None = None

    def on_unmount(self) -> None:
        if self._stop_refresh is not None:
            self._stop_refresh.set()

    def refresh_list(self, keep: int | None = None) -> None:
        raise NotImplementedError

    @shows_library_errors
    def action_pick_feed(self) -> None:
        unread = self.library.count(Query(unread_only=True))

        def chosen(choice: FeedChoice | None) -> None:
            if choice is not None:
                self.feed_name = choice.name
                self.spec = replace(self.spec, feed_id=choice.feed_id)
                self.refresh_list()

        self.app.push_screen(
            FeedPickerScreen(self.library.feeds(), self.spec.feed_id, unread), chosen
        )

    @shows_library_errors
    def action_refresh_feeds(self) -> None:
        if any(w.group == "feeds" and w.is_running for w in self.workers):
            self.notify("Feeds are already being refreshed")
            return
        if not self.library.feeds():
            self.notify("No subscriptions yet: inbrief --subscribe URL adds one")
            return
        self._stop_refresh = threading.Event()
        self._progress = (0, 1, "Refreshing feeds…")
        self._show_progress()
        # The reader may be opened on top meanwhile: keep the bar on whatever screen shows.
        self._progress_timer = self.set_interval(0.25, self._show_progress)
        self._refresh_worker()

    def _show_progress(self) -> None:
        progress_on(self.app.screen).show(*self._progress)

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def _refresh_worker(self) -> None:
        try:
            reports = refresh_feeds(
                self.library,
                progress=lambda done, total, report: self.post_message(
                    FeedsProgress(done, total, report)
                ),
                stop=self._stop_refresh,
            )
        except LibraryError as error:  # the feeds could not even be listed
            self.app.call_from_thread(show_library_error, self.app, error)
            reports = []
        except Exception as error:  # a bug in the refresh ends the refresh, not the reader
            reason = f"{type(error).__name__}: {error}"
            self.app.call_from_thread(self._refresh_failed, reason)
            reports = []
        self.post_message(FeedsRefreshed(reports))

    def _refresh_failed(self, reason: str) -> None:
        self.notify(reason, title="Refresh failed", severity="error", markup=False)

    def on_feeds_progress(self, message: FeedsProgress) -> None:
        name = strip_controls(message.report.title)
        self._progress = (
            message.done,
            message.total,
            f"Refreshing feeds {message.done}/{message.total}: {name}",
        )
        self._show_progress()
        if message.report.new or message.report.updated:
            self.refresh_list(keep=self._selected())  # new items appear as they arrive

    def on_feeds_refreshed(self, message: FeedsRefreshed) -> None:
        self._progress_timer.stop()
        for screen in self.app.screen_stack:
            remove_progress(screen)
        new = sum(report.new for report in message.reports)
        failed = [report for report in message.reports if report.error]
        if message.reports:  # none: the library could not list its feeds (already said)
            feeds = counted(len(message.reports), "feed")
            self.notify(f"{feeds} refreshed: {new} new", markup=False)
        for report in failed[:5]:
            self.notify(
                strip_controls(f"{report.title}: {report.error}"),
                title="Feed problem",
                severity="warning",
                markup=False,
            )
        self.refresh_list(keep=self._selected())

    def _selected(self) -> int | None:
        lists = self.query(ArticleList)
        return lists.first().selected_id if lists else None
