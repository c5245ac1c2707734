"""YAML files checked against a JSON Schema: suites and rule case files, with every problem at its line.

The schemas are data in `data/*.schema.yaml`, so an editor can check a file with them as it is typed. A
schema error names the key it is about and points at the key or value in the file, as a YAML error does.
"""

from __future__ import annotations

import difflib
import functools
import reprlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from figcheck.errors import InputError, InputProblem
from figcheck.load.files import read_text, yaml_data, yaml_tree


@dataclass(frozen=True)
class YamlFile:
    """A YAML file read once: its data (dates as text), and its node tree to locate a problem in the text."""

    path: Path
    data: Any
    root: yaml.Node | None
    lines: list[str]


def read_yaml(path: Path) -> YamlFile:
    text = read_text(path)
    return YamlFile(path, yaml_data(path, text), yaml_tree(path, text), text.split("\n"))


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    """The schema `data/<name>` shipped with figcheck."""
    text = resources.files("figcheck.load").joinpath("data", name).read_text(encoding="utf-8")
    schema: dict[str, Any] = yaml.safe_load(text)
    return schema


def schema_problems(file: YamlFile, schema: str) -> list[InputProblem]:
    """Every way the data of `file` breaks the schema `data/<schema>`, at its line and column."""
    validator = jsonschema.Draft202012Validator(
        load_schema(schema), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    problems: list[InputProblem] = []
    for error in validator.iter_errors(file.data):
        where = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            for key in error.instance:
                if key not in allowed:
                    problems.append(problem_at(file, (*where, key), _unknown(str(key), allowed), at_key=True))
        else:
            # a missing key is pointed at by the key of the mapping that lacks it, a wrong value at itself
            lacking = error.validator in ("required", "anyOf")
            problems.append(problem_at(file, where, _message(error, where), at_key=lacking))
    return problems


def _unknown(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"keys here are {', '.join(allowed)}"
    return f"unknown key '{key}'; {hint}"


_KINDS = {
    "string": "a string",
    "array": "a list",
    "object": "a mapping",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}
_FORMATS = {"date": "a date (YYYY-MM-DD)"}


def _message(error: Any, where: tuple[Any, ...]) -> str:
    """A schema error in plain words, naming the key it is about."""
    subject = _subject(where)
    if error.validator == "type":
        wanted = [error.validator_value] if isinstance(error.validator_value, str) else error.validator_value
        # a key left empty is allowed where its default applies, but is no kind worth suggesting
        kinds = " or ".join(_KINDS[kind] for kind in wanted if kind != "null")
        return f"{subject} must be {kinds}, not {_kind(error.instance)}"
    if error.validator == "enum":
        allowed = ", ".join(str(value) for value in error.validator_value)
        return f"{subject} is {reprlib.repr(error.instance)}; use one of {allowed}"
    if error.validator == "format":
        wanted = _FORMATS.get(error.validator_value, error.validator_value)
        return f"{subject} is {reprlib.repr(error.instance)}, not {wanted}"
    missing = _missing(error)
    if missing:
        return f"{subject} needs key {' or '.join(repr(key) for key in missing)}"
    return f"{subject}: {error.message}"


def _missing(error: Any) -> list[str]:
    """The keys a `required` error (or an anyOf of them: one key or another) asks for."""
    if error.validator == "required":
        return [key for key in error.validator_value if key not in error.instance]
    if error.validator == "anyOf" and all(e.validator == "required" for e in error.context):
        return [key for e in error.context for key in _missing(e)]
    return []


def _subject(where: Sequence[Any]) -> str:
    if not where:
        return "the file"
    if isinstance(where[-1], int):
        return f"item {where[-1] + 1} of {_subject(where[:-1])}"
    if len(where) > 1 and isinstance(where[-2], str):
        return f"'{where[-1]}' in '{where[-2]}'"
    return f"'{where[-1]}'"


def _kind(value: Any) -> str:
    kinds = {
        bool: "boolean",
        int: "integer",
        float: "number",
        type(None): "null",
        dict: "object",
        list: "array",
    }
    return _KINDS[kinds.get(type(value), "string")]


def problem_at(file: YamlFile, where: Sequence[Any], message: str, *, at_key: bool = False) -> InputProblem:
    """A problem at the value found by following `where` (keys and indexes) from the top of the file,
    or at its key with `at_key`; at the nearest enclosing node when the path leaves the tree."""
    node, key_node = file.root, None
    for part in where:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            pair = (None, node.value[part])
        else:
            pair = None
        if pair is None:
            break
        key_node, node = pair
    target = key_node if at_key and key_node is not None else node
    if target is None:
        return InputProblem(file.path, None, message)
    line = target.start_mark.line
    source = file.lines[line] if line < len(file.lines) else None
    return InputProblem(file.path, line + 1, message, target.start_mark.column + 1, source)


def raise_problems(problems: list[InputProblem]) -> None:
    """Raise every problem together, in the order of the file, when there is one."""
    if problems:
        raise InputError.collected(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))
