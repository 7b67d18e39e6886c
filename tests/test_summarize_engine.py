"""The default summarizer's machinery: determinism, imports, linear centrality, speed."""

from __future__ import annotations

import itertools
import os
import random
import subprocess
import sys
import time

import pytest

from inbrief.nlp.language import get_language
from inbrief.summarize import SummaryOptions, default_count, summarize
from inbrief.summarize.centrality import directed_sums, gather, tfidf_vectors
from inbrief.summarize.learned import LENGTH_BOUNDS
from inbrief.summarize.units import sentence_units
from tests.conftest import SEED_JSON
from tests.test_summarize_selection import LIBRARY, article

ENGLISH = get_language("en")


def test_summaries_are_deterministic() -> None:
    first = summarize(LIBRARY, SummaryOptions(sentences=3))
    assert all(summarize(LIBRARY, SummaryOptions(sentences=3)) == first for _ in range(3))


@pytest.mark.parametrize("algorithm", ["inbrief", "lsa"])
def test_the_same_sentences_whatever_the_hash_seed(algorithm: str) -> None:
    """Deterministic across processes (reader and one-shot): no set order leaks into a choice.

    sumy's LSA orders its term rows by ``frozenset`` iteration; the bridge sorts them.
    """
    command = [sys.executable, "-m", "inbrief", "-s", "-f", "json", "-n", "11", "-a", algorithm]
    outputs = {
        subprocess.run(
            [*command, str(SEED_JSON)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_the_default_path_imports_neither_sumy_nor_nltk_nor_numpy() -> None:
    """sumy costs ~0.3 s and numpy ~0.08 s to import; the default summarizer needs neither."""
    code = (
        "import sys\n"
        "from inbrief.model import Article, Block, BlockKind, Section\n"
        "from inbrief.summarize import summarize\n"
        "text = 'The council approved a larger library budget on Monday. ' * 3\n"
        "art = Article('Budget', [Section('', 0, [Block(BlockKind.PARAGRAPH, [text])])])\n"
        "assert summarize(art).takeaways\n"
        "print(' '.join(sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = {name.split(".")[0] for name in done.stdout.split()}
    assert {"sumy", "nltk", "numpy", "textual", "rich"}.isdisjoint(loaded)


def test_directed_sums_equal_pairwise_similarities() -> None:
    rng = random.Random(7)
    vocabulary = ("council", "budget", "library", "hours", "books", "tram", "stadium", "flats")
    paragraphs = [
        " ".join(rng.choice(vocabulary) for _ in range(rng.randint(4, 9))) + "." for _ in range(12)
    ]
    art = article("Random", ("", paragraphs))
    units = sentence_units(art, ENGLISH)
    vectors, _ = tfidf_vectors(units)
    evidence = gather(units, ())
    forward, backward = directed_sums(vectors, evidence.postings)
    for i in range(len(units)):
        later = sum(evidence.similarity(i, j) for j in range(i + 1, len(units)))
        earlier = sum(evidence.similarity(i, j) for j in range(i))
        assert forward[i] == pytest.approx(later)
        assert backward[i] == pytest.approx(earlier)


def test_long_text_is_fast() -> None:
    """10,000 words in well under the 50 ms target's order of magnitude (generous for CI)."""
    rng = random.Random(3)
    words = [f"w{n}" for n in range(3000)] + ["the", "city", "council", "budget"] * 50
    paragraphs = [
        " ".join(
            " ".join(rng.choice(words) for _ in range(19)).capitalize() + "." for _ in range(5)
        )
        for _ in range(105)
    ]
    art = article(
        "Long", *(("" if n == 0 else f"Part {n}", paragraphs[n * 7 : n * 7 + 7]) for n in range(15))
    )
    summarize(art)
    started = time.perf_counter()
    summary = summarize(art)
    assert time.perf_counter() - started < 0.5
    assert LENGTH_BOUNDS[0] <= len(summary.takeaways) <= LENGTH_BOUNDS[1]
    assert len(summarize(art, SummaryOptions("lead")).takeaways) == default_count(art.word_count)
    assert len(summary.section_gists) == 15


def test_pairs_are_compared_once() -> None:
    """Similarity is symmetric, as the lazy selection assumes."""
    units = sentence_units(LIBRARY, ENGLISH)
    evidence = gather(units, ())
    for i, j in itertools.combinations(range(len(units)), 2):
        assert evidence.similarity(i, j) == pytest.approx(evidence.similarity(j, i))
