"""``-n N`` means N sentences with the gist among them, in every format and in the pane."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inbrief.cli import main
from inbrief.ingest import load_articles
from inbrief.render import summary_label
from inbrief.summarize import ALGORITHMS, SummaryOptions, summarize
from inbrief.tui.widgets.summary_pane import SummaryPane
from tests.tui_support import app_with_articles, open_reader

#: Short sentences: the default summarizer's gist takes two of them.
SHORT = """# Rivers rise after storms

Heavy rain flooded the valley towns on Monday. The river rose two metres overnight.

Officials opened shelters in three schools for families who left their homes. Roads to the
north stayed closed until the water fell back.

Farmers said the harvest would be late this year. The weather service expects more rain on
Thursday and warned people near the banks.
"""


@pytest.fixture
def short_md(tmp_path: Path) -> Path:
    path = tmp_path / "short.md"
    path.write_text(SHORT)
    return path


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_n_sentences_hold_the_gist(short_md: Path, algorithm: str) -> None:
    article = load_articles(str(short_md))[0]
    for n in range(1, 6):
        summary = summarize(article, SummaryOptions(algorithm, n))
        assert len(summary.takeaways) == n
        assert summary.gist and set(summary.gist) <= set(summary.takeaways)
        assert len(summary.gist) + len(summary.bullets) == n


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_text_markdown_and_json_agree(
    short_md: Path, n: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-s", "-f", "json", "-n", str(n), str(short_md)]) == 0
    data = json.loads(capsys.readouterr().out)
    sentences = [s["text"] for s in data["sentences"]]
    gist = [s["text"] for s in data["gist"]]
    assert len(sentences) == n and set(gist) <= set(sentences)
    bullets = [s for s in sentences if s not in gist]

    assert main(["-s", "-n", str(n), str(short_md)]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[3] == "Gist: " + " ".join(gist)
    assert [line.removeprefix("• ") for line in text if line.startswith("• ")] == bullets

    assert main(["-s", "-f", "markdown", "-n", str(n), str(short_md)]) == 0
    markdown = capsys.readouterr().out.splitlines()
    assert markdown[markdown.index("## Gist") + 2] == " ".join(gist)
    assert [line.removeprefix("- ") for line in markdown if line.startswith("- ")] == bullets
    assert ("## Key takeaways" in markdown) == bool(bullets)


def test_help_says_what_n_means(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "summary length in sentences (the gist plus N-1 takeaways)" in help_text


def test_label_counts_what_is_shown(short_md: Path) -> None:
    article = load_articles(str(short_md))[0]
    assert summary_label(summarize(article, SummaryOptions(sentences=1))) == "Gist"
    assert summary_label(summarize(article, SummaryOptions("lead", 5))) == "Gist + 4 takeaways"
    assert summary_label(summarize(article, SummaryOptions("lead", 2))) == "Gist + 1 takeaway"


def _entries(pane: SummaryPane) -> list[str]:
    return [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]


@pytest.mark.asyncio
async def test_pane_header_and_entries_follow_the_length(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, short_md: Path
) -> None:
    app = app_with_articles(monkeypatch, tmp_path, *load_articles(str(short_md)))
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_reader(app, pilot)
        pane = reader.query_one(SummaryPane)
        for _ in range(5):
            await pilot.press("minus")
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert reader.summary is not None and len(reader.summary.takeaways) == 1
        assert _entries(pane) == ["Gist (inbrief)", "Gist: " + reader.summary.gist[0].text]
        for _ in range(4):
            await pilot.press("plus")
            await app.workers.wait_for_complete()
            await pilot.pause()
        summary = reader.summary
        assert len(summary.takeaways) == 5
        entries = _entries(pane)
        assert entries[0] == f"{summary_label(summary)} (inbrief)"
        assert len(entries) == 1 + 5  # the header, then each of the five sentences once
