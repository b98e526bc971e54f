"""The check that a staged model loads, which the store's callers pass to an install."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from summarize.engines.neural.model import NeuralModel
from summarize.errors import InputError, ModelNotInstalledError, SummarizeError
from summarize.settings import Settings
from summarize.store import InstalledModel


def check_loads(staging: Path, name: str, manifest: dict[str, Any], source: Path | str) -> None:
    """Load the staged model (tokenizer and weights) once, on the CPU; refuse it if it fails.

    Errors name ``source`` (what the user gave), not the hidden staging folder.
    """
    settings = Settings(home=staging.parent, device="cpu", threads=1)
    try:
        model = NeuralModel(InstalledModel(name, staging, manifest), settings)
    except (ModelNotInstalledError, SummarizeError) as exc:
        reason = str(exc.__cause__ or exc).replace(str(staging), str(source))
        family = manifest.get("family")
        raise InputError(f"{source}: not a usable {family} model ({reason})") from None
    model.ct2.close()
