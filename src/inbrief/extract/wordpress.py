"""WordPress REST API posts (``/wp-json/wp/v2/posts``): one post or a list of them."""

from __future__ import annotations

import html
from typing import Any

from inbrief.errors import InbriefError
from inbrief.extract.metadata import Metadata, normalize_date, site_from_url
from inbrief.extract.page import article_from_sections, parse_html
from inbrief.extract.structure import build_sections
from inbrief.links import resolve_link
from inbrief.model import Article
from inbrief.textclean import clean_inline


def is_wordpress_post(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("title"), dict)
        and isinstance(value.get("content"), dict | None)
        and "rendered" in value["title"]
    )


def articles_from_json(value: Any) -> list[Article]:
    """Every post in a parsed WordPress JSON document; raise if it holds none."""
    posts = value if isinstance(value, list) else [value]
    if not posts or not all(is_wordpress_post(post) for post in posts):
        raise InbriefError(
            "JSON that is not a WordPress post (expected title.rendered and content.rendered)"
        )
    articles: list[Article] = []
    failures: list[str] = []
    for number, post in enumerate(posts, 1):
        try:
            articles.append(article_from_post(post))
        except InbriefError as exc:
            failures.append(exc.reason if len(posts) == 1 else f"post {number}: {exc.reason}")
    if not articles:
        raise InbriefError(
            failures[0] if len(failures) == 1 else f"no post has text ({failures[0]})"
        )
    return articles


def _rendered(post: dict[str, Any], key: str) -> str:
    field = post.get(key)
    value = field.get("rendered") if isinstance(field, dict) else None
    return value if isinstance(value, str) else ""


def _author(post: dict[str, Any]) -> str | None:
    embedded = post.get("_embedded")
    if isinstance(embedded, dict):
        authors = embedded.get("author")
        if isinstance(authors, list):
            # Only names: a number there (a user id misplaced) is no byline.
            names = [
                a["name"]
                for a in authors
                if isinstance(a, dict) and isinstance(a.get("name"), str) and a["name"].strip()
            ]
            if names:
                return clean_inline(", ".join(names))
    return None


def article_from_post(post: dict[str, Any]) -> Article:
    """One post: its rendered content is already the article, so no readability pass."""
    title = clean_inline(
        html.unescape(parse_html(f"<p>{_rendered(post, 'title')}</p>").text_content())
    )
    content = _rendered(post, "content")
    if not content.strip():
        raise InbriefError("the post has no content")
    # Follows the rule of links: absolute http(s), printable, or none (never javascript:).
    link = resolve_link(post["link"]) if isinstance(post.get("link"), str) else None
    date = post.get("date")
    if isinstance(post.get("date_gmt"), str):
        date = post["date_gmt"] + "+00:00"
    meta = Metadata(
        title=title,
        byline=_author(post),
        site=site_from_url(link),
        published=normalize_date(date if isinstance(date, str) else None),
        language=post.get("lang") if isinstance(post.get("lang"), str) else None,
        url=link,
    )
    sections = build_sections(parse_html(f"<div>{content}</div>"), title, link)
    return article_from_sections(sections, meta)
