"""The one-shot command line: output shapes, several sources, errors without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inbrief.cli import main
from inbrief.render import cell_width, wrap_prose
from tests.conftest import FIXTURES, SEED_JSON, SEED_TEXT, LocalServer, Route


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inbrief", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_text_summary_of_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--summary", str(SEED_JSON)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "No path to peace: Five key takeaways from Xi and Putin’s talks in Moscow"
    assert out[1] == "ameforum.net · Simone McCarthy · 2023-03-23 · 6 min read"
    assert out[3].startswith("Gist: Chinese leader Xi Jinping")
    bullets = [line for line in out if line.startswith("• ")]
    # The learned default length gives six sentences here: the gist's one, then five bullets
    # that do not repeat it.
    assert len(bullets) == 5
    assert not any(out[3].removeprefix("Gist: ") in bullet for bullet in bullets)
    assert "\x1b" not in "\n".join(out)


def test_json_summary_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-s", "-f", "json", "-n", "4", "-a", "lexrank", str(SEED_JSON)]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in (
        "title",
        "byline",
        "site",
        "published",
        "language",
        "url",
        "algorithm",
        "sentences",
    ):
        assert key in data
    assert data["algorithm"] == "lexrank"
    assert len(data["sentences"]) == 4
    assert set(data["sentences"][0]) == {"text", "section", "block", "index"}


def test_markdown_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-s", "-f", "markdown", str(FIXTURES / "article.html")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# [Tidal power comes of age")
    assert "## Key takeaways" in out and "\n- " in out


def test_extract_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--extract", "--format", "json", str(SEED_JSON)]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("title", "byline", "site", "published", "language", "url", "text", "sections"):
        assert key in data
    assert set(data["sections"][1]) == {"heading", "level", "blocks"}
    assert data["sections"][1]["heading"] == "No meaningful path forward on Ukraine"


def test_extract_markdown_keeps_headings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-x", "-f", "markdown", str(SEED_JSON)]) == 0
    assert "\n## Divided world\n" in capsys.readouterr().out


def test_jsonl_several_sources_with_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status = main(["-s", "-f", "jsonl", str(SEED_JSON), str(empty), str(SEED_TEXT)])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [line["source"] for line in lines] == [str(SEED_JSON), str(empty), str(SEED_TEXT)]
    assert lines[1] == {"source": str(empty), "error": "empty input: nothing to read"}
    assert "sentences" in lines[0] and "sentences" in lines[2]
    assert status == 1
    assert captured.err == f"inbrief: {empty}: empty input: nothing to read\n"


def test_json_of_several_sources_is_an_array_whatever_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The shape follows the sources asked for: a script that passes two gets an array even
    when one or both fail (before: one object, or nothing at all)."""
    missing = str(tmp_path / "missing.txt")
    assert main(["-s", "-f", "json", str(SEED_JSON), missing]) == 1
    docs = json.loads(capsys.readouterr().out)
    assert isinstance(docs, list) and [d["title"][:16] for d in docs] == ["No path to peace"]
    assert main(["-s", "-f", "json", missing, missing]) == 1
    assert json.loads(capsys.readouterr().out) == []
    assert main(["-s", "-f", "json", missing]) == 1
    assert capsys.readouterr().out == ""
    assert main(["-s", "-f", "json", str(SEED_JSON)]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), dict)


def test_several_sources_text_blocks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-s", str(SEED_JSON), str(FIXTURES / "article.html")]) == 0
    out = capsys.readouterr().out
    assert "No path to peace" in out and "Tidal power" in out


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("empty", lambda p: _write(p / "e.html", b""), "empty input"),
        ("blank", lambda p: _write(p / "b.txt", b"  \n\t\n"), "empty input"),
        (
            "png",
            lambda p: _write(p / "i.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)),
            "not an article: this is a PNG image",
        ),
        ("elf", lambda p: _write(p / "a.out", b"\x7fELF" + bytes(100)), "executable"),
        ("nul", lambda p: _write(p / "n.bin", b"abc\x00\x01\x02" * 10), "binary data"),
        ("missing", lambda p: str(p / "missing.html"), "no such file"),
        ("directory", lambda p: str(p), "is a directory"),
        ("bad json", lambda p: _write(p / "bad.json", b'{"title": '), "invalid JSON"),
        ("not wp", lambda p: _write(p / "x.json", b'{"name": "x"}'), "not a WordPress post"),
        (
            "no article",
            lambda p: _write(
                p / "n.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"
            ),
            "no article text",
        ),
        ("ftp", lambda p: "ftp://example.com/a", "unsupported URL scheme"),
    ],
)
def test_bad_input_one_line_error(tmp_path: Path, name: str, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    source = make(tmp_path)
    result = run("--summary", source)
    assert result.returncode == 1, name
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"inbrief: {source}: ")
    assert reason in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_url_is_one_line(server: LocalServer) -> None:
    url = server.url("/gone")
    result = run("-s", url)
    assert result.returncode == 1
    assert result.stderr == f"inbrief: {url}: HTTP 404 Not Found\n"


def test_a_feed_given_as_an_article_says_how_to_subscribe(
    server: LocalServer, tmp_path: Path
) -> None:
    """A feed is not an article: one line that names it and the command that takes it (before:
    the RSS read as one HTML paragraph, printed as a 'summary' of run-together titles)."""
    rss = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>News</title>"
        "<item><title>One</title><link>https://e.example/1</link></item></channel></rss>"
    )
    url = server.add("/feed", Route(body=rss.encode(), headers={"Content-Type": "text/xml"}))
    atom = tmp_path / "feed.atom"
    atom.write_text("<feed xmlns='http://www.w3.org/2005/Atom'><title>News</title></feed>")
    result = run("-s", url, str(atom))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"inbrief: {url}: an RSS feed, not an article: inbrief --subscribe URL subscribes to it",
        f"inbrief: {atom}: an Atom feed, not an article: inbrief --subscribe URL subscribes to it",
    ]
    piped = run("-x", "-", stdin=b'{"version": "https://jsonfeed.org/version/1.1", "items": []}')
    assert piped.stderr == (
        "inbrief: -: a JSON Feed, not an article: inbrief --subscribe URL subscribes to it\n"
    )


def test_good_sources_still_print_beside_bad_ones(tmp_path: Path) -> None:
    result = run("-s", str(tmp_path / "missing.txt"), str(SEED_JSON))
    assert result.returncode == 1
    assert "No path to peace" in result.stdout
    assert "missing.txt: no such file" in result.stderr


def test_standard_input_and_pipe_output_has_no_escapes() -> None:
    result = run("-s", "-", stdin=SEED_JSON.read_bytes(), env={"TERM": "xterm"})
    assert result.returncode == 0
    assert result.stdout.startswith("No path to peace")
    assert "\x1b" not in result.stdout


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("inbrief ")
    help_text = run("--help").stdout
    for option in (
        "--summary",
        "--extract",
        "--algorithm",
        "--sentences",
        "--ratio",
        "--format",
        "--language",
    ):
        assert option in help_text


def test_usage_errors() -> None:
    assert run("--summary").returncode == 2
    assert run("-s", "-n", "0", str(SEED_JSON)).returncode == 2
    assert run("-s", "--ratio", "1.5", str(SEED_JSON)).returncode == 2
    result = run("-s", "--language", "xx", str(SEED_JSON))
    assert result.returncode == 1 and "unsupported language 'xx'" in result.stderr


def test_batch_in_a_process_pool_keeps_order_and_output(tmp_path: Path) -> None:
    sources = [str(SEED_JSON), str(FIXTURES / "article.html"), str(tmp_path / "missing.html")]
    sources += [str(SEED_TEXT), str(FIXTURES / "article.md"), str(SEED_JSON)]
    pooled = run("-s", "-f", "jsonl", "-j", "2", *sources)
    sequential = run("-s", "-f", "jsonl", "-j", "1", *sources)
    assert pooled.stdout == sequential.stdout
    assert pooled.stderr == sequential.stderr
    assert [json.loads(line)["source"] for line in pooled.stdout.splitlines()] == sources
    assert pooled.returncode == sequential.returncode == 1


def _run_in_terminal(env: dict[str, str]) -> bytes:
    """Run a one-shot summary with stdout on a pseudo-terminal and return what it wrote."""
    import pty

    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "inbrief", "-s", str(SEED_JSON)],
        stdout=terminal,
        stderr=subprocess.PIPE,
        env={
            **{key: value for key, value in os.environ.items() if key != "NO_COLOR"},
            "TERM": "xterm-256color",
            **env,
        },
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(controller)
    return b"".join(chunks)


def test_terminal_output_is_styled_unless_no_color() -> None:
    styled = _run_in_terminal({})
    assert b"\x1b[1mNo path to peace" in styled
    plain = _run_in_terminal({"NO_COLOR": "1"})
    assert b"\x1b" not in plain and b"No path to peace" in plain


def test_summary_on_a_terminal_is_wrapped_to_it() -> None:
    """On a terminal the summary wraps at its width (COLUMNS here), bullets' lines hanging
    under their text; piped, every takeaway stays one line for scripts."""
    shown = _run_in_terminal({"NO_COLOR": "1", "COLUMNS": "60"}).decode().replace("\r\n", "\n")
    lines = shown.rstrip("\n").split("\n")
    assert max(cell_width(line) for line in lines) <= 60
    assert any(line.startswith("• ") for line in lines)
    after_bullet = False
    for line in lines:
        if after_bullet and line and not line.startswith("• "):
            assert line.startswith("  ") and not line.startswith("   ")
        after_bullet = line.startswith("• ") or (after_bullet and bool(line))
    piped = run("-s", str(SEED_JSON)).stdout
    bullets = [line for line in piped.splitlines() if line.startswith("• ")]
    assert len(bullets) == sum(line.startswith("• ") for line in lines)
    assert " ".join(line.strip() for line in lines if line) == " ".join(
        line.strip() for line in piped.splitlines() if line
    )


@given(st.lists(st.text(alphabet="ab漢 ", min_size=1, max_size=12).map(str.strip), max_size=30))
def test_wrap_prose_keeps_every_word_in_order_within_the_width(words: list[str]) -> None:
    line = " ".join(w for w in words if w and "  " not in w)
    for text in (line, "• " + line):
        rows = wrap_prose(text, 20).split("\n")
        assert " ".join(row.strip() for row in rows).strip() == text.strip()
        assert all(cell_width(row) <= 20 or " " not in row.strip() for row in rows)
