"""The article text, drawn with Textual's line API: only the lines on screen are rendered.

A widget per paragraph costs about a second to mount for a 40,000-word article; this view
costs one word-wrap pass (:mod:`inbrief.tui.document_layout`) and then a few dozen
``render_line`` calls per frame, whatever the length. Text is always a ``rich.text.Text``
built from plain strings, never markup, so ``[bold]`` in an article shows as ``[bold]``.

Links are underlined and carry their address as a terminal hyperlink (OSC 8), so a terminal
that supports them opens links itself, on the user's machine even over SSH; a click inside
the app posts :class:`ArticleView.LinkClicked`. Addresses were made printable ASCII when the
article was extracted and are checked again by :func:`inbrief.links.openable_url`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from inbrief.tui.document_layout import MAX_MEASURE, DisplayBlock, DocumentLayout
from inbrief.tui.takeaway_spans import Span

_KINDS = (
    "title", "meta", "warning", "link", "heading", "subheading", "list", "quote", "code",
    "caption", "byline", "dateline", "prefix", "summary", "focus", "match", "match-current",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    kind: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class TextLink:
    """A link as shown: its display block, where its text is, the text and the address."""

    block: int
    start: int
    end: int
    text: str
    url: str

    @property
    def span(self) -> Span:
        return Span(self.block, self.start, self.end)


class ArticleView(ScrollView, can_focus=True):
    """Scrollable article text with section tracking, inline highlights and search hits.

    It owns its keys: moving (lines, pages, ends, sections) and stepping through search hits.
    Every move jumps, never animates, whichever key asked for it. The ids keep the ``reader.``
    prefix that user keymaps (``[keys]`` in config.toml) name.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Down", show=False, id="reader.down"),
        Binding("k,up", "move(-1)", "Up", show=False, id="reader.up"),
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
        Binding("n", "match(1)", "Next hit", id="reader.next-hit"),
        Binding("N", "match(-1)", "Prev hit", show=False, id="reader.prev-hit"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"article-view--{kind}" for kind in _KINDS}

    DEFAULT_CSS = """
    ArticleView { overflow-x: hidden; overflow-y: scroll; scrollbar-gutter: stable; padding: 0 2; }
    ArticleView > .article-view--title { text-style: bold; color: $primary; }
    ArticleView > .article-view--meta { color: $text-muted; }
    ArticleView > .article-view--warning { color: $text-warning; text-style: bold; }
    ArticleView > .article-view--link { color: $text-primary; text-style: underline; }
    ArticleView > .article-view--heading { text-style: bold; color: $primary; }
    ArticleView > .article-view--subheading { text-style: bold italic; color: $secondary; }
    ArticleView > .article-view--quote { text-style: italic; }
    ArticleView > .article-view--code { color: $text-success; }
    ArticleView > .article-view--caption { text-style: italic; color: $text-muted; }
    ArticleView > .article-view--byline { color: $text-muted; }
    ArticleView > .article-view--dateline { color: $text-muted; }
    ArticleView > .article-view--prefix { color: $accent; }
    ArticleView > .article-view--summary {
        background: $reader-highlight; color: $reader-highlight-foreground;
    }
    ArticleView > .article-view--focus {
        background: $reader-highlight; color: $reader-highlight-foreground; text-style: bold;
    }
    ArticleView > .article-view--match { background: $reader-hit; color: $reader-hit-foreground; }
    ArticleView > .article-view--match-current { text-style: reverse bold; }
    """

    class LinkClicked(Message):
        """A link in the text was clicked."""

        def __init__(self, url: str) -> None:
            super().__init__()
            self.url = url

    class SectionChanged(Message):
        """The section at the top of the view changed (the TOC follows it)."""

        def __init__(self, section: int) -> None:
            super().__init__()
            self.section = section

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.layout_index = DocumentLayout([])
        self._cache: LRUCache[tuple[int, int, Style], Strip] = LRUCache(512)
        self._styles: dict[str, Style] = {}
        self._summary: dict[int, list[_Mark]] = {}
        self._focus: Span | None = None
        self._matches: list[Span] = []
        #: Block -> indexes into ``_matches``: drawing a line looks at its own block's hits only.
        self._matches_by_block: dict[int, list[int]] = {}
        self._match_index = -1
        self._section = -1
        self._pending_top: tuple[int, int] | None = None
        self._link_styles: dict[str, Style] = {}
        self.show_summary = False

    # -- content ---------------------------------------------------------------------------

    def load(self, blocks: list[DisplayBlock], top: tuple[int, int] = (0, 0)) -> None:
        """Show ``blocks``, with ``top`` (block, character offset) at the top of the view.

        ``top`` is a restored reading position, as :attr:`top_position` gave it.
        """
        self.layout_index = DocumentLayout(blocks)
        self._summary, self._focus, self._matches, self._match_index = {}, None, [], -1
        self._matches_by_block, self._link_styles = {}, {}
        if self.scrollable_content_region.width <= 0:
            self._pending_top = top  # not laid out yet: wrap when the size is known
            return
        self._relayout(top)

    @property
    def text_width(self) -> int:
        return max(10, min(MAX_MEASURE, self.scrollable_content_region.width - 1))

    def _relayout(self, top: tuple[int, int] | None = None) -> None:
        block, offset = self.top_position if top is None else top
        self.layout_index.wrap(self.text_width)
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self.layout_index.lines))
        y = self.layout_index.line_of(block, offset)
        self.scroll_to(y=y, animate=False, immediate=True)
        if y and round(self.scroll_y) != y:  # the scroll range is not updated yet
            self.call_after_refresh(self.scroll_to, y=y, animate=False, immediate=True)
        self.refresh()

    def on_resize(self) -> None:
        if self._pending_top is not None:
            top, self._pending_top = self._pending_top, None
            self._relayout(top)
        elif self.layout_index.width != self.text_width:
            self._relayout()

    @property
    def top_block(self) -> int:
        return self.layout_index.block_at_line(round(self.scroll_y))

    @property
    def top_position(self) -> tuple[int, int]:
        """The block at the top of the view and the character its top line starts at.

        Kept as a place in the text, not a line number, so it survives re-wrapping.
        """
        y = round(self.scroll_y)
        block = self.layout_index.block_at_line(y)
        lines = self.layout_index.lines
        if 0 <= y < len(lines) and lines[y].block == block:
            return block, lines[y].start
        return block, 0

    def links(self) -> list[TextLink]:
        """Every link in the text, in reading order."""
        return [
            TextLink(index, start, end, block.text[start:end], url)
            for index, block in enumerate(self.layout_index.blocks)
            for start, end, url in block.links
        ]

    def on_click(self, event: events.Click) -> None:
        url = event.style.link
        if url:
            event.stop()
            self.post_message(self.LinkClicked(url))

    @property
    def progress(self) -> float:
        total = max(1, len(self.layout_index.lines) - self.size.height)
        return min(1.0, self.scroll_y / total)

    # -- navigation ------------------------------------------------------------------------

    def action_move(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_y + lines, animate=False)

    def action_page(self, pages: int) -> None:
        step = max(1, self.size.height - 2)
        self.scroll_to(y=self.scroll_y + pages * step, animate=False)

    def action_top(self) -> None:
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.scroll_end(animate=False)

    def action_section(self, step: int) -> None:
        last = max(self.layout_index.section_start, default=0)
        self.scroll_to_section(max(0, min(last, self.current_section() + step)))

    def action_match(self, step: int) -> None:
        position, count = self.next_match(step)
        if count:
            self.notify(f"Hit {position} of {count}", timeout=1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hit keys are dimmed in the footer, and left out of the palette, until a search hits."""
        if action == "match":
            return True if self._matches else None
        return True

    def scroll_to_block(self, block: int, offset: int = 0, *, context: int = 0) -> None:
        """Scroll so that ``block`` (at character ``offset``) shows ``context`` lines down."""
        y = self.layout_index.line_of(block, offset)
        self.scroll_to(y=max(0, y - context), animate=False, immediate=True)

    def scroll_to_section(self, section: int) -> None:
        block = self.layout_index.section_start.get(section)
        if block is not None:
            self.scroll_to_block(block)

    def current_section(self) -> int:
        return self.layout_index.section_at_line(round(self.scroll_y))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        section = self.current_section()
        if section != self._section:
            self._section = section
            self.post_message(self.SectionChanged(section))

    # -- highlights and search -------------------------------------------------------------

    def set_summary_spans(self, spans: list[Span]) -> None:
        self._summary = {}
        for span in spans:
            self._summary.setdefault(span.block, []).append(_Mark(span.start, span.end, "summary"))
        self._restyle()

    def toggle_summary(self) -> bool:
        self.show_summary = not self.show_summary
        self._restyle()
        return self.show_summary

    def focus_span(self, span: Span | None) -> None:
        """Highlight ``span`` (one takeaway) and scroll it into the upper third of the view."""
        self._focus = span
        if span is not None:
            self.scroll_to_block(span.block, span.start, context=max(1, self.size.height // 3))
        self._restyle()

    def search(self, term: str) -> int:
        """Mark every case-insensitive occurrence of ``term``; jump to the first below the top."""
        self._matches, self._match_index, self._matches_by_block = [], -1, {}
        if term:
            pattern = re.compile(re.escape(term), re.IGNORECASE)
            for index, block in enumerate(self.layout_index.blocks):
                for m in pattern.finditer(block.text):
                    self._matches_by_block.setdefault(index, []).append(len(self._matches))
                    self._matches.append(Span(index, m.start(), m.end()))
        if self._matches:
            top = self.top_block
            self._match_index = next((i for i, m in enumerate(self._matches) if m.block >= top), 0)
            self._show_match()
        self._restyle()
        self.refresh_bindings()
        return len(self._matches)

    @property
    def match_count(self) -> int:
        return len(self._matches)

    def next_match(self, step: int) -> tuple[int, int]:
        """Move to the next (``step`` 1) or previous (-1) hit; returns (position, count)."""
        if self._matches:
            self._match_index = (self._match_index + step) % len(self._matches)
            self._show_match()
            self._restyle()
        return self._match_index + 1, len(self._matches)

    def _show_match(self) -> None:
        match = self._matches[self._match_index]
        self.scroll_to_block(match.block, match.start, context=max(1, self.size.height // 3))

    # -- rendering -------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = {}
        self._cache.clear()

    def _restyle(self) -> None:
        self._cache.clear()
        self.refresh()

    def _link_style(self, url: str) -> Style:
        """One style per address, so a link wrapped over two lines keeps one hyperlink id."""
        style = self._link_styles.get(url)
        if style is None:
            style = self._link_styles[url] = Style(link=url)
        return style

    def _style(self, kind: str) -> Style:
        style = self._styles.get(kind)
        if style is None:
            name = f"article-view--{kind}"
            style = self.get_component_rich_style(name, partial=False)
            self._styles[kind] = style
        return style

    def _marks(self, block: int) -> list[_Mark]:
        marks = [
            _Mark(start, end, "link", url)
            for start, end, url in self.layout_index.blocks[block].links
        ]
        if self.show_summary:
            marks += self._summary.get(block, ())
        marks += [
            _Mark(
                self._matches[i].start,
                self._matches[i].end,
                "match-current" if i == self._match_index else "match",
            )
            for i in self._matches_by_block.get(block, ())
        ]
        if self._focus is not None and self._focus.block == block:
            marks.append(_Mark(self._focus.start, self._focus.end, "focus"))
        return marks

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style  # changes with focus (background tint) and theme
        key = (index, width, base)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_index(index, width, base)
            self._cache[key] = strip
        return strip

    def _render_index(self, index: int, width: int, base: Style) -> Strip:
        lines = self.layout_index.lines
        if index >= len(lines) or lines[index].block < 0:
            return Strip.blank(width, base)
        line = lines[index]
        block = self.layout_index.blocks[line.block]
        body = block.text[line.start : line.end].rstrip()
        prefix = block.prefix if line.first else " " * cell_len(block.prefix)
        text = Text(no_wrap=True, end="")
        text.append(prefix, self._style("prefix"))
        kind = block.kind if f"article-view--{block.kind}" in self.COMPONENT_CLASSES else ""
        part = Text(body, style=self._style(kind) if kind else "", no_wrap=True, end="")
        for mark in self._marks(line.block):
            start, end = max(mark.start, line.start), min(mark.end, line.start + len(body))
            if start < end:
                style = self._style(mark.kind)
                if mark.url:
                    style += self._link_style(mark.url)
                part.stylize(style, start - line.start, end - line.start)
        text.append_text(part)
        # A span, not Text(style=...): Text.render drops the base style when there are no spans.
        text.stylize_before(base)
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.extend_cell_length(width, base).crop(0, width)
