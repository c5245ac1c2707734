"""Loading of the name data tables in ``data/`` (read once, then cached)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from figcheck.packaged import data_rows


class Grapheme(NamedTuple):
    left: str
    right: str
    phonemes: str


def _rows(filename: str) -> tuple[tuple[str, ...], ...]:
    return data_rows("figcheck.text.names", filename)[1:]  # past the header


@lru_cache(maxsize=1)
def cyrillic() -> dict[str, str]:
    """Cyrillic letter -> phonetic classes."""
    return {row[0]: (row[1] if len(row) > 1 else "") for row in _rows("cyrillic.tsv")}


@lru_cache(maxsize=1)
def latin() -> dict[str, dict[str, list[Grapheme]]]:
    """Convention -> grapheme -> readings (with their context), base convention under ``*``."""
    table: dict[str, dict[str, list[Grapheme]]] = {}
    for row in _rows("latin.tsv"):
        row = (*row, *[""] * (4 - len(row)))
        conv, grapheme, phonemes, context = row[:4]
        left, _, right = context.partition("_") if context else ("", "", "")
        table.setdefault(conv, {}).setdefault(grapheme, []).append(Grapheme(left, right, phonemes))
    return table


@lru_cache(maxsize=1)
def markers() -> list[tuple[str, int, re.Pattern[str]]]:
    """Convention marks: (convention, weight, compiled pattern)."""
    return [(row[0], int(row[1]), re.compile(row[2])) for row in _rows("markers.tsv")]


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Folded Western, short or Ukrainian given-name form -> Cyrillic Russian given name."""
    table: dict[str, str] = {}
    for row in _rows("given_names.tsv"):
        for form in row[1].split(","):
            if form.strip():
                table[form.strip()] = row[0]
    return table


@lru_cache(maxsize=1)
def org_words() -> dict[str, str]:
    """Lowercase organisation word -> ``legal`` or ``generic``."""
    return {row[0]: row[1] for row in _rows("org_words.tsv")}
