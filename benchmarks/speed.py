"""Speed suite: every figure against its anchor, measured in the same run.

    python -m benchmarks.speed            # full run (a few minutes)
    python -m benchmarks.speed --quick    # tiny inputs, one repetition (the smoke test)
    python -m benchmarks.speed --only oneshot,throughput

Machines are noisy, so each figure is a ratio to an anchor timed in the same run, commands
interleaved, medians over repetitions. Benchmarks are not tests: nothing here fails CI.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks._timing import ROOT, SEED, SHARED, Row, format_table, median_runs, python


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else shutil.which(name) or name


def write_punkt_tab(root: Path, language: str = "english") -> Path:
    """An NLTK ``punkt_tab`` directory built from the Punkt model shipped in ``punkt``.

    Lets sumy's own CLI run offline for the comparison, with the same model we use.
    """
    import punkt

    params = punkt.load_model(language)
    folder = root / "tokenizers" / "punkt_tab" / language
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "collocations.tab").write_text(
        "".join(f"{a}\t{b}\n" for a, b in sorted(params.collocations)), encoding="utf-8"
    )
    (folder / "sent_starters.txt").write_text(
        "".join(f"{w}\n" for w in sorted(params.sent_starters)), encoding="utf-8"
    )
    (folder / "abbrev_types.txt").write_text(
        "".join(f"{w}\n" for w in sorted(params.abbrev_types)), encoding="utf-8"
    )
    (folder / "ortho_context.tab").write_text(
        "".join(f"{w}\t{n}\n" for w, n in sorted(params.ortho_context.items())), encoding="utf-8"
    )
    return root


def bench_oneshot(work: Path, repeats: int) -> list[Row]:
    """Whole-process one-shot summary of seed 000 against sumy's CLI on the same text."""
    import os

    from inbrief.ingest import load_articles

    [article] = load_articles(str(SEED))
    text_file = work / "seed.txt"
    text_file.write_text(article.title + "\n\n" + article.text, encoding="utf-8")
    env = {**os.environ, "NLTK_DATA": str(write_punkt_tab(work / "nltk_data"))}
    commands = {
        "ours": [_tool("inbrief"), "--summary", "--sentences", "10", str(SEED)],
        "sumy": [_tool("sumy"), "lex-rank", "--length=10", f"--file={text_file}"],
        "python": [python(), "-c", "pass"],
        "sumy imports": [python(), "-c", "import sumy.summarizers.lex_rank"],
        "our imports": [
            python(),
            "-c",
            "import inbrief.cli, inbrief.ingest, inbrief.extract.wordpress, "
            "inbrief.summarize.centrality, punkt, Stemmer, lxml.html",
        ],
    }
    result = median_runs(commands, repeats, env)
    ours, sumy = result["ours"][0], result["sumy"][0]
    floor = result["our imports"][0]
    return [
        Row("one-shot summary, seed 000 (wall)", ours, sumy, "s", 0.5, "anchor: sumy lex-rank CLI"),
        Row("floor: interpreter + our imports", floor, ours, "s", None, "anchor column: ours"),
        Row("floor: import sumy.summarizers.lex_rank", result["sumy imports"][0], None, "s", None),
        Row("floor: python -c pass", result["python"][0], None, "s", None),
        Row("peak RSS, one-shot", result["ours"][1] / 1024, result["sumy"][1] / 1024, "MiB", None),
    ]


def _pages(limit: int | None) -> list[tuple[str, bytes]]:
    """The benchmark pages, or (where ../shared is absent) the bundled samples."""
    folder = SHARED / "bench" / "extraction" / "html"
    files = sorted(folder.glob("*.html.gz"))[:limit]
    if files:
        return [(path.name, gzip.decompress(path.read_bytes())) for path in files]
    bundled = [ROOT / "tests" / "fixtures" / "article.html", SEED]
    return [(path.name, path.read_bytes()) for path in bundled * 3][:limit]


def bench_throughput(work: Path, repeats: int, limit: int | None) -> list[Row]:
    """Extraction + structure + summary per page, in one process, vs readability alone."""
    from readability import Document

    from inbrief.ingest import RawSource, articles_from_raw
    from inbrief.summarize import summarize

    pages = _pages(limit)

    def readability_alone() -> None:
        for _name, data in pages:
            Document(data.decode("utf-8", "replace")).summary()

    def ours() -> None:
        for name, data in pages:
            for article in articles_from_raw(RawSource(data, name)):
                summarize(article)

    timings: dict[str, list[float]] = {"ours": [], "readability": []}
    for _ in range(repeats):
        for label, function in (("readability", readability_alone), ("ours", ours)):
            started = time.perf_counter()
            function()
            timings[label].append(time.perf_counter() - started)
    ours_s = statistics.median(timings["ours"])
    anchor_s = statistics.median(timings["readability"])
    n = len(pages)
    return [
        Row(
            f"pipeline seconds for {n} pages",
            ours_s,
            anchor_s,
            "s",
            1.5,
            f"{n / ours_s:.1f} pages/s vs readability-lxml alone {n / anchor_s:.1f} pages/s",
        )
    ]


def bench_batch(work: Path, repeats: int, limit: int | None) -> list[Row]:
    """Many sources in one --summary call: process pool on every core vs one process."""
    folder = work / "pages"
    folder.mkdir(exist_ok=True)
    paths = []
    for name, data in _pages(limit):
        path = folder / name.removesuffix(".gz")
        path.write_bytes(data)
        paths.append(str(path))
    base = [_tool("inbrief"), "--summary", "--format", "jsonl"]
    result = median_runs(
        {"pool": [*base, *paths], "single": [*base, "--jobs", "1", *paths]}, repeats
    )
    pool, single = result["pool"][0], result["single"][0]
    return [
        Row(
            f"batch --summary of {len(paths)} pages, pool vs one process",
            pool,
            single,
            "s",
            0.75,
            f"speed-up {single / pool:.2f}x on this machine's cores",
        )
    ]


def bench_reader(work: Path, repeats: int, limit: int | None) -> list[Row]:
    """The TUI in a pty: first paint, article shown (vs MarkdownViewer), keys, memory."""
    from benchmarks.reader_timing import (
        measure_markdown_viewer,
        median_reader,
        page_render_seconds,
    )
    from scripts.make_long_article import article

    words = 5_000 if limit else 50_000
    long_md = work / "long.md"
    long_md.write_text(article(words), encoding="utf-8")
    runs = 1 if limit else 3
    seed = median_reader(str(SEED), runs)
    long = median_reader(str(long_md), runs)
    anchors = [measure_markdown_viewer(str(long_md)) for _ in range(runs)]
    viewer = statistics.median(shown for shown, _page in anchors)
    viewer_page = statistics.median(page for _shown, page in anchors)
    page_work = page_render_seconds(str(long_md))
    frame = 1 / 60
    return [
        Row("reader: start to first paint (seed 000)", seed.first_paint, None, "s", 0.5),
        Row("reader: Enter to article shown (seed 000)", seed.opened, None, "s", None),
        Row(
            f"reader: Enter to {words // 1000}k-word article shown",
            long.opened,
            viewer,
            "s",
            0.15,
            "anchor: Textual MarkdownViewer, key press to document mounted",
        ),
        Row(
            f"reader: page down, {words // 1000}k words (first byte)",
            long.page_down,
            viewer_page,
            "s",
            None,
            "slowest of 15 presses, to the first byte drawn; anchor: MarkdownViewer's PageDown. "
            "Textual draws on a 60 Hz tick, so this includes up to a frame of waiting",
        ),
        Row(
            f"reader: page down, {words // 1000}k words (our work)",
            page_work,
            None,
            "s",
            frame,
            "in-process scroll + render_line for every visible line, slowest of 30 pages",
        ),
        Row(
            "reader: key response while summarizing",
            max(seed.busy_key, long.busy_key),
            None,
            "s",
            None,
            "slowest of 20 presses of j while the summary worker runs",
        ),
        Row(
            f"peak RSS, reader with {words // 1000}k words", long.rss_kib / 1024, None, "MiB", None
        ),
    ]


def bench_library(work: Path, repeats: int, limit: int | None) -> list[Row]:
    """A generated library of 100,000 articles: open the list, search, ingest rate."""
    from benchmarks.library_scale import measure

    count = 2_000 if limit else 100_000
    figures = measure(work, count)
    label = f"{count:,} articles"
    return [
        Row(f"library screen open, {label}", figures["open_screen"], None, "s", 0.05,
            "count + first page of 200, slowest sort order"),
        Row(f"full-text search, {label}, rare word", figures["search_rare"], None, "s", 0.05),
        Row(f"full-text search, {label}, common word", figures["search_common"], None, "s", 0.05,
            "count capped at 1,000 + first page of 200"),
        Row(f"full-text search, {label}, one-letter prefix", figures["search_prefix"], None, "s",
            0.05),
        Row("ingest, one transaction per article", 1 / figures["ingest_per_article"], None,
            "articles/s", None),
    ]  # fmt: skip


SECTIONS: dict[str, Callable[[Path, int, int | None], list[Row]]] = {
    "oneshot": lambda work, repeats, limit: bench_oneshot(work, repeats),
    "throughput": bench_throughput,
    "batch": bench_batch,
    "reader": bench_reader,
    "library": bench_library,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny inputs, one repetition")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--only", help=f"comma-separated sections: {', '.join(SECTIONS)}")
    args = parser.parse_args(argv)
    repeats = 1 if args.quick else args.repeats
    limit = 6 if args.quick else None
    chosen = args.only.split(",") if args.only else list(SECTIONS)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="inbrief-bench-") as tmp:
        for name in chosen:
            rows += SECTIONS[name](Path(tmp), repeats, limit)
            print(f"[{name} done]", file=sys.stderr)
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
