"""Settings read once at start: flag > SUMMARIZE_* environment > default."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

_TRUE = {"1", "true", "yes", "on"}


def _flag(env: Mapping[str, str], *names: str) -> bool:
    return any(env.get(n, "").strip().lower() in _TRUE for n in names)


def default_home(env: Mapping[str, str]) -> Path:
    """Where models live: ``SUMMARIZE_HOME``, else the platform's user cache dir."""
    if env.get("SUMMARIZE_HOME"):
        return Path(env["SUMMARIZE_HOME"]).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("summarize"))


@dataclass(frozen=True)
class Settings:
    """Process-wide settings; build with :meth:`from_env` and override with flags."""

    home: Path
    offline: bool = False
    debug: bool = False
    device: str = "auto"
    compute_type: str | None = None
    threads: int = 0
    extra: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the ``SUMMARIZE_*`` (and ``HF_HUB_OFFLINE``) environment variables."""
        env = os.environ if env is None else env
        threads = env.get("SUMMARIZE_THREADS", "0")
        return cls(
            home=default_home(env),
            offline=_flag(env, "SUMMARIZE_OFFLINE", "HF_HUB_OFFLINE"),
            debug=_flag(env, "SUMMARIZE_DEBUG"),
            device=env.get("SUMMARIZE_DEVICE", "auto"),
            compute_type=env.get("SUMMARIZE_COMPUTE_TYPE") or None,
            threads=int(threads) if threads.isdigit() else 0,
        )
