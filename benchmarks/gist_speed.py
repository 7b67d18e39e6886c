"""Speed of the default summarizer after imports: a 10,000-word and a 100,000-word text.

The texts are the gist benchmark's article bodies joined into one plain-text article (cycled
to reach the length, so the long one repeats every article about twice: many near-duplicate
sentences and common terms, a hard case for similarity). Timed from the cleaned article to
the summary, imports and the Punkt model load excluded; median of several runs.

    .venv/bin/python -m benchmarks.gist_speed
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from benchmarks.gist_data import load_pages
from inbrief.extract.plaintext import article_from_text
from inbrief.model import Article
from inbrief.nlp.language import get_language
from inbrief.summarize import summarize
from inbrief.summarize.centrality import gather
from inbrief.summarize.units import sentence_units, title_terms


def long_text(words: int) -> Article:
    """A plain-text article of about ``words`` words made of the benchmark bodies."""
    bodies = [page.body for page in load_pages()]
    parts: list[str] = []
    total = 0
    while total < words:
        for body in bodies:
            parts.append(body)
            total += len(body.split())
            if total >= words:
                break
    return article_from_text("A long read\n\n" + "\n\n".join(parts))


def timed(function: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU time in milliseconds of ``runs`` calls.

    CPU time is shown too because a shared machine's load inflates wall time.
    """
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return 1000 * statistics.median(wall), 1000 * statistics.median(cpu)


def main() -> None:
    english = get_language("en")
    print("Milliseconds, median wall / CPU time; splitting+stemming and evidence are parts of it")
    print("| words | sentences | summarize | splitting+stemming | evidence |")
    print("|---|---|---|---|---|")
    for target, runs in ((10_000, 21), (100_000, 5)):
        article = long_text(target)
        summary = summarize(article)  # warm: Punkt model, stemmer caches
        units = sentence_units(article, english)
        total = timed(lambda a=article: summarize(a), runs)
        split = timed(lambda a=article: sentence_units(a, english), runs)
        title = title_terms(article, english)
        evidence = timed(lambda u=units, t=title: gather(u, t), runs)
        assert summary.takeaways
        cells = " | ".join(f"{wall:.0f} / {cpu:.0f}" for wall, cpu in (total, split, evidence))
        print(f"| {article.word_count:,} | {len(units):,} | {cells} |")


if __name__ == "__main__":
    main()
