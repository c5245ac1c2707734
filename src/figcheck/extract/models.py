"""The spaCy pipeline of each language (``data/models.yaml``), loaded once and never downloaded."""

from __future__ import annotations

import importlib.util
from functools import cache
from typing import Any

from figcheck.packaged import data_yaml


@cache
def _table() -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = data_yaml("figcheck.extract", "models.yaml")
    return table


@cache
def load_model(language: str) -> Any | None:
    """The installed pipeline of `language`, every pipe loaded, or None when its package is missing; loaded
    once per process (a pipeline is hundreds of megabytes, which a process does not give back)."""
    entry = _table().get(language)
    if entry is None or importlib.util.find_spec(entry["model"]) is None:
        return None
    import spacy

    return spacy.load(entry["model"])


def reads_names(language: str) -> bool:
    """Whether the language's model also proposes names (its NER) to the mention finder."""
    return bool(_table().get(language, {}).get("names"))


def counted_after(language: str) -> frozenset[str]:
    """The prepositions that join a number to the noun it counts in `language`."""
    return frozenset(str(w).lower() for w in _table().get(language, {}).get("counted_after", ()))
