"""A suite is a YAML file in `checks/`: which collections, which rules, severities and options."""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from figcheck.errors import InputError, InputProblem
from figcheck.load.files import read_text
from figcheck.load.schema import problem_at, raise_problems, read_yaml, schema_problems
from figcheck.rules.registry import Rule


@dataclass(frozen=True)
class Suite:
    name: str
    path: Path | None
    collections: tuple[Path, ...] = ()
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    rule_files: tuple[Path, ...] = ()
    expectations: Path | None = None


def default_suite() -> Suite:
    return Suite(name="default", path=None)


def read_suite(path: Path) -> Suite:
    """Parse a suite file, checked against `suite.schema.yaml`; every problem is reported as path:line:col."""
    file = read_yaml(path)
    problems = schema_problems(file, "suite.schema.yaml")
    # what the schema cannot know: where a pattern or file name leads
    data = file.data if isinstance(file.data, dict) else {}
    base = path.parent
    rule_globs = _names(data.get("rules")) or ("*.py",)
    for pattern in rule_globs:
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            message = f"rules pattern '{pattern}' leaves the suite's folder; name files in it"
            problems.append(problem_at(file, ("rules",), message))
    expectations = data.get("expectations")
    if isinstance(expectations, str) and not (base / expectations).is_file():
        message = f"expectations file '{expectations}' does not exist next to the suite"
        problems.append(problem_at(file, ("expectations",), message))
    raise_problems(problems)
    return Suite(
        name=str(data.get("name") or path.stem),
        path=path,
        collections=tuple(Path(os.path.normpath(base / c)) for c in _names(data.get("collections"))),
        select=_names(data.get("select")) or ("ALL",),
        ignore=_names(data.get("ignore")),
        severity={str(k): str(v) for k, v in (data.get("severity") or {}).items()},
        options={str(k): dict(v) for k, v in (data.get("options") or {}).items()},
        rule_files=tuple(sorted({p for pattern in rule_globs for p in base.glob(pattern)})),
        expectations=base / expectations if expectations else None,
    )


def _names(value: Any) -> tuple[str, ...]:
    """A suite's names: one name or a list of them (the schema has checked which); none when left empty."""
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _matches(selector: str, rule: Rule) -> bool:
    if selector == "ALL":
        return True
    return selector in rule.selectors() or (selector.isupper() and rule.code.startswith(selector))


def select_rules(suite: Suite, rules: Sequence[Rule]) -> list[Rule]:
    """The rules a suite runs: selected (by code, code prefix, slug or family) and not ignored."""
    _check_selectors(suite, rules)
    chosen = [r for r in rules if any(_matches(s, r) for s in suite.select)]
    return [r for r in chosen if not any(_matches(s, r) for s in suite.ignore)]


def _check_selectors(suite: Suite, rules: Sequence[Rule]) -> None:
    known = sorted({name for r in rules for name in r.selectors()} | {"ALL"})
    problems: list[InputProblem] = []
    path = suite.path or Path("<suite>")
    lines = read_text(path).split("\n") if suite.path else []

    def locate(name: str, within: str) -> tuple[int | None, int | None, str | None]:
        in_section = False
        for number, line in enumerate(lines, start=1):
            if line.startswith(f"{within}:"):
                in_section = True
            elif line and not line[0].isspace() and not line.startswith("-"):
                in_section = False
            column = line.find(name)
            if in_section and column >= 0:
                return number, column + 1, line
        return None, None, None

    def check(name: str, section: str) -> None:
        if any(_matches(name, r) for r in rules) or name in known:
            return
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "run 'figcheck rules' to list them"
        line, column, source = locate(name, section)
        problems.append(
            InputProblem(path, line, f"unknown rule '{name}' in {section}; {hint}", column, source)
        )

    for name in suite.select:
        check(name, "select")
    for name in suite.ignore:
        check(name, "ignore")
    for name in suite.severity:
        check(name, "severity")
    for name, values in suite.options.items():
        check(name, "options")
        for rule in (r for r in rules if name in r.selectors()):
            for option in values:
                if option not in rule.options:
                    line, column, source = locate(option, "options")
                    choices = ", ".join(rule.options) or "none"
                    problems.append(
                        InputProblem(
                            path,
                            line,
                            f"rule '{name}' has no option '{option}'; its options: {choices}",
                            column,
                            source,
                        )
                    )
                elif not _same_kind(values[option], rule.options[option]):
                    line, column, source = locate(option, "options")
                    wanted = type(rule.options[option]).__name__
                    problems.append(
                        InputProblem(
                            path,
                            line,
                            f"option '{option}' of rule '{name}' is {values[option]!r}, not {_KINDS.get(wanted, wanted)}",
                            column,
                            source,
                        )
                    )
    if problems:
        raise InputError.collected(problems)


_KINDS = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "str": "text",
    "list": "a list",
}


def _same_kind(value: Any, default: Any) -> bool:
    """Whether a suite's option value has the kind of the rule's default (a whole number for a number)."""
    if default is None:
        return True
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))
