"""The gist benchmark's pages and scoring, shared by the harness and the tuning script.

Pages come from ``shared/bench/summaries`` next to the repository (or next to the folder that
holds a git worktree; override with ``INBRIEF_SHARED=/path/to/shared``): for each page the
publisher's description is the reference, and the input is a plain-text article made of the
title, a blank line and the hand-checked ``articleBody``.
"""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    if "INBRIEF_SHARED" in os.environ:
        return Path(os.environ["INBRIEF_SHARED"])
    near = [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    return next((path for path in near if path.is_dir()), near[0])


BENCH = _shared() / "bench"
METRICS = ("rouge1", "rouge2", "rougeL")


@dataclass(frozen=True, slots=True)
class Page:
    key: str
    title: str
    body: str
    reference: str

    @property
    def text(self) -> str:
        """The benchmark input: title, blank line, body."""
        return f"{self.title}\n\n{self.body}\n"


def repair(text: str) -> str:
    """Undo UTF-8 read as Latin-1 ("Hereâ\x80\x99s"), which some descriptions carry."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def load_pages(bench: Path = BENCH) -> list[Page]:
    """The benchmark pages in a stable order (by key)."""
    descriptions = json.loads((bench / "summaries" / "descriptions.json").read_text("utf-8"))
    truth = json.loads((bench / "extraction" / "ground-truth.json").read_text("utf-8"))
    return [
        Page(
            key,
            repair(entry["title"]).replace("\n", " ").strip(),
            truth[key]["articleBody"],
            repair(entry["description"]),
        )
        for key, entry in sorted(descriptions.items())
        if key in truth
    ]


def write_inputs(pages: list[Page], folder: Path) -> dict[str, Page]:
    """Write each page's input as ``NNN_key.txt``; returns path -> page."""
    paths: dict[str, Page] = {}
    for number, page in enumerate(pages):
        path = folder / f"{number:03d}_{page.key[:16]}.txt"
        path.write_text(page.text, "utf-8")
        paths[str(path)] = page
    return paths


@functools.cache
def _scorer() -> Any:
    """rouge-score's scorer (the ``bench`` extra), imported on first use: the data loaders
    here serve ``benchmarks.summary_outputs`` without it."""
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def rouge(reference: str, prediction: str) -> tuple[float, float, float]:
    """ROUGE-1, ROUGE-2, ROUGE-L F1 (x100), Porter stemming on."""
    scores = _scorer().score(reference, prediction)
    r1, r2, rl = (100 * scores[m].fmeasure for m in METRICS)
    return r1, r2, rl


def mean_rouge(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """Mean ROUGE-1/2/L F1 (x100) over (reference, prediction) pairs."""
    totals = [0.0, 0.0, 0.0]
    for reference, prediction in pairs:
        for i, value in enumerate(rouge(reference, prediction)):
            totals[i] += value
    n = len(pairs) or 1
    return totals[0] / n, totals[1] / n, totals[2] / n
