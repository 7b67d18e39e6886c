"""The library at scale: build N generated articles, then time what the library screen asks.

Articles go in through the normal :meth:`Library.add` path: one transaction per article for
the ingest rate a user sees, then batches of 1,000 to reach N quickly. Each query is timed
best of 5, since what is measured is the work, not the machine's noise.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from inbrief.library import Query, Sort, open_library
from inbrief.model import Article, Block, BlockKind, Section

_VOCABULARY = [
    *("water", "council", "river", "budget", "school", "election", "harbour", "railway"),
    *("museum", "festival", "court", "hospital", "energy", "climate", "market", "vaccine"),
    *("transport", "housing", "police", "science", "music"),
]
#: Rows the library screen loads when it opens (its first page).
SCREEN_PAGE = 200


def generated_article(n: int, rng: random.Random) -> Article:
    words = [rng.choice(_VOCABULARY) for _ in range(120)]
    body = f"Item{n} report. " + " ".join(words) + "."
    return Article(
        title=f"{rng.choice(_VOCABULARY).title()} report {n}",
        sections=[Section("", 0, [Block(BlockKind.PARAGRAPH, [body])])],
        url=f"https://news.example/{n}",
        published=f"20{10 + n % 15:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}",
    )


def best_time(action: Callable[[], object], repeat: int = 5) -> float:
    """The best of ``repeat`` timings of ``action``, in seconds (the work, not the noise)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def measure(folder: Path, count: int) -> dict[str, float]:
    """Seconds for each figure on a library of ``count`` articles built in ``folder``."""
    library = open_library(folder / "scale.sqlite3")
    rng = random.Random(1)
    single = min(1000, count)
    start = time.perf_counter()
    for n in range(single):
        library.add([generated_article(n, rng)])
    figures = {"ingest_per_article": (time.perf_counter() - start) / single}
    for first in range(single, count, 1000):
        library.add(generated_article(n, rng) for n in range(first, min(count, first + 1000)))

    def open_screen(sort: Sort = Sort.ADDED, reverse: bool = False) -> None:
        library.count()
        library.page(Query(sort=sort, reverse=reverse), limit=SCREEN_PAGE)

    def search(text: str) -> None:
        library.count(Query(text), at_most=1000)
        library.page(Query(text), limit=SCREEN_PAGE)

    figures["open_screen"] = max(
        best_time(partial(open_screen, sort, reverse)) for sort in Sort for reverse in (False, True)
    )
    figures["search_rare"] = best_time(lambda: search("item4242"))
    figures["search_common"] = best_time(lambda: search("harbour"))
    figures["search_prefix"] = best_time(lambda: search("h"))
    library.close()
    return figures
