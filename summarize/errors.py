"""User-facing errors and the exit codes they map to (one place, used by the CLI)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_MODEL_MISSING = 3
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


class SummarizeError(Exception):
    """An error the user can act on: printed as one line on stderr, no traceback."""

    exit_code = EXIT_FAILURE


class InputError(SummarizeError):
    """The input cannot be read or holds nothing to work on."""


class UsageError(SummarizeError):
    """Options that contradict each other or ask for something unsupported."""

    exit_code = EXIT_USAGE


class Terminated(KeyboardInterrupt):
    """SIGTERM: handled wherever Ctrl-C is (work kept), then exit 143 instead of 130."""


class ModelNotInstalledError(SummarizeError):
    """A model (or any model for a task) is needed but not installed or not loadable."""

    exit_code = EXIT_MODEL_MISSING


def os_error_line(exc: OSError) -> str:
    """An OS error as users read it: ``PATH: reason``."""
    reason = exc.strerror or str(exc)
    if exc.filename is None:
        return reason
    return f"{exc.filename}: {reason}"


def one_line(message: str) -> str:
    """An error message on one line (records and worker reports hold one line each)."""
    return " ".join(message.split()) or "failed"
