"""The lexicons and models a run extracts with: figcheck's own, or the collections' `entities.csv` and
`units.csv`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from figcheck.extract.article import Resources
from figcheck.extract.models import load_model
from figcheck.extract.units import default_units, load_units
from figcheck.load.gazetteer import load_gazetteer

GAZETTEER_FILE = "entities.csv"
UNITS_FILE = "units.csv"


def shared_file(collections: Sequence[Path], name: str) -> Path | None:
    """A shared file next to the collections (`datasets/entities.csv`) or inside the first that has one."""
    for folder in [*collections, *(c.parent for c in collections)]:
        if (folder / name).is_file():
            return folder / name
    return None


def load_resources(collections: Sequence[Path]) -> Resources:
    """The run's lexicons and models: the user's `entities.csv` and `units.csv` where present."""
    gazetteer_path = shared_file(collections, GAZETTEER_FILE)
    units_path = shared_file(collections, UNITS_FILE)
    return Resources(
        units=load_units(units_path) if units_path else default_units(),
        gazetteer=load_gazetteer(gazetteer_path) if gazetteer_path else None,
        # spaCy pipelines load on first use: a run of English articles never loads the French one
        pipeline_for=load_model,
    )
