"""One program for the neural-engine benchmarks, run from the repository root.

    python -m scripts.bench_neural engines [--quick] ...   # this tool against raw CTranslate2
                                                            # and transformers (engines.py)
    python -m scripts.bench_neural budget [--docs 32] ...  # the batched-call token budget
                                                            # (budget.py)
    python -m scripts.bench_neural realsize [--shapes ...]  # published mT5/NLLB sizes
                                                            # (realsize.py)
    python -m scripts.bench_neural realsize-budget ...     # translation call budget at real
                                                            # size (realsize_budget.py)

Each subcommand's ``--help`` lists its options. Models are built at run time with the
builders of :mod:`summarize.tiny` (shared with the test suite); see ``models.py``.
"""

from __future__ import annotations

import sys

COMMANDS = ("engines", "budget", "realsize", "realsize-budget")


def main(argv: list[str] | None = None) -> None:
    """Run the subcommand named first in ``argv``."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in COMMANDS:
        sys.exit(f"usage: python -m scripts.bench_neural {{{','.join(COMMANDS)}}} [options]")
    if args[0] == "engines":
        from scripts.bench_neural.engines import main as run
    elif args[0] == "realsize":
        from scripts.bench_neural.realsize import main as run
    elif args[0] == "realsize-budget":
        from scripts.bench_neural.realsize_budget import main as run
    else:
        from scripts.bench_neural.budget import main as run
    run(args[1:])


if __name__ == "__main__":
    main()
