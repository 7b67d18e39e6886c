"""Metadata ground truth for nine of the 88 benchmark pages, checked by hand against each page.

The fixtures under ``fixtures/meta/`` are the pages' own head markup (title, meta tags,
canonical link, JSON-LD with long fields cut) plus, where a field is only in the body, the one
element that carries it. Values were compared with what the page shows a reader: the headline
above the story, the byline, the date line (converted to its UTC offset), the site's name.
"""

from __future__ import annotations

from typing import Any

import pytest
from lxml import html as lxml_html

from inbrief.extract.dates import normalize_date
from inbrief.extract.metadata import read_metadata
from tests.conftest import FIXTURES

#: page -> field -> hand-checked value. ``...`` marks a field the page contradicts itself on.
TRUTH: dict[str, dict[str, Any]] = {
    "wsj": {
        "title": "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay",
        "byline": "Sarah E. Needleman",
        "site": "WSJ",
        "published": "2019-11-19T13:03:00+00:00",  # shown as "Nov. 19, 2019 8:03 am ET"
        "language": "en-US",
        "url": "https://www.wsj.com/articles/google-stadia-microsoft-xcloud-apple-arcade-so-many-ways-to-playand-pay-11574168580",
    },
    "sportsnet": {  # headline declared with a " - Sportsnet.ca" suffix; date only in the body
        "title": "Nadal keeps Spain alive against Russia in Davis Cup Finals",
        "byline": "Associated Press",
        "site": "Sportsnet.ca",
        "published": "2019-11-19T09:02:00",
        "language": "en",
        "url": "https://www.sportsnet.ca/tennis/argentina-comfortably-wins-davis-cup-opener-chile/",
    },
    "techcrunch": {
        "title": "New York State Attorney General reportedly investigating WeWork",
        "byline": "Catherine Shu",
        "site": "TechCrunch",
        # Declared 2019-11-19T04:58:46Z, shown in sailthru.date as 2019-11-18 20:58:46 (its
        # address says 2019/11/18): the same moment in the page's own zone.
        "published": "2019-11-18T20:58:46-08:00",
        "language": "en-US",
        "url": "https://techcrunch.com/2019/11/18/new-york-state-attorney-general-reportedly-investigating-wework/",
    },
    "ign": {
        "title": "Daily Deals: More Black Friday Deals Are Live, Including PS4 DualShock "
        "Controller, Apple AirPods and Watches, and More",
        "byline": "Eric Song",
        "site": "IGN",
        "published": "2019-11-18T20:11:06+00:00",  # "Posted: 18 Nov 2019 8:11 pm"
        "language": "en",
        "url": "https://www.ign.com/articles/2019/11/18/daily-deals-more-black-friday-deals-are-live-including-ps4-dualshock-controller-apple-airpods-and-watches-and-more",
    },
    "linknaija": {  # title entity-escaped twice in its meta; site name carries a tagline
        "title": "BREAKING NEWS: Chelsea Activate £71.6m Release Clause To Sign Kepa "
        "Arrizabalaga From Athletic Bilbao",
        "byline": "LinkNaija",
        "site": "LinkNaija",
        "published": "2018-08-08T11:24:00+02:00",
        "url": "https://www.linknaija.com/2018/08/breaking-news-chelsea-activate-716m.html",
    },
    "slashgear": {
        "title": "2020 Audi e-tron Sportback revealed as electric 4-door coupe",
        "byline": "Chris Davies",
        "site": "SlashGear",
        # Shown "Nov 19, 2019, 8:15 pm CST", declared 2019-11-20T02:15:49-06:00 (UTC time
        # labelled CST): the declaration wins, so the date is not asserted.
        "published": ...,
        "language": "en-US",
        "url": "https://www.slashgear.com/2020-audi-e-tron-sportback-revealed-as-electric-4-door-coupe-19600369/",
    },
    "space": {
        "title": "The Weird Plumes of Jupiter's Moon Europa Are Spewing Water Vapor",
        "byline": "Mike Wall",
        "site": "Space.com",
        "published": "2019-11-18T20:51:19+00:00",
        "language": "en",
        "url": "https://www.space.com/jupiter-moon-europa-water-vapor-confirmed.html",
    },
    "aljazeera": {  # JSON-LD date "20 Nov 2019 08:02 GMT"
        "title": "US service members killed in Afghanistan helicopter crash",
        "site": "Al Jazeera",
        "published": "2019-11-20T08:02:00+00:00",
        "url": "https://www.aljazeera.com/news/2019/11/service-members-killed-afghanistan-helicopter-crash-191120070028895.html",
    },
    "zdnet": {
        "title": "Best tech gadgets of 2019",
        "byline": "Jason Cipriani",
        "site": "ZDNet",
        # Shown "November 18, 2019 -- 19:14 GMT", declared "2019-11-19 19:31:39": not asserted.
        "published": ...,
        "language": "en",
        "url": "https://www.zdnet.com/article/best-tech-gadgets/",
    },
}


@pytest.mark.parametrize("page", sorted(TRUTH))
def test_metadata_matches_hand_checked_values(page: str) -> None:
    markup = (FIXTURES / "meta" / f"{page}.html").read_text(encoding="utf-8")
    meta = read_metadata(lxml_html.document_fromstring(markup))
    for field, expected in TRUTH[page].items():
        if expected is not ...:
            assert getattr(meta, field) == expected, field


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2019-11-19T13:03:00Z", "2019-11-19T13:03:00+00:00"),
        ("Mon, 18 Nov 2019 20:51:19 +0000", "2019-11-18T20:51:19+00:00"),
        ("Wed Nov 20 2019 08:00:58 GMT+0000", "2019-11-20T08:00:58+00:00"),
        ("20 Nov 2019 08:02 GMT", "2019-11-20T08:02:00+00:00"),
        ("November 19, 2019, 9:02 PM", "2019-11-19T21:02:00"),
        ("Sept. 3, 2019", "2019-09-03"),
        ("2019/11/19", "2019-11-19"),
        ("2019-11-19 10:00:00 -0500", "2019-11-19T10:00:00-05:00"),
        ("yesterday", None),
        ("2019-02-30", None),
        ("0001-01-01T00:00:00+00:00", None),  # an empty date field, not a date
    ],
)
def test_dates_in_common_shapes_become_iso_8601(written: str, iso: str | None) -> None:
    assert normalize_date(written) == iso


def test_declarations_win_over_markup() -> None:
    markup = (
        '<html lang="fr"><head><meta property="og:title" content="Déclaré">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Le titre '
        'complet", "datePublished": "2020-01-02T03:04:05+01:00", "author": [{"name": "A. B."},'
        ' {"name": "C. D."}]}</script></head><body><h1>Court</h1>'
        '<time datetime="2021-01-01">1 Jan</time></body></html>'
    )
    meta = read_metadata(lxml_html.document_fromstring(markup))
    assert meta.title == "Le titre complet"
    assert meta.published == "2020-01-02T03:04:05+01:00"
    assert meta.byline == "A. B., C. D."
    assert meta.language == "fr"


def test_language_from_locale_when_html_has_no_lang() -> None:
    markup = '<html><head><meta property="og:locale" content="pt_BR"></head><body></body></html>'
    assert read_metadata(lxml_html.document_fromstring(markup)).language == "pt-BR"


def test_language_is_guessed_from_the_body_only_when_the_page_declares_none() -> None:
    from inbrief.ingest import RawSource, articles_from_raw

    def article_from_html(page: str):  # type: ignore[no-untyped-def]
        return articles_from_raw(RawSource(page.encode(), "page.html"))[0]

    from inbrief.nlp.detect import detect_language as guess_language

    german = (
        "Die Regierung hat am Dienstag beschlossen, dass die neue Brücke nicht vor dem Jahr "
        "2030 gebaut wird. Der Bürgermeister sagte, die Stadt habe sich mit dem Land auf einen "
        "Plan geeinigt, und die Kosten für den Bau würden von beiden getragen."
    )
    assert guess_language(german) == "de"
    assert guess_language("Short.") is None
    page = f"<html><body><article><p>{german}</p><p>{german}</p></article></body></html>"
    assert article_from_html(page).language == "de"
    declared = page.replace("<html>", '<html lang="de-AT">')
    assert article_from_html(declared).language == "de-AT"


def test_a_date_only_in_the_text_is_found_by_htmldate() -> None:
    markup = (
        "<html><head><title>Wall</title></head><body><h1>Wall</h1>"
        '<div class="info">Tuesday, 6 March 2012</div><p>The council voted to rebuild.</p>'
        "</body></html>"
    )
    assert read_metadata(lxml_html.document_fromstring(markup)).published == "2012-03-06"


@pytest.mark.parametrize(
    ("shown", "published"),
    [
        # the date line under the headline, in the writer's wall-clock time
        ('<time datetime="2021-03-05T04:30:10Z">March 4, 2021 11:30 PM</time>',
         "2021-03-04T23:30:10-05:00"),
        # a date class with day and time apart, as a reader sees them
        ('<div class="story-datePublished"><span>Mar. 4, 2021</span> <span>8:30 PM</span></div>',
         "2021-03-04T20:30:10-08:00"),
        # a naive timestamp in a meta tag
        ('<meta name="article.date" content="2021-03-05 10:00:10">', "2021-03-05T10:00:10+05:30"),
        # a time to another minute is another moment (a related story): UTC is kept
        ('<time>March 4, 2021 11:12 PM</time>', "2021-03-05T04:30:10+00:00"),
        # more than a time zone away: not the same moment
        ('<time>March 3, 2021 4:30 AM</time>', "2021-03-05T04:30:10+00:00"),
    ],
)  # fmt: skip
def test_a_utc_date_takes_the_zone_the_page_shows_it_in(shown: str, published: str) -> None:
    markup = (
        '<html><head><meta property="article:published_time" content="2021-03-05T04:30:10Z">'
        f"{shown if shown.startswith('<meta') else ''}</head><body><h1>Bridge</h1>"
        f"{'' if shown.startswith('<meta') else shown}<p>The council voted.</p></body></html>"
    )
    assert read_metadata(lxml_html.document_fromstring(markup)).published == published
