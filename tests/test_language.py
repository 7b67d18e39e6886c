"""Language: declared codes normalised, undeclared ones detected, unsupported ones reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from inbrief.ingest import load_articles
from inbrief.model import count_words
from inbrief.nlp.detect import detect_language
from inbrief.nlp.language import get_language, normalize_code
from inbrief.nlp.tokens import join_sentences, sentence_splitter, words
from inbrief.summarize import SummaryOptions, summarize
from tests.conftest import SEED_JSON


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("en-US", "en"),
        ("en_GB", "en"),
        ("English", "en"),
        ("DE", "de"),
        ("nb-NO", "no"),
        ("", None),
        ("??", None),
    ],
)
def test_normalize_code(value: str, code: str | None) -> None:
    assert normalize_code(value) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The committee said on Monday that the new rules would come into force next year.", "en"),
        (
            "Der Ausschuss sagte am Montag, dass die neuen Regeln bald in Kraft treten.",
            "de",
        ),
        (
            "Le comité a déclaré lundi que les nouvelles règles entreraient en vigueur.",
            "fr",
        ),
        (
            "El comité dijo el lunes que las nuevas normas entrarían en vigor el año que viene.",
            "es",
        ),
        (
            "Il comitato ha detto lunedì che le nuove regole entreranno in vigore.",
            "it",
        ),
        ("위원회는 월요일에 새로운 규칙이 내년에 시행될 것이라고 말했다.", "ko"),
        ("委員会は月曜日に、新しい規則が来年施行されると述べた。", "ja"),
        ("Комитет заявил в понедельник, что новые правила вступят в силу в следующем году.", "ru"),
        ("12 34 56", None),
    ],
)
def test_detect_language(text: str, code: str | None) -> None:
    assert detect_language(text) == code


def test_undeclared_language_is_detected_at_ingest(tmp_path: Path) -> None:
    [article] = load_articles(str(SEED_JSON))
    assert article.language == "en"
    german = tmp_path / "de.txt"
    german.write_text(
        "Neue Regeln\n\nDer Ausschuss sagte am Montag, dass die neuen Regeln im nächsten Jahr "
        "in Kraft treten. Die Regierung hat die Pläne bereits gebilligt und will sie schnell "
        "umsetzen, weil die Zeit drängt.",
        encoding="utf-8",
    )
    [article] = load_articles(str(german))
    assert article.language == "de"


ZH = (
    "北京市政府周二宣布了新的公园建设计划。该计划将在未来五年内新建二十个公园。"
    "市民对此表示欢迎，认为这将改善城市环境。但也有专家指出，资金来源仍不明确。"
    "政府表示，将通过多种渠道筹集资金。第一批公园预计明年春天开放。"
)


def test_chinese_and_japanese_sentences_end_at_their_full_stops() -> None:
    """Chinese and Japanese put no space after 。！？: Punkt alone saw one sentence in a whole
    paragraph, so a 'summary' was the paragraph itself."""
    split = sentence_splitter(get_language("zh"))
    assert split(ZH)[:2] == [
        "北京市政府周二宣布了新的公园建设计划。",
        "该计划将在未来五年内新建二十个公园。",
    ]
    assert len(split(ZH)) == 6
    assert split("「行きます！」と彼は言った。Then he left. 終わり。") == [
        "「行きます！」",
        "と彼は言った。",
        "Then he left.",
        "終わり。",
    ]
    assert words("新的公园 in Beijing") == ["新的", "的公", "公园", "in", "beijing"]
    assert words("Plain English, unchanged.") == ["plain", "english", "unchanged"]
    assert join_sentences(["一。", "二。"]) == "一。二。"
    assert join_sentences(["One.", "Two."]) == "One. Two."


def test_a_chinese_article_is_summarized_by_its_sentences(tmp_path: Path) -> None:
    source = tmp_path / "zh.txt"
    source.write_text("北京新闻\n\n" + ZH + "\n", encoding="utf-8")
    [article] = load_articles(str(source))
    assert article.language == "zh"
    # Each character counts as a word, as word processors count them: not 1 "word" (no spaces).
    assert article.word_count == sum("\u4e00" <= char <= "\u9fff" for char in ZH)
    assert count_words("新的公园 in Beijing") == 6
    warnings: list[str] = []
    summary = summarize(article, SummaryOptions(sentences=3), warnings)
    assert warnings == []  # Chinese is supported: no "using English rules"
    assert len(summary.takeaways) == 3
    assert all(t.text.endswith("。") and t.text in ZH for t in summary.takeaways)


def test_punkt_fast_multi_char_pattern_matches_as_punkts_own() -> None:
    """inbrief's rewrite of Punkt's hyphen/dot-run pattern finds the same runs, and Punkt
    splits with it exactly as with its default rules (ellipses, dashes, spaced dots)."""
    import random
    import re

    import punkt

    from inbrief.nlp.tokens import FAST_MULTI_CHAR, PUNKT_MULTI_CHAR, _punkt_rules

    assert punkt.DEFAULT_LANGUAGE_VARS.multi_char_punct_pattern == PUNKT_MULTI_CHAR
    assert _punkt_rules().multi_char_punct_pattern == FAST_MULTI_CHAR
    own, fast = re.compile(PUNKT_MULTI_CHAR), re.compile(FAST_MULTI_CHAR)
    pieces = ["-", ".", " ", "\n", "a", ". ", "--", "..", "\xa0", "Mr.", "?", '"']
    rng = random.Random(5)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(5000)]
    texts += ["He paused... Then spoke.", "Wait . . . what?", "A -- B. C--D. E... F."]
    model = punkt.load_model("english")
    default = punkt.PunktSentenceTokenizer(model)
    ours = punkt.PunktSentenceTokenizer(model, rules=_punkt_rules())
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in own.finditer(text)]
        assert list(ours.span_tokenize(text)) == list(default.span_tokenize(text))


def test_cjk_shortcut_bound_is_the_lowest_cjk_character() -> None:
    """words() skips the CJK search when every character is below the lowest of CJK_CHAR."""
    from inbrief.model import CJK_CHAR
    from inbrief.nlp.tokens import _CJK_LOWEST, has_cjk

    ranges = CJK_CHAR[1:-1]
    assert len(ranges) % 3 == 0 and set(ranges[1::3]) == {"-"}
    assert min(ranges[0::3]) == _CJK_LOWEST
    assert has_cjk("中文") and has_cjk("かな text") and not has_cjk("“Quoted” café")
