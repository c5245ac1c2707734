"""The data files shipped inside figcheck (each package's ``data/`` folder): word lists, lexicons and
tables of each language. Every stage reads them through these three functions, so a file is read one
way, once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def data_text(package: str, name: str) -> str:
    """The text of ``<package>/data/<name>``."""
    return resources.files(package).joinpath("data", name).read_text(encoding="utf-8")


@cache
def data_yaml(package: str, name: str) -> Any:
    """The YAML data of ``<package>/data/<name>``, shared by its readers: never change it in place."""
    return yaml.safe_load(data_text(package, name))


@cache
def data_rows(package: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of the tab-separated ``<package>/data/<name>``, cells stripped; blank lines and lines
    starting with ``#`` left out."""
    return tuple(
        tuple(cell.strip() for cell in line.split("\t"))
        for line in data_text(package, name).splitlines()
        if line.strip() and not line.startswith("#")
    )
