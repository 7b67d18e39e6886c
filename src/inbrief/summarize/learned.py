"""The learned sentence scorer: logistic regression over :mod:`inbrief.summarize.features`.

The weights live in ``scorer.json`` next to this module, written by
``benchmarks/summary_train.py`` (which says how they were fitted and prints the validation
figures). Loading is one small JSON read, cached; scoring is a dot product per sentence in
plain Python. A sentence's score is the model's probability that a person would put it in the
summary; the sum of an article's probabilities says how many sentences a summary of it should
keep (:func:`expected_count`), which is what the default summarizer uses it for (the
sentences themselves are chosen by :mod:`inbrief.summarize.default`'s scores).
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from inbrief.summarize.features import (
    ARTICLE_FEATURES,
    BY_FRACTION,
    FEATURES,
    kept_fraction,
    log_of_fraction,
)

MODEL_FILE = "scorer.json"
#: The fewest and the most takeaways the default length gives.
LENGTH_BOUNDS = (3, 10)


@dataclass(frozen=True, slots=True)
class Scorer:
    """Standardisation, weights and bias of a logistic model over :data:`FEATURES`."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def _folded(self) -> tuple[list[float], float]:
        """The standardisation folded into the weights: w·(x - m)/s = (w/s)·x - Σ w·m/s."""
        slopes = [w / s for w, s in zip(self.weights, self.scale, strict=True)]
        offset = self.bias - sum(k * m for k, m in zip(slopes, self.mean, strict=True))
        return slopes, offset

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """P(in summary) for each row of :func:`~inbrief.summarize.features.feature_rows`."""
        slopes, offset = self._folded()
        return [_logistic(offset + sum(map(operator.mul, slopes, row))) for row in rows]

    def at_length(self, rows: Sequence[Sequence[float]]) -> Callable[[int], list[float]]:
        """``count -> probabilities(with_fraction(rows, count))`` for an article's
        :func:`~inbrief.summarize.features.article_rows`. The article's share of every dot
        product is computed once; each length adds only the terms of the fraction kept
        (``fraction × (w_fraction + Σ w_product × value) + w_log × log_fraction``), so the
        rounds of the default length cost a pass over the sentences, not over the features."""
        slopes, offset = self._folded()
        article = slopes[:ARTICLE_FEATURES]
        by_fraction, by_log = slopes[ARTICLE_FEATURES], slopes[ARTICLE_FEATURES + 1]
        products = slopes[ARTICLE_FEATURES + 2 :]
        base = [offset + sum(map(operator.mul, article, row)) for row in rows]
        picked = operator.itemgetter(*BY_FRACTION)
        per_fraction = [by_fraction + sum(map(operator.mul, products, picked(row))) for row in rows]
        done: dict[int, list[float]] = {}
        exp = math.exp

        def probabilities(count: int) -> list[float]:
            if count not in done:
                fraction = kept_fraction(count, len(rows))
                shift = by_log * log_of_fraction(fraction)
                done[count] = [  # _logistic, inline
                    1.0 / (1.0 + exp(-max(-60.0, min(60.0, b + fraction * f + shift))))
                    for b, f in zip(base, per_fraction, strict=True)
                ]
            return list(done[count])

        return probabilities

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.names),
            "mean": [round(v, 6) for v in self.mean],
            "scale": [round(v, 6) for v in self.scale],
            "weights": [round(v, 6) for v in self.weights],
            "bias": round(self.bias, 6),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Scorer:
        names = tuple(str(name) for name in data["features"])
        if names != FEATURES:
            raise ValueError(f"{MODEL_FILE} was trained on other features: {names}")
        return cls(
            names,
            tuple(float(v) for v in data["mean"]),
            tuple(float(v) for v in data["scale"]),
            tuple(float(v) for v in data["weights"]),
            float(data["bias"]),
        )


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@functools.cache
def shipped_scorer() -> Scorer:
    """The scorer shipped inside the package (read once per process)."""
    text = resources.files("inbrief.summarize").joinpath(MODEL_FILE).read_text("utf-8")
    return Scorer.from_json(json.loads(text))


def expected_count(probabilities: Sequence[float]) -> int:
    """How many sentences to keep: the expected number a person would pick (the sum of the
    probabilities, no further fitting), within :data:`LENGTH_BOUNDS`."""
    low, high = LENGTH_BOUNDS
    return max(low, min(high, math.floor(sum(probabilities) + 0.5)))
