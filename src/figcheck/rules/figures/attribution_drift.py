from collections.abc import Iterator
from typing import Any

import narwhals as nw

from figcheck.rules import Finding, Tables, hits_of, join, prefetch, rule, spans
from figcheck.rules.figures.claims import with_claimant
from figcheck.text.institutions import speaks_for

SAME_FIGURE = ["unit", "value", "qualifier", "period_start", "period_end"]
COLUMNS = [
    *SAME_FIGURE,
    "doc_id",
    "figure_id",
    "claimant",
    "claimant_name",
    "speaker_type",
    "speaker_title",
    "speaker_name",
]


def _one_voice(hit: dict[str, Any]) -> bool:
    """A person and the institution his title says he heads or speaks for."""
    pairs = [("", "_b"), ("_b", "")]
    return any(
        hit[f"speaker_type{p}"] == "person"
        and hit[f"speaker_type{o}"] == "organization"
        and speaks_for(hit[f"speaker_title{p}"], hit[f"speaker_name{o}"] or "")
        for p, o in pairs
    )


@rule(code="FG004", slug="attribution-drift", severity="info", family="figures")
def attribution_drift(tables: Tables, *, across_articles: bool = False) -> Iterator[Finding]:
    """The same figure is attributed to two different speakers or agencies.

    Why
    ---
    A figure is only as good as its source. When one article (or two) credits the same number to two
    officials, or to TASS here and Reuters there, one attribution is probably wrong. A person and the
    institution he heads (the minister and his ministry) speak with one voice and are not flagged.

    Bad
    ---
    Selon TASS, plus de 310 000 équipements seront livrés en 2026. Selon Reuters, plus de 310 000
    équipements seront livrés en 2026.

    Good
    ----
    Selon TASS, plus de 310 000 équipements seront livrés en 2026, a rapporté TASS, plus de 310 000
    équipements en 2026.

    Options
    -------
    `across_articles`: also compare articles with each other. Off by default: over a large archive,
    different officials giving the same round figure for the same period are mostly coincidences.
    """
    same = SAME_FIGURE if across_articles else ["doc_id", *SAME_FIGURE]
    figures = tables.figures.drop_nulls(subset=SAME_FIGURE)
    # a value given once has one claimant: only repeated values go through the join with the speakers
    # (two keys make a cheap group-by; the claims are then compared on all of `same`)
    repeat = ["doc_id", "value"] if not across_articles else ["unit", "value"]
    repeated = figures.group_by(*repeat).agg(nw.len().alias("copies")).filter(nw.col("copies") >= 2)
    figures = join(figures, repeated.select(*repeat), on=repeat)
    claims = with_claimant(tables, figures).drop_nulls(subset=["claimant"]).select(COLUMNS)
    contested = (
        claims.group_by(*same)
        .agg(nw.col("claimant").n_unique().alias("claimants"))
        .filter(nw.col("claimants") >= 2)
        .select(*same)
    )
    claims = join(claims, contested, on=same)
    hits = (
        join(claims, claims, on=same, suffix="_b")
        .filter(nw.col("claimant") < nw.col("claimant_b"))
        .unique(subset=[*same, "claimant", "claimant_b"], keep="first", order_by=["figure_id", "figure_id_b"])
        .sort("doc_id", "figure_id", "figure_id_b")
        .collect()
    )
    prefetch(tables, [*hits["figure_id"].to_list(), *hits["figure_id_b"].to_list()])
    for hit in hits_of(hits):
        if _one_voice(hit):
            continue
        evidence = spans(tables, hit["figure_id"], hit["figure_id_b"])
        yield Finding(
            doc_id=hit["doc_id"],
            message=(
                f'"{evidence[0].text}" is attributed to {hit["claimant_name"]} here and to '
                f"{hit['claimant_name_b']} there"
            ),
            evidence=evidence,
            suggestion="check who gave this figure and attribute it the same way everywhere",
        )
