"""Whether a person's title says he heads or speaks for an institution: `ministre de la Défense` and
`ministère de la Défense` are one voice, not two sources."""

from __future__ import annotations

from functools import lru_cache

from figcheck.packaged import data_rows
from figcheck.text import fold
from figcheck.text.titles import title_key


@lru_cache(maxsize=1)
def _institution_roles() -> dict[str, str]:
    return {fold(word): role for word, _, role in data_rows("figcheck.text", "institutions.tsv")}


def speaks_for(person_title: str | None, institution: str) -> bool:
    """True when the title names the institution (same body), as its head or as a member."""
    if not person_title:
        return False
    title = title_key(person_title)
    body = title_key(institution)
    words = body.words - set(_institution_roles())
    roles = [r for w, r in _institution_roles().items() if w in fold(institution).split()]
    if not words or not title.words:
        return False
    same_body = words <= title.words or title.words <= words
    return same_body and (not roles or title.role in roles or body.role is None)
