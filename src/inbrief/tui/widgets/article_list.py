"""The library list: one row per article, loaded a page at a time as the cursor moves down.

Only ``PAGE`` rows are fetched at first; reaching the end of the loaded rows fetches the next
page. Listing a 100,000-article library therefore costs one indexed ``LIMIT`` query, not a
hundred thousand rows of widgets. The loaded rows are a window that need not start at the
first article: ``G`` loads the last page only, and moving up from there loads the page before.

Column widths follow the widget's width: they are laid out again on every resize, so
shrinking and widening the terminal never leaves stale columns.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from inbrief.library import Entry, Library, Query
from inbrief.textclean import strip_controls

PAGE = 200
#: Searches count their hits only this far ("1,000+"): an exact count of a common word in a
#: big library would cost more than the search itself.
COUNT_CAP = 1000
#: The fixed columns (key, heading, width); the title takes the rest of the width.
FIXED = (("site", "Site", 16), ("date", "Date", 10), ("time", "Time", 4), ("progress", "Read", 4))
#: Below this many columns for the title, the site column gives way.
NARROW_TITLE = 24


def _date(entry: Entry) -> Text:
    """The publication date; nothing for an undated article (the day it was added is not
    its date, and showing it would mix it up with real dates)."""
    return Text(entry.published[:10] if entry.published else "")


class ArticleList(DataTable[Text]):
    """Rows of :class:`~inbrief.library.Entry`; cells are ``Text`` so titles are never markup."""

    DEFAULT_CSS = """
    ArticleList { height: 1fr; scrollbar-gutter: stable; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="library.down"),
        Binding("k", "cursor_up", "Up", show=False, id="library.up"),
        Binding("g,home", "first", "First article", show=False, id="library.first"),
        Binding("G,end", "last", "Last article", show=False, id="library.last"),
    ]

    class Opened(Message):
        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.library: Library | None = None
        self.query_spec = Query()
        self.total = 0
        #: Rows loaded, from query offset ``_offset``; ``_more``: rows follow the loaded ones.
        self._offset = 0
        self._loaded = 0
        self._more = False
        self._laid_out_for = -1

    @property
    def total_label(self) -> str:
        """The number of articles listed, "1,000+" when a search stopped counting."""
        if self.query_spec.text and self.total > COUNT_CAP:
            return f"{COUNT_CAP:,}+"
        return f"{self.total:,}"

    def on_mount(self) -> None:
        self._lay_out_columns()

    def _lay_out_columns(self) -> None:
        """Columns for the current width: the title gets what the others leave."""
        width = self.scrollable_content_region.width
        self._laid_out_for = width
        fixed = list(FIXED)
        padding = 2 * self.cell_padding
        title = width - sum(w + padding for _, _, w in fixed) - (1 + padding) - padding
        if title < NARROW_TITLE:
            fixed = fixed[1:]
            title += 16 + padding
        self.clear(columns=True)
        self.add_column(Text(" "), key="mark", width=1)
        self.add_column(Text("Title"), key="title", width=max(8, title))
        for key, label, column_width in fixed:
            self.add_column(Text(label), key=key, width=column_width)

    def reload(self, library: Library, query: Query, select: int | None = None) -> None:
        """Show the first page for ``query``; keep the cursor on ``select`` if it is there."""
        self.library, self.query_spec = library, query
        self.total = library.count(query, at_most=COUNT_CAP if query.text else None)
        self._fill(PAGE, select)

    def _fill(self, rows: int, select: int | None, offset: int = 0) -> None:
        """``rows`` rows (whole pages) from query offset ``offset``, the cursor on ``select``
        if it is among them."""
        self.clear()
        self._offset = offset
        self._loaded = 0
        self._more = True
        while self._more and self._loaded < rows:
            self._load_page()
        if select is not None and str(select) in {str(k.value) for k in self.rows}:
            self.move_cursor(row=self.get_row_index(str(select)), animate=False)

    def on_resize(self) -> None:
        if self.scrollable_content_region.width == self._laid_out_for:
            return
        selected, loaded = self.selected_id, self._loaded
        self._lay_out_columns()
        if self.library is not None:
            self._fill(max(loaded, PAGE), selected, self._offset)

    def _load_page(self) -> None:
        if self.library is None:
            self._more = False
            return
        offset = self._offset + self._loaded
        entries = self.library.page(self.query_spec, limit=PAGE, offset=offset)
        columns = [str(key.value) for key in self.columns]
        for entry in entries:
            cells = self._cells(entry)
            self.add_row(*(cells[key] for key in columns), key=str(entry.id))
        self._loaded += len(entries)
        self._more = len(entries) == PAGE

    def _cells(self, entry: Entry) -> dict[str, Text]:
        progress = f"{round(entry.progress * 100)}%" if entry.progress else ""
        return {
            "mark": Text(" " if entry.read else "●", style="bold"),
            "title": Text(strip_controls(entry.title), no_wrap=True, overflow="ellipsis"),
            # An article from a feed shows the feed's name where others show their site.
            "site": Text(
                strip_controls(entry.feed or entry.site or ""), no_wrap=True, overflow="ellipsis"
            ),
            "date": _date(entry),
            "time": Text(f"{entry.reading_minutes}m", justify="right"),
            "progress": Text(progress, justify="right"),
        }

    def action_first(self) -> None:
        if self._offset and self.library is not None:
            self._fill(PAGE, None)
        if self.row_count:
            self.move_cursor(row=0, animate=False)

    def action_last(self) -> None:
        """The last article: only the last page is loaded (about 0.1 s in a library of
        100,000, where loading every page took two minutes)."""
        if self._more and self.library is not None:
            total = self.library.count(self.query_spec)
            self._fill(PAGE, None, offset=max(0, total - PAGE))
        if self.row_count:
            self.move_cursor(row=self.row_count - 1, animate=False)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # The cursor as it is now: a refill may have moved it since the event was sent.
        row = self.cursor_row
        if row >= self._loaded - 5 and self._more:
            self._load_page()
        elif row < 5 and self._offset > 0:
            start = max(0, self._offset - PAGE)
            self._fill(self._offset - start + min(self._loaded, PAGE), self.selected_id, start)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Opened(int(event.row_key.value)))

    @property
    def selected_id(self) -> int | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None
