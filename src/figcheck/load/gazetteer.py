"""`entities.csv`: known persons, organizations, agencies and places, with their spellings and titles.

Columns: entity_id, type, canonical, cyrillic, variants (`;`-separated), titles (`;`-separated).
Every bad row is reported with its file and line, and the whole file is rejected.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from figcheck.errors import InputError, InputProblem
from figcheck.load.files import read_text
from figcheck.text import fold as fold  # re-exported: extract/mentions.py imports it from here

COLUMNS = ("entity_id", "type", "canonical", "cyrillic", "variants", "titles")
TYPES = ("person", "organization", "agency", "place")


@dataclass(frozen=True)
class GazetteerEntry:
    entity_id: str
    type: str
    canonical: str
    cyrillic: str | None
    variants: tuple[str, ...]
    titles: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form: canonical first, then the Cyrillic one, then the variants."""
        written = [self.canonical]
        if self.cyrillic:
            written.append(self.cyrillic)
        written.extend(self.variants)
        return tuple(written)

    @property
    def surnames(self) -> tuple[str, ...]:
        """Last words of a person's multi-word forms (`Choïgou`, `Shoigu`, `Шойгу`)."""
        if self.type != "person":
            return ()
        found: list[str] = []
        for form in self.forms:
            words = form.split()
            if len(words) > 1 and words[-1] not in found:
                found.append(words[-1])
        return tuple(found)


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[GazetteerEntry, ...]
    _by_form: dict[str, GazetteerEntry] = field(init=False, repr=False, compare=False)
    _by_surname: dict[str, tuple[GazetteerEntry, ...]] = field(init=False, repr=False, compare=False)
    _by_id: dict[str, GazetteerEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_form: dict[str, GazetteerEntry] = {}
        by_surname: dict[str, list[GazetteerEntry]] = {}
        for entry in self.entries:
            for form in entry.forms:
                by_form.setdefault(fold(form), entry)
            for surname in entry.surnames:
                holders = by_surname.setdefault(fold(surname), [])
                if entry not in holders:
                    holders.append(entry)
        object.__setattr__(self, "_by_form", by_form)
        object.__setattr__(self, "_by_surname", {k: tuple(v) for k, v in by_surname.items()})
        object.__setattr__(self, "_by_id", {e.entity_id: e for e in self.entries})

    def lookup(self, text: str) -> GazetteerEntry | None:
        """The entry written `text` (any form, any case, with or without diacritics)."""
        return self._by_form.get(fold(text))

    def by_surname(self, surname: str) -> tuple[GazetteerEntry, ...]:
        """Persons whose forms end with `surname`; more than one means the surname is ambiguous."""
        return self._by_surname.get(fold(surname), ())

    def get(self, entity_id: str) -> GazetteerEntry | None:
        return self._by_id.get(entity_id)

    @property
    def max_form_words(self) -> int:
        """Length in words of the longest form, to bound lookups of word sequences."""
        return max((len(key.split()) for key in self._by_form), default=0)


def _split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def load_gazetteer(path: Path) -> Gazetteer:
    """Read `path`; raise InputError naming every bad line."""
    path = Path(path)
    problems: list[InputProblem] = []
    lines = read_text(path).split("\n")
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except StopIteration:
        header = []
    if [name.strip() for name in header] != list(COLUMNS):
        raise InputError(
            path, 1, f"header must be {','.join(COLUMNS)}", source_line=lines[0] if lines else None
        )
    entries: list[GazetteerEntry] = []
    seen: dict[str, int] = {}
    line_no = 1
    for row in reader:
        first_line = line_no + 1
        line_no = reader.line_num
        source = lines[first_line - 1] if first_line - 1 < len(lines) else None
        if not any(cell.strip() for cell in row):
            continue

        def bad(message: str, first_line: int = first_line, source: str | None = source) -> None:
            problems.append(InputProblem(path, first_line, message, source_line=source))

        if len(row) != len(COLUMNS):
            bad(f"{len(row)} columns, expected {len(COLUMNS)} ({','.join(COLUMNS)}); quote cells with commas")
            continue
        entity_id, kind, canonical, cyrillic, variants, titles = (cell.strip() for cell in row)
        if not entity_id:
            bad("entity_id is empty")
            continue
        if entity_id in seen:
            bad(f"entity_id '{entity_id}' already used on line {seen[entity_id]}; give each entity one row")
            continue
        seen[entity_id] = first_line
        if kind not in TYPES:
            bad(f"type is '{kind}', not one of {', '.join(TYPES)}")
            continue
        if not canonical:
            bad("canonical is empty; give the name as the article's outlet writes it")
            continue
        entries.append(
            GazetteerEntry(
                entity_id=entity_id,
                type=kind,
                canonical=canonical,
                cyrillic=cyrillic or None,
                variants=_split_list(variants),
                titles=_split_list(titles),
            )
        )
    if problems:
        raise InputError.collected(problems)
    return Gazetteer(tuple(entries))
