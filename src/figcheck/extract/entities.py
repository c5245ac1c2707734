"""Mentions across a collection -> one entity id per person, organization, place or agency.

Spellings of one name in different romanizations share an entity (`Andreï Beloussov`, `Andrey
Belousov`, `Андрей Белоусов`); the gazetteer's id wins when it knows one of the spellings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from figcheck.extract.names import cluster, convention
from figcheck.load.gazetteer import Gazetteer

NAME_TYPES = {"agency": "organization"}


@dataclass(frozen=True)
class Resolved:
    entity_id: str | None
    convention: str | None
    canonical: str | None


def resolve_entities(mentions: Sequence[dict[str, Any]], gazetteer: Gazetteer | None) -> list[Resolved]:
    """One `Resolved` per mention row, in order; rows without a name get no entity."""
    # a person is resolved by the full name it stands for; an organization, place or agency by its text
    named = [i for i, m in enumerate(mentions) if m.get("name") or m["type"] != "person"]
    names = [str(mentions[i].get("name") or mentions[i]["text"]) for i in named]
    # an agency is an organization to the romanization keys
    types = [NAME_TYPES.get(str(mentions[i]["type"]), str(mentions[i]["type"])) for i in named]
    keys = cluster(names, types) if names else []
    pinned: dict[str, tuple[str, str]] = {}
    for name, key in zip(names, keys, strict=True):
        entry = gazetteer.lookup(name) if gazetteer else None
        if entry is not None:
            pinned.setdefault(key, (entry.entity_id, entry.canonical))
    resolved: list[Resolved] = [Resolved(None, None, None)] * len(mentions)
    for index, key in zip(named, keys, strict=True):
        entity_id, canonical = pinned.get(key, (key, None))
        own_spelling = mentions[index]["type"] == "person" and mentions[index].get("refers_to") is None
        resolved[index] = Resolved(
            entity_id, convention(mentions[index]["text"]) if own_spelling else None, canonical
        )
    return resolved
