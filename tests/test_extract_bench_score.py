"""The benchmark scorer behaves as the benchmark's README defines it."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.extraction import diagnose
from benchmarks.extraction_score import score_corpus, score_page, shingles, tokens


def test_tokens_and_shingles() -> None:
    assert tokens("It's 4:30, Zoë!") == ["It", "s", "4", "30", "Zoë"]
    assert shingles(["a", "b"]) == {("a", "b"): 1}
    assert sum(shingles(tokens("a b c d e a b c d")).values()) == 6
    assert not shingles([])


def test_exact_match_scores_one_and_counts_as_accurate() -> None:
    score = score_page("One two three four five.", "One two, three four five")
    assert (score.precision, score.recall, score.exact) == (1.0, 1.0, True)


def test_extra_and_missing_text_are_normalised_per_page() -> None:
    truth = "a b c d e f g h"  # five shingles
    score = score_page("a b c d e f g h x y z w", truth)
    assert score.recall == 1.0
    assert score.precision == pytest.approx(5 / 9)
    assert score.tp + score.fp + score.fn == pytest.approx(1.0)
    empty = score_page("", truth)
    assert (empty.precision, empty.recall) == (0.0, 0.0)


def test_corpus_f1_is_the_harmonic_mean_of_mean_precision_and_recall() -> None:
    pages = [score_page("a b c d e", "a b c d e"), score_page("a b c d", "a b c d e f g")]
    corpus = score_corpus(pages)
    precision = (1.0 + 1.0) / 2
    recall = (1.0 + 1 / 4) / 2
    assert corpus.precision == pytest.approx(precision)
    assert corpus.recall == pytest.approx(recall)
    assert corpus.f1 == pytest.approx(2 * precision * recall / (precision + recall))
    assert corpus.accuracy == 0.5


def test_diagnose_names_missing_and_extra_stretches() -> None:
    missing, extra = diagnose(
        "the quick brown fox jumps over the lazy dog sign up for our newsletter today",
        "the quick brown fox jumps over the lazy dog and then it ran far away",
    )
    assert missing == ["and then it ran far away"]
    assert extra == ["sign up for our newsletter today"]


def test_the_tuning_cache_gives_back_the_same_runs(tmp_path: Path) -> None:
    from benchmarks.extraction_sets import Page
    from benchmarks.extraction_tune import run_paths, texts_for
    from inbrief.extract.choice import THRESHOLDS

    story = " ".join(["The council voted to rebuild the old harbour wall this winter."] * 8)
    html = f"<html><body><p>{story}</p></body></html>".encode()
    pages = [Page("dragnet", f"dragnet--{n}", None, html, story) for n in range(2)]
    cache = tmp_path / "paths.json"
    first = run_paths(pages, cache)
    again = run_paths(pages, cache)
    assert cache.exists()
    assert [r.own for r in first] == [r.own for r in again]
    assert [r.plain for r in first] == [r.plain for r in again]
    assert texts_for(again, THRESHOLDS) == texts_for(first, THRESHOLDS)
    assert story in texts_for(again, THRESHOLDS)[0]
