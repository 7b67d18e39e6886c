"""Nothing foreign reaches the terminal raw: server strings, names, config keys, article URLs.

Every string inbrief shows but did not write passes :func:`inbrief.safe_text.for_terminal`;
article text and addresses are cleaned at ingest. Issue 16, items 1 to 4.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from inbrief.ingest import load_articles
from tests.conftest import LocalServer, Route
from tests.hostile.corpus import BODY_SENTENCES, FORBIDDEN, article_html

EVIL_STATUS = b"HTTP/1.1 404 \x1b]52;c;ZXZpbA==\x07\x1b[2J Gone\r\nContent-Length: 0\r\n\r\n"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "inbrief", *args],
        capture_output=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def _raw_reply(data: bytes):  # type: ignore[no-untyped-def]
    def handler(request: BaseHTTPRequestHandler) -> None:
        request.wfile.write(data)
        request.close_connection = True

    return handler


def test_reason_phrase_is_escaped_on_stderr(server: LocalServer) -> None:
    url = server.add("/evil", Route(handler=_raw_reply(EVIL_STATUS)))
    result = _run("-s", url)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 1
    assert "\x1b" not in err and "\x07" not in err and not FORBIDDEN.search(err)
    assert err == f"inbrief: {url}: HTTP 404 \\x1b]52;c;ZXZpbA==\\x07\\x1b[2J Gone\n"


@pytest.mark.asyncio
async def test_reason_phrase_is_escaped_in_the_reader(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.tui_support import isolate, make_app, seeded_library

    url = server.add("/evil", Route(handler=_raw_reply(EVIL_STATUS)))
    isolate(monkeypatch, tmp_path)
    app = make_app(seeded_library(tmp_path, seed=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", *url, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = [f"{n.title} {n.message}" for n in app._notifications]
        assert any("HTTP 404" in text for text in shown), shown
        assert not any(FORBIDDEN.search(text) for text in shown), shown


def test_names_and_option_values_are_escaped(tmp_path: Path) -> None:
    name = tmp_path / "a\x1b]52;c;ZXZpbA==\x07\x1b[2J.txt"
    name.write_text(f"Title\n\n{BODY_SENTENCES}", encoding="utf-8")
    missing = str(tmp_path / "gone\x1b[31m\u202e.html")
    result = _run("-s", "-l", "\x1b[2Jxx", str(name), missing)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 1
    assert not FORBIDDEN.search(err), repr(err)
    assert "\\x1b]52;c;ZXZpbA==\\x07" in err and "gone\\x1b[31m\\u202e.html: no such file" in err
    assert "'\\x1b[2Jxx'" in err  # the -l value, as typed but harmless


def test_config_key_with_escapes_is_refused_and_never_drawn(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from textual.binding import Binding

    from inbrief.tui.config import load_config
    from tests.tui_support import isolate, make_app, seeded_library

    isolate(monkeypatch, tmp_path)
    path = tmp_path / "config" / "config.toml"
    path.parent.mkdir()
    path.write_text('[keys]\n"library.add" = "\\u001b[2J"\n"library.sort" = "o"\n')
    config = load_config()
    assert config.keymap == {"library.sort": "o"}
    assert any("keys.library.add" in warning for warning in config.warnings)
    app = make_app(seeded_library(tmp_path, seed=False))
    assert app.get_key_display(Binding("\x1b[2J", "x")) == "\\x1b[2J"


WP_POST = {"title": {"rendered": "T"}, "content": {"rendered": f"<p>{BODY_SENTENCES}</p>"}}


_CANONICAL = (
    '<link rel="canonical" href="https://x.example/a&#10;<img/src=x/onerror=alert(1)>&#10;# h1">'
)
_OG = '<meta property="og:url" content="javascript:alert(1)">'
_NEWLINE_LINK = "https://b.example/p\n<img/src=x/onerror=alert(1)>"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("js.json", json.dumps({**WP_POST, "link": "javascript:alert(1)"})),
        ("nl.json", json.dumps({**WP_POST, "link": _NEWLINE_LINK})),
        ("canonical.html", article_html("T").replace("<title>", _CANONICAL + "<title>")),
        ("og.html", article_html("T").replace("<title>", _OG + "<title>")),
    ],
    ids=["wordpress javascript", "wordpress newline", "canonical newline", "og javascript"],
)
def test_article_url_follows_the_link_rule(name: str, content: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [article] = load_articles(str(path))
    assert article.url is None or (
        article.url.startswith("https://") and article.url.isascii() and article.url.isprintable()
    )
    markdown = _run("-s", "-f", "markdown", str(path)).stdout.decode("utf-8")
    heading, *rest = markdown.splitlines()
    assert heading.startswith("# ") and not any("onerror" in line for line in rest)
    assert "<img" not in markdown and "javascript:" not in markdown
    data = json.loads(_run("-s", "-f", "json", str(path)).stdout)
    assert data["url"] is None or data["url"] == article.url


INVISIBLE = "\u00ad\u034f\u115f\u1160\u17b4\u180e\u200b\u2060\u2063\u3164\ufeff\uffa0" + "".join(
    chr(c) for c in range(0xE0001, 0xE0080)
)


def test_invisible_characters_are_stripped_but_joiners_and_selectors_stay(tmp_path: Path) -> None:
    kept = "می\u200cخواهم \U0001f469\u200d\U0001f467 \u2764\ufe0f"  # Persian ZWNJ, emoji ZWJ, VS16
    scotland = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    path = tmp_path / "invisible.txt"
    path.write_text(f"Title {INVISIBLE}x\n\n{BODY_SENTENCES} hid{INVISIBLE}den {kept} {scotland}")
    result = _run("-x", str(path))
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0
    assert scotland in out and kept in out
    rest = out.replace(scotland, "")
    assert not any(char in rest for char in INVISIBLE), [c for c in INVISIBLE if c in rest]
    assert "Title x" in out and "hidden" in out
    smuggled = "A\ufe0f" + "\ufe00\ufe01\ufe02" * 20  # selectors past the first carry no text
    path.write_text(f"Title\n\n{BODY_SENTENCES} {smuggled}")
    assert _run("-x", str(path)).stdout.decode("utf-8").endswith(" A\ufe0f\n")


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse non-UTF-8 names")
def test_jsonl_with_a_non_utf8_file_name_stays_utf8(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    good, missing = folder + b"/caf\xe9.txt", folder + b"/gone\xff.txt"
    with open(good, "wb") as handle:
        handle.write(f"Title\n\n{BODY_SENTENCES}".encode())
    result = subprocess.run(
        [sys.executable, "-m", "inbrief", "-s", "-f", "jsonl", good, missing],
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
    )
    out = result.stdout.decode("utf-8")  # strict: raises on invalid UTF-8
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err and result.returncode == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["source"].endswith("caf\\xe9.txt") and first["title"] == "Title"
    assert second == {
        "source": os.fsdecode(missing).replace("\udcff", "\\xff"),
        "error": "no such file",
    }
    assert err.endswith("gone\\xff.txt: no such file\n")
