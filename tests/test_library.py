"""The SQLite library: dedupe, paging, search, reading state; refusing files it must not touch."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from inbrief.errors import InbriefError
from inbrief.ingest import load_articles
from inbrief.library import (
    Library,
    Position,
    Query,
    Sort,
    default_path,
    open_library,
    schema,
    store,
)
from inbrief.library.identity import canonical_url
from inbrief.library.schema import SCHEMA_VERSION
from inbrief.library.search import fts_query
from inbrief.model import Article, Block, BlockKind, Section
from tests.conftest import SEED_JSON


def _article(n: int, title: str | None = None, url: str | None = None) -> Article:
    body = f"Paragraph number {n} talks about topic{n} and shared words."
    block = Block(BlockKind.PARAGRAPH, [body])
    return Article(
        title or f"Article {n:03d}",
        [Section("", 0, [block])],
        url=url,
        published=f"2024-01-{n:02d}",
    )


def test_fresh_library_has_schema_and_wal(tmp_path: Path) -> None:
    lib = open_library(tmp_path / "lib.db")
    conn = sqlite3.connect(tmp_path / "lib.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    lib.close()


def test_add_skips_duplicates_by_url_and_hash(tmp_path: Path) -> None:
    lib = open_library(tmp_path / "lib.db")
    seed = load_articles(str(SEED_JSON))
    first = lib.add(seed)
    again = lib.add(seed)
    assert first[0].new and not again[0].new and first[0].id == again[0].id
    a = _article(1, url="http://www.Example.com/story/?utm_source=x#top")
    b = _article(2, url="https://example.com/story")
    results = lib.add([a, b])
    assert [r.new for r in results] == [True, False]
    assert lib.count() == 2


def test_paging_sorting_and_unread_filter(tmp_path: Path) -> None:
    lib = open_library(tmp_path / "lib.db")
    lib.add([_article(n, title=f"T{30 - n:02d}") for n in range(1, 26)])
    assert lib.count() == 25
    first, second = lib.page(Query(), limit=10), lib.page(Query(), limit=10, offset=10)
    assert len(first) == 10 and not {e.id for e in first} & {e.id for e in second}
    by_title = [e.title for e in lib.page(Query(sort=Sort.TITLE), limit=3)]
    assert by_title == ["T05", "T06", "T07"]
    newest_published = lib.page(Query(sort=Sort.PUBLISHED), limit=1)[0]
    assert newest_published.published == "2024-01-25"
    lib.mark_read(first[0].id)
    assert lib.count(Query(unread_only=True)) == 24


def test_mark_all_read_takes_what_the_query_matches_and_can_be_undone(tmp_path: Path) -> None:
    """More unread articles than one statement binds (500): all are marked, in one
    transaction, and mark_unread puts exactly those back."""
    lib = open_library(tmp_path / "lib.db")
    lib.add(
        [
            _article(n, title=f"Article {n:04d}", url=f"https://e.example/{n}")
            for n in range(1, 1201)
        ]
    )
    lib.mark_read(lib.page(Query("topic1199"))[0].id)
    assert lib.mark_all_read(Query("topic1200")) == [lib.page(Query("topic1200"))[0].id]
    ids = lib.mark_all_read(Query())
    assert len(ids) == 1198 and lib.count(Query(unread_only=True)) == 0
    lib.mark_unread(ids)
    assert lib.count(Query(unread_only=True)) == 1198
    assert lib.mark_all_read(Query("no such words anywhere")) == []


def test_full_text_search_over_title_and_body(tmp_path: Path) -> None:
    lib = open_library(tmp_path / "lib.db")
    lib.add([_article(n) for n in range(1, 6)])
    assert [e.title for e in lib.page(Query("topic3"))] == ["Article 003"]
    assert lib.count(Query("shared")) == 5
    assert lib.count(Query("Article 004")) == 1
    assert lib.count(Query('unbalanced "quote')) == 0  # never an FTS syntax error
    assert fts_query('c++ "war') == '"c"* "war"*'
    assert fts_query("  ") == ""


def test_position_and_read_state_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    lib = open_library(path)
    (added,) = lib.add(load_articles(str(SEED_JSON)))
    lib.save_position(added.id, Position(7, 143), 0.5)
    lib.mark_read(added.id)
    lib.close()
    reopened = open_library(path)
    article, position = reopened.article(added.id)
    assert position == Position(7, 143) and article.title.startswith("No path to peace")
    entry = reopened.entry(added.id)
    assert entry is not None and entry.read and entry.progress == 0.5
    reopened.delete(added.id)
    assert reopened.count() == 0 and reopened.count(Query("peace")) == 0


def test_refuses_foreign_corrupt_and_future_files(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not sqlite at all " * 100)
    with pytest.raises(InbriefError, match="not an inbrief library"):
        open_library(garbage)
    assert garbage.read_bytes() == b"not sqlite at all " * 100

    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(InbriefError, match="not an inbrief library"):
        open_library(foreign)

    future = tmp_path / "future.db"
    open_library(future).close()
    conn = sqlite3.connect(future)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(InbriefError, match="newer"):
        open_library(future)


def test_default_path_honours_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INBRIEF_LIBRARY", str(tmp_path / "x.db"))
    assert default_path() == tmp_path / "x.db"
    monkeypatch.delenv("INBRIEF_LIBRARY")
    assert default_path().name == "library.sqlite3"


def test_canonical_url() -> None:
    assert canonical_url("javascript:alert(1)") is None
    assert canonical_url("HTTP://Example.com:80/a/b/?b=2&a=1") == "https://example.com/a/b?a=1&b=2"
    assert canonical_url(None) is None


def test_list_and_search_queries_use_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No full scan and no sort of the whole table: what keeps 100,000 articles fast.
    Only a ranked search sorts, and it is ranked only when it has few hits."""
    monkeypatch.setattr(store, "RANK_LIMIT", 5)
    lib = open_library(tmp_path / "lib.db")
    lib.add([_article(n) for n in range(1, 30)])
    statements: list[str] = []
    lib._conn.set_trace_callback(statements.append)
    for sort in Sort:
        lib.page(Query(sort=sort), limit=10, offset=10)
    lib.page(Query(unread_only=True))
    lib.page(Query("shared"))
    lib.page(Query("shared", unread_only=True))
    lib.page(Query("topic3"))
    lib._conn.set_trace_callback(None)
    selects = [s for s in statements if s.startswith("SELECT") and "LIMIT" in s]
    assert len(selects) >= 6
    for sql in selects:
        plan = " | ".join(row[3] for row in lib._conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "TEMP B-TREE" not in plan or "f.rank" in sql, (sql, plan)
        assert "SCAN a\b" not in plan and not plan.startswith("SCAN a |"), (sql, plan)


def test_search_count_can_stop_early(tmp_path: Path) -> None:
    lib = open_library(tmp_path / "lib.db")
    lib.add([_article(n) for n in range(1, 30)])
    assert lib.count(Query("shared")) == 29
    assert lib.count(Query("shared"), at_most=10) == 11


def test_two_instances_share_one_library(tmp_path: Path) -> None:
    """Two processes' connections (here two threads) add at once; WAL + busy_timeout wait."""
    import threading

    path = tmp_path / "lib.db"
    first, second = open_library(path), open_library(path)
    errors: list[BaseException] = []

    def add(lib: Library, start: int) -> None:
        try:
            for n in range(start, start + 20):
                lib.add([_article(n)])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=add, args=(first, 1)),
        threading.Thread(target=add, args=(second, 101)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert first.count() == second.count() == 40


def test_malformed_canonical_links_do_not_stop_an_add(tmp_path: Path) -> None:
    assert canonical_url("http://example.com:99999/a") is None
    assert canonical_url("http://[::1/a") is None
    library = open_library(tmp_path / "lib.db")
    [added] = library.add([_article(1, url="http://example.com:abc/story")])
    assert added.new and library.count() == 1


def test_a_version_1_library_keeps_its_reading_positions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    with monkeypatch.context() as old:
        old.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        old.setattr(schema, "SCHEMA_VERSION", 1)
        lib = open_library(path)
        (added,) = lib.add(load_articles(str(SEED_JSON)))
        lib.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET position = 5")
    conn.commit()
    conn.close()
    upgraded = open_library(path)
    assert upgraded.article(added.id)[1] == Position(5, 0)
    upgraded.save_position(added.id, Position(6, 80), 0.25)
    assert upgraded.article(added.id)[1] == Position(6, 80)
