"""The model store: ``<home>/models/<name>/`` holds CTranslate2 files, tokenizer files, a manifest.

Installing (pull, import) converts into a hidden staging folder and renames it into place,
so a failed install never leaves a half-written model. Loading checks that every file the
manifest lists is there with its recorded size; ``verify`` recomputes the sha256 sums.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from summarize.errors import ModelNotInstalledError, SummarizeError, UsageError
from summarize.store.catalog import LANG_TOKEN_TASKS, get_entry, load_catalog
from summarize.store.families import FAMILIES
from summarize.store.manifests import inside, manifest_problem, sha256_file

MANIFEST = "manifest.json"
# The caller's check that a staged model loads: (folder, name, manifest, what the user gave).
Verify = Callable[[Path, str, dict[str, Any], str], None]

CORE_FILES = ("model.bin", "config.json")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@dataclass(frozen=True)
class InstalledModel:
    """A model in the store: its folder and the manifest written when it was installed."""

    name: str
    path: Path
    manifest: Mapping[str, Any]

    @property
    def family(self) -> str:
        """A name in :data:`summarize.store.families.FAMILIES`."""
        return str(self.manifest["family"])

    @property
    def task(self) -> str:
        """summarize, translate or crosssum."""
        return str(self.manifest["task"])

    @property
    def languages(self) -> tuple[str, ...]:
        """ISO 639-1 codes the model handles (empty: not known)."""
        return tuple(self.manifest.get("languages", ()))

    @property
    def max_input_tokens(self) -> int:
        """Input budget in tokens, special tokens included."""
        return int(self.manifest["max_input_tokens"])

    @property
    def generation(self) -> Mapping[str, Any]:
        """Decoding defaults (beam_size, no_repeat_ngram_size, max_length, ...)."""
        return dict(self.manifest.get("generation", {}))

    @property
    def tokenizer(self) -> Mapping[str, Any]:
        """What the runtime needs to tokenise: file names, special and language tokens."""
        return dict(self.manifest["tokenizer"])

    @property
    def crosslingual(self) -> bool:
        """Whether the model summarises into a language it is told (crossSum)."""
        return self.task in LANG_TOKEN_TASKS

    def speaks(self, *langs: str) -> bool:
        """Whether the model handles every language in ``langs`` (unknown languages: assume so)."""
        family = FAMILIES.get(self.family)
        if family is not None and family.pair_model:
            pairs = tuple(self.manifest.get("pairs") or ())
            return not pairs or (len(langs) == 2 and f"{langs[0]}-{langs[1]}" in pairs)
        if self.crosslingual or (family is not None and family.lang_prefix):
            tokens = (self.manifest.get("tokenizer") or {}).get("lang_tokens") or {}
            return all(lang in tokens for lang in langs) if tokens else True
        return not self.languages or all(lang in self.languages for lang in langs)


def check_name(name: str) -> str:
    """``name`` if it can name a store folder, else a usage error."""
    if not _NAME.fullmatch(name):
        raise UsageError(
            f"invalid model name {name!r}: use letters, digits, '.', '_' or '-' (at most 64)"
        )
    return name


def install_hint(name: str) -> str:
    """The command that (re)installs ``name``."""
    if name in load_catalog():
        return f"summarize models pull {name} --force"
    return f"summarize models import PATH --name {name} --force"


class ModelStore:
    """Models installed under ``<home>/models``."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.root = self.home / "models"

    def model_dir(self, name: str) -> Path:
        """The folder model ``name`` lives (or would live) in."""
        return self.root / check_name(name)

    def is_installed(self, name: str) -> bool:
        """Whether a folder with a manifest exists for ``name`` (checks nothing else)."""
        return (self.model_dir(name) / MANIFEST).is_file()

    def installed(self, task: str | None = None) -> list[InstalledModel]:
        """Every model with a readable manifest (of ``task`` when given), sorted by name."""
        if not self.root.is_dir():
            return []
        found = []
        for folder in sorted(self.root.iterdir()):
            if folder.name.startswith(".") or not (folder / MANIFEST).is_file():
                continue
            try:
                model = self.read(folder.name)
            except ModelNotInstalledError:
                continue
            if task in (None, model.task):
                found.append(model)
        return found

    def damaged(self) -> dict[str, str]:
        """Model folders whose manifest is unreadable or unsound: name → the error message."""
        if not self.root.is_dir():
            return {}
        found = {}
        for folder in sorted(self.root.iterdir()):
            if folder.name.startswith(".") or not (folder / MANIFEST).is_file():
                continue
            try:
                self.read(folder.name)
            except (ModelNotInstalledError, UsageError) as exc:
                found[folder.name] = str(exc)
        return found

    def get(self, name: str) -> InstalledModel:
        """The installed model ``name``, after a fast check (files present, sizes right).

        Raises :class:`ModelNotInstalledError` (exit 3) naming the install command when the
        model is missing or damaged.
        """
        model = self.read(name)
        sizes: Mapping[str, int] = model.manifest.get("sizes", {})
        for relpath in (*CORE_FILES, *sizes):
            try:
                file = inside(model.path, relpath)
            except ValueError as exc:
                self._damaged(name, str(exc))
            if not file.is_file():
                self._damaged(name, f"{relpath} is missing")
            if relpath in sizes and file.stat().st_size != sizes[relpath]:
                self._damaged(name, f"{relpath} has the wrong size")
        return model

    def verify(self, name: str) -> dict[str, str]:
        """Recompute every checksum: relpath → "ok", "bad" or "missing"."""
        model = self.read(name)
        report = {}
        for relpath, expected in model.manifest.get("files", {}).items():
            try:
                file = inside(model.path, relpath)
            except ValueError:
                report[relpath] = "outside the model folder"
                continue
            if not file.is_file():
                report[relpath] = "missing"
            else:
                report[relpath] = "ok" if sha256_file(file) == expected else "bad"
        return report

    def remove(self, name: str) -> Path:
        """Delete model ``name``; return the folder that was removed."""
        folder = self.model_dir(name)
        if not folder.is_dir():
            raise ModelNotInstalledError(f"model {name!r} is not installed")
        try:
            # A symlinked model folder: the link goes, never what it points to.
            if folder.is_symlink():
                folder.unlink()
            else:
                shutil.rmtree(folder)
        except OSError as exc:
            raise SummarizeError(f"cannot remove {folder}: {exc.strerror or exc}") from None
        return folder

    def import_path(
        self,
        path: Path,
        name: str,
        quantization: str = "int8",
        *,
        force: bool = False,
        verify: Verify | None = None,
    ) -> InstalledModel:
        """Install a local Hugging Face folder (converted) or CTranslate2 folder (copied).

        ``verify`` (the caller's check that the staged model loads) runs before the model
        is committed; it raises to refuse it.
        """
        from summarize.store import install as installer

        source = Path(path).expanduser()
        if not source.is_dir():
            raise UsageError(f"{source} is not a folder")
        entry = load_catalog().get(name)
        with self._staging(name, force) as staging:
            try:
                manifest = installer.install_folder(source, staging, name, quantization, entry)
            except SummarizeError as exc:
                # Name what the user gave, not the hidden staging folder.
                raise type(exc)(str(exc).replace(str(staging), str(source))) from None
            if verify is not None:
                verify(staging, name, manifest, str(source))
            return self._commit(staging, name, manifest)

    def pull(
        self,
        name: str,
        quantization: str = "int8",
        *,
        revision: str | None = None,
        offline: bool = False,
        force: bool = False,
        verify: Verify | None = None,
    ) -> InstalledModel:
        """Download catalogue model ``name`` (only its allow-listed files) and convert it.

        With ``offline`` only the local Hugging Face cache is read; the network is never used.
        ``verify`` is checked as for :meth:`import_path`.
        """
        from summarize.store import hub
        from summarize.store import install as installer

        entry = get_entry(name)
        self._check_free(name, force)
        snapshot = hub.download(entry, revision or entry.revision, offline=offline)
        with self._staging(name, force) as staging:
            manifest = installer.install_folder(snapshot, staging, name, quantization, entry)
            manifest["source"] = {
                "repo": entry.repo,
                "revision": snapshot.name,
                "requested_revision": revision or entry.revision,
                "path": str(snapshot),
            }
            if verify is not None:
                verify(staging, name, manifest, f"{entry.repo}@{snapshot.name}")
            return self._commit(staging, name, manifest)

    def read(self, name: str) -> InstalledModel:
        """The installed model ``name`` as its manifest describes it, with no file checks."""
        folder = self.model_dir(name)
        manifest_path = folder / MANIFEST
        if not manifest_path.is_file():
            hint = install_hint(name).removesuffix(" --force")
            raise ModelNotInstalledError(
                f"model {name!r} is not installed; install it with `{hint}`"
            )
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self._damaged(name, f"{MANIFEST} is unreadable")
        problem = manifest_problem(manifest)
        if problem:
            self._damaged(name, problem)
        return InstalledModel(name=name, path=folder, manifest=manifest)

    @staticmethod
    def _damaged(name: str, why: str) -> NoReturn:
        raise ModelNotInstalledError(
            f"model {name!r} is damaged ({why}); reinstall it with `{install_hint(name)}`"
        )

    def _check_free(self, name: str, force: bool) -> None:
        if self.model_dir(name).exists() and not force:
            raise UsageError(
                f"model {name!r} is already installed at {self.model_dir(name)}; "
                "pass --force to replace it"
            )

    @contextmanager
    def _staging(self, name: str, force: bool) -> Iterator[Path]:
        self._check_free(name, force)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".partial", dir=self.root))
        except OSError as exc:
            raise SummarizeError(
                f"cannot write to the model store {self.root}: {exc.strerror or exc}"
            ) from None
        try:
            yield staging
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _commit(self, staging: Path, name: str, manifest: dict[str, Any]) -> InstalledModel:
        write_manifest(staging, manifest)
        final = self.model_dir(name)
        try:
            if final.is_symlink():
                final.unlink()
            elif final.exists():
                shutil.rmtree(final)
            os.replace(staging, final)
        except OSError as exc:
            raise SummarizeError(f"cannot install into {final}: {exc.strerror or exc}") from None
        return self.get(name)


def write_manifest(folder: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """Record checksums and sizes of every file in ``folder`` and write ``manifest.json``."""
    files: dict[str, str] = {}
    sizes: dict[str, int] = {}
    for file in sorted(folder.rglob("*")):
        relpath = file.relative_to(folder).as_posix()
        if file.is_file() and relpath != MANIFEST:
            files[relpath] = sha256_file(file)
            sizes[relpath] = file.stat().st_size
    if not all(core in files for core in CORE_FILES):
        raise SummarizeError(f"{folder} lacks {' or '.join(CORE_FILES)}: not a CTranslate2 model")
    manifest.update(files=files, sizes=sizes)
    manifest.setdefault("created", datetime.now(UTC).isoformat(timespec="seconds"))
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True)
    (folder / MANIFEST).write_text(text + "\n", encoding="utf-8")
    return manifest
