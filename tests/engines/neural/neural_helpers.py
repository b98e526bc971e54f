"""Helpers for the runtime tests: install a tiny model and load it for decoding."""

from __future__ import annotations

import json
from pathlib import Path

from summarize.engines.neural.model import NeuralModel
from summarize.settings import Settings
from summarize.store.local import InstalledModel, ModelStore
from summarize.tiny.corpus import arabic_article as arabic_article  # re-exported
from summarize.tiny.corpus import english_article as english_article  # re-exported
from tests.tiny_models import install_tiny


def installed(
    home: Path, family: str, name: str | None = None, **manifest: object
) -> InstalledModel:
    """Install tiny ``family`` under ``home`` (manifest fields overridden) and return it."""
    folder = install_tiny(home, family, name)
    if manifest:
        path = folder / "manifest.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data.update(manifest)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return ModelStore(home).get(folder.name)


def load(home: Path, family: str, **manifest: object) -> NeuralModel:
    """A :class:`NeuralModel` for tiny ``family`` on the CPU."""
    return NeuralModel(installed(home, family, **manifest), Settings(home=home, device="cpu"))


# Two candidate tokens whose log-probabilities differ by less than this are a near-tie: a
# different batching (padding, matrix shapes) may legitimately pick either one.
NEAR_TIE = 1e-3


def first_divergence_is_a_near_tie(
    model: NeuralModel, source: list[str], prefix: list[str], one: list[str], other: list[str]
) -> bool:
    """Whether two greedy outputs for ``source`` part at a near-tie (or do not part at all).

    Both continuations share ``prefix + one[:t]``; the log-probabilities of ``one[t]`` and
    ``other[t]`` after it are computed alone (no padding). Beyond the first divergence the
    two outputs are different decodings and are not compared.
    """
    t = next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), None)
    if t is None:
        return len(one) == len(other) or _ends_at_near_tie(model, source, prefix, one, other)
    scored = model.ct2.translator.score_batch(
        [source, source], [prefix + one[: t + 1], prefix + other[: t + 1]]
    )
    at = len(prefix) + t
    return abs(scored[0].log_probs[at] - scored[1].log_probs[at]) <= NEAR_TIE


def _ends_at_near_tie(
    model: NeuralModel, source: list[str], prefix: list[str], one: list[str], other: list[str]
) -> bool:
    """One output is a prefix of the other: end-of-sequence and the next token nearly tied."""
    short, long = (one, other) if len(one) < len(other) else (other, one)
    scored = model.ct2.translator.score_batch(
        [source, source], [prefix + short, prefix + long[: len(short) + 1]]
    )
    at = len(prefix) + len(short)
    return abs(scored[0].log_probs[at] - scored[1].log_probs[at]) <= NEAR_TIE
