"""A busy, read-only, full, failing or damaged library gives one line, never a crash.

Every fault is produced for real (another connection holding the write lock, a page limit,
``ulimit -f`` in a child, overwritten pages, hand-edited rows); what is checked is the one
error type (:class:`LibraryError`, classified, one line), that the data is unchanged, and
that the reader keeps going.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from inbrief.errors import InbriefError
from inbrief.library import Fault, Library, LibraryError, Query, open_library, opening
from inbrief.model import Article
from tests.conftest import ROOT


def _articles(count: int, start: int = 0, words: int = 50) -> list[Article]:
    return [
        Article.from_json({"title": f"Harbour {n}", "sections": [{"heading": "", "level": 0,
            "blocks": [{"kind": "paragraph", "text": f"Tide {n} " + "boats sail " * words}]}]})
        for n in range(start, start + count)
    ]  # fmt: skip


def _library(path: Path, count: int = 30) -> Library:
    library = open_library(path)
    library.add(_articles(count))
    return library


def _one_line(error: BaseException) -> str:
    text = str(error)
    assert "\n" not in text and len(text) < 300 and "Traceback" not in text
    return text


# -- 9: two readers, long adds ------------------------------------------------------------


def test_busy_library_is_one_line_and_reads_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.sqlite3"
    _library(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another reader in the middle of a write
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 200)
    library = open_library(path)  # opening needs no write lock (it waited, then failed)
    with pytest.raises(LibraryError) as caught:
        library.mark_read(1)
    assert caught.value.fault is Fault.BUSY and "busy" in _one_line(caught.value)
    assert library.count() == 30 and library.page(Query())[0].title == "Harbour 29"
    other.execute("ROLLBACK")
    library.mark_read(1)  # and the next try works
    library.close()


def test_long_add_commits_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lock is held per batch, so the other reader (or the UI thread) waits one batch."""
    library = open_library(tmp_path / "library.sqlite3")
    batches: list[int] = []
    store = Library._store
    monkeypatch.setattr(
        Library,
        "_store",
        lambda self, rows, now: batches.append(len(rows)) or store(self, rows, now),
    )
    added = library.add(_articles(1_200, words=5))
    assert len(added) == 1_200 and library.count() == 1_200
    assert len(batches) >= 3 and max(batches) <= 500
    library.close()


# -- 10: write failures -------------------------------------------------------------------


def test_full_disk_keeps_the_library_and_the_reader(tmp_path: Path) -> None:
    library = _library(tmp_path / "library.sqlite3")
    pages = library._conn.execute("PRAGMA page_count").fetchone()[0]
    library._conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk is nearly full
    with pytest.raises(LibraryError) as caught:
        library.add(_articles(1, start=99, words=100_000))
    assert caught.value.fault is Fault.FULL and "disk is full" in _one_line(caught.value)
    assert library.count() == 30
    library.mark_read(3)  # small writes still fit
    library.close()


IO_CHILD = """
import resource, signal, sys
from inbrief.library import LibraryError, open_library
from tests.hostile.test_library_faults import _articles
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
library = open_library(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))
try:
    library.add(_articles(1, start=99, words=100_000))
except LibraryError as exc:
    print(exc.fault, exc, sep="|")
print(library.count())
"""


def test_file_size_limit_is_an_io_fault_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _library(path).close()
    before = sqlite3.connect(path).execute("SELECT count(*) FROM articles").fetchone()[0]
    result = subprocess.run(
        [sys.executable, "-c", IO_CHILD, str(path)], capture_output=True, text=True, cwd=ROOT,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    fault, message = result.stdout.splitlines()[0].split("|")
    assert fault in ("io", "full") and "not saved" in message
    assert result.stdout.splitlines()[1] == "30"
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT count(*) FROM articles").fetchone()[0] == before


def test_read_only_library_reads_and_says_so(tmp_path: Path) -> None:
    library = _library(tmp_path / "library.sqlite3")
    library._conn.execute("PRAGMA query_only = 1")  # what SQLite answers for a read-only file
    with pytest.raises(LibraryError) as caught:
        library.save_position(1, library.article(1)[1], 0.5)
    assert caught.value.fault is Fault.READ_ONLY and "read-only" in _one_line(caught.value)
    assert library.article(2)[0].title == "Harbour 1"
    library.close()


READ_ONLY_CHILD = """
import os, sys
from inbrief.library import LibraryError, open_library  # before dropping privileges
if os.geteuid() == 0:
    os.setgid(65534); os.setuid(65534)
library = open_library(sys.argv[1])
print(library.warning)
print(library.count())
try:
    library.mark_read(1)
except LibraryError as exc:
    print(exc.fault, exc, sep="|")
"""


def test_read_only_folder_opens_for_reading() -> None:
    """A read-only folder (as on a read-only file system) was reported as "damaged".

    Run as an unprivileged user when the tests run as root, for whom nothing is read-only;
    the folder is made under /tmp itself so that user can reach it.
    """
    folder = Path(tempfile.mkdtemp(prefix="inbrief-ro-"))
    try:
        _library(folder / "library.sqlite3").close()
        (folder / "library.sqlite3").chmod(0o444)
        folder.chmod(0o555)
        result = subprocess.run(
            [sys.executable, "-c", READ_ONLY_CHILD, str(folder / "library.sqlite3")],
            capture_output=True, text=True, cwd=ROOT, timeout=60,
        )  # fmt: skip
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    warning, count, failure = result.stdout.splitlines()
    assert "folder is read-only" in warning or "read-only file system" in warning
    assert "damaged" not in result.stdout
    assert count == "30" and failure.startswith("read-only|")


# -- 11: damage past the schema page ------------------------------------------------------


def _overwrite_pages(path: Path, table: str, every: int = 1) -> None:
    conn = sqlite3.connect(path)
    pages = [r[0] for r in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = ?", (table,))]  # fmt: skip
    conn.close()
    data = bytearray(path.read_bytes())
    for page in (pages[1:] or pages)[::every]:  # keep the root so the table still opens
        start = (page - 1) * 4096 + 8
        data[start : start + 3000] = b"\xee" * 3000
    path.write_bytes(bytes(data))


def test_damaged_article_pages_show_what_can_be_shown(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _library(path, count=200).close()
    _overwrite_pages(path, "articles", every=3)
    library = open_library(path)  # changed outside inbrief: quick_check finds the damage
    assert library.warning and "damaged" in library.warning and "\n" not in library.warning
    assert isinstance(library.read_only, LibraryError)
    entries = library.page(Query(), limit=300)
    failures = 0
    for article_id in range(1, 201):
        try:
            library.article(article_id)
        except InbriefError as exc:  # damaged, or its row lost with a damaged page
            _one_line(exc)
            failures += 1
    assert failures and entries  # some articles are lost, the others are shown
    with pytest.raises(LibraryError):
        library.mark_read(1)  # nothing is written to a damaged file
    library.close()


def test_damaged_search_index_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _library(path, count=200).close()
    _overwrite_pages(path, "articles_fts_data")
    _overwrite_pages(path, "articles_fts_config")
    library = open_library(path)
    assert library.count() == 200  # the list still works
    with pytest.raises(LibraryError) as caught:
        library.page(Query("boats"))
    assert caught.value.fault is Fault.DAMAGED and "damaged" in _one_line(caught.value)
    library.close()


def test_hand_edited_rows_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _library(path, count=4).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET document = 'not json' WHERE id = 1")
    conn.execute("UPDATE articles SET progress = 1e308, word_count = 'many' WHERE id = 2")
    conn.execute("UPDATE articles SET title = x'ff00', added_at = 'x', position = -5 WHERE id = 3")
    conn.execute("UPDATE articles SET document = ? WHERE id = 4", (json.dumps(
        {"title": 5, "sections": [{"heading": "", "level": 0, "blocks": []}]}),))  # fmt: skip
    conn.commit()
    conn.close()
    library = open_library(path)
    entries = {entry.id: entry for entry in library.page(Query())}
    assert entries[2].progress == 1.0 and entries[2].word_count == 0
    assert isinstance(entries[3].title, str) and entries[3].added_at == 0.0
    assert library.article(3)[1].block == 0
    for bad in (1, 4):
        with pytest.raises(LibraryError, match=f"article {bad} is damaged"):
            library.article(bad)
    library.close()


def test_version_without_tables_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(InbriefError, match="damaged") as caught:
        open_library(path)
    _one_line(caught.value)
    assert path.read_bytes() == before


def test_quick_check_runs_only_when_the_file_changed_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.sqlite3"
    _library(path).close()
    checks: list[Path] = []
    monkeypatch.setattr(Library, "quick_check", lambda self: checks.append(self.path) or [])
    open_library(path).close()
    assert checks == []  # as inbrief left it
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET read = 1")
    conn.commit()
    conn.close()
    open_library(path).close()
    assert checks == [path]
