"""Pages inbrief used to refuse or get wrong while readability-lxml alone had the article.

Each page is written here to reproduce one known cause (issue 12); none is taken from a
benchmark.
"""

from __future__ import annotations

import pytest

from inbrief.errors import InbriefError
from inbrief.extract.authors import clean_author
from inbrief.extract.choice import FALLBACK_CONFIDENCE, Path
from inbrief.extract.page import article_from_html, extract_page
from inbrief.model import BlockKind

_CAFE = "The café owner said the old wall was rebuilt in part {n} of the works the town planned."


def _xml_page(encoding: str) -> str:
    body = "".join(f"<p>{_CAFE.format(n=n)}</p>" for n in range(6))
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Café wall</title></head>'
        f'<body><div id="content">{body}</div></body></html>'
    )


@pytest.mark.parametrize("encoding", ["iso-8859-1", "utf-8"])
def test_pages_with_an_xml_declaration_are_read(encoding: str) -> None:
    page = _xml_page(encoding)
    for data in (page, page.encode(encoding)):
        article = article_from_html(data)
        assert article.text.count("café owner") == 6
        assert article.title == "Café wall"


def test_a_page_whose_title_tag_is_never_closed_is_read() -> None:
    body = "".join(f"<p>{_CAFE.format(n=n)}</p>" for n in range(6))
    page = (
        '<html><head><title>Café wall</titavaScript" src="/menu.js"></script>'
        f"<link rel='stylesheet' href='/s.css'></head><body><div>{body}</div></body></html>"
    )
    article = article_from_html(page.encode())
    assert article.title == "Café wall"
    assert article.text.count("café owner") == 6
    # a well-formed title, and markup-like text in a closed one, are left alone
    closed = page.replace("</titavaScript", "</title><script").replace(
        "Café wall", "Café wall &lt;b&gt;"
    )
    assert article_from_html(closed).title == "Café wall <b>"


_PHOTO_STORY = (
    "Fishing boats leave the harbour at first light on Tuesday, as the sun rises behind the old "
    "lighthouse. The fleet has shrunk to a dozen boats, down from forty a decade ago, but the "
    "crews still go out every morning the weather allows, whatever the catch, and sell it on "
    "the quay by nine."
)


def test_a_short_photo_story_is_an_article_not_a_refusal() -> None:
    teasers = "".join(f"<li><a href='/s{i}'>Another story number {i}</a></li>" for i in range(25))
    page = (
        "<html><head><title>Sunrise over the harbour</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<div class='gallery'><figure><img src='dawn.jpg'>"
        "<figcaption>The harbour at dawn.</figcaption></figure>"
        f"<div class='photo-story'><p>{_PHOTO_STORY}</p></div></div>"
        f"<aside><ul>{teasers}</ul></aside></body></html>"
    )
    article = article_from_html(page.encode())
    assert _PHOTO_STORY in article.text
    assert article.word_count == len(_PHOTO_STORY.split())


def test_a_blog_post_inside_noscript_is_the_article() -> None:
    post = "".join(
        f"<p>Roses planted in autumn root before the frost; note {n} says why the soil matters "
        "more than the weather does.</p>"
        for n in range(6)
    )
    page = (
        "<html><head><title>Planting roses in autumn - My garden blog</title></head><body>"
        "<div id='header'><a href='/'>My garden blog</a><p>Thoughts on gardens and more</p></div>"
        f"<div id='app'></div><noscript><div class='post'><h1>Planting roses in autumn</h1>{post}"
        "</div></noscript></body></html>"
    )
    article = article_from_html(page.encode(), url="https://garden.example/roses")
    assert article.text.count("Roses planted in autumn") == 6
    assert "Thoughts on gardens" not in article.text
    assert article.title == "Planting roses in autumn"


_GERMAN = [
    "Die Stadt hat am Dienstag beschlossen, die alte Hafenmauer neu zu bauen.",
    "Die Ingenieure hatten jahrelang vor den Schäden durch die Stürme gewarnt.",
    "Der Rat stritt lange über die Kosten, die nun das Land zur Hälfte trägt.",
    "Die Arbeiten beginnen im März, wenn das Wetter es erlaubt, sagte die Bürgermeisterin.",
    "Anwohner zeigten sich erleichtert, fragten aber, warum es so lange gedauert habe.",
    "Eine Baufirma aus der Region hat den Auftrag über vier Millionen Euro erhalten.",
    "Sie hatte bereits 2015 den Anleger erneuert, der seitdem keine Schäden zeigt.",
    "Während der Bauzeit bleibt die Promenade zwischen Hafen und Strand gesperrt.",
]


def test_readability_alone_wins_when_preparation_leaves_only_an_embedded_post() -> None:
    # The story sits in a box named like a teaser ("promo"), which preparation removes; what is
    # left for readability is the embedded post. readability alone, on the page as it came,
    # finds the story: that is the base inbrief never falls below.
    story = "".join(f"<p>{sentence}</p>" for sentence in _GERMAN)
    embed = (
        "<blockquote class='instagram-media'><p>Sonnenaufgang am Hafen heute früh, was für ein "
        "Morgen! #hafen #morgen #sonne</p><a href='https://instagram.com/p/x'>Instagram</a>"
        "</blockquote>"
    )
    sidebar = "".join(
        f"<li><a href='/n{i}'>Weitere Nachrichten aus der Region Nummer {i}</a></li>"
        for i in range(30)
    )
    page = (
        "<html lang='de'><head><title>Hafenmauer wird neu gebaut</title>"
        "<meta name='author' content='von Heiko Müller'></head><body>"
        f"<div class='promo-story'>{story}</div><div class='embed'>{embed}</div>"
        f"<ul class='more'>{sidebar}</ul></body></html>"
    )
    extraction = extract_page(page.encode(), url="https://zeitung.example/hafen")
    article = extraction.article
    assert extraction.decision.path is Path.READABILITY
    assert all(sentence in article.text for sentence in _GERMAN)
    assert article.confidence <= FALLBACK_CONFIDENCE < 0.5  # the reader shows its warning
    assert article.byline == "Heiko Müller"


def test_own_path_wins_on_an_ordinary_page() -> None:
    body = "".join(f"<p>{_CAFE.format(n=n)} {_PHOTO_STORY}</p>" for n in range(4))
    page = f"<html><head><title>Wall</title></head><body><article>{body}</article></body></html>"
    extraction = extract_page(page.encode())
    assert extraction.decision.path is Path.OWN
    assert extraction.article.confidence > 0.5


def test_a_page_without_an_article_still_gets_the_one_line_error() -> None:
    page = (
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    with pytest.raises(InbriefError, match="no article text found"):
        article_from_html(page.encode())


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("von Heiko Müller", "Heiko Müller"),
        ("Von Heiko Müller", "Heiko Müller"),
        ("View all posts by Jane Roe", "Jane Roe"),
        ("AuthorAndreas Kalt", "Andreas Kalt"),
        ("Jane Roe Harbour Press Published 11:34 PM EST Nov 19, 2019", "Jane Roe Harbour Press"),
        ("Jane Roe, Staff Writer December 29, 2007", "Jane Roe, Staff Writer"),
        ("Jane Roe | Updated 3 hours ago", "Jane Roe"),
        ("Jane Published", "Jane Published"),  # a name, not a date line
        ("Author: Jane Roe", "Jane Roe"),
        ("Posted by: Author: Jane Roe", "Jane Roe"),
        ("By JANE ROE", "JANE ROE"),
        ("di Mario Rossi", "Mario Rossi"),
        ("De Luca", "De Luca"),  # a surname, not a particle
        ("von der Leyen", "von der Leyen"),
        ("Authority Group", "Authority Group"),
        ("Byron Smith", "Byron Smith"),
        ("By", None),
    ],
)
def test_bylines_lose_their_labels_and_keep_names(written: str, name: str | None) -> None:
    assert clean_author(written) == name


def test_a_byline_glued_to_its_label_in_the_body_is_cleaned() -> None:
    body = "".join(f"<p>{_CAFE.format(n=n)} {_PHOTO_STORY}</p>" for n in range(3))
    page = (
        "<html><head><title>Wall</title></head><body><article>"
        f"<div class='author'><span>Author</span><a href='/a'>Andreas Kalt</a></div>{body}"
        "</article></body></html>"
    )
    assert article_from_html(page.encode()).byline == "Andreas Kalt"


def test_an_article_laid_out_in_a_table_is_text_not_a_table() -> None:
    # Old sites put the whole page in a table; its cells hold the article's paragraphs. Read as
    # a data table (rows of cells, typed as code), it had no body words and was refused.
    story = "".join(f"<p>{_CAFE.format(n=n)} {_PHOTO_STORY}</p>" for n in range(3))
    page = (
        "<html><head><title>What to wear</title></head><body><table><tr>"
        "<td><a href='/'>Home</a><br><a href='/guide'>Guide</a></td>"
        f"<td><h1>What to wear</h1>{story}</td></tr></table>"
        "<table><tr><th>City</th><th>Rain (mm)</th></tr><tr><td>Rome</td><td>71</td></tr></table>"
        "</body></html>"
    )
    article = article_from_html(page.encode())
    assert article.text.count("café owner") == 3
    kinds = [block.kind for block in article.body_blocks()]
    assert BlockKind.PARAGRAPH in kinds


def test_a_page_wrapped_in_one_form_keeps_its_article() -> None:
    # ASP.NET pages put the whole page in a <form>; forms were skipped as page furniture.
    story = "".join(f"<p>{_CAFE.format(n=n)} {_PHOTO_STORY}</p>" for n in range(3))
    page = (
        "<html><head><title>Wall</title></head><body><form action='/x'>"
        "<input type='text' name='q'><div class='story'>"
        f"{story}</div></form></body></html>"
    )
    assert article_from_html(page.encode()).text.count("café owner") == 3


def test_prose_in_pre_is_paragraphs_and_code_stays_code() -> None:
    # a press release wrapped by hand at 70 characters, paragraphs apart by blank lines
    lines = [_CAFE.format(n=n) for n in range(8)]
    wrapped = "\n".join(lines[:4]) + "\n\n" + "\n".join(lines[4:])
    page = f"<html><head><title>Notes</title></head><body><pre>{wrapped}</pre></body></html>"
    extraction = extract_page(page.encode())
    assert extraction.decision.path is Path.OWN
    blocks = extraction.article.body_blocks()
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert blocks[0].text == " ".join(lines[:4])
    code = "def wall(n):\n    return {'part': n}  # rebuilt\n" * 10
    program = page.replace(wrapped, code).replace("</pre>", f"</pre><p>{' '.join(lines)}</p>")
    kinds = [b.kind for s in article_from_html(program.encode()).sections for b in s.blocks]
    assert kinds == [BlockKind.CODE, BlockKind.PARAGRAPH]


def test_a_short_post_above_a_long_comment_thread_is_the_article() -> None:
    post = (
        "The harbour board has asked the council for a second survey of the old wall before "
        "any work starts, after divers found that the foundations had moved since the spring "
        "storms, and it wants the results published before the vote next month."
    )
    comment = (
        "I have lived by that wall for forty years and it has always moved a little in the "
        "winter, so I do not see why this is news, but I suppose the board has to be careful."
    )
    comments = "".join(f"<p>{comment} (reply {n})</p>" for n in range(60))
    page = (
        "<html><head><title>Second survey for the wall</title></head><body>"
        f"<div class='post'><h1>Second survey for the wall</h1><p>{post}</p></div>"
        f"<div id='comments'><h3>60 comments</h3><section class='thread'>{comments}</section>"
        "</div></body></html>"
    )
    extraction = extract_page(page.encode())
    assert extraction.article.text == post
    assert extraction.decision.path is Path.OWN
