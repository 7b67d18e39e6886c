"""Read an article's metadata from the page's own declarations, then from heuristics.

Order of trust for each field: JSON-LD (schema.org Article types), OpenGraph and ``article:``
meta tags, other common meta tags, then the markup itself (``<title>``, ``<h1>``, ``<time>``,
``rel=author``, ``<html lang>``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from inbrief.textclean import clean_inline

_ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
    "scholarlyarticle", "report", "webpage", "liveblogposting", "socialmediaposting",
}  # fmt: skip


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    byline: str | None = None
    site: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    description: str | None = None
    #: The plain-text ``articleBody`` the page declares in JSON-LD, if any.
    article_body: str | None = None


def _meta(tree: lxml_html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for node in tree.xpath(f'//meta[@{attr}="{name}"]'):
                content = clean_inline(node.get("content") or "")
                if content:
                    return content
    return None


def _json_ld_objects(tree: lxml_html.HtmlElement) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            kind = value.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                found.append(value)
            walk(value.get("@graph"))
            walk(value.get("mainEntity"))

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(script.text_content() or "null", strict=False))
        except (ValueError, RecursionError):
            continue
    # Prefer real articles over the generic WebPage.
    found.sort(key=lambda obj: str(obj.get("@type")).lower() == "webpage")
    return found


def _names(value: Any) -> str | None:
    if isinstance(value, str):
        return clean_inline(value) or None
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        names = [name for item in value if (name := _names(item))]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def normalize_date(value: str | None) -> str | None:
    """ISO 8601 for a date we can parse; None for anything else."""
    if not value:
        return None
    value = value.strip()
    candidate = value.replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(candidate).isoformat()
    except ValueError:
        pass
    if match := re.match(r"(\d{4})-(\d{2})-(\d{2})", value):
        return "-".join(match.groups())
    for fmt in ("%a, %d %b %Y %H:%M:%S %z", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(value, fmt).isoformat()
        except ValueError:
            continue
    return None


def _site_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def read_metadata(tree: lxml_html.HtmlElement, base_url: str | None = None) -> Metadata:
    """Collect every metadata field ``tree`` declares."""
    ld = _json_ld_objects(tree)

    def from_ld(*keys: str) -> Any:
        for obj in ld:
            for key in keys:
                if obj.get(key):
                    return obj[key]
        return None

    meta = Metadata()
    meta.title = (
        _names(from_ld("headline", "name"))
        or _meta(tree, "og:title", "twitter:title", "headline", "title")
        or _first_text(tree, "//h1")
        or _first_text(tree, "//title")
    )
    meta.byline = (
        _names(from_ld("author", "creator"))
        or _meta(tree, "author", "article:author", "byl", "parsely-author", "sailthru.author")
        or _first_text(tree, '//*[@rel="author"]|//*[contains(@class,"byline")]', limit=80)
    )
    if meta.byline and meta.byline.startswith(("http://", "https://")):
        meta.byline = None
    publisher = from_ld("publisher")
    meta.site = _meta(tree, "og:site_name", "application-name") or _names(publisher)
    published = (
        from_ld("datePublished", "dateCreated")
        or _meta(tree, "article:published_time", "datePublished", "pubdate", "date", "dc.date")
        or _first_attr(tree, "//time[@datetime]", "datetime")
    )
    meta.published = normalize_date(published if isinstance(published, str) else None)
    lang = tree.xpath("string(/html/@lang)") or _meta(tree, "og:locale", "language")
    meta.language = lang.strip() if lang else None
    canonical = _first_attr(tree, '//link[@rel="canonical"]', "href") or _meta(tree, "og:url")
    if canonical:
        canonical = urljoin(base_url or "", canonical)
    meta.url = canonical if canonical and canonical.startswith("http") else base_url
    meta.site = meta.site or _site_from_url(meta.url)
    meta.description = _meta(tree, "og:description", "description", "twitter:description")
    body = from_ld("articleBody", "text")
    meta.article_body = body.strip() or None if isinstance(body, str) else None
    return meta


def _first_text(tree: lxml_html.HtmlElement, xpath: str, limit: int = 400) -> str | None:
    for node in tree.xpath(xpath):
        text = clean_inline(node.text_content())
        if text and len(text) <= limit:
            return text
    return None


def _first_attr(tree: lxml_html.HtmlElement, xpath: str, attr: str) -> str | None:
    for node in tree.xpath(xpath):
        value = (node.get(attr) or "").strip()
        if value:
            return value
    return None
