"""The table of contents: one entry per section, indented by heading level, with its gist."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widgets.option_list import Option

from inbrief.model import Article, Takeaway
from inbrief.textclean import strip_controls
from inbrief.tui.widgets.pane_list import PaneList

#: Section gists in the contents are cut to this many characters: a hint, not a summary.
GIST_CHARS = 90


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


class TableOfContents(PaneList):
    """Sections of the article; the highlighted entry follows the reading position."""

    DEFAULT_CSS = """
    TableOfContents { border: none; padding: 0 1; }
    """

    def show(self, article: Article, gists: Mapping[int, Takeaway] | None = None) -> None:
        """One entry per section; with ``gists``, each heading carries its section's gist."""
        highlighted = self.highlighted
        self.clear_options()
        options: list[Option] = []
        for index, section in enumerate(article.sections):
            heading = strip_controls(section.heading) or (
                "Introduction" if index == 0 else f"Section {index + 1}"
            )
            indent = "  " * max(0, section.level - 2)
            label = Content(indent + heading)
            if gists and index in gists:
                gist = _shorten(strip_controls(gists[index].text), GIST_CHARS)
                label = Content.assemble(label, "\n", (indent + gist, "dim italic"))
            options.append(Option(label, id=f"section-{index}"))
        self.add_options(options)
        if options:
            self.highlighted = highlighted if highlighted is not None else 0

    def follow(self, section: int) -> None:
        """Highlight ``section`` without moving focus (the view scrolled into it)."""
        if 0 <= section < self.option_count and self.highlighted != section:
            self.highlighted = section
