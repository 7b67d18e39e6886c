"""A feed item to an article: its own content when that is the whole piece, else its page.

An item counts as a **teaser** when its content has fewer than :data:`TEASER_WORDS` body words
or ends in a truncation mark ("…", "[…]", "Read more", "Continue reading"). The threshold is
measured by ``benchmarks/teaser_threshold.py`` on 1,419 hand-checked article bodies from five
sets: teasers made from each (its first paragraph, first 55 words as WordPress excerpts, first
100 words) are caught 97.9% of the time at 120 words, while 8.8% of whole articles (the short
ones) are judged teasers; chosen on four sets and scored on the fifth, teasers caught are
93.2-100%. A whole article judged a teaser only costs a page fetch, since the longer of the
page's and the feed's text is kept; a teaser judged whole would leave a truncated article.
"""

from __future__ import annotations

import hashlib
import html as html_module
import re

from inbrief.errors import InbriefError
from inbrief.extract.metadata import Metadata, site_from_url
from inbrief.extract.page import article_from_sections, parse_html
from inbrief.extract.structure import build_sections
from inbrief.feeds.model import FeedItem
from inbrief.library.identity import canonical_url
from inbrief.model import Article
from inbrief.nlp.tokens import join_sentences

_TAG = re.compile(r"<[^>]*>|^[^<]*>")
#: Fewer body words than this and the item is a teaser (see the module's docstring).
TEASER_WORDS = 120
_TRUNCATED = re.compile(
    r"(…|\.\.\.|\[\s*(…|\.\.\.)\s*\]|read more|continue reading|read the (rest|full \w+)"
    r"|keep reading|\(more\W*\))\W{0,3}$",
    re.IGNORECASE,
)


def item_key(item: FeedItem) -> str:
    """How the library knows the item within its feed: GUID/id, else canonical link, else
    a hash of what it says."""
    if item.id:
        return item.id
    if url := canonical_url(item.link):
        return url
    return "sha256:" + _digest(item.title, item.content_html or item.summary_html)


def item_hash(item: FeedItem) -> str:
    """A fingerprint of the item as the feed gave it: equal means nothing to do."""
    return _digest(
        item.title, item.link or "", item.content_html, item.summary_html, item.published or ""
    )


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "replace")).hexdigest()


def article_from_item(item: FeedItem, feed_site: str | None = None) -> Article | None:
    """The article the item's own content makes, or None when it carries no text.

    Its language is the declared one only: detecting it is left to
    :func:`~inbrief.feeds.prepare.finish`, for the article that is kept (a teaser's page
    usually replaces it)."""
    html = item.content_html if item.content_html.strip() else item.summary_html
    if not html.strip():
        return None
    try:
        sections = build_sections(parse_html(f"<div>{html}</div>"), item.title, item.base)
        meta = Metadata(
            title=item.title,
            byline=item.author,
            site=site_from_url(item.link) or feed_site,
            published=item.published,
            language=item.language,  # declared: no need to detect it
            url=item.link,
        )
        return article_from_sections(sections, meta)
    except (InbriefError, RecursionError, ValueError):
        return None


def is_teaser(item: FeedItem, article: Article | None) -> bool:
    """Whether the item's page should be fetched for the whole text (it needs a link)."""
    if item.link is None:
        return False
    if article is None or article.word_count < TEASER_WORDS:
        return True
    # The mark is looked for in the item's own HTML: the extractor drops "Read more" links.
    html = item.content_html if item.content_html.strip() else item.summary_html
    tail = html_module.unescape(_TAG.sub(" ", html[-400:]))
    return bool(_TRUNCATED.search(tail.rstrip()[-80:]))


def better_of(feed_article: Article | None, page_article: Article, item: FeedItem) -> Article:
    """The page's article unless the feed's own text is longer; the item's title and date
    fill what the page lacks."""
    if feed_article is not None and feed_article.word_count >= page_article.word_count:
        return feed_article
    if not page_article.title and item.title:
        page_article.title = item.title
    if page_article.published is None:
        page_article.published = item.published
    if page_article.url is None:
        page_article.url = item.link
    return page_article


def gist_of(article: Article) -> str:
    """The article's gist (the summary's opening sentences), "" when it has none."""
    from inbrief.summarize import summarize

    try:
        summary = summarize(article)
    except (InbriefError, RecursionError, ValueError):
        return ""
    return join_sentences(takeaway.text for takeaway in summary.gist)
