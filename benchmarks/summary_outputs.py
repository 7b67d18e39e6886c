"""Every output of the summarizers on the benchmark inputs, as one JSON file to diff two trees.

A speed change to the summarizer must leave every summary byte for byte as it was. This
writes, for each input, the candidate sentences (a digest of their text, place, words and
terms) and the whole summary (takeaways, gist, section gists) of inbrief's default at the
task's k, at 1, 3 and 5 sentences, at 40% and at its own length, of ``-a lead`` and, with
``--sumy``, of sumy's LexRank, TextRank and Luhn. The inputs are read the way
``inbrief --summary FILE`` reads them:

- the news-summary stories of :mod:`benchmarks.summary_data` (all four tasks);
- the extraction benchmark's pages (articles with headings, so section gists matter;
  ``--pages N`` of each set, spread over it);
- the samples in ``shared/samples`` and ``tests/fixtures`` (and what
  ``inbrief --summary --format json`` prints for them);
- :mod:`benchmarks.gist_speed`'s 10,000- and 100,000-word texts.

    .venv/bin/python -m benchmarks.summary_outputs /tmp/main.json --sumy
    cd ../other && .venv/bin/python -m benchmarks.summary_outputs /tmp/other.json --sumy
    cmp /tmp/main.json /tmp/other.json
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.gist_data import BENCH
from benchmarks.gist_speed import long_text
from benchmarks.summary_data import load_stories, read_article, write_inputs
from inbrief.model import Article, Summary, Takeaway
from inbrief.nlp.language import resolve_language
from inbrief.summarize import SummaryOptions, summarize
from inbrief.summarize.units import sentence_units

ROOT = Path(__file__).resolve().parent.parent
PAGE_SETS = ("extraction", "extraction-more")
SAMPLES = (BENCH.parent / "samples", ROOT / "tests" / "fixtures")
LONG_WORDS = (10_000, 100_000)


def _takeaway(takeaway: Takeaway) -> list[Any]:
    t = takeaway
    return [t.text, t.section, t.block, t.index, t.item, t.start, t.end]


def summary_record(summary: Summary) -> dict[str, Any]:
    return {
        "algorithm": summary.algorithm,
        "language": summary.language,
        "takeaways": [_takeaway(t) for t in summary.takeaways],
        "gist": [_takeaway(t) for t in summary.gist],
        "section_gists": {str(s): _takeaway(t) for s, t in summary.section_gists.items()},
    }


def units_digest(article: Article) -> str:
    """A digest of the article's candidate sentences, every field of every unit."""
    language, _ = resolve_language(article.language)
    units = sentence_units(article, language)
    return hashlib.sha256(repr(units).encode()).hexdigest()


def article_record(article: Article | None, k: int | None, sumy: bool) -> dict[str, Any]:
    if article is None:
        return {"article": None}
    runs: list[tuple[str, int | None]] = [("inbrief", None), ("lead", None)]
    if k is not None:
        runs += [("inbrief", k), ("lead", k)]
    for n in (1, 3, 5):
        runs.append(("inbrief", n))
    if sumy:
        runs += [(name, k or 3) for name in ("lexrank", "textrank", "luhn")]
    record: dict[str, Any] = {"units": units_digest(article)}
    for algorithm, n in dict.fromkeys(runs):
        summary = summarize(article, SummaryOptions(algorithm, n))
        record[f"{algorithm} -n {n}"] = summary_record(summary)
    record["inbrief -r 0.4"] = summary_record(summarize(article, SummaryOptions(ratio=0.4)))
    return record


def page_paths(folder: Path, pages: int) -> list[Path]:
    """Up to ``pages`` HTML pages of each extraction set, spread over it, written out."""
    paths = []
    for name in PAGE_SETS:
        found = sorted((BENCH / name / "html").glob("*.html.gz"))
        step = max(1, len(found) // pages) if pages else len(found) + 1
        for source in found[::step][:pages]:
            path = folder / f"{name}-{source.name.removesuffix('.gz')}"
            path.write_bytes(gzip.decompress(source.read_bytes()))
            paths.append(path)
    return paths


def sample_paths() -> list[Path]:
    found = (path for folder in SAMPLES if folder.is_dir() for path in folder.iterdir())
    return sorted(path for path in found if path.is_file())


def cli_json(path: Path) -> str:
    """What ``inbrief --summary --format json FILE`` prints."""
    command = [sys.executable, "-m", "inbrief", "--summary", "--format", "json", str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout


def outputs(
    limit: int | None, pages: int, sumy: bool, long_words: Sequence[int] = LONG_WORDS
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    stories = load_stories(limit=limit)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for story, path in zip(stories, write_inputs(stories, folder), strict=True):
            record = article_record(read_article(path), story.k, sumy)
            result[f"{story.task}/{story.key}"] = record
        for path in page_paths(folder, pages) + sample_paths():
            key = path.name if path.parent == folder else str(path.relative_to(path.parents[1]))
            result[key] = article_record(read_article(path), None, sumy)
        for path in sample_paths():
            result[f"cli {path.name}"] = cli_json(path)
    for words in long_words:  # benchmarks.gist_speed's texts
        result[f"long {words}"] = article_record(long_text(words), None, sumy=False)
    return result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.summary_outputs")
    parser.add_argument("output", type=Path, help="JSON file to write")
    parser.add_argument("--limit", type=int, help="the first N stories of each task only")
    parser.add_argument("--pages", type=int, default=150, help="extraction pages per set")
    parser.add_argument("--sumy", action="store_true", help="also sumy LexRank/TextRank/Luhn")
    parser.add_argument(
        "--long", type=int, nargs="*", default=list(LONG_WORDS), help="gist_speed text sizes"
    )
    args = parser.parse_args(argv)
    result = outputs(args.limit, args.pages, args.sumy, args.long)
    text = json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True)
    args.output.write_text(text + "\n", "utf-8")
    print(f"{len(result)} inputs -> {args.output}")


if __name__ == "__main__":
    main()
