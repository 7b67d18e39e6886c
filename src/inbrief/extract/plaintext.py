"""Plain text and Markdown files to articles.

Plain text: the first line is the title when it is short and more text follows; paragraphs
are separated by blank lines, or are single lines when the file has no blank lines at all.
Markdown: ATX and setext headings, lists, quotes, tables, fenced and indented code, read line by
line here; inline markup is read by markdown-it-py's CommonMark rules (imported only for
Markdown) and reduced to text: emphasis marks and HTML tags go, code spans keep their text as
written (``quick_check``, ``__init__``), images go, and inline, reference-style and autolinks to
http(s) addresses are kept as links.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml import html as lxml_html

from inbrief.extract.metadata import Metadata
from inbrief.extract.page import article_from_sections
from inbrief.extract.structure import classify_front_matter
from inbrief.links import resolve_link
from inbrief.model import Article, Block, BlockKind, Link, Section
from inbrief.textclean import clean_inline, clean_inline_spans, clean_multiline, strip_controls

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

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
    return _as_given(sections, Metadata(title=title))


def _as_given(sections: list[Section], meta: Metadata) -> Article:
    """The article the user's text or Markdown is: nothing was extracted from a page, so its
    confidence is whole, however short (the reader warns of a low one)."""
    article = article_from_sections(sections, meta)
    article.confidence = 1.0
    return article


_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_TABLE_RULE = re.compile(r"^\s{0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
#: A line that opens an HTML block (CommonMark's block-level tags, images, links and comments):
#: GitHub READMEs open with a centred logo, badges and an <h1> written in HTML.
_HTML_BLOCK = re.compile(
    r"^ {0,3}(<!--|</?(p|div|h[1-6]|details|summary|table|center|picture|img|a|br|hr|section|"
    r"article|aside|figure|figcaption|header|footer|nav|ul|ol|li|dl|blockquote)(?=[\s/>]|$))",
    re.IGNORECASE,
)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


#: Reference-style link definitions (``[label]: https://...``), kept for the links that use them.
_REFERENCE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$")


@functools.cache
def _parser() -> MarkdownIt:
    """CommonMark's inline rules (code spans, emphasis only at word edges, escapes, entities,
    links and autolinks) plus strikethrough; inline HTML tags are recognised so they can be
    dropped. Imported only for Markdown."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable("strikethrough")
    # Every link is read as a link (markdown-it leaves a javascript: one as literal text);
    # resolve_link decides which addresses are kept.
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    return parser


def _inline(text: str, references: dict[str, Any] | None = None) -> str:
    return _inline_links(text, 0, references)[0]


def _inline_links(
    text: str, item: int = 0, references: dict[str, Any] | None = None
) -> tuple[str, list[Link]]:
    """Inline Markdown reduced to text, and the links in it: emphasis marks and HTML tags
    go, code spans keep their text as written, images are dropped, a link keeps its label
    (and its address when it is an absolute http(s) one)."""
    env = {"references": references} if references else {}
    [inline] = _parser().parseInline(text, env)  # one "inline" token holding the text's
    pieces: list[tuple[str, str | None]] = []
    url: str | None = None
    for token in inline.children or []:
        if token.type in ("text", "code_inline"):
            pieces.append((token.content, url))
        elif token.type in ("softbreak", "hardbreak"):
            pieces.append((" ", url))
        elif token.type == "link_open":
            href = str(token.attrs.get("href") or "").strip()
            url = resolve_link(href) if href else None
        elif token.type == "link_close":
            url = None
    cleaned, spans = clean_inline_spans(pieces)
    return cleaned, Link.spans(item, spans)


def _references(lines: list[str]) -> tuple[dict[str, Any], list[str]]:
    """The document's link reference definitions outside code fences (as markdown-it keeps
    them: the first of a label wins), and its lines without them."""
    from markdown_it.common.utils import normalizeReference

    references: dict[str, Any] = {}
    kept: list[str] = []
    fence = ""
    for line in lines:
        if match := _FENCE.match(line):
            marker = match.group(1)
            fence = "" if fence == marker else fence or marker
        elif not fence and (match := _REFERENCE.match(line)):
            label = normalizeReference(match.group(1))
            references.setdefault(label, {"href": match.group(2), "title": ""})
            continue
        kept.append(line)
    return references, kept


#: A hard line break inside a paragraph: a line ending in two spaces or "\\", or an HTML <br>.
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_LINE_BREAK = "\n"


def _paragraph(lines: list[str], references: dict[str, Any]) -> tuple[str, list[Link]]:
    """A paragraph's text and links, its hard line breaks kept as newlines."""
    texts: list[str] = []
    links: list[Link] = []
    offset = 0
    for part in " ".join(lines).split(_LINE_BREAK):
        text, part_links = _inline_links(part, 0, references)
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
        #: The document's link reference definitions.
        self.references: dict[str, Any] = {}

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
            text, links = _paragraph(self.paragraph, self.references)
            if text:
                blocks.append(Block(BlockKind.PARAGRAPH, [text], links=links))
        if self.items:
            items: list[str] = []
            item_links: list[Link] = []
            levels: list[int] = []
            markers: list[str] = []
            for raw, level, marker in zip(self.items, self.levels, self.markers, strict=True):
                text, links = _inline_links(raw, len(items), self.references)
                if text:
                    items.append(text)
                    item_links += links
                    levels.append(level)
                    markers.append(marker)
            if items:
                blocks.append(Block.list_of(items, self.ordered, item_links, levels, markers))
        if self.quote:
            text, links = _inline_links(" ".join(self.quote), 0, self.references)
            blocks.append(Block(BlockKind.QUOTE, [text], links=links))
        self.paragraph, self.items, self.quote = [], [], []
        self.levels, self.markers = [], []

    def html(self, markup: str) -> None:
        """An HTML block: its text as a paragraph, or a heading when it is one heading (images,
        scripts, styles and comments go)."""
        try:
            root = lxml_html.fragment_fromstring(markup, create_parent="div")
        except (etree.ParserError, ValueError):
            return
        for node in root.xpath(".//script|.//style|.//comment()"):
            node.drop_tree()
        text = clean_inline(root.text_content())
        if not text:
            return
        headings = root.xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6")
        if len(headings) == 1 and clean_inline(headings[0].text_content()) == text:
            self.heading(text, int(headings[0].tag[1]))
        else:
            self.flush()
            self.sections[-1].blocks.append(Block(BlockKind.PARAGRAPH, [text]))

    def heading(self, text: str, level: int) -> None:
        self.flush()
        text = _inline(text, self.references)
        if level == 1 and not self.title:
            self.title = text
        elif text:
            self.sections.append(Section(heading=text, level=level))


def _table_cells(line: str, references: dict[str, Any]) -> list[str]:
    """The cells of a Markdown table row (``\\|`` is a pipe inside a cell)."""
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
    cells = re.split(r"(?<!\\)\|", line)
    return [_inline(cell.replace("\\|", "|"), references) for cell in cells]


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
    builder.references, lines = _references(text.split("\n"))
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
        elif not builder.paragraph and not builder.items and _HTML_BLOCK.match(line):
            builder.flush()
            end = "-->" if line.lstrip().startswith("<!--") else ""
            chunk = [line]
            while index < len(lines) and (end not in chunk[-1] if end else lines[index].strip()):
                chunk.append(lines[index])
                index += 1
            builder.html("\n".join(chunk))
        elif match := _ATX.match(line):
            builder.heading(match.group(2), len(match.group(1)))
        elif _is_table_start(lines, index - 1):
            builder.flush()
            rows = [_table_cells(line, builder.references)]
            index += 1  # the rule under the header
            while index < len(lines) and "|" in lines[index] and lines[index].strip():
                rows.append(_table_cells(lines[index], builder.references))
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
    return _as_given(sections, Metadata(title=builder.title or None))
