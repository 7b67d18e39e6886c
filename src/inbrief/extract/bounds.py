"""Parse HTML within a fixed amount of work, whatever the page holds.

The 20 MB size cap does not bound work: a page of a million links or a hundred thousand
headings is small in bytes, but every later step (readability's scoring, the cleaning in
:mod:`~inbrief.extract.prepare`, sections, links) costs a fraction of a millisecond per
element, so such pages took minutes and over a gigabyte. Every HTML parse in inbrief
therefore goes through :func:`parse_bounded`, which keeps:

- at most :data:`MAX_ELEMENTS` elements, in document order: a page with three times more
  ``<`` than that is fed to the parser in chunks, which stops once that many elements have
  started, so the rest of a huge page is never parsed (neither time nor memory is spent on
  it); a smaller page is parsed whole and cut;
- at most :data:`MAX_BLOCKS` text blocks (``p``, ``li``, ``td``, headings...): the page is
  cut after the last one kept. A block costs about a millisecond from parsing to summary.
  The largest of the 1,429 benchmark pages have 10,476 elements and 1,737 text blocks;
- at most :data:`MAX_LINKS` links: later ``<a>`` elements become ``<span>``, their text kept
  (the largest benchmark page has 3,752 links);
- at most :data:`MAX_HEADINGS` headings: later ones become paragraphs (benchmark: 520).

libxml2 stops building the tree at 256 levels of nesting and drops everything deeper, so
text wrapped in thousands of ``<div>`` would be lost. When the parser reports that limit,
the markup is flattened first (:func:`flatten_nesting`: tags deeper than :data:`MAX_DEPTH`
are removed and their text kept) and parsed again.
"""

from __future__ import annotations

import re
import threading
from itertools import islice
from typing import cast

from lxml import etree
from lxml import html as lxml_html

from inbrief.errors import InbriefError

#: Elements parsed from one page; the page is cut after this many (document order).
MAX_ELEMENTS = 20_000
#: Text blocks (paragraphs, list items, cells, headings...) parsed; the page is cut after them.
MAX_BLOCKS = 5_000
#: Links kept as links; later ones become plain text.
MAX_LINKS = 5_000
#: Headings kept as headings; later ones become paragraphs.
MAX_HEADINGS = 1_000
#: Nesting kept when a page is deeper than the parser allows; deeper tags are removed.
MAX_DEPTH = 128
#: The nesting at which libxml2 stops building the tree (it drops everything deeper).
_PARSER_DEPTH = 255
#: Pages with at most this many ``<`` are parsed whole (then cut): twice as fast as in chunks.
_WHOLE_PARSE_TAGS = 3 * MAX_ELEMENTS
#: Characters fed to the parser at a time: the cut falls within one chunk of the budget.
_CHUNK = 16_384

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: Elements that each become a block of text (and cost a block's work in every later step).
_BLOCKS = ("p", "li", "dt", "dd", "td", "th", "pre", "blockquote", *_HEADINGS)
_BLOCK_TAG = re.compile(r"<(?:p|li|dt|dd|td|th|pre|blockquote|h[1-6])[\s>/]", re.IGNORECASE)
_LINK_TAG = re.compile(r"<a[\s>/]", re.IGNORECASE)
_HEADING_TAG = re.compile(r"<h[1-6][\s>/]", re.IGNORECASE)


def parse_bounded(text: str) -> lxml_html.HtmlElement:
    """The page's tree within the bounds above; raises :class:`InbriefError` if there is none."""
    root, too_deep = _parse(text)
    if too_deep:
        root, _ = _parse(flatten_nesting(text))
    # On a page parsed whole, tags counted in the text are an upper bound, and cheap (about
    # 15 ms for the largest benchmark page): only a page over a budget walks its tree. A page
    # parsed in chunks has a tree of at most MAX_ELEMENTS: walking it is cheaper than its text.
    chunked = text.count("<") > _WHOLE_PARSE_TAGS

    def over(tag: re.Pattern[str], budget: int) -> bool:
        return chunked or len(tag.findall(text)) > budget

    if text.count("<") > MAX_ELEMENTS and root.xpath(f"count(//*) > {MAX_ELEMENTS}"):
        _remove_from(next(islice(root.iter(), MAX_ELEMENTS, None)))
    if over(_BLOCK_TAG, MAX_BLOCKS):
        beyond = list(islice(root.iter(*_BLOCKS), MAX_BLOCKS, MAX_BLOCKS + 1))
        if beyond:
            _remove_from(beyond[0])
    if over(_LINK_TAG, MAX_LINKS):
        _rename_beyond(root, ("a",), MAX_LINKS, "span")
    if over(_HEADING_TAG, MAX_HEADINGS):
        _rename_beyond(root, _HEADINGS, MAX_HEADINGS, "p")
    return root


_local = threading.local()


def _parse(text: str) -> tuple[lxml_html.HtmlElement, bool]:
    """The tree and whether the parser reached its nesting limit (dropping what lay deeper).

    A page with at most :data:`_WHOLE_PARSE_TAGS` ``<`` cannot hold more elements: it is
    parsed whole, the fast way (one parser per thread, whose error log tells about the
    nesting), and cut to :data:`MAX_ELEMENTS` afterwards.
    Larger pages are parsed a chunk at a time by :func:`_parse_prefix`, as are pages the
    whole-string parser refuses (a ``str`` with an XML encoding declaration).
    """
    if not text.strip():
        raise InbriefError("cannot parse the HTML: Document is empty")
    if text.count("<") <= _WHOLE_PARSE_TAGS:
        parser = getattr(_local, "parser", None)
        if parser is None:
            parser = _local.parser = lxml_html.HTMLParser()
        try:
            root = lxml_html.document_fromstring(text, parser=parser)
        except etree.ParserError as exc:
            raise InbriefError(f"cannot parse the HTML: {exc}") from None
        except ValueError:
            return _parse_prefix(text)
        too_deep = any(
            error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" in error.message
            for error in parser.error_log
        )
        return root, too_deep
    return _parse_prefix(text)


def _parse_prefix(text: str) -> tuple[lxml_html.HtmlElement, bool]:
    """Parse until :data:`MAX_ELEMENTS` elements have started, so neither time nor memory
    goes to the rest. Fed in chunks, libxml2 builds the same tree as from the whole string
    (checked on the 1,427 benchmark pages); the nesting is followed through the events."""
    parser = etree.HTMLPullParser(events=("start", "end"))
    parser.set_element_class_lookup(lxml_html.HtmlElementClassLookup())
    started = depth = deepest = 0
    cut: etree._Element | None = None
    try:
        for at in range(0, len(text), _CHUNK):
            parser.feed(text[at : at + _CHUNK])
            for event, element in parser.read_events():
                if event == "end":
                    depth -= 1
                    continue
                started += 1
                depth += 1
                deepest = max(deepest, depth)
                if started > MAX_ELEMENTS:
                    cut = element
                    break
            if cut is not None:
                break
        root = parser.close()
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InbriefError(f"cannot parse the HTML: {exc}") from None
    if root is None:
        raise InbriefError("cannot parse the HTML: Document is empty")
    if cut is not None:
        _remove_from(cut)
    # The parser builds lxml.html elements; its stub types close() as a plain _Element.
    return cast(lxml_html.HtmlElement, root), deepest >= _PARSER_DEPTH


def _remove_from(cut: etree._Element) -> None:
    """Remove ``cut`` and every element after it in document order."""
    node, first = cut, True
    while (parent := node.getparent()) is not None:
        del parent[parent.index(node) + (0 if first else 1) :]
        node, first = parent, False


def _rename_beyond(root: lxml_html.HtmlElement, tags: tuple[str, ...], keep: int, tag: str) -> None:
    """Turn every element of ``tags`` after the first ``keep`` into a bare ``tag``: its text
    stays where it was. (Renaming costs nothing; ``drop_tag`` is linear in the siblings.)"""
    for element in list(islice(root.iter(*tags), keep, None)):
        element.tag = tag
        element.attrib.clear()


# -- flattening deep nesting --------------------------------------------------------------

#: A comment, an element whose content is raw text (kept whole), or a start or end tag.
#: Quoted attribute values stop at ``<`` so an unclosed quote cannot make the scan quadratic.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|textarea|title|xmp)\b(?:[^>\"'<]|\"[^\"<]*\"|'[^'<]*')*>.*?(?:</\1\s*>|\Z)"
    r"|<(/?)([a-zA-Z][^\s/>]*)(?:[^>\"'<]|\"[^\"<]*\"|'[^'<]*')*>",
    re.DOTALL | re.IGNORECASE,
)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
#: Elements the parser closes when another of the same name starts (``<p>a<p>b``).
_SELF_CLOSING = frozenset(["p", "li", "dt", "dd", "option", "tr", "td", "th"])
_ANY_TAG = re.compile(r"<[^>]*>")
#: Written where a removed tag separated text, so paragraphs do not run together.
_BREAK = "<br><br>"


def flatten_nesting(text: str, max_depth: int = MAX_DEPTH) -> str:
    """``text`` with every tag nested deeper than ``max_depth`` removed, its text kept.

    Where a removed tag separated two runs of text, a blank line (``<br><br>``) keeps them
    apart. Linear in the length of the page: each end tag finds its start tag through an
    index by name rather than by searching the stack.
    """
    out: list[str] = []
    last = 0
    stack: list[tuple[str, bool]] = []  # (name, kept) of each open element
    by_name: dict[str, list[int]] = {}  # name -> positions in ``stack``
    kept = 0

    def pop_to(index: int) -> bool:
        """Close the elements from ``index`` up; return whether the one at ``index`` was kept."""
        nonlocal kept
        was_kept = stack[index][1]
        while len(stack) > index:
            name, was = stack.pop()
            by_name[name].pop()
            kept -= was
        return was_kept

    for match in _TOKEN.finditer(text):
        name = match.group(3)
        if name is None:
            continue  # a comment or raw text: never counted, never changed
        name = name.lower()
        if name in _VOID:
            continue
        if match.group(2):  # an end tag
            open_at = by_name.get(name)
            if not open_at or pop_to(open_at[-1]):
                continue  # a stray end tag (left to the parser) or a kept element's end
        else:
            if name in _SELF_CLOSING and stack and stack[-1][0] == name:
                pop_to(len(stack) - 1)
            keep = kept < max_depth
            by_name.setdefault(name, []).append(len(stack))
            stack.append((name, keep))
            kept += keep
            if keep:
                continue
        between = text[last : match.start()]
        out.append(between)
        if _ANY_TAG.sub("", between).strip():
            out.append(_BREAK)
        last = match.end()
    out.append(text[last:])
    return "".join(out)
