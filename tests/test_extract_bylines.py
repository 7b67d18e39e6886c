"""Bylines marked up in the page: the story's author, without the links, handles, counts and
dates around the name; never a comment's author, a picture's credit, a label or a date."""

from __future__ import annotations

import pytest

from inbrief.extract.authors import clean_author
from inbrief.extract.metadata import read_metadata
from inbrief.extract.page import parse_html


def byline(body: str) -> str | None:
    page = f"<html><head><title>A story</title></head><body>{body}<p>Text.</p></body></html>"
    return read_metadata(parse_html(page)).byline


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a link's label is no name; the next marked-up byline is
        ('<a rel="author" href="/g">Google profile</a><span class="byline">By Jo Ames</span>',
         "Jo Ames"),
        ('<a rel="author" href="/g">Google profile</a>', None),
        ('<div class="author">Kirk Hamilton View Profile Email Twitter RSS</div>', "Kirk Hamilton"),
        ('<span class="byline">Bryan DeArdo @BryanDeArdo Nov 18, 2019 at 9:24 pm ET</span>',
         "Bryan DeArdo"),
        ('<span class="byline">November 12, 2012 by Christina Warren 7</span>', "Christina Warren"),
        ('<span class="byline">Luke Vandezande | Aug 09, 2:31 PM Add a Comment</span>',
         "Luke Vandezande"),
        ('<span class="byline">Tracy Glantz/tglantz@thestate.com</span>', "Tracy Glantz"),
        ('<span itemprop="author">Iain Hutchinson</span>', "Iain Hutchinson"),
        ('<span class="author-name">Megan Slack</span>', "Megan Slack"),
        # other parts of the page, and things that are not names
        ('<ol class="commentlist"><li><span class="author">Hungry says</span></li></ol>'
         '<span class="byline">Ann Lee</span>', "Ann Lee"),
        ('<figure><img src="a.jpg"><span class="byline">File photo</span></figure>', None),
        # a list of other posts, each with its byline, before the story's own
        ('<ul><li><a>Post one</a><span class="byline">Felicia Sonmez</span></li>'
         '<li><a>Post two</a><span class="byline">Glenn Kessler</span></li></ul>'
         '<span class="byline">Max Fisher</span>', "Max Fisher"),
        ('<ul class="meta"><li class="author">Ann Lee</li><li>2 comments</li></ul>', "Ann Lee"),
        ('<span class="byline">Jan 4, 2008</span>', None),
        ('<span class="byline">Enter your email to receive our newsletter.</span>', None),
        ('<span class="author">the Google Desktop Team</span>', None),
    ],
)  # fmt: skip
def test_marked_up_bylines(body: str, expected: str | None) -> None:
    assert byline(body) == expected


def test_the_story_byline_is_found_in_a_page_whose_body_mentions_comments() -> None:
    page = (
        '<html><head><title>A story</title></head><body class="single has-comments">'
        '<span class="byline">By Ann Lee</span><p>Text.</p></body></html>'
    )
    assert read_metadata(parse_html(page)).byline == "Ann Lee"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Chris Wilson 14/01/2008", "Chris Wilson"),
        ("Eric Yang on 10.29.12", "Eric Yang"),
        ("Ian LYNAMOctober 2, 2012", "Ian LYNAM"),
        ("Neurobonkers on November 8, 2012, 11:50 AM", "Neurobonkers"),
        ("Theresa May", "Theresa May"),
    ],
)
def test_dates_after_a_name_are_cut(value: str, expected: str) -> None:
    assert clean_author(value) == expected
