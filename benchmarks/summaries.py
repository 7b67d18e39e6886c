"""News-summary benchmark: every task, inbrief's default against Lead-k and sumy, in one run.

For each task of :mod:`benchmarks.summary_data` (gist, cnndm, newsroom, bbc) every system
summarizes the same stories to the task's k sentences (``--sentences k``), and a table per task
gives ROUGE-1/2/L F1 x100 (``rouge-score``, Porter stemming). cnndm gets a second table against
its ten annotator references. Summaries are made in-process through the same calls as
``inbrief --summary --sentences k -a NAME FILE``; ``--check-cli`` runs the real command line for
inbrief's default too and stops if any summary differs.

    .venv/bin/python -m benchmarks.summaries
    .venv/bin/python -m benchmarks.summaries --tasks cnndm bbc --limit 30
    .venv/bin/python -m benchmarks.summaries --systems inbrief lead --check-cli
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.gist_data import rouge
from benchmarks.summary_data import TASKS, Story, load_stories, read_article, write_inputs
from inbrief.model import Article
from inbrief.nlp.language import get_language
from inbrief.nlp.tokens import sentence_splitter
from inbrief.summarize import SummaryOptions, summarize

SYSTEMS = ("inbrief", "lead-k", "lead", "lexrank", "textrank", "luhn")
#: ``lead-k`` is the README's anchor: the first k sentences of the text (Punkt, paragraph by
#: paragraph); ``lead`` is ``inbrief -a lead``, the first k *candidate* sentences (no caption,
#: no sentence under four words).
LABELS = {"inbrief": "inbrief default", "lead-k": "Lead-k", "lead": "inbrief -a lead",
          "lexrank": "sumy LexRank",
          "textrank": "sumy TextRank", "luhn": "sumy Luhn", "lsa": "sumy LSA"}  # fmt: skip
Scores = tuple[float, float, float]


def lead_k(story: Story) -> str:
    """The first k sentences of the story's text, split paragraph by paragraph."""
    split = sentence_splitter(get_language("en"))
    sentences = [s for paragraph in story.text.split("\n\n") for s in split(paragraph)]
    return " ".join(sentences[: story.k])


def summary_text(article: Article | None, algorithm: str, k: int) -> str:
    """The k-sentence summary as one string ("" when the input holds no article)."""
    if article is None:
        return ""
    summary = summarize(article, SummaryOptions(algorithm, k))
    return " ".join(takeaway.text for takeaway in summary.takeaways)


def cli_texts(algorithm: str, paths: Sequence[Path], ks: Sequence[int]) -> list[str]:
    """The real command line's summaries: one process per distinct k, all its inputs at once."""
    texts = [""] * len(paths)
    for k in sorted(set(ks)):
        batch = [i for i, kk in enumerate(ks) if kk == k]
        command = [sys.executable, "-m", "inbrief", "--summary", "--format", "jsonl", "-j", "1"]
        command += ["--sentences", str(k), "--algorithm", algorithm]
        command += [str(paths[i]) for i in batch]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        by_source = {}
        for line in done.stdout.splitlines():
            record = json.loads(line)
            by_source[record["source"]] = " ".join(s["text"] for s in record.get("sentences", []))
        for i in batch:
            texts[i] = by_source.get(str(paths[i]), "")
    return texts


def mean(rows: Sequence[Scores]) -> Scores:
    n = len(rows) or 1
    return (sum(r[0] for r in rows) / n, sum(r[1] for r in rows) / n, sum(r[2] for r in rows) / n)


def annotator_scores(story: Story, text: str) -> Scores:
    """The mean F1 against the annotator references (cnndm's ``references[1:]``)."""
    return mean([rouge(reference, text) for reference in story.references[1:]])


def run(tasks: Sequence[str], systems: Sequence[str], limit: int | None, check_cli: bool) -> None:
    stories = load_stories(tuple(tasks), limit)
    with tempfile.TemporaryDirectory() as folder:
        paths = write_inputs(stories, Path(folder))
        articles = [read_article(path) for path in paths]
        texts: dict[str, list[str]] = {}
        seconds: dict[str, float] = {}
        for system in systems:
            started = time.perf_counter()
            texts[system] = [
                lead_k(s) if system == "lead-k" else summary_text(a, system, s.k)
                for a, s in zip(articles, stories, strict=True)
            ]
            seconds[system] = time.perf_counter() - started
        if check_cli and "inbrief" in systems:
            printed = cli_texts("inbrief", paths, [s.k for s in stories])
            differ = [i for i, text in enumerate(printed) if text != texts["inbrief"][i]]
            if differ:
                raise SystemExit(f"--check-cli: {len(differ)} summaries differ, e.g. #{differ[0]}")
            print(f"--check-cli: the command line printed the same {len(printed)} summaries")
    tables = [(task, task) for task in tasks]
    if "cnndm" in tasks:
        tables.insert(tasks.index("cnndm") + 1, ("cnndm", "cnndm-annotators"))
    for task, table in tables:
        members = [i for i, story in enumerate(stories) if story.task == task]
        how = "k = reference sentences" if task == "bbc" else f"k = {stories[members[0]].k}"
        against = "ten annotator references (mean F1)" if table.endswith("annotators") else ""
        print(f"\n{table}: {len(members)} stories, {how} {against}".rstrip())
        print("| system | R-1 | R-2 | R-L | seconds |")
        print("|---|---|---|---|---|")
        for system in systems:
            score = annotator_scores if table.endswith("annotators") else _first_reference
            r1, r2, rl = mean([score(stories[i], texts[system][i]) for i in members])
            share = seconds[system] * len(members) / len(stories)
            label = LABELS.get(system, system)
            print(f"| {label} | {r1:.1f} | {r2:.1f} | {rl:.1f} | {share:.1f} |", flush=True)


def _first_reference(story: Story, text: str) -> Scores:
    return rouge(story.references[0], text)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.summaries")
    parser.add_argument("--tasks", nargs="+", choices=TASKS, default=list(TASKS))
    parser.add_argument("--systems", nargs="+", default=list(SYSTEMS))
    parser.add_argument("--limit", type=int, help="the first N stories of each task only")
    parser.add_argument(
        "--check-cli", action="store_true", help="also run the real CLI for inbrief and compare"
    )
    args = parser.parse_args(argv)
    run(args.tasks, args.systems, args.limit, args.check_cli)


if __name__ == "__main__":
    main()
