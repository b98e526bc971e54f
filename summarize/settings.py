"""Settings read once at start: flag > SUMMARIZE_* environment > config file > default."""

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
_DEFAULT_KEYS = ("engine", "model", "lang", "sentences", "max_words", "ratio")


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


# The config file's keys and the type of each; each is also read from SUMMARIZE_<KEY>.
CONFIG_KEYS: dict[str, type] = {
    "engine": str,
    "model": str,
    "lang": str,
    "sentences": int,
    "max_words": int,
    "ratio": float,
    "device": str,
    "compute_type": str,
    "threads": int,
}
_LENGTHS = ("sentences", "max_words", "ratio")


def config_path(env: Mapping[str, str]) -> Path:
    """``SUMMARIZE_CONFIG``, else ``config.toml`` in ``SUMMARIZE_HOME`` or the user config dir."""
    if env.get("SUMMARIZE_CONFIG"):
        return Path(env["SUMMARIZE_CONFIG"]).expanduser()
    if env.get("SUMMARIZE_HOME"):
        return Path(env["SUMMARIZE_HOME"]).expanduser() / "config.toml"
    from platformdirs import user_config_dir

    return Path(user_config_dir("summarize")) / "config.toml"


def _typed(key: str, value: object, where: str) -> Any:
    """``value`` as ``key``'s type, in range; else a usage error naming ``where``."""
    kind = CONFIG_KEYS[key]
    from_text = isinstance(value, str) and where.startswith("SUMMARIZE_")
    if kind is str:
        ok = isinstance(value, str) and bool(value)
    elif kind is int:
        ok = (from_text and str(value).isdigit()) or type(value) is int
    else:
        ok = type(value) in (int, float) or from_text
    try:
        typed = kind(value) if ok else None
    except ValueError:
        typed = None
    if typed is None:
        raise UsageError(f"{where}: {key} must be {_KINDS[kind]}, not {value!r}")
    low = 0 if key == "threads" else 1e-9
    if kind is not str and not (low <= typed <= (1 if key == "ratio" else float("inf"))):
        raise UsageError(f"{where}: {key} is out of range ({value!r})")
    return typed


_KINDS = {str: "text", int: "a whole number", float: "a number"}


def _toml(text: str) -> dict[str, Any]:
    import tomllib  # only when there is a file: a few ms of every run otherwise

    return tomllib.loads(text)


def read_config(env: Mapping[str, str]) -> dict[str, Any]:
    """The config file's values over which the ``SUMMARIZE_<KEY>`` variables win.

    A missing file is no configuration; an unreadable one, an unknown key or a value of the
    wrong type is a usage error naming the file.
    """
    path = config_path(env)
    values: dict[str, Any] = {}
    try:
        raw = _toml(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        raw = {}
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"{path}: cannot read the config file ({exc})") from None
    for key, value in raw.items():
        if key not in CONFIG_KEYS:
            known = ", ".join(CONFIG_KEYS)
            raise UsageError(f"{path}: unknown key {key!r} (known: {known})")
        values[key] = _typed(key, value, str(path))
    given = [k for k in CONFIG_KEYS if env.get(f"SUMMARIZE_{k.upper()}", "").strip()]
    if any(k in _LENGTHS for k in given):
        values = {k: v for k, v in values.items() if k not in _LENGTHS}
    for key in given:
        name = f"SUMMARIZE_{key.upper()}"
        values[key] = _typed(key, env[name].strip(), name)
    return values


@dataclass(frozen=True)
class Defaults:
    """What a command uses for an option that was not given (config file and environment)."""

    engine: str = "auto"
    model: str | None = None
    lang: str | None = None
    sentences: int | None = None
    max_words: int | None = None
    ratio: float | None = None

    def length(
        self, sentences: int | None, max_words: int | None, ratio: float | None
    ) -> tuple[int | None, int | None, float | None]:
        """The length given on the command line when any is, else the configured one."""
        if sentences is None and max_words is None and ratio is None:
            return self.sentences, self.max_words, self.ratio
        return sentences, max_words, ratio


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
    defaults: Defaults = field(default_factory=Defaults)
    extra: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the ``SUMMARIZE_*`` (and ``HF_HUB_OFFLINE``) environment variables."""
        env = os.environ if env is None else env
        config = read_config(env)
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
            device=config.get("device", "auto"),
            compute_type=config.get("compute_type"),
            threads=config.get("threads", 0),
            batch_tokens=int(batch_tokens) if batch_tokens else None,
            max_chars=int(max_chars) if max_chars else MAX_CHARS,
            defaults=Defaults(**{k: v for k, v in config.items() if k in _DEFAULT_KEYS}),
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
