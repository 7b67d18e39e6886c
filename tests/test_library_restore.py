"""Deleting returns what undo needs; restoring puts the article back exactly, or refuses."""

from __future__ import annotations

from pathlib import Path

from inbrief.ingest import load_articles
from inbrief.library import Position, Query, open_library
from tests.conftest import SEED_JSON


def test_delete_then_restore_is_exact(tmp_path: Path) -> None:
    library = open_library(tmp_path / "lib.sqlite3")
    (added,) = library.add(load_articles(str(SEED_JSON)))
    library.save_position(added.id, Position(3, 12), 0.4)
    library.mark_read(added.id)
    before = library.entry(added.id)
    deleted = library.delete(added.id)
    assert deleted is not None and library.count() == 0 and library.delete(added.id) is None
    assert library.restore(deleted)
    assert library.entry(added.id) == before
    assert library.article(added.id)[1] == Position(3, 12)
    assert library.count(Query("Kremlin")) == 1


def test_restore_refuses_an_article_added_again(tmp_path: Path) -> None:
    library = open_library(tmp_path / "lib.sqlite3")
    (added,) = library.add(load_articles(str(SEED_JSON)))
    deleted = library.delete(added.id)
    assert deleted is not None
    library.add(load_articles(str(SEED_JSON)))
    assert not library.restore(deleted)
    assert library.count() == 1
