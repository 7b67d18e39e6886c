"""Summaries: every algorithm, lengths, positions that point back into the article."""

from __future__ import annotations

import pytest

from inbrief.errors import InbriefError
from inbrief.ingest import load_articles
from inbrief.model import Article, Block, BlockKind, Section
from inbrief.nlp.language import get_language
from inbrief.summarize import ALGORITHMS, SummaryOptions, default_count, summarize
from inbrief.summarize.units import split_block
from tests.conftest import SEED_JSON

NON_BODY = ("Simone McCarthy", "Hong Kong", "Getty Images", "Xinhua")


@pytest.fixture(scope="module")
def seed() -> Article:
    return load_articles(str(SEED_JSON))[0]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_each_algorithm_picks_body_sentences_in_order(seed: Article, algorithm: str) -> None:
    summary = summarize(seed, SummaryOptions(algorithm=algorithm, sentences=5))
    assert summary.algorithm == algorithm
    assert len(summary.takeaways) == 5
    positions = [(t.section, t.block, t.index) for t in summary.takeaways]
    assert positions == sorted(positions)
    english = get_language("en")
    for takeaway in summary.takeaways:
        block = seed.sections[takeaway.section].blocks[takeaway.block]
        assert block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST)
        assert split_block(block.items, english)[takeaway.index] == takeaway.text
        assert block.items[takeaway.item][takeaway.start : takeaway.end] == takeaway.text
        assert not any(marker in takeaway.text for marker in NON_BODY)


def test_default_takeaways_for_seed(seed: Article) -> None:
    summary = summarize(seed, SummaryOptions(sentences=11))
    assert len(summary.takeaways) == 11
    assert len({t.text for t in summary.takeaways}) == 11
    assert summary.takeaways[0].text.startswith("Chinese leader Xi Jinping and Russian President")


def test_ratio_and_default_length(seed: Article) -> None:
    summary = summarize(seed, SummaryOptions(ratio=0.1))
    assert 4 <= len(summary.takeaways) <= 7
    assert default_count(200) == 3
    assert default_count(1200) == 5
    assert default_count(100_000) == 8
    assert len(summarize(seed, SummaryOptions("lexrank")).takeaways) == default_count(
        seed.word_count
    )


def test_default_length_is_the_learned_expected_count(seed: Article) -> None:
    """Without -n/-r the default keeps as many sentences as the scorer expects a person to
    pick, within LENGTH_BOUNDS; -n and -r still rule."""
    from inbrief.nlp.language import get_language as language_of
    from inbrief.summarize.centrality import gather
    from inbrief.summarize.features import article_rows, feature_rows
    from inbrief.summarize.learned import LENGTH_BOUNDS, expected_count, shipped_scorer
    from inbrief.summarize.registry import learned_length
    from inbrief.summarize.units import sentence_units, title_terms

    english = language_of("en")
    units = sentence_units(seed, english)
    evidence = gather(units, title_terms(seed, english))
    wanted = learned_length(article_rows(units, evidence), shipped_scorer())
    probabilities = shipped_scorer().probabilities(feature_rows(units, evidence, wanted))
    assert expected_count(probabilities) == wanted  # it settled: the length it expects
    assert LENGTH_BOUNDS[0] <= wanted <= LENGTH_BOUNDS[1]
    assert len(summarize(seed).takeaways) == wanted
    assert len(summarize(seed, SummaryOptions(sentences=2)).takeaways) == 2


def test_more_sentences_than_the_article_has_returns_all() -> None:
    article = Article(
        title="Tiny",
        sections=[
            Section(
                "",
                0,
                [Block(BlockKind.PARAGRAPH, ["One short sentence here. Another one here too."])],
            )
        ],
    )
    assert len(summarize(article, SummaryOptions(sentences=9)).takeaways) == 2


def test_declared_language_picks_the_models() -> None:
    article = Article(
        title="Der Klimawandel",
        language="de-DE",
        sections=[
            Section(
                "",
                0,
                [
                    Block(
                        BlockKind.PARAGRAPH,
                        [
                            "Dr. Müller sagte am Montag, dass die Temperaturen steigen werden. "
                            "Die Regierung plant z.B. neue Gesetze für den Klimaschutz. "
                            "Viele Bürger unterstützen diese Pläne der Regierung sehr."
                        ],
                    )
                ],
            )
        ],
    )
    summary = summarize(article, SummaryOptions(sentences=3))
    assert summary.language == "de"
    assert summary.takeaways[0].text.startswith("Dr. Müller sagte")
    assert summary.takeaways[1].text.startswith("Die Regierung plant z.B. neue")


def test_unsupported_languages(seed: Article) -> None:
    warnings: list[str] = []
    seed_th = Article(title=seed.title, sections=seed.sections, language="th")
    summary = summarize(seed_th, SummaryOptions(sentences=2), warnings)
    assert summary.language == "en" and len(summary.takeaways) == 2
    assert warnings == ["language 'th' is not supported; using English rules"]
    with pytest.raises(InbriefError, match="unsupported language 'xx'"):
        summarize(seed, SummaryOptions(language="xx"))


def test_unknown_algorithm(seed: Article) -> None:
    with pytest.raises(InbriefError, match="unknown algorithm"):
        summarize(seed, SummaryOptions(algorithm="magic"))


def test_bullets_leave_out_what_the_gist_says(seed: Article) -> None:
    summary = summarize(seed, SummaryOptions(sentences=6))
    gist = {(t.section, t.block, t.index) for t in summary.gist}
    assert gist and gist <= {(t.section, t.block, t.index) for t in summary.takeaways}
    assert len(summary.bullets) == 6 - len(gist)
    assert all((t.section, t.block, t.index) not in gist for t in summary.bullets)


@pytest.mark.parametrize("algorithm", ["lexrank", "luhn", "lsa"])
def test_sumy_gist_comes_from_the_same_run(seed: Article, algorithm: str) -> None:
    """One sumy run gives both: the gist is what the algorithm picks when asked for one."""
    from inbrief.summarize.registry import SUMY_CLASSES
    from inbrief.summarize.sumy_bridge import rank_with_sumy
    from inbrief.summarize.units import sentence_units, title_terms

    english = get_language("en")
    units = sentence_units(seed, english)
    title = title_terms(seed, english)
    alone, _ranking = rank_with_sumy(SUMY_CLASSES[algorithm], units, title, 1, english)
    summary = summarize(seed, SummaryOptions(algorithm=algorithm, sentences=5))
    assert [t.text for t in summary.gist] == [units[alone[0]].text]
    assert summary.gist[0] in summary.takeaways
