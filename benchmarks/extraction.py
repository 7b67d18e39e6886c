"""Run inbrief's extraction over the article-extraction benchmark and score it.

``python -m benchmarks.extraction [PAGES_DIR] [--worst N] [--only inbrief]`` reads
``PAGES_DIR/ground-truth.json`` and ``PAGES_DIR/html/<id>.html.gz`` (by default
``shared/bench/extraction`` in the nearest folder above the project that has one), extracts
every page with inbrief (the page's bytes, as ``--extract`` receives them), with
readability-lxml alone (the text of its summary) and with trafilatura's defaults, and prints
F1, precision, recall, accuracy and time for each, then the pages inbrief does worst on with
the text it missed and the text it added.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.extraction_score import PageScore, score_corpus, score_page, tokens


def default_dir() -> Path:
    """``shared/bench/extraction`` beside the project, or beside any folder above it."""
    root = Path(__file__).resolve().parent.parent
    for folder in root.parents:
        candidate = folder / "shared" / "bench" / "extraction"
        if candidate.is_dir():
            return candidate
    return root.parent / "shared" / "bench" / "extraction"


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: its id, URL, raw bytes and hand-checked body."""

    key: str
    url: str
    data: bytes
    expected: str


def load_pages(directory: Path) -> list[Page]:
    """Every page of the benchmark, in id order."""
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        data = gzip.decompress((directory / "html" / f"{key}.html.gz").read_bytes())
        pages.append(Page(key, truth[key]["url"], data, truth[key]["articleBody"]))
    return pages


def inbrief_text(page: Page) -> str:
    """inbrief's body text for the page, as ``--extract -f json`` prints it in ``text``."""
    from inbrief.errors import InbriefError
    from inbrief.extract.page import article_from_html

    try:
        return article_from_html(page.data, url=page.url).text
    except InbriefError:
        return ""


def readability_text(page: Page) -> str:
    """readability-lxml alone: the text of its summary, block boundaries kept as spaces."""
    from lxml import html as lxml_html
    from readability import Document

    summary = Document(page.data.decode("utf-8", "replace")).summary(html_partial=True)
    return " ".join(lxml_html.fromstring(summary).itertext())


def trafilatura_text(page: Page) -> str:
    """trafilatura with its default settings."""
    import trafilatura

    return trafilatura.extract(page.data.decode("utf-8", "replace"), url=page.url) or ""


EXTRACTORS: dict[str, Callable[[Page], str]] = {
    "inbrief": inbrief_text,
    "readability-lxml": readability_text,
    "trafilatura": trafilatura_text,
}


@dataclass(slots=True)
class Run:
    """One extractor over all pages: texts, page scores and seconds spent extracting."""

    name: str
    texts: list[str]
    scores: list[PageScore]
    seconds: float


def run_all(names: list[str], pages: list[Page], rounds: int) -> list[Run]:
    """Extract every page with every extractor and score it.

    Each extractor is called once first so imports are not timed. Extractors take turns page
    by page, and a page's time is the fastest of ``rounds`` calls, so that other work on the
    machine weighs on all of them alike.
    """
    runs = [Run(name, [], [], 0.0) for name in names]
    for result in runs:
        EXTRACTORS[result.name](pages[0])
    for page in pages:
        for result in runs:
            extract = EXTRACTORS[result.name]
            best = float("inf")
            for _ in range(rounds):
                start = time.perf_counter()
                text = extract(page)
                best = min(best, time.perf_counter() - start)
            result.texts.append(text)
            result.seconds += best
            result.scores.append(score_page(text, page.expected))
    return runs


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


def report(runs: list[Run], pages: list[Page], worst: int) -> str:
    """The table and the worst pages of the first run."""
    lines = [
        f"{len(pages)} pages",
        "| extractor | F1 | precision | recall | accuracy | time (s) |",
        "|---|---|---|---|---|---|",
    ]
    for result in runs:
        s = score_corpus(result.scores)
        lines.append(
            f"| {result.name} | {s.f1:.4f} | {s.precision:.4f} | {s.recall:.4f} "
            f"| {s.accuracy:.3f} | {result.seconds:.2f} |"
        )
    names = [r.name for r in runs]
    if "inbrief" in names and "readability-lxml" in names:
        ours, base = runs[names.index("inbrief")], runs[names.index("readability-lxml")]
        lines.append(f"\nspeed: inbrief / readability-lxml = {ours.seconds / base.seconds:.2f}x")
    first = runs[0]
    ranked = sorted(
        range(len(pages)),
        key=lambda i: min(first.scores[i].precision or 0.0, first.scores[i].recall or 0.0),
    )
    lines.append(f"\nworst {worst} pages for {first.name}:")
    for i in ranked[:worst]:
        page, score = pages[i], first.scores[i]
        lines.append(f"\n{page.key[:12]} P={score.precision:.3f} R={score.recall:.3f} {page.url}")
        missing, extra = diagnose(first.texts[i], page.expected)
        lines += [f"  - missing: {span}" for span in missing if span]
        lines += [f"  + extra:   {span}" for span in extra if span]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction")
    parser.add_argument("pages", nargs="?", type=Path, default=None)
    parser.add_argument("--worst", type=int, default=10, help="pages to diagnose")
    parser.add_argument(
        "--only", action="append", choices=sorted(EXTRACTORS), help="extractors to run"
    )
    parser.add_argument("--rounds", type=int, default=1, help="time each page this many times")
    parser.add_argument("--dump", type=Path, help="write each extractor's texts here as JSON")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    pages = load_pages(args.pages or default_dir())
    names = args.only or list(EXTRACTORS)
    runs = run_all(names, pages, max(1, args.rounds))
    print(report(runs, pages, args.worst))
    if args.dump:
        dump = {r.name: dict(zip([p.key for p in pages], r.texts, strict=True)) for r in runs}
        args.dump.write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
