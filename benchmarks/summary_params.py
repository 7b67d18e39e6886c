"""Check the brief takeaways' hand-chosen score parameters on held-out cnndm stories.

``default.TAKEAWAY_PARAMS`` (position weight 3, long-word limit 30) was chosen by looking at
the cnndm dev stories, the only task whose summaries are brief with takeaways after the two
opening picks (k = 3; gist and newsroom ask for 2 and 1 sentences, bbc's are condensed but
for 18 short or long stories). ``benchmarks.summary_train`` repeats the choice inside its
leave-one-task-out and 2-fold rows for every task at once. This
script prints every grid point's figures, then repeats a 2-fold selection: choose the grid
point with the best ROUGE-1 on one half of the stories, score the other half with it, both
ways round, over several seeds. The mean held-out figure is what the choice is worth.

    .venv/bin/python -m benchmarks.summary_params
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence

import numpy as np

from benchmarks.gist_data import rouge
from benchmarks.summary_data import load_stories
from benchmarks.summary_train import GRID, Point, Prepared, prepare, takeaway_params
from inbrief.summarize import default


def figures(data: Sequence[Prepared], point: Point) -> np.ndarray:
    """ROUGE-1/2/L of every story's k-sentence summary with the grid point as takeaway score."""
    with takeaway_params(point):
        rows = []
        for item in data:
            evidence, k = item.evidence, item.story.k
            none = [0.0] * len(item.units)
            takeaway = default.takeaway_scores(evidence, none, k)
            chosen = default.choose(evidence, default.opening_scores(evidence), takeaway, k)
            text = " ".join(item.units[i].text for i in sorted(chosen))
            rows.append(rouge(item.story.references[0], text))
        return np.array(rows)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.summary_params")
    parser.add_argument("--seeds", type=int, default=10, help="repeats of the 2-fold split")
    args = parser.parse_args(argv)
    data = [d for d in prepare(load_stories(("cnndm",))) if d.units]
    values = {}
    print("| position weight | long words | cnndm R-1/R-2/R-L |\n|---|---|---|")
    for weight, long_words in GRID:
        values[weight, long_words] = figures(data, (weight, long_words))
        r1, r2, rl = values[weight, long_words].mean(axis=0)
        print(f"| {weight} | {long_words} | {r1:.1f}/{r2:.1f}/{rl:.1f} |", flush=True)
    held = []
    for seed in range(args.seeds):
        order = list(range(len(data)))
        random.Random(seed).shuffle(order)
        halves = (order[: len(order) // 2], order[len(order) // 2 :])
        result = np.zeros((len(data), 3))
        for train, test in (halves, halves[::-1]):
            best = max(GRID, key=lambda point: float(values[point][train, 0].mean()))
            result[test] = values[best][test]
        held.append(result.mean(axis=0))
    r1, r2, rl = np.mean(held, axis=0)
    print(f"\n2-fold selection, {args.seeds} seeds, held-out halves: {r1:.2f}/{r2:.2f}/{rl:.2f}")


if __name__ == "__main__":
    main()
