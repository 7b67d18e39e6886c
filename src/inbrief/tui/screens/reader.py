"""The reader: table of contents | article text | summary pane, all driven from the keyboard.

Which panes show is screen state (``show_toc``, ``show_summary``) turned into CSS classes; the
width rules are the app's breakpoint classes (``-narrow`` below 100 columns, ``-medium``,
``-wide`` from 140; see ``app.tcss``). The text always keeps a readable measure: a pane that
does not fit beside it lies over it instead of squeezing it. Summaries are computed in a
worker so the text is readable at once, and recomputed there when the algorithm or the length
(reactive too) changes; a failure shows in the pane.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList
from textual.worker import Worker, WorkerState, get_current_worker

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
from inbrief.tui.widgets.footer import KeyFooter
from inbrief.tui.widgets.summary_pane import SummaryPane
from inbrief.tui.widgets.toc import TableOfContents


class ReaderScreen(Screen[None]):
    """One article from the library, with its sections and its summary."""

    TITLE = "Reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Library", id="reader.back"),
        Binding("slash", "search", "Find", id="reader.search"),
        Binding("t", "toggle_toc", "Contents", id="reader.toggle-toc"),
        Binding("s", "toggle_summary", "Summary", id="reader.toggle-summary"),
        Binding("l", "links", "Links", id="reader.links"),
        Binding("a", "algorithm(1)", "Algorithm", id="reader.algorithm"),
        Binding("A", "algorithm(-1)", "Prev algorithm", show=False, id="reader.prev-algorithm"),
        Binding("plus,equals_sign", "length(1)", "Longer", show=False, id="reader.longer"),
        Binding("minus", "length(-1)", "Shorter", show=False, id="reader.shorter"),
        Binding("h", "highlight", "Highlight", show=False, id="reader.highlight"),
        Binding("o", "open_original", "Open original", show=False, id="reader.open"),
    ]

    #: Pane visibility asked for with ``t`` / ``s``; None leaves it to the width.
    show_toc: reactive[bool | None] = reactive(None)
    show_summary: reactive[bool | None] = reactive(None)
    #: The summarizer and the summary length (None: the default length); changes recompute.
    algorithm: reactive[str] = reactive(ALGORITHMS[0], init=False)
    sentences: reactive[int | None] = reactive(None, init=False)

    def __init__(self, library: Library, article_id: int) -> None:
        super().__init__()
        self.library = library
        self.article_id = article_id
        self.article: Article | None = None
        self.summary: Summary | None = None
        self._locator: TakeawayLocator | None = None
        self._view: ArticleView | None = None
        self._saved_at = Position()

    def compose(self) -> ComposeResult:
        yield Label(id="reader-title")
        with Horizontal(id="panes"):
            yield TableOfContents(id="toc")
            yield ArticleView(id="text")
            yield SummaryPane(id="summary")
        yield Input(placeholder="Find in article (Enter: keep hits, Esc: clear)", id="find")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#find").display = False
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

    # -- panes -----------------------------------------------------------------------------

    def watch_show_toc(self, shown: bool | None) -> None:
        self.set_class(shown is True, "-toc-on")
        self.set_class(shown is False, "-toc-off")

    def watch_show_summary(self, shown: bool | None) -> None:
        self.set_class(shown is True, "-summary-on")
        self.set_class(shown is False, "-summary-off")

    def action_toggle_toc(self) -> None:
        self._toggle(self.query_one(TableOfContents), "show_toc", "show_summary")

    def action_toggle_summary(self) -> None:
        self._toggle(self.query_one(SummaryPane), "show_summary", "show_toc")

    def _toggle(self, pane: OptionList, name: str, other: str) -> None:
        """Show or hide ``pane``; shown, it takes the focus. Over the text, one pane at a time."""
        shown = not pane.display
        setattr(self, name, shown)
        if not shown:
            if pane.has_focus:
                self.query_one(ArticleView).focus()
            return
        if self.has_class("-narrow"):
            setattr(self, other, None)  # below the readable width a pane covers the text
        pane.focus()

    def _drawer_with_focus(self) -> str | None:
        """The name of the pane lying over the text that has the focus, if any."""
        for pane, name in ((TableOfContents, "show_toc"), (SummaryPane, "show_summary")):
            widget = self.query_one(pane)
            if widget.has_focus and widget.styles.layer == "drawer":
                return name
        return None

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

    def watch_algorithm(self) -> None:
        self._summarize()

    def watch_sentences(self) -> None:
        self._summarize()

    # A failure must not end the app (the default for a worker): on_worker_state_changed shows it.
    @work(thread=True, exclusive=True, group="summary", exit_on_error=False)
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

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A bug in the summarizer shows in the pane and as a notice; reading goes on."""
        if event.state is not WorkerState.ERROR or event.worker.group != "summary":
            return
        error = event.worker.error
        reason = f"{type(error).__name__}: {error}" if error is not None else "unknown error"
        self.query_one(SummaryPane).show_status(f"No summary: {reason}")
        self.notify(reason, title="Summary failed", severity="error", markup=False)

    def on_summary_pane_takeaway_selected(self, message: SummaryPane.TakeawaySelected) -> None:
        if self._locator is not None:
            self.query_one(ArticleView).focus_span(self._locator.locate(message.takeaway))

    def action_algorithm(self, step: int) -> None:
        index = (ALGORITHMS.index(self.algorithm) + step) % len(ALGORITHMS)
        self.algorithm = ALGORITHMS[index]  # the watcher recomputes
        self.notify(f"Summarizer: {self.algorithm}", timeout=2, markup=False)

    def action_length(self, step: int) -> None:
        current = self.sentences or (len(self.summary.takeaways) if self.summary else 3)
        self.sentences = max(1, min(30, current + step))  # the watcher recomputes if it changed

    def action_highlight(self) -> None:
        shown = self.query_one(ArticleView).toggle_summary()
        self.notify("Summary sentences highlighted" if shown else "Highlights off", timeout=2)

    # -- navigation ------------------------------------------------------------------------

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

    def action_search(self) -> None:
        find = self.query_one("#find", Input)
        find.display = True
        find.focus()

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        count = self.query_one(ArticleView).search(event.value)
        note = f"{count} hits for “{event.value}” (n / N, Esc clears)"
        self.notify(note, timeout=3, markup=False)
        event.input.display = False
        self.query_one(ArticleView).focus()

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
        """Esc peels one layer: the find bar, a pane over the text, the hits, then the article."""
        find, view = self.query_one("#find", Input), self.query_one(ArticleView)
        if find.has_focus:
            find.value, find.display = "", False
            view.search("")
            view.focus()
            return
        drawer = self._drawer_with_focus()
        if drawer is not None:
            setattr(self, drawer, None)
            view.focus()
            return
        if view.match_count:
            view.search("")
            self.notify("Find cleared", timeout=1)
            return
        self._save_position()
        self.app.pop_screen()
