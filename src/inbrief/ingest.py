"""From a source the user names (URL, file, ``-``) to cleaned articles.

:func:`load_articles` is the single entry point: it reads the bytes, decides what they are by
content (a WordPress post saved as ``.txt`` is still JSON), and hands them to the right reader.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass

from inbrief.errors import InbriefError
from inbrief.fetch import FetchLimits, fetch, is_url
from inbrief.model import Article
from inbrief.nlp.detect import detect_language
from inbrief.sniff import Kind, decode, ensure_text, guess_kind, is_json_feed

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+):")
#: A host name (``example.com``, ``news.example.co.uk:8080/a``): what a user who left out
#: ``https://`` typed. Names ending like a document (``notes.md``) are taken for files.
_HOST_LIKE = re.compile(
    r"^(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
    r"\.[a-z]{2,63}(?::\d{1,5})?(?:[/?#]\S*)?$",
    re.IGNORECASE,
)
_DOCUMENT_SUFFIX = re.compile(r"\.(html?|xhtml|md|markdown|txt|text|json)$", re.IGNORECASE)
#: Local files and standard input larger than this are refused before being read whole.
MAX_INPUT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RawSource:
    data: bytes
    name: str
    url: str | None = None
    charset: str | None = None
    content_type: str | None = None


def read_source(
    source: str,
    limits: FetchLimits | None = None,
    cancelled: Callable[[], bool] | None = None,
    origin: str | None = None,
) -> RawSource:
    """The bytes behind ``source``: a URL, ``-`` for standard input, or a local path.

    A path must name a regular file: a FIFO, a device or a socket could block forever (or
    never end), so it is refused without waiting (opened non-blocking, checked with fstat).
    ``origin``: the page or feed that named a URL ``source`` (see :func:`inbrief.fetch.fetch`).
    """
    if is_url(source):
        fetched = fetch(source, limits, cancelled=cancelled, origin=origin)
        return RawSource(fetched.data, source, fetched.url, fetched.charset, fetched.content_type)
    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        return RawSource(_capped(data), "<stdin>")
    if (match := _SCHEME.match(source)) and not os.path.exists(source):
        scheme = match.group(1).lower()
        raise InbriefError(f"unsupported URL scheme '{scheme}:' (only http and https)")
    try:
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _NO_CTTY)
    except FileNotFoundError:
        hint = meant_url(source)
        reason = f"no such file; for a web page, use {hint}" if hint else "no such file"
        raise InbriefError(reason) from None
    except IsADirectoryError:
        raise InbriefError("is a directory, not an article") from None
    except OSError as exc:
        raise InbriefError(exc.strerror or "cannot read") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InbriefError("is a directory, not an article")
        if not stat.S_ISREG(info.st_mode):
            raise InbriefError(f"not a regular file but {_special_kind(info.st_mode)}")
        if info.st_size > MAX_INPUT_BYTES:
            raise InbriefError(f"too large: {info.st_size:,} bytes (limit {MAX_INPUT_BYTES:,})")
        with open(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InbriefError(exc.strerror or "cannot read") from None
    finally:
        os.close(fd)
    return RawSource(_capped(data), source)


def meant_url(source: str) -> str | None:
    """``https://`` + ``source`` when ``source`` reads as a web address without its scheme.

    Only a hint: a missing file is never fetched from the web instead, since a mistyped file
    name would otherwise be sent to whatever host it happens to spell.
    """
    name = source.strip()
    if not _HOST_LIKE.match(name) or _DOCUMENT_SUFFIX.search(name.split("?")[0]):
        return None
    return f"https://{name}"


_NO_CTTY = getattr(os, "O_NOCTTY", 0)


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (pipe it to standard input with -)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _capped(data: bytes) -> bytes:
    if len(data) > MAX_INPUT_BYTES:
        raise InbriefError(f"too large: more than {MAX_INPUT_BYTES:,} bytes")
    return data


def articles_from_raw(raw: RawSource) -> list[Article]:
    """Decode, detect the kind and parse. One article, or several for a list of posts."""
    ensure_text(raw.data, raw.name)
    text = decode(raw.data, raw.charset)
    if not text.strip():
        raise InbriefError("empty input: nothing to read")
    if feed := _feed_kind(text, raw.content_type):
        raise InbriefError(f"{feed}, not an article: inbrief --subscribe URL subscribes to it")
    kind = guess_kind(text, raw.url or raw.name)
    if raw.content_type == "text/html" and kind is not Kind.JSON:
        kind = Kind.HTML
    if kind is Kind.JSON:
        from inbrief.extract.wordpress import articles_from_json

        try:
            value = json.loads(text, parse_int=_parse_int)
        except (json.JSONDecodeError, RecursionError) as exc:
            if _declared_json(raw):
                reason = (
                    "nested too deeply"
                    if isinstance(exc, RecursionError)
                    else (f"{exc.msg} at line {exc.lineno}")
                )
                raise InbriefError(f"invalid JSON: {reason}") from None
            # A text that merely opens with "[" or "{" (a title like "[Review] ..."): read it
            # as the text it is.
            kind = guess_kind(text.lstrip("\ufeff \t\r\n{["), raw.url or raw.name)
            if kind is Kind.JSON:
                kind = Kind.TEXT
        else:
            if is_json_feed(value):
                raise InbriefError(
                    "a JSON Feed, not an article: inbrief --subscribe URL subscribes to it"
                )
            return fill_language(articles_from_json(value))
    if kind is Kind.HTML:
        from inbrief.extract.page import article_from_html

        # Already decoded above by the same rules (BOM, charset, <meta>, sniffing): not twice.
        return fill_language([article_from_html(text, url=raw.url)])
    from inbrief.extract.plaintext import article_from_markdown, article_from_text

    if kind is Kind.MARKDOWN:
        return fill_language([article_from_markdown(text)])
    return fill_language([article_from_text(text)])


#: The root element of an RSS (0.9x, 2.0), RDF (RSS 1.0) or Atom document, as the document's
#: first element: after the XML declaration, processing instructions, comments and DOCTYPE.
_FEED_ROOT = re.compile(
    r"\A(?:\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>))*\s*<(?:\w+:)?(rss|RDF|feed)[\s>]", re.S
)
_FEED_NAMES = {"rss": "an RSS feed", "RDF": "an RSS feed", "feed": "an Atom feed"}
_FEED_TYPES = {
    "application/rss+xml": "an RSS feed",
    "application/atom+xml": "an Atom feed",
    "application/feed+json": "a JSON Feed",
}


def _feed_kind(text: str, content_type: str | None) -> str | None:
    """What kind of feed ``text`` is ("an RSS feed"), or None for anything else: by its
    declared type, or by its root element."""
    if found := _FEED_TYPES.get(content_type or ""):
        return found
    match = _FEED_ROOT.match(text[:4096].lstrip("\ufeff"))
    return _FEED_NAMES[match.group(1)] if match else None


def _parse_int(digits: str) -> int | float:
    """JSON integers; one past Python's 4,300-digit limit for ``int()`` (a denial-of-service
    guard) is read as a float (infinity) rather than failing the whole document."""
    return int(digits) if len(digits) <= 4000 else float(digits)


def _declared_json(raw: RawSource) -> bool:
    """Whether the source says it is JSON (by content type or file name), not just looks it."""
    name = (raw.url or raw.name).split("?", 1)[0].lower()
    return name.endswith(".json") or "json" in (raw.content_type or "")


#: Pages that only send the reader on with a meta refresh (link shorteners, moved pages) are
#: followed this many times when they hold no article of their own (or under STUB_WORDS words).
MAX_META_REFRESHES = 3
STUB_WORDS = 50


def load_articles(
    source: str, limits: FetchLimits | None = None, cancelled: Callable[[], bool] | None = None
) -> list[Article]:
    """Every article in ``source``; :class:`InbriefError` (naming the source) if there is none.

    ``cancelled`` lets a caller end a slow fetch early (see :func:`inbrief.fetch.fetch`)."""
    try:
        raw = read_source(source, limits, cancelled)
        followed = 0
        while True:
            articles, problem = _articles_or_problem(raw)
            target = _refresh_target(raw, articles)
            if target is None:
                if problem is not None:
                    raise problem
                return articles
            if followed == MAX_META_REFRESHES:
                raise InbriefError(
                    f"too many redirects (more than {MAX_META_REFRESHES} meta refreshes)"
                )
            followed += 1
            raw = read_source(target, limits, cancelled, origin=source)
    except InbriefError as exc:
        raise exc.with_source(source) from None


def _articles_or_problem(raw: RawSource) -> tuple[list[Article], InbriefError | None]:
    try:
        return articles_from_raw(raw), None
    except InbriefError as exc:
        return [], exc


def _refresh_target(raw: RawSource, articles: list[Article]) -> str | None:
    """Where a fetched page with no article (or a stub's few words) sends the reader by
    ``<meta http-equiv=refresh>``."""
    if raw.url is None or sum(article.word_count for article in articles) >= STUB_WORDS:
        return None
    from inbrief.extract.redirect import HEAD_CHARS, meta_refresh_target

    return meta_refresh_target(decode(raw.data[:HEAD_CHARS], raw.charset), raw.url)


def fill_language(articles: list[Article]) -> list[Article]:
    """Articles whose page declares no language get the one their text shows."""
    for article in articles:
        if not article.language:
            article.language = detect_language(article.title + "\n" + _opening(article))
    return articles


def _opening(article: Article, chars: int = 8000) -> str:
    """The first ``chars`` or so of the body: all language detection reads, without joining
    the whole of a long article."""
    parts: list[str] = []
    size = 0
    for block in article.body_blocks():
        parts.append(block.text)
        size += len(parts[-1])
        if size >= chars:
            break
    return "\n".join(parts)
