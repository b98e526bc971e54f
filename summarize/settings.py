"""Settings read once at start: flag > SUMMARIZE_* environment > default."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from summarize.errors import UsageError
from summarize.text.limit import MAX_CHARS

DEVICES = ("auto", "cpu", "cuda")
# CTranslate2's compute types (whether the device supports one is checked when loading).
COMPUTE_TYPES = (
    "default",
    "auto",
    "int8",
    "int8_float32",
    "int8_float16",
    "int8_bfloat16",
    "int16",
    "float16",
    "bfloat16",
    "float32",
)

_TRUE = {"1", "true", "yes", "on"}


def _flag(env: Mapping[str, str], *names: str) -> bool:
    return any(env.get(n, "").strip().lower() in _TRUE for n in names)


def debug_enabled(env: Mapping[str, str]) -> bool:
    """Whether ``SUMMARIZE_DEBUG`` asks for tracebacks (1, true, yes or on)."""
    return _flag(env, "SUMMARIZE_DEBUG")


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
    # Padded source tokens × beam per batched model call (None: the engine's default).
    batch_tokens: int | None = None
    # Inputs longer than this many characters are cut to it (0: no limit); see text/limit.py.
    max_chars: int = MAX_CHARS
    extra: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the ``SUMMARIZE_*`` (and ``HF_HUB_OFFLINE``) environment variables."""
        env = os.environ if env is None else env
        threads = env.get("SUMMARIZE_THREADS", "0")
        batch_tokens = env.get("SUMMARIZE_BATCH_TOKENS", "").strip()
        if batch_tokens and (not batch_tokens.isdigit() or int(batch_tokens) < 1):
            raise UsageError(
                f"SUMMARIZE_BATCH_TOKENS must be a positive integer, not {batch_tokens!r}"
            )
        max_chars = env.get("SUMMARIZE_MAX_CHARS", "").strip()
        if max_chars and not max_chars.isdigit():
            raise UsageError(
                f"SUMMARIZE_MAX_CHARS must be a whole number of characters, not {max_chars!r}"
            )
        return cls(
            home=default_home(env),
            offline=_flag(env, "SUMMARIZE_OFFLINE", "HF_HUB_OFFLINE"),
            debug=debug_enabled(env),
            device=env.get("SUMMARIZE_DEVICE", "auto"),
            compute_type=env.get("SUMMARIZE_COMPUTE_TYPE") or None,
            threads=int(threads) if threads.isdigit() else 0,
            batch_tokens=int(batch_tokens) if batch_tokens else None,
            max_chars=int(max_chars) if max_chars else MAX_CHARS,
        )

    @classmethod
    def from_flags(
        cls,
        *,
        offline: bool = False,
        device: str | None = None,
        compute_type: str | None = None,
        threads: int | None = None,
    ) -> Settings:
        """The environment's settings, overridden by the command-line flags that were given."""
        if device is not None and device not in DEVICES:
            raise UsageError(f"unknown device {device!r} (choose from: {', '.join(DEVICES)})")
        if compute_type is not None and compute_type not in COMPUTE_TYPES:
            choices = ", ".join(COMPUTE_TYPES)
            raise UsageError(f"unknown compute type {compute_type!r} (choose from: {choices})")
        settings = cls.from_env()
        changes: dict[str, Any] = {
            "device": device,
            "compute_type": compute_type,
            "threads": threads,
        }
        settings = replace(settings, **{k: v for k, v in changes.items() if v is not None})
        return replace(settings, offline=True) if offline else settings


def cpu_count() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
