"""The library list: one row per article, loaded a page at a time as the cursor moves down.

Only ``PAGE`` rows are fetched at first; reaching the end of the loaded rows fetches the next
page. Listing a 100,000-article library therefore costs one indexed ``LIMIT`` query, not a
hundred thousand rows of widgets.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from inbrief.library import Entry, Library, Query
from inbrief.textclean import strip_controls

PAGE = 200
#: Searches count their hits only this far ("1,000+"): an exact count of a common word in a
#: big library would cost more than the search itself.
COUNT_CAP = 1000


def _date(entry: Entry) -> str:
    if entry.published:
        return entry.published[:10]
    return time.strftime("%Y-%m-%d", time.localtime(entry.added_at))


class ArticleList(DataTable[Text]):
    """Rows of :class:`~inbrief.library.Entry`; cells are ``Text`` so titles are never markup."""

    DEFAULT_CSS = """
    ArticleList { height: 1fr; }
    """

    class Opened(Message):
        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.library: Library | None = None
        self.query_spec = Query()
        self.total = 0
        self._loaded = 0
        self._more = False
        self._width = 0

    @property
    def total_label(self) -> str:
        """The number of articles listed, "1,000+" when a search stopped counting."""
        if self.query_spec.text and self.total > COUNT_CAP:
            return f"{COUNT_CAP:,}+"
        return f"{self.total:,}"

    def on_mount(self) -> None:
        self.add_column(Text(" "), key="mark", width=1)
        self.add_column(Text("Title"), key="title")
        self.add_column(Text("Site"), key="site", width=16)
        self.add_column(Text("Date"), key="date", width=10)
        self.add_column(Text("Time"), key="time", width=6)
        self.add_column(Text("Read"), key="progress", width=4)

    def reload(self, library: Library, query: Query, select: int | None = None) -> None:
        """Show the first page for ``query``; keep the cursor on ``select`` if it is there."""
        self.library, self.query_spec = library, query
        self.total = library.count(query, at_most=COUNT_CAP if query.text else None)
        self.clear()
        self._loaded = 0
        self._more = True
        self._load_page()
        if select is not None and str(select) in {str(k.value) for k in self.rows}:
            self.move_cursor(row=self.get_row_index(str(select)))

    def on_resize(self) -> None:
        if self.library is not None and self.row_count and self._width != self.size.width:
            self.reload(self.library, self.query_spec, select=self.selected_id)

    def _load_page(self) -> None:
        if self.library is None:
            return
        entries = self.library.page(self.query_spec, limit=PAGE, offset=self._loaded)
        self._width = self.size.width
        title_width = max(20, self.size.width - 16 - 10 - 6 - 4 - 1 - 14)
        for entry in entries:
            self.add_row(*self._cells(entry, title_width), key=str(entry.id))
        self._loaded += len(entries)
        self._more = len(entries) == PAGE

    def _cells(self, entry: Entry, title_width: int) -> list[Text]:
        mark = Text(" " if entry.read else "●", style="bold")
        title = Text(strip_controls(entry.title), no_wrap=True, overflow="ellipsis")
        title.truncate(title_width, overflow="ellipsis")
        # An article from a feed shows the feed's name where others show their site.
        site = Text(
            strip_controls(entry.feed or entry.site or ""), no_wrap=True, overflow="ellipsis"
        )
        progress = f"{round(entry.progress * 100)}%" if entry.progress else ""
        return [
            mark,
            title,
            site,
            Text(_date(entry)),
            Text(f"{entry.reading_minutes}m", justify="right"),
            Text(progress, justify="right"),
        ]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self._loaded - 5 and self._more:
            self._load_page()

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
