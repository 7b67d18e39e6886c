"""What to show when readability-lxml finds little: the best alternative we measured.

Two alternatives, tried in order, each only when it is clearly longer than readability's body:

1. the ``articleBody`` a page declares in its JSON-LD (the publisher's own text, paragraphs
   split at line breaks), which is what search engines are given;
2. the densest paragraph container: the element whose own ``<p>`` children hold the most
   text, a one-pass version of the idea behind readability, with one of its class-name
   guesses: paragraphs inside a page's comments or footer do not count.

trafilatura, an independent extractor, is the last path of all (:mod:`~inbrief.extract.second`):
asked only where no path here, nor readability, found any text.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from inbrief.extract.structure import build_sections
from inbrief.model import Block, BlockKind, Section
from inbrief.textclean import clean_inline


def sections_from_text(body: str) -> list[Section]:
    """A declared plain-text body as one section of paragraphs."""
    paragraphs = [clean_inline(line) for line in body.replace("\r", "\n").split("\n")]
    blocks = [Block(BlockKind.PARAGRAPH, [text]) for text in paragraphs if text]
    return [Section(heading="", level=0, blocks=blocks)] if blocks else []


#: Containers of a page's comments or footer, by class or id (readability's own negative
#: names): on a short post, the comment thread is the page's densest run of paragraphs.
_NOT_THE_ARTICLE = re.compile(r"comment(?!ary)|footer|disqus|respond", re.I)


def densest_container(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The element whose direct ``<p>`` children carry the most text (links discounted), not
    counting paragraphs inside a page's comments or footer."""
    totals: dict[lxml_html.HtmlElement, int] = {}
    named: dict[lxml_html.HtmlElement, bool] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is None or _inside_comments(parent, named):
            continue
        text = paragraph.text_content()
        links = sum(len(a.text_content()) for a in paragraph.iter("a"))
        totals[parent] = totals.get(parent, 0) + max(0, len(text.strip()) - 2 * links)
    if not totals:
        return None
    best = max(totals, key=totals.__getitem__)
    return best if totals[best] > 0 else None


def _inside_comments(node: lxml_html.HtmlElement, named: dict[lxml_html.HtmlElement, bool]) -> bool:
    """Whether ``node`` or an ancestor is named as comments or a footer (memoised in ``named``)."""
    chain = []
    found = False
    current: lxml_html.HtmlElement | None = node
    while current is not None:
        if current in named:
            found = named[current]
            break
        chain.append(current)
        label = f"{current.get('class', '')} {current.get('id', '')}"
        if _NOT_THE_ARTICLE.search(label):
            found = True
            break
        current = current.getparent()
    for element in chain:
        named[element] = found
    return found


def sections_from_densest(
    tree: lxml_html.HtmlElement, title: str, base_url: str | None = None
) -> list[Section]:
    """Sections built from :func:`densest_container`, or none."""
    container = densest_container(tree)
    return build_sections(container, title, base_url) if container is not None else []
