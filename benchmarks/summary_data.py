"""The news-summary tasks as one list of stories, read the way the command line reads them.

Four tasks (``shared/bench/summaries/README.md`` gives the protocol):

- ``gist``: the 77 gist pages, the publisher's description as reference, k = 2;
- ``cnndm``: CNN/DailyMail stories, the story's own highlights as reference, k = 3;
  ``cnndm-annotators`` scores the same summaries against the ten annotator references
  (``references[1:]``): the mean of the ten F1 figures;
- ``newsroom``: the publisher's one-sentence summary, k = 1;
- ``bbc``: extractive references, k = the reference's sentence count.

Each story's input (title, blank line, text) is written to a ``.txt`` file and read with
:func:`inbrief.ingest.load_articles`, the very call ``inbrief --summary FILE`` makes, so an
in-process summary equals what the command line prints (``benchmarks.summaries --check-cli``
checks it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from benchmarks.gist_data import BENCH, load_pages
from inbrief.errors import InbriefError
from inbrief.ingest import load_articles
from inbrief.model import Article

TASKS = ("gist", "cnndm", "newsroom", "bbc")
NEWS_DEV = BENCH / "summaries" / "news-dev.jsonl"


@dataclass(frozen=True, slots=True)
class Story:
    task: str
    key: str
    title: str
    text: str
    #: ``references[0]`` is the one scored; cnndm has ten annotator references after it.
    references: tuple[str, ...]
    k: int

    @property
    def source_text(self) -> str:
        """The benchmark input: title, blank line, text."""
        return f"{self.title}\n\n{self.text}\n"


def load_stories(tasks: tuple[str, ...] = TASKS, limit: int | None = None) -> list[Story]:
    """The stories of ``tasks`` in a stable order; ``limit`` keeps the first N of each task."""
    stories: list[Story] = []
    if "gist" in tasks:
        pages = load_pages()[:limit]
        stories += [
            Story("gist", page.key, page.title, page.body, (page.reference,), 2) for page in pages
        ]
    rows = [json.loads(line) for line in NEWS_DEV.read_text("utf-8").splitlines() if line]
    for task in tasks:
        if task == "gist":
            continue
        chosen = [row for row in rows if row["set"] == task][:limit]
        stories += [
            Story(task, r["id"], r["title"], r["text"], tuple(r["references"]), int(r["k"]))
            for r in chosen
        ]
    return stories


def write_inputs(stories: list[Story], folder: Path) -> list[Path]:
    """Each story's input as ``NNNN.txt`` in ``folder``, in the stories' order."""
    paths = []
    for number, story in enumerate(stories):
        path = folder / f"{number:04d}.txt"
        path.write_text(story.source_text, "utf-8")
        paths.append(path)
    return paths


def read_article(path: Path) -> Article | None:
    """The article the command line would summarize, or None when it finds none."""
    try:
        return load_articles(str(path))[0]
    except InbriefError:
        return None
