from collections import Counter
from collections.abc import Iterator
from itertools import groupby
from typing import Any

import narwhals as nw

from figcheck.rules import Finding, Tables, hits_of, join, prefetch, rule, spans
from figcheck.text.names import spelled_alike


def spellings(tables: Tables) -> nw.LazyFrame[Any]:
    """Full-name mentions of persons: the spellings an article actually writes."""
    return tables.mentions.filter(
        (nw.col("type") == "person") & nw.col("refers_to").is_null() & ~nw.col("entity_id").is_null()
    ).select("mention_id", "doc_id", "entity_id", "text", "name", "convention", "canonical")


def misspelled(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows whose name some other row spells differently.

    Forms that only add or leave out parts (`Mme`, a middle name, an initial for the given name) or
    drop the accent of a capital spell the name alike and are not variants of each other.
    """
    names = {r["name"] or r["text"] for r in rows}
    clashing = {a for a in names if any(not spelled_alike(a, b) for b in names if b != a)}
    return [r for r in rows if (r["name"] or r["text"]) in clashing]


def describe(rows: list[dict[str, Any]]) -> str:
    """`"Andreï Beloussov" (french, 1×), "Andrey Belousov" (english, 1×)`."""
    counts = Counter((r["text"], r["convention"]) for r in rows)
    return ", ".join(
        f'"{text}" ({convention or "unknown"}, {n}×)' for (text, convention), n in counts.items()
    )


def suggested_form(rows: list[dict[str, Any]], majority_convention: str | None) -> str:
    pinned: str | None = next((r["canonical"] for r in rows if r["canonical"]), None)
    if pinned:
        return pinned
    preferred: list[str] = [r["text"] for r in rows if r["convention"] == majority_convention]
    return (preferred or [rows[0]["text"]])[0]


@rule(code="NM001", slug="name-variant", severity="warning", family="names")
def name_variant(tables: Tables) -> Iterator[Finding]:
    """One person's name is spelled two or more ways in one article.

    Why
    ---
    A reader, a search engine or a fact-checker cannot tell that "Andreï Beloussov" and "Andrey
    Belousov" are one minister. Mixed spellings come from pasting an English wire into a French
    article. The suggestion is the gazetteer's form when the person is pinned in
    `datasets/entities.csv`, else the spelling that follows the article's main convention.

    Bad
    ---
    Le ministre Andreï Beloussov a présidé la réunion. Selon le ministre Andrey Belousov, les
    livraisons continueront.

    Good
    ----
    Le ministre Andreï Beloussov a présidé la réunion. Selon M. Beloussov, les livraisons continueront.
    """
    written = spellings(tables)
    varied = (
        written.group_by("doc_id", "entity_id")
        .agg(nw.col("text").n_unique().alias("forms"))
        .filter(nw.col("forms") >= 2)
        .select("doc_id", "entity_id")
    )
    hits = (
        join(written, varied, on=["doc_id", "entity_id"]).sort("doc_id", "entity_id", "mention_id").collect()
    )
    prefetch(tables, hits["mention_id"].to_list(), table="mentions")
    rows_by_doc = groupby(hits_of(hits), key=lambda r: r["doc_id"])
    for doc_id, doc_group in rows_by_doc:
        doc_rows = list(doc_group)
        conventions = Counter(r["convention"] for r in doc_rows if r["convention"])
        majority = conventions.most_common(1)[0][0] if conventions else None
        for _, entity_rows in groupby(doc_rows, key=lambda r: r["entity_id"]):
            rows = misspelled(list(entity_rows))
            if not rows:
                continue
            form = suggested_form(rows, majority)
            yield Finding(
                doc_id=doc_id,
                message=f"one person spelled {len({r['text'] for r in rows})} ways: {describe(rows)}",
                evidence=spans(tables, *[r["mention_id"] for r in rows], table="mentions"),
                suggestion=f"write '{form}' throughout",
            )
