"""Selection rules of the default summarizer, on small texts written for the purpose."""

from __future__ import annotations

import json

import pytest

from inbrief import render
from inbrief.model import Article, Block, BlockKind, Section
from inbrief.nlp.language import get_language
from inbrief.summarize import SummaryOptions, default, summarize
from inbrief.summarize.centrality import gather
from inbrief.summarize.selection import SelectParams
from inbrief.summarize.standalone import stands_alone
from inbrief.summarize.units import sentence_units, title_terms

ENGLISH = get_language("en")


def article(title: str, *sections: tuple[str, list[str]]) -> Article:
    """An article whose sections hold one paragraph per string."""
    return Article(
        title=title,
        language="en",
        sections=[
            Section(heading, 1 if heading else 0, [Block(BlockKind.PARAGRAPH, [p]) for p in paras])
            for heading, paras in sections
        ],
    )


def texts(art: Article, options: SummaryOptions) -> list[str]:
    return [t.text for t in summarize(art, options).takeaways]


LIBRARY = article(
    "Council approves library budget",
    (
        "",
        [
            "The city council approved a larger budget for the public libraries on Monday.",
            "On Monday the city council approved a larger budget for the public libraries.",
            "Opening hours at the central library will grow to seventy hours a week.",
            "Branch libraries in three districts will hire twelve new librarians next spring.",
            "The libraries will also buy thousands of new children's books for the budget year.",
        ],
    ),
)


def test_two_picks_never_say_the_same_thing() -> None:
    chosen = texts(LIBRARY, SummaryOptions(sentences=2))
    assert chosen[0].startswith("The city council approved")
    assert not any(text.startswith("On Monday the city council") for text in chosen)


def test_without_redundancy_control_the_duplicate_would_win() -> None:
    """The rule above is what keeps the restatement out: switched off, it is picked."""
    units = sentence_units(LIBRARY, ENGLISH)
    evidence = gather(units, title_terms(LIBRARY, ENGLISH))
    opening = default.opening_scores(evidence)
    blind = SelectParams(redundancy=0.0, duplicate=2.0, same=2.0)
    assert sorted(default.choose(evidence, opening, opening, 2, blind)) == [0, 1]
    assert 1 not in default.choose(evidence, opening, opening, 2)


def test_a_repeated_sentence_is_given_once() -> None:
    """A page that repeats its lines (a template, a scraped loop) gives each of them once in the
    gist and the takeaways, however many sentences are asked for (before: the same takeaway
    eight times, and a gist of one sentence twice)."""
    repeated = "The council approved the new budget on Tuesday."
    other = "Critics said the plan ignores the housing shortage in the north."
    story = article("Budget", ("", [repeated] * 5 + [other] + [repeated] * 5))
    summary = summarize(story, SummaryOptions(sentences=6))
    assert sorted(t.text for t in summary.takeaways) == sorted([repeated, other])
    only = article("Budget", ("", [repeated] * 60))
    summary = summarize(only, SummaryOptions(sentences=8))
    assert [t.text for t in summary.gist] == [repeated]
    assert [t.text for t in summary.takeaways] == [repeated]


@pytest.mark.parametrize(
    "text",
    [
        "He said the budget was the largest in a decade.",
        "But the mayor warned that the money might not last.",
        "This comes after years of cuts to opening hours.",
        "They also praised the librarians for their work.",
        "Both were arrested on Monday.",
        "“It is a clear threat to the region,” he said.",
        '"The libraries are the heart of the city, and',
        "Budget highlights",
        "What the budget includes:",
        "olive oil for the potatoes (or 1 tsp.",
        "Tomato salad (half a cup of cherry tomatoes, 1 Tbsp.",
        "There he met the woman who would become his wife.",
        "There, the council found the money it needed.",
        "It was a disaster for the council.",
        "It 's a decision the mayor will regret.",
    ],
)
def test_sentences_that_cannot_stand_alone(text: str) -> None:
    assert not stands_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the budget was the largest in a decade.",
        "This year the libraries will open on Sundays.",
        "These new books arrive in the spring, the council said.",
        "Both leaders said they would build a closer energy partnership.",
        "“We see a clear threat to the region,” said Alexander Korolev.",
        'The mayor called the libraries "the heart of the city".',
        "Chelsea have paid the fee to secure the signing of the Athletic Bilbao keeper Kepa",
        "iPhone sales rose by a tenth in the quarter (the first rise in a year).",
        "There were twelve deaths on the county's roads last year.",
        "There 's no cure for the disease, doctors say.",
        "There’ll be a vote on the budget in March.",
        "It was reported that the mayor would resign in the spring.",
        "It 's now been revealed that the council sold the library in 2019.",
        "It is unclear whether the bridge will open on time.",
    ],
)
def test_sentences_that_stand_alone(text: str) -> None:
    assert stands_alone(text)


BUDGET_STORY = [
    "The council approved a larger library budget on Monday. "
    "But the library budget still trails the budget of a decade ago. "
    "He said the library budget would grow again next year.",
    "The library budget pays for longer opening hours at every branch. "
    "This means the library budget covers Sundays for the first time.",
    "Twelve librarians will join the branches in the spring.",
    "Children's books make up a third of the new purchases.",
]


def test_dependent_sentences_are_never_brief_takeaways() -> None:
    """Central, early and on-topic, yet each leans on what came before: a brief summary
    (under a third of the sentences) takes none of them whose predecessor it does not take."""
    filler = [
        f"The {name} branch will stay open until eight in the evening." for name in
        ("north", "south", "east", "west", "harbour", "castle", "market", "station")
    ]  # fmt: skip
    art = article("Library budget grows", ("", BUDGET_STORY + filler))
    units = sentence_units(art, ENGLISH)
    assert len(units) == 15  # 3 of 15 is brief
    chosen = texts(art, SummaryOptions(sentences=3))
    assert len(chosen) == 3
    for text in chosen:
        if not stands_alone(text):
            index = [u.text for u in units].index(text)
            assert units[index - 1].text in chosen


def test_a_brief_takeaway_may_lean_on_the_pick_right_before_it() -> None:
    units = sentence_units(article("Budget", ("", BUDGET_STORY)), ENGLISH)
    evidence = gather(units, ())
    admits = default.admission(evidence, condensed=False)
    he_said = 2  # "He said the library budget would grow again next year."
    assert not evidence.readings[he_said].stands_alone
    assert admits(he_said, [1]) and not admits(he_said, [0])
    assert admits(0, [])  # a sentence that reads on its own is always admitted


HARBOUR = [
    "The city council approved a new harbour bridge on Tuesday after a long debate.",
    "The vote followed three years of planning and public hearings across the city.",
    "Construction is expected to begin next spring and last about four years.",
    "Critics said the new harbour bridge would cost the city council far more than planned.",
    "Local shops hope the work will bring more visitors to the waterfront.",
    "The old ferry service will keep running until the bridge opens.",
    "A final design will be presented to residents in the autumn.",
]


def _picked(paragraphs: list[str], count: int) -> list[int]:
    art = article("Council approves new harbour bridge", ("", paragraphs))
    return [paragraphs.index(text) for text in texts(art, SummaryOptions(sentences=count))]


def test_a_brief_summary_keeps_the_opening_unless_its_picks_clearly_beat_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The gist score prefers the critics' sentence to the third one, by a little: a
    three-sentence summary of a story without headings stays the plain lead."""
    assert _picked(HARBOUR, 3) == [0, 1, 2]
    monkeypatch.setattr(default, "LEAD_MARGIN", 0.0)
    assert _picked(HARBOUR, 3) == [0, 1, 3]


def test_a_later_sentence_that_clearly_beats_the_opening_one_replaces_it() -> None:
    critics = "Critics said the new harbour bridge approved by the council would cost the city"
    paragraphs = [
        *HARBOUR[:2],
        "Builders expect to start next spring.",
        f"{critics} far more than planned.",
        *HARBOUR[4:],
    ]
    assert _picked(paragraphs, 3) == [0, 1, 3]


def test_the_lead_of_a_brief_summary_obeys_its_standalone_rules() -> None:
    """A question does not open it; a leaning sentence joins it right after the sentence it
    leans on."""
    paragraphs = [
        "Who pays for a new harbour bridge?",
        *HARBOUR[:1],
        "It followed three years of planning and public hearings across the city.",
        *HARBOUR[2:],
    ]
    units = sentence_units(article("Bridge", ("", paragraphs)), ENGLISH)
    evidence = gather(units, ())
    assert default.lead(evidence, 3) == [1, 2, 3]
    assert default.lead(evidence, len(units)) is None


def test_the_lead_opens_with_the_articles_first_sentence_whatever_its_first_word() -> None:
    """Nothing comes before an article's first sentence, so its pronoun points ahead or at
    nothing: the lead starts there. Later, the same opener still leans."""
    opener = (
        "He may not be playing much for the city club, but goalkeeper Anders Lindegaard "
        "has plenty to smile about this spring."
    )
    paragraphs = [opener, *HARBOUR[1:]]
    units = sentence_units(article("Goalkeeper", ("", paragraphs)), ENGLISH)
    evidence = gather(units, ())
    assert default.lead(evidence, 3) == [0, 1, 2]
    assert not evidence.readings[0].stands_alone
    later = sentence_units(article("Goalkeeper", ("", [*HARBOUR[:2], opener])), ENGLISH)
    assert not gather(later, ()).readings[2].opens_alone


def test_a_condensed_summary_opens_with_a_sentence_that_stands_alone() -> None:
    """Keeping four sentences or more and a third of them or more, the summary reads as a
    shortened article: after its gist sentence any sentence but a heading may follow."""
    art = article("Library budget grows", ("", BUDGET_STORY))
    units = sentence_units(art, ENGLISH)
    evidence = gather(units, ())
    assert len(units) == 7
    assert default.is_condensed(evidence, 4) and not default.is_condensed(evidence, 3)
    longer = gather(sentence_units(article("Budget", ("", BUDGET_STORY * 2)), ENGLISH), ())
    assert not default.is_condensed(longer, 4)  # 4 of 14: under a third
    assert default.admission(evidence, condensed=True)(2, [])
    summary = summarize(art, SummaryOptions(sentences=4))
    assert len(summary.takeaways) == 4
    assert stands_alone(summary.gist[0].text)


def test_a_condensed_summary_takes_every_pick_by_the_takeaway_score_and_puts_its_gist_first() -> (
    None
):
    """No opening pick is forced on a condensed summary: its picks are the takeaway score's
    (here one that prefers the last sentences), and the gist is the best of them by the
    gist score among those that read on their own."""
    units = sentence_units(article("Library budget grows", ("", BUDGET_STORY)), ENGLISH)
    evidence = gather(units, ())
    opening = default.opening_scores(evidence)
    takeaway = [float(i) for i in range(len(units))]  # the later, the better
    picks = default.choose(evidence, opening, takeaway, 4)
    assert sorted(picks) == [3, 4, 5, 6]
    alone = [i for i in picks if evidence.readings[i].stands_alone]
    assert picks[0] == max(alone, key=lambda i: (opening[i], -i))
    assert 0 not in picks  # the sentence a brief summary opens with is not forced in
    assert default.choose(evidence, opening, takeaway, 3)[0] == 0  # brief: opening picks


def test_a_condensed_summary_keeps_the_sentences_the_rest_leans_on() -> None:
    """Condensed, the takeaways are TextRank's central sentences wherever they stand: the
    late sentence whose terms the others share is kept, the asides are not."""
    paragraphs = [
        "Residents of the valley woke to grey skies on Monday.",
        "A farmer counted his sheep twice before breakfast.",
        "The regional water board said the reservoir would supply the valley towns.",
        "The reservoir dam was built by the water board in 1962.",
        "A local bakery sold out of bread before noon.",
        "The water board will repair the reservoir dam so the valley towns keep their supply.",
        "Engineers said repairs to the reservoir dam would take the water board a year.",
        "Children in the valley towns had a day off school.",
        "The weather is expected to stay grey.",
    ]
    art = article("Valley news", ("", paragraphs))
    evidence = gather(sentence_units(art, ENGLISH), ())
    assert default.is_condensed(evidence, 4)
    picked = {paragraphs.index(t) for t in texts(art, SummaryOptions(sentences=4))}
    assert 5 in picked and not picked & {1, 4, 8}


def test_an_article_with_headings_is_never_condensed() -> None:
    sentence = "The rail plan adds capacity for freight trains in the whole region."
    art = article("Plans", ("", [sentence] * 3), ("Costs", [sentence] * 3))
    evidence = gather(sentence_units(art, ENGLISH), ())
    assert not default.is_condensed(evidence, 6)


def test_takeaways_spread_over_the_sections_that_carry_weight() -> None:
    """An intro that repeats itself does not crowd out the sections that follow."""
    intro = [
        "The new stadium will open next year after a decade of planning.",
        "The new stadium cost the city far more than planned.",
        "Critics of the new stadium say the city paid too much for it.",
        "Supporters of the new stadium say it will bring visitors downtown.",
    ]
    transport = [
        "A tram line will link the stadium with the main station by the summer.",
        "The tram will run every five minutes on match days.",
    ]
    housing = [
        "Two thousand flats are planned on the land around the stadium.",
        "A quarter of the flats will be let at social rents.",
    ]
    art = article(
        "A stadium for the city", ("", intro), ("Transport", transport), ("Housing", housing)
    )
    summary = summarize(art, SummaryOptions(sentences=4))
    assert {t.section for t in summary.takeaways} == {0, 1, 2}


def test_a_sentence_cut_short_by_the_splitter_is_no_takeaway() -> None:
    """Punkt splits after an abbreviation it does not know; neither half is a takeaway."""
    art = article(
        "Budget",
        (
            "",
            [
                "The council set aside money for libraries, parks etc. "
                "and for repairs to the old town hall, the mayor said on Monday.",
                "Libraries will open on Sundays from next spring onwards.",
                "Parks will get new benches and more bins this summer.",
                "Repairs to the town hall roof start in the autumn.",
            ],
        ),
    )
    units = sentence_units(art, ENGLISH)
    assert units[0].text.endswith("etc.")  # the split this test is about
    chosen = texts(art, SummaryOptions(sentences=3))
    assert not any(t.endswith("etc.") or t.startswith("and for") for t in chosen)


def test_an_article_without_headings_is_one_part() -> None:
    """No stretches without headings: people's summaries of news keep the opening."""
    sentence = "The rail plan adds capacity for freight trains in the whole region."
    evidence = gather(sentence_units(article("Plans", ("", [sentence] * 24)), ENGLISH), ())
    assert default.parts(evidence, 4) == [0] * 24


def test_a_long_section_is_cut_into_stretches_of_equal_words() -> None:
    sentence = "The rail plan adds capacity for freight trains in the whole region."
    art = article("Plans", ("", [sentence] * 24), ("Costs", [sentence] * 2))
    evidence = gather(sentence_units(art, ENGLISH), ())
    labels = default.parts(evidence, 4)
    assert labels[:24] == [0] * 6 + [1] * 6 + [2] * 6 + [3] * 6
    assert labels[24:] == [4, 4]  # a short section stays one part


def test_gist_is_short_and_comes_first_in_every_format() -> None:
    summary = summarize(LIBRARY, SummaryOptions(sentences=3))
    assert 1 <= len(summary.gist) <= 2
    assert summary.gist[0].text.startswith("The city council approved")
    text = render.summary_text(LIBRARY, summary).splitlines()
    assert text[3].startswith("Gist: The city council approved")
    assert text.index(text[3]) < min(i for i, line in enumerate(text) if line.startswith("• "))
    markdown = render.summary_markdown(LIBRARY, summary)
    assert markdown.index("## Gist") < markdown.index("## Key takeaways")
    data = json.loads(render.dumps(render.summary_json(LIBRARY, summary)))
    assert list(data).index("gist") < list(data).index("sentences")
    assert data["gist"][0]["text"] == summary.gist[0].text
    assert len(data["sentences"]) == 3


def test_a_two_sentence_gist_only_when_both_are_short() -> None:
    long_first = "The council approved " + "a very long list of items, " * 6 + "on Monday."
    art = article(
        "Council", ("", [long_first, "Libraries get more money this year.", "Parks too."])
    )
    assert len(summarize(art).gist) == 1
    short = article(
        "Council budget",
        ("", ["The council passed the budget.", "Libraries get more money.", "Parks get less."]),
    )
    assert len(summarize(short).gist) == 2


def test_every_section_gets_a_gist_from_its_own_sentences() -> None:
    art = article(
        "Stadium",
        ("", ["The new stadium opens next year after years of planning and debate."]),
        (
            "Transport",
            ["But the trams are late.", "A tram line will link the stadium and station."],
        ),
        ("Housing", ["Two thousand flats are planned around the stadium grounds."]),
    )
    gists = summarize(art).section_gists
    assert sorted(gists) == [0, 1, 2]
    assert all(t.section == s for s, t in gists.items())
    assert gists[1].text.startswith("A tram line")  # "But ..." cannot stand alone


@pytest.mark.parametrize(
    ("language", "leaning", "standing"),
    [
        ("de", "Er sagte, die Brücke werde später gebaut.", "Die Brücke wird 2030 gebaut."),
        ("de", "Aber die Stadt zahlt nicht.", "Das Haus steht seit 1890 am Markt."),
        ("fr", "Mais la ville ne paiera pas.", "La ville paiera le pont en 2030."),
        ("es", "Sin embargo, la ciudad no pagará.", "La ciudad pagará el puente en 2030."),
        ("it", "Però la città non pagherà.", "La città pagherà il ponte nel 2030."),
        ("nl", "Maar de stad betaalt niet.", "Het huis staat sinds 1890 aan de markt."),
    ],
)
def test_standalone_rules_in_other_languages(language: str, leaning: str, standing: str) -> None:
    from inbrief.summarize.standalone import leans_on_context

    assert leans_on_context(leaning, language)
    assert not leans_on_context(standing, language)
    # English rules do not misfire on other languages: "Die" is not "He".
    assert not leans_on_context("Die Stadt zahlt.", "de")


def test_a_gist_never_leans_on_a_sentence_it_lacks() -> None:
    """A condensed summary's first two picks may be any sentences: the gist takes the second
    only when it reads on its own or right after the first (before: 17 of 369 two-sentence
    gists on the dev news stories opened or went on with "He said" or "But" out of context)."""
    story = article(
        "Council approves library budget",
        (
            "",
            [
                "The city council approved a larger library budget on Monday.",
                "It adds twelve librarians.",
                "Opening hours at the central library will grow on Sundays.",
                "He said the plan was overdue.",
            ],
        ),
    )
    evidence = gather(sentence_units(story, ENGLISH), title_terms(story, ENGLISH))
    assert default.gist([0, 1], evidence) == [0, 1]  # right after the first: reads with it
    assert default.gist([0, 3], evidence) == [0]  # "He said" without the sentence it needs
    assert default.gist([2, 0], evidence) == [0, 2]  # both read on their own: document order
