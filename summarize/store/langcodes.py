"""Language codes: ISO 639-1 (what the CLI takes) ↔ the tokens each model family uses.

NLLB names languages ``ara_Arab``; csebuetnlp's crossSum models name them ``arabic`` in
``task_specific_params.langid_map``. The runtime needs ``ar`` → token, so the manifest keeps
that mapping for the languages both the model and this table know.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# ISO 639-1 → (NLLB / FLORES-200 code, crossSum / XL-Sum language name).
LANGUAGES: dict[str, tuple[str, str]] = {
    "am": ("amh_Ethi", "amharic"),
    "ar": ("arb_Arab", "arabic"),
    "az": ("azj_Latn", "azerbaijani"),
    "bn": ("ben_Beng", "bengali"),
    "de": ("deu_Latn", "german"),
    "en": ("eng_Latn", "english"),
    "es": ("spa_Latn", "spanish"),
    "fa": ("pes_Arab", "persian"),
    "fr": ("fra_Latn", "french"),
    "ha": ("hau_Latn", "hausa"),
    "hi": ("hin_Deva", "hindi"),
    "id": ("ind_Latn", "indonesian"),
    "ja": ("jpn_Jpan", "japanese"),
    "ko": ("kor_Hang", "korean"),
    "ps": ("pbt_Arab", "pashto"),
    "pt": ("por_Latn", "portuguese"),
    "ru": ("rus_Cyrl", "russian"),
    "so": ("som_Latn", "somali"),
    "sw": ("swh_Latn", "swahili"),
    "tr": ("tur_Latn", "turkish"),
    "uk": ("ukr_Cyrl", "ukrainian"),
    "ur": ("urd_Arab", "urdu"),
    "zh": ("zho_Hans", "chinese_simplified"),
}
# NLLB also has ara_Arab (Modern Standard Arabic in older FLORES naming); either will do.
_NLLB_ALIASES = {"ar": ("arb_Arab", "ara_Arab")}


def nllb_tokens(vocabulary: Iterable[str]) -> dict[str, str]:
    """ISO 639-1 → NLLB language token, for the tokens present in ``vocabulary``."""
    present = {token for token in vocabulary if len(token) == 8 and token[3] == "_"}
    mapping: dict[str, str] = {}
    for iso, (code, _) in LANGUAGES.items():
        for candidate in _NLLB_ALIASES.get(iso, (code,)):
            if candidate in present:
                mapping[iso] = candidate
                break
    return mapping


def crosssum_tokens(langid_map: Mapping[str, Sequence[Any]]) -> dict[str, str]:
    """ISO 639-1 → decoder start token, from a crossSum ``langid_map`` (name → [id, token])."""
    by_name = {name: iso for iso, (_, name) in LANGUAGES.items()}
    return {
        by_name[name]: str(value[1])
        for name, value in langid_map.items()
        if name in by_name and len(value) > 1
    }
