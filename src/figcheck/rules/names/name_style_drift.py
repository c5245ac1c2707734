from collections.abc import Iterator
from itertools import groupby
from typing import Any

import narwhals as nw

from figcheck.rules import Finding, Tables, hits_of, join, prefetch, rule, spans
from figcheck.rules.names.name_variant import misspelled, spellings


@rule(code="NM003", slug="name-style-drift", severity="warning", family="names")
def name_style_drift(tables: Tables) -> Iterator[Finding]:
    """Articles of one language in a collection spell the same person differently.

    Why
    ---
    A house style picks one romanization per language. When one French article writes
    "Sergueï Lavrov" and another "Sergei Lavrov", readers and archives see two people. Articles in
    different languages follow their own conventions and are not compared.

    Bad
    ---
    (article A, French) Sergueï Lavrov s'est exprimé mardi.
    (article B, French) Sergei Lavrov s'est exprimé mercredi.

    Good
    ----
    (article A, French) Sergueï Lavrov s'est exprimé mardi.
    (article B, English) Sergei Lavrov spoke on Wednesday.
    """
    languages = tables.documents.select("doc_id", "language")
    written = join(spellings(tables), languages, on="doc_id")
    first_of_each = written.unique(
        subset=["entity_id", "language", "text", "doc_id"], keep="first", order_by=["mention_id"]
    )
    drifting = (
        first_of_each.group_by("entity_id", "language")
        .agg(nw.col("text").n_unique().alias("forms"), nw.col("doc_id").n_unique().alias("articles"))
        .filter((nw.col("forms") >= 2) & (nw.col("articles") >= 2))
        .select("entity_id", "language")
    )
    hits = (
        join(first_of_each, drifting, on=["entity_id", "language"])
        .sort("entity_id", "language", "doc_id", "mention_id")
        .collect()
    )
    prefetch(tables, hits["mention_id"].to_list(), table="mentions")
    for (_, language), rows in groupby(hits_of(hits), key=lambda r: (r["entity_id"], r["language"])):
        by_form: dict[str, dict[str, Any]] = {}
        for row in misspelled(list(rows)):
            by_form.setdefault(row["text"], row)
        chosen = list(by_form.values())
        if len({r["doc_id"] for r in chosen}) < 2:
            continue
        listing = ", ".join(f'"{r["text"]}" in {r["doc_id"]}' for r in chosen)
        yield Finding(
            doc_id=chosen[0]["doc_id"],
            message=f"one person spelled differently across {language} articles: {listing}",
            evidence=spans(tables, *[r["mention_id"] for r in chosen], table="mentions"),
            suggestion=f"pick one {language} spelling (pin it in datasets/entities.csv) and use it everywhere",
        )
