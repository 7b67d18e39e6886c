"""The article-extraction benchmark's scoring, exactly as its README defines it.

Tokens are ``\\w+`` matches; a text is a multiset of runs of four consecutive tokens
(shingles). Per page, true positives, false positives and false negatives are normalised so
every page weighs the same; corpus precision and recall are means over pages and F1 is the
harmonic mean of those two means. Accuracy is the share of pages whose token list is exactly
the true one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
_SHINGLE = 4


def tokens(text: str) -> list[str]:
    """Every ``\\w+`` match, case kept."""
    return _TOKEN.findall(text)


def shingles(words: list[str]) -> Counter[tuple[str, ...]]:
    """Runs of four consecutive tokens as a multiset; a shorter text gives one short run."""
    if not words:
        return Counter()
    if len(words) < _SHINGLE:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page: normalised tp/fp/fn, precision and recall (None when undefined), exactness."""

    tp: float
    fp: float
    fn: float
    precision: float | None
    recall: float | None
    exact: bool


def score_page(predicted: str, expected: str) -> PageScore:
    """Score one extracted text against its ground truth."""
    pred_tokens, true_tokens = tokens(predicted), tokens(expected)
    pred, true = shingles(pred_tokens), shingles(true_tokens)
    tp = float(sum((pred & true).values()))
    fp = float(sum((pred - true).values()))
    fn = float(sum((true - pred).values()))
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    precision: float | None
    recall: float | None
    if fp == 0 and fn == 0:
        precision = recall = 1.0
    else:
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
    return PageScore(tp, fp, fn, precision, recall, pred_tokens == true_tokens)


@dataclass(frozen=True, slots=True)
class CorpusScore:
    """Mean precision and recall over pages, F1 of those means, and exact-match accuracy."""

    f1: float
    precision: float
    recall: float
    accuracy: float


def score_corpus(pages: Iterable[PageScore]) -> CorpusScore:
    """Aggregate page scores the benchmark's way."""
    pages = list(pages)
    precisions = [p.precision for p in pages if p.precision is not None]
    recalls = [p.recall for p in pages if p.recall is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(p.exact for p in pages) / len(pages) if pages else 0.0
    return CorpusScore(f1, precision, recall, accuracy)


_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class TokenScore:
    """One page under the WCEB-style token measure: precision, recall and F1 (0 when empty)."""

    precision: float
    recall: float
    f1: float


def token_scores(predicted: str, expected: str) -> TokenScore:
    """Lower-cased ``\\w+`` tokens as multisets: overlap = sum of the minimum counts.

    A page with no predicted text scores 0 (an extractor error counts the same).
    """
    pred = Counter(token.lower() for token in _WORD.findall(predicted))
    true = Counter(token.lower() for token in _WORD.findall(expected))
    overlap = sum((pred & true).values())
    if not overlap:
        return TokenScore(0.0, 0.0, 0.0)
    precision = overlap / sum(pred.values())
    recall = overlap / sum(true.values())
    return TokenScore(precision, recall, 2 * precision * recall / (precision + recall))
