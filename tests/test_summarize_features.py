"""The learned scorer's features: the share of the article kept and TextRank's centrality."""

from __future__ import annotations

import time

from inbrief.model import Article, Block, BlockKind, Section
from inbrief.nlp.language import get_language
from inbrief.summarize.centrality import gather
from inbrief.summarize.features import (
    DAMPING,
    FEATURES,
    feature_rows,
    kept_fraction,
    overlap_degree,
    text_rank,
)
from inbrief.summarize.learned import shipped_scorer
from inbrief.summarize.selection import select
from inbrief.summarize.units import Unit, sentence_units

ENGLISH = get_language("en")
STORY = [
    "The river flooded the valley towns after two days of heavy rain.",
    "Rain fell.",
    "Flood water from the river reached the valley towns and the farms along the river banks.",
    "A concert in the capital drew a large crowd on Saturday night.",
]


def units_of(paragraphs: list[str]) -> list[Unit]:
    art = Article(
        title="", language="en", sections=[Section("", 0, [Block(BlockKind.PARAGRAPH, paragraphs)])]
    )
    return sentence_units(art, ENGLISH)


def test_kept_fraction_is_the_share_of_sentences_and_at_most_one() -> None:
    assert kept_fraction(3, 12) == 0.25
    assert kept_fraction(5, 2) == 1.0
    assert kept_fraction(1, 0) == 1.0


def test_overlap_degree_favours_long_sentences_sharing_the_article_s_terms() -> None:
    units = units_of(STORY)
    degree = overlap_degree(units)
    texts = [u.text for u in units]
    long_flood = texts.index(STORY[2])
    concert = texts.index(STORY[3])
    assert max(degree) == degree[long_flood] == 1.0
    assert degree[concert] < degree[texts.index(STORY[0])]


def pairwise_text_rank(units: list[Unit], rounds: int = 200) -> list[float]:
    """PageRank over every pair of sentences weighted by their shared distinct terms: what
    :func:`text_rank` computes through the terms instead of the pairs."""
    n = len(units)
    sets = [set(unit.terms) for unit in units]
    weight = [[len(sets[i] & sets[j]) if i != j else 0 for j in range(n)] for i in range(n)]
    out = [sum(row) for row in weight]
    rank = [1.0 / n] * n
    for _ in range(rounds):
        rank = [
            (1 - DAMPING) / n
            + DAMPING * sum(rank[i] * weight[i][j] / out[i] for i in range(n) if out[i])
            for j in range(n)
        ]
    top = max(rank)
    return [value / top for value in rank]


def test_text_rank_is_the_pairwise_pagerank_computed_through_the_terms() -> None:
    story = [
        *STORY,
        "The valley farms lost their harvest to the flood water.",
        "Farms in the valley will get help from the river authority.",
        "Tickets for the next concert in the capital go on sale today.",
    ]
    units = units_of(story)
    ranks = text_rank(gather(units, ()))
    texts = [u.text for u in units]
    # Sharing terms with the flood sentences ranks above the concert's two sentences.
    assert ranks[texts.index(story[4])] > ranks[texts.index(story[3])]
    assert text_rank(gather([], ())) == []
    # Started from the degrees, a few rounds settle a connected article (a separate
    # cluster such as the concert's takes longer to get its share of the jumps).
    flood = units_of([story[0], story[2], story[4], story[5]])
    expected = pairwise_text_rank(flood)
    ranks = text_rank(gather(flood, ()))
    assert max(abs(a - b) for a, b in zip(ranks, expected, strict=True)) < 0.03


def test_rows_carry_the_fraction_asked_for() -> None:
    units = units_of(STORY)
    evidence = gather(units, ())
    column = FEATURES.index("fraction")
    brief = feature_rows(units, evidence, 1)
    condensed = feature_rows(units, evidence, 2)
    assert all(len(row) == len(FEATURES) for row in brief)
    assert {row[column] for row in brief} == {1 / len(units)}
    assert {row[column] for row in condensed} == {2 / len(units)}


def test_probabilities_at_a_length_equal_the_full_dot_products() -> None:
    """``Scorer.at_length`` adds the fraction's terms to a dot product computed once per
    article: the same probabilities as scoring the whole rows, at every length."""
    from inbrief.summarize.features import article_rows

    story = [*STORY, "The valley farms lost their harvest to the flood water."]
    units = units_of(story)
    evidence = gather(units, ())
    scorer = shipped_scorer()
    at_length = scorer.at_length(article_rows(units, evidence))
    for count in (1, 2, 3, 10):
        full = scorer.probabilities(feature_rows(units, evidence, count))
        assert max(abs(a - b) for a, b in zip(at_length(count), full, strict=True)) < 1e-12
    assert len({round(p, 9) for p in at_length(2)}) > 1  # not a constant


def test_the_shipped_scorer_loads_fast_and_knows_these_features() -> None:
    shipped_scorer.cache_clear()
    started = time.perf_counter()
    scorer = shipped_scorer()
    assert time.perf_counter() - started < 0.5  # a small JSON file, no download
    assert scorer.names == FEATURES


def test_a_refused_candidate_stays_for_later_picks() -> None:
    """``admits`` refuses unit 1 until unit 0 is picked; then it can be chosen."""
    units = units_of(STORY)
    evidence = gather(units, ())
    scores = [0.5, 1.0, 0.0]
    assert len(units) == 3  # "Rain fell." is too short to be a candidate
    picks = select(scores, evidence, 2, admits=lambda i, picks: i != 1 or 0 in picks)
    assert picks[0] == 0 and 1 in picks


def test_has_quote_is_the_quotation_search() -> None:
    import re

    from inbrief.summarize.features import QUOTE_MARKS, has_quote

    search = re.compile("|".join(map(re.escape, QUOTE_MARKS)))
    texts = ['He said "no".', "“Yes”", "«Oui»", "It''s", "``TeX''", "it's fine", "plain", ""]
    for text in texts:
        assert has_quote(text) == bool(search.search(text))
    assert has_quote('"') and not has_quote("'")
