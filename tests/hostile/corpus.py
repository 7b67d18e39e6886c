"""The hostile-input corpus: files generated on the fly, each with what it must produce.

Each case is a name, a function writing the input under a temporary directory and returning
the SOURCE argument, and the expectation: ``ok`` (a summary is printed) or the start of the
one-line error. Kept apart from the test module so the hypothesis tests can reuse helpers.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: What no output may contain: C0 (but tab/newline), DEL, C1, bidi and invisible formatting
#: (the default-ignorable code points but ZWNJ/ZWJ and variation selectors), lone surrogates.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ud800-\udfff"
    "\U000e0000-\U000e007f]"
)

ESCAPES = (
    "\x1b[2J\x1b[H"  # clear screen, cursor home
    "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\"  # OSC 8 hyperlink
    "\x1b]52;c;ZXZpbA==\x07"  # OSC 52 clipboard write
    "\x9b31m"  # C1 CSI
    "\x07\x08\x00"  # bell, backspace, NUL
    "\u202egnp.exe\u202c \u2066isolate\u2069 \u200bzero\u200dwidth"  # bidi + zero-width
)
MARKUP = "[bold red]not bold[/] [link=https://evil.example]not a link[/link] [@click=app.quit]x[/]"
BODY_SENTENCES = " ".join(
    f"Sentence {n} of the hostile article explains a point about the harbour and its boats."
    for n in range(12)
)


def article_html(title: str, body_extra: str = "", lang: str = "en", charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}">'
        f"<title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{BODY_SENTENCES}</p><p>{body_extra} {BODY_SENTENCES}</p>"
        f"<p>The harbour master said the boats would return in spring when the ice melts.</p>"
        "</article></body></html>"
    )


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], str]
    #: "ok", or the beginning of the error reason printed after "inbrief: SOURCE: ".
    expect: str


def _write(name: str, data: bytes | str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return str(path)

    return make


def _big_html(folder: Path) -> str:
    path = folder / "huge.html"
    chunk = b"<p>" + b"filler words " * 80 + b"</p>\n"
    with path.open("wb") as handle:
        handle.write(b"<html><body>")
        for _ in range(100 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
    return str(path)


def _posts(count: int) -> bytes:
    posts = [
        {
            "title": {"rendered": f"Post {n}"},
            "content": {
                "rendered": f"<p>Post {n} says the harbour opens at dawn. Boats leave at noon.</p>"
            },
            "link": f"https://blog.example/{n}",
            "date": "2024-01-02T03:04:05",
        }
        for n in range(count)
    ]
    return json.dumps(posts).encode()


_WP = {"title": {"rendered": "A post"}, "link": "https://blog.example/p"}

CASES: list[Case] = [
    Case("escape sequences in html", _write("esc.html", article_html(f"Title {ESCAPES}", ESCAPES)), "ok"),
    Case("escape entities in html", _write("ent.html", article_html("T &#27;[31m &#x9b;", "&#27;]52;c;eA==&#7; &#x202e;x")), "ok"),
    Case("escapes in plain text", _write("esc.txt", f"Title {ESCAPES}\n\n{BODY_SENTENCES} {ESCAPES}"), "ok"),
    Case("escapes in wordpress json", _write("esc.json", json.dumps({**_WP, "title": {"rendered": ESCAPES}, "content": {"rendered": f"<p>{ESCAPES} {BODY_SENTENCES}</p>"}, "link": "https://x.example/\x1b[31m"})), "ok"),
    Case("rich markup in text", _write("markup.html", article_html(MARKUP, MARKUP)), "ok"),
    Case("javascript link in body", _write("js.html", article_html("Links", '<a href="javascript:alert(1)">tap</a> <a href="data:text/html,x">d</a> <a href="file:///etc/passwd">f</a>')), "ok"),
    Case("empty file", _write("empty.html", b""), "empty input"),
    Case("whitespace only", _write("blank.txt", b" \n\t\r\n  "), "empty input"),
    Case("png", _write("image.html", b"\x89PNG\r\n\x1a\n" + bytes(64)), "not an article: this is a PNG image"),
    Case("gzip", _write("page.html", gzip.compress(b"<p>hi</p>")), "not an article: this is gzip"),
    Case("elf", _write("prog", b"\x7fELF\x02\x01\x01" + bytes(64)), "not an article: this is an executable"),
    Case("100 MB html", _big_html, "too large"),
    Case("nested 100,000 deep", _write("deep.html", "<html><body>" + "<div>" * 100_000 + f"<p>{BODY_SENTENCES}</p>" + "</div>" * 100_000), "ok"),
    Case("nested 100,000 deep, nothing inside", _write("deep0.html", "<html><body>" + "<div>" * 100_000 + "</div>" * 100_000), "no article text"),
    Case("invalid utf-8", _write("bad.txt", b"Caf\xe9 title\n\n" + BODY_SENTENCES.encode() + b" \xff\xfe\xc3("), "ok"),
    Case("utf-16 with bom", _write("u16.txt", codecs.BOM_UTF16_LE + f"Title\n\n{BODY_SENTENCES}".encode("utf-16-le")), "ok"),
    Case("utf-16 without bom", _write("u16nobom.html", article_html("Sixteen").encode("utf-16-le")), "ok"),
    Case("wrong declared charset", _write("wrong.html", article_html("Café – “quoted”", charset="iso-8859-1")), "ok"),
    Case("no text", _write("notext.html", "<html><body><div></div><script>var x = 1;</script></body></html>"), "no article text"),
    Case("only an image", _write("img.html", '<html><body><article><img src="a.png" alt="a photo"></article></body></html>'), "no article text"),
    Case("truncated json", _write("cut.json", json.dumps(_WP)[:-10]), "invalid JSON"),
    Case("10,000 posts", _write("posts.json", _posts(10_000)), "ok"),
    Case("post without content", _write("nocontent.json", json.dumps(_WP)), "the post has no content"),
    Case("post with null content", _write("null.json", json.dumps({**_WP, "content": None})), "the post has no content"),
    Case("post with script only", _write("script.json", json.dumps({**_WP, "content": {"rendered": "<script>alert(1)</script>"}})), "no article text"),
    Case("post with script and text", _write("script2.json", json.dumps({**_WP, "content": {"rendered": f"<script>alert('pwned')</script><p>{BODY_SENTENCES}</p>"}})), "ok"),
    Case("unknown language", _write("xx.html", article_html("Unknown tongue", lang="xx-YY")), "ok"),
    Case("50,000 paragraphs", _write("long.html", "<html><body><article>" + "".join(f"<p>Paragraph {n} notes that tide {n % 97} rose by {n % 13} centimetres overnight.</p>" for n in range(50_000)) + "</article></body></html>"), "ok"),
    Case("one 1 MB line", _write("line.txt", "Title\n" + ("The tide rose again and the boats stayed in port. " * 21_000)), "ok"),
]  # fmt: skip
