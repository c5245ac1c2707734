"""Mentions across a collection -> one entity id per person, organization, place or agency.

Spellings of one name in different romanizations share an entity (`Andreï Beloussov`, `Andrey
Belousov`, `Андрей Белоусов`); the gazetteer's id wins when it knows one of the spellings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from figcheck.extract.names import cluster, convention
from figcheck.load.gazetteer import Gazetteer

NAME_TYPES = {"agency": "organization"}


# (name, type) as the romanization keys see it: a person by the full name it stands for, anything else
# by its text; an agency is an organization to them
NameKey = tuple[str, str]


@dataclass(frozen=True)
class Resolved:
    entity_id: str | None
    convention: str | None
    canonical: str | None


def name_key(mention: Mapping[str, Any]) -> NameKey | None:
    """What a mention row is resolved by; None for a surname or title without its full name."""
    if not (mention.get("name") or mention["type"] != "person"):
        return None
    kind = str(mention["type"])
    return str(mention.get("name") or mention["text"]), NAME_TYPES.get(kind, kind)


def spelling_convention(mention: Mapping[str, Any]) -> str | None:
    """The romanization convention of a person's own spelling (not of a surname standing for one)."""
    own_spelling = mention["type"] == "person" and mention.get("refers_to") is None
    return convention(str(mention["text"])) if own_spelling else None


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
