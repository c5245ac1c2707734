"""Text normalisation for period phrases (folding, lowercase copies with the same offsets), regular-expression
alternations of wordings, and the :class:`Lexicon` record a language's wording is compiled into."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import regex

from figcheck.packaged import data_yaml
from figcheck.text import replacing, strip_accents


@lru_cache(maxsize=1 << 16)  # the phrases of dates are few words, folded again and again
def fold(text: str) -> str:
    """Lowercase without accents, typographic apostrophes and dashes made plain."""
    return _plain(strip_accents(text.lower()))


_plain = replacing(
    {
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "–": "-",
        "—": "-",
        "‑": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)


def lower_same_length(text: str) -> str:
    """A lowercase copy of ``text`` with the same offsets (plain apostrophes, dashes and spaces)."""
    low = text.lower()
    if len(low) == len(text):
        return _plain(low)
    out = []
    for char in text:
        low = char.lower()
        out.append(low if len(low) == 1 else char)
    return _plain("".join(out))


@cache
def compiled(pattern: str) -> regex.Pattern[str]:
    """`pattern` compiled once per process: the resolvers match small patterns for every phrase they
    read, and the `regex` module's own cache costs more than the match."""
    return regex.compile(pattern)


def alternation(words: Iterable[str], regexes: bool = False) -> str:
    """An alternation of ``words``, longest first, accent-free variants added."""
    forms: set[str] = set()
    for word in words:
        word = _plain(word.lower())
        for variant in {word, fold(word)}:
            forms.add(variant if regexes else regex.escape(variant, special_only=True))
    parts = sorted(forms, key=len, reverse=True)
    parts = [part.replace("\\ ", " ").replace(" ", r"\s+") for part in parts]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def whole_words(pattern: str) -> str:
    """``pattern`` as whole words; a word ending in an apostrophe (``d'``) runs into the next one."""
    return r"(?<![\w])" + pattern + r"(?:(?<=['’])|(?![\w]))"


@dataclass
class Lexicon:
    language: str
    months: dict[str, int]
    months_ambiguous: set[str]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, str]
    relative: dict[str, int]
    days: dict[str, int]
    day_words: dict[str, int]
    numbers: dict[str, int]
    number_joiners: set[str]
    number_multiplied: set[str]
    decade_words: dict[str, int]
    weekday_relative: str
    function_words: set[str]
    numeric_date_order: str
    modifiers: dict[str, list[str]]
    macros: dict[str, str]
    trigger: Any
    grammars: list[tuple[str, Any, Callable[..., Any], frozenset[str]]]
    modifier_re: Any


@cache
def wording(language: str) -> dict[str, Any]:
    """The language's period wording (``data/periods_<lang>.yaml``), for the stages that read periods."""
    return load_wording(language[:2].lower())


def load_wording(language: str) -> dict[str, Any]:
    return dict(data_yaml("figcheck.extract", f"periods_{language}.yaml"))


def folded_map(mapping: dict[str, Any]) -> dict[str, Any]:
    return {fold(str(key)): value for key, value in (mapping or {}).items()}
