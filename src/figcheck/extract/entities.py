"""Mentions across a collection -> one entity id per person, organization, place or agency.

Spellings of one name in different romanizations share an entity (`Andreï Beloussov`, `Andrey
Belousov`, `Андрей Белоусов`); the gazetteer's id wins when it knows one of the spellings.
"""

from __future__ import annotations

from collections.abc import Mapping

from figcheck.load.gazetteer import Gazetteer
from figcheck.text.names import cluster

# a mention row's key lives beside the names, for the tables count names too
from figcheck.text.names.rows import NameKey as NameKey


def resolve_names(
    counts: Mapping[NameKey, int], gazetteer: Gazetteer | None
) -> dict[NameKey, tuple[str, str | None]]:
    """(entity id, canonical spelling) of each distinct name, given how often each occurs.

    Names are resolved in sorted order, so the result does not depend on the order articles were read in.
    """
    distinct = sorted(counts)
    keys = cluster([n for n, _ in distinct], [t for _, t in distinct], [counts[k] for k in distinct])
    pinned: dict[str, tuple[str, str | None]] = {}
    for (name, _), key in zip(distinct, keys, strict=True):
        entry = gazetteer.lookup(name) if gazetteer else None
        if entry is not None:
            pinned.setdefault(key, (entry.entity_id, entry.canonical))
    return {name: pinned.get(key, (key, None)) for name, key in zip(distinct, keys, strict=True)}
