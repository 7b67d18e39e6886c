"""The library loses nothing: SIGKILL mid-ingest, two processes at once, versioned migrations.

These use real processes (not threads) because what is tested is what SQLite's WAL journal and
locks guarantee between processes: a killed writer leaves only whole transactions behind.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inbrief.errors import InbriefError
from inbrief.library import open_library, schema
from inbrief.model import Article
from tests.conftest import ROOT

#: A child that ingests articles into a library, one transaction each, printing each id as
#: soon as its transaction has committed. The articles are large so a kill lands mid-write.
WRITER = """
import sys
from inbrief.library import open_library
from inbrief.model import Article, Block, BlockKind, Section

path, start, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
library = open_library(path)
for n in range(start, start + count):
    paragraphs = [
        Block(BlockKind.PARAGRAPH, [f"Article {n} paragraph {p} " + "word " * 300])
        for p in range(40)
    ]
    article = Article(f"Article {n}", [Section("", 0, paragraphs)], url=f"https://x.example/{n}")
    [added] = library.add([article])
    print(added.id, n, flush=True)
library.close()
"""


def _writer(path: Path, start: int, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(start), str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def _check_whole(path: Path) -> dict[int, Article]:
    """Open read-only, verify integrity, and return every stored article by id."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT id, title, word_count, document FROM articles").fetchall()
        fts = conn.execute("SELECT rowid FROM articles_fts").fetchall()
    finally:
        conn.close()
    articles = {}
    for article_id, title, word_count, document in rows:
        article = Article.from_json(json.loads(document))
        assert article.title == title
        assert article.word_count == word_count
        assert len(article.sections[0].blocks) == 40  # never half an article
        articles[article_id] = article
    assert sorted(rowid for (rowid,) in fts) == sorted(articles)
    return articles


def test_sigkill_mid_batch_keeps_every_committed_article(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    writer = _writer(path, 0, 10_000)
    committed: dict[int, int] = {}
    assert writer.stdout is not None
    while len(committed) < 25:
        line = writer.stdout.readline()
        assert line, writer.stderr.read() if writer.stderr else "writer ended early"
        article_id, n = map(int, line.split())
        committed[article_id] = n
    time.sleep(0.05)  # let it get well into the next transaction
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    for line in writer.stdout.read().split("\n"):  # commits printed before the kill landed
        if line.strip():
            article_id, n = map(int, line.split())
            committed[article_id] = n
    stored = _check_whole(path)
    for article_id, n in committed.items():
        assert stored[article_id].title == f"Article {n}"
    # The killed writer may have committed one more after its last print; never fewer.
    assert len(committed) <= len(stored) <= len(committed) + 1
    library = open_library(path)  # and the library opens normally afterwards
    assert library.count() == len(stored)
    library.close()


def test_two_processes_ingest_at_once(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    open_library(path).close()
    writers = [_writer(path, 0, 40), _writer(path, 1000, 40)]
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    stored = _check_whole(path)
    assert len(stored) == 80


def test_corrupt_and_future_libraries_are_never_overwritten(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.sqlite3"
    open_library(corrupt).close()
    damaged = bytearray(corrupt.read_bytes())
    damaged[100:400] = b"\xff" * 300  # clobber the schema page
    corrupt.write_bytes(bytes(damaged))
    with pytest.raises(InbriefError, match="not an inbrief library or damaged"):
        open_library(corrupt)
    assert corrupt.read_bytes() == bytes(damaged)
    result = subprocess.run(
        [sys.executable, "-m", "inbrief", "--library", str(corrupt)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr
    assert corrupt.read_bytes() == bytes(damaged)


def test_migrations_upgrade_in_order_and_keep_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.sqlite3"
    library = open_library(path)
    [added] = library.add([Article.from_json({"title": "Kept", "sections": [
        {"heading": "", "level": 0, "blocks": [{"kind": "paragraph", "text": "Stays here."}]}
    ]})])  # fmt: skip
    library.close()
    version = schema.SCHEMA_VERSION
    upgrade = "ALTER TABLE articles ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, upgrade))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", version + 1)
    library = open_library(path)
    assert library.article(added.id)[0].title == "Kept"
    library.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version + 1
    assert conn.execute("SELECT starred FROM articles").fetchall() == [(0,)]
    conn.close()
    open_library(path).close()  # idempotent: reopening at the current version changes nothing
