"""Pages reach the parser as bytes; the charset comes from the BOM, the header or the page."""

from __future__ import annotations

import codecs

import pytest

from inbrief.extract.page import article_from_html

_TEXT = (
    "Ingénieurs’ café: the council met on Tuesday, and after a long debate — “finally” — it "
    "voted to rebuild the old harbour wall before the winter storms, said the mayor, Zoë Ørsted."
)


def _page(meta: str = "") -> str:
    body = "".join(f"<p>{_TEXT} Part {n}.</p>" for n in range(4))
    head = f"<head>{meta}<title>Harbour</title></head>"
    return f"<html>{head}<body><article>{body}</article></body></html>"


@pytest.mark.parametrize(
    ("data", "header"),
    [
        (_page('<meta charset="windows-1252">').encode("cp1252"), None),
        (_page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">')
         .replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-")
         .encode("iso-8859-15"), None),
        (_page().encode("cp1252"), "windows-1252"),
        (_page().encode("utf-8"), None),
        (_page('<meta charset="iso-8859-1">').encode("utf-8"), None),  # mislabelled UTF-8
        (codecs.BOM_UTF16_LE + _page().encode("utf-16-le"), None),
        (codecs.BOM_UTF8 + _page().encode("utf-8"), None),
    ],
)  # fmt: skip
def test_no_mojibake_whatever_the_charset_route(data: bytes, header: str | None) -> None:
    text = article_from_html(data, charset=header).text
    assert "Ingénieurs" in text and "Zoë" in text
    assert "Ã" not in text and "â€" not in text and "\ufffd" not in text
