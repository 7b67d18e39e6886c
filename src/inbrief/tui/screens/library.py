"""The library screen: list, search, sort, filter, add (in a worker), delete and undo, open."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Label, ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from inbrief.library import Deleted, Library, Query, Sort
from inbrief.library.adding import add_sources
from inbrief.library.store import RANK_LIMIT
from inbrief.safe_text import for_terminal
from inbrief.tui.config import Config, save_setting
from inbrief.tui.library_faults import shows_library_errors
from inbrief.tui.messages import AddProgress, SourcesAdded
from inbrief.tui.screens.dialogs import AddSourceScreen, ConfirmDeleteScreen
from inbrief.tui.screens.feeds import FeedScreen
from inbrief.tui.widgets.article_list import ArticleList
from inbrief.tui.widgets.footer import KeyFooter
from inbrief.wording import counted

_SORTS = tuple(Sort)
#: How the status line names each order, as (usual, reversed).
_ORDER_NAMES = {
    Sort.ADDED: ("sorted by date added, newest first", "sorted by date added, oldest first"),
    Sort.PUBLISHED: (
        "sorted by date, newest first, undated last",
        "sorted by date, oldest first, undated last",
    ),
    Sort.TITLE: ("sorted by title, A–Z", "sorted by title, Z–A"),
}
#: Seconds during which a deletion or marking all read can be undone.
UNDO_SECONDS = 10


def deleted_notice(title: str) -> str:
    """The notice of a delete, taken back by name when the delete is undone."""
    return f"Deleted “{for_terminal(title)}” · z undoes"


@dataclass(frozen=True, slots=True, eq=False)
class MarkedRead:
    """Articles that ``A`` marked read, with the notice that offers to undo it."""

    ids: list[int]
    notice: str


#: What a new user sees first: the two ways to fill the library.
_EMPTY = (
    "Your library is empty. Press a to add a URL or a file,"
    " or subscribe to a feed with inbrief --subscribe URL (then R refreshes it here)."
)


class LibraryScreen(FeedScreen):
    """Every article in the library; ``Enter`` opens one in the reader (``f``/``R``: feeds)."""

    TITLE = "Library"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="library.search"),
        Binding("escape", "clear_search", "Clear search", show=False, id="library.clear-search"),
        Binding("a", "add", "Add", id="library.add"),
        Binding("d,delete", "delete", "Delete", id="library.delete"),
        Binding("s", "cycle_sort", "Sort", id="library.sort"),
        Binding("S", "reverse_sort", "Reverse sort", show=False, id="library.reverse-sort"),
        Binding("z", "undo", "Undo delete or mark all read", show=False, id="library.undo"),
        Binding("u", "toggle_unread", "Unread only", id="library.unread"),
        Binding("r", "toggle_read", "Mark read/unread", show=False, id="library.toggle-read"),
        Binding("A", "mark_all_read", "Mark all read", show=False, id="library.mark-all-read"),
        Binding("q", "app.quit", "Quit", id="library.quit"),
    ]

    def __init__(self, library: Library, sources: Sequence[str] = ()) -> None:
        super().__init__()
        self.library = library
        self.spec = Query()
        self._initial_sources = list(sources)
        #: What ``z`` takes back, for UNDO_SECONDS after it was done.
        self._undoable: Deleted | MarkedRead | None = None

    def compose(self) -> ComposeResult:
        yield Label(id="status")
        yield Input(placeholder="Search title and text (Enter: go to the list)", id="search")
        yield ArticleList(id="articles")
        yield Label(Content(_EMPTY), id="empty")
        with Horizontal(id="progress"):
            yield Label(id="progress-label")
            yield ProgressBar(show_eta=False, id="progress-bar")
        yield KeyFooter()

    def on_mount(self) -> None:
        config = self._config()
        if config is not None and config.sort in {sort.value for sort in Sort}:
            self.spec = Query(sort=Sort(config.sort), reverse=config.reverse)
        self.query_one("#search").display = False
        self.query_one("#progress").display = False
        self.refresh_list()
        self.query_one(ArticleList).focus()
        if self._initial_sources:
            self.start_adding(self._initial_sources, open_first=True)

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.refresh_list(keep=self.query_one(ArticleList).selected_id)

    # -- list ------------------------------------------------------------------------------

    @shows_library_errors
    def refresh_list(self, keep: int | None = None) -> None:
        articles = self.query_one(ArticleList)
        articles.reload(self.library, self.spec, select=keep)
        self.query_one("#empty").display = articles.total == 0 and not self.spec.text
        sort = _ORDER_NAMES[self.spec.sort][self.spec.reverse]
        if self.spec.text:
            sort = "best matches first" if articles.total <= RANK_LIMIT else "newest first"
        noun = "article" if articles.total == 1 else "articles"
        scope = f"unread {noun}" if self.spec.unread_only else noun
        found = f" matching “{for_terminal(self.spec.text)}”" if self.spec.text else ""
        found += f" from {for_terminal(self.feed_name)}" if self.spec.feed_id is not None else ""
        self.query_one("#status", Label).update(
            Content(f" inbrief · {articles.total_label} {scope}{found} · {sort}")
        )

    def on_article_list_opened(self, event: ArticleList.Opened) -> None:
        self.open_article(event.article_id)

    def open_article(self, article_id: int) -> None:
        from inbrief.tui.screens.reader import ReaderScreen

        self.app.push_screen(ReaderScreen(self.library, article_id))

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.spec = replace(self.spec, text=event.value)
        self.refresh_list()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one(ArticleList).focus()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
        search.display = False
        self.query_one(ArticleList).focus()

    def action_cycle_sort(self) -> None:
        following = _SORTS[(_SORTS.index(self.spec.sort) + 1) % len(_SORTS)]
        self._sort(replace(self.spec, sort=following))

    def action_reverse_sort(self) -> None:
        self._sort(replace(self.spec, reverse=not self.spec.reverse))

    def _sort(self, spec: Query) -> None:
        """Show ``spec``'s order and remember it in the config file for the next start."""
        self.spec = spec
        self.refresh_list(keep=self.query_one(ArticleList).selected_id)
        config = self._config()
        if config is None or (config.sort, config.reverse) == (spec.sort.value, spec.reverse):
            return
        config.sort, config.reverse = spec.sort.value, spec.reverse
        try:
            save_setting(config.path, "library", "sort", spec.sort.value)
            save_setting(config.path, "library", "reverse", spec.reverse)
        except OSError as exc:
            self.notify(f"could not save the sort: {exc}", severity="warning", markup=False)

    def _config(self) -> Config | None:
        config = getattr(self.app, "config", None)
        return config if isinstance(config, Config) else None

    def action_toggle_unread(self) -> None:
        self.spec = replace(self.spec, unread_only=not self.spec.unread_only)
        self.refresh_list()

    @shows_library_errors
    def action_toggle_read(self) -> None:
        selected = self.query_one(ArticleList).selected_id
        entry = self.library.entry(selected) if selected is not None else None
        if entry is not None:
            self.library.mark_read(entry.id, not entry.read)
            self.refresh_list(keep=entry.id)

    @shows_library_errors
    def action_delete(self) -> None:
        selected = self.query_one(ArticleList).selected_id
        entry = self.library.entry(selected) if selected is not None else None
        if entry is None:
            return

        def confirmed(answer: bool | None) -> None:
            if answer:
                self._delete(entry.id, entry.title)

        self.app.push_screen(ConfirmDeleteScreen(entry.title), confirmed)

    @shows_library_errors
    def _delete(self, article_id: int, title: str) -> None:
        deleted = self.library.delete(article_id)
        self.refresh_list()
        if deleted is not None:  # None: another reader deleted it first
            self._undo_later(deleted, deleted_notice(title))

    @shows_library_errors
    def action_mark_all_read(self) -> None:
        """Marks every unread article in view (feed, search and unread filters) read."""
        ids = self.library.mark_all_read(self.spec)
        if not ids:
            self.notify("Nothing unread here", timeout=2)
            return
        notice = f"Marked {counted(len(ids), 'article')} read · z undoes"
        self._undo_later(MarkedRead(ids, notice), notice)
        self.refresh_list(keep=self.query_one(ArticleList).selected_id)

    def _undo_later(self, undoable: Deleted | MarkedRead, notice: str) -> None:
        """Offers ``z`` to take ``undoable`` back, with ``notice``, for UNDO_SECONDS."""
        self._undoable = undoable
        self.notify(notice, markup=False, timeout=UNDO_SECONDS)
        self.set_timer(UNDO_SECONDS, partial(self._forget, undoable))

    def _forget(self, undoable: Deleted | MarkedRead) -> None:
        if self._undoable is undoable:
            self._undoable = None

    def _withdraw(self, notice: str) -> None:
        withdraw = getattr(self.app, "withdraw_notice", None)
        if withdraw is not None:  # the "z undoes" notice no longer holds
            withdraw(notice)

    @shows_library_errors
    def action_undo(self) -> None:
        undoable, self._undoable = self._undoable, None
        if undoable is None:
            self.notify("Nothing to undo", timeout=2)
        elif isinstance(undoable, MarkedRead):
            self.library.mark_unread(undoable.ids)
            self._withdraw(undoable.notice)
            self.refresh_list(keep=self.query_one(ArticleList).selected_id)
            self.notify(f"{counted(len(undoable.ids), 'article')} unread again", timeout=3)
        elif self.library.restore(undoable):
            self._withdraw(deleted_notice(undoable.title))
            self.refresh_list(keep=undoable.id)
            self.notify(f"Restored “{for_terminal(undoable.title)}”", markup=False, timeout=3)
        else:
            self.notify("Not restored: it was added again", severity="warning", timeout=3)

    # -- adding ----------------------------------------------------------------------------

    def action_add(self) -> None:
        def chosen(source: str | None) -> None:
            if source:
                self.start_adding([source], open_first=False)

        self.app.push_screen(AddSourceScreen(), chosen)

    def start_adding(self, sources: list[str], open_first: bool) -> None:
        self.query_one("#progress").display = True
        self.query_one("#progress-bar", ProgressBar).update(total=len(sources) + 1, progress=0)
        self._add_worker(sources, open_first)

    # A failure must not end the app (the default for a worker): on_worker_state_changed shows it.
    @work(thread=True, exclusive=True, group="add", exit_on_error=False)
    def _add_worker(self, sources: list[str], open_first: bool) -> None:
        total = len(sources)
        worker = get_current_worker()
        report = add_sources(
            self.library,
            sources,
            progress=lambda i, source: self.post_message(AddProgress(i, total, source)),
            cancelled=lambda: worker.is_cancelled,  # quitting cancels: q never waits on a server
        )
        self.post_message(SourcesAdded(report, open_first))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR and event.worker.group == "add":
            self.query_one("#progress").display = False
            error = event.worker.error
            reason = f"{type(error).__name__}: {error}"
            self.notify(reason, title="Could not add", severity="error", markup=False)

    def on_add_progress(self, message: AddProgress) -> None:
        label = f"Adding {message.index + 1}/{message.total}: {for_terminal(message.source)}"
        self.query_one("#progress-label", Label).update(Content(label))
        self.query_one("#progress-bar", ProgressBar).update(progress=message.index + 1)

    def on_sources_added(self, message: SourcesAdded) -> None:
        self.query_one("#progress").display = False
        report = message.report
        for error in report.errors:
            self.notify(error, title="Could not add", severity="error", markup=False)
        if report.added:
            existing = len(report.added) - report.new_count
            note = f"Added {report.new_count} new" + (
                f", {existing} already in the library" if existing else ""
            )
            self.notify(note, markup=False)
        first = report.added[0].id if report.added else None
        self.refresh_list(keep=first)
        if message.open_first and first is not None:
            self.open_article(first)
