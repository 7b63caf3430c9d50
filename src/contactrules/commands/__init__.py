"""Subcommands beyond the core ones, one module each, discovered at start-up.

A command module defines ``NAME`` (the subcommand), ``HELP`` (one line), ``register(parser)``
(adds its arguments to its ``argparse`` subparser) and ``run(args) -> int`` (the exit code).
It builds its own engine when it needs one (``contactrules.commands.engine_from_args(args)``),
so a command that loads two ruleset versions (``diff``) is free to.
"""

from __future__ import annotations

import argparse
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
    return Engine.load(
        extra=getattr(args, "rules", []) or [], backend=getattr(args, "backend", "native")
    )
