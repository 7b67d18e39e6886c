"""The table of contents: one entry per section, indented by heading level."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from inbrief.model import Article
from inbrief.textclean import strip_controls


class TableOfContents(OptionList):
    """Sections of the article; the highlighted entry follows the reading position."""

    DEFAULT_CSS = """
    TableOfContents { border: none; padding: 0 1; }
    """

    def show(self, article: Article) -> None:
        self.clear_options()
        options: list[Option] = []
        for index, section in enumerate(article.sections):
            heading = strip_controls(section.heading) or (
                "Introduction" if index == 0 else f"Section {index + 1}"
            )
            indent = "  " * max(0, section.level - 2)
            options.append(Option(Content(indent + heading), id=f"section-{index}"))
        self.add_options(options)
        if options:
            self.highlighted = 0

    def follow(self, section: int) -> None:
        """Highlight ``section`` without moving focus (the view scrolled into it)."""
        if 0 <= section < self.option_count and self.highlighted != section:
            self.highlighted = section
