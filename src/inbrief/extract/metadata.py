"""Read an article's metadata from the page's own declarations, then from heuristics.

Order of trust for each field: JSON-LD (schema.org Article types), OpenGraph and ``article:``
meta tags, other common meta tags, then the markup itself (``<title>``, an ``<h1>`` that agrees
with it, ``<time>``, ``rel=author``, ``<html lang>``); for the date, htmldate's search of the
page before the last guesses.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html

from inbrief.extract.authors import byline_in_markup, clean_author
from inbrief.extract.dates import DATE_META, normalize_date, published_date
from inbrief.links import resolve_link
from inbrief.textclean import clean_inline

__all__ = ["Metadata", "normalize_date", "read_metadata"]

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
    #: The plain-text ``articleBody`` the page declares in JSON-LD, if any.
    article_body: str | None = None


def _meta_index(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """Every ``<meta>`` content by its property, name or itemprop (first non-empty wins)."""
    index: dict[str, str] = {}
    for node in tree.iter("meta"):
        content = node.get("content")
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = node.get(attr)
            if key and key not in index and (value := clean_inline(content)):
                index[key] = value
    return index


def _meta(index: dict[str, str], *names: str) -> str | None:
    """The content of the first of ``names`` the page declares."""
    for name in names:
        if value := index.get(name):
            return value
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


def site_from_url(url: str | None) -> str | None:
    """The host name of ``url`` without ``www.``; None when there is no (valid) URL."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # a malformed link, e.g. a broken IPv6 host
        return None
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
    metas = _meta_index(tree)
    declared_title = _names(from_ld("headline", "name")) or _meta(
        metas, "og:title", "twitter:title", "headline", "title"
    )
    meta.byline = (
        _names(from_ld("author", "creator"))
        or _meta(metas, "author", "article:author", "byl", "parsely-author", "sailthru.author")
        or byline_in_markup(tree)
    )
    if meta.byline and meta.byline.startswith(("http://", "https://")):
        meta.byline = None
    publisher = from_ld("publisher")
    meta.site = _meta(metas, "og:site_name", "application-name") or _names(publisher)
    meta.language = _language(tree, metas)
    canonical = _first_attr(tree, '//link[@rel="canonical"]', "href") or _meta(metas, "og:url")
    # The article's address follows the rule of links: absolute http(s), printable, or none.
    meta.url = resolve_link(canonical, base_url) or resolve_link(base_url)
    declared = [from_ld("datePublished", "dateCreated"), _meta(metas, *DATE_META)]
    meta.published = published_date(tree, declared, meta.url)
    meta.site = meta.site or site_from_url(meta.url)
    meta.title = _title(tree, _unescaped(declared_title), meta.site, meta.url)
    meta.byline = clean_author(_unescaped(meta.byline))
    meta.site = _site_without_tagline(_unescaped(meta.site), meta.url)
    body = from_ld("articleBody", "text")
    meta.article_body = body.strip() or None if isinstance(body, str) else None
    return meta


def _language(tree: lxml_html.HtmlElement, metas: dict[str, str]) -> str | None:
    """``<html lang>``, ``xml:lang``, Content-Language, then og:locale; ``en_US`` -> ``en-US``."""
    lang = (
        tree.xpath("string(/html/@lang)")
        or tree.xpath("string(/html/@xml:lang)")
        or _first_attr(tree, '//meta[@http-equiv="content-language"]', "content")
        or _first_attr(tree, '//meta[@http-equiv="Content-Language"]', "content")
        or _meta(metas, "og:locale", "language", "dc.language", "DC.language", "inLanguage")
    )
    lang = str(lang).strip().split(",")[0].strip().replace("_", "-") if lang else ""
    return lang if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang) else None


_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")


#: A title longer than this is markup gone wrong, not a headline (``<title>`` is read with the
#: same limit).
MAX_TITLE_CHARS = 400


def _title(
    tree: lxml_html.HtmlElement, declared: str | None, site: str | None, url: str | None
) -> str | None:
    """The declared headline, else the first ``<h1>`` that agrees with ``<title>``, else
    ``<title>``; the site's name removed from either end ("Headline | Site", "Site – Headline").

    A page's first ``<h1>`` is often the site's logo or a section name, so it is trusted only
    where ``<title>`` (its site's name removed) says the same, or there is no ``<title>``.
    """
    title_tag = _unescaped(_first_text(tree, "//title"))
    if declared and len(declared) > MAX_TITLE_CHARS:
        declared = None  # a quote left open in a meta tag swallowed the scripts after it
    headings = _heading_texts(tree) if declared or title_tag else {}
    if declared:
        return _without_site_name(declared, site, url, headings)
    cut = _without_site_name(title_tag, site, url, headings)
    for node in tree.xpath("//h1")[:3]:
        heading = clean_inline(node.text_content())
        if heading and len(heading) <= MAX_TITLE_CHARS and (not cut or _agrees(heading, cut)):
            return _unescaped(heading)
    return cut


#: Where a title's headline is told from the site's name by the page's own headings.
_HEADLINE_SEPARATORS = (*_SEPARATORS, " « ", " / ", ": ")
_HEADINGS = (
    "//h1|//h2|//h3|//h4"
    '|//*[contains(@class,"title") or contains(@class,"headline") or contains(@id,"title")]'
)


_SITE_NAMED = re.compile(r"site|logo|brand|blog|masthead", re.I)


def _heading_texts(tree: lxml_html.HtmlElement, limit: int = 300) -> dict[str, int]:
    """The squashed texts of the page's first headings and elements named as titles, each with
    the place of its first occurrence in document order."""
    texts: dict[str, int] = {}
    for place, node in enumerate(itertools.islice(tree.xpath(_HEADINGS), limit)):
        if _SITE_NAMED.search(f"{node.get('class', '')} {node.get('id', '')}"):
            continue  # the blog's or site's name ("site-title", "logo")
        text = node.text_content()
        if len(text) <= 400 and (squashed := _squashed(text)):
            texts.setdefault(squashed, place)
    return texts


#: A side of a title shorter than this is a section or a site ("US elections: ..."), however
#: it is shown as a heading.
_HEADLINE_WORDS = 3


def _headline_part(title: str, headings: Mapping[str, int]) -> str | None:
    """The side of "Headline « Blog" or "Blog: Headline" that is one of the page's headings.

    When both sides are, the later heading is the headline: a site's name heads the page, the
    headline heads the article below it.
    """
    if _squashed(title) in headings:
        return None
    found: dict[str, int] = {}
    for separator in _HEADLINE_SEPARATORS:
        for head, sep, tail in (title.rpartition(separator), title.partition(separator)):
            for part in (head.strip(), tail.strip()) if sep else ():
                place = headings.get(_squashed(part))
                if place is not None and len(part.split()) >= _HEADLINE_WORDS:
                    found.setdefault(part, place)
    return max(found, key=found.__getitem__) if found else None


_TITLE_WORD = re.compile(r"\w+")


def _agrees(heading: str, title: str) -> bool:
    """Most of the heading's words are in the title (a headline, not "Menu" or the logo)."""
    words = _TITLE_WORD.findall(heading.casefold())
    in_title = set(_TITLE_WORD.findall(title.casefold()))
    if not words or len(words) < 0.3 * len(in_title):
        return False
    return sum(word in in_title for word in words) >= 0.8 * len(words)


def _squashed(text: str) -> str:
    return "".join(_TITLE_WORD.findall(text.casefold()))


def _without_site_name(
    title: str | None,
    site: str | None,
    url: str | None,
    headings: Mapping[str, int] | None = None,
) -> str | None:
    """ "Headline - Site" -> "Headline", "Site | Headline" -> "Headline", when that part names the
    site (or its domain), or else when the other part is one of the page's ``headings``."""
    if not title:
        return title
    host = site_from_url(url)
    names = {_squashed(n) for n in (site, host, host.split(".")[0] if host else None) if n}
    names.discard("")
    for separator in _SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head and _squashed(tail) in names:
            return head.strip()
        head, found, tail = title.partition(separator)
        if found and tail and _squashed(head) in names:
            return tail.strip()
    return _headline_part(title, headings or {}) or title


def _site_without_tagline(site: str | None, url: str | None) -> str | None:
    """ "LinkNaija | Nigeria's popular news platform" -> "LinkNaija" when the head is the domain."""
    host = (site_from_url(url) or "").split(".")[0].replace("-", "")
    if not site or not host:
        return site
    for separator in _SEPARATORS:
        head, found, _ = site.partition(separator)
        if found and head.replace(" ", "").replace("-", "").casefold() == host.casefold():
            return head.strip()
    return site


def _unescaped(value: str | None) -> str | None:
    """Undo the entity escaping some pages apply twice (``&amp;#163;`` in a meta content)."""
    if value and "&" in value:
        return clean_inline(html.unescape(value))
    return value


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
