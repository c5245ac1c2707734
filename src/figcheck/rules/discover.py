"""Find rules: every `Rule` defined in a module of this package, and in a project's `checks/*.py`.

Nothing lists rules by hand: a new rule file is picked up where it stands.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import sys
import traceback
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from figcheck.errors import InputError, InputProblem
from figcheck.rules.registry import Rule


def _rules_in(module: ModuleType) -> list[Rule]:
    return [value for value in vars(module).values() if isinstance(value, Rule)]


def builtin_rules() -> list[Rule]:
    """Every rule shipped in `figcheck.rules`, sorted by code."""
    package = importlib.import_module("figcheck.rules")
    found: list[Rule] = []
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        found.extend(_rules_in(importlib.import_module(info.name)))
    return _checked(found)


def project_rules(files: Iterable[Path]) -> list[Rule]:
    """Rules defined in a project's own Python files (usually `checks/*.py`)."""
    found: list[Rule] = []
    problems: list[InputProblem] = []
    for path in sorted(files):
        name = f"figcheck_project_rules.{path.stem}"
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            problems.append(InputProblem(path, None, "cannot be imported as a Python module"))
            continue
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as error:  # a user's file: report it as input, whatever it raised
            frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == str(path)]
            line = frames[-1].lineno if frames else getattr(error, "lineno", None)
            problems.append(InputProblem(path, line, f"{type(error).__name__}: {error}"))
            continue
        found.extend(_rules_in(module))
    if problems:
        raise InputError.collected(problems)
    return found


def all_rules(project_files: Iterable[Path] = ()) -> list[Rule]:
    return _checked([*builtin_rules(), *project_rules(project_files)])


def _checked(rules: list[Rule]) -> list[Rule]:
    seen: dict[str, Rule] = {}
    unique: list[Rule] = []
    for rule in rules:
        if seen.get(rule.code) is rule:
            continue
        for key in (rule.code, rule.slug):
            if key in seen:
                raise InputError(
                    rule.source,
                    None,
                    f"rule {rule.code} {rule.slug}: '{key}' is already used by "
                    f"{seen[key].source}; pick another code or slug",
                )
            seen[key] = rule
        unique.append(rule)
    return sorted(unique, key=lambda r: r.code)
