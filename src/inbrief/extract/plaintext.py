"""Plain text and Markdown files to articles.

Plain text: the first line is the title when it is short and more text follows; paragraphs
are separated by blank lines, or are single lines when the file has no blank lines at all.
Markdown: ATX and setext headings, lists, quotes, tables, fenced and indented code; inline markup
(emphasis, images) is reduced to its text; inline links and autolinks to http(s) addresses are
kept as links.
"""

from __future__ import annotations

import re

from inbrief.extract.metadata import Metadata
from inbrief.extract.page import article_from_sections
from inbrief.extract.structure import classify_front_matter
from inbrief.links import resolve_link
from inbrief.model import Article, Block, BlockKind, Link, Section
from inbrief.textclean import clean_inline, clean_inline_spans, clean_multiline, strip_controls

_MAX_TITLE = 200


def article_from_text(text: str) -> Article:
    text = clean_multiline(text)
    lines = text.split("\n")
    title = ""
    if len(lines) > 1 and 0 < len(lines[0]) <= _MAX_TITLE:
        title, text = lines[0], "\n".join(lines[1:]).strip()
    if "\n\n" in text:
        paragraphs = [clean_inline(chunk) for chunk in text.split("\n\n")]
    else:
        paragraphs = text.split("\n")
    blocks = [Block(BlockKind.PARAGRAPH, [p]) for p in paragraphs if p]
    sections = [Section(heading="", level=0, blocks=blocks)]
    classify_front_matter(sections)
    return article_from_sections(sections, Metadata(title=title))


_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\(((?:[^()]|\([^()]*\))*)\)|\[([^\]]+)\]\[[^\]]*\]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_TABLE_RULE = re.compile(r"^\s{0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


#: Noncharacters (reserved by Unicode for internal use) marking where a link opens and closes.
_OPEN, _CLOSE = "\ufdd0", "\ufdd1"
_MARKS = re.compile(f"({_OPEN}|{_CLOSE})")


def _inline(text: str) -> str:
    return _inline_links(text)[0]


def _inline_links(text: str, item: int = 0) -> tuple[str, list[Link]]:
    """Inline Markdown reduced to text, and the links in it."""
    urls: list[str] = []

    def link(label: str, target: str) -> str:
        url = resolve_link(target.strip().split(" ")[0].strip("<>")) if target.strip() else None
        if url is None:
            return label
        urls.append(url)
        return f"{_OPEN}{label}{_CLOSE}"

    text = _IMAGE.sub("", _MARKS.sub("", text))
    text = _LINK.sub(lambda m: link(m.group(1), m.group(2)) if m.group(1) else m.group(3), text)
    text = _AUTOLINK.sub(lambda m: link(m.group(1), m.group(1)), text)
    text = _EMPHASIS.sub(r"\2", text).replace("`", "")
    pieces: list[tuple[str, str | None]] = []
    url: str | None = None
    for part in _MARKS.split(text):
        if part == _OPEN:
            url = urls.pop(0)
        elif part == _CLOSE:
            url = None
        else:
            pieces.append((part, url))
    cleaned, spans = clean_inline_spans(pieces)
    return cleaned, Link.spans(item, spans)


#: A hard line break inside a paragraph: a line ending in two spaces or "\\", or an HTML <br>.
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_LINE_BREAK = "\n"


def _paragraph(lines: list[str]) -> tuple[str, list[Link]]:
    """A paragraph's text and links, its hard line breaks kept as newlines."""
    texts: list[str] = []
    links: list[Link] = []
    offset = 0
    for part in " ".join(lines).split(_LINE_BREAK):
        text, part_links = _inline_links(part)
        if not text:
            continue
        links += [Link(0, link.start + offset, link.end + offset, link.url) for link in part_links]
        texts.append(text)
        offset += len(text) + 1
    return "\n".join(texts), links


class _MarkdownBuilder:
    def __init__(self) -> None:
        self.sections = [Section(heading="", level=0)]
        self.title = ""
        self.paragraph: list[str] = []
        self.items: list[str] = []
        self.ordered = False
        #: Per list item: its depth and its label ("3." as numbered in the source, or "•").
        self.levels: list[int] = []
        self.markers: list[str] = []
        #: Indents of the open list levels, and the next number at each level.
        self.indents: list[int] = []
        self.numbers: list[int] = []
        self.quote: list[str] = []

    def list_item(self, indent: int, marker: str, text: str) -> None:
        """One list item; deeper indentation than the item before opens a nested level."""
        if not self.items:
            self.indents, self.numbers = [indent], [0]
            self.ordered = marker[0].isdigit()
        elif indent > self.indents[-1] + 1:
            self.indents.append(indent)
            self.numbers.append(0)
        else:
            while len(self.indents) > 1 and indent < self.indents[-1] - 1:
                self.indents.pop()
                self.numbers.pop()
        if marker[0].isdigit():
            number = self.numbers[-1] or int(marker[:-1])
            self.numbers[-1] = number + 1
            marker = f"{number}."
        else:
            marker = "•"
        self.items.append(text)
        self.levels.append(len(self.indents) - 1)
        self.markers.append(marker)

    def flush(self) -> None:
        blocks = self.sections[-1].blocks
        if self.paragraph:
            text, links = _paragraph(self.paragraph)
            if text:
                blocks.append(Block(BlockKind.PARAGRAPH, [text], links=links))
        if self.items:
            items: list[str] = []
            item_links: list[Link] = []
            levels: list[int] = []
            markers: list[str] = []
            for raw, level, marker in zip(self.items, self.levels, self.markers, strict=True):
                text, links = _inline_links(raw, len(items))
                if text:
                    items.append(text)
                    item_links += links
                    levels.append(level)
                    markers.append(marker)
            if items:
                blocks.append(Block.list_of(items, self.ordered, item_links, levels, markers))
        if self.quote:
            text, links = _inline_links(" ".join(self.quote))
            blocks.append(Block(BlockKind.QUOTE, [text], links=links))
        self.paragraph, self.items, self.quote = [], [], []
        self.levels, self.markers = [], []

    def heading(self, text: str, level: int) -> None:
        self.flush()
        text = _inline(text)
        if level == 1 and not self.title:
            self.title = text
        elif text:
            self.sections.append(Section(heading=text, level=level))


def _table_cells(line: str) -> list[str]:
    """The cells of a Markdown table row (``\\|`` is a pipe inside a cell)."""
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
    cells = re.split(r"(?<!\\)\|", line)
    return [_inline(cell.replace("\\|", "|")) for cell in cells]


def _is_table_start(lines: list[str], index: int) -> bool:
    """Whether a table starts at ``lines[index]``: a row with a pipe, then a rule row."""
    return (
        "|" in lines[index]
        and index + 1 < len(lines)
        and "-" in lines[index + 1]
        and bool(_TABLE_RULE.match(lines[index + 1]))
    )


def article_from_markdown(text: str) -> Article:
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    builder = _MarkdownBuilder()
    if match := _FRONT_MATTER.match(text):
        for line in match.group(1).split("\n"):
            key, _, value = line.partition(":")
            if key.strip().lower() == "title":
                builder.title = clean_inline(value.strip().strip("\"'"))
        text = text[match.end() :]
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if _FENCE.match(line):
            builder.flush()
            fence, code = line.strip()[:3], []
            while index < len(lines) and not lines[index].strip().startswith(fence):
                code.append(lines[index])
                index += 1
            index += 1
            builder.sections[-1].blocks.append(Block(BlockKind.CODE, ["\n".join(code)]))
        elif match := _ATX.match(line):
            builder.heading(match.group(2), len(match.group(1)))
        elif _is_table_start(lines, index - 1):
            builder.flush()
            rows = [_table_cells(line)]
            index += 1  # the rule under the header
            while index < len(lines) and "|" in lines[index] and lines[index].strip():
                rows.append(_table_cells(lines[index]))
                index += 1
            builder.sections[-1].blocks.append(Block.table(rows))
        elif builder.paragraph and len(builder.paragraph) == 1 and _SETEXT.match(line):
            heading = builder.paragraph.pop()
            builder.heading(heading, 1 if line.strip().startswith("=") else 2)
        elif not line.strip():
            builder.flush()
        elif line.lstrip().startswith(">"):
            if builder.paragraph or builder.items:
                builder.flush()
            builder.quote.append(line.lstrip()[1:].strip())
        elif (match := _LIST_ITEM.match(line)) and (len(match.group(1)) < 4 or builder.items):
            if builder.paragraph or builder.quote:
                builder.flush()
            indent = len(match.group(1).expandtabs(4))
            builder.list_item(indent, match.group(2), match.group(3))
        elif builder.items and line.startswith((" ", "\t")):
            builder.items[-1] += " " + line.strip()
        else:
            hard_break = line.endswith(("  ", "\\"))
            line = _BR.sub(_LINE_BREAK, line.strip().removesuffix("\\").rstrip())
            builder.paragraph.append(line + (_LINE_BREAK if hard_break else ""))
    builder.flush()
    sections = [s for s in builder.sections if s.blocks or s.heading]
    classify_front_matter(sections)
    return article_from_sections(sections, Metadata(title=builder.title or None))
