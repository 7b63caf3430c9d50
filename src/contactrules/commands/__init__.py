"""Subcommands beyond the core ones, one module each, discovered at start-up.

A command module defines ``NAME`` (the subcommand), ``HELP`` (one line), ``register(parser)``
(adds its arguments to its ``argparse`` subparser) and ``run(args) -> int`` (the exit code).
It builds its own engine when it needs one (``contactrules.commands.engine_from_args(args)``),
so a command that loads two ruleset versions (``diff``) is free to.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import pkgutil
from types import ModuleType

from contactrules.engine import Engine


def command_modules() -> list[ModuleType]:
    """Every command module in this package, sorted by name."""
    modules = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            modules.append(importlib.import_module(f"{__name__}.{info.name}"))
    return modules


def engine_from_args(args: argparse.Namespace) -> Engine:
    """The bundled rulesets plus any ``--rules`` overlays named on the command line, checked by
    the ``--backend`` chosen there."""
    return Engine.load(extra=overlays(args), backend=getattr(args, "backend", "native"))


def as_of_date(text: str) -> dt.date:
    """An ``--as-of`` argument: an ISO date, ``2026-11-24``."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def overlays(args: argparse.Namespace) -> list[str]:
    """The ``--rules`` overlay paths named on the command line."""
    return list(getattr(args, "rules", []) or [])


def add_paths_and_as_of(parser: argparse.ArgumentParser, as_of_help: str) -> None:
    """The PATH... and ``--as-of DATE`` arguments ``lint`` and ``test`` share."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="ruleset directories or files, or case files (default: the bundled rulesets)",
    )
    parser.add_argument("--as-of", type=as_of_date, metavar="DATE", help=as_of_help)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
