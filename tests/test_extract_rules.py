"""Structural rules of page extraction, each on a small page written for the purpose."""

from __future__ import annotations

from lxml import html as lxml_html

from inbrief.extract.boilerplate import is_call_to_action, is_shouting_link
from inbrief.extract.choice import Path
from inbrief.extract.page import article_from_html, extract_page
from inbrief.extract.prepare import is_furniture
from inbrief.extract.structure import build_sections
from inbrief.model import Article, BlockKind

_FILLER = [
    "The council met on Tuesday evening, and after a long debate, it voted to rebuild the "
    "old harbour wall before the winter storms arrive in the region.",
    "Engineers had warned for years that the wall, built in 1890, could not take another "
    "season of high tides, and the repairs were delayed again and again by budget disputes.",
    "Residents who live along the front said they were relieved, although several of them, "
    "including the owner of the bakery, asked why the work had taken so long to approve.",
    "The contract, worth four million pounds, goes to a local firm that rebuilt the pier in "
    "2015, and work will start in March if the weather allows it, the council said.",
]


def _page(middle: str = "", head: str = "", after: str = "") -> bytes:
    paragraphs = "".join(f"<p>{text}</p>" for text in _FILLER[:2])
    rest = "".join(f"<p>{text}</p>" for text in _FILLER[2:])
    return (
        f"<!doctype html><html lang='en'><head><title>Harbour wall to be rebuilt</title>{head}"
        "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Harbour wall to be rebuilt</h1>{paragraphs}{middle}{rest}{after}"
        "</article><footer><a href='/about'>About us</a></footer></body></html>"
    ).encode()


def _article(middle: str = "", head: str = "", after: str = "") -> Article:
    return article_from_html(_page(middle, head, after), url="https://example.org/harbour")


def test_plain_page_keeps_every_paragraph_and_drops_navigation() -> None:
    article = _article()
    assert article.text == "\n\n".join(_FILLER)
    assert article.confidence > 0.5


def test_embedded_tweet_is_kept_although_readability_drops_twitter_classes() -> None:
    tweet = (
        "<blockquote class='twitter-tweet'><p>The harbour wall vote passed tonight, "
        "thank you all.</p>— Mayor (@mayor) <a href='https://twitter.com/x'>Nov 1</a>"
        "</blockquote>"
    )
    assert "The harbour wall vote passed tonight" in _article(tweet).text
    wrapped = f"<div class='social-media-embed'>{tweet}</div>"  # "media" scores negatively
    assert "The harbour wall vote passed tonight" in _article(wrapped).text


def test_hidden_and_offscreen_elements_are_dropped() -> None:
    hidden = (
        "<div style='display:none'><p>Hidden text that nobody sees on the page.</p></div>"
        "<div style='position:absolute; left:-9999px'><a href='x'>Download themes free</a></div>"
        "<p hidden>Also hidden from every reader of the page.</p>"
    )
    text = _article(hidden).text
    assert "Hidden text" not in text and "Download themes" not in text
    assert "Also hidden" not in text


def test_a_copy_of_the_story_in_a_box_classed_hidden_is_not_read_twice() -> None:
    copy = "".join(f"<p>{text}</p>" for text in _FILLER)
    hidden = f"<div class='article story hidden'>{copy}</div>"
    assert _article(hidden).text.count(_FILLER[0]) == 1
    # Whole class names only: "hidden-xs" hides a box on phones alone.
    shown = "<div class='hidden-xs'><p>Shown on every screen but the smallest ones.</p></div>"
    assert "Shown on every screen" in _article(shown).text


def test_share_newsletter_and_related_boxes_are_dropped() -> None:
    boxes = (
        "<div class='share-bar'><a href='f'>Facebook</a> <a href='t'>Twitter</a></div>"
        "<div id='newsletterSignup'><p>Get the morning briefing in your inbox.</p></div>"
        "<aside class='related-stories'><p><a href='a'>Pier reopens after repairs</a></p></aside>"
        "<a class='read-more-big'><span>Also on example.org</span><span>Storm hits town</span></a>"
    )
    text = _article(boxes).text
    for furniture in ("Facebook", "morning briefing", "Pier reopens", "Storm hits town"):
        assert furniture not in text
    assert text == "\n\n".join(_FILLER)


def test_teaser_label_with_its_links_and_shouting_links_are_dropped() -> None:
    teasers = (
        "<p><strong>DON'T MISS</strong></p>"
        "<p><a href='/a'>Ferry fares to rise in spring</a></p>"
        "<p><a href='/b'>Lifeboat crew honoured</a></p>"
        "<p><strong><a href='/c'>LOCAL BAKERY WINS NATIONAL PRIZE FOR ITS BREAD</a></strong></p>"
        "<p>Advertisement</p>"
        "<p>Follow us on Facebook, Twitter and Instagram for more news.</p>"
    )
    text = _article(teasers).text
    for furniture in ("DON", "Ferry fares", "Lifeboat", "BAKERY", "Advertisement", "Follow us"):
        assert furniture not in text
    assert text == "\n\n".join(_FILLER)


def test_sentences_about_newsletters_without_links_stay() -> None:
    sentence = "<p>The council will sign up residents to a newsletter about the works.</p>"
    assert "sign up residents to a newsletter" in _article(sentence).text


def test_captions_credits_and_bylines_stay_out_of_the_text_but_keep_their_kind() -> None:
    figure = (
        "<figure><img src='w.jpg'><figcaption>The wall at low tide. Photo: J. Smith"
        "</figcaption></figure><p><span class='image-credit'>(Image: GETTY)</span></p>"
    )
    article = _article(figure, after="")
    assert "low tide" not in article.text and "GETTY" not in article.text
    kinds = {block.kind for block in article.body_blocks()}
    assert BlockKind.CAPTION in kinds


def test_headings_inside_the_body_open_sections() -> None:
    middle = "<h2 class='media-heading'>What happens next</h2>"  # "media" scores negatively
    article = _article(middle)
    headed = [s for s in article.sections if s.heading]
    assert [(s.heading, s.level) for s in headed] == [("What happens next", 2)]
    assert headed[0].blocks[0].text == _FILLER[2]
    assert "What happens next" in article.text


def test_lists_and_quotes_keep_their_shape() -> None:
    middle = (
        "<ul><li>New wall, 300 metres long</li><li>Steps down to the beach</li></ul>"
        "<blockquote><p>We have waited thirty years for this, and it is finally here.</p>"
        "</blockquote>"
    )
    blocks = _article(middle).body_blocks()
    lists = [b for b in blocks if b.kind is BlockKind.LIST]
    quotes = [b for b in blocks if b.kind is BlockKind.QUOTE]
    assert lists and lists[0].items == ["New wall, 300 metres long", "Steps down to the beach"]
    assert quotes and quotes[0].text.startswith("We have waited thirty years")


def test_loose_div_text_becomes_whole_paragraphs() -> None:
    page = (
        b"<html><body><div class='content'>First paragraph of the story, long enough to be "
        b"read as text, with a <a href='x'>link</a> inside the sentence and more words after it "
        b"so that it counts.<br><br>Second paragraph, which continues the story with "
        b"<em>emphasis</em>, commas, and a full stop at the end of it.<br><br>Third paragraph, "
        b"closing the story with one last sentence, and a few more words to finish.</div>"
        b"</body></html>"
    )
    paragraphs = [b.text for b in article_from_html(page).body_blocks()]
    assert len(paragraphs) == 3
    assert paragraphs[0].endswith("more words after it so that it counts.")
    assert paragraphs[1].startswith("Second paragraph") and "with emphasis, commas" in paragraphs[1]


def test_thin_body_falls_back_to_the_declared_article_body_with_low_confidence() -> None:
    body = " ".join(_FILLER)
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour", '
        f'"articleBody": "{body}"}}</script>'
    )
    page = (
        f"<html><head>{head}</head><body><div id='app'><p>Loading the story, please wait."
        "</p></div><ul>"
        + "".join(f"<li><a href='/{i}'>Link {i}</a></li>" for i in range(40))
        + "</ul></body></html>"
    ).encode()
    article = article_from_html(page)
    assert article.text == body
    assert article.confidence <= 0.5


def test_short_body_on_a_busy_page_has_low_confidence() -> None:
    page = (
        "<html><body><p>Just one short line of text.</p>"
        + "".join(f"<div><a href='/{i}'>Other story number {i}</a></div>" for i in range(60))
        + "</body></html>"
    ).encode()
    assert article_from_html(page).confidence < 0.4


def test_a_misnamed_article_container_is_not_furniture() -> None:
    short = [text.split(", ")[0] + "." for text in _FILLER]  # under 150 characters each
    body = "".join(f"<p>{text}</p>" for text in [_FILLER[0], *short])
    page = (
        "<html><body><nav><a href='/'>Home</a></nav>"
        f"<div class='story share-enabled'>{body}</div></body></html>"
    ).encode()
    assert article_from_html(page).text == "\n\n".join([_FILLER[0], *short])


def test_furniture_names_match_whole_words_only() -> None:
    assert is_furniture("article-share-bar")
    assert is_furniture("emailSignup")
    assert is_furniture("read-more-big__container")
    assert not is_furniture("article-body shared-content")
    assert not is_furniture("headline")  # "ad" inside a word is not an ad
    assert not is_furniture("article ad-free")  # a switch on the article, not an ad box


def test_text_rules_need_two_signals() -> None:
    assert is_shouting_link("GET FOX BUSINESS ON THE GO BY CLICKING HERE", 1.0)
    assert not is_shouting_link("GET FOX BUSINESS ON THE GO BY CLICKING HERE", 0.0)
    assert is_call_to_action("Sign up for our free newsletter here.", 0.3)
    assert is_call_to_action("Get the magazine every month. Click here for more.", 0.2)
    assert not is_call_to_action("Get the magazine every month. Click here for more.", 0.0)
    assert not is_call_to_action("A preview was shared with paying subscribers.", 0.3)


def test_a_long_paragraph_that_says_click_here_is_prose_not_a_pitch() -> None:
    prose = (
        "This is the first week the new lens is in stock at the camera shop on the high street "
        "(click here for its page), and only two of them are left, while in Germany the lens "
        "has been in the shops for days now, at a lower price than here."
    )
    assert not is_call_to_action(prose, 0.1)
    article = _article(f"<p>{prose.replace('click here', '<a href=/lens>click here</a>')}</p>")
    assert "only two of them are left" in article.text


def test_credits_and_timestamps_are_typed_apart_and_the_repeated_title_goes() -> None:
    middle = "<p>Image copyright Getty Images</p>"
    head = (
        "<p>Harbour wall to be rebuilt</p><p>Updated 1:39 am EST, Wednesday, November 20, 2019</p>"
    )
    page = _page(middle).replace(b"<h1>Harbour wall to be rebuilt</h1>", head.encode())
    article = article_from_html(page)
    assert article.text == "\n\n".join(_FILLER)
    kinds = {b.text: b.kind for b in article.body_blocks()}
    assert kinds["Image copyright Getty Images"] is BlockKind.CAPTION
    assert kinds["Updated 1:39 am EST, Wednesday, November 20, 2019"] is BlockKind.BYLINE


def test_hover_cards_go_but_the_name_they_hang_from_stays() -> None:
    middle = (
        "<p>Rep. <span class='rollover-people'><a href='/p/1'>Ilhan Omar</a>"
        "<span class='rollover-people-block'><img src='o.jpg'><a href='/p/1'>Ilhan Omar</a>"
        "<a href='/s/2'>Omar wins vote on budget</a><a href='/s/3'>Omar speaks</a></span>"
        "</span> said the harbour wall, built in 1890, was a national treasure.</p>"
    )
    text = _article(middle).text
    assert "Rep. Ilhan Omar said the harbour wall" in text
    assert "Omar wins vote" not in text


def test_wire_credits_tags_and_reading_times_stay_out_of_the_text() -> None:
    after = (
        "<p>Reporting by Jane Roe; Editing by John Doe</p>"
        "<p>Filed under: <a href='/c/harbours'>Harbours</a> | <a href='/c/towns'>Towns</a></p>"
        "<p>Reading time: 3 minutes</p><p>Gallery</p>"
    )
    article = _article(after=after)
    assert article.text == "\n\n".join(_FILLER)
    assert any(b.kind is BlockKind.BYLINE for b in article.body_blocks())


def test_script_notices_shortcodes_and_trailing_empty_headings_go() -> None:
    after = (
        "<p>[button link='/submit' type='big'] Send us YOUR review[/button]</p>"
        "<p>This slideshow requires JavaScript.</p><h3>Tell us what YOU think...</h3>"
    )
    article = _article(after=after)
    assert article.text == "\n\n".join(_FILLER)
    assert not any(section.heading for section in article.sections)


def test_closing_author_bio_is_a_byline_and_rules_are_not_headings() -> None:
    after = "<h2>______________</h2><p>Jane Roe is a reporter for the Harbour Gazette.</p>"
    article = _article(after=after)
    assert article.text == "\n\n".join(_FILLER)
    assert article.body_blocks()[-1].kind is BlockKind.BYLINE


def test_contact_lines_are_bylines_and_live_blog_times_stay() -> None:
    after = (
        "<p>4:14 p.m.</p><p>Officials gave no other details about the harbour wall today.</p>"
        "<p>Like this: Like Loading...</p>"
        "<p>Have a tip? Jane Roe may be reached at jroe@example.org.</p>"
    )
    article = _article(after=after)
    assert "4:14 p.m." in article.text and "Officials gave" in article.text
    assert "Have a tip" not in article.text and "Loading" not in article.text
    assert article.body_blocks()[-1].kind is BlockKind.BYLINE


def test_byline_from_the_body_skips_timestamps() -> None:
    head = "<p>Updated 1:39 am EST, Wednesday, November 20, 2019</p><p>By Jane Roe</p>"
    page = _page().replace(b"<h1>Harbour wall to be rebuilt</h1>", head.encode())
    assert article_from_html(page).byline == "Jane Roe"


def test_a_short_post_in_a_box_named_for_its_author_is_the_text_not_a_byline() -> None:
    post = (
        "Experimental philosophers fit the description of this position at the institute, "
        "and I am told that such applications would be of real interest to the search "
        "committee, which values work across the usual lines between fields."
    )
    page = (
        "<html><head><title>A position at the institute</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/archive'>Archive</a></nav>"
        f"<div class='entry-author-jane_roe entry'><div class='entry-content'><p>{post}</p>"
        "</div></div><div class='byline'>Posted by Jane Roe</div></body></html>"
    )
    article = article_from_html(page.encode())
    assert post in article.text
    assert article.byline == "Jane Roe"
    # typed as the text by the structure itself, not rescued by a fallback path
    box = lxml_html.fragment_fromstring(
        f"<div><div class='entry-author-jane_roe'><p>{post}</p></div>"
        "<div class='author'>Jane Roe</div></div>"
    )
    kinds = [(b.kind, b.text[:12]) for s in build_sections(box) for b in s.blocks]
    assert kinds == [(BlockKind.PARAGRAPH, post[:12]), (BlockKind.BYLINE, "Jane Roe")]


def test_text_indented_with_a_bare_ul_is_read_as_paragraphs() -> None:
    speech = "".join(f"{text}<br><br>" for text in _FILLER)
    box = lxml_html.fragment_fromstring(
        f"<div><p>Hansard extract, 21 May 2003.</p><ul><b>The Hon. Jane Roe</b>: {speech}"
        "<li>a real list item</li></ul></div>"
    )
    text = " ".join(b.text for s in build_sections(box) for b in s.blocks)
    for paragraph in _FILLER:
        assert paragraph in text
    # an ordinary list stays a list
    listed = lxml_html.fragment_fromstring(
        "<div><ul><li>one item</li><li>two items</li></ul></div>"
    )
    assert [b.kind for s in build_sections(listed) for b in s.blocks] == [BlockKind.LIST]


def test_a_list_written_between_the_items_of_another_is_nested_not_lost() -> None:
    box = lxml_html.fragment_fromstring(
        "<div><ol><li>Before testing, professionals should:</li>"
        "<ol type='a'><li>describe the purpose of the test</li><li>say how scores are kept</li>"
        "</ol><li>After testing, they should report the results.</li></ol></div>"
    )
    blocks = [b for s in build_sections(box) for b in s.blocks]
    assert [b.kind for b in blocks] == [BlockKind.LIST]
    assert blocks[0].items == [
        "Before testing, professionals should:",
        "describe the purpose of the test",
        "say how scores are kept",
        "After testing, they should report the results.",
    ]
    assert blocks[0].levels == [0, 1, 1, 0]


_COMMENTS = (
    "<p>What a marvellous plan, the council should have done this years ago and saved a "
    "fortune in repairs to the promenade.</p><p class='posted'>Posted by: Rupert | Mar 26</p>"
    "<p>I disagree entirely with the previous comment, the money would be better spent on "
    "the schools in the town, which are falling apart.</p>"
    "<p class='posted'>Posted by: Terry | Mar 26</p>"
)


def test_readers_comments_under_a_comments_heading_are_not_the_story() -> None:
    article = _article(after=f"<h2>Comments</h2>{_COMMENTS}")
    assert article.text == "\n\n".join(_FILLER)
    article = _article(after=f"<h3>3 Responses to “Harbour wall”</h3>{_COMMENTS}")
    assert article.text == "\n\n".join(_FILLER)


def test_a_section_of_the_story_named_like_comments_stays() -> None:
    """ "Responses to the consultation" heads a part of the story; readers' comments are
    headed "3 Responses to “Title”", with the story's title quoted."""
    section = (
        "<h2>Responses to the consultation</h2><p>Most of the 400 replies the council received "
        "backed the plan, though fishermen asked for the slipway to stay open all year.</p>"
    )
    article = _article(after=section)
    assert article.text.endswith("the slipway to stay open all year.")
    assert "Responses to the consultation" in article.text


def test_readers_comments_in_boxes_named_as_comments_are_not_the_story() -> None:
    boxes = (
        "<div class='commentbody by-rupert'><p>What a marvellous plan, the council should have "
        "done this years ago and saved a fortune in repairs to the promenade, and the pier "
        "too.</p><p class='posted'>Posted by: Rupert | Mar 26</p></div>"
        "<div class='commentbody by-terry'><p>I disagree entirely with the previous comment, "
        "the money would be better spent on the schools in the town, which are falling "
        "apart.</p><p class='posted'>Posted by: Terry | Mar 26</p></div>"
    )
    assert _article(after=boxes).text == "\n\n".join(_FILLER)
    # "commentary" names the article itself, not readers' comments.
    named = _page().replace(b"<article>", b"<article><div class='commentary'>")
    named = named.replace(b"</article>", b"</div></article>")
    assert article_from_html(named).text == "\n\n".join(_FILLER)


def test_a_comments_opener_after_the_story_ends_it_but_not_a_link_to_them() -> None:
    article = _article(after=f"<p>Have your say</p>{_COMMENTS}")
    assert article.text == "\n\n".join(_FILLER)
    link = "<p><a href='/harbour#comments'>Comments (0)</a></p>"
    article = _article(after=f"{link}<p>A second post follows on the same page of the blog.</p>")
    assert "A second post follows" in article.text
    # Before the story, "Have your say" is a link bar's label, not the end of anything.
    page = _page().replace(b"<h1>Harbour wall to be rebuilt</h1>", b"<p>Have your say</p>")
    assert article_from_html(page).text.endswith("\n\n".join(_FILLER))


def test_a_post_whose_class_says_comments_are_open_is_not_a_comments_box() -> None:
    story = "".join(f"<p>{text}</p>" for text in _FILLER)
    aside = "".join(
        f"<li><a href='/p/{n}'>Archive entry number {n} of the harbour blog</a></li>"
        for n in range(60)
    )
    page = (
        "<html><head><title>Harbour wall to be rebuilt</title></head><body>"
        f"<div class='post hentry comments-open'><h1>Harbour wall to be rebuilt</h1>{story}</div>"
        f"<div class='sidebar'><ul>{aside}</ul></div></body></html>"
    )
    found = extract_page(page.encode())
    assert found.article.text == "\n\n".join(_FILLER)
    assert found.decision.path is Path.OWN  # our own body, not a fallback's
