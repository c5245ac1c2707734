"""The packaged word lists read as the words they show: YAML 1.1 reads a bare `on`, `no` or `off` as a
boolean, which would drop that word from its list without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "figcheck"


def _booleans_in_lists(value: object, where: str) -> list[str]:
    """Where a list holds a boolean (a setting such as `names: true` is no list and stays one)."""
    if isinstance(value, dict):
        return [b for key, item in value.items() for b in _booleans_in_lists(item, f"{where}/{key}")]
    if isinstance(value, list):
        found = [where for item in value if isinstance(item, bool)]
        return found + [b for item in value for b in _booleans_in_lists(item, where)]
    return []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.yaml")), ids=lambda p: p.name)
def test_no_word_of_a_packaged_list_reads_as_a_boolean(path):
    assert _booleans_in_lists(yaml.safe_load(path.read_text(encoding="utf-8")), path.name) == []
