"""trafilatura as a second opinion: asked only when our own body is unsure, imported only then.

Pages are written here; none is taken from a benchmark.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

import pytest

from inbrief.extract import choice, second
from inbrief.extract.choice import FALLBACK_CONFIDENCE, Path
from inbrief.extract.page import extract_page
from inbrief.model import BlockKind

_SENTENCE = "The ferry to the island ran again on {day} after the storm had closed the harbour."
_STORY = "".join(f"<p>{_SENTENCE.format(day=day)}</p>" for day in ("Monday", "Tuesday", "Friday"))


@dataclass(frozen=True)
class _Body:
    path: Path
    words: int
    link_density: float = 0.0


def _asked(calls: list[str], name: str, body: _Body):  # type: ignore[no-untyped-def]
    def call() -> _Body:
        calls.append(name)
        return body

    return call


def test_second_opinion_is_not_asked_when_our_body_is_sure() -> None:
    calls: list[str] = []
    own = _Body(Path.OWN, 300)
    body, decision = choice.choose(
        own,
        400,
        _asked(calls, "alternative", _Body(Path.DENSEST, 0)),
        _asked(calls, "alone", _Body(Path.READABILITY, 0)),
        second=_asked(calls, "second", _Body(Path.SECOND, 900)),
    )
    assert body is own and decision.path is Path.OWN
    assert calls == []


def test_second_opinion_is_asked_only_when_no_other_path_found_text() -> None:
    calls: list[str] = []
    opinion = _Body(Path.SECOND, 200)
    body, decision = choice.choose(
        _Body(Path.OWN, 0),
        400,
        _asked(calls, "alternative", _Body(Path.DENSEST, 0)),
        _asked(calls, "alone", _Body(Path.READABILITY, 0)),
        second=_asked(calls, "second", opinion),
        plain=_asked(calls, "plain", _Body(Path.READABILITY, 3)),
    )
    assert body is opinion and decision.path is Path.SECOND
    assert calls == ["alternative", "alone", "plain", "second"]


@pytest.mark.parametrize(
    ("alone", "plain"),
    [
        (_Body(Path.READABILITY, 150), _Body(Path.READABILITY, 0)),
        (_Body(Path.READABILITY, 0), _Body(Path.READABILITY, 30)),
    ],
)
def test_any_text_of_the_other_paths_wins_over_the_second_opinion(
    alone: _Body, plain: _Body
) -> None:
    calls: list[str] = []
    body, decision = choice.choose(
        _Body(Path.OWN, 0),
        400,
        lambda: _Body(Path.DENSEST, 0),
        lambda: alone,
        second=_asked(calls, "second", _Body(Path.SECOND, 900)),
        plain=lambda: plain,
    )
    assert body is (alone if alone.words else plain)
    assert decision.path is not Path.SECOND
    assert calls == []


def test_a_second_opinion_shorter_than_an_article_is_no_article() -> None:
    body, decision = choice.choose(
        _Body(Path.OWN, 0),
        400,
        lambda: _Body(Path.DENSEST, 0),
        lambda: _Body(Path.READABILITY, 0),
        second=lambda: _Body(Path.SECOND, choice.PLAIN_WORDS - 1),
    )
    assert body.words == 0 and decision.path is not Path.SECOND


def test_a_page_only_trafilatura_reads_keeps_its_structure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Our own body and readability alone find no article text (the page would be refused);
    # the second opinion's article (given here as trafilatura's HTML) is shown, its heading
    # and list typed.
    found = (
        f"<html><body><p>{_SENTENCE.format(day='Sunday')}</p><h2>Timetable</h2>{_STORY}"
        "<ul><li>Morning boat at seven from the north pier, every day but Sunday</li>"
        "<li>Evening boat at six from the south pier, on weekdays only</li></ul></body></html>"
    )
    monkeypatch.setattr(second, "trafilatura_html", lambda tree: found)
    page = (
        "<html><head><title>Ferry runs again</title></head><body>"
        "<div><img src='/ferry.jpg'></div><script>render('story')</script></body></html>"
    )
    extraction = extract_page(page.encode())
    article = extraction.article
    assert extraction.decision.path is Path.SECOND
    assert "Timetable" in [section.heading for section in article.sections]
    kinds = {block.kind for section in article.sections for block in section.blocks}
    assert BlockKind.LIST in kinds
    assert _SENTENCE.format(day="Friday") in article.text
    assert article.confidence <= FALLBACK_CONFIDENCE


def test_trafilatura_failing_is_no_opinion_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura
    from lxml import html as lxml_html

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("parser crashed")

    monkeypatch.setattr(trafilatura, "extract", broken)
    assert second.trafilatura_html(lxml_html.fromstring("<p>text</p>")) == ""


def test_trafilatura_reads_an_article_it_is_given() -> None:
    from lxml import html as lxml_html

    body = "".join(
        f"<p>{_SENTENCE.format(day=day)} Crews checked every ramp and rope twice.</p>"
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
    )
    tree = lxml_html.fromstring(
        "<html><head><title>Ferry</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Ferry</h1>{body}</article></body></html>"
    )
    sections, link_share = second.second_sections(tree, "Ferry", None)
    text = " ".join(block.text for section in sections for block in section.blocks)
    assert _SENTENCE.format(day="Saturday") in text
    assert "Home" not in text
    assert link_share == 0.0


def test_a_sure_page_does_not_import_trafilatura() -> None:
    code = (
        "import sys\n"
        "from inbrief.extract.page import extract_page\n"
        f"body = {(_STORY * 4)!r}\n"
        "page = '<html><head><title>Ferry</title></head><body><article>' + body"
        " + '</article></body></html>'\n"
        "extraction = extract_page(page.encode())\n"
        "assert extraction.decision.path.value == 'inbrief', extraction.decision\n"
        "print('trafilatura' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_the_densest_container_is_not_a_comment_thread() -> None:
    from lxml import html as lxml_html

    from inbrief.extract.fallback import densest_container

    post = "<p>Happy Friday! We love this board and the chic couple we celebrate this weekend.</p>"
    comments = "".join(
        f"<li class='comment'><p>{_SENTENCE.format(day=day)} Lovely post, thanks!</p>"
        f"<p>Reply from the author about {day}, with more words than the post has.</p></li>"
        for day in ("Monday", "Tuesday", "Friday")
    )
    tree = lxml_html.fromstring(
        f"<html><body><div class='post'>{post}</div>"
        f"<div id='comments'><ol>{comments}</ol></div></body></html>"
    )
    container = densest_container(tree)
    assert container is not None and container.get("class") == "post"


def test_a_commentary_is_an_article_not_comments() -> None:
    from lxml import html as lxml_html

    from inbrief.extract.fallback import densest_container

    tree = lxml_html.fromstring(
        f"<html><body><div class='commentary-body'>{_STORY}</div><p>Short.</p></body></html>"
    )
    container = densest_container(tree)
    assert container is not None and container.get("class") == "commentary-body"
