"""Mentions across a collection -> one entity id per person, organization, place or agency.

Spellings of one name in different romanizations share an entity (`Andreï Beloussov`, `Andrey
Belousov`, `Андрей Белоусов`); the gazetteer's id wins when it knows one of the spellings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from figcheck.load.gazetteer import Gazetteer
from figcheck.text.names import cluster

# a mention row's key and convention live beside the names, for the tables count names too
from figcheck.text.names.rows import NameKey as NameKey
from figcheck.text.names.rows import name_key as name_key
from figcheck.text.names.rows import spelling_convention as spelling_convention


@dataclass(frozen=True)
class Resolved:
    entity_id: str | None
    convention: str | None
    canonical: str | None


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


def resolve_entities(mentions: Sequence[Mapping[str, Any]], gazetteer: Gazetteer | None) -> list[Resolved]:
    """One `Resolved` per mention row, in order; rows without a name get no entity."""
    keys = [name_key(m) for m in mentions]
    entities = resolve_names(Counter(k for k in keys if k is not None), gazetteer)
    resolved = []
    for mention, key in zip(mentions, keys, strict=True):
        if key is None:
            resolved.append(Resolved(None, None, None))
        else:
            entity_id, canonical = entities[key]
            resolved.append(Resolved(entity_id, spelling_convention(mention), canonical))
    return resolved
