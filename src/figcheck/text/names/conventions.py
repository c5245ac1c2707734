"""Which romanization convention a spelling follows.

The marks live in ``data/markers.tsv`` (regular expression -> convention, weight); this module only
adds them up. A word is read with its own convention when its marks are clear enough, otherwise with
the convention of the whole name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from figcheck.text import strip_accents
from figcheck.text.names.tables import markers

CONVENTIONS = (
    "cyrillic",
    "french",
    "english",
    "german",
    "spanish",
    "italian",
    "polish",
    "iso9",
    "scholarly",
    "other",
)
LATIN_CONVENTIONS = ("english", "french", "german", "spanish", "italian", "polish", "scholarly", "iso9")

WORD_THRESHOLD = 5
"""A word needs this score for its own marks to decide how it is read."""
STRONG = 12
"""Two words whose own marks reach this score in different conventions make a mixed spelling."""
DEFAULT = "english"
"""Latin spellings with no mark at all read as the English press writes them."""

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORDS = re.compile(r"[^\s,]+")


@lru_cache(maxsize=200_000)
def word_scores(word: str) -> tuple[tuple[str, int], ...]:
    """Scores per convention for one lowercased word, best first (empty when no mark matches)."""
    scores: dict[str, int] = {}
    for conv, weight, pattern in markers():
        hits = len(pattern.findall(word))
        if hits:
            scores[conv] = scores.get(conv, 0) + weight * hits
    order = {c: i for i, c in enumerate(CONVENTIONS)}
    return tuple(sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]])))


def word_convention(word: str) -> str | None:
    """The convention a single word's own marks point to, or None when they are too weak."""
    scores = word_scores(word.lower())
    if scores and scores[0][1] >= WORD_THRESHOLD:
        return scores[0][0]
    return None


def _words(name: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(name)]


def combine(words: Iterable[str]) -> str:
    """Convention of a spelling made of these (lowercased) words."""
    total: dict[str, int] = {}
    strong: set[str] = set()
    for word in words:
        scores = word_scores(word)
        for conv, score in scores:
            total[conv] = total.get(conv, 0) + score
        if scores and scores[0][1] >= STRONG:
            top = scores[0][0]
            # A word whose marks are shared by two conventions (w, -ow) is not a clash on its own.
            if len(scores) == 1 or scores[0][1] - scores[1][1] >= WORD_THRESHOLD:
                strong.add(top)
    if "cyrillic" in total:
        return "cyrillic"
    if len(strong - {"scholarly", "iso9"}) >= 2 or ({"scholarly", "iso9"} & strong and len(strong) >= 2):
        return "other"
    if not total:
        return DEFAULT
    order = {c: i for i, c in enumerate(CONVENTIONS)}
    best, score = min(total.items(), key=lambda kv: (-kv[1], order[kv[0]]))
    return best if score >= WORD_THRESHOLD else DEFAULT


@lru_cache(maxsize=200_000)
def convention(name: str) -> str:
    """The romanization convention of a spelling: one of ``CONVENTIONS``.

    >>> convention("Sergueï Choïgou"), convention("Sergey Shoigu"), convention("Сергей Шойгу")
    ('french', 'english', 'cyrillic')
    """
    if _CYRILLIC.search(name):
        return "cyrillic"
    return combine(_words(name))


def how_spellings_differ(a: str, b: str) -> str:
    """How two spellings of one name differ, as a reader would say it: ``"diacritics"`` ("João" and
    "Joao"), ``"romanization"`` (two conventions of one non-Latin name: "Andreï Beloussov" and "Andrey
    Belousov", or a Cyrillic spelling) or ``"spelling"`` (a letter changed: "Cauchi" and "Cauchy")."""
    if _CYRILLIC.search(a) or _CYRILLIC.search(b):
        return "romanization"
    if strip_accents(a).lower() == strip_accents(b).lower():
        return "diacritics"
    changed = [(x, y) for x, y in zip(_words(a), _words(b), strict=False) if x != y]
    # a word whose own marks name a convention, read another way in the other spelling
    marked = any(
        word_convention(x) != word_convention(y) and (word_convention(x) or word_convention(y))
        for x, y in changed
    )
    return "romanization" if marked and convention(a) != convention(b) else "spelling"
