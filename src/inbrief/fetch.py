"""Fetch a page over HTTP(S) defensively: time limits, a size cap, few redirects, no surprises.

Redirects are followed by hand so that each hop is checked: only http and https, at most
:attr:`FetchLimits.max_redirects` of them. The body is streamed and cut off at the cap, which
also bounds what a compressed response may inflate to. One wall-clock budget covers the whole
fetch -- connecting, the status line and headers, every redirect and the body -- because every
socket operation goes through a :class:`~inbrief.fetch_budget.Budget` (a server sending its
headers a byte every few seconds never trips a per-read timeout, only a total one); the same
check lets a caller cancel a fetch (the reader, when it quits).
"""

from __future__ import annotations

import functools
import re
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from inbrief import __version__
from inbrief.address_scope import refuse_private_hop
from inbrief.errors import InbriefError
from inbrief.fetch_budget import Budget

#: Content types that may hold an article; anything else is refused with its type named.
TEXT_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
    "application/json",
    "application/ld+json",
    "application/xml",
    "text/xml",
)


@dataclass(frozen=True, slots=True)
class FetchLimits:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    #: Wall-clock budget for the whole fetch, all redirects and the body included.
    total_timeout: float = 60.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    data: bytes
    content_type: str
    charset: str | None
    #: 200, or 304 (empty ``data``) when the request carried validators that still hold.
    status: int = 200
    #: The response's ``ETag`` and ``Last-Modified`` (for the next conditional request).
    validators: Mapping[str, str] = field(default_factory=dict)


class HTTPStatusError(InbriefError):
    """An HTTP error status; ``retry_after`` is the server's ``Retry-After`` in seconds, if any."""

    def __init__(self, reason: str, status: int, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.retry_after = retry_after


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """The certificate-checking context, built once: loading the CA bundle takes about 0.2 s,
    which a new client per fetch would pay every time (measured: 204 ms per ``httpx.Client()``,
    2 ms with this context shared)."""
    import httpx

    return httpx.create_ssl_context()


def is_url(source: str) -> bool:
    return source[:8].lower().startswith(("http://", "https://"))


def _check_url(url: str) -> None:
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise InbriefError(f"invalid URL: {exc}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InbriefError(f"refusing to fetch a {parts.scheme or 'scheme-less'}: URL")
    if not parts.hostname:
        raise InbriefError("invalid URL: no host name")


def fetch(
    url: str,
    limits: FetchLimits | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    origin: str | None = None,
) -> Fetched:
    """GET ``url`` and return its body, or raise :class:`InbriefError` with a one-line reason.

    ``cancelled`` is polled while waiting on the network (every
    :data:`~inbrief.fetch_budget.CANCEL_POLL` seconds); once True the fetch ends "cancelled".
    ``headers`` are added to (or replace) the defaults: a feed's ``Accept``, or the validators
    of a conditional request (``If-None-Match``, ``If-Modified-Since``), which may then be
    answered ``304`` with no body (``Fetched.status``).

    A redirect from a public address to a private one is refused
    (:mod:`inbrief.address_scope`); ``origin`` is where the fetch counts as starting when
    that is not ``url`` itself (the page whose meta refresh, or the feed whose item, named it).
    """
    import httpx  # deferred: only URL sources pay for it

    limits = limits or FetchLimits()
    budget = Budget(limits.total_timeout, cancelled)
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    default_headers = {
        "User-Agent": f"inbrief/{__version__} (+terminal reader)",
        "Accept": "text/html,application/xhtml+xml,application/json;q=0.9,text/plain;q=0.8",
        # Only what _Inflater can decompress under the size cap.
        "Accept-Encoding": "gzip, deflate",
    }
    extra = dict(headers or {})
    conditional = any(k.lower() in ("if-none-match", "if-modified-since") for k in extra)
    try:
        with httpx.Client(
            timeout=timeout,
            headers={**default_headers, **extra},
            follow_redirects=False,
            verify=_tls_context(),
        ) as client:
            budget.attach(client)
            start = origin or url
            for hop in range(limits.max_redirects + 1):
                _check_url(url)
                if hop or origin is not None:
                    refuse_private_hop(start, url)
                with client.stream("GET", url) as response:
                    if response.status_code == 304 and conditional:
                        return Fetched(str(response.url), b"", "", None, 304, _validators(response))
                    if response.is_redirect:
                        url = _redirect_target(response, url)
                        continue
                    return _read(response, url, limits, budget)
            raise InbriefError(f"too many redirects (more than {limits.max_redirects})")
    except httpx.InvalidURL as exc:
        raise InbriefError(f"invalid URL: {exc}") from None
    except httpx.TimeoutException as exc:
        if budget.cancelled():
            raise InbriefError("cancelled") from None
        if budget.expired():
            raise InbriefError(
                f"timed out: no full answer within {limits.total_timeout:g} s"
            ) from None
        if isinstance(exc, httpx.ConnectTimeout):
            raise InbriefError("timed out connecting") from None
        raise InbriefError("timed out waiting for the server") from None
    except httpx.ConnectError as exc:
        raise InbriefError(f"cannot connect: {_short(exc)}") from None
    except httpx.DecodingError:
        raise InbriefError("the server sent a body that does not decompress") from None
    except httpx.HTTPError as exc:
        raise InbriefError(f"fetch failed: {_short(exc)}") from None


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "host name not found (DNS)"
    if "Receive buffer too long" in text:  # h11's cap on a response's head (64 KiB)
        return "the server's headers are too large"
    if "Connection refused" in text:
        return "connection refused (no server answers at that address and port)"
    return _ERRNO.sub("", text)[:200]


_ERRNO = re.compile(r"^\[Errno -?\d+\]\s*")

#: Statuses that send the client elsewhere; other 3xx (300, 304, ...) carry no page to read.
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def _redirect_target(response: Any, url: str) -> str:
    """Where a 3xx response points, or the real reason there is nowhere to go."""
    status = f"HTTP {response.status_code} {response.reason_phrase or ''}".rstrip()
    location = response.headers.get("location", "").strip()
    if response.status_code == 304:
        raise InbriefError(f"{status}: the server sent no page (nothing was cached to reuse)")
    if response.status_code not in _REDIRECTS:
        raise InbriefError(f"{status}: the server sent no page and no single place to go")
    if not location:
        raise InbriefError(f"{status}: a redirect without a Location")
    target: str = urljoin(url, location)
    if target == url:
        raise InbriefError(f"{status}: a redirect to itself")
    return target


def _validators(response: Any) -> dict[str, str]:
    """The response's ETag and Last-Modified, when printable (they go back in a header)."""
    return {
        key: value[:1000]
        for key in ("etag", "last-modified")
        if (value := response.headers.get(key, "")) and value.isprintable()
    }


def _read(response: Any, url: str, limits: FetchLimits, budget: Budget) -> Fetched:
    if response.status_code >= 400:
        phrase = response.reason_phrase or "error"
        raise HTTPStatusError(
            f"HTTP {response.status_code} {phrase}",
            response.status_code,
            retry_after_seconds(response.headers.get("retry-after", "")),
        )
    content_type = response.headers.get("content-type", "")
    mime = content_type.split(";")[0].strip().lower()
    if mime and mime not in TEXT_TYPES and not mime.endswith(("+xml", "+json")):
        raise InbriefError(f"not an article: the server sent {mime}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise InbriefError(f"too large: {int(declared):,} bytes (limit {limits.max_bytes:,})")
    inflater = _Inflater(response.headers.get("content-encoding", ""), limits.max_bytes)
    chunks: list[bytes] = []
    for raw in response.iter_raw():
        chunks.append(inflater.feed(raw))
        budget.check()  # a fast server can fill every read at once: the budget still holds
    chunks.append(inflater.finish())
    charset = response.charset_encoding
    return Fetched(
        url=str(response.url),
        data=b"".join(chunks),
        content_type=mime,
        charset=charset,
        validators=_validators(response),
    )


def retry_after_seconds(value: str, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds from now (it may be a number or an HTTP date), or None."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(min(int(value), 7 * 24 * 3600))
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, min(when - (time.time() if now is None else now), 7 * 24 * 3600.0))


class _Inflater:
    """Decompress a body incrementally, never producing more than ``cap`` bytes in all.

    httpx would inflate each network chunk whole (a 64 KB gzip chunk can hold 64 MB of
    zeros); here ``max_length`` bounds every step, so a gzip bomb costs at most the cap.
    """

    def __init__(self, encoding: str, cap: int) -> None:
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise InbriefError(f"unsupported content encoding: {encoding}")
        import zlib

        # 47 = 32 + 15: accept a gzip or zlib header; raw deflate is retried below.
        self._zlib = zlib
        self._inflate = zlib.decompressobj(47) if codings else None
        self._raw_retry = bool(codings) and codings[0] == "deflate"
        self._cap = cap
        self._size = 0

    def _count(self, data: bytes) -> bytes:
        self._size += len(data)
        if self._size > self._cap:
            raise InbriefError(f"too large: more than {self._cap:,} bytes")
        return data

    def feed(self, data: bytes) -> bytes:
        if self._inflate is None:
            return self._count(data)
        out: list[bytes] = []
        try:
            while data:
                out.append(self._count(self._inflate.decompress(data, self._cap + 1 - self._size)))
                data = self._inflate.unconsumed_tail
        except self._zlib.error:
            if self._raw_retry and self._size == 0:
                self._raw_retry = False
                self._inflate = self._zlib.decompressobj(-15)
                return self.feed(data)
            raise InbriefError("the server sent a body that does not decompress") from None
        return b"".join(out)

    def finish(self) -> bytes:
        if self._inflate is None:
            return b""
        return self._count(self._inflate.flush())
