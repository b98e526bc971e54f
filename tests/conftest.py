"""Test-wide fixtures: every test runs with its own model store and offline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests never fail on time: a busy machine makes any example slow (no deadline).
settings.register_profile("summarize", deadline=None)
settings.load_profile("summarize")

pytest_plugins = ["tests.tiny_models", "tests.hub_fixtures"]


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point SUMMARIZE_HOME at a fresh temp dir and forbid network access."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SUMMARIZE_HOME", str(home))
    monkeypatch.setenv("SUMMARIZE_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.delenv("SUMMARIZE_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    yield home
