"""The reader: table of contents | article text | summary pane, all driven from the keyboard.

Below 100 columns only the text shows (``t`` and ``s`` bring the panes back); from 100 the
summary joins it; from 140 all three show. Summaries are computed in a worker so the text is
readable at once, and recomputed there when the algorithm or length changes.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, OptionList
from textual.worker import get_current_worker

from inbrief.errors import InbriefError
from inbrief.library import Library, Position
from inbrief.model import Article, Summary
from inbrief.render import meta_line
from inbrief.summarize import ALGORITHMS, SummaryOptions, summarize
from inbrief.textclean import strip_controls
from inbrief.tui.browser import copy_link, open_link
from inbrief.tui.document_layout import flatten
from inbrief.tui.library_faults import shows_library_errors
from inbrief.tui.messages import SummaryFailed, SummaryReady
from inbrief.tui.screens.links import LinkChoice, LinkPickerScreen
from inbrief.tui.takeaway_spans import TakeawayLocator
from inbrief.tui.widgets.article_view import ArticleView
from inbrief.tui.widgets.summary_pane import SummaryPane
from inbrief.tui.widgets.toc import TableOfContents

#: Widths (columns) from which the summary pane, then the table of contents, show by default.
SUMMARY_FROM, TOC_FROM = 100, 140


class ReaderScreen(Screen[None]):
    """One article from the library, with its sections and its summary."""

    TITLE = "Reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll(1)", "Down", show=False, id="reader.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="reader.up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="reader.page-down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="reader.page-up"),
        Binding("g,home", "top", "Top", show=False, id="reader.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
        Binding("right_square_bracket", "section(1)", "Next section", id="reader.next-section"),
        Binding(
            "left_square_bracket",
            "section(-1)",
            "Prev section",
            show=False,
            id="reader.prev-section",
        ),
        Binding("slash", "search", "Find", id="reader.search"),
        Binding("n", "match(1)", "Next hit", id="reader.next-hit"),
        Binding("N", "match(-1)", "Prev hit", show=False, id="reader.prev-hit"),
        Binding("t", "toggle_toc", "Contents", show=False, id="reader.toggle-toc"),
        Binding("s", "toggle_summary", "Summary", id="reader.toggle-summary"),
        Binding("h", "highlight", "Highlight", show=False, id="reader.highlight"),
        Binding("a", "algorithm(1)", "Algorithm", id="reader.algorithm"),
        Binding("A", "algorithm(-1)", "Prev algorithm", show=False, id="reader.prev-algorithm"),
        Binding("plus,equals_sign", "length(1)", "Longer", show=False, id="reader.longer"),
        Binding("minus", "length(-1)", "Shorter", show=False, id="reader.shorter"),
        Binding("l", "links", "Links", id="reader.links"),
        Binding("o", "open_original", "Open original", show=False, id="reader.open"),
        Binding("escape,q", "back", "Library", id="reader.back"),
    ]

    def __init__(self, library: Library, article_id: int) -> None:
        super().__init__()
        self.library = library
        self.article_id = article_id
        self.article: Article | None = None
        self.summary: Summary | None = None
        self.algorithm = ALGORITHMS[0]
        self.sentences: int | None = None
        self._locator: TakeawayLocator | None = None
        self._wide_toc: bool | None = None
        self._wide_summary: bool | None = None
        self._view: ArticleView | None = None
        self._saved_at = Position()

    def compose(self) -> ComposeResult:
        yield Label(id="reader-title")
        with Horizontal(id="panes"):
            yield TableOfContents(id="toc")
            yield ArticleView(id="text")
            yield SummaryPane(id="summary")
        yield Input(placeholder="Find in article (Enter: keep hits, Esc: clear)", id="find")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#find").display = False
        self._apply_panes(self.app.size.width)
        view = self._view = self.query_one(ArticleView)
        try:
            self.article, position = self.library.article(self.article_id)
        except InbriefError as exc:
            self.notify(str(exc), severity="error", markup=False)
            self.app.pop_screen()
            return
        article = self.article
        blocks = flatten(article, meta_line(article))
        self._show_place(0)
        view.load(blocks, top=position)
        self._locator = TakeawayLocator(blocks)
        self.query_one(TableOfContents).show(article)
        self._mark_read()
        self._saved_at = position
        self.set_interval(5, self._save_if_moved)
        view.focus()
        # Paint the text first: the worker competes for the GIL, so start it after a frame.
        self.call_after_refresh(self._summarize)

    def on_resize(self, event: Resize) -> None:
        self._apply_panes(event.size.width)

    def _apply_panes(self, width: int) -> None:
        toc = self._wide_toc if self._wide_toc is not None else width >= TOC_FROM
        summary = self._wide_summary if self._wide_summary is not None else width >= SUMMARY_FROM
        self.query_one("#toc").display = toc
        self.query_one("#summary").display = summary

    @shows_library_errors
    def _mark_read(self) -> None:
        self.library.mark_read(self.article_id)

    @shows_library_errors
    def _save_position(self) -> None:
        if self.article is not None and self._view is not None:
            view = self._view
            self._saved_at = Position(*view.top_position)
            self.library.save_position(self.article_id, self._saved_at, view.progress)

    def _save_if_moved(self) -> None:
        """Every few seconds: so a dropped SSH session loses at most that much reading."""
        if self._view is not None and Position(*self._view.top_position) != self._saved_at:
            self._save_position()

    def on_unmount(self) -> None:
        self._save_position()

    # -- summary ---------------------------------------------------------------------------

    def _summarize(self) -> None:
        count = f"{self.sentences} sentences" if self.sentences else "default length"
        self.query_one(SummaryPane).show_status(f"Summarizing ({self.algorithm}, {count})…")
        if self.article is not None:
            self._summary_worker(self.article, SummaryOptions(self.algorithm, self.sentences))

    @work(thread=True, exclusive=True, group="summary")
    def _summary_worker(self, article: Article, options: SummaryOptions) -> None:
        try:
            summary = summarize(article, options)
        except InbriefError as exc:
            self.post_message(SummaryFailed(self.article_id, str(exc)))
            return
        if get_current_worker().is_cancelled:
            return  # a newer request (another algorithm or length) replaced this one
        self.post_message(SummaryReady(self.article_id, summary))

    def on_summary_ready(self, message: SummaryReady) -> None:
        if message.summary.algorithm != self.algorithm:
            return  # an older request finished after the user moved on
        self.summary = message.summary
        self.query_one(SummaryPane).show(message.summary)
        if self.article is not None:
            self.query_one(TableOfContents).show(self.article, message.summary.section_gists)
        if self._locator is not None:
            spans = [self._locator.locate(t) for t in message.summary.takeaways]
            self.query_one(ArticleView).set_summary_spans([s for s in spans if s is not None])

    def on_summary_failed(self, message: SummaryFailed) -> None:
        self.query_one(SummaryPane).show_status(f"No summary: {message.reason}")

    def on_summary_pane_takeaway_selected(self, message: SummaryPane.TakeawaySelected) -> None:
        if self._locator is not None:
            self.query_one(ArticleView).focus_span(self._locator.locate(message.takeaway))

    def action_algorithm(self, step: int) -> None:
        index = (ALGORITHMS.index(self.algorithm) + step) % len(ALGORITHMS)
        self.algorithm = ALGORITHMS[index]
        self.notify(f"Summarizer: {self.algorithm}", timeout=2, markup=False)
        self._summarize()

    def action_length(self, step: int) -> None:
        current = self.sentences or (len(self.summary.takeaways) if self.summary else 3)
        self.sentences = max(1, min(30, current + step))
        self._summarize()

    def action_highlight(self) -> None:
        shown = self.query_one(ArticleView).toggle_summary()
        self.notify("Summary sentences highlighted" if shown else "Highlights off", timeout=2)

    # -- navigation ------------------------------------------------------------------------

    def action_scroll(self, lines: int) -> None:
        view = self.query_one(ArticleView)
        view.scroll_to(y=view.scroll_y + lines, animate=False)

    def action_page(self, pages: int) -> None:
        view = self.query_one(ArticleView)
        step = max(1, view.size.height - 2)
        view.scroll_to(y=view.scroll_y + pages * step, animate=False)

    def action_top(self) -> None:
        self.query_one(ArticleView).scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.query_one(ArticleView).scroll_end(animate=False)

    def action_section(self, step: int) -> None:
        if self.article is None:
            return
        view = self.query_one(ArticleView)
        target = max(0, min(len(self.article.sections) - 1, view.current_section() + step))
        view.scroll_to_section(target)

    def on_article_view_section_changed(self, message: ArticleView.SectionChanged) -> None:
        self.query_one(TableOfContents).follow(message.section)
        self._show_place(message.section)

    def _show_place(self, section: int) -> None:
        """The top bar: the title, and the heading of the section being read."""
        if self.article is None:
            return
        heading = ""
        if 0 < section < len(self.article.sections):
            heading = self.article.sections[section].heading
        place = f" {self.article.title}" + (f" › {heading}" if heading else "")
        self.query_one("#reader-title", Label).update(Content(strip_controls(place)))

    @on(OptionList.OptionSelected, "#toc")
    def _toc_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one(ArticleView).scroll_to_section(event.option_index)

    def action_toggle_toc(self) -> None:
        self._wide_toc = not self.query_one("#toc").display
        self._apply_panes(self.size.width)
        if self._wide_toc:
            self.query_one(TableOfContents).focus()

    def action_toggle_summary(self) -> None:
        self._wide_summary = not self.query_one("#summary").display
        self._apply_panes(self.size.width)
        if self._wide_summary:
            self.query_one(SummaryPane).focus()

    def action_search(self) -> None:
        find = self.query_one("#find", Input)
        find.display = True
        find.focus()

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        count = self.query_one(ArticleView).search(event.value)
        self.notify(f"{count} hits for “{event.value}” (n / N)", timeout=3, markup=False)
        self.refresh_bindings()
        event.input.display = False
        self.query_one(ArticleView).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hit keys are dimmed in the footer, and left out of the palette, until a search hits."""
        if action == "match":
            return True if self._view is not None and self._view.match_count > 0 else None
        return True

    def action_match(self, step: int) -> None:
        position, count = self.query_one(ArticleView).next_match(step)
        if count:
            self.notify(f"Hit {position} of {count}", timeout=1)

    # -- links ---------------------------------------------------------------------------

    def action_open_original(self) -> None:
        url = self.article.url if self.article else None
        if not url:
            self.notify("This article has no address to open", severity="warning")
            return
        self.notify(open_link(self.app, url), timeout=3, markup=False)

    def action_links(self) -> None:
        view = self.query_one(ArticleView)
        links = view.links()
        if not links:
            self.notify("No links in this article", timeout=2)
            return
        top = view.top_block
        start = next((i for i, link in enumerate(links) if link.block >= top), 0)
        self.app.push_screen(LinkPickerScreen(links, start), self._link_chosen)

    def _link_chosen(self, choice: LinkChoice | None) -> None:
        if choice is None:
            return
        self.query_one(ArticleView).focus_span(choice.link.span)
        if choice.action == "copy":
            message = copy_link(self.app, choice.link.url)
        else:
            message = open_link(self.app, choice.link.url)
        self.notify(message, timeout=3, markup=False)

    def on_article_view_link_clicked(self, message: ArticleView.LinkClicked) -> None:
        self.notify(open_link(self.app, message.url), timeout=3, markup=False)

    def action_back(self) -> None:
        find = self.query_one("#find", Input)
        if find.has_focus:
            find.value, find.display = "", False
            self.query_one(ArticleView).search("")
            self.query_one(ArticleView).focus()
            self.refresh_bindings()
            return
        self._save_position()
        self.app.pop_screen()
