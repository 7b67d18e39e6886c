"""Score inbrief's extraction, readability-lxml alone and trafilatura on every dev set, in one run.

``python -m benchmarks.extraction [--sets zyte,dragnet,...] [--limit N] [--only NAME]`` loads the
sets of :mod:`benchmarks.extraction_sets`, runs each extractor on each page (extractors take turns
page by page, so load on the machine weighs on all alike) and prints per set: precision, recall,
F1 (each set's own measure), refusals (an error, or no text) and, for inbrief, refusals on pages
where readability-lxml returned text (and of those, where it returned an article's worth, 20
words or more); milliseconds per page and the ratio to readability-lxml.
Then the pages inbrief does worst on, with the text it missed and added.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from benchmarks.extraction_score import (
    score_corpus,
    score_page,
    token_scores,
    tokens,
)
from benchmarks.extraction_sets import ARTICLE_SETS, SETS, Page, load_sets
from inbrief.extract.choice import PLAIN_WORDS


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an extractor found: the title and the body text."""

    title: str
    text: str
    #: The path that produced the body (inbrief only: :class:`inbrief.extract.choice.Path`).
    path: str = ""


def inbrief_extract(page: Page) -> Extracted:
    """inbrief on the page's bytes: ``title`` and ``text`` as ``--extract -f json`` prints them."""
    from inbrief.extract.page import extract_page

    found = extract_page(page.data, url=page.url)
    return Extracted(found.article.title, found.article.text, str(found.decision.path))


def readability_extract(page: Page) -> Extracted:
    """readability-lxml alone: title() and the text of summary(), blocks kept apart by spaces."""
    from lxml import html as lxml_html
    from readability import Document

    source = page.data.decode("utf-8", "replace") if page.shingled else page.data
    document = Document(source)
    summary = document.summary(html_partial=True)
    return Extracted(document.title(), " ".join(lxml_html.fromstring(summary).itertext()))


def trafilatura_extract(page: Page) -> Extracted:
    """trafilatura's defaults (``extract`` on the Zyte pages, ``bare_extraction`` elsewhere)."""
    import trafilatura

    if page.shingled:
        text = trafilatura.extract(page.data.decode("utf-8", "replace"), url=page.url)
        return Extracted("", text or "")
    result = trafilatura.bare_extraction(page.data, with_metadata=True)
    if result is None:
        return Extracted("", "")
    return Extracted(result.title or "", result.text or "")


#: readability-lxml's text counts as an article from this many words: inbrief shows readability's
#: text as is from there, and refuses a menu's "Home" or a lone date below it. Refusals are
#: counted both ways.
ARTICLE_WORDS = PLAIN_WORDS

EXTRACTORS: dict[str, Callable[[Page], Extracted]] = {
    "inbrief": inbrief_extract,
    "readability-lxml": readability_extract,
    "trafilatura": trafilatura_extract,
}


@dataclass(slots=True)
class Result:
    """One extractor on one page: what it found (None: it refused), why, and how long it took."""

    found: Extracted | None
    error: str
    seconds: float


@dataclass(slots=True)
class Run:
    """One extractor over all pages."""

    name: str
    results: list[Result] = field(default_factory=list)


def _call(extract: Callable[[Page], Extracted], page: Page) -> tuple[Extracted | None, str]:
    try:
        found = extract(page)
    except Exception as exc:  # a refusal or a crash: both mean no article for the reader
        return None, f"{type(exc).__name__}: {exc}"[:120]
    if not found.text.strip():
        return None, "no text"
    return found, ""


def run_all(names: list[str], pages: list[Page], rounds: int = 1) -> list[Run]:
    """Every extractor on every page; each page's time is the fastest of ``rounds`` calls.

    Each extractor is called once before timing starts, so imports are not timed.
    """
    runs = [Run(name) for name in names]
    if pages:
        for run in runs:
            _call(EXTRACTORS[run.name], pages[0])
    for page in pages:
        for run in runs:
            best, outcome = float("inf"), (None, "")
            for _ in range(rounds):
                start = time.perf_counter()
                outcome = _call(EXTRACTORS[run.name], page)
                best = min(best, time.perf_counter() - start)
            run.results.append(Result(outcome[0], outcome[1], best))
    return runs


def scored_text(page: Page, found: Extracted | None) -> str:
    """What the page's measure scores: the body alone (Zyte) or title + newline + body."""
    if found is None:
        return ""
    return found.text if page.shingled else f"{found.title}\n{found.text}"


@dataclass(frozen=True, slots=True)
class SetScore:
    precision: float
    recall: float
    f1: float


#: Page scores by (text, gold): the tuning grid scores the same few texts per page many times.
_cached_page_score = lru_cache(maxsize=50_000)(score_page)
_cached_token_score = lru_cache(maxsize=50_000)(token_scores)


def score_set(pages: list[Page], texts: list[str]) -> SetScore:
    """The set's own measure over ``pages`` (all from one set, or article sets pooled)."""
    if pages and pages[0].shingled:
        pairs = zip(pages, texts, strict=True)
        corpus = score_corpus(_cached_page_score(t, p.expected) for p, t in pairs)
        return SetScore(corpus.precision, corpus.recall, corpus.f1)
    scores = [_cached_token_score(t, p.expected) for p, t in zip(pages, texts, strict=True)]
    count = max(1, len(scores))
    return SetScore(
        sum(s.precision for s in scores) / count,
        sum(s.recall for s in scores) / count,
        sum(s.f1 for s in scores) / count,
    )


def groups(pages: list[Page]) -> dict[str, list[int]]:
    """Page indexes by set, in :data:`SETS` order, plus ``articles`` when any article set ran."""
    by_set: dict[str, list[int]] = {}
    for name in SETS:
        indexes = [i for i, page in enumerate(pages) if page.set == name]
        if indexes:
            by_set[name] = indexes
    pooled = [i for name in ARTICLE_SETS for i in by_set.get(name, [])]
    if pooled and len([n for n in ARTICLE_SETS if n in by_set]) > 1:
        by_set["articles"] = pooled
    return by_set


def table(runs: list[Run], pages: list[Page]) -> list[str]:
    """One row per set and extractor."""
    names = [run.name for run in runs]
    base = runs[names.index("readability-lxml")] if "readability-lxml" in names else None
    lines = [
        "| set | pages | extractor | F1 | P | R | refusals | refused, readability had text "
        f"(of which {ARTICLE_WORDS}+ words) | ms/page | x readability |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, indexes in groups(pages).items():
        subset = [pages[i] for i in indexes]
        for run in runs:
            chosen = [run.results[i] for i in indexes]
            score = score_set(
                subset, [scored_text(p, r.found) for p, r in zip(subset, chosen, strict=True)]
            )
            refused = sum(r.found is None for r in chosen)
            lost = "-"
            ratio = "-"
            if base is not None and run is not base:
                had = [base.results[i].found for i, r in zip(indexes, chosen, strict=True)
                       if r.found is None]  # fmt: skip
                article = sum(f is not None and len(f.text.split()) >= ARTICLE_WORDS for f in had)
                lost = f"{sum(f is not None for f in had)} ({article})"
                base_seconds = sum(base.results[i].seconds for i in indexes)
                ratio = f"{sum(r.seconds for r in chosen) / base_seconds:.2f}"
            ms = 1000 * sum(r.seconds for r in chosen) / len(chosen)
            lines.append(
                f"| {name} | {len(indexes)} | {run.name} | {score.f1:.3f} | {score.precision:.3f} "
                f"| {score.recall:.3f} | {refused} | {lost} | {ms:.1f} | {ratio} |"
            )
    return lines


def paths(runs: list[Run], pages: list[Page]) -> list[str]:
    """How often each of inbrief's paths produced the body, per set."""
    lines = []
    for run in runs:
        if run.name != "inbrief":
            continue
        for name, indexes in groups(pages).items():
            counts: dict[str, int] = {}
            for i in indexes:
                found = run.results[i].found
                key = found.path if found is not None else "refused"
                counts[key] = counts.get(key, 0) + 1
            shown = ", ".join(f"{key} {count}" for key, count in sorted(counts.items()))
            lines.append(f"inbrief paths, {name}: {shown}")
    return lines


def _page_score(page: Page, text: str) -> float:
    if page.shingled:
        score = score_page(text, page.expected)
        return min(score.precision or 0.0, score.recall or 0.0)
    return token_scores(text, page.expected).f1


def worst_pages(run: Run, pages: list[Page], count: int) -> list[str]:
    """The ``count`` pages ``run`` does worst on, with what it missed and added."""
    texts = [scored_text(p, r.found) for p, r in zip(pages, run.results, strict=True)]
    ranked = sorted(range(len(pages)), key=lambda i: _page_score(pages[i], texts[i]))
    lines = [f"worst {count} pages for {run.name}:"]
    for i in ranked[:count]:
        page, result = pages[i], run.results[i]
        lines.append(f"\n{page.key[:24]} score={_page_score(page, texts[i]):.3f} {page.url or ''}")
        if result.found is None:
            lines.append(f"  ! refused: {result.error}")
        missing, extra = diagnose(texts[i], page.expected)
        lines += [f"  - missing: {span}" for span in missing if span]
        lines += [f"  + extra:   {span}" for span in extra if span]
    return lines


def _spans(words: list[str], present: set[int], limit: int = 3) -> list[str]:
    """Up to ``limit`` runs of ``words`` whose positions are not in ``present``, longest first."""
    runs: list[list[str]] = []
    current: list[str] = []
    for index, word in enumerate(words):
        if index in present:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(word)
    if current:
        runs.append(current)
    runs.sort(key=len, reverse=True)
    return [_clip(run) for run in runs[:limit]]


def _clip(words: list[str], keep: int = 14) -> str:
    if len(words) <= keep:
        return " ".join(words)
    return " ".join(words[: keep // 2]) + f" … ({len(words)} words) … " + " ".join(words[-3:])


def _covered(words: list[str], other: list[str]) -> set[int]:
    """Positions of ``words`` inside some 4-gram that also occurs in ``other``."""
    grams = {tuple(other[i : i + 4]) for i in range(max(1, len(other) - 3))}
    covered: set[int] = set()
    for i in range(max(1, len(words) - 3)):
        if tuple(words[i : i + 4]) in grams:
            covered.update(range(i, min(i + 4, len(words))))
    return covered


def diagnose(predicted: str, expected: str) -> tuple[list[str], list[str]]:
    """The longest stretches of text missed and of text added."""
    pred, true = tokens(predicted), tokens(expected)
    return _spans(true, _covered(true, pred)), _spans(pred, _covered(pred, true))


def dump(runs: list[Run], pages: list[Page], path: Path) -> None:
    """Every extractor's title, text and error per page, as JSON keyed by set--id."""
    data = {
        run.name: {
            f"{page.set}/{page.key}": {
                "title": r.found.title if r.found else "",
                "text": r.found.text if r.found else "",
                "error": r.error,
                "seconds": round(r.seconds, 5),
            }
            for page, r in zip(pages, run.results, strict=True)
        }
        for run in runs
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction")
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {SETS}")
    parser.add_argument("--limit", type=int, help="at most this many pages per set, spread out")
    parser.add_argument("--only", action="append", choices=sorted(EXTRACTORS), help="extractors")
    parser.add_argument("--rounds", type=int, default=1, help="time each page this many times")
    parser.add_argument("--worst", type=int, default=0, help="pages to diagnose")
    parser.add_argument("--dump", type=Path, help="write each extractor's texts here as JSON")
    args = parser.parse_args(argv)
    names = [name.strip() for name in args.sets.split(",") if name.strip()]
    unknown = sorted(set(names) - set(SETS))
    if unknown:
        parser.error(f"unknown sets {unknown}; choose from {SETS}")
    logging.disable(logging.WARNING)
    pages = load_sets(names, args.limit)
    runs = run_all(args.only or list(EXTRACTORS), pages, max(1, args.rounds))
    print("\n".join(table(runs, pages)))
    print("\n".join(paths(runs, pages)))
    if args.worst:
        print()
        print("\n".join(worst_pages(runs[0], pages, args.worst)))
    if args.dump:
        dump(runs, pages, args.dump)
    return 0


if __name__ == "__main__":
    sys.exit(main())
