"""Time the library's list, count and search queries on a large generated library.

    python scripts/bench_library.py 100000

Builds (once, in a temporary directory) a library of N small generated articles through the
normal :meth:`Library.add` path, then times each query the library screen makes: the first
page in every sort order, a deep page, the unread filter, counts, and full-text searches.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from inbrief.library import Query, Sort, open_library
from inbrief.model import Article, Block, BlockKind, Section

_VOCABULARY = [
    "water",
    "council",
    "river",
    "budget",
    "school",
    "election",
    "harbour",
    "railway",
    "museum",
    "festival",
    "court",
    "hospital",
    "energy",
    "climate",
    "market",
    "vaccine",
    "transport",
    "housing",
    "police",
    "science",
    "music",
]


def _article(n: int, rng: random.Random) -> Article:
    words = " ".join(rng.choice(_VOCABULARY) for _ in range(120))
    title = f"{rng.choice(_VOCABULARY).title()} report {n}"
    day = f"20{10 + n % 15}-{1 + n % 12:02d}-{1 + n % 28:02d}"
    block = Block(BlockKind.PARAGRAPH, [words + f" item{n}."])
    return Article(title, [Section("", 0, [block])], url=f"https://example.org/{n}", published=day)


def _time(label: str, action: object, repeat: int = 5) -> None:
    assert callable(action)
    best = min(_timed(action) for _ in range(repeat))
    print(f"{label:<34} {best * 1000:7.2f} ms")


def _timed(action: object) -> float:
    assert callable(action)
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    path = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    library = open_library(path)
    rng = random.Random(1)
    start = time.perf_counter()
    for first in range(0, count, 1000):
        library.add(_article(n, rng) for n in range(first, min(count, first + 1000)))
    print(f"built {count:,} articles in {time.perf_counter() - start:.1f} s ({path})")
    for sort in Sort:
        _time(f"first page, sort={sort.value}", lambda s=sort: library.page(Query(sort=s)))
    _time("page at offset 50,000", lambda: library.page(Query(), offset=min(50_000, count - 100)))
    _time("unread only, first page", lambda: library.page(Query(unread_only=True)))
    _time("count all", lambda: library.count())
    _time("count unread", lambda: library.count(Query(unread_only=True)))
    _time("search rare word: page", lambda: library.page(Query("item4242")))
    _time("search rare word: count", lambda: library.count(Query("item4242")))
    _time("search common word: page", lambda: library.page(Query("harbour")))
    _time("search common word: count", lambda: library.count(Query("harbour")))
    _time("search common word: count <=1000", lambda: library.count(Query("harbour"), 1000))
    _time("search two words: page", lambda: library.page(Query("harbour museum")))
    _time("search one letter: page", lambda: library.page(Query("h")))
    _time("search one letter: count <=1000", lambda: library.count(Query("h"), 1000))


if __name__ == "__main__":
    main()
