"""Fit the default summarizer's parameters on the gist benchmark, with cross-validation.

The same pages and inputs as ``benchmarks/gist.py``, but summarised in-process through the
same functions the command line calls (ingest, candidate sentences, evidence), so that a
parameter set costs a fraction of a second. Evidence is gathered once per page; only the
scoring and the selection run per parameter set.

    .venv/bin/python -m benchmarks.gist_tune          # current defaults, grid, 2-fold CV

Cross-validation: pages are split in two halves by key (even and odd positions in key order);
the grid is searched on one half and the winner scored on the other, both ways round. The
held-out figures, not the tuned ones, estimate what to expect on unseen pages.
"""

from __future__ import annotations

import itertools
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from benchmarks.gist_data import Page, load_pages, rouge
from inbrief.errors import InbriefError
from inbrief.ingest import RawSource, articles_from_raw
from inbrief.nlp.language import resolve_language
from inbrief.summarize import default
from inbrief.summarize.centrality import Evidence, gather
from inbrief.summarize.default import DEFAULT_PARAMS, DefaultParams
from inbrief.summarize.units import Unit, sentence_units, title_terms


@dataclass
class Prepared:
    page: Page
    units: list[Unit]
    evidence: Evidence
    cache: dict[tuple[int, ...], tuple[float, float, float]]


def prepare(pages: Iterable[Page]) -> list[Prepared]:
    prepared = []
    for page in pages:
        try:
            article = articles_from_raw(RawSource(page.text.encode("utf-8"), "page.txt"))[0]
        except InbriefError:
            article = None
        if article is None:
            prepared.append(Prepared(page, [], gather([], ()), {}))
            continue
        language, _ = resolve_language(article.language, None)
        units = sentence_units(article, language)
        evidence = gather(units, title_terms(article, language))
        prepared.append(Prepared(page, units, evidence, {}))
    return prepared


def evaluate(
    data: Sequence[Prepared], params: DefaultParams, n: int = 2
) -> tuple[float, float, float]:
    """Mean ROUGE of the default summarizer's ``n`` takeaways under ``params``."""
    totals = [0.0, 0.0, 0.0]
    for item in data:
        first = default.opening(item.evidence, params)
        picks = tuple(default.takeaways(item.evidence, first, n, params))
        if picks not in item.cache:
            text = " ".join(item.units[i].text for i in picks)
            item.cache[picks] = rouge(item.page.reference, text)
        for k, value in enumerate(item.cache[picks]):
            totals[k] += value
    count = len(data) or 1
    return totals[0] / count, totals[1] / count, totals[2] / count


def lead(data: Sequence[Prepared], n: int = 2) -> tuple[float, float, float]:
    pairs = [(p.page.reference, " ".join(u.text for u in p.units[:n])) for p in data]
    r = [rouge(a, b) for a, b in pairs]
    return tuple(sum(x[k] for x in r) / len(r) for k in range(3))  # type: ignore[return-value]


GRID = {
    "backward": (-0.3, 0.0, 0.3),
    "title_weight": (0.2, 0.4, 0.8),
    "position_weight": (0.75, 1.0, 1.5),
    "position_decay": (2.0, 4.0),
    "long_words": (20, 30),
}


def grid(base: DefaultParams) -> list[DefaultParams]:
    """Every combination of :data:`GRID` values for the gist score, the rest as in ``base``."""
    keys = list(GRID)
    return [
        replace(base, gist=replace(base.gist, **dict(zip(keys, values, strict=True))))
        for values in itertools.product(*(GRID[k] for k in keys))
    ]


def search(
    data: Sequence[Prepared], candidates: list[DefaultParams]
) -> tuple[DefaultParams, float]:
    """The candidate with the best mean of R-1, R-2 and R-L on ``data``."""
    best, best_value = candidates[0], -1.0
    for params in candidates:
        value = sum(evaluate(data, params)) / 3
        if value > best_value:
            best, best_value = params, value
    return best, best_value


def fmt(r: tuple[float, float, float]) -> str:
    return f"{r[0]:.1f} / {r[1]:.1f} / {r[2]:.1f}"


def main(argv: list[str]) -> None:
    data = prepare(load_pages())
    print(f"{len(data)} pages; R-1 / R-2 / R-L")
    print(f"lead-2              {fmt(lead(data))}")
    print(f"defaults            {fmt(evaluate(data, DEFAULT_PARAMS))}")
    if "--grid" not in argv:
        return
    candidates = grid(DEFAULT_PARAMS)
    best, _ = search(data, candidates)
    print(f"grid best (all)     {fmt(evaluate(data, best))}  {best.gist}")
    halves = [data[0::2], data[1::2]]
    pooled = [0.0, 0.0, 0.0]
    for k in (0, 1):
        tuned, _ = search(halves[k], candidates)
        held = halves[1 - k]
        result = evaluate(held, tuned)
        for m in range(3):
            pooled[m] += result[m] * len(held) / len(data)
        print(
            f"fold {k}: tuned on {len(halves[k])}, held-out {len(held)}: "
            f"tuned {fmt(result)}  "
            f"defaults {fmt(evaluate(held, DEFAULT_PARAMS))}  lead {fmt(lead(held))}"
        )
        print(f"        {tuned.gist}")
    print(f"held-out, both folds pooled: {fmt((pooled[0], pooled[1], pooled[2]))}")
    repeated_cv(data, candidates)


def repeated_cv(
    data: Sequence[Prepared], candidates: list[DefaultParams], repeats: int = 5
) -> None:
    """2-fold cross-validation over ``repeats`` random splits: held-out gain over Lead-2."""
    gains: list[tuple[float, float, float]] = []
    for seed in range(repeats):
        order = list(data)
        random.Random(seed).shuffle(order)
        halves = [order[0::2], order[1::2]]
        held_sum = [0.0, 0.0, 0.0]
        lead_sum = [0.0, 0.0, 0.0]
        for k in (0, 1):
            tuned, _ = search(halves[k], candidates)
            held = halves[1 - k]
            ours, base = evaluate(held, tuned), lead(held)
            for m in range(3):
                held_sum[m] += ours[m] * len(held) / len(data)
                lead_sum[m] += base[m] * len(held) / len(data)
        gain = (held_sum[0] - lead_sum[0], held_sum[1] - lead_sum[1], held_sum[2] - lead_sum[2])
        gains.append(gain)
        print(f"random split {seed}: held-out {fmt((held_sum[0], held_sum[1], held_sum[2]))}")
    mean = tuple(sum(g[m] for g in gains) / len(gains) for m in range(3))
    print(
        f"mean held-out gain over Lead-2 ({repeats} random 2-fold splits): "
        f"{mean[0]:+.1f} / {mean[1]:+.1f} / {mean[2]:+.1f}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
