"""The CPU work of a refresh, as plain functions over picklable values: turning a feed's items
into articles with their gists, and a teaser's page into its article.

:mod:`~inbrief.feeds.workers` runs them in worker processes when a refresh has enough work
(threads alone share one core's worth of Python), or in the calling thread otherwise. Nothing
here touches the network or the library; failures come back as values, not exceptions, so
that nothing has to cross a process boundary as a pickled exception.
"""

from __future__ import annotations

from dataclasses import dataclass

from inbrief.errors import InbriefError
from inbrief.feeds.items import article_from_item, better_of, gist_of, is_teaser
from inbrief.feeds.model import FeedItem
from inbrief.ingest import RawSource, articles_from_raw, fill_language
from inbrief.model import Article


@dataclass(frozen=True, slots=True)
class Prepared:
    """One new or changed item, ready to store, or (``teaser``) waiting for its page."""

    key: str
    digest: str
    item: FeedItem
    #: The article the item's own content makes (a teaser's is the fallback), or None.
    article: Article | None
    #: The article's gist; None for a teaser, whose final text is not known yet.
    gist: str | None
    teaser: bool


@dataclass(frozen=True, slots=True)
class PageResult:
    """A teaser's page read: the longer text and its gist, or why the page gave nothing."""

    article: Article | None = None
    gist: str = ""
    error: str | None = None


def prepare_items(
    items: list[tuple[str, str, FeedItem]], feed_site: str | None = None
) -> list[Prepared]:
    """Each new or changed item, given with its key and hash (:func:`~inbrief.feeds.items.item_key`,
    :func:`~inbrief.feeds.items.item_hash`), made an article with its gist, in the given order.

    A teaser's article gets neither language nor gist here: its page usually replaces it.
    """
    prepared: list[Prepared] = []
    for key, digest, item in items:
        article = article_from_item(item, feed_site)
        if is_teaser(item, article):
            prepared.append(Prepared(key, digest, item, article, None, teaser=True))
        elif article is not None:
            article, gist = finish(article)
            prepared.append(Prepared(key, digest, item, article, gist, teaser=False))
    return prepared


def prepare_page(raw: RawSource, item: FeedItem, teaser: Article | None) -> PageResult:
    """Extract a teaser's fetched page and keep the longer of its text and the feed's."""
    try:
        pages = articles_from_raw(raw)
        article, gist = finish(better_of(teaser, pages[0], item))
    except InbriefError as exc:
        return PageResult(error=exc.reason)
    except (RecursionError, MemoryError):
        return PageResult(error="the page is too large or deep to read")
    return PageResult(article, gist)


def finish(article: Article) -> tuple[Article, str]:
    """The article as stored: its language (detected if nothing declared it) and its gist."""
    fill_language([article])
    return article, gist_of(article)
