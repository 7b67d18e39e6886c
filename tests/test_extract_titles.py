"""Titles without the site's name when the page declares no name: the page's own headings say
which side of "Headline « Blog" is the headline. Pages written here, none from a benchmark."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from inbrief.extract.metadata import read_metadata

_POST = "<p>The ferry to the island ran again on Monday after the storm closed the harbour.</p>"


def _title(head_title: str, body: str) -> str | None:
    markup = f"<html><head><title>{head_title}</title></head><body>{body}{_POST}</body></html>"
    return read_metadata(lxml_html.document_fromstring(markup)).title


@pytest.mark.parametrize(
    ("head_title", "body", "title"),
    [
        # the post's heading names the headline; the blog's name is the other side
        (
            "Ferry runs again « Harbour Notes",
            "<div id='header'>Harbour Notes</div><h2 class='entry-title'>Ferry runs again</h2>",
            "Ferry runs again",
        ),
        (
            "Harbour Notes: Ferry runs again after the storm",
            "<h3 class='post-title'><a href='/p/1'>Ferry runs again after the storm</a></h3>",
            "Ferry runs again after the storm",
        ),
        # an <h1> that is the blog's name agrees with <title> but is not the headline
        (
            "Are YOU in? - Harbour Notes",
            "<h1><a href='/'>Harbour Notes</a></h1><h3>Are YOU in?</h3>",
            "Are YOU in?",
        ),
        # no heading says which side is the headline: the title stays whole
        ("Ferry runs again - the storm is over", "<h2>Weather</h2>", None),
        # an element named for the site is not a headline
        (
            "Harbour Notes: Ferry runs again",
            "<div class='site-title'>Harbour Notes</div><p class='blog-title'>Harbour Notes</p>",
            None,
        ),
        # a heading that is the whole title: nothing to cut
        ("Ferry: runs again", "<h2>Ferry: runs again</h2><h3>runs again</h3>", None),
    ],
)
def test_headline_side_of_a_title_is_the_one_the_page_shows_as_a_heading(
    head_title: str, body: str, title: str | None
) -> None:
    assert _title(head_title, body) == (title or head_title)


def test_a_declared_title_that_swallowed_the_page_scripts_is_not_the_title() -> None:
    script = "this.sectionLevel2 = 'sports'; this.language = 'en'; " * 20
    markup = (
        "<html><head><meta name='title' content=\"Welcome to the Harbour Gazette -- News, "
        f'Sports, Ente {script}"></head><body><h1>Ferry runs again</h1>{_POST}</body></html>'
    )
    assert read_metadata(lxml_html.document_fromstring(markup)).title == "Ferry runs again"
