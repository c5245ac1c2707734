from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

import regex

from figcheck.packaged import data_rows
from figcheck.rules import Document, Finding, document_rule

COUNTS = ("count", "noun")


@cache
def _back_reference(language: str) -> regex.Pattern[str]:
    """A determiner that refers back to a set already counted, right before a figure."""
    words = [w for w, lang in data_rows("figcheck.text", "back_references.tsv") if lang == language]
    alternatives = "|".join(regex.escape(w) for w in words) or r"(?!)"
    return regex.compile(rf"(?<![\p{{L}}'’])(?i:{alternatives})\s+$")


def _counts(document: Document) -> list[Mapping[str, Any]]:
    """The exact whole counts of things the article gives, in reading order."""
    return sorted(
        (
            f
            for f in document.figures
            if f["unit_kind"] in COUNTS
            and f["unit"]
            and f["qualifier"] == "exact"
            and f["value"] is not None
            and float(f["value"]).is_integer()
        ),
        key=lambda f: f["start"],
    )


@document_rule(code="FG006", slug="count-drift", severity="warning", family="figures")
def count_drift(document: Document, *, max_gap: float = 0.25) -> Iterator[Finding]:
    """A set counted once is referred back to with another number.

    Why
    ---
    "Les six membres d'équipage" refers back to the crew the article has counted: when it counted
    seven, one of the two numbers is wrong. Only a count that the article gives once before for that
    noun, and that differs by at most a quarter, is compared: a smaller number after "les" is often a
    part of the set ("les deux pays" of the 27).

    Bad
    ---
    L'avion transportait 55 passagers et 7 membres d'équipage. Les six membres d'équipage n'étaient
    pas russes.

    Good
    ----
    L'avion transportait 55 passagers et 7 membres d'équipage. Sur les 55 passagers, 44 étaient russes.

    Options
    -------
    `max_gap`: the largest difference, as a share of the larger count, read as a restatement.
    """
    pattern = _back_reference(document.language)
    counts = _counts(document)
    for n, later in enumerate(counts):
        before = document.text[max(0, later["start"] - 12) : later["start"]]
        if not pattern.search(before):
            continue
        earlier = [f for f in counts[:n] if f["unit"] == later["unit"] and f["sentence"] != later["sentence"]]
        values = {f["value"] for f in earlier}
        if len(values) != 1 or later["value"] in values:
            continue
        first = earlier[0]
        high = max(first["value"], later["value"])
        if abs(first["value"] - later["value"]) > max_gap * high:
            continue
        said = document.evidence(first["start"], first["end"])
        restated = document.evidence(later["start"], later["end"])
        determiner = pattern.search(before)
        counted = f"{said.text} {first['unit_text'] or ''}".strip()
        referred = (
            f"{determiner.group().strip() if determiner else ''} {restated.text} {later['unit_text'] or ''}"
        )
        yield Finding(
            doc_id=document.doc_id,
            message=f'one set counted as "{counted}" and referred back to as "{referred.strip()}"',
            evidence=(said, restated),
            suggestion="check the count and give the same number in both places",
        )
