"""Train the default summarizer's sentence scorer, validate it, and write ``scorer.json``.

The data are the four dev tasks of :mod:`benchmarks.summary_data`, read exactly as the
command line reads them. For every story, each candidate sentence gets the features of
:mod:`inbrief.summarize.features` and a label: whether the greedy ROUGE oracle (up to k
sentences, each adding the most ROUGE-1 + ROUGE-2 F1 against the reference) picks it. A
logistic regression (L2, Newton's method, numpy only) is fitted with each task weighing the
same in total and each story the same within its task. The features include the share of
the article the story's k keeps (k / sentences) and its products with position, length and
centrality. Its expected count of picks is the summary's length when the user gives neither
``-n`` nor ``-r``. (Until the PageRank took over, its probability also chose the takeaways
of a *condensed* summary, one keeping at least ``default.CONDENSED`` of the sentences;
``--compare-learned`` still scores that way, for comparison.)

Validation, printed before anything is written:

- leave-one-task-out: fit on three tasks, summarize the fourth with k sentences;
- repeated 2-fold inside each task: split every task's stories in two halves (seeded), fit on
  one half of all tasks, score the other half; both ways round, for several seeds;
- in both, the brief summaries' lead margin (``default.LEAD_MARGIN``, fitted among
  :data:`MARGINS`) is fitted again on the training stories alone (:func:`chosen_margin`), so
  that the cnndm figures count that choice as fitted too; with k sentences the margin is
  the one fitted choice (the scorer sets only the default length);
- in-sample (fit on everything), for comparison only;
- the brief rule everywhere (no summary counts as condensed).

    .venv/bin/python -m benchmarks.summary_train            # validate, then write the model
    .venv/bin/python -m benchmarks.summary_train --dry-run  # validate only
    .venv/bin/python -m benchmarks.summary_train --dry-run --compare-learned
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from rouge_score import tokenizers

from benchmarks.gist_data import rouge
from benchmarks.summary_data import TASKS, Story, load_stories, read_article, write_inputs
from inbrief.nlp.language import resolve_language
from inbrief.summarize import default
from inbrief.summarize.centrality import Evidence, gather
from inbrief.summarize.features import FEATURES, article_rows, feature_rows
from inbrief.summarize.learned import MODEL_FILE, Scorer
from inbrief.summarize.registry import learned_length
from inbrief.summarize.units import Unit, sentence_units, title_terms

Matrix = npt.NDArray[np.float64]
MODEL_PATH = Path(default.__file__).parent / MODEL_FILE
_TOKENS = tokenizers.DefaultTokenizer(use_stemmer=True)
#: L2 penalty on the standardised weights.
PENALTY = 1.0
#: The lead margins ``default.LEAD_MARGIN`` is fitted among (a share of the lead's total
#: score; ``inf``: always the lead).
MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, float("inf"))
#: The margin is fitted on summaries of this many sentences of every story (of more when the
#: task asks for more): the length the lead rule starts at.
MARGIN_K = default.OPENING + 1


@dataclass
class Prepared:
    story: Story
    units: list[Unit]
    evidence: Evidence
    rows: Matrix
    labels: Matrix


def _ngrams(tokens: Sequence[str], n: int) -> dict[tuple[str, ...], int]:
    counts: dict[tuple[str, ...], int] = {}
    for i in range(len(tokens) - n + 1):
        key = tuple(tokens[i : i + n])
        counts[key] = counts.get(key, 0) + 1
    return counts


def _f1(candidate: dict[tuple[str, ...], int], reference: dict[tuple[str, ...], int]) -> float:
    overlap = sum(min(c, reference.get(g, 0)) for g, c in candidate.items())
    total_c, total_r = sum(candidate.values()), sum(reference.values())
    if not overlap:
        return 0.0
    precision, recall = overlap / total_c, overlap / total_r
    return 2 * precision * recall / (precision + recall)


def oracle(units: Sequence[Unit], reference: str, k: int) -> list[int]:
    """Greedy extractive oracle: up to k units, each maximising ROUGE-1 + ROUGE-2 F1."""
    ref_tokens = _TOKENS.tokenize(reference)
    refs = (_ngrams(ref_tokens, 1), _ngrams(ref_tokens, 2))
    unit_tokens = [_TOKENS.tokenize(unit.text) for unit in units]
    chosen: list[int] = []
    best = 0.0
    for _ in range(k):
        pick, pick_score = -1, best
        for i in range(len(units)):
            if i in chosen:
                continue
            tokens = [t for j in sorted([*chosen, i]) for t in unit_tokens[j]]
            score = _f1(_ngrams(tokens, 1), refs[0]) + _f1(_ngrams(tokens, 2), refs[1])
            if score > pick_score:
                pick, pick_score = i, score
        if pick < 0:
            break
        chosen.append(pick)
        best = pick_score
    return chosen


def prepare(stories: list[Story]) -> list[Prepared]:
    prepared = []
    with tempfile.TemporaryDirectory() as folder:
        paths = write_inputs(stories, Path(folder))
        for story, path in zip(stories, paths, strict=True):
            article = read_article(path)
            units: list[Unit] = []
            if article is not None:
                language, _ = resolve_language(article.language, None)
                units = sentence_units(article, language)
                evidence = gather(units, title_terms(article, language), language.code)
            else:
                evidence = gather([], ())
            labels = np.zeros(len(units))
            labels[oracle(units, story.references[0], story.k)] = 1.0
            rows = _rows(units, evidence, story.k)
            prepared.append(Prepared(story, units, evidence, rows, labels))
    return prepared


def _rows(units: Sequence[Unit], evidence: Evidence, count: int) -> Matrix:
    return np.array(feature_rows(units, evidence, count)).reshape(len(units), len(FEATURES))


def fit(data: Sequence[Prepared], penalty: float = PENALTY) -> Scorer:
    """Weighted L2 logistic regression by Newton's method; each task weighs the same."""
    per_task: dict[str, int] = {}
    for item in data:
        per_task[item.story.task] = per_task.get(item.story.task, 0) + 1
    rows = np.vstack([item.rows for item in data if len(item.units)])
    labels = np.concatenate([item.labels for item in data if len(item.units)])
    weights = np.concatenate(
        [np.full(len(item.units), 1.0 / per_task[item.story.task]) for item in data if item.units]
    )
    weights *= len(weights) / weights.sum()
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale == 0] = 1.0
    x = np.hstack([(rows - mean) / scale, np.ones((len(rows), 1))])
    beta = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], penalty)
    ridge[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        gradient = x.T @ (weights * (p - labels)) + ridge * beta
        hessian = (x * (weights * p * (1 - p))[:, None]).T @ x + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return Scorer(
        FEATURES,
        tuple(map(float, mean)),
        tuple(map(float, scale)),
        tuple(map(float, beta[:-1])),
        float(beta[-1]),
    )


def _length(item: Prepared, scorer: Scorer) -> int:
    """The default length (no ``-n``/``-r``) of the story's summary under ``scorer``."""
    return learned_length(article_rows(item.units, item.evidence), scorer)


def summary(item: Prepared, scorer: Scorer, own_length: bool = False, learned: bool = False) -> str:
    """The default summarizer's text for a story: k sentences, or with ``own_length`` as many
    as :func:`~inbrief.summarize.registry.learned_length` says under ``scorer``. With
    ``learned``, a condensed summary's takeaways are chosen by ``scorer``'s probability (as
    before the PageRank took over; for comparison)."""
    if not item.units:
        return ""
    count = _length(item, scorer) if own_length else item.story.k
    opening = default.opening_scores(item.evidence)
    takeaway = default.takeaway_scores(item.evidence, count)
    if learned and default.is_condensed(item.evidence, count):
        rows = item.rows if count == item.story.k else _rows(item.units, item.evidence, count)
        probabilities = scorer.probabilities(rows)
        top = max(probabilities, default=0.0) or 1.0
        takeaway = [p / top for p in probabilities]
    chosen = default.choose(item.evidence, opening, takeaway, count)
    return " ".join(item.units[i].text for i in sorted(chosen))


def scores(
    data: Sequence[Prepared], scorer: Scorer, own_length: bool = False, learned: bool = False
) -> Matrix:
    """ROUGE-1/2/L F1 x100 of every story against its first reference (see :func:`summary`)."""
    return np.array(
        [rouge(d.story.references[0], summary(d, scorer, own_length, learned)) for d in data]
    )


def brief_everywhere(data: Sequence[Prepared], scorer: Scorer) -> Matrix:
    """:func:`scores` with no summary condensed: the hand-tuned takeaway score throughout."""
    saved = default.CONDENSED
    default.CONDENSED = float("inf")
    try:
        return scores(data, scorer)
    finally:
        default.CONDENSED = saved


def by_task(data: Sequence[Prepared], values: Matrix) -> dict[str, Matrix]:
    return {
        task: values[[i for i, d in enumerate(data) if d.story.task == task]].mean(axis=0)
        for task in TASKS
        if any(d.story.task == task for d in data)
    }


def margin_k(item: Prepared) -> int:
    """The summary length :func:`margin_figures` uses for the story: its task's k, at least
    :data:`MARGIN_K`."""
    return max(item.story.k, MARGIN_K)


def decided_by_margin(item: Prepared) -> bool:
    """Whether ``default.LEAD_MARGIN`` may change the story's :func:`margin_k`-sentence
    summary: a brief one of more than the opening picks, in an article without headings."""
    evidence, k = item.evidence, margin_k(item)
    return (
        len(item.units) > k
        and len(set(evidence.sections)) < 2
        and not default.is_condensed(evidence, k)
    )


@contextmanager
def lead_margin(margin: float) -> Iterator[None]:
    """``default.LEAD_MARGIN`` set to ``margin``."""
    saved = default.LEAD_MARGIN
    default.LEAD_MARGIN = margin
    try:
        yield
    finally:
        default.LEAD_MARGIN = saved


def margin_figures(data: Sequence[Prepared]) -> dict[float, Matrix]:
    """ROUGE-1/2/L of every story's :func:`margin_k`-sentence summary at every margin (NaN for
    a story the margin does not decide). Such summaries are brief: the scorer plays no part.

    The gist pages and newsroom ask for fewer sentences than the rule starts at; their
    three-sentence summaries still say which opening sentences carry the reference, so every
    task has a say in the margin, each weighing the same (:func:`chosen_margin`)."""
    unused = Scorer(
        FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), (0.0,) * len(FEATURES), 0.0
    )
    decided = [i for i, item in enumerate(data) if decided_by_margin(item)]
    at_k = [_at_length(data[i], margin_k(data[i])) for i in decided]
    values = {}
    for margin in MARGINS:
        table = np.full((len(data), 3), np.nan)
        with lead_margin(margin):
            table[decided] = scores(at_k, unused)
        values[margin] = table
    return values


def _at_length(item: Prepared, k: int) -> Prepared:
    story = dataclasses.replace(item.story, k=k)
    return Prepared(story, item.units, item.evidence, item.rows, item.labels)


def chosen_margin(
    data: Sequence[Prepared], values: dict[float, Matrix], train: Sequence[int]
) -> float:
    """The margin with the best ROUGE-1 over the training stories it decides, each task's
    mean weighing the same (the shipped one when it decides none of them); ties go to the
    larger margin (the plain lead where unsure)."""
    rows = [i for i in train if not np.isnan(values[MARGINS[0]][i, 0])]
    if not rows:
        return default.LEAD_MARGIN
    tasks = sorted({data[i].story.task for i in rows})

    def figure(margin: float) -> float:
        return float(
            np.mean(
                [
                    values[margin][[i for i in rows if data[i].story.task == t], 0].mean()
                    for t in tasks
                ]
            )
        )

    return max(reversed(MARGINS), key=figure)


def leave_one_task_out(
    data: Sequence[Prepared], values: dict[float, Matrix], learned: bool = False
) -> tuple[dict[str, Matrix], dict[str, float]]:
    """Held-out figures per task, and the lead margin fitted without the task."""
    result, margins = {}, {}
    for task in TASKS:
        train = [i for i, d in enumerate(data) if d.story.task != task]
        scorer = fit([data[i] for i in train])
        held = [d for d in data if d.story.task == task]
        margins[task] = chosen_margin(data, values, train)
        with lead_margin(margins[task]):
            result[task] = scores(held, scorer, learned=learned).mean(axis=0)
    return result, margins


def two_fold(
    data: Sequence[Prepared],
    seeds: Sequence[int],
    values: dict[float, Matrix],
    learned: bool = False,
) -> tuple[dict[str, Matrix], list[float]]:
    """Mean held-out figures over ``seeds`` random halvings of every task, both ways round
    (the scorer and the lead margin fitted on the training half), and the margins fitted."""
    held_out = np.zeros((len(seeds), len(data), 3))
    margins: list[float] = []
    for s, seed in enumerate(seeds):
        halves: list[int] = []
        for task in TASKS:
            members = [i for i, d in enumerate(data) if d.story.task == task]
            random.Random(seed).shuffle(members)
            halves += [i for i in members[: len(members) // 2]]
        first = set(halves)
        for train, test in ((first, set(range(len(data))) - first),) * 1 + (
            (set(range(len(data))) - first, first),
        ):
            scorer = fit([data[i] for i in sorted(train)])
            held = sorted(test)
            margins.append(chosen_margin(data, values, sorted(train)))
            with lead_margin(margins[-1]):
                held_out[s, held] = scores([data[i] for i in held], scorer, learned=learned)
    return by_task(data, held_out.mean(axis=0)), margins


def length_report(data: Sequence[Prepared], scorer: Scorer) -> None:
    """How the default length compares with k on the tasks whose k is a takeaway count."""
    print("\nDefault length (no -n/-r) against the task's k:")
    for task in ("cnndm", "bbc"):
        items = [d for d in data if d.story.task == task and d.units]
        counts = np.array([_length(d, scorer) for d in items])
        ks = np.array([d.story.k for d in items])
        print(
            f"  {task}: k {ks.mean():.1f} on average, default length {counts.mean():.1f}, "
            f"mean |log(length / k)| {np.abs(np.log(counts / ks)).mean():.2f}"
        )


def print_table(title: str, rows: dict[str, dict[str, Matrix]]) -> None:
    print(f"\n{title}")
    print("| fit | " + " | ".join(f"{task} R-1/R-2/R-L" for task in TASKS) + " |")
    print("|---|" + "---|" * len(TASKS))
    for name, figures in rows.items():
        cells = [
            "/".join(f"{v:.1f}" for v in figures[task]) if task in figures else "-"
            for task in TASKS
        ]
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.summary_train")
    parser.add_argument("--dry-run", action="store_true", help="validate, write nothing")
    parser.add_argument("--seeds", type=int, default=3, help="repeats of the 2-fold split")
    parser.add_argument(
        "--compare-learned",
        action="store_true",
        help="also score condensed summaries chosen by the scorer, as before the PageRank",
    )
    args = parser.parse_args(argv)
    data = prepare(load_stories())
    print(f"{len(data)} stories, {sum(len(d.units) for d in data)} sentences, "
          f"{int(sum(d.labels.sum() for d in data))} oracle picks")  # fmt: skip
    scorer = fit(data)
    values = margin_figures(data)
    margin = chosen_margin(data, values, range(len(data)))
    print("\nLead margin: ROUGE-1 of summaries of at least "
          f"{MARGIN_K} sentences, stories it decides (in-sample, fitted {margin}):")  # fmt: skip
    members = {task: [i for i, d in enumerate(data) if d.story.task == task] for task in TASKS}
    for m in MARGINS:
        cells = (f"{task} {np.nanmean(values[m][rows, 0]):.2f}" for task, rows in members.items())
        print(f"  {m}: " + ", ".join(cells))
    held_out, margins = leave_one_task_out(data, values)
    halves, fold_margins = two_fold(data, range(args.seeds), values)
    with lead_margin(margin):
        figures = {
            "brief rule everywhere (nothing condensed)": by_task(
                data, brief_everywhere(data, scorer)
            ),
            "in-sample (margin fitted on all four tasks)": by_task(data, scores(data, scorer)),
        }
    figures["leave-one-task-out (margin fitted on the other three)"] = held_out
    figures[f"2-fold inside each task, {args.seeds} seeds"] = halves
    if args.compare_learned:
        with lead_margin(margin):
            figures["condensed by the scorer instead: in-sample"] = by_task(
                data, scores(data, scorer, learned=True)
            )
        figures["condensed by the scorer: leave-one-task-out"] = leave_one_task_out(
            data, values, learned=True
        )[0]
        figures[f"condensed by the scorer: 2-fold, {args.seeds} seeds"] = two_fold(
            data, range(args.seeds), values, learned=True
        )[0]
    title = f"Default summarizer, condensed from {default.CONDENSED:.2f}, k sentences per task"
    print_table(title, figures)
    print(
        "\nLead margin fitted without the task: "
        + ", ".join(f"{task} {m}" for task, m in margins.items())
        + "; on each 2-fold training half: "
        + ", ".join(map(str, fold_margins))
    )
    if margin != default.LEAD_MARGIN:
        print(f"\nNOTE: the fitted lead margin {margin} differs from the shipped "
              f"default.LEAD_MARGIN {default.LEAD_MARGIN}")  # fmt: skip
    length_report(data, scorer)
    print_table(
        "Default length, in-sample", {"own length": by_task(data, scores(data, scorer, True))}
    )
    print("\nweights (standardised features):")
    for name, weight in sorted(
        zip(FEATURES, scorer.weights, strict=True), key=lambda p: -abs(p[1])
    ):
        print(f"  {name:28s} {weight:+.3f}")
    if not args.dry_run:
        MODEL_PATH.write_text(json.dumps(scorer.to_json(), indent=1) + "\n", "utf-8")
        print(f"\nwrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
