"""Fit the thresholds of :mod:`inbrief.extract.choice` and check them leave one set out.

``python -m benchmarks.extraction_tune [--sets ...] [--limit N]`` runs every path of inbrief's
extraction on every page once (our own body, the declared/densest alternative, readability-lxml
alone), scores each, then tries every threshold setting of the grid by picking, per page, the
path :func:`inbrief.extract.choice.choose` would pick (trafilatura's body, the second opinion, is
computed on every page; inbrief asks for it only when no other path found text). It prints:

- the shipped thresholds' score per set;
- in-sample: the setting with the best mean of per-set F1 over all sets, and its score per set;
- leave one set out: for each set, the setting fitted on the other sets and its score on the
  held-out set (what to expect on pages nobody tuned on).
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path as Path_
from typing import Any

from benchmarks.extraction import Extracted, SetScore, score_set, scored_text
from benchmarks.extraction_sets import SETS, Page, load_sets
from inbrief.errors import InbriefError
from inbrief.extract import choice
from inbrief.extract.choice import Candidate, Path, Thresholds
from inbrief.extract.page import (
    PageCandidates,
    article_from_sections,
    page_candidates,
)

GRID = {
    "thin_words": (40, 80, 120),
    "thin_share": (0.0, 0.01, 0.02, 0.05, 0.1),
    "linky": (0.3, 0.5, 0.7),
    "readability_gain": (1.1, 1.5, 2.0, 3.0, float("inf")),
    "alternative_gain": (2.0, 3.0, 4.0, 6.0),
}


@dataclass(frozen=True, slots=True)
class Scored:
    """What the choice reads of one path's body, and the text the benchmark scores for it."""

    path: Path
    words: int
    link_density: float
    text: str


@dataclass(slots=True)
class PageRun:
    """A page, its word count and every path's body (all computed)."""

    page: Page
    page_words: int
    own: Scored
    alternative: Scored
    alone: Scored
    #: readability alone's text as plain paragraphs: the last resort when no path kept any.
    plain: Scored
    #: trafilatura's body (the second opinion).
    second: Scored


def _text(candidates: PageCandidates, body: Candidate) -> Extracted | None:
    try:
        article = article_from_sections(body.sections, candidates.meta, candidates.page_words)
    except InbriefError:
        return None
    return Extracted(article.title, article.text)


def _scored(page: Page, candidates: PageCandidates, body: Candidate) -> Scored:
    text = scored_text(page, _text(candidates, body))
    return Scored(body.path, body.words, body.link_density, text)


def run_paths(pages: list[Page], cache_file: Path_ | None = None) -> list[PageRun]:
    """Every path on every page (a page that cannot be parsed gives no text on any path).

    With ``cache_file``, the runs are read from it when it exists and written to it otherwise,
    so the grid can be rerun without extracting again (delete the file after changing code).
    """
    by_key = {f"{page.set}/{page.key}": page for page in pages}
    if cache_file is not None and cache_file.exists():
        stored = json.loads(cache_file.read_text(encoding="utf-8"))
        return [_from_json(by_key[key], item) for key, item in stored.items() if key in by_key]
    runs: list[PageRun] = []
    for page in pages:
        try:
            found = page_candidates(page.data, url=page.url)
        except InbriefError:
            continue
        runs.append(
            PageRun(
                page,
                found.page_words,
                _scored(page, found, found.own),
                _scored(page, found, found.alternative()),
                _scored(page, found, found.alone()),
                _scored(page, found, found.plain()),
                _scored(page, found, found.second()),
            )
        )
    if cache_file is not None:
        data = {f"{run.page.set}/{run.page.key}": _to_json(run) for run in runs}
        cache_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return runs


def _to_json(run: PageRun) -> dict[str, Any]:
    bodies = {
        "own": run.own,
        "alternative": run.alternative,
        "alone": run.alone,
        "plain": run.plain,
        "second": run.second,
    }
    return {"page_words": run.page_words} | {
        name: [str(body.path), body.words, body.link_density, body.text]
        for name, body in bodies.items()
    }


def _from_json(page: Page, item: dict[str, Any]) -> PageRun:
    def body(name: str) -> Scored:
        path, words, density, text = item[name]
        return Scored(Path(path), words, density, text)

    return PageRun(
        page,
        item["page_words"],
        body("own"),
        body("alternative"),
        body("alone"),
        body("plain"),
        body("second"),
    )


def texts_for(runs: list[PageRun], limits: Thresholds) -> list[str]:
    """The scored text of each page under ``limits``, as
    :func:`inbrief.extract.page.extraction_from` picks it (the plain last resort included)."""
    out = []
    for run in runs:
        body, _ = choice.choose(
            run.own,
            run.page_words,
            _given(run.alternative),
            _given(run.alone),
            limits,
            second=_given(run.second),
            plain=_given(run.plain),
        )
        out.append(body.text)
    return out


def _given(body: Scored) -> Callable[[], Scored]:
    return lambda: body


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
    parser.add_argument("--cache", type=Path_, help="read/write every path's texts here")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    pages = load_sets([s for s in args.sets.split(",") if s], args.limit)
    runs = run_paths(pages, args.cache)
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
