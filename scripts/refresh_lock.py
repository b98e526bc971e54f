"""Refresh the test lock: resolve the newest allowed versions, run the suite, then write the lock.

    python scripts/refresh_lock.py            # python3.11 -> requirements/test-py3.11.txt

Installs ``.[test]`` into a new virtual environment without the current lock (so pip takes
the newest releases that ``pyproject.toml`` allows), runs the README's checks (ruff, ruff
format, mypy, pytest) with that environment, and only when every check passes writes
``pip freeze`` of it as the lock. On any failure the old lock is left as it was and the
failing step is printed; the environment is kept for a look (its path is printed).

The lock is a pip constraints file: the README's test command and ``.ci/run`` install with
``-c requirements/test-pyX.Y.txt``; users installing the package get pyproject's ranges.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKS = (
    ("ruff", "check", "."),
    ("ruff", "format", "--check", "."),
    ("mypy",),
    ("pytest", "-q"),
)


def _run(args: list[str], env: dict[str, str]) -> bool:
    print("+", " ".join(args), file=sys.stderr, flush=True)
    return subprocess.run(args, cwd=ROOT, env=env, check=False).returncode == 0


def _version(python: str) -> str:
    code = "import sys; print('%d.%d' % sys.version_info[:2])"
    return subprocess.run(
        [python, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default="python3.11", help="interpreter to lock for")
    args = parser.parse_args()
    version = _version(args.python)
    lock = ROOT / "requirements" / f"test-py{version}.txt"
    venv = Path(tempfile.mkdtemp(prefix="summarize-lock-"))
    env = {k: v for k, v in os.environ.items() if k not in ("PIP_CONSTRAINT", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    pip = [str(venv / "bin" / "python"), "-m", "pip"]
    steps = [
        [args.python, "-m", "venv", str(venv)],
        [*pip, "install", "-q", "--upgrade", "-e", ".[test]"],
        *[[str(venv / "bin" / c[0]), *c[1:]] for c in CHECKS],
    ]
    for step in steps:
        if not _run(step, env):
            print(f"lock not written: `{' '.join(step)}` failed; environment kept in {venv}")
            return 1
    frozen = subprocess.run(
        [*pip, "freeze", "--exclude-editable"], capture_output=True, text=True, check=True, env=env
    ).stdout
    header = (
        f"# The versions the whole suite passed with on Python {version}; written by\n"
        "# scripts/refresh_lock.py (do not edit by hand). Used as a pip constraints file.\n"
    )
    lock.parent.mkdir(exist_ok=True)
    lock.write_text(header + frozen, encoding="utf-8")
    shutil.rmtree(venv)
    print(f"wrote {lock.relative_to(ROOT)} ({len(frozen.splitlines())} packages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
