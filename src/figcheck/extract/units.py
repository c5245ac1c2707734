"""Unit lexicon: what a figure counts or measures, in French and English, mapped to one canonical id.

The packaged table is ``data/units.csv`` with the columns ``unit,kind,lang,form``:

- ``unit``: the canonical id (``munitions``, ``weapons``, ``military_equipment``, ``percent``, ``EUR``,
  ``km``...). Empty for a ``head`` row.
- ``kind``: ``currency``, ``cents``, ``measure``, ``percent``, ``time``, ``count``, or ``head``. A head is a
  noun that only carries the real unit after it (``unités de munitions``, ``pieces of equipment``): it is
  folded away before the lookup.
- ``lang``: ``fr``, ``en`` or ``*`` (both).
- ``form``: the surface form. Forms of three characters or fewer, and forms with a sign in them (``$``,
  ``km/h``, ``US$``), are symbols and match with their exact case (``m`` is a metre, ``M`` is not). Other
  forms match without case, accents or a plural ``s``/``x``, word by word, so ``équipements militaires``
  and ``équipement militaire`` are one form.

A user table with the same columns is merged over the packaged one with :func:`load_units`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import regex

from figcheck.load.files import read_text
from figcheck.packaged import data_text
from figcheck.text import replacing, strip_accents

COLUMNS = ("unit", "kind", "lang", "form")
KINDS = frozenset({"currency", "cents", "measure", "percent", "time", "count", "head"})
LANGS = frozenset({"fr", "en", "*"})

_apostrophes = replacing({"’": "'", "ʼ": "'", "`": "'"})
_SPLIT = regex.compile(r"(?<=')|\s+")
_LETTERS = regex.compile(r"^[\p{L}\p{M}' -]+$")


def _singular(word: str) -> str:
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def normalize(phrase: str) -> str:
    """The lookup key of a phrase: lowercase, no accents, apostrophes unified, each word singular-ish."""
    text = _apostrophes(phrase).lower().strip()
    words = [w for w in _SPLIT.split(text) if w]
    return " ".join(_singular(strip_accents(w)) for w in words)


def is_symbol(form: str) -> bool:
    """Symbols (``m``, ``$``, ``km/h``) match with their exact case; words match loosely."""
    return len(form) <= 3 or not _LETTERS.match(form)


@dataclass(frozen=True)
class UnitEntry:
    unit: str
    kind: str


@dataclass(frozen=True)
class UnitLexicon:
    """Surface forms (French, English, singular and plural) mapped to canonical unit ids."""

    symbols: Mapping[str, UnitEntry]
    words: Mapping[str, Mapping[str, UnitEntry]]  # language -> normalized form -> entry
    heads: Mapping[str, tuple[str, ...]]  # language -> normalized head phrases ("unite de")
    max_words: int = 1
    kinds: Mapping[str, str] = field(default_factory=dict)  # unit id -> kind
    first_words: frozenset[str] = frozenset()  # first word of every form, to reject most words at once

    def lookup(self, phrase: str, language: str) -> UnitEntry | None:
        """The entry of a phrase exactly as written (heads folded), or None."""
        phrase = phrase.strip()
        if not phrase:
            return None
        entry = self.symbols.get(phrase)
        if entry is not None:
            return entry
        key = normalize(phrase)
        table = self.words.get(_lang(language), {})
        entry = table.get(key)
        if entry is not None:
            return entry
        rest = self.strip_head(key, language)
        if rest is not None and rest != key:
            return table.get(rest) or self.symbols.get(rest)
        return None

    def canonical(self, phrase: str, language: str) -> str | None:
        """The canonical unit id of a phrase (``"unités de munitions"`` -> ``"munitions"``), or None."""
        entry = self.lookup(phrase, language)
        return entry.unit if entry is not None else None

    def kind(self, unit: str | None) -> str | None:
        """The kind of a canonical unit id (``currency``, ``measure``...), or None when unknown."""
        return self.kinds.get(unit) if unit is not None else None

    def units_of(self, *kinds: str) -> list[str]:
        """Canonical unit ids of the given kinds, sorted (``units_of("percent", "time")``)."""
        return sorted(unit for unit, kind in self.kinds.items() if kind in kinds)

    def head_words(self, language: str) -> frozenset[str]:
        """The head nouns that only carry the real unit after them (``unite``, ``piece``), normalized."""
        return frozenset(head.split(" ")[0] for head in self.heads.get(_lang(language), ()))

    def strip_head(self, key: str, language: str) -> str | None:
        """A normalized phrase without its head (``"unite de munition"`` -> ``"munition"``), or None."""
        for head in self.heads.get(_lang(language), ()):
            if key.startswith(head + " "):
                return key[len(head) + 1 :]
        return None


def _lang(language: str) -> str:
    return "fr" if language.lower().startswith("fr") else "en"


def _build(rows: Iterable[tuple[str, str, str, str]]) -> UnitLexicon:
    symbols: dict[str, UnitEntry] = {}
    words: dict[str, dict[str, UnitEntry]] = {"fr": {}, "en": {}}
    heads: dict[str, list[str]] = {"fr": [], "en": []}
    kinds: dict[str, str] = {}
    max_words = 1
    for unit, kind, lang, form in rows:
        targets = ("fr", "en") if lang == "*" else (lang,)
        if kind == "head":
            key = normalize(form)
            keys = [key]
            if key.endswith(" de"):
                keys.append(key[:-3] + " d'")  # "unités de" is also written "unités d'" before a vowel
            for t in targets:
                for k in keys:
                    if k not in heads[t]:
                        heads[t].append(k)
            continue
        entry = UnitEntry(unit, kind)
        kinds[unit] = kind
        if is_symbol(form):
            symbols[form] = entry
            if form.isalpha() and form.isupper() and len(form) == 3:
                # ISO codes are also written in lowercase in running text ("10 milliards de $ usd")
                for t in targets:
                    words[t][form.lower()] = entry
            continue
        key = normalize(form)
        max_words = max(max_words, len(key.split()))
        for t in targets:
            words[t][key] = entry
    first_words = {k.split(" ")[0] for table in words.values() for k in table}
    first_words |= {h.split(" ")[0] for hs in heads.values() for h in hs}
    first_words |= {f.split(" ")[0] for f in symbols}
    return UnitLexicon(
        first_words=frozenset(first_words),
        symbols=MappingProxyType(symbols),
        words=MappingProxyType({k: MappingProxyType(v) for k, v in words.items()}),
        heads=MappingProxyType({k: tuple(sorted(v, key=len, reverse=True)) for k, v in heads.items()}),
        max_words=max_words,
        kinds=MappingProxyType(kinds),
    )


def _read(path: Path | None, text: str) -> list[tuple[str, str, str, str]]:
    """Rows of a units table; a bad row raises InputError naming the file and line."""
    rows: list[tuple[str, str, str, str]] = []
    lines = text.splitlines()
    reader = csv.reader(lines)
    problems: list[tuple[int, str]] = []
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != COLUMNS:
        problems.append((1, f"header must be {','.join(COLUMNS)}, not {','.join(header or [])!r}"))
    else:
        for row in reader:
            line = reader.line_num
            if not row or all(not c.strip() for c in row):
                continue
            if len(row) != len(COLUMNS):
                problems.append(
                    (line, f"expected {len(COLUMNS)} columns ({','.join(COLUMNS)}), got {len(row)}")
                )
                continue
            unit, kind, lang, form = (c.strip() for c in row)
            if kind not in KINDS:
                problems.append((line, f"kind is {kind!r}, not one of {', '.join(sorted(KINDS))}"))
            elif lang not in LANGS:
                problems.append((line, f"lang is {lang!r}, not fr, en or *"))
            elif not form:
                problems.append((line, "form is empty; give the unit as written in text"))
            elif kind != "head" and not unit:
                problems.append((line, "unit is empty; give the canonical unit id"))
            else:
                rows.append((unit, kind, lang, row[3].strip()))
    if problems:
        from figcheck.errors import InputError, InputProblem

        where = path if path is not None else Path("units.csv")
        found = [
            InputProblem(where, line, msg, source_line=lines[line - 1] if 0 < line <= len(lines) else None)
            for line, msg in problems
        ]
        if len(found) == 1:
            p = found[0]
            raise InputError(p.path, p.line, p.message, p.source_line)
        raise InputError.collected(found)
    return rows


@lru_cache(maxsize=1)
def _default_rows() -> tuple[tuple[str, str, str, str], ...]:
    return tuple(_read(None, data_text("figcheck.extract", "units.csv")))


@lru_cache(maxsize=1)
def default_units() -> UnitLexicon:
    """The packaged lexicon (``figcheck/extract/data/units.csv``)."""
    return _build(_default_rows())


def load_units(path: Path) -> UnitLexicon:
    """The packaged lexicon with a user's table (same columns) merged over it.

    Raises ``figcheck.errors.InputError`` (path, line, message) for a bad row; every bad row is collected
    before raising.
    """
    path = Path(path)
    text = read_text(path)
    return _build([*_default_rows(), *_read(path, text)])
