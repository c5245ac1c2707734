"""The report formats: each module of this package that defines `FORMAT` is one `--format` of a run.

A new format is a module here with its writer and its `FORMAT`, and a test of its output; nothing else
names it.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from figcheck.report.context import ReportContext


@dataclass(frozen=True)
class OutputFormat:
    """What `figcheck run --format NAME` writes: a file of `--out` named `file`, or standard output."""

    name: str
    file: str | None
    write: Callable[[ReportContext], str]


@cache
def output_formats() -> dict[str, OutputFormat]:
    """Every format of the package, by name, in name order."""
    import figcheck.report as package

    found: dict[str, OutputFormat] = {}
    for module in pkgutil.iter_modules(package.__path__):
        declared = getattr(importlib.import_module(f"figcheck.report.{module.name}"), "FORMAT", None)
        if isinstance(declared, OutputFormat):
            found[declared.name] = declared
    return dict(sorted(found.items()))
