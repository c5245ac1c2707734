"""What a mention row of the tables is resolved by: the key entity resolution groups it under, and the
romanization convention of its own spelling. Extraction resolves entities with them; the tables count
names with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from figcheck.text.names.conventions import convention

NAME_TYPES = {"agency": "organization"}


# (name, type) as the romanization keys see it: a person by the full name it stands for, anything else
# by its text; an agency is an organization to them
NameKey = tuple[str, str]


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
