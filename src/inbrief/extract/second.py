"""A second, independent extractor for the pages where ours is unsure: trafilatura.

readability-lxml and trafilatura fail on different pages (a news page whose story sits in a
table layout readability scores as navigation; a post readability takes the blog's sidebar for).
trafilatura runs only when no other path of :func:`~inbrief.extract.choice.choose` found any
article text (the page would be refused), and is imported only then: ``import trafilatura``
alone costs about twice readability's import.

Its result is asked for as HTML and structured by :mod:`~inbrief.extract.structure` like ours,
so headings, lists and bylines stay typed apart. Comments are left out (a comment thread is not
the article).
"""

from __future__ import annotations

import logging

from lxml import html as lxml_html

from inbrief.errors import InbriefError
from inbrief.extract.bounds import parse_bounded
from inbrief.extract.structure import build_sections, link_density
from inbrief.model import Section


def trafilatura_html(tree: lxml_html.HtmlElement) -> str:
    """trafilatura's article for the parsed page as HTML, or "" when it finds none or fails.

    It is given the tree :func:`~inbrief.extract.bounds.parse_bounded` made (which it may
    change), so the bounds on a page's elements and links hold for it too.
    """
    try:
        import trafilatura
    except ImportError:  # an install without it: the second opinion is simply absent
        return ""
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        found = trafilatura.extract(
            tree,
            output_format="html",
            include_comments=False,
            include_links=True,
            include_tables=True,
            with_metadata=False,
        )
    except Exception:  # a third-party parser on hostile input: no opinion, never a traceback
        return ""
    return found or ""


def second_sections(
    tree: lxml_html.HtmlElement, title: str, base_url: str | None
) -> tuple[list[Section], float]:
    """trafilatura's body for ``tree`` as sections, and the share of its text in links."""
    found = trafilatura_html(tree)
    if not found.strip():
        return [], 0.0
    try:
        root = parse_bounded(found)
    except InbriefError:
        return [], 0.0
    return build_sections(root, title, base_url), link_density(root)
