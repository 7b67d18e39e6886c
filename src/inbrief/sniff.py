"""Tell what a blob of bytes is and turn it into text, by content rather than by file name.

The rules follow what browsers do where it matters (a BOM wins, then the declared charset,
then sniffing) with one pragmatic exception: bytes that are valid UTF-8 and not plain ASCII
are read as UTF-8 even when a page declares a single-byte charset, the commonest mislabel.
"""

from __future__ import annotations

import codecs
import re
from enum import StrEnum
from typing import Any

from inbrief.errors import InbriefError


class Kind(StrEnum):
    HTML = "html"
    JSON = "json"
    MARKDOWN = "markdown"
    TEXT = "text"


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF media file"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00asm", "WebAssembly"),
)

#: Control bytes that ordinary (or merely hostile) text contains: tab, LF, FF, CR, ESC.
_TEXT_CONTROLS = frozenset(b"\t\n\x0c\r\x1b")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
_HTML_START = re.compile(
    r"<(!doctype\s+html|html|head|body|article|main|div|p|section|h[1-6]|meta|title)[\s>/]",
    re.IGNORECASE,
)
#: What only a whole HTML document has.
_HTML_DOCUMENT = re.compile(r"<(!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*[\s/>]")
_MARKDOWN_HINT = re.compile(
    r"^(#{1,6} \S|[-*+] \S|\d+\. \S|> \S|```|\|?\s*:?-{3,}:?\s*\|)|\[[^\]\n]+\]\(\S+\)",
    re.MULTILINE,
)
#: A document that opens with a Markdown heading (``# Title``, or a line underlined with
#: ``===``) is Markdown however short: plain text never starts that way.
_MARKDOWN_OPENING = re.compile(r"\A(#{1,6} \S[^\n]*|[^\n]+\n=+[ \t]*)(\n|\Z)")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def binary_kind(data: bytes) -> str | None:
    """A description of ``data`` if it is a known binary format or plainly not text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:8192]
    if _utf16_without_bom(head) or any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    # Text may carry a stray NUL or escape code (hostile pages do); binary is full of them,
    # and has runs of NULs (padding, numbers), which no ASCII-compatible text has.
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    nuls = head.count(0)
    if nuls > len(head) // 100 + 1 or b"\0\0" in head or controls > len(head) // 10 + 1:
        return "binary data"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or '-be' when every other byte is NUL, as in UTF-16 text of Latin script."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


#: Text codecs Python has that are no charset a document is stored in: they transform text
#: (idna, punycode, escapes) or cannot decode at all (undefined), or smuggle markup (utf-7).
_NOT_CHARSETS = frozenset(
    {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "utf-7"}
)


def _known_codec(name: str | None) -> str | None:
    """The codec for a declared charset; None for a name Python does not know (ignored, as
    browsers ignore unknown labels); :class:`InbriefError` for one that is no charset."""
    if not name:
        return None
    label = name.strip().strip("\"'")
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    # rot13, base64, zlib, uu, hex, ... are bytes-to-bytes or str-to-str transforms.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        raise InbriefError(f"unsupported charset {label[:40]!r}")
    return info.name


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: BOM, declared charset, ``<meta charset>``, UTF-8, then a sniffed guess."""
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return data.decode(bom_codec, errors="replace")
    if utf16 := _utf16_without_bom(data[:8192]):
        return data.decode(utf16, errors="replace")
    text: str | None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and (not text.isascii() or not declared):
        return text
    codec: str | None = _known_codec(declared)
    if codec is None and (match := _META_CHARSET.search(data[:4096])):
        codec = _known_codec(match.group(1).decode("ascii", "replace"))
    if codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        codec = None  # a page that reached us as ASCII-compatible bytes is not UTF-16
    if codec is not None:
        return data.decode(codec, errors="replace")
    if text is not None:
        return text
    return _sniffed(data)


def _sniffed(data: bytes) -> str:
    from charset_normalizer import from_bytes  # only paid for pages that are not UTF-8

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        # Not UTF-8 and no known charset reads it as text: decoding it anyway would give a
        # page of replacement characters ("<html>" then NULs and 0xFF 0xFE pairs).
        raise InbriefError("not an article: this is binary data")
    return data.decode(best.encoding, errors="replace")


def is_json_feed(value: Any) -> bool:
    """Whether a parsed JSON document declares itself a JSON Feed."""
    version = value.get("version") if isinstance(value, dict) else None
    return isinstance(version, str) and version.startswith("https://jsonfeed.org/version/")


def guess_kind(text: str, name: str = "") -> Kind:
    """What kind of document ``text`` is, from its content first and its name second."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head[:1] in "{[" and head:
        return Kind.JSON
    if _HTML_DOCUMENT.search(head[:2048]):
        return Kind.HTML
    if name.lower().endswith((".html", ".htm", ".xhtml")) and "<" in head:
        return Kind.HTML
    if name.lower().endswith(_MARKDOWN_SUFFIXES):
        return Kind.MARKDOWN  # HTML blocks are Markdown too (a README's logo and <h1>)
    if _HTML_START.search(head[:2048]):
        # A fragment of HTML, unless it has Markdown's own marks (headings, lists, fences,
        # links) at least a quarter as often as tags: a README whose logo is in HTML.
        marks = len(_MARKDOWN_HINT.findall(text[:20_000]))
        tags = len(_HTML_TAG.findall(text[:20_000]))
        return Kind.MARKDOWN if marks >= 2 and 4 * marks >= tags else Kind.HTML
    if _MARKDOWN_OPENING.match(head) or len(_MARKDOWN_HINT.findall(text[:20_000])) >= 2:
        return Kind.MARKDOWN
    return Kind.TEXT


def ensure_text(data: bytes, source: str) -> None:
    """Raise a one-line error for empty or binary input."""
    if not data.strip():
        raise InbriefError("empty input: nothing to read", source)
    if what := binary_kind(data):
        raise InbriefError(f"not an article: this is {what}", source)
