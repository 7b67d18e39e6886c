"""The extraction dev sets: the Zyte article pages and the four gold sets of ``extraction-more``.

Each set says how it is scored (its README's measure) and how the reference extractors are
called on it, so the runner treats every set alike:

- ``zyte`` (``shared/bench/extraction``): 88 news and blog pages; the body text only, scored by
  4-gram shingles (:func:`benchmarks.extraction_score.score_page`); pages are decoded as UTF-8
  with replacement, as that benchmark prescribes.
- ``dragnet``, ``l3s``, ``portal``, ``cleaneval`` (``shared/bench/extraction-more``): the page's
  bytes go to the extractor, and title + newline + text is scored by the token measure
  (:func:`benchmarks.extraction_score.token_scores`).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

#: Set name -> the file prefix in ``extraction-more`` (``zyte`` is its own folder).
MORE_SETS = {"dragnet": "dragnet", "l3s": "l3s-gn", "portal": "portal", "cleaneval": "cleaneval"}
SETS = ("zyte", *MORE_SETS)
#: Sets pooled as "articles" (news and blog pages).
ARTICLE_SETS = ("dragnet", "l3s", "portal")


def shared_bench() -> Path:
    """``shared/bench`` beside the project, or beside any folder above it."""
    root = Path(__file__).resolve().parent.parent
    for folder in root.parents:
        candidate = folder / "shared" / "bench"
        if (candidate / "extraction").is_dir():
            return candidate
    return root.parent / "shared" / "bench"


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: its set, id, URL (if known), raw bytes and gold text."""

    set: str
    key: str
    url: str | None
    data: bytes
    expected: str

    @property
    def shingled(self) -> bool:
        """Scored the Zyte way (body only, shingles) rather than by tokens of title + text."""
        return self.set == "zyte"


def _spread(keys: list[str], limit: int | None) -> list[str]:
    """``limit`` keys spread evenly over ``keys`` (all of them without a limit)."""
    if limit is None or limit >= len(keys):
        return keys
    step = len(keys) / limit
    return [keys[int(i * step)] for i in range(limit)]


def load_zyte(directory: Path, limit: int | None = None) -> list[Page]:
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in _spread(sorted(truth), limit):
        data = gzip.decompress((directory / "html" / f"{key}.html.gz").read_bytes())
        pages.append(Page("zyte", key, truth[key]["url"], data, truth[key]["articleBody"]))
    return pages


def load_more(directory: Path, name: str, limit: int | None = None) -> list[Page]:
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    prefix = MORE_SETS[name] + "--"
    keys = sorted((k for k in truth if k.startswith(prefix)), key=_natural)
    pages = []
    for key in _spread(keys, limit):
        data = gzip.decompress((directory / "html" / f"{key}.html.gz").read_bytes())
        pages.append(Page(name, key, None, data, truth[key]["text"]))
    return pages


def _natural(key: str) -> tuple[str, int]:
    head, _, tail = key.rpartition("--")
    return (head, int(tail)) if tail.isdigit() else (key, 0)


def load_sets(names: list[str], limit: int | None = None, bench: Path | None = None) -> list[Page]:
    """The pages of ``names`` in set order, at most ``limit`` per set (spread over the set)."""
    bench = bench or shared_bench()
    pages: list[Page] = []
    for name in names:
        if name == "zyte":
            pages += load_zyte(bench / "extraction", limit)
        else:
            pages += load_more(bench / "extraction-more", name, limit)
    return pages
