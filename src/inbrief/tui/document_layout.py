"""An article flattened into display blocks and wrapped into lines for a given width.

The article view renders only the lines on screen (Textual's line API), so all it needs is
this index: for each screen line, which block it shows and which slice of that block's text.
Wrapping is a greedy word wrap measured in terminal cells; it touches each word once, so a
50,000-word article wraps in tens of milliseconds. Nothing here knows about styles.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

from inbrief.links import openable_url
from inbrief.model import Article, Block, BlockKind
from inbrief.render import table_lines
from inbrief.textclean import strip_controls

_WORD = re.compile(r"\S+\s*")
#: Below this :attr:`Article.confidence` the reader warns that extraction may have failed.
LOW_CONFIDENCE = 0.5
#: The widest the text column gets: long lines are hard to read.
MAX_MEASURE = 96


@dataclass(frozen=True, slots=True)
class DisplayBlock:
    """One thing shown as a unit: the title, a heading, a paragraph, one list item, ..."""

    kind: str
    text: str
    #: Section index in the article; -1 for the title and metadata lines.
    section: int
    #: Block index within the section; -1 for headings and the title.
    block: int = -1
    #: Item index within a list block (0 for every other kind).
    item: int = 0
    #: What the first line starts with ("• ", "3. ", "▌ "); later lines are indented as wide.
    prefix: str = ""
    #: Links in ``text``: ``(start, end, url)``, in order.
    links: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: a slice ``[start, end)`` of block ``block``'s text (-1: blank line)."""

    block: int
    start: int = 0
    end: int = 0
    first: bool = True


BLANK = Line(-1)


def flatten(article: Article, meta: str) -> list[DisplayBlock]:
    """The article as display blocks, control characters removed from every string."""
    blocks = [DisplayBlock("title", strip_controls(article.title), -1)]
    if meta:
        blocks.append(DisplayBlock("meta", strip_controls(meta), -1))
    if article.confidence < LOW_CONFIDENCE:
        warning = (
            f"Low extraction confidence ({article.confidence:.2f}): the page gave little article "
            "text, so this may be a fragment or the wrong part of the page."
        )
        blocks.append(DisplayBlock("warning", warning, -1))
    if article.url:
        text, url = strip_controls(article.url), openable_url(article.url)
        blocks.append(DisplayBlock("link", text, -1, links=((0, len(text), url),) if url else ()))
    for s_index, section in enumerate(article.sections):
        if section.heading:
            kind = "heading" if section.level <= 2 else "subheading"
            blocks.append(DisplayBlock(kind, strip_controls(section.heading), s_index))
        for b_index, block in enumerate(section.blocks):
            if block.kind is BlockKind.TABLE:
                blocks += _table_rows(block, s_index, b_index)
                continue
            for i_index, item in enumerate(block.items):
                text = strip_controls(item)  # keeps newlines and tabs, so code keeps its shape
                prefix = ""
                if block.kind is BlockKind.LIST:
                    marker = strip_controls(block.marker(i_index))
                    prefix = "   " * block.level(i_index) + marker + " "
                elif block.kind is BlockKind.QUOTE:
                    prefix = "▌ "
                elif block.kind is BlockKind.CODE:
                    prefix = "  "
                links = _item_links(block, i_index) if text == item else ()
                blocks.append(
                    DisplayBlock(str(block.kind), text, s_index, b_index, i_index, prefix, links)
                )
    return blocks


def _table_rows(block: Block, section: int, index: int) -> list[DisplayBlock]:
    """One display block per table row, columns aligned; the header carries its rule."""
    lines = table_lines(block, rule="─")
    if not lines:
        return []
    rows = [f"{lines[0]}\n{lines[1]}", *lines[2:]]
    return [DisplayBlock("table", row, section, index, n) for n, row in enumerate(rows)]


def _item_links(block: Block, item: int) -> tuple[tuple[int, int, str], ...]:
    """The links in item ``item`` of ``block`` whose addresses are safe to open, in order."""
    links: list[tuple[int, int, str]] = []
    for link in block.links:
        url = openable_url(link.url) if link.item == item else None
        if url is not None and (not links or link.start >= links[-1][1]):
            links.append((link.start, link.end, url))
    return tuple(links)


def wrap_text(text: str, width: int) -> list[tuple[int, int]]:
    """``[start, end)`` offsets of each line of ``text`` wrapped to ``width`` cells."""
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    base = 0
    for hard in text.split("\n"):
        spans.extend(_wrap_line(hard, width, base))
        base += len(hard) + 1
    return spans


def _wrap_line(text: str, width: int, base: int) -> list[tuple[int, int]]:
    if not text:
        return [(base, base)]
    spans: list[tuple[int, int]] = []
    start, column = 0, 0
    for match in _WORD.finditer(text):
        word = match.group()
        size = cell_len(word.rstrip())
        if column and column + size > width:
            spans.append((base + start, base + match.start()))
            start, column = match.start(), 0
        if size > width:  # a word longer than the line: cut it by cells
            offset = match.start()
            for index, char in enumerate(word.rstrip()):
                char_size = cell_len(char)
                if column and column + char_size > width:
                    spans.append((base + start, base + offset + index))
                    start, column = offset + index, 0
                column += char_size
            column += len(word) - len(word.rstrip())
            continue
        column += cell_len(word)
    spans.append((base + start, base + len(text)))
    return spans


class DocumentLayout:
    """Display blocks plus their lines at one width, with lookups both ways."""

    def __init__(self, blocks: list[DisplayBlock]) -> None:
        self.blocks = blocks
        self.lines: list[Line] = []
        self.width = 0
        #: First line of each block, in block order (for block -> line lookups).
        self.first_line: list[int] = []
        #: Block index where each section starts (its heading, or its first block).
        self.section_start: dict[int, int] = {}
        for index, block in enumerate(blocks):
            if block.section >= 0:
                self.section_start.setdefault(block.section, index)

    def wrap(self, width: int) -> None:
        """(Re)compute the lines for a text column ``width`` cells wide."""
        self.width = width
        lines: list[Line] = []
        first_line: list[int] = []
        previous_kind = ""
        for index, block in enumerate(self.blocks):
            same_block = block.kind == previous_kind and block.kind in ("list", "table")
            if lines and not (same_block and block.item > 0):
                lines.append(BLANK)
            first_line.append(len(lines))
            indent = cell_len(block.prefix)
            for n, (start, end) in enumerate(wrap_text(block.text, width - indent)):
                lines.append(Line(index, start, end, first=n == 0))
            previous_kind = block.kind
        self.lines, self.first_line = lines, first_line

    def block_at_line(self, y: int) -> int:
        """The block shown at line ``y`` (a blank line belongs to the block after it)."""
        if not self.first_line:
            return 0
        y = max(0, min(y, len(self.lines) - 1))
        return max(0, bisect_right(self.first_line, y) - 1 + (self.lines[y].block < 0))

    def line_of(self, block: int, offset: int = 0) -> int:
        """The line showing character ``offset`` of ``block``."""
        if not self.first_line:
            return 0
        block = max(0, min(block, len(self.blocks) - 1))
        y = self.first_line[block]
        while (
            y + 1 < len(self.lines)
            and self.lines[y + 1].block == block
            and self.lines[y + 1].start <= offset
        ):
            y += 1
        return y

    def section_at_line(self, y: int) -> int:
        """The section being read when line ``y`` is at the top of the view."""
        block = self.blocks[self.block_at_line(y)] if self.blocks else None
        return max(0, block.section) if block else 0
