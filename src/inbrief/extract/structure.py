"""Turn an article's HTML into sections of typed blocks.

A single walk over the element tree in document order: headings open sections, block
elements become blocks, inline text gathers into paragraphs. Captions, bylines and datelines
are recognised here, by markup first (``<figcaption>``, ``class="byline"``) and by shape second
(a short name-only line before the body, "CITY (Agency) —"), so they never reach a summary.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace

from lxml import html as lxml_html

from inbrief.extract.boilerplate import Paragraph, drop_furniture, mark_author_bios
from inbrief.extract.preformatted import prose_paragraphs
from inbrief.links import resolve_link
from inbrief.model import Block, BlockKind, Link, Section
from inbrief.textclean import clean_inline, clean_inline_spans, strip_controls

_SKIP = {
    "script", "style", "noscript", "template", "iframe", "object", "embed", "form", "button",
    "input", "select", "textarea", "nav", "svg", "math", "canvas", "video", "audio", "map",
    "head", "title", "meta", "link", "base",
}  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "body", "html",
    "ul", "ol", "dl", "li", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "table",
    "tr", "td", "th", "thead", "tbody", "tfoot", "hr", "br", "center", "address", "details",
    "summary", "hgroup", *_HEADINGS,
}  # fmt: skip
_CAPTION_CLASS = re.compile(r"caption|credit|wp-caption-text|image-?desc", re.IGNORECASE)
_BYLINE_CLASS = re.compile(r"\bbyline\b|\bauthor\b|\bdateline\b", re.IGNORECASE)
_MAX_CAPTION = 400
#: A caption's sentence end glued to the credit after it: "on March 21, 2023.Grigory Sysoyev".
_GLUED_CREDIT = re.compile(r"(?<=[a-z0-9][.!?])(?=[A-Z][a-z])")
#: A block named "byline" or "author" with more words than this is the text (a blog whose
#: posts sit in ``<div class="author-post">``), not a byline or a bio.
_MAX_BYLINE_WORDS = 60
#: "By Jane Doe" and its equivalents; page.py strips the same prefix from a body byline.
BYLINE_PREFIX = re.compile(r"^(by|von|par|por|door|di)\s+(?=\S)", re.IGNORECASE)
_NAMEISH = re.compile(r"^[A-Z][\w.'’-]*$")
_DATELINE_ONLY = re.compile(r"^[^.!?]{2,60}?\s*[—–]{1}\s*$|^[^.!?]{2,60}\s-{1,2}\s*$")
_DATELINE_PREFIX = re.compile(
    r"^((?:[A-Z][\w.'’]*,?\s*){1,5}(?:\([A-Za-z .]{2,20}\))?)\s*(?:—|–|--)\s+(?=[A-Z“\"‘'])"
)


def _classes(element: lxml_html.HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _has_block_child(element: lxml_html.HtmlElement) -> bool:
    return any(
        isinstance(child.tag, str) and child.tag.lower() in _BLOCKS and child.tag != "br"
        for child in element.iter()
        if child is not element
    )


#: A run of text and the address of the link it sits in (None: not in a kept link).
_Piece = tuple[str, str | None]


class _Builder:
    def __init__(self, title: str, base_url: str | None = None) -> None:
        self.title = clean_inline(title).casefold()
        self.base_url = base_url
        self.sections: list[Section] = [Section(heading="", level=0)]
        self.inline: list[_Piece] = []
        #: Lines of the paragraph being gathered that a ``<br>`` already ended.
        self.lines: list[tuple[str, list[tuple[int, int, str]]]] = []
        self.link_chars = 0
        #: Share of each block's text inside links, by ``id(block)``.
        self.link_share: dict[int, float] = {}

    def add(self, block: Block, link_share: float = 0.0) -> None:
        if any(block.items):
            self.sections[-1].blocks.append(block)
            self.link_share[id(block)] = link_share

    def line_break(self) -> None:
        """A ``<br>``: the text so far becomes a line of the paragraph being gathered."""
        text, spans = clean_inline_spans(self.inline)
        self.inline.clear()
        if text:
            self.lines.append((text, spans))

    def flush(self) -> None:
        """The gathered text as a paragraph, its ``<br>``-separated lines kept apart."""
        self.line_break()
        lines, self.lines = self.lines, []
        links, self.link_chars = self.link_chars, 0
        text = "\n".join(line for line, _ in lines)
        spans: list[tuple[int, int, str]] = []
        offset = 0
        for line, line_spans in lines:
            spans += [(start + offset, end + offset, url) for start, end, url in line_spans]
            offset += len(line) + 1
        if text:
            block = Block(BlockKind.PARAGRAPH, [text], links=Link.spans(0, spans))
            self.add(block, min(1.0, links / len(text)))

    def pieces(self, element: lxml_html.HtmlElement) -> list[_Piece]:
        """``element``'s text (as ``text_content()`` gives it) in pieces, links marked."""
        if next(element.iter("a"), None) is None:
            return [(element.text_content(), None)]
        pieces: list[_Piece] = []
        self._walk(element, None, pieces)
        return pieces

    def _walk(
        self,
        element: lxml_html.HtmlElement,
        url: str | None,
        pieces: list[_Piece],
        spaced: bool = False,
    ) -> None:
        """``spaced``: block and credit elements inside are set apart by a space (a caption's
        credit in its own ``<span class="credit">`` or ``<p>``)."""
        # "" marks text inside a link whose address is not kept, so an inner <a> cannot reopen it.
        if element.tag == "a" and url is None:
            url = resolve_link(element.get("href"), self.base_url) or ""
        if element.text and isinstance(element.tag, str):
            pieces.append((element.text, url or None))
        for child in element:
            apart = spaced and isinstance(child.tag, str) and _sets_apart(child)
            if apart:
                pieces.append((" ", None))
            self._walk(child, url, pieces, spaced)
            if apart:
                pieces.append((" ", None))
            if child.tail:
                pieces.append((child.tail, url or None))

    def block(self, kind: BlockKind, element: lxml_html.HtmlElement) -> Block:
        """A one-item block of ``kind`` holding ``element``'s text and links."""
        text, spans = clean_inline_spans(self.pieces(element))
        return Block(kind, [text], links=Link.spans(0, spans))

    def caption(self, element: lxml_html.HtmlElement) -> Block:
        """A caption block; its credit keeps a space from the caption ("2023. Jane Doe/AFP").

        A credit is often a child element (``<span class="credit">``, a ``<p>``) or glued to
        the caption's last sentence in the page's own text; either way it gets a space.
        """
        pieces: list[_Piece] = []
        self._walk(element, None, pieces, spaced=True)
        text, spans = clean_inline_spans(pieces)
        block = Block(BlockKind.CAPTION, [text], links=Link.spans(0, spans))
        text = _GLUED_CREDIT.sub(" ", block.items[0])
        if text == block.items[0]:
            return block
        return Block(BlockKind.CAPTION, [text], links=[])  # offsets moved: links given up

    def heading(self, text: str, level: int) -> None:
        self.flush()
        text = clean_inline(text)
        if not any(char.isalnum() for char in text):
            return  # a rule drawn with underscores or dashes, not a heading
        if not self._has_body() and (text.casefold() == self.title or (level == 1 and self.title)):
            return  # the headline above the story (the page's title, however it is worded)
        self.sections.append(Section(heading=text, level=level))

    def _has_body(self) -> bool:
        return any(section.blocks for section in self.sections)

    def visit(self, element: lxml_html.HtmlElement) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag or (tag in _SKIP and not _is_page_form(element)):
            self._tail(element)
            return
        classes = _classes(element)
        if tag in _HEADINGS:
            self.heading(element.text_content(), _HEADINGS[tag])
        elif tag == "figcaption" or (
            _CAPTION_CLASS.search(classes) and len(element.text_content()) < _MAX_CAPTION
        ):
            self.flush()
            self.add(self.caption(element))
        elif (
            tag in ("p", "div", "span")
            and _BYLINE_CLASS.search(classes)
            and len(element.text_content().split()) <= _MAX_BYLINE_WORDS
            and not _holds_prose(element)
        ):
            self.flush()
            kind = BlockKind.DATELINE if "dateline" in classes.lower() else BlockKind.BYLINE
            self.add(self.block(kind, element))
        elif tag in ("ul", "ol") and not _indents_prose(element):
            self.flush()
            self._list(element, ordered=tag == "ol")
        elif tag == "dl":
            self.flush()
            self._list(element, ordered=False)
        elif tag == "blockquote" and not _has_heading(element):
            self.flush()
            self.add(self.block(BlockKind.QUOTE, element))
        elif tag == "pre":
            self.flush()
            code = strip_controls(element.text_content()).strip("\n")
            prose = prose_paragraphs(code)
            for paragraph in prose or []:
                self.add(Block(BlockKind.PARAGRAPH, [paragraph]))
            if prose is None:
                self.add(Block(BlockKind.CODE, [code]))
        elif tag == "table" and not is_layout_table(element):
            self.flush()
            self._table(element)
        elif tag == "br":
            self.line_break()
        elif tag == "hr":
            self.inline.append((" ", None))
        elif tag in _BLOCKS or _has_block_child(element):
            self.flush()
            if element.text:
                self.inline.append((element.text, None))
            for child in element:
                self.visit(child)
            self.flush()
        else:
            self.inline.extend(self.pieces(element))
            self.link_chars += _link_chars(element)
        self._tail(element)

    def _tail(self, element: lxml_html.HtmlElement) -> None:
        if element.tail:
            self.inline.append((element.tail, None))

    def _list(self, element: lxml_html.HtmlElement, ordered: bool) -> None:
        gathered = _ListItems()
        self._gather(element, ordered, 0, gathered)
        if gathered.items:
            share = _link_chars(element) / max(1, len(element.text_content().strip()))
            block = Block.list_of(
                gathered.items, ordered, gathered.links, gathered.levels, gathered.markers
            )
            self.add(block, min(1.0, share))

    def _gather(
        self, element: lxml_html.HtmlElement, ordered: bool, level: int, into: _ListItems
    ) -> None:
        """The items of a list, nested lists after their parent item one level deeper;
        numbered from the list's ``start`` (``<ol start="3">``). A list written straight
        inside another, between its items (markup browsers render alike), counts as nested in
        the item before it."""
        number = _start(element)
        for item in element.iterchildren("li", "dt", "dd", "ul", "ol"):
            if item.tag in ("ul", "ol"):
                self._gather(item, item.tag == "ol", level + 1, into)
                continue
            nested = [child for child in item.iterchildren("ul", "ol")]
            own = item
            if nested:  # the item's own text, without its sub-list's
                own = copy.deepcopy(item)
                for child in list(own.iterchildren("ul", "ol")):
                    _remove_keeping_tail(child)
            text, spans = clean_inline_spans(self.pieces(own))
            if text:
                into.links += Link.spans(len(into.items), spans)
                into.items.append(text)
                into.levels.append(level)
                into.markers.append(f"{number}." if ordered else "•")
                number += 1
            for child in nested:
                self._gather(child, str(child.tag).lower() == "ol", level + 1, into)

    def _table(self, element: lxml_html.HtmlElement) -> None:
        rows = []
        for row in element.iter("tr"):
            cells = [clean_inline(cell.text_content()) for cell in row.iter("td", "th")]
            if any(cells):
                rows.append(cells)
        if rows:
            self.add(Block.table(rows))


@dataclass
class _ListItems:
    """A list's items gathered from nested ``<ul>``/``<ol>``, with their depths and labels."""

    items: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    levels: list[int] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)


def _start(element: lxml_html.HtmlElement) -> int:
    """The first number of an ``<ol>`` (its ``start``), 1 when absent or not a number."""
    try:
        return int(element.get("start") or 1)
    except ValueError:
        return 1


def _remove_keeping_tail(element: lxml_html.HtmlElement) -> None:
    """Remove ``element`` from its parent, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


#: A ``<form>`` holding this much text wraps the page (ASP.NET pages put all of it in one), and
#: a ``<head>`` holding this much has swallowed the body (broken markup before ``<body>``).
_PAGE_FORM_CHARS = 1000


def _is_page_form(element: lxml_html.HtmlElement) -> bool:
    if element.tag not in ("form", "head"):
        return False
    text = sum(
        len(node.text_content())
        for node in element.iterchildren()
        if isinstance(node.tag, str) and node.tag not in ("script", "style", "title", "meta")
    )
    return text >= _PAGE_FORM_CHARS


#: A cell with this much text, or with paragraphs, headings or lists, is page layout, not data.
_LAYOUT_CELL_CHARS = 200
_SENTENCE_WORDS = 12
_LAYOUT_PARTS = {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}


def is_layout_table(table: lxml_html.HtmlElement) -> bool:
    """A table used to lay out a page (old sites put the whole article in one): its cells hold
    paragraphs or long text. Such a table is read as blocks; a data table becomes rows."""
    for cell in table.iter("td", "th"):
        if any(isinstance(c.tag, str) and c.tag in _LAYOUT_PARTS for c in cell.iterdescendants()):
            return True
        text = cell.text_content().strip()
        if len(text) > _LAYOUT_CELL_CHARS or _is_sentence(text):
            return True
    return False


def _is_sentence(text: str) -> bool:
    """A cell that reads as a sentence of prose (a paragraph per row), not a datum."""
    return len(text.split()) >= _SENTENCE_WORDS and text.endswith((".", "!", "?", "”", '"'))


def _sets_apart(element: lxml_html.HtmlElement) -> bool:
    """Whether ``element`` starts a text of its own: a block, or a credit inside a caption."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    return tag in _BLOCKS or bool(_CAPTION_CLASS.search(_classes(element)))


def _indents_prose(element: lxml_html.HtmlElement) -> bool:
    """A ``<ul>`` used to indent text (old pages): most of its words sit outside any ``<li>``,
    so it is read as a container of paragraphs, not as a list."""
    items = sum(len(item.text_content().split()) for item in element.iterchildren("li"))
    return len(element.text_content().split()) > 2 * items


def _holds_prose(element: lxml_html.HtmlElement) -> bool:
    """A box named for its author (``entry-author-jane``) around a paragraph of prose: a
    short post, not a byline."""
    return any(_is_sentence(p.text_content().strip()) for p in element.iterdescendants("p"))


def _link_chars(element: lxml_html.HtmlElement) -> int:
    """Characters of text inside links in ``element`` (itself included)."""
    return sum(len(link.text_content().strip()) for link in element.iter("a"))


def _has_heading(element: lxml_html.HtmlElement) -> bool:
    return any(child.tag in _HEADINGS for child in element.iter() if isinstance(child.tag, str))


def build_sections(
    root: lxml_html.HtmlElement, title: str = "", base_url: str | None = None
) -> list[Section]:
    """Sections of ``root``'s content, with bylines, datelines and boilerplate classified.

    Links are kept where they resolve (against ``base_url`` if relative) to http(s) addresses.
    """
    builder = _Builder(title, base_url)
    builder.visit(root)
    builder.flush()
    sections = [s for s in builder.sections if s.blocks or s.heading]
    shares = builder.link_share
    for section in sections:
        section.blocks = list(
            drop_furniture(Paragraph(b, shares.get(id(b), 0.0)) for b in section.blocks)
        )
    _drop_repeated_title(sections, builder.title)
    _drop_comment_thread(sections)
    while sections and sections[-1].heading and not sections[-1].blocks:
        sections.pop()  # a heading with nothing under it at the end: "Comments", "Tell us..."
    if sections:
        mark_author_bios(sections[-1].blocks)
    classify_front_matter(sections)
    return sections or [Section(heading="", level=0)]


#: A heading over readers' comments: "Comments", "12 Comments", "3 Responses to “Title”",
#: "Leave a Reply", "Trackback Pings"; "Responses to the consultation", a section of the story
#: itself, names no quoted title.
_COMMENTS_HEADING = re.compile(
    r"^((\d+|one)\s+)?(reader\s+|user\s+)?(comments?|responses?|replies|trackbacks?|"
    r"pingbacks?|trackback pings)(\s+(to|on)\s+[“\"'‘«].*)?\W*$"
    r"|^(leave|post|add|write)\s+a\s+(reply|comment)\b",
    re.IGNORECASE,
)
#: A line that opens the comments below a story: "Have your say", "Comments are now closed".
_COMMENTS_OPENER = re.compile(
    r"^(have your say|comments? (are|is) (now )?closed\b.*|"
    r"(leave|post|add|write) a (reply|comment)|reader comments|"
    r"join the discussion|discuss this (story|article))\W*$",
    re.IGNORECASE,
)
#: This many paragraphs of 8 words or more before a comments opener: it ends the story (above
#: the story, "Have your say" is a link bar's label).
_BODY_BEFORE = 3


def _drop_comment_thread(sections: list[Section]) -> None:
    """Drop what follows the story under a comments heading or opener line, in place."""
    body = 0
    for index, section in enumerate(sections):
        if body and _COMMENTS_HEADING.match(section.heading.strip()):
            del sections[index:]
            return
        for position, block in enumerate(section.blocks):
            if block.kind is not BlockKind.PARAGRAPH:
                continue
            opener = not block.links and _COMMENTS_OPENER.match(block.text.strip())
            if body >= _BODY_BEFORE and opener:
                del section.blocks[position:]
                del sections[index + 1 :]
                return
            body += len(block.text.split()) >= 8


def _drop_repeated_title(sections: list[Section], title: str) -> None:
    """Drop the headline where it is repeated as a paragraph before the story starts."""
    if not title:
        return
    for section in sections:
        for index, block in enumerate(section.blocks):
            if block.kind is BlockKind.PARAGRAPH and block.text.casefold() == title:
                del section.blocks[index]
                return
            if block.kind is BlockKind.PARAGRAPH and len(block.text.split()) >= 12:
                return


def _looks_like_name_line(text: str) -> bool:
    words = text.replace(",", " ").replace(" and ", " ").split()
    if not 1 <= len(words) <= 6 or text.endswith((".", "!", "?", ":")):
        return False
    return all(_NAMEISH.match(word) for word in words)


def classify_front_matter(sections: list[Section]) -> None:
    """Mark short byline/dateline paragraphs before the body; split "CITY (CNN) —" prefixes."""
    seen_body = 0
    for section in sections:
        new_blocks: list[Block] = []
        for block in section.blocks:
            if block.kind is BlockKind.PARAGRAPH and seen_body < 1:
                text = block.text
                if len(text) <= 80 and (BYLINE_PREFIX.match(text) or _looks_like_name_line(text)):
                    if _DATELINE_ONLY.match(text):
                        block = replace(block, kind=BlockKind.DATELINE)
                    else:
                        block = replace(block, kind=BlockKind.BYLINE)
                elif _DATELINE_ONLY.match(text):
                    block = replace(block, kind=BlockKind.DATELINE)
                elif match := _DATELINE_PREFIX.match(text):
                    cut = match.end()
                    new_blocks.append(Block(BlockKind.DATELINE, [match.group(0).strip()]))
                    links = [
                        Link(0, link.start - cut, link.end - cut, link.url)
                        for link in block.links
                        if link.start >= cut
                    ]
                    block = Block(BlockKind.PARAGRAPH, [text[cut:]], links=links)
            if block.kind is BlockKind.PARAGRAPH and len(block.text.split()) >= 8:
                seen_body += 1
            new_blocks.append(block)
        section.blocks = new_blocks


def link_density(root: lxml_html.HtmlElement) -> float:
    """Share of the text that sits inside links: high for menus and lists of headlines."""
    text = len("".join(root.text_content().split()))
    links = sum(len("".join(a.text_content().split())) for a in root.iter("a"))
    return links / text if text else 0.0
