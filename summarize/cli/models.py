"""``summarize models ...``: list, inspect, pull, import and remove models (typer wiring only)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from summarize.cli.app import typer_app
from summarize.errors import ModelNotInstalledError

models_app = typer_app(
    "Manage the models neural engines use.\n\nExample: summarize models pull nllb-600m"
)

Format = Annotated[str, typer.Option("--format", "-f", help="text or json.")]
Quantization = Annotated[
    str,
    typer.Option(
        "--quantization", "-q", help="int8 (default), int8_float16, int16, float16, float32."
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Replace an installed model.")]


def _store() -> Any:
    from summarize.settings import Settings
    from summarize.store.local import ModelStore

    return ModelStore(Settings.from_env().home)


def _offline(flag: bool) -> bool:
    from summarize.settings import Settings

    return flag or Settings.from_env().offline


def _notice(message: str) -> None:
    from rich.console import Console

    Console(stderr=True, highlight=False, soft_wrap=True).print(message, markup=False)


@models_app.command("list")
def list_models(fmt: Format = "text") -> None:
    """List the catalogue and the installed models.

    Example: summarize models list --format json
    """
    from summarize.cli import models_view
    from summarize.render import check_format

    check_format(fmt, ("text", "json"))
    rows = models_view.model_rows(_store())
    if fmt == "json":
        typer.echo(models_view.to_json(rows))
    else:
        models_view.print_table(rows, tty=sys.stdout.isatty())


@models_app.command("info")
def info(name: str, fmt: Format = "text") -> None:
    """Show a model's catalogue entry, manifest and checksum status (exit 3 if damaged).

    Example: summarize models info nllb-600m
    """
    from summarize.cli import models_view
    from summarize.render import check_format

    check_format(fmt, ("text", "json"))
    details = models_view.model_details(_store(), name)
    if fmt == "json":
        typer.echo(models_view.to_json(details))
    else:
        models_view.print_details(details, tty=sys.stdout.isatty())
    bad = [path for path, state in details.get("checks", {}).items() if state != "ok"]
    if bad:
        from summarize.store.local import install_hint

        raise ModelNotInstalledError(
            f"model {name!r} is damaged ({', '.join(bad)} failed the checksum); "
            f"reinstall it with `{install_hint(name)}`"
        )


@models_app.command("pull")
def pull(
    name: str,
    quantization: Quantization = "int8",
    revision: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--revision",
            help="Hub commit, branch or refs/pr/N (default: the catalogue's pinned commit, "
            "the only one checked against recorded sizes and sha256).",
        ),
    ] = None,
    offline: Annotated[
        bool, typer.Option("--offline", help="Use only the local Hugging Face cache.")
    ] = False,
    force: Force = False,
) -> None:
    """Download a catalogue model and convert it for CTranslate2 (int8 by default).

    Example: summarize models pull mt5-xlsum --quantization int8
    """
    from summarize.store.catalog import get_entry

    get_entry(name)  # an unknown name is refused before anything is said about it
    store = _store()
    _notice(f"pulling {name} ({quantization}) into {store.root}")
    from summarize.engines.neural.verify import check_loads

    model = store.pull(
        name,
        quantization,
        revision=revision,
        offline=_offline(offline),
        force=force,
        verify=check_loads,
    )
    _notice(f"installed {model.name} ({model.family}, {model.task})")
    typer.echo(str(model.path))


@models_app.command("import")
def import_model(
    path: Annotated[Path, typer.Argument(help="A Hugging Face or CTranslate2 model folder.")],
    name: Annotated[str, typer.Option("--name", "-n", help="Name to install it under.")],
    quantization: Quantization = "int8",
    force: Force = False,
) -> None:
    """Install a local model folder: Hugging Face (converted) or CTranslate2 (copied).

    Example: summarize models import ./mt5-small-finetuned --name my-mt5
    """
    from summarize.engines.neural.verify import check_loads

    model = _store().import_path(path, name, quantization, force=force, verify=check_loads)
    _notice(f"installed {model.name} ({model.family}, {model.task})")
    typer.echo(str(model.path))


@models_app.command("remove")
def remove(name: str) -> None:
    """Delete an installed model.

    Example: summarize models remove nllb-1.3b
    """
    folder = _store().remove(name)
    _notice(f"removed {name} ({folder})")


@models_app.command("path")
def path(
    name: Annotated[Optional[str], typer.Argument(help="An installed model.")] = None,  # noqa: UP045
) -> None:
    """Print the model store folder, or one installed model's folder.

    Example: summarize models path nllb-600m
    """
    store = _store()
    typer.echo(str(store.get(name).path if name else store.root))


def register(app: typer.Typer) -> None:
    """Add the ``models`` command group to ``app``."""
    app.add_typer(models_app, name="models")
