"""The token layout of one installed model: which SentencePiece files, which special tokens.

The family defaults come from :data:`summarize.store.families.FAMILIES`; the installed
model's manifest may override any of them (``manifest["tokenizer"]``, as written by
:mod:`summarize.store.convert`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.errors import ModelNotInstalledError
from summarize.store.families import FAMILIES, SRC_LANG

# mT5 keeps sentinel tokens in its vocabulary; a summary never contains them.
_SENTINEL = re.compile(r"<extra_id_\d+>")


@dataclass(frozen=True)
class Layout:
    """The resolved token layout of one installed model."""

    family: str
    source_model: Path
    target_model: Path
    source_prefix: tuple[str, ...]
    source_suffix: tuple[str, ...]
    lang_prefix: bool
    lang_tokens: Mapping[str, str]
    eos: str = "</s>"
    specials: frozenset[str] = frozenset()

    @property
    def special_count(self) -> int:
        """How many special tokens every source sequence carries besides its pieces."""
        return len(self.source_prefix) + len(self.source_suffix)

    def lang_token(self, lang: str) -> str:
        """The model's token for ISO language ``lang``; an error naming the known ones."""
        token = self.lang_tokens.get(lang)
        if token is None:
            known = ", ".join(sorted(self.lang_tokens)) or "none"
            raise ModelNotInstalledError(
                f"this {self.family} model has no language token for {lang!r} (it knows: {known})"
            )
        return token

    def source_tokens(self, pieces: list[str], src_lang: str) -> list[str]:
        """``pieces`` framed with the family's special tokens."""
        head = [self.lang_token(src_lang) if t == SRC_LANG else t for t in self.source_prefix]
        return [*head, *pieces, *self.source_suffix]

    def target_prefix(self, tgt_lang: str) -> list[str] | None:
        """Tokens forced at the start of the output, or None."""
        return [self.lang_token(tgt_lang)] if self.lang_prefix else None

    def is_special(self, token: str) -> bool:
        """True for tokens that never belong in the text (EOS, padding, language codes)."""
        return token in self.specials or _SENTINEL.fullmatch(token) is not None


def read_vocabulary(model_dir: Path) -> frozenset[str]:
    """The target vocabulary of a converted model (empty when no file is found)."""
    for name in ("shared_vocabulary", "target_vocabulary", "vocabulary"):
        json_path = model_dir / f"{name}.json"
        if json_path.is_file():
            return frozenset(str(t) for t in json.loads(json_path.read_text(encoding="utf-8")))
        txt_path = model_dir / f"{name}.txt"
        if txt_path.is_file():
            return frozenset(txt_path.read_text(encoding="utf-8").splitlines())
    return frozenset()


def layout_for(family_name: str, model_dir: Path, manifest: Mapping[str, Any]) -> Layout:
    """The layout of the model in ``model_dir``, from its manifest and family defaults."""
    family = FAMILIES.get(family_name)
    if family is None:
        raise ModelNotInstalledError(f"unsupported model family {family_name!r}")
    info: Mapping[str, Any] = manifest.get("tokenizer") or {}
    lang_prefix = info.get("target_prefix", "lang_token" if family.lang_prefix else "none")
    lang_tokens = {**family.lang_tokens, **(info.get("lang_tokens") or {})}
    if lang_tokens:
        # CTranslate2 maps an unknown token to <unk> without a word: keep only real ones.
        vocabulary = read_vocabulary(model_dir)
        if vocabulary:
            lang_tokens = {lang: tok for lang, tok in lang_tokens.items() if tok in vocabulary}
    eos = str(info.get("eos_token") or "</s>")
    source_suffix = tuple(info.get("source_suffix") or (eos,))
    source_prefix = tuple(info.get("source_prefix", family.source_prefix))
    specials = {eos, "<pad>", "<s>", "<unk>", "<mask>", *lang_tokens.values()}
    layout = Layout(
        family=family.name,
        source_model=model_dir / str(info.get("source_model") or family.source_model),
        target_model=model_dir / str(info.get("target_model") or family.target_model),
        source_prefix=source_prefix,
        source_suffix=source_suffix,
        lang_prefix=lang_prefix == "lang_token",
        lang_tokens=lang_tokens,
        eos=eos,
        specials=frozenset(specials),
    )
    for path in {layout.source_model, layout.target_model}:
        if not path.is_file():
            raise ModelNotInstalledError(
                f"{model_dir} lacks its tokenizer file {path.name}; re-install the model"
            )
    return layout
