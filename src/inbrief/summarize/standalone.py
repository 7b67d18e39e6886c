"""Whether a sentence can stand alone as a takeaway, from its surface alone.

A takeaway is read out of context, so a sentence that opens with a pronoun or a connective
("He said...", "But...", "This comes after..."), a fragment of a quotation that runs over
several sentences, or a heading or label that slipped into the body text cannot be one. These
are cheap surface rules, deliberately conservative: "This year..." or "These drugs..." (a
demonstrative before a noun) still stand alone. A sentence the splitter cut short after an
abbreviation it did not know ("bzw.", "tsp.") is a fragment too, and so is its tail.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_DEPENDENT_START = re.compile(
    r"^(he|she|they|them|it|its|his|her|their|but|and|or|nor|so|also|however|yet|still|then|"
    r"instead|meanwhile|moreover|furthermore|therefore|thus|hence|there|here|such|"
    r"another|others|which|who|whom|whose|while|although|though|because|besides|otherwise|"
    r"likewise|similarly|indeed|plus|except)\b",
    re.IGNORECASE,
)
#: Openers that look like the ones above but point at nothing said before: an existential
#: "there" ("There were 12 deaths", "There 's no cure") and an "it" that stands for a clause
#: to come ("It was reported that...", "It is unclear whether...", "It 's time to...").
#: A locative "There he met..." or a plain "It was a disaster." still leans.
_DUMMY_START = re.compile(
    r"^(there\s*(['’](s|re|ll|d)\b|\s(is|are|was|were|will|would|could|can|may|might|must|"
    r"should|has|have|had|seems?|seemed|appears?|appeared|remains?|remained|exists?|existed|"
    r"used|comes?|came)\b)"
    r"|it\s*(['’]s|\sis|\swas|\shas\sbeen|\shad\sbeen|\swill\sbe|\swould\sbe)\s+"
    r"((now|also|widely|already|not|been|still|long)\s+)*"
    r"((revealed|reported|announced|claimed|understood|thought|believed|feared|alleged|"
    r"expected|confirmed|known|estimated|rumou?red|said|suggested|hoped|agreed|decided)\s+that"
    r"|(clear|unclear|likely|unlikely|possible|impossible|hard|difficult|easy|important|"
    r"true|unknown|uncertain|worth|time)\b))",
    re.IGNORECASE,
)
#: "This comes after...", "That is why...", "Both were arrested": a demonstrative standing
#: for something said before. "This year..." or "Both leaders..." (before a noun) is fine.
_DEMONSTRATIVE_PRONOUN = re.compile(
    r"^(this|that|these|those|both)(\s*[,.;:!?—–-]|\s+(of|is|isn't|was|wasn't|are|aren't|were|"
    r"weren't|has|have|had|will|would|could|can|may|might|should|must|does|doesn't|did|"
    r"didn't|means|meant|comes|came|makes|made|led|leads|shows|showed|includes|included|"
    r"follows|followed|suggests|suggested|happened|happens|goes|went|gives|gave|puts|put|"
    r"said|says|remains|seems|seemed|also|just|all|only|one)\b)",
    re.IGNORECASE,
)
#: '..." he said.': a quotation attributed to someone named in an earlier sentence.
_PRONOUN_ATTRIBUTION = re.compile(
    r"[,”\"’']\s*(he|she|they)\s+(said|says|added|adds|told|wrote|writes|explained|noted|"
    r"argued|continued|insisted|warned)\b",
    re.IGNORECASE,
)
#: The same idea for other languages: subject pronouns and connectives that open a sentence
#: which continues the one before. Determiners that double as pronouns ("das", "het",
#: "questo") are left out: "Das Haus..." stands alone.
_DEPENDENT_START_BY_LANGUAGE: dict[str, re.Pattern[str]] = {
    code: re.compile(rf"^({words})\b", re.IGNORECASE)
    for code, words in {
        "de": r"er|sie|es|ihr|ihm|ihn|ihnen|aber|und|oder|doch|jedoch|dennoch|deshalb|daher|"
        r"darum|trotzdem|außerdem|zudem|allerdings|dabei|damit|dadurch|deswegen|sondern|denn|"
        r"dies|auch",
        "fr": r"il|elle|ils|elles|mais|et|ou|donc|pourtant|cependant|toutefois|ensuite|puis|"
        r"aussi|ainsi|alors|car|néanmoins|ceci|cela|ça|en outre|de plus",
        "es": r"él|ella|ellos|ellas|pero|y|o|sin embargo|además|también|entonces|así|"
        r"por eso|aunque|esto|eso|mientras",
        "it": r"lui|lei|loro|egli|essa|ma|e|o|però|tuttavia|inoltre|anche|quindi|così|poi|"
        r"infatti|ciò",
        "pt": r"ele|ela|eles|elas|mas|e|ou|porém|contudo|entretanto|além disso|também|então|"
        r"assim|isso|isto",
        "nl": r"hij|zij|ze|maar|en|of|echter|toch|daarom|dus|ook|dan|bovendien",
    }.items()
}
#: A line without closing punctuation is a heading or a label when it is this short.
HEADING_WORDS = 12
_OPEN_QUOTES = "\"“‘«'"
_CLOSE_QUOTES = "\"”’»'"
_TERMINAL = (".", "!", "?", "…")
#: What the rules strip off a sentence's start and end before looking at them.
_OPENING = _OPEN_QUOTES + "([ "
_CLOSING = _CLOSE_QUOTES + ")] "


def leans_on_context(text: str, language: str = "en") -> bool:
    """True for a sentence that leans on what came before.

    It opens with a pronoun or connective ("He said...", "But ...", "Er sagte...", "Mais..."),
    or (English) quotes someone named only by a pronoun ('"...," she said.'). A language
    without a word list gets no such rule rather than English's.
    """
    return _leans(text.lstrip(_OPENING), text, language)


def _leans(start: str, text: str, language: str) -> bool:
    """:func:`leans_on_context` of ``text``, given ``start``, the text without its opening
    quotes and brackets."""
    if language != "en":
        pattern = _DEPENDENT_START_BY_LANGUAGE.get(language)
        return bool(pattern and pattern.match(start))
    return bool(
        (
            (_DEPENDENT_START.match(start) or _DEMONSTRATIVE_PRONOUN.match(start))
            and not _DUMMY_START.match(start)
        )
        or _PRONOUN_ATTRIBUTION.search(text)
    )


def unbalanced_quote(text: str) -> bool:
    """True for a fragment of a quotation or a parenthesis that runs over several sentences."""
    return (
        text.count('"') % 2 == 1
        or (not text.isascii() and text.count("“") != text.count("”"))
        or text.count("(") != text.count(")")
    )


def looks_like_heading(text: str) -> bool:
    """True for a heading, a label or a line introducing a list ("Ingredients:").

    Web text often drops the full stop after a paragraph's last sentence, so only a short
    line without closing punctuation (or one ending in a colon) counts.
    """
    return _heading(text.rstrip(_CLOSING), text)


def _heading(end: str, text: str) -> bool:
    """:func:`looks_like_heading` of ``text``, given ``end``, the text without its closing
    quotes and brackets."""
    return end.endswith(":") or (not end.endswith(_TERMINAL) and len(text.split()) < HEADING_WORDS)


def starts_mid_sentence(text: str) -> bool:
    """True for the tail of a sentence cut short (after "bzw." or "1 tsp."): a lower-case start.

    "iPhone sales..." or "eBay said..." (lower then upper case) are names, not tails.
    """
    return _mid_sentence(text.lstrip(_OPENING))


def _mid_sentence(start: str) -> bool:
    """:func:`starts_mid_sentence`, given the text without its opening quotes and brackets."""
    return start[:1].islower() and not start[1:2].isupper()


def stands_alone(text: str) -> bool:
    """True for a sentence a reader can take as a statement on its own (a takeaway)."""
    return reading(text).stands_alone


@dataclass(frozen=True, slots=True)
class Reading:
    """How a sentence reads on its own, worked out once per sentence."""

    leans: bool
    fragment: bool
    heading: bool
    question: bool
    #: The article's first sentence, leaning only by its opening word: with nothing before
    #: it, its pronoun points ahead ("He may not be playing much at United, but
    #: Lindegaard...") or at nothing ("It 's crunch time...").
    opens: bool = False

    @property
    def stands_alone(self) -> bool:
        return not (self.leans or self.fragment or self.heading)

    @property
    def opens_alone(self) -> bool:
        """Whether the sentence reads on its own where it stands: anywhere, or as a
        statement at the article's start (see :attr:`opens`; an opening question is a hook,
        not a takeaway)."""
        return self.stands_alone or (
            self.opens and not (self.fragment or self.heading or self.question)
        )

    def factor(self, dependent: float = 0.5) -> float:
        """1.0 for a sentence that reads on its own, lower for one that leans on context."""
        factor = dependent if self.leans else 1.0
        if self.fragment:
            factor *= 0.6
        if self.heading:
            factor *= 0.5
        elif self.question:
            factor *= 0.7
        return factor


@functools.cache
def _reading(leans: bool, fragment: bool, heading: bool, question: bool, opens: bool) -> Reading:
    """One shared (immutable) instance for each of the thirty-two readings."""
    return Reading(leans, fragment, heading, question, opens)


def reading(
    text: str, cut_short: bool = False, language: str = "en", opens: bool = False
) -> Reading:
    """The :class:`Reading` of one sentence; ``cut_short`` when the next one is its tail,
    ``opens`` when it is the article's first sentence.

    The same as :func:`leans_on_context`, :func:`unbalanced_quote` or
    :func:`starts_mid_sentence` and :func:`looks_like_heading`, stripping each end once.
    """
    start = text.lstrip(_OPENING)
    end = text.rstrip(_CLOSING)
    leans = _leans(start, text, language)
    return _reading(
        leans,
        cut_short or unbalanced_quote(text) or _mid_sentence(start),
        _heading(end, text),
        end.endswith("?"),
        opens and leans and not (language == "en" and _PRONOUN_ATTRIBUTION.search(text)),
    )
