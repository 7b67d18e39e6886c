"""The algorithm registry, sumy's LSA kept quiet, and takeaways that carry their offsets."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

from inbrief.cli import build_parser
from inbrief.model import Article, Block, BlockKind, Section
from inbrief.nlp.language import get_language
from inbrief.summarize import ALGORITHMS, DEFAULT_ALGORITHM, SummaryOptions, summarize
from inbrief.summarize.registry import RANKERS
from inbrief.summarize.sumy_bridge import rank_with_sumy
from inbrief.summarize.units import sentence_units
from inbrief.tui.document_layout import flatten
from inbrief.tui.takeaway_spans import TakeawayLocator

#: Six sentences over four distinct terms: sumy's LSA warns about fewer words than sentences.
REPETITIVE = " ".join(["The red cat sat on the mat."] * 6)


def article(*blocks: Block) -> Article:
    return Article(title="Cats", language="en", sections=[Section("", 0, list(blocks))])


def test_one_registry_names_every_algorithm() -> None:
    assert tuple(RANKERS) == ALGORITHMS
    assert ALGORITHMS[0] == DEFAULT_ALGORITHM
    algorithm = next(a for a in build_parser()._actions if a.dest == "algorithm")
    assert tuple(algorithm.choices or ()) == ALGORITHMS


def test_plain_sumy_lsa_warns_on_this_text() -> None:
    """The case the quiet LSA is for: sumy's own class warns here."""
    units = sentence_units(article(Block(BlockKind.PARAGRAPH, [REPETITIVE])), get_language("en"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rank_with_sumy("sumy.summarizers.lsa:LsaSummarizer", units, (), 2, get_language("en"))
    assert any("lower than number of sentences" in str(w.message) for w in caught)


def test_lsa_prints_no_warning(tmp_path: Path) -> None:
    art = article(Block(BlockKind.PARAGRAPH, [REPETITIVE]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert len(summarize(art, SummaryOptions("lsa", 2)).takeaways) == 2
    assert not caught
    source = tmp_path / "cats.txt"
    source.write_text("Cats\n\n" + REPETITIVE + "\n", "utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-W",
            "default",
            "-m",
            "inbrief",
            "-s",
            "-a",
            "lsa",
            "-n",
            "2",
            str(source),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() and not done.stderr


def test_takeaways_carry_item_and_offsets() -> None:
    art = article(
        Block(
            BlockKind.PARAGRAPH,
            ["  The council met on Monday.   It approved a new budget for libraries."],
        ),
        Block(
            BlockKind.LIST,
            [
                "Opening hours grow to seventy hours.",
                "Three branches hire twelve librarians. Books arrive in spring.",
            ],
        ),
    )
    for algorithm in ALGORITHMS:
        summary = summarize(art, SummaryOptions(algorithm, sentences=5))
        assert len(summary.takeaways) == 5
        for takeaway in summary.takeaways:
            block = art.sections[takeaway.section].blocks[takeaway.block]
            assert block.items[takeaway.item][takeaway.start : takeaway.end] == takeaway.text
    items = {(t.block, t.item) for t in summarize(art, SummaryOptions(sentences=5)).takeaways}
    assert items == {(0, 0), (1, 0), (1, 1)}


def test_the_reader_finds_each_takeaway_by_lookup() -> None:
    """The locator maps a takeaway straight to its display item, control characters or not."""
    art = article(
        Block(
            BlockKind.PARAGRAPH, ["The council met on Monday. It approved a \x07new budget today."]
        ),
        Block(
            BlockKind.LIST,
            ["Opening hours grow to seventy hours.", "Twelve librarians will be hired soon."],
        ),
    )
    blocks = flatten(art, "")
    locator = TakeawayLocator(blocks)
    for takeaway in summarize(art, SummaryOptions(sentences=4)).takeaways:
        span = locator.locate(takeaway)
        assert span is not None
        shown = blocks[span.block].text[span.start : span.end]
        assert shown == takeaway.text.replace("\x07", "")
        assert blocks[span.block].item == takeaway.item
