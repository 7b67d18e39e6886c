"""How many words make a feed item the whole article rather than a teaser: measured.

Each hand-checked article body in ``shared/bench/extraction`` and ``extraction-more`` (five
sets: zyte, cleaneval, dragnet, l3s-gn, portal) is turned into what feeds carry: the whole body
(a full-text item), and the teasers feeds send in its place: its first paragraph, its first 55
words (WordPress's excerpt) and its first 100 words. An item is judged a teaser when it has
fewer than T body words (or ends in a truncation mark, which is not tested here since the
generated teasers have none). For each T the table gives the share of teasers caught (a teaser
judged full leaves the reader with a truncated article: the failure that matters) and the share
of full articles judged teasers (they only cost a page fetch: the longer text wins). T is
chosen on four sets and scored on the fifth (leave one set out), then on all five.

    .venv/bin/python -m benchmarks.teaser_threshold
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from pathlib import Path

_PARAGRAPHS = re.compile(r"\n\s*\n")
CANDIDATES = (60, 80, 100, 120, 150, 200, 250, 300)


def shared_dir() -> Path:
    env = os.environ.get("INBRIEF_SHARED")
    if env:
        return Path(env)
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "bench").is_dir():
            return parent / "shared"
    raise SystemExit("shared/bench not found (set INBRIEF_SHARED)")


def bodies() -> dict[str, list[str]]:
    """Article bodies by set name."""
    bench = shared_dir() / "bench"
    sets: dict[str, list[str]] = defaultdict(list)
    for value in json.loads((bench / "extraction" / "ground-truth.json").read_text()).values():
        sets["zyte"].append(value["articleBody"])
    more = json.loads((bench / "extraction-more" / "ground-truth.json").read_text())
    for value in more.values():
        sets[value["dataset"]].append(value["text"])
    return {name: [b for b in texts if b and len(b.split()) >= 30] for name, texts in sets.items()}


def samples(texts: list[str]) -> tuple[list[int], list[int]]:
    """Word counts of (full items, teasers) made from ``texts``."""
    full, teasers = [], []
    for text in texts:
        words = text.split()
        full.append(len(words))
        first = next((p for p in _PARAGRAPHS.split(text) if len(p.split()) >= 8), text)
        for teaser in (len(first.split()), 55, 100):
            if teaser < len(words):  # a short piece has no shorter teaser
                teasers.append(min(teaser, len(words)))
    return full, teasers


def rates(full: list[int], teasers: list[int], t: int) -> tuple[float, float]:
    """(share of teasers caught, share of full articles judged teasers) at threshold ``t``."""
    caught = sum(1 for n in teasers if n < t) / max(1, len(teasers))
    fetched = sum(1 for n in full if n < t) / max(1, len(full))
    return caught, fetched


def choose(full: list[int], teasers: list[int]) -> int:
    """The smallest T that catches at least 97% of teasers (fewest needless fetches)."""
    for t in CANDIDATES:
        if rates(full, teasers, t)[0] >= 0.97:
            return t
    return CANDIDATES[-1]


def main() -> None:
    sets = {name: samples(texts) for name, texts in bodies().items()}
    print("held-out set   n    T   teasers caught  full fetched")
    for held in sets:
        train_full = [n for name, (f, _) in sets.items() if name != held for n in f]
        train_teasers = [n for name, (_, t) in sets.items() if name != held for n in t]
        t = choose(train_full, train_teasers)
        caught, fetched = rates(*sets[held], t)
        print(f"{held:12s} {len(sets[held][0]):5d} {t:4d}   {caught:6.1%}        {fetched:6.1%}")
    all_full = [n for f, _ in sets.values() for n in f]
    all_teasers = [n for _, t in sets.values() for n in t]
    print("\nall sets: T  teasers caught  full fetched")
    for t in CANDIDATES:
        caught, fetched = rates(all_full, all_teasers, t)
        print(f"        {t:4d}   {caught:6.1%}        {fetched:6.1%}")
    print(f"chosen on all sets: T = {choose(all_full, all_teasers)}")


if __name__ == "__main__":
    main()
