"""Check the brief summaries' lead margin on held-out stories, over many 2-fold splits.

``default.LEAD_MARGIN`` says how much a brief summary's picks must beat the article's
opening sentences by (a share of the lead's total gist score) before they replace them. It
is fitted by ``benchmarks.summary_train`` on summaries of at least three sentences of every
dev story (:func:`benchmarks.summary_train.margin_figures`), each task weighing the same. This
script prints every margin's figures per task, then repeats a 2-fold selection: fit the
margin on one half of every task's stories, score the other half with it, both ways round,
over several seeds. The mean held-out figure is what the fitted margin is worth; only cnndm
(k = 3) and bbc's brief stories are scored at their own k here.

    .venv/bin/python -m benchmarks.summary_params
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence

import numpy as np

from benchmarks.summary_data import TASKS, load_stories
from benchmarks.summary_train import MARGINS, chosen_margin, margin_figures, prepare


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.summary_params")
    parser.add_argument("--seeds", type=int, default=10, help="repeats of the 2-fold split")
    args = parser.parse_args(argv)
    data = prepare(load_stories())
    values = margin_figures(data)
    members = {task: [i for i, d in enumerate(data) if d.story.task == task] for task in TASKS}
    print("| margin | " + " | ".join(f"{task} R-1/R-2/R-L" for task in TASKS) + " |")
    print("|---|" + "---|" * len(TASKS))
    for margin in MARGINS:
        cells = ["/".join(f"{v:.2f}" for v in np.nanmean(values[margin][rows], axis=0))
                 for rows in members.values()]  # fmt: skip
        print(f"| {margin} | " + " | ".join(cells) + " |", flush=True)
    held = []
    fitted = []
    for seed in range(args.seeds):
        half: set[int] = set()
        for rows in members.values():
            order = list(rows)
            random.Random(seed).shuffle(order)
            half |= set(order[: len(order) // 2])
        other = set(range(len(data))) - half
        result = np.zeros((len(data), 3))
        for train, test in ((half, other), (other, half)):
            margin = chosen_margin(data, values, sorted(train))
            fitted.append(margin)
            rows = sorted(test)
            result[rows] = values[margin][rows]
        held.append(np.nanmean(result[members["cnndm"]], axis=0))
    r1, r2, rl = np.mean(held, axis=0)
    print(f"\nMargins fitted on the training halves: {', '.join(map(str, fitted))}")
    print(
        f"2-fold selection, {args.seeds} seeds, cnndm held-out halves: {r1:.2f}/{r2:.2f}/{rl:.2f}"
    )


if __name__ == "__main__":
    main()
