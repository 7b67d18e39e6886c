"""Counts printed with their nouns in the right number."""

from __future__ import annotations

from inbrief.wording import counted


def test_counted_uses_the_singular_only_for_one() -> None:
    assert counted(1, "feed") == "1 feed"
    assert counted(0, "feed") == "0 feeds"
    assert counted(2, "new item") == "2 new items"
    assert counted(3, "entry", "entries") == "3 entries"
    assert counted(1, "entry", "entries") == "1 entry"
