"""Script-based language detection."""

from __future__ import annotations

import pytest

from summarize.text.lang import detect_lang, detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت الحكومة اليوم عن خطة جديدة.", "ar"),
        ("The government announced a new plan today.", "en"),
        ("Café crème à la française", "en"),  # Latin with accents
        ("قال مدير شركة Google إن الخدمة ستعود", "ar"),  # mostly Arabic, some Latin
        ("The word سلام means peace in Arabic and is used widely", "en"),  # mostly Latin
        ("ab سس", "ar"),  # a tie goes to Arabic
        ("ﻻ ﺃﺣﺪ", "ar"),  # presentation forms
        ("1234 ٥٦٧ 3.5%", "other"),  # digits only
        ("", "other"),
        ("!!! ... ؟؟", "other"),
        ("Привет, как дела?", "other"),  # Cyrillic
        ("今日は良い天気です", "other"),  # Japanese
        ("שלום עולם", "other"),  # Hebrew
        ("خبر عاجل: Привет мир и добрый день", "other"),  # Cyrillic dominates
    ],
)
def test_detect_lang(text: str, expected: str) -> None:
    assert detect_lang(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت الحكومة اليوم عن خطة جديدة.", "ar"),
        ("The government announced a new plan today, and it was said to be ready.", "en"),
        ("Wheat prices rose sharply", "en"),  # nothing tells: Latin stays English
        ("Le prix du blé a augmenté de 12 % cette semaine, selon les marchés.", "fr"),
        ("El gobierno anunció hoy un nuevo plan para la economía del país.", "es"),
        ("Die Regierung hat heute einen neuen Plan für die Wirtschaft vorgestellt.", "de"),
        ("Lorem ipsum dolor sit amet " * 10, "other"),  # long Latin with no English word
        ("Привет, как дела?", "other"),
    ],
)
def test_detect_language_never_calls_another_language_english(text: str, expected: str) -> None:
    assert detect_language(text) == expected
