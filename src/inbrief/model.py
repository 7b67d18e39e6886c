"""The cleaned article as data: sections of typed blocks plus the page's metadata.

Nothing here knows where an article came from or how it will be shown; ingest builds
these objects, summarizers read them, the CLI and the TUI render them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class BlockKind(StrEnum):
    """What a block is. Only PARAGRAPH, LIST and QUOTE carry body sentences."""

    PARAGRAPH = "paragraph"
    LIST = "list"
    QUOTE = "quote"
    CODE = "code"
    CAPTION = "caption"
    BYLINE = "byline"
    DATELINE = "dateline"
    #: Rows of cells (:attr:`Block.rows`); the first row is the header. Never summarized.
    TABLE = "table"


#: Blocks whose sentences may be summarized. Captions, bylines, datelines, code and tables
#: never are.
BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST, BlockKind.QUOTE})
#: Blocks kept out of :attr:`Article.text`, the article's body as plain text.
_NOT_TEXT = frozenset({BlockKind.CAPTION, BlockKind.BYLINE, BlockKind.DATELINE})


@dataclass(frozen=True, slots=True)
class Link:
    """A link in the text: characters ``[start, end)`` of item ``item`` of its block go to ``url``.

    ``url`` is absolute http(s) and printable ASCII (see :mod:`inbrief.links`).
    """

    item: int
    start: int
    end: int
    url: str

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "start": self.start, "end": self.end, "url": self.url}

    @classmethod
    def spans(cls, item: int, spans: Iterable[tuple[int, int, str]]) -> list[Link]:
        """Links for item ``item`` from ``(start, end, url)`` spans into its text."""
        return [cls(item, start, end, url) for start, end, url in spans]


#: Separates the cells of a table row in :attr:`Block.items` (cleaned text never holds a tab).
CELL_SEPARATOR = "\t"


@dataclass(slots=True)
class Block:
    """One block of text. A list keeps its items, a table its rows (cells joined by
    :data:`CELL_SEPARATOR`); every other kind has exactly one item."""

    kind: BlockKind
    items: list[str]
    ordered: bool = False
    #: Links inside the text, in reading order.
    links: list[Link] = field(default_factory=list)
    #: A list's nesting: each item's depth (0: top level). Empty when the list is flat.
    levels: list[int] = field(default_factory=list)
    #: A list's item labels as the source numbered them ("3.", "4.", "•" for a nested
    #: bullet). Empty when they are the default: 1., 2., ... or a bullet each.
    markers: list[str] = field(default_factory=list)

    @classmethod
    def list_of(
        cls,
        items: list[str],
        ordered: bool,
        links: list[Link] | None = None,
        levels: list[int] | None = None,
        markers: list[str] | None = None,
    ) -> Block:
        """A list block; ``levels`` and ``markers`` are kept only where they say something
        (some item nested; a label other than the default)."""
        block = cls(BlockKind.LIST, items, ordered, links or [])
        if levels and any(levels) and len(levels) == len(items):
            block.levels = levels
        default = [block.marker(i) for i in range(len(items))]
        if markers and len(markers) == len(items) and markers != default:
            block.markers = markers
        return block

    def marker(self, item: int) -> str:
        """The label shown before list item ``item``: its own, or the default one."""
        if item < len(self.markers):
            return self.markers[item]
        return f"{item + 1}." if self.ordered else "•"

    def level(self, item: int) -> int:
        """How deeply list item ``item`` is nested (0: top level)."""
        return self.levels[item] if item < len(self.levels) else 0

    @property
    def text(self) -> str:
        return "\n".join(self.items)

    @property
    def rows(self) -> list[list[str]]:
        """A table's cells, row by row (every other kind: one cell per item)."""
        return [item.split(CELL_SEPARATOR) for item in self.items]

    @classmethod
    def table(cls, rows: Iterable[Iterable[str]]) -> Block:
        """A table block from rows of cell texts, every row padded to the widest."""
        cells = [[cell.replace(CELL_SEPARATOR, " ") for cell in row] for row in rows]
        width = max((len(row) for row in cells), default=0)
        items = [CELL_SEPARATOR.join(row + [""] * (width - len(row))) for row in cells]
        return cls(BlockKind.TABLE, items)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Block:
        kind = BlockKind(data["kind"])
        if kind is BlockKind.TABLE:
            return cls.table([str(cell) for cell in row] for row in data.get("rows", ()))
        items = list(data["items"]) if "items" in data else [data["text"]]
        links = [link for raw in data.get("links", ()) if (link := _link_from_json(raw, items))]
        levels = [max(0, int(n)) for n in data.get("levels", ())][: len(items)]
        markers = [str(m) for m in data.get("markers", ())][: len(items)]
        return cls(
            kind,
            items,
            ordered=bool(data.get("ordered", False)),
            links=links,
            levels=levels if len(levels) == len(items) else [],
            markers=markers if len(markers) == len(items) else [],
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": str(self.kind)}
        if self.kind is BlockKind.LIST:
            data["items"] = list(self.items)
            data["ordered"] = self.ordered
            if any(self.levels):
                data["levels"] = list(self.levels)
            if self.markers:
                data["markers"] = list(self.markers)
        elif self.kind is BlockKind.TABLE:
            data["rows"] = self.rows
        else:
            data["text"] = self.text
        if self.links:
            data["links"] = [link.to_json() for link in self.links]
        return data


def _link_from_json(raw: Any, items: list[str]) -> Link | None:
    """A stored link, or None if it does not fit its block's text (a damaged or edited file)."""
    try:
        item, start, end, url = int(raw["item"]), int(raw["start"]), int(raw["end"]), raw["url"]
    except (KeyError, TypeError, ValueError):
        return None
    fits = 0 <= item < len(items) and 0 <= start < end <= len(items[item])
    return Link(item, start, end, url) if fits and isinstance(url, str) else None


@dataclass(slots=True)
class Section:
    """A heading and the blocks under it. The first section may have no heading (level 0)."""

    heading: str
    level: int
    blocks: list[Block] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Section:
        return cls(
            heading=data["heading"],
            level=int(data["level"]),
            blocks=[Block.from_json(block) for block in data["blocks"]],
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "heading": self.heading,
            "level": self.level,
            "blocks": [block.to_json() for block in self.blocks],
        }


#: A Chinese character or kana: each counts as a word, as word processors count them (and a
#: character takes about a word's time to read: 230 a minute is in the range of both).
CJK_CHAR = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]"
_CJK_CHAR = re.compile(CJK_CHAR)


def count_words(text: str) -> int:
    """Words of ``text``: runs between spaces, and each Chinese character or kana."""
    if not _CJK_CHAR.search(text):
        return len(text.split())
    # CJK punctuation (。，) stands between the characters: not a word of its own.
    return sum(any(c.isalnum() for c in token) for token in _CJK_CHAR.sub(" x ", text).split())


def body_words(sections: Iterable[Section]) -> int:
    """Words in the body blocks (paragraphs, lists, quotes) of ``sections``."""
    return sum(
        count_words(item)
        for section in sections
        for block in section.blocks
        if block.kind in BODY_KINDS
        for item in block.items
    )


@dataclass(slots=True)
class Article:
    """A cleaned article: metadata and ordered sections."""

    title: str
    sections: list[Section]
    byline: str | None = None
    site: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    #: How sure extraction is that it found the article (0..1).
    confidence: float = 1.0

    def body_blocks(self) -> list[Block]:
        return [block for section in self.sections for block in section.blocks]

    @property
    def text(self) -> str:
        """The body as plain text: headings and blocks separated by blank lines.

        Captions and bylines are about the page, not the story, so they are left out (they stay
        in ``sections``); a dateline ("WASHINGTON (Reuters) —") opens the lead and stays in.
        """
        parts: list[str] = []
        for section in self.sections:
            if section.heading:
                parts.append(section.heading)
            parts.extend(block.text for block in section.blocks if block.kind not in _NOT_TEXT)
        return "\n\n".join(parts)

    @property
    def word_count(self) -> int:
        return body_words(self.sections)

    @property
    def reading_minutes(self) -> int:
        """Reading time at 230 words a minute, at least one minute."""
        return max(1, round(self.word_count / 230))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_json` output (as stored in the library)."""
        return cls(
            title=data["title"],
            sections=[Section.from_json(section) for section in data["sections"]],
            byline=data.get("byline"),
            site=data.get("site"),
            published=data.get("published"),
            language=data.get("language"),
            url=data.get("url"),
            confidence=float(data.get("confidence", 1.0)),
        )

    def to_json(self, include_text: bool = True) -> dict[str, Any]:
        """Plain data; ``include_text=False`` leaves out the derived ``text`` (the library)."""
        data: dict[str, Any] = {
            "title": self.title,
            "byline": self.byline,
            "site": self.site,
            "published": self.published,
            "language": self.language,
            "url": self.url,
            "word_count": self.word_count,
            "confidence": round(self.confidence, 3),
        }
        if include_text:
            data["text"] = self.text
        data["sections"] = [section.to_json() for section in self.sections]
        return data


@dataclass(frozen=True, slots=True)
class Takeaway:
    """A chosen sentence and where it sits: section, block within it, sentence within block.

    ``item`` is the block item holding the sentence and ``start``/``end`` its character
    offsets in that item's text (``block.items[item][start:end] == text``), as the
    summarizer found them: a reader highlights the sentence without splitting it again.
    """

    text: str
    section: int
    block: int
    index: int
    item: int = 0
    start: int = 0
    end: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "section": self.section,
            "block": self.block,
            "index": self.index,
        }


@dataclass(frozen=True, slots=True)
class Summary:
    """The result of summarizing one article."""

    algorithm: str
    language: str
    takeaways: list[Takeaway]
    #: The one or two sentences that best say what the piece is about.
    gist: list[Takeaway] = field(default_factory=list)
    #: Section index -> the sentence that best sums up that section.
    section_gists: dict[int, Takeaway] = field(default_factory=dict)

    @property
    def bullets(self) -> list[Takeaway]:
        """The takeaways a reader sees under the gist: those the gist does not already say.

        ``takeaways`` keeps all N chosen sentences (``--sentences N`` means N); shown beneath
        the gist, repeating its sentence as the first bullet would only waste a line.
        """
        shown = {(t.section, t.block, t.index) for t in self.gist}
        return [t for t in self.takeaways if (t.section, t.block, t.index) not in shown]

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": self.algorithm,
            "language": self.language,
            "gist": [t.to_json() for t in self.gist],
            "sentences": [t.to_json() for t in self.takeaways],
            "section_gists": {str(k): v.to_json() for k, v in sorted(self.section_gists.items())},
        }
