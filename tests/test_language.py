"""Language: declared codes normalised, undeclared ones detected, unsupported ones reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from inbrief.ingest import load_articles
from inbrief.nlp.detect import detect_language
from inbrief.nlp.language import normalize_code
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
