"""Text folding every stage shares: accents dropped, one character at a time.

Dropping the combining marks of a decomposed string gives the same text whether the string is
decomposed whole or a character at a time (decomposition works per character, and the reordering of
marks no longer matters once they are gone), so each character's folding is computed once and reused
through `str.translate`: folding is on the path of every sentence of every article.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from typing import Literal


class _Stripped(dict[int, str]):
    """Code point -> the character decomposed (canonically or by compatibility) without its marks."""

    def __init__(self, form: Literal["NFD", "NFKD"]) -> None:
        super().__init__()
        self.form = form

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize(self.form, chr(code))
        self[code] = "".join(c for c in decomposed if not unicodedata.combining(c))
        return self[code]


_CANONICAL = _Stripped("NFD")
_COMPATIBLE = _Stripped("NFKD")


def strip_accents(text: str) -> str:
    """`text` without its diacritics ("Sergueï" -> "Serguei"); Cyrillic stays Cyrillic ("й" -> "и")."""
    return text if text.isascii() else text.translate(_CANONICAL)


def strip_accents_compatible(text: str) -> str:
    """`strip_accents` after a compatibility decomposition too: ligatures and width variants made plain
    ("ﬁ" -> "fi", "１" -> "1")."""
    return text if text.isascii() else text.translate(_COMPATIBLE)


def replacing(table: Mapping[str, str]) -> Callable[[str], str]:
    """A function writing each character of `table` as its replacement. A handful of `str.replace` calls
    cost a twentieth of `str.translate` with a mapping, which looks every character of the text up."""
    pairs = tuple(table.items())
    if any(old in new for old, _ in pairs for _, new in pairs):
        raise ValueError("a replacement holds a character that is replaced: the order would matter")

    def replace(text: str) -> str:
        for old, new in pairs:
            if old in text:
                text = text.replace(old, new)
        return text

    return replace


_apostrophes = replacing({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-"})


def fold(text: str) -> str:
    """A lookup key: case and diacritics dropped, apostrophes and spaces normalised.

    `Sergueï Choïgou` and `SERGUEI CHOIGOU` share a key; Cyrillic stays Cyrillic.
    """
    stripped = strip_accents_compatible(_apostrophes(text))
    return " ".join(stripped.casefold().split())
