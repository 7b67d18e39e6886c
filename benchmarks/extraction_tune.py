"""Fit the thresholds of :mod:`inbrief.extract.choice` and check them leave one set out.

``python -m benchmarks.extraction_tune [--sets ...] [--limit N]`` runs every path of inbrief's
extraction on every page once (our own body, the declared/densest alternative, readability-lxml
alone), scores each, then tries every threshold setting of the grid by picking, per page, the
path :func:`inbrief.extract.choice.choose` would pick. It prints:

- the shipped thresholds' score per set;
- in-sample: the setting with the best mean of per-set F1 over all sets, and its score per set;
- leave one set out: for each set, the setting fitted on the other sets and its score on the
  held-out set (what to expect on pages nobody tuned on).
"""

from __future__ import annotations

import argparse
import itertools
import logging
import sys
from dataclasses import dataclass
from functools import cache

from benchmarks.extraction import Extracted, SetScore, score_set, scored_text
from benchmarks.extraction_sets import SETS, Page, load_sets
from inbrief.errors import InbriefError
from inbrief.extract import choice
from inbrief.extract.choice import Candidate, Path, Thresholds
from inbrief.extract.page import PageCandidates, article_from_sections, page_candidates

GRID = {
    "thin_words": (40, 80, 120),
    "thin_share": (0.02, 0.05, 0.1),
    "linky": (0.3, 0.5, 0.7),
    "readability_gain": (1.1, 1.5, 2.0, 3.0, float("inf")),
}


@dataclass(slots=True)
class PageRun:
    """A page's candidates (all computed) and the text each path gives."""

    page: Page
    candidates: PageCandidates
    texts: dict[Path, str]


def _text(candidates: PageCandidates, body: Candidate) -> Extracted | None:
    try:
        article = article_from_sections(body.sections, candidates.meta, candidates.page_words)
    except InbriefError:
        return None
    return Extracted(article.title, article.text)


def run_paths(pages: list[Page]) -> list[PageRun]:
    """Every path on every page (a page that cannot be parsed gives no text on any path)."""
    runs: list[PageRun] = []
    for page in pages:
        try:
            found = page_candidates(page.data, url=page.url)
        except InbriefError:
            continue
        found = PageCandidates(
            found.meta, found.page_words, found.own, cache(found.alternative), cache(found.alone)
        )
        bodies = [found.own, found.alternative(), found.alone()]
        texts = {body.path: scored_text(page, _text(found, body)) for body in bodies}
        runs.append(PageRun(page, found, texts))
    return runs


def texts_for(runs: list[PageRun], limits: Thresholds) -> list[str]:
    """The scored text of each page under ``limits``."""
    out = []
    for run in runs:
        c = run.candidates
        body, _ = choice.choose(c.own, c.page_words, c.alternative, c.alone, limits)
        out.append(run.texts.get(body.path, ""))
    return out


def per_set(runs: list[PageRun], texts: list[str]) -> dict[str, SetScore]:
    scores = {}
    for name in SETS:
        indexes = [i for i, run in enumerate(runs) if run.page.set == name]
        if indexes:
            pages = [runs[i].page for i in indexes]
            scores[name] = score_set(pages, [texts[i] for i in indexes])
    return scores


def settings() -> list[Thresholds]:
    keys = list(GRID)
    return [
        Thresholds(**dict(zip(keys, values, strict=True)))
        for values in itertools.product(*GRID.values())
    ]  # type: ignore[arg-type]


def _mean(scores: dict[str, SetScore], names: list[str]) -> float:
    return sum(scores[name].f1 for name in names) / len(names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction_tune")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    pages = load_sets([s for s in args.sets.split(",") if s], args.limit)
    runs = run_paths(pages)
    grid = settings()
    scored = [(limits, per_set(runs, texts_for(runs, limits))) for limits in grid]
    names = list(scored[0][1])
    shipped = per_set(runs, texts_for(runs, choice.THRESHOLDS))
    best_limits, best = max(scored, key=lambda item: _mean(item[1], names))
    print("| set | shipped | in-sample fit | leave-one-set-out | fitted on the others |")
    print("|---|---|---|---|---|")
    for held in names:
        others = [name for name in names if name != held] or names
        fitted_limits, fitted = max(scored, key=lambda item: _mean(item[1], others))
        print(
            f"| {held} | {shipped[held].f1:.4f} | {best[held].f1:.4f} | {fitted[held].f1:.4f} "
            f"| {_describe(fitted_limits)} |"
        )
    print(f"\nshipped: {_describe(choice.THRESHOLDS)}\nin-sample best: {_describe(best_limits)}")
    return 0


def _describe(limits: Thresholds) -> str:
    return ", ".join(f"{key}={getattr(limits, key)}" for key in GRID)


if __name__ == "__main__":
    sys.exit(main())
